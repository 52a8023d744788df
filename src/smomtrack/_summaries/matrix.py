"""The State × recommendation matrix of statuses."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Unpack

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.colours import OUTLINE, STATUS_COLOURS
from smomtrack._presentation.labels import check_language, format_date, word, words
from smomtrack._presentation.names import in_reading_order
from smomtrack._records.fields import FrozenMap, frozen_map
from smomtrack._summaries import charts
from smomtrack._summaries.presentation import Presentable, TableData
from smomtrack._summaries.scope import Filters, Scope
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.keys import recommendation_key
from smomtrack._vocabulary.states import by_name, state_name
from smomtrack._vocabulary.statuses import Status

__all__ = ["MATRIX_SYMBOLS", "Matrix", "matrix", "matrix_legend"]


def _cells(cells: Mapping[tuple[str, str], Status]) -> FrozenMap[tuple[str, str], Status]:
    return frozen_map(cells)


@attrs.frozen
class Matrix(Presentable):
    """Statuses of every State (rows) on every recommendation (columns) as of a date.

    Attributes:
        as_of: The date.
        states: The row keys (State codes), by English name (tables re-order them by the
            name in their language).
        recommendations: The column keys, in catalogue order.
        cells: The status per ``(state, recommendation)``; a pair not expected on the date
            (:meth:`Tracker.expected`) has no cell.
        catalogue: The catalogue (for titles when rendering).
    """

    as_of: dt.date
    states: tuple[str, ...]
    recommendations: tuple[str, ...]
    cells: Mapping[tuple[str, str], Status] = attrs.field(converter=_cells, repr=False)
    catalogue: Catalogue = attrs.field(eq=False, repr=False)

    def status(self, state: str, recommendation: str) -> Status:
        """The status in the cell of *state* (alpha-3) and *recommendation* (any key form).

        Raises:
            KeyError: The State or the recommendation is not in the matrix, or the pair is
                not expected on the date.
        """
        return self.cells[(state, recommendation_key(recommendation) or recommendation)]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per State: ``state``, then one key per recommendation (the status value)."""
        return [
            {
                "state": state,
                **{
                    key: cell.value if (cell := self.cells.get((state, key))) else None
                    for key in self.recommendations
                },
            }
            for state in self.states
        ]

    def table_data(self, lang: str) -> TableData:
        """The table: one row per State (as people read them in *lang*), a symbol per status."""
        headers = [word("state", lang), *self.recommendations]
        states = in_reading_order("state", list(self.states), lang)
        statuses = [
            [self.cells.get((state, key)) for key in self.recommendations] for state in states
        ]
        rows = [
            [state_name(state, lang), *("" if s is None else MATRIX_SYMBOLS[s] for s in cells)]
            for state, cells in zip(states, statuses, strict=True)
        ]
        return TableData(headers, rows, statuses=statuses, notes=[matrix_legend(lang)])

    def render(
        self,
        format: str = "github",  # noqa: A002 (the word people use; as on the command line)
        lang: str = "en",
        *,
        limit: int | None = None,
    ) -> str:
        """The matrix as a table of symbols and its legend; in ``html``, a coloured heat map.

        Raises:
            InvalidDataError: *format* is not a tabulate format, or *lang* not a language
                smomtrack writes.
        """
        if format in {"html", "unsafehtml"}:
            return self._html(check_language(lang), limit)
        return super().render(format, lang, limit=limit) + "\n\n" + matrix_legend(lang)

    def _html(self, lang: str, limit: int | None = None) -> str:
        """The matrix as an HTML heat map: one coloured cell per status, the label as tooltip."""
        head = "".join(f"<th>{html.escape(key)}</th>" for key in self.recommendations)
        lines = [
            '<table class="smomtrack-matrix">',
            f"<thead><tr><th>{html.escape(word('state', lang))}</th>{head}</tr></thead>",
            "<tbody>",
        ]
        states = in_reading_order("state", list(self.states), lang)
        shown = states if limit is None else states[:limit]
        for state in shown:
            cells = []
            for key in self.recommendations:
                status = self.cells.get((state, key))
                if status is None:
                    cells.append("<td></td>")
                    continue
                cells.append(
                    f'<td title="{html.escape(status.label(lang))}" '
                    f'style="background:{STATUS_COLOURS[status]};text-align:center">'
                    f"{MATRIX_SYMBOLS[status]}</td>"
                )
            name = html.escape(state_name(state, lang))
            lines.append(f"<tr><th>{name}</th>{''.join(cells)}</tr>")
        if len(shown) < len(states):
            more = words("more_rows", len(states) - len(shown), lang)
            lines.append(f'<tr><td colspan="{len(self.recommendations) + 1}">{more}</td></tr>')
        lines += ["</tbody>", "</table>", f"<p>{html.escape(matrix_legend(lang))}</p>"]
        return "\n".join(lines)

    def plot(self, lang: str = "en", *, ax: Any = None) -> Any:
        """A heat map of States (rows) by recommendations (columns), coloured by status."""
        check_language(lang)
        plt = charts.pyplot()
        from matplotlib.colors import ListedColormap  # noqa: PLC0415 (with the extra)
        from matplotlib.patches import Patch  # noqa: PLC0415

        states = in_reading_order("state", list(self.states), lang)
        scale = list(Status)
        if ax is None:
            width = max(6.0, 0.32 * len(self.recommendations) + 4.5)
            height = max(2.5, 0.24 * len(states) + 1.8)
            _, ax = plt.subplots(figsize=(width, height), layout="constrained")
        codes = [
            [
                float("nan")
                if (cell := self.cells.get((state, key))) is None
                else scale.index(cell)
                for key in self.recommendations
            ]
            for state in states
        ]
        colours = ListedColormap([STATUS_COLOURS[s] for s in scale]).with_extremes(bad="#eeeeee")
        ax.imshow(codes, cmap=colours, vmin=-0.5, vmax=len(scale) - 0.5, aspect="auto")
        ax.set_xticks(range(len(self.recommendations)), self.recommendations, rotation=90)
        ax.set_yticks(range(len(states)), [charts.short(state_name(s, lang)) for s in states])
        ax.tick_params(labelsize=8)
        ax.set_xticks([x - 0.5 for x in range(1, len(self.recommendations))], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, len(states))], minor=True)
        ax.grid(which="minor", color="white", linewidth=0.8)
        ax.tick_params(which="minor", length=0)
        ax.set_title(
            f"{word('implementation_status', lang)} — {format_date(self.as_of, lang)}",
            loc="left",
            fontsize=11,
        )
        handles = [
            Patch(facecolor=STATUS_COLOURS[s], edgecolor=OUTLINE, label=s.label(lang))
            for s in scale
        ]
        charts.legend(ax, word("status", lang), handles)
        return ax


MATRIX_SYMBOLS: Mapping[Status, str] = MappingProxyType(
    {
        Status.NOT_STARTED: "○",
        Status.PLANNED: "◔",
        Status.IN_PROGRESS: "◑",
        Status.PARTIALLY_IMPLEMENTED: "◕",
        Status.IMPLEMENTED: "●",
        Status.NOT_APPLICABLE: "–",
        Status.NO_INFORMATION: "·",
    }
)
"""The symbol of each status in matrix cells (language-neutral; the legend gives the labels)."""


def matrix_legend(lang: str) -> str:
    """The legend of the matrix symbols in *lang*: ``● Implemented · ◕ Partially …``."""
    return " · ".join(f"{symbol} {status.label(lang)}" for status, symbol in MATRIX_SYMBOLS.items())


def matrix(tracker: Tracker, scope: Scope | None = None, **filters: Unpack[Filters]) -> Matrix:
    """The State × recommendation matrix of statuses as of a date (today by default).

    The scope and the filters (*as_of*, *meeting*, *theme*, *region*, *reporter*,
    *known_at*) work as in :func:`~smomtrack.summarize`.

    Raises:
        UnknownMeetingError: *meeting* is not in the catalogue.
        UnknownThemeError: *theme* is not in the catalogue.
        InvalidDataError: *region* is not a regional group.
    """
    chosen = Scope.of(scope, **filters)
    day = chosen.as_of
    known = chosen.tracker(tracker)
    recommendations = chosen.recommendations(known)
    states = chosen.states(known)
    cells = {
        (state, rec.key): status
        for rec, state, status, _ in chosen.pairs(known, recommendations, states)
    }
    return Matrix(
        as_of=day,
        states=tuple(by_name(states)),
        recommendations=tuple(r.key for r in recommendations),
        cells=cells,
        catalogue=tracker.catalogue,
    )
