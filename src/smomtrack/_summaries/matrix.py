"""The State × recommendation matrix of statuses."""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Unpack

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.colours import (
    DARK_STATUSES,
    HATCH,
    NOT_EXPECTED_COLOUR,
    OUTLINE,
    STATUS_COLOURS,
)
from smomtrack._presentation.labels import check_language, word, words
from smomtrack._presentation.names import in_reading_order
from smomtrack._records.fields import FrozenMap, frozen_map
from smomtrack._summaries import charts
from smomtrack._summaries.presentation import Presentable, TableData
from smomtrack._summaries.scope import Filters, Scope
from smomtrack._tracking.columns import STATUSES
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

    def column_labels(self, lang: str) -> tuple[list[str], str | None]:
        """The label of each column, and the heading above them in *lang* (or ``None``).

        The recommendations of one meeting are labelled by their number under a heading
        naming the meeting; those of several, by their key.
        """
        meetings = {key.rpartition("-")[0] for key in self.recommendations}
        if len(meetings) != 1:
            return list(self.recommendations), None
        meeting = self.catalogue.get_meeting(next(iter(meetings)))
        what = word("recommendation", lang)
        heading = what if meeting is None else f"{what} — {charts.meeting_name(meeting, lang)}"
        return [key.rpartition("-")[2] for key in self.recommendations], heading

    def plot(self, lang: str = "en", *, ax: Any = None) -> Any:
        """A heat map of States (rows) by recommendations (columns), coloured by status.

        Each cell also shows the status's symbol (:data:`MATRIX_SYMBOLS`), so that the map
        reads in black and white; a pair not expected on the date is hatched grey, "no
        information" is white with its dot. Names are wrapped, never cut; the legend is
        under the map. Drawn at the size it is shown: 17 cm wide for 24 recommendations
        (an A4 page in portrait) — :func:`smomtrack.extending.matrix_parts` cuts a larger
        matrix into parts that fit.
        """
        check_language(lang)
        plt = charts.pyplot()
        from matplotlib.colors import ListedColormap  # noqa: PLC0415 (with the extra)
        from matplotlib.patches import Patch  # noqa: PLC0415

        states = in_reading_order("state", list(self.states), lang)
        scale = list(Status)
        columns = len(self.recommendations)
        if ax is None:
            width = 2.3 + 0.18 * max(columns, 8)
            height = 1.55 + 0.2 * len(states) + 0.22 * math.ceil((len(scale) + 1) / _LEGEND_COLUMNS)
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
        colours = ListedColormap([STATUS_COLOURS[s] for s in scale]).with_extremes(
            bad=_NOT_EXPECTED
        )
        ax.imshow(codes, cmap=colours, vmin=-0.5, vmax=len(scale) - 0.5, aspect="auto")
        _symbols(ax, codes, scale)
        labels, heading = self.column_labels(lang)
        single = heading is not None
        ax.set_xticks(range(columns), labels, rotation=0 if single else 90)
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(states)), [_wrapped(state_name(s, lang)) for s in states])
        ax.tick_params(labelsize=6.5, length=0)
        ax.set_xticks([x - 0.5 for x in range(1, columns)], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, len(states))], minor=True)
        ax.grid(which="minor", color=OUTLINE, linewidth=0.4)
        ax.tick_params(which="minor", length=0)
        if heading is not None:
            ax.set_xlabel(heading, fontsize=7)
            ax.xaxis.set_label_position("top")
        handles = [
            Patch(
                facecolor=STATUS_COLOURS[s],
                edgecolor=OUTLINE,
                label=f"{MATRIX_SYMBOLS[s]} {s.label(lang)}",
            )
            for s in scale
        ]
        handles.append(
            Patch(
                facecolor=_NOT_EXPECTED,
                edgecolor=OUTLINE,
                hatch="////",
                label=word("not_expected", lang),
            )
        )
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.01),
            ncol=_LEGEND_COLUMNS,
            frameon=False,
            fontsize=6.5,
            handlelength=1.2,
            columnspacing=1.0,
        )
        return ax


_NOT_EXPECTED = NOT_EXPECTED_COLOUR
_DARK = DARK_STATUSES


def _symbols(ax: Any, codes: list[list[float]], scale: list[Status]) -> None:
    """Each cell's symbol, and the hatching of the pairs not expected.

    One collection per status (its symbol as a marker), one for the hatching: a few
    artists to draw however many cells there are, instead of one text per cell.
    """
    from matplotlib.collections import PatchCollection  # noqa: PLC0415 (with the extra)
    from matplotlib.patches import Rectangle  # noqa: PLC0415

    cells: dict[int, list[tuple[int, int]]] = {}
    hatched = []
    for y, row in enumerate(codes):
        for x, code in enumerate(row):
            if code != code:  # noqa: PLR0124 (NaN: not expected, hatched)
                hatched.append(Rectangle((x - 0.5, y - 0.5), 1, 1))
            else:
                cells.setdefault(int(code), []).append((x, y))
    if hatched:
        ax.add_collection(
            PatchCollection(
                hatched,
                facecolor=_NOT_EXPECTED,
                edgecolor=HATCH,
                hatch="////",
                linewidth=0,
            )
        )
    for code, where in cells.items():
        status = scale[code]
        xs, ys = zip(*where, strict=True)
        ax.scatter(
            xs,
            ys,
            marker=_marker(MATRIX_SYMBOLS[status]),
            s=_MARKER_SIZE,
            c="white" if status in _DARK else "black",
            linewidths=0,
        )


_LEGEND_COLUMNS = 3
"""The legend's columns: three fit a part's width in every language (four cut the French)."""

_MARKER_SIZE = 6.5**2
"""The area of a cell's symbol's em square, in points squared (6.5-point text)."""


def _marker(symbol: str) -> Any:
    """The glyph of *symbol* as a marker: centred, at its size within an em square.

    A marker is scaled to fit its outline; two invisible corners of the em square keep a
    small glyph (the dot) small, as it is in text.
    """
    from matplotlib.font_manager import FontProperties  # noqa: PLC0415 (with the extra)
    from matplotlib.path import Path  # noqa: PLC0415
    from matplotlib.textpath import TextPath  # noqa: PLC0415

    glyph = TextPath((0, 0), symbol, size=1, prop=FontProperties())
    (left, bottom), (right, top) = glyph.get_extents().get_points()
    centred = glyph.vertices - ((left + right) / 2, (bottom + top) / 2)
    return Path(
        [*centred, (-0.5, -0.5), (0.5, 0.5)],
        [*glyph.codes, Path.MOVETO, Path.MOVETO],
    )


def _wrapped(name: str) -> str:
    """A State's name on two lines at most, at a word, never cut."""
    return charts.wrapped(name)


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
    status = known.log.status
    cells = {
        (state, rec.key): Status.NO_INFORMATION if position < 0 else STATUSES[status[position]]
        for rec, state, position in chosen.positions(known, recommendations, states)
    }
    return Matrix(
        as_of=day,
        states=tuple(by_name(states)),
        recommendations=tuple(r.key for r in recommendations),
        cells=cells,
        catalogue=tracker.catalogue,
    )
