"""How results present themselves: ``render()``, ``plot()``, ``str()`` and Jupyter's display.

Results (summaries, matrices, progress, follow-up lists…) are data first. Each result
type gives its own table (``table_data``) and, where it has one, its own chart
(``plot``), in its own module; this base class draws any table in any tabulate format and
knows no result type.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import Any, Protocol

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._extras import require
from smomtrack._presentation.labels import check_language, word, words
from smomtrack._presentation.names import group_name, in_reading_order, marked
from smomtrack._presentation.tables import check_format, table
from smomtrack._vocabulary.languages import for_reader
from smomtrack._vocabulary.statuses import Status
from smomtrack.exceptions import SmomtrackError

__all__ = [
    "SHOWN_ROWS",
    "Grouped",
    "Presentable",
    "TableData",
    "full_titles",
    "named",
    "ordered_rows",
]

SHOWN_ROWS = 40
"""Jupyter shows this many rows of a result, then how many more there are."""


@attrs.frozen
class TableData:
    """A result's table before it is drawn: for reports that draw tables their own way.

    Attributes:
        headers: The column headers.
        rows: The cells, as text.
        widths: The widths to wrap columns at (``None``: no wrapping).
        statuses: For a matrix, the status of each cell (``None`` where not expected), in
            the order of ``rows`` and of the recommendation columns.
        notes: Lines to print under the table (full titles of shortened labels).
    """

    headers: list[str]
    rows: list[list[str]]
    widths: list[int | None] | None = None
    statuses: list[list[Status | None]] | None = None
    notes: list[str] = attrs.field(factory=list)


class Presentable(abc.ABC):
    """Rendering for a result: ``render()``, ``str()``, and rich display in Jupyter."""

    __slots__ = ()

    @abc.abstractmethod
    def table_data(self, lang: str) -> TableData:
        """The result's table in *lang* (``en``, ``fr``, ``es``), before it is drawn."""

    def render(
        self,
        format: str = "github",  # noqa: A002 (the word people use; as on the command line)
        lang: str = "en",
        *,
        limit: int | None = None,
    ) -> str:
        """The result as a table in any tabulate format (``github``, ``grid``, ``html``…).

        Headers, status labels, theme titles and State names are in *lang* (``en``, ``fr``,
        ``es``). With *limit*, at most that many rows, then "… N more rows".

        Raises:
            InvalidDataError: *format* is not a tabulate format, or *lang* not a language
                smomtrack writes.
        """
        check_language(lang)
        check_format(format)
        data = self.table_data(lang)
        rows = data.rows
        if limit is not None and len(rows) > limit:
            more = words("more_rows", len(rows) - limit, lang)
            rows = [*rows[:limit], [more, *[""] * (len(data.headers) - 1)]]
        return table(data.headers, rows, format, data.widths)

    def plot(self, lang: str = "en", *, ax: Any = None) -> Any:  # noqa: ARG002 (the signature)
        """Draw the result as a chart and return its matplotlib ``Axes``.

        A summary or progress: stacked bars per group; a matrix: a heat map. Labels are in
        *lang*; colours are those of :data:`~smomtrack.STATUS_COLOURS`. Save it with
        ``ax.figure.savefig("chart.svg")`` (or ``.png``).

        Raises:
            MissingExtraError: matplotlib is not installed (the ``plot`` extra).
            SmomtrackError: This result has no chart.
        """
        raise SmomtrackError(f"no chart for {type(self).__name__}")

    @abc.abstractmethod
    def to_records(self) -> list[dict[str, Any]]:
        """The result's rows as plain dicts (for pandas and JSON)."""

    def to_pandas(self) -> Any:
        """The records of :meth:`to_records` as a pandas ``DataFrame``.

        Raises:
            MissingExtraError: pandas is not installed (the ``pandas`` extra).
        """
        return require("pandas", "to_pandas()", "pandas").DataFrame(self.to_records())

    def __str__(self) -> str:
        return self.render("simple")

    def _repr_html_(self) -> str:
        return self.render("html", limit=SHOWN_ROWS)

    def _repr_markdown_(self) -> str:
        return self.render("github", limit=SHOWN_ROWS)


class _Row(Protocol):
    @property
    def group(self) -> str | None:
        """The group's key; ``None`` for the total."""


class Grouped(Protocol):
    """A result with one row per group (a summary, progress)."""

    @property
    def by(self) -> str:
        """How pairs are grouped."""

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue the groups come from."""

    @property
    def rows(self) -> Sequence[_Row]:
        """One row per group."""


def ordered_rows(result: Grouped, lang: str) -> list[Any]:
    """The rows of *result* as people read them in *lang* (States by their name in *lang*)."""
    by_group = {row.group: row for row in result.rows}
    names = [row.group for row in result.rows if row.group is not None]
    return [by_group[group] for group in in_reading_order(result.by, names, lang)]


def named(record: dict[str, Any], by: str, catalogue: Catalogue) -> dict[str, Any]:
    """*record* with the group's English name after its key (a State's name, a title…)."""
    group = record[by]
    first = {by: group, "name": group_name(catalogue, by, group)}
    return {**first, **{k: v for k, v in record.items() if k != by}}


def full_titles(result: Grouped, lang: str) -> list[str]:
    """The full titles of the themes a table names by a short label."""
    if result.by != "theme":
        return []
    notes = []
    for row in result.rows:
        theme = None if row.group is None else result.catalogue.get_theme(row.group)
        if theme is not None:
            title = marked(for_reader(theme.titles, lang), lang)
            notes.append(word("note_title", lang, key=theme.key, title=title))
    return notes
