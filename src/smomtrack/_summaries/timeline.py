"""Counts per group after every date, made for all pairs at once with numpy (when installed).

The same counts as :class:`~smomtrack._summaries.counting.StatusCounts` walks the log for,
built with array operations instead of a loop over records: a million records in a few
hundredths of a second, so that every summary, the first one too, is answered from them.
numpy is optional (``pip install 'smomtrack[fast]'``; pandas and matplotlib bring it);
without it, the walk in pure Python gives the same numbers.

Each record is an event of its pair: from the status the pair had to the status it has
once the record is in (that of the latest record of the best-ranked reporter heard so
far), on the record's as-of date. A pair expected only from a later day counts from that
day (its earlier records take effect then). Events are summed per group, date and status;
the counts after each date on which a group changed are the running sums of those.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any, Protocol

from smomtrack._extras import optional
from smomtrack._tracking.columns import STATUS_CODES
from smomtrack._tracking.index import DAYS, ranks
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.statuses import Status

__all__ = ["DENSE", "LARGEST", "SMALLEST", "Timeline", "numpy", "positions", "timeline"]


class Grouped(Protocol):
    """Which groups each pair counts in (:class:`~smomtrack._summaries.counting.PairGroups`)."""

    @property
    def size(self) -> int: ...

    def arrays(self, np: Any) -> Any:
        """The groups of each pair as a numpy array: a row per slot, -1 where none."""


_ABSENT = -1
"""The status of a pair before the day it is expected: it counts nowhere."""

LARGEST = 50_000_000
"""The most records a timeline is made for at once (beyond, the walk keeps memory low)."""


SMALLEST = 20_000
"""Fewer records than this are counted in pure Python: it takes less than importing numpy."""


def numpy() -> Any:
    """numpy, if installed (``None``: the pure-Python way)."""
    return optional("numpy")


def _numpy_for(tracker: Tracker) -> Any:
    """numpy, for a tracker with enough records to gain from it (else ``None``)."""
    if not SMALLEST <= len(tracker.log) <= LARGEST:
        return None
    return numpy()


class Timeline:
    """The counts per group and status after each date on which they changed.

    Kept as every group's counts after every date (*dense*) when that is small, else as the
    counts after the dates on which each group changed (*keys*, *counts*).
    """

    __slots__ = ("_base", "_counts", "_days", "_keys", "_made", "_rank", "dense")

    def __init__(  # noqa: PLR0913 (what a timeline is made of)
        self,
        made: Grouped,
        order: tuple[int, ...],
        days: list[int],
        base: Any,
        *,
        dense: Any = None,
        sparse: tuple[Any, Any] | None = None,
    ) -> None:
        self._made = made
        self._rank = ranks(order)
        self._days = days  # the distinct dates, sorted
        self._base = base  # each group's counts before any date
        self.dense = dense  # each group's counts after each date: groups × dates × statuses
        # of each row: its group × len(days) + its date's index (sorted); its counts
        self._keys: Any = None if sparse is None else sparse[0]
        self._counts: Any = None if sparse is None else sparse[1]

    def at(self, day: int) -> list[tuple[int, ...]]:
        """The counts per group (one per status code) on the day numbered *day*."""
        np = numpy()
        index = bisect.bisect_right(self._days, day) - 1
        if index < 0:
            return [tuple(row) for row in self._base.tolist()]
        if self.dense is not None:
            return [tuple(row) for row in self.dense[:, index].tolist()]
        width = len(self._days)
        groups = np.arange(self._made.size)
        found = np.searchsorted(self._keys, groups * width + index, side="right") - 1
        ok = found >= 0
        ok[ok] = self._keys[found[ok]] // width == groups[ok]
        result = self._base.copy()
        result[ok] = self._counts[found[ok]]
        return [tuple(row) for row in result.tolist()]

    def follow(self, tracker: Tracker, position: int) -> bool:
        """Take in the record at *position* (just added); ``False`` if it must be made again."""
        log = tracker.log
        if self.dense is None:
            return False
        np = numpy()
        pair = log.state[position] * max(len(log.keys), 1) + log.key[position]
        groups = [int(g) for g in self._made.arrays(np)[:, pair] if g >= 0]
        if not groups:
            return True
        self._have(np, log.as_of[position])
        before = _statuses(tracker, pair, self._days, self._rank, position)
        now = _statuses(tracker, pair, self._days, self._rank, position + 1)
        for column, (old, new) in enumerate(zip(before, now, strict=True)):
            if old == new:
                continue
            for group in groups:
                if old != _ABSENT:
                    self.dense[group, column, old] -= 1
                if new != _ABSENT:
                    self.dense[group, column, new] += 1
        return True

    def _have(self, np: Any, day: int) -> None:
        """Make *day* one of the dates, with the counts of the date before it."""
        index = bisect.bisect_left(self._days, day)
        if index == len(self._days) or self._days[index] != day:
            after = self.dense[:, index - 1] if index else self._base
            self.dense = np.insert(self.dense, index, after, axis=1)
            self._days.insert(index, day)


def _statuses(
    tracker: Tracker, pair: int, days: Sequence[int], rank: Sequence[int], until: int
) -> list[int]:
    """The pair's status after each of *days* (:data:`_ABSENT` before it is expected).

    From its records at log positions before *until* only: what it was before the record at
    *until* was added (records added with it, later in the log, are taken in after it).
    """
    keys, positions = tracker.sorted_records()
    start = bisect.bisect_left(keys, pair << _DAY_BITS)
    stop = bisect.bisect_left(keys, (pair + 1) << _DAY_BITS, start)
    records = [(keys[i], positions[i]) for i in range(start, stop) if positions[i] < until]
    log = tracker.log
    counted = [
        (key & (DAYS - 1), rank[log.reporter[at]], log.status[at])
        for index, (key, at) in enumerate(records)
        if (index + 1 == len(records) or records[index + 1][0] != key)  # the current one
        and rank[log.reporter[at]] >= 0
    ]
    since = tracker.pair_days()[pair]
    found, heard, statuses = 0, {}, []  # each reporter's latest status, by its place
    for day in days:
        while found < len(counted) and counted[found][0] <= day:
            _, place, status = counted[found]
            heard[place] = status
            found += 1
        best = heard[min(heard)] if heard else STATUS_CODES[Status.NO_INFORMATION]
        statuses.append(_ABSENT if day < since else best)
    return statuses


def timeline(tracker: Tracker, made: Grouped, order: tuple[int, ...]) -> Timeline | None:
    """The counts of every group after every date, or ``None`` where numpy cannot make them.

    Args:
        tracker: The tracker.
        made: The groups of each pair (none: out of scope).
        order: The reporter codes whose word counts, first first.

    ``None`` without numpy, or below :data:`SMALLEST` or beyond :data:`LARGEST` records
    (the walk is then faster, or lighter).
    """
    np = _numpy_for(tracker)
    if np is None:
        return None
    groups, days, old, new = _events(np, tracker, made, order)
    size, width = made.size, len(STATUS_CODES)
    base = _base(np, tracker, made)
    distinct = np.unique(days)
    day_count = len(distinct)
    where = np.searchsorted(distinct, days)
    rows = groups * day_count + where
    cells = size * day_count * width
    if cells <= DENSE:
        changes = np.bincount(rows * width + new, minlength=cells)
        leaving = old != _ABSENT
        changes -= np.bincount(rows[leaving] * width + old[leaving], minlength=cells)
        running = np.cumsum(changes.reshape(size, day_count, width), axis=1)
        dense = base[:, None, :] + running
        return Timeline(made, order, distinct.tolist(), base, dense=dense)
    sparse = _sparse(np, rows, old, new, base, day_count)
    return Timeline(made, order, distinct.tolist(), base, sparse=sparse)


DENSE = 4_000_000
"""Up to this many counts (groups × dates × statuses), every group's after every date is
kept; beyond, only those of the dates on which a group changed."""


def _records(np: Any, tracker: Tracker) -> tuple[Any, Any, Any, Any]:
    """The index's keys and positions, which of them are current, and each one's reporter."""
    keys_seq, positions_seq = tracker.sorted_records()
    keys = np.asarray(keys_seq, dtype=np.int64)
    positions = np.asarray(positions_seq, dtype=np.int64)
    current = np.ones(len(keys), dtype=bool)
    current[:-1] = keys[:-1] != keys[1:]  # of records with the same key, the last one counts
    reporters = np.asarray(tracker.log.reporter, dtype=np.uint8)[positions]
    return keys, positions, current, reporters


def _heard(  # noqa: PLR0913, PLR0917 (the records and their reporters)
    np: Any, tracker: Tracker, positions: Any, rank: Any, first: Any, reporters: int
) -> Any:
    """The pair's status once each record is in (records by pair, date, recording).

    That of the latest record of the best-ranked reporter heard so far.
    """
    status = np.asarray(tracker.log.status, dtype=np.uint8)[positions].astype(np.int64)
    if not len(rank) or rank.min() == rank.max():
        return status  # one reporter: each record is the pair's word once it is in
    index = np.arange(len(positions))
    start = np.maximum.accumulate(np.where(first, index, 0))  # each pair's first record
    heard = np.full(len(positions), STATUS_CODES[Status.NO_INFORMATION], dtype=np.int64)
    found = np.zeros(len(positions), dtype=bool)
    for place in range(reporters):  # the first reporter in order first
        latest = np.maximum.accumulate(np.where(rank == place, index, -1))
        mine = (latest >= start) & ~found
        heard[mine] = status[latest[mine]]
        found |= mine
    return heard


def _events(
    np: Any, tracker: Tracker, made: Grouped, order: tuple[int, ...]
) -> tuple[Any, Any, Any, Any]:
    """Each status change's group, day, old and new status, a row per group it counts in."""
    keys, positions, current, reporters = _records(np, tracker)
    rank = np.asarray(ranks(order), dtype=np.int64)[reporters]
    current &= rank >= 0
    keys, positions, rank = keys[current], positions[current], rank[current]
    pairs = keys >> _DAY_BITS
    days = keys & (DAYS - 1)
    first = np.ones(len(pairs), dtype=bool)
    first[1:] = pairs[1:] != pairs[:-1]
    statuses = _heard(np, tracker, positions, rank, first, len(order))
    groups_of = made.arrays(np)
    scoped = groups_of[0] >= 0
    since = np.asarray(tracker.pair_days(), dtype=np.int64)[: groups_of.shape[1]]
    # Each record: from its pair's previous status (none: no information) to the new one.
    no_information = STATUS_CODES[Status.NO_INFORMATION]
    old = np.empty_like(statuses)
    old[1:] = statuses[:-1]
    old[first] = no_information
    keep = scoped[pairs] & (old != statuses)
    pairs = pairs[keep]
    # A pair expected only from a later day joins then: its earlier records take effect then.
    on = np.maximum(days[keep], since[pairs])
    joining = np.flatnonzero(scoped & (since > 0))
    pairs = np.concatenate([pairs, joining])
    days = np.concatenate([on, since[joining]])
    old = np.concatenate([old[keep], np.full(len(joining), _ABSENT, dtype=np.int64)])
    new = np.concatenate([statuses[keep], np.full(len(joining), no_information, dtype=np.int64)])
    parts = []
    for slot in groups_of:
        groups = slot[pairs]
        there = groups >= 0
        parts.append((groups[there], days[there], old[there], new[there]))
    joined = [np.concatenate([part[i] for part in parts]) for i in range(4)]
    return (*joined,)


_DAY_BITS = DAYS.bit_length() - 1
"""Day numbers are the low bits of an index key (``DAYS`` is a power of two)."""


def _base(np: Any, tracker: Tracker, made: Grouped) -> Any:
    """Each group's counts before any date: its pairs expected from the start, no information."""
    groups_of = made.arrays(np)
    since = np.asarray(tracker.pair_days(), dtype=np.int64)[: groups_of.shape[1]]
    base = np.zeros((made.size, len(STATUS_CODES)), dtype=np.int64)
    always = since == 0
    for slot in groups_of:
        groups = slot[always]
        base[:, STATUS_CODES[Status.NO_INFORMATION]] += np.bincount(
            groups[groups >= 0], minlength=made.size
        )
    return base


def _sparse(  # noqa: PLR0913, PLR0917 (the pieces of the counts)
    np: Any, rows: Any, old: Any, new: Any, base: Any, day_count: int
) -> tuple[Any, Any]:
    """The counts after the dates on which each group changed (rows: group × dates + date)."""
    width = base.shape[1]
    keys, index = np.unique(np.concatenate([rows, rows]), return_inverse=True)
    statuses = np.concatenate([new, old])
    sign = np.concatenate([np.ones(len(new), np.int64), -np.ones(len(old), np.int64)])
    real = statuses != _ABSENT
    changes = np.bincount(
        index[real] * width + statuses[real], weights=sign[real], minlength=len(keys) * width
    )
    running = np.cumsum(changes.astype(np.int64).reshape(len(keys), width), axis=0)
    group = keys // max(day_count, 1)
    start = np.r_[True, group[1:] != group[:-1]]
    segment = np.cumsum(start) - 1
    before = np.zeros((int(start.sum()), width), dtype=np.int64)
    firsts = np.flatnonzero(start)
    before[1:] = running[firsts[1:] - 1]
    return keys, base[group] + running - before[segment]


def positions(tracker: Tracker, day: int, order: tuple[int, ...]) -> Any:
    """Each pair's current position on *day* (-1: none), or ``None`` without numpy.

    A binary search per pair in each reporter's records, all pairs at once: the latest record
    of the first reporter in *order* that has one.
    """
    np = _numpy_for(tracker)
    if np is None:
        return None
    keys, at, current, reporters = _records(np, tracker)
    pairs = np.arange(len(tracker.pair_days()), dtype=np.int64)
    targets = (pairs << _DAY_BITS) + min(day, DAYS - 1)
    found = np.full(len(pairs), -1, dtype=np.int64)
    for code in reversed(order):  # the first reporter's word last: it wins where it has one
        mine = current & (reporters == code)
        their_keys, their_positions = keys[mine], at[mine]
        index = np.searchsorted(their_keys, targets, side="right") - 1
        ok = index >= 0
        ok[ok] = their_keys[index[ok]] >> _DAY_BITS == pairs[ok]
        found[ok] = their_positions[index[ok]]
    return found
