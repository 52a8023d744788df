"""Table formats: the ones tabulate draws, and those whose cells can wrap."""

from __future__ import annotations

from collections.abc import Sequence

import tabulate as tabulate_module

from smomtrack._words import Message, Quoted
from smomtrack.exceptions import InvalidDataError

__all__ = [
    "MARKDOWN_FORMATS",
    "PIPE_FORMATS",
    "TABLE_FORMATS",
    "WRAPPING_FORMATS",
    "check_format",
    "markdown_text",
    "table",
]

TABLE_FORMATS: tuple[str, ...] = tuple(sorted(tabulate_module.tabulate_formats))
"""Every table format tabulate knows (``"github"``, ``"grid"``, ``"html"``, ``"latex"``, …)."""

WRAPPING_FORMATS = frozenset(
    {
        "plain",
        "simple",
        "grid",
        "simple_grid",
        "rounded_grid",
        "fancy_grid",
        "rst",
        "psql",
        "outline",
        "pretty",
    }
)


def check_format(fmt: str) -> str:
    """Return *fmt* if tabulate knows it.

    Raises:
        InvalidDataError: It does not; the message lists the formats.
    """
    if fmt not in TABLE_FORMATS:
        raise InvalidDataError(
            Message("msg_table_format", format=Quoted(fmt), formats=", ".join(TABLE_FORMATS))
        )
    return fmt


PIPE_FORMATS = frozenset({"github", "pipe", "jira", "moinmoin", "youtrack", "orgtbl"})
"""Formats whose cells are separated by ``|`` on one line: a ``|`` or a line break in a cell
would shift the cells after it under the wrong headers."""


MARKDOWN_FORMATS = frozenset({"github", "pipe"})
"""Markdown's formats: HTML in a cell would be HTML in the page it is shown in."""


def markdown_text(text: str) -> str:
    """*text* to put in Markdown as it reads: ``&``, ``<`` and ``>`` as entities, never markup.

    >>> markdown_text("<script>alert(1)</script> & co")
    '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(value: object, fmt: str) -> object:
    if fmt in PIPE_FORMATS and isinstance(value, str):
        cell = " ".join(value.replace("|", "\\|").split())
        return markdown_text(cell) if fmt in MARKDOWN_FORMATS else cell
    return value


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    fmt: str,
    widths: Sequence[int | None] | None = None,
) -> str:
    """One table in tabulate format *fmt*, wrapping long columns where the format allows.

    In Markdown and the other one-line formats, a ``|`` in a cell is escaped and line breaks
    become spaces, so that every cell stays under its header.

    Raises:
        InvalidDataError: *fmt* is not a tabulate format.
    """
    check_format(fmt)
    wrap = list(widths) if widths and fmt in WRAPPING_FORMATS else None
    return tabulate_module.tabulate(
        [[_cell(value, fmt) for value in row] for row in rows],
        headers=[str(_cell(h, fmt)) for h in headers],
        tablefmt=fmt,
        maxcolwidths=wrap,
        disable_numparse=True,
    )
