"""The tracker's index: its records sorted by State, recommendation, date and recording order.

The key of a record is ``pair * DAYS + day``, where the pair is ``state * width + key``
(codes in population and catalogue order, ``width`` the number of recommendations). Among
records with the same key, the last one recorded is current and the others superseded.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from array import array
from typing import Any

from smomtrack._extras import optional
from smomtrack._tracking.columns import REPORTERS, Columns

__all__ = ["DAYS", "NUMPY_FROM", "SMALL", "PairIndex", "pair_keys", "ranks"]

NUMPY_FROM = 20_000
"""From this many records, the index is sorted with numpy when it is installed (below, sorting
in Python takes less than importing numpy)."""

SMALL = 64
"""Up to this many new records are inserted into the index one by one; more, in one sort."""

DAYS = 1 << 22
"""Day numbers are below this (the year 11,000): a pair's records sort under ``pair * DAYS``."""


class PairIndex:
    """The log's records sorted by (State, recommendation, as-of date, recording order).

    ``keys[i]`` is ``pair * DAYS + day`` of the record at log position ``order[i]``; among
    records of the same pair and date, the last one is current and the others superseded.
    Rebuilt with one sort after a large batch, kept sorted by insertion after a small one.
    """

    __slots__ = ("covered", "keys", "order", "superseded")

    def __init__(self) -> None:
        self.keys = array("q")
        self.order = array("q")
        self.superseded: set[int] = set()
        self.covered = 0

    def update(self, log: Columns, width: int) -> None:
        """Take in the log's records appended since the last update."""
        count = len(log)
        if self.covered == count:
            return
        if count - self.covered <= SMALL and self.covered:
            for position in range(self.covered, count):
                self.insert(_key(log, width, position), position)
        else:
            self.rebuild(log, width)
        self.covered = count

    def merge_batch(self, batch: Columns, width: int, start: int) -> bool:
        """Take in the records of *batch*, to be at log positions *start*, …, in one sort.

        With numpy, for a large batch, the keys are made and sorted as arrays. Returns
        ``False``, leaving the index as it was, if a new key equals another key.
        """
        np = optional("numpy") if len(batch) >= NUMPY_FROM else None
        if np is None:
            return self.merge(pair_keys(batch, width), start)
        new = _keys(np, batch, width)
        old = len(self.keys)
        combined = np.concatenate([np.frombuffer(self.keys, dtype=np.int64), new]) if old else new
        order = np.argsort(combined, kind="stable")
        sorted_keys = combined[order]
        equal = np.flatnonzero(sorted_keys[1:] == sorted_keys[:-1])
        if len(equal) and bool(((order[equal] >= old) | (order[equal + 1] >= old)).any()):
            return False
        positions = order + (start - old)
        if old:
            kept = order < old
            positions[kept] = np.frombuffer(self.order, dtype=np.int64)[order[kept]]
        self.keys = array("q", sorted_keys.astype(np.int64).tobytes())
        self.order = array("q", positions.astype(np.int64).tobytes())
        self.covered = start + len(batch)
        return True

    def merge(self, keys: list[int], start: int) -> bool:
        """Take in new records at log positions *start*, … with *keys*, in one sort.

        Returns ``False``, leaving the index as it was, if a new key equals another key
        (a record for the same pair and date: the caller decides record by record).
        """
        old = len(self.keys)
        combined = [*self.keys, *keys] if old else keys
        order = sorted(range(len(combined)), key=combined.__getitem__)
        sorted_keys = array("q", map(combined.__getitem__, order))
        equal = list(
            itertools.compress(
                range(len(order)),
                map(operator.eq, sorted_keys, itertools.islice(sorted_keys, 1, None)),
            )
        )
        if any(order[i] >= old or order[i + 1] >= old for i in equal):
            return False
        positions = self.order
        shift = start - old
        self.order = array(
            "q", order if not old else (positions[i] if i < old else i + shift for i in order)
        )
        self.keys = sorted_keys
        self.covered = start + len(keys)
        return True

    def insert(self, key: int, position: int) -> None:
        """Put one record in its place; an earlier record with the same key is superseded."""
        index = bisect.bisect_right(self.keys, key)
        if index and self.keys[index - 1] == key:
            self.superseded.add(self.order[index - 1])
        self.keys.insert(index, key)
        self.order.insert(index, position)

    def rebuild(self, log: Columns, width: int) -> None:
        """Sort every record of *log* anew (with numpy, as arrays, if the log is large)."""
        np = optional("numpy") if len(log) >= NUMPY_FROM else None
        if np is not None:
            made = _keys(np, log, width)
            by_key = np.argsort(made, kind="stable")
            sorted_keys = made[by_key]
            self.keys = array("q", sorted_keys.tobytes())
            self.order = array("q", by_key.astype(np.int64).tobytes())
            repeated = sorted_keys[1:] == sorted_keys[:-1]
            self.superseded = set(by_key[:-1][repeated].tolist())
            return
        keys = pair_keys(log, width)
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self.keys = array("q", map(keys.__getitem__, order))
        self.order = array("q", order)
        same = map(operator.eq, self.keys, itertools.islice(self.keys, 1, None))
        self.superseded = set(itertools.compress(self.order, same))

    def current(self, key: int) -> int | None:
        """The position of the current record with exactly this key."""
        index = bisect.bisect_right(self.keys, key)
        if index and self.keys[index - 1] == key:
            return self.order[index - 1]
        return None

    def latest(self, pair: int, day: int, order: tuple[int, ...], log: Columns) -> int | None:
        """The position of the pair's latest current record on or before *day*.

        The latest record of the first reporter in *order* (reporter codes, first first)
        that has one; reporters not in *order* do not count.
        """
        start = pair * DAYS
        index = bisect.bisect_right(self.keys, start + min(day, DAYS - 1)) - 1
        rank = ranks(order)
        best, best_rank = None, len(order)
        following = None
        reporter = log.reporter
        while index >= 0 and self.keys[index] >= start:
            key = self.keys[index]
            if key != following:  # the first seen of a key is its current record
                position = self.order[index]
                found = rank[reporter[position]]
                if found == 0:
                    return position
                if 0 < found < best_rank:
                    best, best_rank = position, found
            following = key
            index -= 1
        return best

    def span(self, pair: int) -> range:
        """The index range of the pair's records."""
        start = bisect.bisect_left(self.keys, pair * DAYS)
        return range(start, bisect.bisect_left(self.keys, (pair + 1) * DAYS, start))


@functools.cache
def ranks(order: tuple[int, ...]) -> tuple[int, ...]:
    """For each reporter code, its rank in *order* (0 first), or -1 if it does not count."""
    return tuple(order.index(code) if code in order else -1 for code in range(len(REPORTERS)))


def pair_keys(columns: Columns, width: int) -> list[int]:
    """The index key of every row: ``(state * width + key) * DAYS + as_of``."""
    repeat, add, mul = itertools.repeat, operator.add, operator.mul
    pairs = map(add, map(mul, columns.state, repeat(width)), columns.key)
    return list(map(add, map(mul, pairs, repeat(DAYS)), columns.as_of))


def _keys(np: Any, columns: Columns, width: int) -> Any:
    """:func:`pair_keys` as a numpy array."""
    if not len(columns):
        return np.zeros(0, dtype=np.int64)
    state = np.frombuffer(columns.state, dtype=np.uint16).astype(np.int64)
    key = np.frombuffer(columns.key, dtype=np.uint16).astype(np.int64)
    day = np.frombuffer(columns.as_of, dtype=np.int32).astype(np.int64)
    return (state * width + key) * DAYS + day


def _key(log: Columns, width: int, position: int) -> int:
    return (log.state[position] * width + log.key[position]) * DAYS + log.as_of[position]
