"""Tables as a document shows them: people's labels, the figures that fit a page, widths that fit.

Markdown and text reports show each result's table as it is. A document (Word, HTML) is read
on paper: keys become the labels people use (recommendation 13 of the 7th meeting is
"13" in a section on that meeting; a theme is its section, "II.B"), a summary keeps on
the page the figures that read there and gives every column in an annex, and each
column is as wide as its longest word, so that no header breaks inside a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.labels import format_ordinal, word
from smomtrack._rendering.blocks import Table
from smomtrack._summaries.presentation import TableData
from smomtrack._vocabulary.statuses import Status
from smomtrack._words import number

__all__ = ["NUMBER", "for_document", "is_total", "labels", "narrow", "people", "widths"]

NUMBER = re.compile(r"^[−\-+]?[\d\s.,\u202f\u00a0]*\d[\d\s.,\u202f\u00a0]*([\s\u00a0]?%)?$|^—$")
"""A cell that holds a figure (right-aligned in documents)."""

_MARKER = re.compile(r" \[[a-z]{2}\]$")
"""The language marker a table puts after a text of another language (" [fr]")."""

_KEY = re.compile(r"^[A-Z]{2,10}\d{1,9}-\d{1,9}$")
"""A recommendation's key in a cell (``SOM7-13``)."""

_COUNT = re.compile(r"^\d{4,}$")
"""A count of a thousand or more, written without separators by the results' tables."""


def _figure(cell: str, lang: str) -> str:
    """A count as the language writes it in a document (``2 700``, ``2,700``)."""
    return number(int(cell), lang) if _COUNT.match(cell) else cell


def labels(catalogue: Catalogue, keys: Iterable[str], lang: str) -> dict[str, str]:
    """People's labels of recommendation and theme keys: "13" (or "13, 7th meeting"), "II.B".

    >>> from smomtrack import builtin_catalogue
    >>> found = labels(builtin_catalogue(), ["SOM7-13"], "fr")
    >>> found["SOM7-13"], found["SOM7-B"]
    ('13', 'II.B')
    """
    recommendations = [catalogue.get(key) for key in keys]
    meetings = {rec.meeting for rec in recommendations if rec is not None}
    found: dict[str, str] = {}
    for key, rec in zip(keys, recommendations, strict=False):
        if rec is None:
            continue
        if len(meetings) == 1:
            found[key] = str(rec.number)
        else:
            ordinal = format_ordinal(catalogue.meeting(rec.meeting).ordinal, lang)
            found[key] = f"{rec.number} ({word('report_meeting', lang, ordinal=ordinal)})"
    for theme in catalogue.themes():
        found[theme.key] = theme.section
    return found


def people(data: TableData, names: Mapping[str, str]) -> TableData:
    """*data* with keys in its cells replaced by people's labels, and no language markers."""
    rows = [[names.get(cell, _MARKER.sub("", cell)) for cell in row] for row in data.rows]
    notes = []
    for note in data.notes:
        key = note.split(maxsplit=1)[0].rstrip(":") if note.strip() else ""
        rest = note[len(key) :]
        notes.append(f"{names[key]}{_MARKER.sub('', rest)}" if key in names else note)
    return attrs.evolve(data, rows=rows, notes=notes)


def narrow(data: TableData, lang: str) -> TableData | None:
    """A summary's figures that read on a page; ``None`` if *data* is not a summary's table.

    The group, expected, reported, implemented, the two rates and the score.
    """
    wanted = [
        word("expected", lang),
        word("reported", lang),
        Status.IMPLEMENTED.label(lang),
        word("response_rate", lang),
        word("implementation_rate", lang),
        word("score", lang),
    ]
    if not all(header in data.headers for header in wanted):
        return None
    first = data.headers.index(wanted[0])
    keep = [*range(first), *(data.headers.index(header) for header in wanted)]
    return TableData(
        headers=[data.headers[i] for i in keep],
        rows=[[row[i] for i in keep] for row in data.rows],
        notes=data.notes,
    )


def is_total(row: list[str], lang: str) -> bool:
    """Whether *row* is a table's total row."""
    return bool(row) and row[0] == word("total", lang)


CHAR = 0.0175
"""The width of an average character of Times New Roman, in centimetres per point of size."""

BOLD = 1.12
"""How much wider a bold word is (a header's)."""

PAD = 0.45
"""A cell's margins in centimetres (0.19 cm each side in Word), and a little air."""

_WHOLE = 16
"""A cell this short is kept on one line (a date, a status, a figure): never "30 juin|2021"."""


def widths(data: TableData, page: float, size: float) -> list[float] | None:
    """Column widths (cm) that fit *page* cm at *size* points, no word cut; ``None`` if none do.

    Each column is at least as wide as its longest word (the header's in bold); the room
    left goes to the columns of long texts (titles, names), which wrap at words.
    """
    char = size * CHAR  # an average character of a serif face, in cm
    pad = PAD
    least, wish = [], []
    for index, header in enumerate(data.headers):
        cells = [row[index] for row in data.rows if index < len(row)]
        words_ = [len(w) * BOLD for w in header.split()] + [
            len(w) for cell in cells for w in (cell.split() if len(cell) > _WHOLE else [cell])
        ]
        least.append(max([*words_, 1]) * char + pad)
        if all(NUMBER.match(cell.strip()) for cell in cells if cell.strip()):
            wish.append(least[-1])  # figures: as wide as their header's longest word
            continue
        longest = max([len(cell) for cell in cells] + [len(header) * 0.5])
        wish.append(min(longest, 48) * char + pad)
    if sum(least) > page:
        return None
    spare = page - sum(least)
    extra = [max(w - m, 0.0) for w, m in zip(wish, least, strict=True)]
    total = sum(extra)
    if total <= spare:
        return [m + e for m, e in zip(least, extra, strict=True)]
    return [m + spare * e / total for m, e in zip(least, extra, strict=True)]


def for_document(table: Table) -> tuple[TableData, TableData | None]:
    """A table block as a document shows it: on the page, and (a summary's) in the annex.

    Keys become people's labels; a detailed summary keeps its main figures on the page and
    gives every column in the annex (``None`` for any other table).
    """
    lang = table.lang
    data = table.result.table_data(lang)
    catalogue = getattr(table.result, "catalogue", None)
    if isinstance(catalogue, Catalogue):
        cells = {cell for row in data.rows for cell in row if _KEY.match(cell)}
        keys = [cell for cell in sorted(cells) if catalogue.get(cell) is not None]
        data = people(data, labels(catalogue, keys, lang))
    data = attrs.evolve(data, rows=[[_figure(cell, lang) for cell in row] for row in data.rows])
    if table.detailed:
        body = narrow(data, lang)
        if body is not None:
            return body, data
    return data, None
