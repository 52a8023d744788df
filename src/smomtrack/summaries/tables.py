"""Tables for the summary results: summaries, matrices, progress and follow-up lists.

:func:`render_result` draws each result type; ``result.render()``, ``str(result)`` and
Jupyter's rich display call it.
"""

from __future__ import annotations

import functools
import html
from typing import Any

import attrs

from smomtrack.exceptions import SmomtrackError
from smomtrack.presentation.colours import STATUS_COLOURS
from smomtrack.presentation.labels import (
    check_language,
    format_date,
    format_number,
    format_percent,
    word,
    words,
)
from smomtrack.presentation.names import group_columns, group_headers, in_reading_order, marked
from smomtrack.presentation.tables import check_format, table
from smomtrack.records.responses import Response
from smomtrack.summaries.compilation import Compilation
from smomtrack.summaries.disagreements import Disagreements
from smomtrack.summaries.follow_up import FollowUp
from smomtrack.summaries.matrix import Matrix
from smomtrack.summaries.progress import Change, Progress
from smomtrack.summaries.summary import Summary, SummaryRow
from smomtrack.vocabulary.folding import fold
from smomtrack.vocabulary.states import state_name
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.topics import topic_label
from smomtrack.vocabulary.vocabularies import Reporter

__all__ = [
    "MATRIX_SYMBOLS",
    "STATUS_COLOURS",
    "TableData",
    "matrix_legend",
    "render_result",
    "table",
    "table_data",
]


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


@functools.singledispatch
def table_data(result: object, lang: str) -> TableData:  # noqa: ARG001 (the signature)
    """The table of *result* in language *lang*, before it is drawn.

    Raises:
        SmomtrackError: *result* is not a result type of this module.
    """
    raise SmomtrackError(f"no table for {type(result).__name__}")


def render_result(result: object, fmt: str, lang: str, limit: int | None = None) -> str:
    """Draw *result* as a table in tabulate format *fmt*, in language *lang*.

    With *limit*, at most that many rows, then a line saying how many more there are.

    Raises:
        SmomtrackError: *result* is not a result type of this module.
    """
    check_language(lang)
    if isinstance(result, Compilation) and fmt == "markdown":
        return _compilation_markdown(result, lang)
    check_format(fmt)
    if isinstance(result, Matrix) and fmt in {"html", "unsafehtml"}:
        return _matrix_html(result, lang, limit)
    data = table_data(result, lang)
    rows = data.rows
    if limit is not None and len(rows) > limit:
        more = words("more_rows", len(rows) - limit, lang)
        rows = [*rows[:limit], [more, *[""] * (len(data.headers) - 1)]]
    text = table(data.headers, rows, fmt, data.widths)
    if isinstance(result, Matrix):
        text += "\n\n" + matrix_legend(lang)
    return text


MATRIX_SYMBOLS: dict[Status, str] = {
    Status.NOT_STARTED: "○",
    Status.PLANNED: "◔",
    Status.IN_PROGRESS: "◑",
    Status.PARTIALLY_IMPLEMENTED: "◕",
    Status.IMPLEMENTED: "●",
    Status.NOT_APPLICABLE: "–",
    Status.NO_INFORMATION: "·",
}
"""The symbol of each status in matrix cells (language-neutral; the legend gives the labels)."""


_SCALE = tuple(Status)


def _summary_cells(summary: Summary, row: SummaryRow, lang: str) -> list[str]:
    tally = row.tally
    return [
        *group_columns(summary.catalogue, summary.by, row.group, lang),
        str(tally.expected),
        str(tally.reported),
        *(str(tally.count(status)) for status in _SCALE),
        format_percent(tally.response_rate, lang),
        format_percent(tally.implementation_rate, lang),
        format_number(tally.score, lang),
    ]


@table_data.register
def _summary_data(summary: Summary, lang: str) -> TableData:
    headers = [
        *group_headers(summary.by, lang),
        word("expected", lang),
        word("reported", lang),
        *(status.label(lang) for status in _SCALE),
        word("response_rate", lang),
        word("implementation_rate", lang),
        word("score", lang),
    ]
    rows = [
        _summary_cells(summary, row, lang) for row in (*_ordered(summary, lang), summary.total_row)
    ]
    title_width = 40 if summary.by in {"theme", "recommendation"} else None
    widths: list[int | None] = [None, title_width] if title_width else [None]
    widths += [12] * (len(headers) - len(widths))
    return TableData(headers, rows, widths, notes=_full_titles(summary, lang))


def _full_titles(result: Summary | Progress, lang: str) -> list[str]:
    """The full titles of the themes a table names by a short label."""
    if result.by != "theme":
        return []
    notes = []
    for row in result.rows:
        theme = None if row.group is None else result.catalogue.get_theme(row.group)
        if theme is not None:
            notes.append(f"{theme.key}: {marked(theme.title(lang), lang)}")
    return notes


def _ordered(result: Summary | Progress, lang: str) -> list[Any]:
    """The rows of *result* as people read them in *lang* (States by their name in *lang*)."""
    by_group = {row.group: row for row in result.rows}
    names = [row.group for row in result.rows if row.group is not None]
    return [by_group[group] for group in in_reading_order(result.by, names, lang)]


@table_data.register
def _progress_data(result: Progress, lang: str) -> TableData:
    headers = [
        *group_headers(result.by, lang),
        word("expected", lang),
        *(word(change.value, lang) for change in Change),
    ]
    rows = [
        [
            *group_columns(result.catalogue, result.by, row.group, lang),
            str(row.expected),
            *(str(row.changes[change]) for change in Change),
        ]
        for row in (*_ordered(result, lang), result.total_row)
    ]
    widths: list[int | None] = [None, 40] if result.by in {"theme", "recommendation"} else [None]
    widths += [12] * (len(headers) - len(widths))
    return TableData(headers, rows, widths, notes=_full_titles(result, lang))


@table_data.register
def _follow_up_data(result: FollowUp, lang: str) -> TableData:
    headers = [
        word("list", lang),
        word("state", lang),
        word("recommendation", lang),
        word("status", lang),
        word("as_of", lang),
        word("due", lang),
    ]
    rows: list[list[str]] = []
    order = {rec.key: number for number, rec in enumerate(result.catalogue)}
    for name, items in (("overdue", result.overdue), ("stale", result.stale)):
        rows.extend(
            [
                word(name, lang),
                state_name(r.state, lang),
                r.recommendation,
                r.status.label(lang),
                format_date(r.as_of, lang),
                format_date(r.due, lang) if r.due else "—",
            ]
            for r in sorted(items, key=lambda r: _follow_up_order(name, r, lang, order))
        )
    rows.extend(
        [
            word("never_reported", lang),
            state_name(s, lang),
            "—",
            Status.NO_INFORMATION.label(lang),
            "—",
            "—",
        ]
        for s in in_reading_order("state", list(result.never_reported), lang)
    )
    return TableData(headers, rows)


def _follow_up_order(
    name: str, response: Response, lang: str, order: dict[str, int]
) -> tuple[object, ...]:
    """Overdue items by due date, stale ones by date; then by State name, then by key.

    States by their name in *lang*; recommendations in catalogue order ("SOM7-8" before
    "SOM7-18").
    """
    first = response.due if name == "overdue" else response.as_of
    return (first, fold(state_name(response.state, lang)), order.get(response.recommendation))


@table_data.register
def _disagreements_data(result: Disagreements, lang: str) -> TableData:
    headers = [
        word("state", lang),
        word("recommendation", lang),
        f"{word('status', lang)} ({Reporter.STATE.label(lang)})",
        word("as_of", lang),
        word("reporter", lang),
        word("status", lang),
        word("as_of", lang),
    ]
    order = {code: n for n, code in enumerate(in_reading_order("state", _states(result), lang))}
    rows = [
        [
            state_name(item.own.state, lang),
            item.own.recommendation,
            item.own.status.label(lang),
            format_date(item.own.as_of, lang),
            item.other.reporter.label(lang),
            item.other.status.label(lang),
            format_date(item.other.as_of, lang),
        ]
        for item in sorted(result.items, key=lambda i: order[i.own.state])
    ]
    return TableData(headers, rows)


def _states(result: Disagreements) -> list[str]:
    return list(dict.fromkeys(item.own.state for item in result.items))


@table_data.register
def _matrix_data(result: Matrix, lang: str) -> TableData:
    headers = [word("state", lang), *result.recommendations]
    states = in_reading_order("state", list(result.states), lang)
    statuses = [
        [result.cells.get((state, key)) for key in result.recommendations] for state in states
    ]
    rows = [
        [state_name(state, lang), *(_symbol(status) for status in cells)]
        for state, cells in zip(states, statuses, strict=True)
    ]
    return TableData(headers, rows, statuses=statuses, notes=[matrix_legend(lang)])


def _symbol(status: Status | None) -> str:
    """The symbol of a cell; blank for a pair not expected on the date."""
    return "" if status is None else MATRIX_SYMBOLS[status]


def matrix_legend(lang: str) -> str:
    """The legend of the matrix symbols in *lang*: ``● Implemented · ◕ Partially …``."""
    return " · ".join(f"{symbol} {status.label(lang)}" for status, symbol in MATRIX_SYMBOLS.items())


def _matrix_html(result: Matrix, lang: str, limit: int | None = None) -> str:
    """The matrix as an HTML heat map: one coloured cell per status, the label as tooltip."""
    head = "".join(f"<th>{html.escape(key)}</th>" for key in result.recommendations)
    lines = [
        '<table class="smomtrack-matrix">',
        f"<thead><tr><th>{html.escape(word('state', lang))}</th>{head}</tr></thead>",
        "<tbody>",
    ]
    states = in_reading_order("state", list(result.states), lang)
    shown = states if limit is None else states[:limit]
    for state in shown:
        cells = []
        for key in result.recommendations:
            status = result.cells.get((state, key))
            if status is None:
                cells.append("<td></td>")
                continue
            cells.append(
                f'<td title="{html.escape(status.label(lang))}" '
                f'style="background:{STATUS_COLOURS[status]};text-align:center">'
                f"{MATRIX_SYMBOLS[status]}</td>"
            )
        lines.append(f"<tr><th>{html.escape(state_name(state, lang))}</th>{''.join(cells)}</tr>")
    if len(shown) < len(states):
        more = words("more_rows", len(states) - len(shown), lang)
        lines.append(f'<tr><td colspan="{len(result.recommendations) + 1}">{more}</td></tr>')
    lines += ["</tbody>", "</table>", f"<p>{html.escape(matrix_legend(lang))}</p>"]
    return "\n".join(lines)


@table_data.register
def _compilation_data(result: Compilation, lang: str) -> TableData:
    headers = [
        word("topic", lang),
        word("meeting", lang),
        word("recommendation", lang),
        word("text", lang),
        word("citation", lang),
    ]
    rows = [
        [
            _topic_name(group.topic, lang),
            rec.meeting,
            rec.key,
            marked(rec.text(result.lang), lang),
            str(rec.source),
        ]
        for group in result.groups
        for rec in group
    ]
    return TableData(headers, rows, [30, None, None, 70, 24])


def _topic_name(tag: str | None, lang: str) -> str:
    return word("no_topic", lang) if tag is None else topic_label(tag, lang)


def _compilation_markdown(result: Compilation, lang: str) -> str:
    """The compilation as a document: a section per topic, a subsection per meeting."""
    parts = [f"# {word('compilation', lang)}"]
    for group in result.groups:
        parts.append(f"## {_topic_name(group.topic, lang)}")
        for meeting, recommendations in group.meetings:
            parts.append(f"### {meeting}")
            for rec in recommendations:
                text = rec.text(result.lang)
                note = "" if text.lang == lang else f" [{text.lang}]"
                suggested = (
                    f" [{word('suggested_topic', lang)}]"
                    if not rec.topics and rec.suggested_topics
                    else ""
                )
                parts.append(f"**{rec.key}** ({rec.source}){note}{suggested}\n\n{text.value}")
    return "\n\n".join(parts) + "\n"
