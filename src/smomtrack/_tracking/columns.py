"""Responses as columns: small integer codes, day numbers and shared values.

A million responses are kept as a handful of machine-integer arrays (about 25 bytes a
response) instead of a million objects. Each coded column holds codes into a list of the
values it stands for (``states``, ``keys``) or into a fixed vocabulary (:data:`STATUSES`,
:data:`REPORTERS`); dates are proleptic Gregorian ordinals and recording times
microseconds since 1970 (UTC), as in the SQLite store. The free texts (measures,
responsible, source, notes) are a :class:`Texts` column each, one entry a response, and
evidence a list of tuples: a text written on every row of a file is one string shared by
those rows, a text of its own is kept as it is, with nothing to look up, intern or re-code;
texts pyarrow read stay pyarrow's until one is asked for.

A :class:`Columns` is both the batch that a reader hands to a tracker and the tracker's own
log. :class:`~smomtrack._records.responses.Response` objects are made only when asked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import operator
import threading
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, overload

from smomtrack._extras import optional
from smomtrack._records.responses import Response
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Reporter

__all__ = [
    "NO_DETAILS",
    "REPORTERS",
    "STATUSES",
    "TEXTS",
    "Columns",
    "Details",
    "Pending",
    "Texts",
    "paused_gc",
]

STATUSES: tuple[Status, ...] = tuple(Status)
"""The status of code *n* is ``STATUSES[n]``."""
REPORTERS: tuple[Reporter, ...] = tuple(Reporter)
"""The reporter of code *n* is ``REPORTERS[n]``."""
STATUS_CODES = {status: code for code, status in enumerate(STATUSES)}
REPORTER_CODES = {reporter: code for code, reporter in enumerate(REPORTERS)}

Details = tuple[str, tuple[str, ...], str, str, str]
"""The free-text fields of a response: measures, evidence, responsible, source, notes."""
NO_DETAILS: Details = ("", (), "", "", "")
TEXTS: tuple[str, ...] = ("measures", "evidence", "responsible", "source", "notes")
"""The free-text columns of :class:`Columns`, in the order of :data:`Details`."""
_CODED: tuple[str, ...] = (
    "state", "key", "status", "as_of", "due", "reporter", "correction", "stamp",
)  # fmt: skip


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


class Pending(Protocol):
    """Free texts a columnar reader has read but not made into strings (a pyarrow array)."""

    def __len__(self) -> int: ...

    def to_pylist(self) -> list[str]:
        """The texts as strings."""
        ...


_MAKING = threading.Lock()
"""Held while pending texts are made into strings."""


class Texts(Sequence[str]):
    """A column of free texts: strings, then texts a columnar reader has not made into strings.

    A million texts of their own, read by pyarrow, stay pyarrow's until one is asked for (a
    summary never asks): then all become strings at once. Otherwise a list of strings.

    >>> texts = Texts(["a"])
    >>> texts.extend(["b", "c"])
    >>> len(texts), texts[1], texts == ["a", "b", "c"]
    (3, 'b', True)
    """

    __slots__ = ("_items", "_pending", "_waiting")

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._items: list[str] = list(items)
        self._pending: list[Pending] = []
        self._waiting = 0

    def _strings(self) -> list[str]:
        """Every text as a string (the pending ones made into strings now, once).

        Two threads reading the same column at once make its texts once (a lock).
        """
        if self._pending:
            with _MAKING:
                for piece in self._pending:
                    self._items.extend(piece.to_pylist())
                self._pending.clear()
                self._waiting = 0
        return self._items

    def add_pending(self, piece: Pending) -> None:
        """Append texts to be made into strings when one is asked for."""
        self._pending.append(piece)
        self._waiting += len(piece)

    def parts(self) -> tuple[list[str], list[Pending]]:
        """The texts that are strings, then those still pending (not copies)."""
        return self._items, self._pending

    def append(self, value: str) -> None:
        """Append one text."""
        self._strings().append(value)

    def extend(self, values: Iterable[str]) -> None:
        """Append *values* (another column's pending texts stay pending)."""
        if isinstance(values, Texts):
            items, pending = values.parts()
            if items:
                self._strings().extend(items)
            for piece in pending:
                self.add_pending(piece)
            return
        self._strings().extend(values)

    def __len__(self) -> int:
        return len(self._items) + self._waiting

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self._strings()[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._strings())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Texts):
            return self._strings() == other._strings()
        if isinstance(other, list):
            return self._strings() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Texts({self._strings()!r})"


class Columns:
    """Responses as parallel columns: codes, day numbers and free texts.

    Attributes:
        state, key, status, reporter, correction: Codes (``array``), one per response.
        as_of, due: Day numbers (``due`` is :data:`NO_DUE` where there is none).
        stamp: Recording times, in microseconds since 1970-01-01 UTC.
        measures, responsible, source, notes: The free texts, one per response
            (:class:`Texts`: a sequence of strings).
        evidence: The evidence items, one tuple of strings per response.
        states, keys: What the codes of ``state`` and ``key`` stand for.
    """

    __slots__ = (*_CODED, *TEXTS, "keys", "states")

    def __init__(self, states: Sequence[str] = (), keys: Sequence[str] = ()) -> None:
        self.states: list[str] = list(states)
        self.keys: list[str] = list(keys)
        self.state = array("H")
        self.key = array("H")
        self.status = array("B")
        self.as_of = array("i")
        self.due = array("i")
        self.reporter = array("B")
        self.correction = array("B")
        self.stamp = array("q")
        self.measures = Texts()
        self.evidence: list[tuple[str, ...]] = []
        self.responsible = Texts()
        self.source = Texts()
        self.notes = Texts()

    # -- shared values ------------------------------------------------------------

    @staticmethod
    def stamp_code(stamp: dt.datetime) -> int:
        """The ``stamp`` column's value for a recording time (aware): microseconds since 1970."""
        return (stamp - _EPOCH) // _MICROSECOND

    def details(self, position: int) -> Details:
        """The free texts of the record at *position*."""
        return (
            self.measures[position],
            self.evidence[position],
            self.responsible[position],
            self.source[position],
            self.notes[position],
        )

    def add_details(self, details: Sequence[Details]) -> None:
        """Append the free texts of as many records (the coded columns are the caller's)."""
        for index, name in enumerate(TEXTS):
            getattr(self, name).extend(map(operator.itemgetter(index), details))

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
        self.measures.append(response.measures)
        self.evidence.append(response.evidence)
        self.responsible.append(response.responsible)
        self.source.append(response.source)
        self.notes.append(response.notes)

    def response(self, position: int) -> Response:
        """The record at *position*, as a :class:`Response`."""
        due = self.due[position]
        return Response.trusted(
            self.states[self.state[position]],
            self.keys[self.key[position]],
            STATUSES[self.status[position]],
            day_of(self.as_of[position]),
            self.measures[position],
            self.evidence[position],
            self.responsible[position],
            None if due == NO_DUE else day_of(due),
            REPORTERS[self.reporter[position]],
            self.source[position],
            self.notes[position],
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
        taken.states, taken.keys = self.states, self.keys
        for name in (*_CODED, *TEXTS):
            getattr(taken, name).extend(map(getattr(self, name).__getitem__, positions))
        return taken

    def extend(self, other: Columns, state_map: Sequence[int], key_map: Sequence[int]) -> None:
        """Append every row of *other*, recoding its States and keys through the two maps."""
        self.state.extend(
            other.state if _identity(state_map) else map(state_map.__getitem__, other.state)
        )
        self.key.extend(other.key if _identity(key_map) else map(key_map.__getitem__, other.key))
        for name in (*_CODED[2:], *TEXTS):
            getattr(self, name).extend(getattr(other, name))

    def recoded(
        self,
        states: list[str],
        keys: list[str],
        state_map: Sequence[int],
        key_map: Sequence[int],
    ) -> Columns:
        """The same rows with States and keys coded against *states* and *keys*.

        The other columns are the same objects, not copies.
        """
        recoded = Columns()
        recoded.states, recoded.keys = states, keys
        recoded.state = self.state if _identity(state_map) else _mapped(self.state, state_map)
        recoded.key = self.key if _identity(key_map) else _mapped(self.key, key_map)
        for name in (*_CODED[2:], *TEXTS):
            setattr(recoded, name, getattr(self, name))
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
        return all(
            getattr(self, name)[:count] == getattr(other, name)[:count]
            for name in (*_CODED, *TEXTS)
        )

    def nbytes(self) -> int:
        """The bytes held by the columns themselves (not the texts they point to)."""
        coded: int = sum(getattr(self, name).itemsize * len(getattr(self, name)) for name in _CODED)
        return coded + sum(8 * len(getattr(self, name)) for name in TEXTS)


_MAPPED_WITH_NUMPY = 20_000
"""From this many codes, they are mapped with numpy when it is installed."""


def _mapped(codes: array[int], mapping: Sequence[int]) -> array[int]:
    """*codes* (an array of ``H``) each replaced by ``mapping[code]``."""
    np = optional("numpy") if len(codes) >= _MAPPED_WITH_NUMPY else None
    if np is None:
        return array("H", map(mapping.__getitem__, codes))
    table = np.asarray(mapping, dtype=np.uint16)
    return array("H", table[np.frombuffer(codes, dtype=np.uint16)].tobytes())


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
