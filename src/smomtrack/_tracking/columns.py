"""Responses as columns: small integer codes, day numbers and shared values.

A million responses are kept as a handful of machine-integer arrays (about 25 bytes a
response) instead of a million objects. Each column holds codes into a list of the values
it stands for (``states``, ``keys``, ``details``) or into a fixed vocabulary
(:data:`STATUSES`, :data:`REPORTERS`); dates are proleptic Gregorian ordinals and recording
times microseconds since 1970 (UTC), as in the SQLite store. Repeated
values (the same source or notes on every row of a file) are stored once.

A :class:`Columns` is both the batch that a reader hands to a tracker and the tracker's own
log. :class:`~smomtrack._records.responses.Response` objects are made only when asked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import operator
from array import array
from collections.abc import Iterable, Iterator, Sequence

from smomtrack._records.responses import Response
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Reporter

__all__ = ["NO_DETAILS", "REPORTERS", "STATUSES", "Columns", "Details", "paused_gc"]

STATUSES: tuple[Status, ...] = tuple(Status)
"""The status of code *n* is ``STATUSES[n]``."""
REPORTERS: tuple[Reporter, ...] = tuple(Reporter)
"""The reporter of code *n* is ``REPORTERS[n]``."""
STATUS_CODES = {status: code for code, status in enumerate(STATUSES)}
REPORTER_CODES = {reporter: code for code, reporter in enumerate(REPORTERS)}

Details = tuple[str, tuple[str, ...], str, str, str]
"""The free-text fields of a response: measures, evidence, responsible, source, notes."""
NO_DETAILS: Details = ("", (), "", "", "")


def details_object(details: Details) -> dict[str, object]:
    """The free texts that are not empty, by name (how files keep them)."""
    measures, evidence, responsible, source, notes = details
    values = {
        "evidence": list(evidence),
        "measures": measures,
        "notes": notes,
        "responsible": responsible,
        "source": source,
    }
    return {name: value for name, value in values.items() if value}


NO_DUE = 0
"""The ``due`` code of a response without a due date (no date has ordinal 0)."""

_DATES: dict[int, dt.date] = {}
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


@functools.lru_cache(maxsize=4096)
def stamp_at(micro: int) -> dt.datetime:
    """The recording time (aware, UTC) of a ``stamp`` value; a file's rows share theirs."""
    return _EPOCH + micro * _MICROSECOND


def day_of(ordinal: int) -> dt.date:
    """The date of a day number, shared: a file holds few distinct dates."""
    day = _DATES.get(ordinal)
    if day is None:
        day = _DATES[ordinal] = dt.date.fromordinal(ordinal)
    return day


class Columns:
    """Responses as parallel columns of codes.

    Attributes:
        state, key, status, reporter, correction: Codes (``array``), one per response.
        as_of, due: Day numbers (``due`` is :data:`NO_DUE` where there is none).
        stamp: Recording times, in microseconds since 1970-01-01 UTC.
        detail: Codes into ``details``.
        states, keys, details: What the codes of those columns stand for.
    """

    __slots__ = (
        "_detail_codes",
        "as_of",
        "correction",
        "detail",
        "details",
        "due",
        "key",
        "keys",
        "reporter",
        "stamp",
        "state",
        "states",
        "status",
    )

    def __init__(self, states: Sequence[str] = (), keys: Sequence[str] = ()) -> None:
        self.states: list[str] = list(states)
        self.keys: list[str] = list(keys)
        self.details: list[Details] = []
        self._detail_codes: dict[Details, int] = {}
        self.state = array("H")
        self.key = array("H")
        self.status = array("B")
        self.as_of = array("i")
        self.due = array("i")
        self.reporter = array("B")
        self.correction = array("B")
        self.stamp = array("q")
        self.detail = array("I")

    # -- shared values ------------------------------------------------------------

    @staticmethod
    def stamp_code(stamp: dt.datetime) -> int:
        """The ``stamp`` column's value for a recording time (aware): microseconds since 1970."""
        return (stamp - _EPOCH) // _MICROSECOND

    def detail_code(self, details: Details) -> int:
        """The code of a set of free-text fields, adding it if new."""
        code = self._detail_codes.get(details)
        if code is None:
            code = self._detail_codes[details] = len(self.details)
            self.details.append(details)
        return code

    # -- rows ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.status)

    def append(self, response: Response, state: int, key: int) -> None:
        """Append one record, whose State and key codes the caller has looked up."""
        self.state.append(state)
        self.key.append(key)
        self.status.append(STATUS_CODES[response.status])
        self.as_of.append(response.as_of.toordinal())
        self.due.append(NO_DUE if response.due is None else response.due.toordinal())
        self.reporter.append(REPORTER_CODES[response.reporter])
        self.correction.append(response.correction)
        self.stamp.append(self.stamp_code(response.recorded_at))
        self.detail.append(
            self.detail_code(
                (
                    response.measures,
                    response.evidence,
                    response.responsible,
                    response.source,
                    response.notes,
                )
            )
        )

    def response(self, position: int) -> Response:
        """The record at *position*, as a :class:`Response`."""
        measures, evidence, responsible, source, notes = self.details[self.detail[position]]
        due = self.due[position]
        return Response.trusted(
            self.states[self.state[position]],
            self.keys[self.key[position]],
            STATUSES[self.status[position]],
            day_of(self.as_of[position]),
            measures,
            evidence,
            responsible,
            None if due == NO_DUE else day_of(due),
            REPORTERS[self.reporter[position]],
            source,
            notes,
            self.correction[position] == 1,
            stamp_at(self.stamp[position]),
        )

    def responses(self, positions: Iterable[int] | None = None) -> Iterator[Response]:
        """The records at *positions* (all of them by default), in that order."""
        make = self.response
        return map(make, range(len(self)) if positions is None else positions)

    @classmethod
    def of(cls, responses: Iterable[Response]) -> Columns:
        """Columns holding *responses* (States and keys coded in order of appearance)."""
        columns = cls()
        states: dict[str, int] = {}
        keys: dict[str, int] = {}
        for response in responses:
            state = states.get(response.state)
            if state is None:
                state = states[response.state] = len(columns.states)
                columns.states.append(response.state)
            key = keys.get(response.recommendation)
            if key is None:
                key = keys[response.recommendation] = len(columns.keys)
                columns.keys.append(response.recommendation)
            columns.append(response, state, key)
        return columns

    def take(self, positions: Sequence[int]) -> Columns:
        """A new batch with the rows at *positions* only (same codebooks)."""
        taken = Columns(self.states, self.keys)
        taken.details, taken._detail_codes = self.details, self._detail_codes
        for name in ("state", "key", "status", "as_of", "due", "reporter", "correction"):
            column: array[int] = getattr(self, name)
            getattr(taken, name).extend(map(column.__getitem__, positions))
        taken.stamp.extend(map(self.stamp.__getitem__, positions))
        taken.detail.extend(map(self.detail.__getitem__, positions))
        return taken

    def extend(self, other: Columns, state_map: Sequence[int], key_map: Sequence[int]) -> None:
        """Append every row of *other*, recoding its States and keys through the two maps."""
        self.state.extend(
            other.state if _identity(state_map) else map(state_map.__getitem__, other.state)
        )
        self.key.extend(other.key if _identity(key_map) else map(key_map.__getitem__, other.key))
        self.status.extend(other.status)
        self.as_of.extend(other.as_of)
        self.due.extend(other.due)
        self.reporter.extend(other.reporter)
        self.correction.extend(other.correction)
        self.stamp.extend(other.stamp)
        if other.details is self.details:
            self.detail.extend(other.detail)
            return
        codes = {code: self.detail_code(other.details[code]) for code in set(other.detail)}
        if all(code == mine for code, mine in codes.items()):
            self.detail.extend(other.detail)
        else:
            self.detail.extend(map(codes.__getitem__, other.detail))

    def recoded(
        self,
        states: list[str],
        keys: list[str],
        state_map: Sequence[int],
        key_map: Sequence[int],
    ) -> Columns:
        """The same rows with States and keys coded against *states* and *keys*.

        The other columns and the shared values are the same objects, not copies.
        """
        recoded = Columns()
        recoded.states, recoded.keys = states, keys
        recoded.state = (
            self.state
            if _identity(state_map)
            else array("H", map(state_map.__getitem__, self.state))
        )
        recoded.key = (
            self.key if _identity(key_map) else array("H", map(key_map.__getitem__, self.key))
        )
        for name in ("status", "as_of", "due", "reporter", "correction", "stamp", "detail"):
            setattr(recoded, name, getattr(self, name))
        recoded.details, recoded._detail_codes = self.details, self._detail_codes
        return recoded

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Columns):
            return NotImplemented
        return len(self) == len(other) and all(
            a == b for a, b in zip(self.responses(), other.responses(), strict=True)
        )

    __hash__ = None  # type: ignore[assignment]

    def same_rows(self, other: Columns, count: int) -> bool:
        """Whether the first *count* rows of both say the same, recording times included."""
        if len(self) < count or len(other) < count:
            return False
        if self.states != other.states or self.keys != other.keys:
            return all(
                a == b
                for a, b in zip(
                    self.responses(range(count)), other.responses(range(count)), strict=True
                )
            )
        for name in ("state", "key", "status", "as_of", "due", "reporter", "correction"):
            if getattr(self, name)[:count] != getattr(other, name)[:count]:
                return False
        if self.stamp[:count] != other.stamp[:count]:
            return False
        mine_details = (self.details[code] for code in self.detail[:count])
        theirs_details = (other.details[code] for code in other.detail[:count])
        return all(map(operator.eq, mine_details, theirs_details))

    def nbytes(self) -> int:
        """The bytes held by the code columns (not the shared values)."""
        return sum(
            getattr(self, name).itemsize * len(getattr(self, name))
            for name in (
                "state",
                "key",
                "status",
                "as_of",
                "due",
                "reporter",
                "correction",
                "stamp",
                "detail",
            )
        )


def _identity(mapping: Sequence[int]) -> bool:
    """Whether *mapping* maps every code to itself (then nothing needs recoding)."""
    if isinstance(mapping, range):
        return mapping.start == 0 and mapping.step == 1
    return list(mapping) == list(range(len(mapping)))


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while a million objects are made, none of them in a cycle.

    Without this, the collector runs over every object made so far again and again: reading
    a large file would take several times longer.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
