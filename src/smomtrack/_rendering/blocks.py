"""The blocks a report is made of, before it is written as Markdown, HTML, text or Word."""

from __future__ import annotations

import datetime as dt

import attrs

from smomtrack._presentation.labels import format_date, word
from smomtrack._summaries.matrix import Matrix
from smomtrack._summaries.presentation import Presentable

__all__ = ["Block", "Chart", "Heading", "HeatMap", "Masthead", "Paragraph", "Quote", "Table"]


@attrs.frozen
class Masthead:
    """What the first page of a United Nations document says above its title.

    Attributes:
        lang: The document's language (its original language, since it is written in it).
        issued: The date of issue.
        symbol: The document symbol, when one was given (never invented).
        author: Who the document's properties name as its author (``""``: no one).
    """

    lang: str
    issued: dt.date
    symbol: str | None = None
    author: str = ""

    def details(self) -> list[str]:
        r"""The block beside the masthead: distribution, date of issue, original language.

        >>> Masthead("fr", dt.date(2024, 2, 15)).details()
        ['Distr. générale', '15 février 2024', '', 'Original\xa0: français']
        """
        language = word(f"language_{self.lang}", self.lang)
        return [
            word("masthead_distribution", self.lang),
            format_date(self.issued, self.lang),
            "",
            word("masthead_original", self.lang, language=language),
        ]


@attrs.frozen
class Heading:
    """A heading: level 1 is the report's title. An annex's heading starts a new page."""

    level: int
    text: str
    annex: bool = False


@attrs.frozen
class Paragraph:
    """A paragraph; ``**bold**`` marks emphasis. A note is smaller (editorial texts, sources).

    Attributes:
        numbered: A paragraph of the narrative, numbered in documents (Word, HTML) as the
            United Nations number theirs.
    """

    text: str
    note: bool = False
    numbered: bool = False


@attrs.frozen
class Quote:
    """An official text quoted verbatim, in the language it is in (*lang*)."""

    text: str
    lang: str


@attrs.frozen
class Table:
    """A result shown as a table in the report's language.

    Attributes:
        detailed: A summary whose every column (each status) a document moves to an annex,
            keeping the figures that read on a page (Word, HTML); Markdown and text show
            the whole table in place.
    """

    result: Presentable
    lang: str
    detailed: bool = False


@attrs.frozen
class Chart:
    """A result drawn as a chart (HTML and Word reports), with its caption."""

    result: Presentable
    lang: str
    caption: str


@attrs.frozen
class HeatMap:
    """A part of the State × recommendation heat map, with its caption.

    Documents draw it as a table of their own (coloured cells, each with its status's
    symbol; a hatched cell for a pair not expected), not as a picture: it is vector,
    selectable, read aloud, and made in milliseconds however many parts there are.
    """

    part: Matrix
    lang: str
    caption: str


Block = Masthead | Heading | Paragraph | Quote | Table | Chart | HeatMap
