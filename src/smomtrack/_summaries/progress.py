"""Progress between two dates: which pairs improved, regressed, stayed, were newly reported."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Unpack

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.labels import check_language, format_date, word
from smomtrack._presentation.names import group_columns, group_headers
from smomtrack._records.fields import FrozenMap, frozen_map
from smomtrack._summaries import charts
from smomtrack._summaries.counting import NOT_EXPECTED, PairGroups, grouped, positions_at
from smomtrack._summaries.groupings import (
    GroupingLike,
    StateGrouping,
    check_grouping,
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
from smomtrack._tracking.columns import STATUS_CODES, STATUSES
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.dates import as_of_date
from smomtrack._vocabulary.statuses import Status
from smomtrack.exceptions import InvalidDataError

__all__ = ["CHANGE_COLOURS", "Change", "Progress", "ProgressRow", "progress"]


class Change(enum.Enum):
    """What happened to a (State, recommendation) pair between two dates."""

    IMPROVED = "improved"
    """Higher on the scale at the end."""
    REGRESSED = "regressed"
    """Lower on the scale at the end."""
    UNCHANGED = "unchanged"
    """The same status at both dates."""
    NEWLY_REPORTED = "newly_reported"
    """No information at the start, a response at the end."""
    RECLASSIFIED = "reclassified"
    """Moved to or from ``not_applicable``."""
    NOT_REPORTED = "not_reported"
    """No information at either date."""

    @classmethod
    def between(cls, start: Status, end: Status) -> Change:
        """The change from status *start* to status *end*."""
        if start is Status.NO_INFORMATION:
            return cls.NOT_REPORTED if end is Status.NO_INFORMATION else cls.NEWLY_REPORTED
        if start is end:
            return cls.UNCHANGED
        if not (start.is_applicable and end.is_applicable):
            return cls.RECLASSIFIED
        return cls.IMPROVED if end > start else cls.REGRESSED


CHANGE_COLOURS: Mapping[Change, str] = MappingProxyType(
    {
        Change.IMPROVED: "#2c7bb6",
        Change.NEWLY_REPORTED: "#abd9e9",
        Change.UNCHANGED: "#ffffbf",
        Change.RECLASSIFIED: "#bababa",
        Change.REGRESSED: "#d7191c",
        Change.NOT_REPORTED: "#ffffff",
    }
)
"""The colour of each kind of change in charts (the same scale as the statuses)."""

_CHART_ORDER = tuple(CHANGE_COLOURS)
"""The order of the changes in a bar: from better to worse, then not reported."""


def _changes(changes: Mapping[Change, int]) -> FrozenMap[Change, int]:
    return frozen_map(changes)


@attrs.frozen
class ProgressRow:
    """How many pairs of one group had each kind of change.

    Attributes:
        group: The group's key; ``None`` for the total.
        changes: The number of pairs per :class:`Change`.
    """

    group: str | None
    changes: Mapping[Change, int] = attrs.field(converter=_changes)

    @property
    def expected(self) -> int:
        """Pairs in the group."""
        return sum(self.changes.values())

    def to_record(self, by: str) -> dict[str, Any]:
        """One flat dict: the group under the name *by*, ``expected``, then one key per change."""
        return {
            by: self.group,
            "expected": self.expected,
            **{c.value: n for c, n in self.changes.items()},
        }


@attrs.frozen
class Progress(Presentable):
    """Progress between two dates, per group and in total.

    Attributes:
        by: How pairs are grouped (``"group"`` for a user's grouping).
        start: The earlier date.
        end: The later date.
        rows: One row per group.
        total_row: Every pair counted once.
        catalogue: The catalogue (for titles when rendering).
        known_at: When the records counted were known by (``None``: all records).
        grouping: A user's grouping of States, for ``by == "group"``.
    """

    by: str
    start: dt.date
    end: dt.date
    rows: tuple[ProgressRow, ...]
    total_row: ProgressRow
    catalogue: Catalogue = attrs.field(eq=False, repr=False)
    known_at: dt.datetime | dt.date | str | None = None
    grouping: StateGrouping | None = attrs.field(default=None, repr=False)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per group: its key, ``expected`` and one key per :class:`Change` value."""
        return [named(row.to_record(self.by), self.by, self.catalogue) for row in self.rows]

    def total(self) -> dict[str, Any]:
        """The total row as a dict (the group's key is ``None``)."""
        return self.total_row.to_record(self.by)

    def __iter__(self) -> Iterator[ProgressRow]:
        return iter(self.rows)

    def table_data(self, lang: str) -> TableData:
        """The table: the pairs of each group by kind of change, then the total."""
        headers = [
            *group_headers(self.by, lang),
            word("expected", lang),
            *(word(change.value, lang) for change in Change),
        ]
        rows = [
            [
                *group_columns(self.catalogue, self.by, row.group, lang),
                str(row.expected),
                *(str(row.changes[change]) for change in Change),
            ]
            for row in (*ordered_rows(self, lang), self.total_row)
        ]
        widths: list[int | None] = [None, 40] if self.by in {"theme", "recommendation"} else [None]
        widths += [12] * (len(headers) - len(widths))
        return TableData(headers, rows, widths, notes=full_titles(self, lang))

    def plot(self, lang: str = "en", *, ax: Any = None) -> Any:
        """Stacked bars, one per group: how many pairs had each kind of change."""
        check_language(lang)
        rows = ordered_rows(self, lang)
        ax = charts.axes(ax, len(rows))
        labels = [charts.group_label(self, row.group, lang) for row in rows]
        segments = [
            (
                word(change.value, lang),
                CHANGE_COLOURS[change],
                [float(r.changes[change]) for r in rows],
            )
            for change in _CHART_ORDER
        ]
        title = word(
            "progress_between",
            lang,
            start=format_date(self.start, lang),
            end=format_date(self.end, lang),
        )
        return charts.stacked(
            ax, labels, segments, title=title, xlabel=word("pairs", lang), legend_title=""
        )


_CHANGES: tuple[tuple[int, ...], ...] = tuple(
    tuple(list(Change).index(Change.between(start, end)) for end in STATUSES) for start in STATUSES
)
"""The change (its index) from each status code to each status code."""


def _changes_between(
    tracker: Tracker, made: PairGroups, before: Sequence[int], after: Sequence[int]
) -> list[list[int]]:
    """How many pairs of each group had each change (index) between two dates' positions.

    A pair counts if it is expected on the later date; not yet expected on the earlier one,
    it had no information then.
    """
    status = tracker.log.status
    nothing = STATUS_CODES[Status.NO_INFORMATION]
    found = [[0] * len(Change) for _ in range(made.size)]
    of_pair = made.of_pair
    for pair in made.pairs:
        now = after[pair]
        if now == NOT_EXPECTED:
            continue
        then = before[pair]
        change = _CHANGES[nothing if then < 0 else status[then]][
            nothing if now < 0 else status[now]
        ]
        for group in of_pair[pair]:
            found[group][change] += 1
    return found


def progress(
    tracker: Tracker,
    start: dt.date | str,
    end: dt.date | str | None = None,
    scope: Scope | None = None,
    *,
    by: GroupingLike = "theme",
    **filters: Unpack[Filters],
) -> Progress:
    """Compare every pair's status at *start* with its status at *end* (today by default).

    The pairs are those expected at *end*; a pair not yet expected at *start* starts with
    no information. *end* is the scope's date (``as_of``); *by*, the scope and the other
    filters work as in :func:`~smomtrack.summarize`.

    Raises:
        InvalidDataError: *end* is before *start*, *end* and *as_of* are both given, or
            *by* is not a grouping.
    """
    grouping = check_grouping(by)
    if end is not None and filters.get("as_of") is not None:
        raise InvalidDataError("progress: give the end date as end or as as_of, not both")
    chosen = Scope.of(scope, **filters)
    if end is not None:
        chosen = Scope.of(chosen, as_of=end)
    first, last = as_of_date(start), chosen.as_of
    if last < first:
        raise InvalidDataError(f"end: {last} is before start {first}")
    known = chosen.tracker(tracker)
    recommendations = chosen.recommendations(known)
    states = chosen.states(known)
    names = ordered_groups(grouping, recommendations, states)
    identity = grouping_identity(grouping, recommendations, states)
    made = grouped(
        known, identity, lambda: pair_groups(known, grouping, recommendations, states, names)
    )
    found = _changes_between(
        known,
        made,
        positions_at(known, first, reporter=chosen.reporter),
        positions_at(known, last, reporter=chosen.reporter),
    )
    changes = list(Change)
    counts = {
        name: dict(zip(changes, row, strict=True)) for name, row in zip(names, found, strict=False)
    }
    total = dict(zip(changes, found[-1], strict=True))
    return Progress(
        by=grouping_name(grouping),
        start=first,
        end=last,
        rows=tuple(ProgressRow(g, c) for g, c in counts.items()),
        total_row=ProgressRow(None, total),
        catalogue=tracker.catalogue,
        known_at=chosen.known_at,
        grouping=grouping if isinstance(grouping, StateGrouping) else None,
    )
