"""Compliance summaries by theme, State, recommendation, meeting, topic, region or any grouping."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, Unpack

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.colours import STATUS_COLOURS
from smomtrack._presentation.labels import (
    check_language,
    format_date,
    format_number,
    format_percent,
    word,
)
from smomtrack._presentation.names import group_columns, group_headers
from smomtrack._summaries import charts
from smomtrack._summaries.counting import counts
from smomtrack._summaries.groupings import (
    GROUPINGS,
    Grouping,
    GroupingLike,
    StateGrouping,
    check_grouping,
    group_keys,
    grouping_identity,
    grouping_name,
    ordered_groups,
    pair_groups,
)
from smomtrack._summaries.presentation import (
    Presentable,
    TableData,
    full_titles,
    named,
    ordered_rows,
)
from smomtrack._summaries.scope import Filters, Scope
from smomtrack._summaries.tally import Tally, check_weights
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.statuses import Status

_SCALE = tuple(Status)

__all__ = [
    "GROUPINGS",
    "Grouping",
    "Summary",
    "SummaryRow",
    "check_grouping",
    "group_keys",
    "ordered_groups",
    "pair_groups",
    "summarize",
]


@attrs.frozen
class SummaryRow:
    """The figures of one group.

    Attributes:
        group: The group's key (a theme or recommendation key, a State code, a topic tag,
            a regional group's key, a user's group name); ``None`` for the total.
        tally: The counts per status and the rates.
    """

    group: str | None
    tally: Tally

    def to_record(self, by: str) -> dict[str, Any]:
        """One flat dict: the group under the name *by*, then the figures."""
        return {by: self.group, **self.tally.to_record()}


@attrs.frozen
class Summary(Presentable):
    """A compliance summary: one row per group, and a total.

    Iterate over it for its rows; :meth:`to_records` gives plain dicts for pandas.

    Attributes:
        by: How pairs are grouped: the grouping's name (``"group"`` for a user's grouping).
        as_of: The date the statuses are taken at.
        rows: One row per group, in the order people read them (States by English name).
        total_row: Every pair in scope counted once.
        catalogue: The catalogue the groups come from (for titles when rendering).
        known_at: When the records counted were known by (``None``: all records).
        grouping: A user's grouping of States, for ``by == "group"``.
    """

    by: str
    as_of: dt.date
    rows: tuple[SummaryRow, ...]
    total_row: SummaryRow
    catalogue: Catalogue = attrs.field(eq=False, repr=False)
    known_at: dt.datetime | dt.date | str | None = None
    grouping: StateGrouping | None = attrs.field(default=None, repr=False)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per group, in a stable order.

        Keys: the group's key under its name (``"theme"``, ``"state"``…), ``name`` (the
        group's English name: a State's, a theme's title…), ``expected``, ``reported``, one
        key per status value, ``response_rate``, ``implementation_rate`` and ``score`` (a
        rate whose denominator is 0 is ``None``).
        """
        return [named(row.to_record(self.by), self.by, self.catalogue) for row in self.rows]

    def total(self) -> dict[str, Any]:
        """The total row as a dict: the group's key (``None``) and the same figures."""
        return self.total_row.to_record(self.by)

    def row(self, group: str) -> SummaryRow:
        """The row of *group*.

        Raises:
            KeyError: No such group.
        """
        for row in self.rows:
            if row.group == group:
                return row
        raise KeyError(group)

    def __iter__(self) -> Iterator[SummaryRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def table_data(self, lang: str) -> TableData:
        """The table: one row per group (as people read them in *lang*), then the total."""
        headers = [
            *group_headers(self.by, lang),
            word("expected", lang),
            word("reported", lang),
            *(status.label(lang) for status in _SCALE),
            word("response_rate", lang),
            word("implementation_rate", lang),
            word("score", lang),
        ]
        rows = [self._cells(row, lang) for row in (*ordered_rows(self, lang), self.total_row)]
        title_width = 40 if self.by in {"theme", "recommendation"} else None
        widths: list[int | None] = [None, title_width] if title_width else [None]
        widths += [12] * (len(headers) - len(widths))
        return TableData(headers, rows, widths, notes=full_titles(self, lang))

    def _cells(self, row: SummaryRow, lang: str) -> list[str]:
        tally = row.tally
        return [
            *group_columns(self.catalogue, self.by, row.group, lang),
            str(tally.expected),
            str(tally.reported),
            *(str(tally.count(status)) for status in _SCALE),
            format_percent(tally.response_rate, lang),
            format_percent(tally.implementation_rate, lang),
            format_number(tally.score, lang),
        ]

    def plot(self, lang: str = "en", *, ax: Any = None) -> Any:
        """Stacked bars, one per group: the share of the pairs expected with each status."""
        check_language(lang)
        rows = ordered_rows(self, lang)
        ax = charts.axes(ax, len(rows))
        labels = [charts.group_label(self, row.group, lang) for row in rows]
        segments = []
        for status in Status:
            shares = [
                row.tally.count(status) / row.tally.expected if row.tally.expected else 0.0
                for row in rows
            ]
            segments.append((status.label(lang), STATUS_COLOURS[status], shares))
        title = (
            f"{word('implementation_status', lang)} — {group_headers(self.by, lang)[0]}"
            f" — {format_date(self.as_of, lang)}"
        )
        charts.stacked(
            ax,
            labels,
            segments,
            title=title,
            xlabel=word("share_of_pairs", lang),
            legend_title=word("status", lang),
        )
        ax.xaxis.set_major_formatter(charts.percent(lang))
        return ax


def summarize(
    tracker: Tracker,
    by: GroupingLike,
    scope: Scope | None = None,
    *,
    weights: Mapping[Status, float] | None = None,
    **filters: Unpack[Filters],
) -> Summary:
    """Summarize the tracker's statuses as of a date, grouped by *by*.

    The scope is the catalogue's recommendations (narrowed by *meeting* and *theme*)
    × the tracker's population (narrowed by *region*), counting only the pairs expected on
    the date (:meth:`Tracker.expected`). For each group: the count per status
    (``no_information`` included, so the counts add up to ``expected``), the response
    rate, the implementation rate and the score. A recommendation with several topics
    counts in each of its topics' groups; the total counts every pair once.

    Args:
        tracker: The tracker.
        by: ``"theme"``, ``"state"``, ``"recommendation"``, ``"meeting"``, ``"topic"``,
            ``"region"`` (the United Nations regional groups), or a mapping from State to
            group name (States left out count in the group ``"none"``).
        scope: The filters as one value, :class:`~smomtrack.Scope` (checked once; give it
            to every summary of a report).
        weights: Weights replacing the default ones in the score.
        **filters: Fields of the scope, given instead of *scope*'s:

            - ``as_of``: the date (today when ``None``);
            - ``meeting``, ``theme``: only this meeting's, this theme's recommendations;
            - ``region``: only the States of this regional group;
            - ``reporter``: whose word counts: by default a State's own latest
              self-assessment, then the Secretariat's, civil society's and others' where
              the State said nothing; one reporter, or reporters in order of precedence;
            - ``known_at``: count only the records recorded by then (corrections included),
              to give a figure published then again.

    Raises:
        InvalidDataError: *by* is not a grouping, the weights are wrong, or *region* is
            not a regional group.
        UnknownMeetingError: *meeting* is not in the catalogue.
        UnknownThemeError: *theme* is not in the catalogue.
    """
    grouping = check_grouping(by)
    chosen = Scope.of(scope, **filters)
    day = chosen.as_of
    chosen_weights = check_weights(weights)
    known = chosen.tracker(tracker)
    recommendations = chosen.recommendations(known)
    states = chosen.states(known)
    names = ordered_groups(grouping, recommendations, states)
    identity = grouping_identity(grouping, recommendations, states)
    found = counts(
        known,
        day,
        identity,
        lambda: pair_groups(known, grouping, recommendations, states, names),
        reporter=chosen.reporter,
    )
    rows = tuple(
        SummaryRow(group, Tally(numbers, chosen_weights))
        for group, numbers in zip(names, found, strict=False)
    )
    return Summary(
        by=grouping_name(grouping),
        as_of=day,
        rows=rows,
        total_row=SummaryRow(None, Tally(found[-1], chosen_weights)),
        catalogue=tracker.catalogue,
        known_at=chosen.known_at,
        grouping=grouping if isinstance(grouping, StateGrouping) else None,
    )
