"""Compliance summaries by theme, State, recommendation, meeting or topic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal, get_args

import attrs

from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import InvalidDataError
from smomtrack.records.recommendations import Recommendation
from smomtrack.summaries.presentation import Presentable
from smomtrack.summaries.scope import in_scope
from smomtrack.summaries.tally import Tally, check_weights
from smomtrack.tracking.counts import PairGroups
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.dates import as_of_date
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import Reporter

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

Grouping = Literal["theme", "state", "recommendation", "meeting", "topic"]
GROUPINGS: tuple[str, ...] = get_args(Grouping)


def check_grouping(by: str) -> Grouping:
    """Return *by* if it is a grouping.

    Raises:
        InvalidDataError: It is not.
    """
    if by not in GROUPINGS:
        raise InvalidDataError(f"by: {by!r} is not one of {', '.join(GROUPINGS)}")
    return by  # type: ignore[return-value]


def group_keys(by: Grouping) -> Callable[[Recommendation, str], tuple[str, ...]]:
    """The function giving the group(s) a (recommendation, State) pair belongs to."""
    keys: dict[str, Callable[[Recommendation, str], tuple[str, ...]]] = {
        "theme": lambda rec, _state: (rec.theme,),
        "state": lambda _rec, state: (state,),
        "recommendation": lambda rec, _state: (rec.key,),
        "meeting": lambda rec, _state: (rec.meeting,),
        "topic": lambda rec, _state: rec.topics,
    }
    return keys[by]


@attrs.frozen
class SummaryRow:
    """The figures of one group.

    Attributes:
        group: The group's key (a theme or recommendation key, a State code, a topic tag);
            ``None`` for the total.
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
        by: How pairs are grouped.
        as_of: The date the statuses are taken at.
        rows: One row per group, in a stable order.
        total_row: Every pair in scope counted once.
        catalogue: The catalogue the groups come from (for titles when rendering).
    """

    by: Grouping
    as_of: dt.date
    rows: tuple[SummaryRow, ...]
    total_row: SummaryRow
    catalogue: Catalogue = attrs.field(eq=False, repr=False)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per group, in a stable order.

        Keys: the group's key under its name (``"theme"``, ``"state"``…), ``expected``,
        ``reported``, one key per status value, ``response_rate``, ``implementation_rate``
        and ``score`` (a rate whose denominator is 0 is ``None``).
        """
        return [row.to_record(self.by) for row in self.rows]

    def total(self) -> dict[str, Any]:
        """The total row as a dict, with the same keys (the group's key is ``None``)."""
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
    by: Grouping | str,
    *,
    as_of: dt.date | str | None = None,
    meeting: str | None = None,
    theme: str | None = None,
    reporter: Reporter | str | None = None,
    weights: Mapping[Status, float] | None = None,
) -> Summary:
    """Summarize the tracker's statuses as of a date, grouped by *by*.

    The scope is the catalogue's recommendations (narrowed by *meeting* and *theme*)
    × the tracker's population. For each group: the count per status (``no_information``
    included, so the counts add up to ``expected``), the response rate, the
    implementation rate and the score. A recommendation with several topics counts in
    each of its topics' groups; the total counts every pair once.

    Args:
        tracker: The tracker.
        by: ``"theme"``, ``"state"``, ``"recommendation"``, ``"meeting"`` or ``"topic"``.
        as_of: The date (today when ``None``).
        meeting: Only this meeting's recommendations.
        theme: Only this theme's recommendations.
        reporter: Only responses from this reporter count.
        weights: Weights replacing the default ones in the score.

    Raises:
        InvalidDataError: *by* is not a grouping, or the weights are wrong.
        UnknownMeetingError: *meeting* is not in the catalogue.
        UnknownThemeError: *theme* is not in the catalogue.
    """
    grouping = check_grouping(by)
    day = as_of_date(as_of)
    chosen_weights = check_weights(weights)
    recommendations = in_scope(tracker, meeting, theme)
    who = None if reporter is None else Reporter.parse(reporter)
    names = ordered_groups(grouping, tracker, recommendations)
    scope = ("summary", grouping, tuple(r.key for r in recommendations))
    counts = tracker.counts(
        day,
        scope,
        lambda: pair_groups(tracker, grouping, recommendations, names),
        reporter=who,
    )
    rows = tuple(
        SummaryRow(group, Tally(found, chosen_weights))
        for group, found in zip(names, counts, strict=False)
    )
    return Summary(
        by=grouping,
        as_of=day,
        rows=rows,
        total_row=SummaryRow(None, Tally(counts[-1], chosen_weights)),
        catalogue=tracker.catalogue,
    )


def pair_groups(
    tracker: Tracker,
    by: Grouping,
    recommendations: tuple[Recommendation, ...],
    names: list[str],
) -> PairGroups:
    """The groups each pair in scope counts in, and the total (the last group) for every pair."""
    index = {name: number for number, name in enumerate(names)}
    total = len(names)
    codes = {rec.key: code for code, rec in enumerate(tracker.catalogue)}
    width = max(len(codes), 1)
    groups_of = group_keys(by)
    of_pair: list[tuple[int, ...]] = [()] * (len(tracker.states) * width)
    for recommendation in recommendations:
        key = codes[recommendation.key]
        for number, state in enumerate(tracker.states):
            found = groups_of(recommendation, state)
            of_pair[number * width + key] = (*(index[group] for group in found), total)
    return PairGroups(key=(by, total), size=total + 1, of_pair=of_pair)


def ordered_groups(
    by: Grouping, tracker: Tracker, recommendations: tuple[Recommendation, ...]
) -> list[str]:
    """Every group in scope, in a stable order, so that empty groups still show."""
    if by == "state":
        return list(tracker.states)
    if by == "topic":
        return sorted({tag for rec in recommendations for tag in rec.topics})
    seen = dict.fromkeys(group_keys(by)(rec, "")[0] for rec in recommendations)
    return list(seen)
