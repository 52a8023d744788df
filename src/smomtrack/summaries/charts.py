"""Charts of the summary results, with matplotlib (the optional ``plot`` extra).

:func:`plot_result` draws each result type; ``result.plot()`` calls it. Summaries and
progress are stacked bars (one bar per group, "no information" included, so that a bar is
the whole of what was expected); a matrix is a heat map of States by recommendations.
Colours come from :data:`~smomtrack.presentation.colours.STATUS_COLOURS` (colour-blind-safe,
shared with the HTML matrix); labels are in English, French or Spanish.
"""

from __future__ import annotations

import functools
from typing import Any

from smomtrack.exceptions import MissingExtraError, SmomtrackError
from smomtrack.presentation.colours import OUTLINE, STATUS_COLOURS
from smomtrack.presentation.labels import check_language, format_date, word
from smomtrack.presentation.names import group_columns, group_headers, in_reading_order
from smomtrack.summaries.matrix import Matrix
from smomtrack.summaries.progress import Change, Progress
from smomtrack.summaries.summary import Summary
from smomtrack.vocabulary.states import state_name
from smomtrack.vocabulary.statuses import Status

__all__ = ["CHANGE_COLOURS", "plot_result"]

CHANGE_COLOURS: dict[Change, str] = {
    Change.IMPROVED: "#2c7bb6",
    Change.NEWLY_REPORTED: "#abd9e9",
    Change.UNCHANGED: "#ffffbf",
    Change.RECLASSIFIED: "#bababa",
    Change.REGRESSED: "#d7191c",
    Change.NOT_REPORTED: "#ffffff",
}
"""The colour of each kind of change (the same scale as the statuses)."""

_LABEL_WIDTH = 38
"""Group labels longer than this are shortened on the chart (the tables give them whole)."""


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415 (an optional extra, imported when used)
    except ImportError as exc:
        raise MissingExtraError("charts (.plot())", "plot") from exc
    return plt


@functools.singledispatch
def plot_result(result: object, lang: str, ax: Any = None) -> Any:  # noqa: ARG001
    """Draw *result* on *ax* (a new figure's when ``None``) in language *lang*; return the Axes.

    Raises:
        MissingExtraError: matplotlib is not installed.
        SmomtrackError: *result* has no chart.
    """
    raise SmomtrackError(f"no chart for {type(result).__name__}")


def _axes(ax: Any, rows: int, width: float = 9.0) -> Any:
    plt = _pyplot()
    if ax is not None:
        return ax
    _, made = plt.subplots(figsize=(width, max(2.2, 0.42 * rows + 1.6)), layout="constrained")
    return made


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_WIDTH else text[: _LABEL_WIDTH - 1].rstrip() + "…"


def _group_label(result: Summary | Progress, group: str, lang: str) -> str:
    cells = group_columns(result.catalogue, result.by, group, lang)
    if result.by in {"theme", "recommendation"}:
        return cells[0]  # the key: the titles are in the table, not on a bar
    return _short(cells[-1])


def _stacked(  # noqa: PLR0913 (what a stacked bar chart is made of)
    ax: Any,
    labels: list[str],
    segments: list[tuple[str, str, list[float]]],
    *,
    title: str,
    xlabel: str,
    legend_title: str,
) -> Any:
    """Horizontal bars, one per label (first at the top), stacked by segment."""
    positions = list(range(len(labels)))
    left = [0.0] * len(labels)
    for name, colour, values in segments:
        ax.barh(
            positions,
            values,
            left=left,
            color=colour,
            edgecolor=OUTLINE,
            linewidth=0.4,
            label=name,
            height=0.7,
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, max([*left, 1e-9]))
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left", fontsize=11)
    ax.legend(
        title=legend_title,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=8,
        title_fontsize=9,
    )
    ax.spines[["top", "right"]].set_visible(False)
    return ax


@plot_result.register
def _plot_summary(result: Summary, lang: str, ax: Any = None) -> Any:
    check_language(lang)
    rows = _ordered_rows(result, lang)
    ax = _axes(ax, len(rows))
    labels = [_group_label(result, row.group, lang) for row in rows]
    segments = []
    for status in Status:
        shares = [
            row.tally.count(status) / row.tally.expected if row.tally.expected else 0.0
            for row in rows
        ]
        segments.append((status.label(lang), STATUS_COLOURS[status], shares))
    title = (
        f"{word('implementation_status', lang)} — {group_headers(result.by, lang)[0]}"
        f" — {format_date(result.as_of, lang)}"
    )
    _stacked(
        ax,
        labels,
        segments,
        title=title,
        xlabel=word("share_of_pairs", lang),
        legend_title=word("status", lang),
    )
    ax.xaxis.set_major_formatter(_percent(lang))
    return ax


@plot_result.register
def _plot_progress(result: Progress, lang: str, ax: Any = None) -> Any:
    check_language(lang)
    rows = _ordered_rows(result, lang)
    ax = _axes(ax, len(rows))
    labels = [_group_label(result, row.group, lang) for row in rows]
    order = [
        Change.IMPROVED,
        Change.NEWLY_REPORTED,
        Change.UNCHANGED,
        Change.RECLASSIFIED,
        Change.REGRESSED,
        Change.NOT_REPORTED,
    ]
    segments = [
        (word(change.value, lang), CHANGE_COLOURS[change], [float(r.changes[change]) for r in rows])
        for change in order
    ]
    title = word("progress_between", lang).format(
        start=format_date(result.start, lang), end=format_date(result.end, lang)
    )
    return _stacked(ax, labels, segments, title=title, xlabel=word("pairs", lang), legend_title="")


@plot_result.register
def _plot_matrix(result: Matrix, lang: str, ax: Any = None) -> Any:
    check_language(lang)
    plt = _pyplot()
    from matplotlib.colors import ListedColormap  # noqa: PLC0415 (with the extra)
    from matplotlib.patches import Patch  # noqa: PLC0415

    states = in_reading_order("state", list(result.states), lang)
    scale = list(Status)
    if ax is None:
        width = max(6.0, 0.32 * len(result.recommendations) + 4.5)
        height = max(2.5, 0.24 * len(states) + 1.8)
        _, ax = plt.subplots(figsize=(width, height), layout="constrained")
    codes = [
        [
            float("nan") if (cell := result.cells.get((state, key))) is None else scale.index(cell)
            for key in result.recommendations
        ]
        for state in states
    ]
    colours = ListedColormap([STATUS_COLOURS[s] for s in scale]).with_extremes(bad="#eeeeee")
    ax.imshow(codes, cmap=colours, vmin=-0.5, vmax=len(scale) - 0.5, aspect="auto")
    ax.set_xticks(range(len(result.recommendations)), result.recommendations, rotation=90)
    ax.set_yticks(range(len(states)), [_short(state_name(s, lang)) for s in states])
    ax.tick_params(labelsize=8)
    ax.set_xticks([x - 0.5 for x in range(1, len(result.recommendations))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(states))], minor=True)
    ax.grid(which="minor", color="white", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    ax.set_title(
        f"{word('implementation_status', lang)} — {format_date(result.as_of, lang)}",
        loc="left",
        fontsize=11,
    )
    handles = [
        Patch(facecolor=STATUS_COLOURS[s], edgecolor=OUTLINE, label=s.label(lang)) for s in scale
    ]
    ax.legend(
        handles=handles,
        title=word("status", lang),
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=8,
        title_fontsize=9,
    )
    return ax


def _ordered_rows(result: Summary | Progress, lang: str) -> list[Any]:
    by_group = {row.group: row for row in result.rows}
    names = [row.group for row in result.rows if row.group is not None]
    return [by_group[group] for group in in_reading_order(result.by, names, lang)]


def _percent(lang: str) -> Any:
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 (with the extra)

    def show(value: float, _position: int) -> str:
        number = f"{value * 100:.0f}"
        return f"{number}%" if lang == "en" else f"{number} %"

    return FuncFormatter(show)
