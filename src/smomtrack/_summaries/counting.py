"""Counting statuses per group as of any date, at a cost that grows with groups, not pairs.

A summary asks: how many (State, recommendation) pairs of each group have each status as
of a date? With numpy, the first question makes every group's counts after every date at
once (:mod:`~smomtrack._summaries.timeline`). Without it, visiting every pair answers once
(the positions of a date, :func:`positions_at`, which every section of a report shares);
a notebook asking the same question for many dates wants more: :class:`StatusCounts`
walks the log once in date order and keeps, for each group, the counts after each date on
which they changed; any date is then a binary search per group. What is built is kept
with the tracker (:attr:`Tracker.derived <smomtrack.Tracker.derived>`): a few new records
are taken in, more make it again when next asked for.
"""

from __future__ import annotations

import bisect
import datetime as dt
import weakref
from array import array
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import attrs

from smomtrack._summaries.timeline import Timeline, numpy, timeline
from smomtrack._summaries.timeline import positions as timeline_positions
from smomtrack._tracking.columns import REPORTER_CODES, REPORTERS, STATUS_CODES, STATUSES, Columns
from smomtrack._tracking.index import ranks
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import ReporterChoice

__all__ = [
    "NOTHING",
    "NOT_EXPECTED",
    "NO_INFORMATION",
    "PairGroups",
    "StatusCounts",
    "counts",
    "grouped",
    "positions_at",
]

NO_INFORMATION = STATUS_CODES[Status.NO_INFORMATION]
WIDTH = len(STATUSES)


@attrs.frozen(eq=False)
class PairGroups:
    """Which groups each (State, recommendation) pair counts in.

    Attributes:
        key: Identifies the grouping and its scope (pairs grouped the same way have the
            same key), so that what is built for it can be kept and reused.
        size: How many groups there are.
        of_pair: For pair number ``state * len(keys) + key``, the indices of its groups
            (empty for a pair out of scope).
    """

    key: Hashable
    size: int
    of_pair: Sequence[tuple[int, ...]]
    pairs: Sequence[int] = attrs.field(
        default=attrs.Factory(
            lambda self: [pair for pair, groups in enumerate(self.of_pair) if groups],
            takes_self=True,
        ),
        repr=False,
    )
    """The numbers of the pairs in scope (those in a group), in order."""

    def arrays(self, np: Any) -> Any:
        """The groups of each pair as a numpy array: a row per slot, -1 where none (kept)."""
        made = _ARRAYS.get(self)
        if made is None:
            slots = max(map(len, self.of_pair), default=0)
            made = np.full((max(slots, 1), len(self.of_pair)), -1, dtype=np.int64)
            for slot in range(slots):
                made[slot] = [groups[slot] if len(groups) > slot else -1 for groups in self.of_pair]
            _ARRAYS[self] = made
        return made

    def base(self, expected: Callable[[int], bool] | None = None) -> list[list[int]]:
        """The counts when nothing is reported: every pair in scope has no information.

        With *expected*, only the pairs it accepts (by pair number) count.
        """
        counts = [[0] * WIDTH for _ in range(self.size)]
        for pair, groups in enumerate(self.of_pair):
            if not groups or (expected is not None and not expected(pair)):
                continue
            for group in groups:
                counts[group][NO_INFORMATION] += 1
        return counts


class StatusCounts:
    """The counts per group and status after each date on which they changed."""

    __slots__ = ("_days", "_snapshots", "base")

    def __init__(  # noqa: PLR0913 (what a walk over the log needs)
        self,
        log: Columns,
        positions: Sequence[int],
        pair_of: Callable[[int], int],
        groups: PairGroups,
        *,
        ranks: Sequence[int] | None = None,
        since: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Walk the current records at *positions* (in date order) once.

        Args:
            log: The tracker's records.
            positions: The current records that count, ordered by as-of date.
            pair_of: The pair number of the record at a position.
            groups: Which groups each pair counts in.
            ranks: For each reporter code, its rank (0 first): a pair's status is that of the
                latest record of its best-ranked reporter. ``None``: the latest record wins.
            since: ``(day, pair)`` for each pair expected only from a day, by day: such a pair
                counts from that day on.
        """
        walk = _Walk(groups, {pair for _, pair in since}, ranks)
        self.base = walk.base
        joins = iter(since)
        joining = next(joins, None)
        status, as_of, reporter = log.status, log.as_of, log.reporter
        for position in positions:
            when = as_of[position]
            while joining is not None and joining[0] <= when:
                walk.join(joining[1], joining[0])
                joining = next(joins, None)
            walk.record(pair_of(position), status[position], reporter[position], when)
        while joining is not None:
            walk.join(joining[1], joining[0])
            joining = next(joins, None)
        walk.flush(None)
        self._days = walk.days
        self._snapshots = walk.snapshots

    def at(self, day: int) -> list[tuple[int, ...]]:
        """The counts per group (one per status code) on the day numbered *day*."""
        result: list[tuple[int, ...]] = []
        for group, days in enumerate(self._days):
            index = bisect.bisect_right(days, day)
            result.append(self._snapshots[group][index - 1] if index else tuple(self.base[group]))
        return result


class _Walk:
    """The state of one walk over the log: each pair's status, each group's counts."""

    def __init__(self, groups: PairGroups, later: set[int], ranks: Sequence[int] | None) -> None:
        self.of_pair = groups.of_pair
        self.later = later  # pairs not expected yet
        self.base = groups.base(None if not later else lambda pair: pair not in later)
        self.counts = [list(row) for row in self.base]
        self.days: list[list[int]] = [[] for _ in range(groups.size)]
        self.snapshots: list[list[tuple[int, ...]]] = [[] for _ in range(groups.size)]
        self.current: dict[int, int] = {}
        self.heard: dict[int, list[int]] = {}  # each reporter's latest status, by rank
        self.ranks = ranks
        self.width = 0 if ranks is None else max(ranks) + 1
        self.touched: set[int] = set()
        self.day: int | None = None

    def at_day(self, day: int) -> None:
        """Go on to *day*, keeping the counts of the day before if it changed them."""
        if day != self.day:
            self.flush(day)

    def flush(self, day: int | None) -> None:
        """Keep the counts of the groups that changed on the current day; go on to *day*."""
        if self.day is not None:
            for group in self.touched:
                self.days[group].append(self.day)
                self.snapshots[group].append(tuple(self.counts[group]))
        self.touched.clear()
        self.day = day

    def join(self, pair: int, day: int) -> None:
        """*pair* is expected from *day* on: it counts, with the status it has."""
        self.at_day(day)
        self.later.discard(pair)
        found = self.current.get(pair, NO_INFORMATION)
        for group in self.of_pair[pair]:
            self.counts[group][found] += 1
            self.touched.add(group)

    def record(self, pair: int, status: int, reporter: int, day: int) -> None:
        """A record of *pair* as of *day* says *status*."""
        if not self.of_pair[pair]:
            return
        new = status
        if self.ranks is not None and self.width > 1:
            slots = self.heard.get(pair)
            if slots is None:
                slots = self.heard[pair] = [-1] * self.width
            slots[self.ranks[reporter]] = status
            new = next(code for code in slots if code >= 0)
        old = self.current.get(pair, NO_INFORMATION)
        if new == old:
            return
        self.at_day(day)
        self.current[pair] = new
        if pair in self.later:
            return
        for group in self.of_pair[pair]:
            row = self.counts[group]
            row[old] -= 1
            row[new] += 1
            self.touched.add(group)


NOT_EXPECTED = -2
"""In :func:`positions_at`: the pair is not expected on the date."""
NOTHING = -1
"""In :func:`positions_at`: the pair is expected and has no response."""

_GROUPINGS_KEPT = 32
"""How many groupings a tracker keeps (a report asks for one per meeting and theme)."""

_DAYS_KEPT = 8
"""How many dates' positions a tracker keeps (the dates of a report, of a notebook's cell)."""


_ARRAYS: weakref.WeakKeyDictionary[PairGroups, Any] = weakref.WeakKeyDictionary()
"""The numpy arrays of each grouping, made once (a grouping is immutable)."""


class _Groupings:
    """The key of the groupings a tracker keeps (they depend on its catalogue and States)."""


@attrs.frozen
class _Cache:
    """What the counts of a tracker have built: groupings, walks, positions, dates asked."""

    walks: dict[Hashable, StatusCounts | Timeline] = attrs.Factory(dict)
    asked: dict[Hashable, int] = attrs.Factory(dict)
    days: dict[tuple[int, tuple[int, ...]], array[int]] = attrs.Factory(dict)

    def follow(self, tracker: Tracker, start: int) -> bool:
        """Take in the records added at *start* and after (see :attr:`Tracker.derived`).

        The positions of each date and the timelines take each record in; a walk is made
        again when next asked for.
        """
        log = tracker.log
        width = max(len(log.keys), 1)
        since = tracker.pair_days()
        for position in range(start, len(log)):
            pair = log.state[position] * width + log.key[position]
            for (day, order), positions in self.days.items():
                if since[pair] > day:
                    continue
                reporters = tuple(REPORTERS[code] for code in order)
                found = tracker.at(dt.date.fromordinal(day), reporter=reporters).position(pair)
                positions[pair] = NOTHING if found is None else found
            for memo, built in list(self.walks.items()):
                if not isinstance(built, Timeline) or not built.follow(tracker, position):
                    del self.walks[memo]
        return True


def _cache(tracker: Tracker) -> _Cache:
    cache = tracker.derived.get(_Cache)
    if not isinstance(cache, _Cache):
        cache = tracker.derived[_Cache] = _Cache()
    return cache


def grouped(tracker: Tracker, grouping: Hashable, groups: Callable[[], PairGroups]) -> PairGroups:
    """The groups of each pair for *grouping*, made by *groups* the first time (and kept)."""
    groupings = tracker.lasting.setdefault(_Groupings, {})
    assert isinstance(groupings, dict)  # noqa: S101 (for the type checker: ours)
    made = groupings.get(grouping)
    if made is None:
        if len(groupings) >= _GROUPINGS_KEPT:  # a list as long as the pairs each: a few kept
            del groupings[next(iter(groupings))]
        made = groupings[grouping] = groups()
    return made


def positions_at(
    tracker: Tracker, as_of: dt.date, *, reporter: ReporterChoice = None
) -> Sequence[int]:
    """The log position of every pair's current response on a date, by pair number.

    :data:`NOTHING` for a pair with none, :data:`NOT_EXPECTED` for a pair not expected
    on the date. Made once for a date and whose word counts, and shared by every summary,
    matrix, list and progress of that date (a report's sections); a few new records are
    taken in, more make it again when next asked for.
    """
    snapshot = tracker.at(as_of, reporter=reporter)
    order = tuple(REPORTER_CODES[r] for r in snapshot.reporters)
    return _positions(tracker, snapshot.position, as_of.toordinal(), order)


def _positions(
    tracker: Tracker, position_of: Callable[[int], int | None], day: int, order: tuple[int, ...]
) -> array[int]:
    days = _cache(tracker).days
    found = days.get((day, order))
    if found is None:
        if len(days) >= _DAYS_KEPT:
            del days[next(iter(days))]
        at_once = timeline_positions(tracker, day, order)
        if at_once is not None:
            np = numpy()
            since = np.asarray(tracker.pair_days(), dtype=np.int64)
            at_once[since > day] = NOT_EXPECTED
            found = days[day, order] = array("q", at_once.tobytes())
        else:
            found = days[day, order] = array(
                "q",
                [
                    NOT_EXPECTED
                    if since > day
                    else NOTHING
                    if (position := position_of(pair)) is None
                    else position
                    for pair, since in enumerate(tracker.pair_days())
                ],
            )
    return found


def counts(
    tracker: Tracker,
    as_of: dt.date,
    grouping: Hashable,
    groups: Callable[[], PairGroups],
    *,
    reporter: ReporterChoice = None,
) -> list[tuple[int, ...]]:
    """How many pairs of each group have each status as of a date: the core of a summary.

    Args:
        tracker: The tracker.
        as_of: The date.
        grouping: Identifies the grouping and its scope, for reuse.
        groups: Makes the grouping the first time it is needed: which groups each pair
            (numbered ``state * len(catalogue) + key``, in the order of the tracker's States
            and of its catalogue) counts in.
        reporter: Whose word counts (the State's own first by default).

    Returns:
        For each group, the number of pairs per status (in :class:`Status` order); a pair
        not expected on the date (:meth:`Tracker.expected`) is in none.

    A date is answered from the positions of that date (:func:`positions_at`, shared by
    every grouping); a grouping asked again at another date walks the log once and keeps
    what it takes to answer any date by a binary search per group, until the log changes.
    """
    snapshot = tracker.at(as_of, reporter=reporter)
    cache = _cache(tracker)
    made = grouped(tracker, grouping, groups)
    order = tuple(REPORTER_CODES[r] for r in snapshot.reporters)
    memo = (grouping, order)
    day = as_of.toordinal()
    built = cache.walks.get(memo)
    if built is None and memo not in cache.asked:
        made_at_once = timeline(tracker, made, order)
        if made_at_once is not None:
            built = cache.walks[memo] = made_at_once
    if built is None:
        asked = cache.asked.setdefault(memo, day)
        if asked == day or (day, order) in cache.days:
            return _counted(tracker, _positions(tracker, snapshot.position, day, order), made)
        built = cache.walks[memo] = _walk(tracker, made, order)
    return built.at(day)


def _counted(
    tracker: Tracker, positions: Sequence[int], groups: PairGroups
) -> list[tuple[int, ...]]:
    """The counts of each group, from the positions of a date."""
    found = [[0] * WIDTH for _ in range(groups.size)]
    status = tracker.log.status
    of_pair = groups.of_pair
    for pair in groups.pairs:
        position = positions[pair]
        if position == NOT_EXPECTED:
            continue
        code = NO_INFORMATION if position < 0 else status[position]
        for group in of_pair[pair]:
            found[group][code] += 1
    return [tuple(row) for row in found]


def _walk(tracker: Tracker, groups: PairGroups, order: tuple[int, ...]) -> StatusCounts:
    """The counts after every date, from one walk over the current records in date order."""
    log = tracker.log
    width = max(len(log.keys), 1)
    ordered = sorted(tracker.current_positions(order), key=log.as_of.__getitem__)
    state, key = log.state, log.key
    since = sorted(
        (tracker.pair_since(pair), pair)
        for pair, found in enumerate(groups.of_pair)
        if found and tracker.pair_since(pair) > 0
    )
    return StatusCounts(
        log,
        ordered,
        lambda p: state[p] * width + key[p],
        groups,
        ranks=ranks(order),
        since=since,
    )
