"""As-of views of a tracker's log: what it says on a date, as known at a moment, over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

from smomtrack._records.responses import Response
from smomtrack._tracking.columns import REPORTER_CODES, STATUSES, Columns
from smomtrack._tracking.index import PairIndex
from smomtrack._vocabulary.dates import parse_date
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Reporter

__all__ = ["HistoryEntry", "Snapshot", "cutoff_of"]


@attrs.frozen
class HistoryEntry:
    """One record in the history of a State's responses on a recommendation.

    Attributes:
        response: The record.
        superseded: Whether a later correction replaced it.
    """

    response: Response
    superseded: bool


def cutoff_of(when: dt.datetime | dt.date | str) -> int:
    """The recording time (µs since 1970, UTC) up to which records are known at *when*."""
    if isinstance(when, dt.datetime):
        moment = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
    else:
        day = parse_date(when)
        moment = dt.datetime.combine(day, dt.time.max, tzinfo=dt.UTC)
    return Columns.stamp_code(moment)


class Snapshot:
    """A tracker's current responses as of one date (see :meth:`Tracker.at`).

    Lookups take canonical codes and keys quickly and anything else
    :func:`~smomtrack.resolve_state` and the catalogue read.
    """

    __slots__ = ("_day", "_index", "_log", "_order", "_pair", "as_of", "reporters")

    def __init__(
        self,
        log: Columns,
        index: PairIndex,
        pair: Callable[[str, str], int],
        as_of: dt.date,
        reporters: tuple[Reporter, ...],
    ) -> None:
        self._log = log
        self._index = index
        self._pair = pair
        self.as_of = as_of
        """The date."""
        self.reporters = reporters
        """Whose word counts, first first."""
        self._day = as_of.toordinal()
        self._order = tuple(REPORTER_CODES[r] for r in reporters)

    def position(self, pair: int) -> int | None:
        """The log position of pair number *pair*'s current response, or ``None``."""
        return self._index.latest(pair, self._day, self._order, self._log)

    def status(self, state: str, recommendation: str) -> Status:
        """The pair's status: that of its latest response, else ``NO_INFORMATION``."""
        position = self.position(self._pair(state, recommendation))
        if position is None:
            return Status.NO_INFORMATION
        return STATUSES[self._log.status[position]]

    def response(self, state: str, recommendation: str) -> Response | None:
        """The pair's latest response, or ``None``."""
        position = self.position(self._pair(state, recommendation))
        return None if position is None else self._log.response(position)
