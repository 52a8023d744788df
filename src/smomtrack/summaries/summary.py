"""Compliance summaries by theme, State, recommendation, meeting, topic, region or any grouping."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.presentation.names import group_name
from smomtrack.summaries.groupings import (
    GROUPINGS,
    Grouping,
    GroupingLike,
    StateGrouping,
    check_grouping,
    group_keys,
    grouping_name,
    ordered_groups,
    pair_groups,
)
from smomtrack.summaries.presentation import Presentable
from smomtrack.summaries.scope import KnownAt, as_known, in_scope, states_in_scope
from smomtrack.summaries.tally import Tally, check_weights
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.dates import as_of_date
from smomtrack.vocabulary.regions import RegionalGroup
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import ReporterChoice

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
        return [_named(row.to_record(self.by), self.by, self.catalogue) for row in self.rows]

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


def summarize(  # noqa: PLR0913 (the filters of a summary)
    tracker: Tracker,
    by: GroupingLike,
    *,
    as_of: dt.date | str | None = None,
    meeting: str | None = None,
    theme: str | None = None,
    region: RegionalGroup | str | None = None,
    reporter: ReporterChoice = None,
    known_at: KnownAt = None,
    weights: Mapping[Status, float] | None = None,
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
        as_of: The date (today when ``None``).
        meeting: Only this meeting's recommendations.
        theme: Only this theme's recommendations.
        region: Only the States of this regional group.
        reporter: Whose word counts: by default a State's own latest self-assessment, then
            the Secretariat's, civil society's and others' where the State said nothing; one
            reporter, or reporters in order of precedence.
        known_at: Count only the records recorded by then (corrections included), to give
            a figure published then again.
        weights: Weights replacing the default ones in the score.

    Raises:
        InvalidDataError: *by* is not a grouping, the weights are wrong, or *region* is
            not a regional group.
        UnknownMeetingError: *meeting* is not in the catalogue.
        UnknownThemeError: *theme* is not in the catalogue.
    """
    grouping = check_grouping(by)
    day = as_of_date(as_of)
    chosen_weights = check_weights(weights)
    known = as_known(tracker, known_at)
    recommendations = in_scope(known, meeting, theme)
    states = states_in_scope(known, region)
    names = ordered_groups(grouping, recommendations, states)
    scope = (
        "summary",
        grouping_name(grouping),
        grouping if isinstance(grouping, StateGrouping) else None,
        tuple(r.key for r in recommendations),
        states,
    )
    counts = known.counts(
        day,
        scope,
        lambda: pair_groups(known, grouping, recommendations, states, names),
        reporter=reporter,
    )
    rows = tuple(
        SummaryRow(group, Tally(found, chosen_weights))
        for group, found in zip(names, counts, strict=False)
    )
    return Summary(
        by=grouping_name(grouping),
        as_of=day,
        rows=rows,
        total_row=SummaryRow(None, Tally(counts[-1], chosen_weights)),
        catalogue=tracker.catalogue,
        known_at=known_at,
        grouping=grouping if isinstance(grouping, StateGrouping) else None,
    )


def _named(record: dict[str, Any], by: str, catalogue: Catalogue) -> dict[str, Any]:
    """*record* with the group's English name after its key (a State's name, a title…)."""
    group = record[by]
    named = {by: group, "name": group_name(catalogue, by, group)}
    return {**named, **{k: v for k, v in record.items() if k != by}}
