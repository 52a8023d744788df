"""Counting statuses per group as of any date, at a cost that grows with groups, not pairs.

A summary asks: how many (State, recommendation) pairs of each group have each status as
of a date? Visiting every pair answers once; a notebook asking the same question for many
dates wants more. :class:`StatusCounts` walks the log once in date order and keeps, for
each group, the counts after each date on which they changed; any date is then a binary
search per group.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Sequence

import attrs

from smomtrack.tracking.columns import STATUS_CODES, STATUSES, Columns
from smomtrack.vocabulary.statuses import Status

__all__ = ["NO_INFORMATION", "PairGroups", "StatusCounts"]

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

    def base(self) -> list[list[int]]:
        """The counts when nothing is reported: every pair in scope has no information."""
        counts = [[0] * WIDTH for _ in range(self.size)]
        for groups in self.of_pair:
            for group in groups:
                counts[group][NO_INFORMATION] += 1
        return counts


class StatusCounts:
    """The counts per group and status after each date on which they changed."""

    __slots__ = ("_days", "_snapshots", "base")

    def __init__(
        self,
        log: Columns,
        positions: Sequence[int],
        pair_of: Callable[[int], int],
        groups: PairGroups,
    ) -> None:
        """Walk the current records at *positions* (in date order) once.

        Args:
            log: The tracker's records.
            positions: The current records that count, ordered by as-of date.
            pair_of: The pair number of the record at a position.
            groups: Which groups each pair counts in.
        """
        self.base = groups.base()
        counts = [list(row) for row in self.base]
        self._days: list[list[int]] = [[] for _ in range(groups.size)]
        self._snapshots: list[list[tuple[int, ...]]] = [[] for _ in range(groups.size)]
        current: dict[int, int] = {}
        touched: set[int] = set()
        of_pair, status, as_of = groups.of_pair, log.status, log.as_of
        day = None
        for position in positions:
            pair = pair_of(position)
            found = of_pair[pair]
            if not found:
                continue
            new = status[position]
            old = current.get(pair, NO_INFORMATION)
            if new == old:
                continue
            when = as_of[position]
            if when != day:
                self._flush(touched, counts, day)
                day = when
            current[pair] = new
            for group in found:
                row = counts[group]
                row[old] -= 1
                row[new] += 1
                touched.add(group)
        self._flush(touched, counts, day)

    def _flush(self, touched: set[int], counts: list[list[int]], day: int | None) -> None:
        if day is None:
            return
        for group in touched:
            self._days[group].append(day)
            self._snapshots[group].append(tuple(counts[group]))
        touched.clear()

    def at(self, day: int) -> list[tuple[int, ...]]:
        """The counts per group (one per status code) on the day numbered *day*."""
        result: list[tuple[int, ...]] = []
        for group, days in enumerate(self._days):
            index = bisect.bisect_right(days, day)
            result.append(self._snapshots[group][index - 1] if index else tuple(self.base[group]))
        return result
