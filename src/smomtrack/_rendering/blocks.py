"""The blocks a report is made of, before it is written as Markdown, HTML, text or Word."""

from __future__ import annotations

import attrs

from smomtrack._summaries.presentation import Presentable

__all__ = ["Block", "Chart", "Heading", "Paragraph", "Table"]


@attrs.frozen
class Heading:
    """A heading: level 1 is the report's title."""

    level: int
    text: str


@attrs.frozen
class Paragraph:
    """A paragraph; ``**bold**`` marks emphasis. A note is smaller (editorial texts, sources)."""

    text: str
    note: bool = False


@attrs.frozen
class Table:
    """A result shown as a table in the report's language."""

    result: Presentable
    lang: str


@attrs.frozen
class Chart:
    """A result drawn as a chart (HTML and Word reports), with its caption."""

    result: Presentable
    lang: str
    caption: str


Block = Heading | Paragraph | Table | Chart
