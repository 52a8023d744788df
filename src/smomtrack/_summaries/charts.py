"""What the charts of results share, with matplotlib (the optional ``plot`` extra).

Each result draws its own chart (``Summary.plot``, ``Progress.plot``, ``Matrix.plot``)
from these pieces: summaries and progress are stacked bars (one bar per group, "no
information" included, so that a bar is the whole of what was expected); a matrix is a
heat map of States by recommendations. Colours come from
:data:`~smomtrack.STATUS_COLOURS` (colour-blind-safe, shared with the HTML matrix).
"""

from __future__ import annotations

import textwrap
from typing import Any

from smomtrack._extras import require
from smomtrack._presentation.colours import OUTLINE
from smomtrack._presentation.labels import format_ordinal, word
from smomtrack._presentation.names import group_columns
from smomtrack._records.meetings import Meeting
from smomtrack._summaries.presentation import Grouped

__all__ = [
    "axes",
    "group_label",
    "legend",
    "meeting_name",
    "percent",
    "plain",
    "pyplot",
    "stacked",
    "wrapped",
]

_LABEL_WIDTH = 30
"""Group labels longer than this are wrapped on the chart, at a word (never cut)."""


def pyplot() -> Any:
    """Matplotlib's ``pyplot``.

    Raises:
        MissingExtraError: matplotlib is not installed (the ``plot`` extra).
    """
    return require("matplotlib.pyplot", "charts (.plot())", "plot")


def axes(ax: Any, rows: int, width: float = 9.0) -> Any:
    """*ax*, or the axes of a new figure tall enough for *rows* bars."""
    plt = pyplot()
    if ax is not None:
        return ax
    _, made = plt.subplots(figsize=(width, max(2.2, 0.42 * rows + 1.6)), layout="constrained")
    return made


def plain(text: str) -> str:
    r"""*text* drawn as it is written: a ``$`` never starts matplotlib's math (``$a^{$``).

    >>> print(plain("cost $x$"))
    cost \$x\$
    """
    return text.replace("$", r"\$")


def wrapped(text: str) -> str:
    """*text* on lines of at most 30 characters, cut at words, drawn as written.

    >>> print(wrapped("États d’Amérique latine et des Caraïbes"))
    États d’Amérique latine et des
    Caraïbes
    """
    return plain(textwrap.fill(text, width=_LABEL_WIDTH) if len(text) > _LABEL_WIDTH else text)


def meeting_name(meeting: Meeting, lang: str) -> str:
    """``7th meeting``, as *lang* writes it."""
    return word("report_meeting", lang, ordinal=format_ordinal(meeting.ordinal, lang))


def group_label(result: Grouped, group: str, lang: str) -> str:
    """The label of a group's bar, as people name it.

    A theme by its section (``II.B``), a recommendation by its number, each with its
    meeting when the chart shows several meetings (the titles are in the table, not on a
    bar); anything else by its name, wrapped.
    """
    catalogue = result.catalogue
    if result.by in {"theme", "recommendation"}:
        theme, rec = catalogue.get_theme(group), catalogue.get(group)
        if theme is not None:
            label, of = theme.section, theme.meeting
        elif rec is not None:
            label, of = str(rec.number), rec.meeting
        else:
            return plain(group)
        meetings = {key.rpartition("-")[0] for key in (row.group for row in result.rows) if key}
        if len(meetings) > 1:
            label = f"{meeting_name(catalogue.meeting(of), lang)}, {label}"
        return plain(label)
    return wrapped(group_columns(catalogue, result.by, group, lang)[-1])


def legend(ax: Any, title: str, handles: Any = None) -> None:
    """The legend beside the chart, on its right."""
    ax.legend(
        **({} if handles is None else {"handles": handles}),
        title=title,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=8,
        title_fontsize=9,
    )


def stacked(  # noqa: PLR0913 (what a stacked bar chart is made of)
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
            label=plain(name),
            height=0.7,
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, max([*left, 1e-9]))
    ax.set_xlabel(xlabel)
    ax.set_title(plain(title), loc="left", fontsize=11)
    legend(ax, plain(legend_title))
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def percent(lang: str) -> Any:
    """A tick formatter writing shares as percentages, as *lang* writes them."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 (with the extra)

    def show(value: float, _position: int) -> str:
        number = f"{value * 100:.0f}"
        return f"{number}%" if lang == "en" else f"{number}\u00a0%"

    return FuncFormatter(show)
