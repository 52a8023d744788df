"""The report writers, one per format, in one table: a new format is one module and one entry.

A writer takes the blocks of a report (:mod:`smomtrack._rendering.blocks`) and the
report's language, and returns the document: text, or bytes for a binary format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

import attrs

from smomtrack._rendering.blocks import Block
from smomtrack._rendering.report_docx import write_docx
from smomtrack._rendering.report_html import write_html
from smomtrack._rendering.report_markdown import write_markdown, write_text

__all__ = ["WRITERS", "Writer"]


@attrs.frozen
class Writer:
    """How a report is written in one format.

    Attributes:
        write: ``write(blocks, lang)``: the document, as text or bytes.
        suffixes: The file suffixes of such documents, the usual one first.
        binary: The document is bytes: it goes to a file, never to a terminal.
        charts: The format shows charts (drawn when the ``plot`` extra is installed).
        describe: The catalogues' key of what the format is ("a Word document"), for
            ``--help`` and messages.
    """

    write: Callable[[list[Block], str], str | bytes]
    suffixes: tuple[str, ...]
    describe: str
    binary: bool = False
    charts: bool = False


WRITERS: Mapping[str, Writer] = MappingProxyType(
    {
        "markdown": Writer(write_markdown, (".md", ".markdown"), "writer_markdown"),
        "text": Writer(write_text, (".txt",), "writer_text"),
        "html": Writer(write_html, (".html", ".htm"), "writer_html", charts=True),
        "docx": Writer(write_docx, (".docx",), "writer_docx", binary=True, charts=True),
    }
)
"""Every report format by its name (``format=`` and ``--format``)."""
