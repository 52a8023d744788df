"""The one way in: field values as people write them, to columns of responses or per-field errors.

Every response that enters smomtrack goes through :class:`Intake`: ``Tracker.record()`` and
``correct()`` (one row), spreadsheets, JSON documents, and every reader to come. Within one
intake, each distinct value of a field (a State's name, a key, a status label, a date, a
reporter, a text) is read once and its result shared by every row that holds it; a bad
value is refused with the same message whichever way it came in.
"""

from __future__ import annotations

import datetime as dt
import decimal
import fractions
from array import array
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.people import Day, state_name
from smomtrack._records.fields import evidence_problem
from smomtrack._tracking.columns import (
    NO_DUE,
    REPORTER_CODES,
    STATUS_CODES,
    Columns,
    Details,
)
from smomtrack._vocabulary.characters import text_problem
from smomtrack._vocabulary.dates import parse_date, today
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.states import resolve_state
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Reporter
from smomtrack._words import Labelled, Message, Quoted
from smomtrack.exceptions import InvalidDataError, SmomtrackError, UnknownStateError

__all__ = ["FIELDS", "REQUIRED", "TEXT_FIELDS", "FieldError", "Intake", "outside_population"]

FIELDS: tuple[str, ...] = (
    "state",
    "recommendation",
    "status",
    "as_of",
    "measures",
    "evidence",
    "responsible",
    "due",
    "reporter",
    "source",
    "notes",
    "correction",
    "recorded_at",
)
"""The fields of a response, in the order problems are reported."""

REQUIRED: tuple[str, ...] = ("state", "recommendation", "status", "as_of")
"""The fields every response must have."""

TEXT_FIELDS: tuple[str, ...] = ("measures", "responsible", "source", "notes")

_DETAILS: tuple[str, ...] = ("measures", "evidence", "responsible", "source", "notes")
"""The free-text fields, in the order of :data:`~smomtrack._tracking.columns.Details`."""


@attrs.frozen
class FieldError:
    """A field value that was refused.

    Attributes:
        row: The row's index in the batch (0 for the first).
        field: The field (one of :data:`FIELDS`).
        value: The value as given.
        error: The error, whose message says what is wrong.
    """

    row: int
    field: str
    value: object
    error: SmomtrackError = attrs.field(eq=False)

    @property
    def message(self) -> str:
        """What is wrong, without the field's name (the caller says where the value was)."""
        return str(self.error).removeprefix(f"{self.field}: ")

    @property
    def said(self) -> Labelled:
        """What is wrong, for a person (without the field's name), in any language."""
        return self.error.said or Message("msg_plain", text=self.message)


_YES = frozenset({"yes", "y", "true", "x", "1", "oui", "vrai", "si", "verdadero", "correction"})
_NO = frozenset({"no", "n", "false", "0", "non", "faux", "falso"})
"""What a "correction" cell may say (folded), in English, French and Spanish."""

_COLUMN_OF = {
    "state": "state", "recommendation": "key", "status": "status", "as_of": "as_of",
    "due": "due", "reporter": "reporter", "correction": "correction", "recorded_at": "stamp",
}  # fmt: skip
"""The column of :class:`Columns` each coded field is kept in (evidence: a list of items)."""

_CACHE_LIMIT = 1_000_000
"""An intake forgets what it read of a field beyond this many distinct values."""
_REPEATED = 4
"""A chunk's texts are shared when each distinct one is on this many rows or more."""
_STR = frozenset({str})
_SHARED_LIMIT = 10_000
"""An intake forgets the repeated texts it shares beyond this many."""


class _Missing:
    """The value of a field a row does not have."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""Stands for a field that a row does not have (a column absent from the file)."""


def _blank(value: object) -> bool:
    return value is MISSING or value is None or (isinstance(value, str) and not value.strip())


def _required(field: str, value: object) -> None:
    if _blank(value):
        raise InvalidDataError(f"{field} is empty", said=Message("msg_empty"))


def outside_population(text: str, code: str, size: int) -> UnknownStateError:
    """The error of a State (*text*, read as *code*) that is not in a population of *size*."""
    return UnknownStateError(
        text,
        reason=("" if text == code else f"({code}) ")
        + f"is not in this tracker's population of {size} States",
        said_reason=Message("msg_not_in_population", size, state=state_name(code))
        if text == code
        else Message("msg_outside_population", size, text=Quoted(text), state=state_name(code)),
    )


def _text(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidDataError(f"{field}: expected text, got {value!r}")
    problem = text_problem(value)
    if problem is not None:
        raise InvalidDataError(
            f"{field}: {value!r} {problem}",
            said=Message("msg_text_problem", text=Quoted(value), problem=problem),
        )
    return value


class Intake:
    """Reads batches of field values into :class:`Columns`, each distinct value once.

    Args:
        catalogue: The recommendations rows may refer to.
        population: The States rows may name (``None``: any State).
        clean: Applied to every text value before it is read (a reader's own trimming and
            unescaping); values are read as they are by default.
        stamp: The recording time of rows that carry none (now by default).
        into: Columns whose codes the batches use (a tracker's log, whose States and keys
            are in the order of *population* and of *catalogue*), so that nothing needs
            recoding when they are added to it.
        meeting: The meeting a file is about: recommendations may then be written by their
            number alone ("8", "Rec. 8", "Recommandation 8").
        lang: The language the values are written in (a file's), if known: a misspelt
            status is then answered with the labels of that language.
    """

    def __init__(  # noqa: PLR0913 (what an intake needs to know)
        self,
        catalogue: Catalogue,
        population: Sequence[str] | None = None,
        *,
        clean: Callable[[str], str] | None = None,
        stamp: dt.datetime | None = None,
        into: Columns | None = None,
        meeting: str | None = None,
        lang: str | None = None,
    ) -> None:
        self._catalogue = catalogue
        self.lang = lang
        # the meeting a file is about is checked once, before any row: UnknownMeetingError
        self._meeting = None if meeting is None else catalogue.meeting(meeting).key
        self._population = None if population is None else tuple(population)
        self._clean = clean
        self.day = today()
        """The day this intake was made: as-of dates after the next day are in the future."""
        self._stamp = stamp or dt.datetime.now(dt.UTC)
        keys = [recommendation.key for recommendation in catalogue]
        self._key_codes = {key: code for code, key in enumerate(keys)}
        states = list(self._population or ())
        self._state_codes = {state: code for code, state in enumerate(states)}
        self._codebook = Columns(states, keys)
        if into is not None:
            if list(into.states) != states or list(into.keys) != keys:
                raise InvalidDataError("into: its States and keys are not coded in this order")
            self._codebook.states, self._codebook.keys = into.states, into.keys
        self._caches: dict[str, dict[Hashable, Any]] = {f: {} for f in FIELDS}
        self._refused: dict[str, set[Hashable]] = {f: set() for f in FIELDS}
        self._shared: dict[str, str] = {}  # texts a file repeats, one string each
        self._read_texts: dict[str, str] = {}  # such texts as given: as read
        self._readers: dict[str, Callable[[Any], Any]] = {
            "state": self._state,
            "recommendation": self._recommendation,
            "status": self._status,
            "as_of": self._as_of,
            "due": self._due,
            "reporter": self._reporter,
            "evidence": self._evidence,
            "correction": self._correction,
            "recorded_at": self._recorded_at,
            **{field: self._free_text(field) for field in TEXT_FIELDS},
        }

    # -- one value of each field -------------------------------------------------------

    def _value(self, value: object) -> object:
        if self._clean is not None and isinstance(value, str):
            return self._clean(value)
        return value

    def _state(self, value: object) -> int:
        _required("state", value)
        if not isinstance(value, str):
            raise UnknownStateError(value)
        code = resolve_state(value)
        found = self._state_codes.get(code)
        if found is not None:
            return found
        if self._population is not None:
            raise outside_population(value, code, len(self._population))
        found = self._state_codes[code] = len(self._codebook.states)
        self._codebook.states.append(code)
        return found

    def _recommendation(self, value: object) -> int:
        _required("recommendation", value)
        if isinstance(value, float | int) and not isinstance(value, bool):
            value = str(int(value)) if float(value).is_integer() else str(value)
        key = self._catalogue.recommendation(value, meeting=self._meeting).key  # type: ignore[arg-type]
        return self._key_codes[key]

    def _status(self, value: object) -> int:
        _required("status", value)
        status = Status.parse(value, self.lang)  # type: ignore[arg-type]
        if status is Status.NO_INFORMATION:
            raise InvalidDataError(
                "status: no_information is never recorded; it is what a pair has when nothing"
                " was reported (leave the row out)",
                said=Message("msg_no_information_recorded", status=Status.NO_INFORMATION),
            )
        return STATUS_CODES[status]

    def _as_of(self, value: object) -> int:
        _required("as_of", value)
        day = parse_date(value)  # type: ignore[arg-type]
        if day.toordinal() > self.last_day():
            raise InvalidDataError(
                f"as_of: {day} is in the future", said=Message("msg_future", day=Day(day))
            )
        return day.toordinal()

    def _due(self, value: object) -> int:
        if _blank(value):
            return NO_DUE
        return parse_date(value).toordinal()  # type: ignore[arg-type]

    def _reporter(self, value: object) -> int:
        if _blank(value):
            return REPORTER_CODES[Reporter.STATE]
        return REPORTER_CODES[Reporter.parse(value)]

    def _evidence(self, value: object) -> tuple[str, ...]:
        if value is MISSING or value is None:
            return ()
        if isinstance(value, str):
            items = value.split(";")
        elif isinstance(value, tuple) and all(isinstance(item, str) for item in value):
            items = list(value)
        else:
            raise InvalidDataError(f"evidence: expected text or a list of texts, got {value!r}")
        kept = tuple(item.strip() for item in items if item.strip())
        for item in kept:
            problem = evidence_problem(item)
            if problem is not None:
                raise InvalidDataError(
                    f"evidence: {item!r}: {problem}",
                    said=Message("msg_text_problem", text=Quoted(item), problem=problem),
                )
        return kept

    def _correction(self, value: object) -> int:
        if _blank(value):
            return 0
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, str) and fold(value) in _YES | _NO:
            return int(fold(value) in _YES)
        raise InvalidDataError(
            f"correction: expected yes or no (oui/non, sí/no, true/false), got {value!r}",
            said=Message("msg_not_yes_no", text=Quoted(value)),
        )

    def _recorded_at(self, value: object) -> int:
        if value is MISSING or value is None:
            return self._codebook.stamp_code(self._stamp)
        stamp = value
        if isinstance(value, str):
            try:
                stamp = dt.datetime.fromisoformat(value)
            except ValueError as exc:
                raise InvalidDataError(f"recorded_at: {value!r} is not an ISO date-time") from exc
        if not isinstance(stamp, dt.datetime) or stamp.tzinfo is None:
            raise InvalidDataError(f"recorded_at: expected an aware date-time, got {value!r}")
        return self._codebook.stamp_code(stamp.astimezone(dt.UTC))

    def _free_text(self, field: str) -> Callable[[object], str]:
        def read(value: object) -> str:
            return "" if value is MISSING or value is None else _text(field, value)

        return read

    # -- values one at a time (tables of values) ---------------------------------------

    def value(self, field: str, value: object) -> Any:
        """The code of one value of a coded field, read as in a row (a document's tables).

        *field* is one of ``state``, ``recommendation``, ``status``, ``reporter``,
        ``recorded_at``, and ``details``: an object of the free-text fields, read to
        their :data:`~smomtrack._tracking.columns.Details`.

        Raises:
            SmomtrackError: The value is refused, with the message a row would get.
        """
        if field == "details":
            return self._details_value(value)
        return self._readers[field](self._value(value))

    def _details_value(self, value: object) -> Details:
        if not isinstance(value, dict) or not set(value) <= set(_DETAILS):
            raise InvalidDataError(f"details: expected an object of {', '.join(_DETAILS)}")
        evidence = value.get("evidence", MISSING)
        if isinstance(evidence, list):
            evidence = _hashable(evidence)
        measures, evidence, responsible, source, notes = (
            self._readers[field](evidence if field == "evidence" else value.get(field, MISSING))
            for field in _DETAILS
        )
        return (measures, evidence, responsible, source, notes)

    def columns(self) -> Columns:
        """An empty batch whose codes are this intake's (to fill with codes it gave)."""
        batch = Columns()
        batch.states, batch.keys = self._codebook.states, self._codebook.keys
        return batch

    def remembered(self) -> int:
        """How many values this intake keeps read (it forgets them past a million a field)."""
        return sum(len(cache) for cache in self._caches.values())

    def last_day(self) -> int:
        """The day number of the last as-of date accepted (tomorrow: the future is refused)."""
        return (self.day + dt.timedelta(days=1)).toordinal()

    # -- batches -----------------------------------------------------------------------

    def _column(
        self, field: str, values: Sequence[object]
    ) -> tuple[list[Any], dict[Hashable, SmomtrackError], Sequence[Hashable]]:
        """The read value of every row, the values that were refused, and the values looked up."""
        cache = self._caches[field]
        bad = self._refused[field]
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
            bad.clear()
        if not bad:
            try:  # the usual case: every value already read, none refused
                return list(map(cache.__getitem__, values)), {}, values
            except (KeyError, TypeError):
                pass
        read = self._readers[field]
        values = [v if v.__class__ is str else _key(v) for v in values]
        distinct = set(values)
        for value in distinct.difference(cache):
            try:
                cache[value] = read(self._value(_given(value)))
            except SmomtrackError as exc:
                cache[value] = exc
                bad.add(value)
        refused = {value: cache[value] for value in distinct.intersection(bad)}
        return list(map(cache.__getitem__, values)), refused, values

    def codes(self, field: str, values: Sequence[str]) -> list[Any] | None:
        """What each of *values* of a coded field reads as; ``None`` if one is refused.

        For a columnar reader: a column's distinct values, read once each (as :meth:`read`
        reads them), before the reader spreads the codes to its rows.
        """
        column, refused, _ = self._column(field, values)
        return None if refused else column

    def typecode(self, field: str) -> str | None:
        """The ``array`` type of a coded field's column (``None``: a list, evidence's)."""
        column = _COLUMN_OF.get(field)
        return None if column is None else getattr(self._codebook, column).typecode

    def take(
        self,
        into: Columns,
        count: int,
        coded: Mapping[str, Sequence[Any]],
        texts: Mapping[str, Sequence[str]],
    ) -> None:
        """Append *count* rows a columnar reader has read: no value of theirs is refused.

        *coded* holds each coded field's codes, a code a row (as :meth:`codes` gave them),
        *texts* the free texts, a text a row: found by the reader to hold no character
        refused and nothing for *clean* to change (repeated ones shared with
        :meth:`shared`). A field absent from both is missing
        from every row (its default applies).
        """
        read: dict[str, Sequence[Any]] = {}
        for field in FIELDS:
            if field in TEXT_FIELDS:
                given = texts.get(field)
                read[field] = [""] * count if given is None else given
                continue
            found = coded.get(field)
            if found is None:
                default, refused, _ = self._column(field, [MISSING])
                if refused:  # pragma: no cover (a required column is always there)
                    raise next(iter(refused.values()))
                typecode = self.typecode(field)
                found = default * count if typecode is None else array(typecode, default) * count
            read[field] = found
        into.state.extend(read["state"])
        into.key.extend(read["recommendation"])
        into.status.extend(read["status"])
        into.as_of.extend(read["as_of"])
        into.due.extend(read["due"])
        into.reporter.extend(read["reporter"])
        into.correction.extend(read["correction"])
        into.stamp.extend(read["recorded_at"])
        for field in _DETAILS:
            getattr(into, field).extend(read[field])

    def read(
        self, fields: Mapping[str, Sequence[object]], count: int, *, into: Columns | None = None
    ) -> tuple[Columns, list[int], list[FieldError]]:
        """Read *count* rows given as one sequence of values per field.

        A field left out of *fields* is missing from every row (its default applies, or
        it is refused where it is required). With *into* (columns this intake made), the
        valid rows are appended to it: a reader of many chunks builds one batch.

        Returns:
            The valid rows as columns, the index of each valid row in the batch, and every
            refused value (by row, then field).
        """
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise InvalidDataError(f"unknown field(s): {', '.join(sorted(unknown))}")
        read: dict[str, list[Any]] = {}
        errors: list[FieldError] = []
        for field in FIELDS:
            if field in TEXT_FIELDS:  # read a column at a time (evidence: as a coded field)
                continue
            values = fields.get(field)
            if values is None:
                values = [MISSING] * count if field in REQUIRED else [MISSING]
            if len(values) != count and not (field not in REQUIRED and len(values) == 1):
                raise InvalidDataError(f"{field}: {len(values)} values for {count} rows")
            column, refused, values = self._column(field, values)
            if refused:
                errors.extend(
                    FieldError(row, field, _given(value), refused[value])
                    for row, value in enumerate(values)
                    if value in refused
                )
            read[field] = column
        for field in TEXT_FIELDS:
            read[field] = self._texts(field, fields.get(field), count, errors)
        errors.sort(key=lambda e: (e.row, FIELDS.index(e.field)))
        bad = {error.row for error in errors}
        rows = [row for row in range(count) if row not in bad] if bad else list(range(count))
        return self._columns(read, rows, count, whole=not bad, into=into), rows, errors

    def _texts(
        self, field: str, values: Sequence[object] | None, count: int, errors: list[FieldError]
    ) -> list[Any]:
        """The free texts of a column, one per row (one for all where a single one is given).

        Texts are read a column at a time: one search in C finds whether any holds a
        character refused, and a text repeated on the chunk's rows is kept once. Only a
        column with a problem, or values that are not text, is read value by value.
        """
        if values is None:
            return [self._readers[field](MISSING)]
        if len(values) != count and not (len(values) == 1 and count != 1):
            raise InvalidDataError(f"{field}: {len(values)} values for {count} rows")
        return self._text_column(field, values, errors)

    def _text_column(
        self, field: str, values: Sequence[object], errors: list[FieldError]
    ) -> list[Any]:
        """The texts of a free-text column other than evidence."""
        first = values[0] if values else ""
        if first.__class__ is str and values.count(first) == len(values):
            text = self._one_text(first)  # the same text on every row
            if text is not None:
                return [text] * len(values)
        elif set(map(type, values)) <= _STR:
            cleaned: list[str] = self._clean_all(values)  # type: ignore[arg-type]
            if text_problem("\n".join(cleaned)) is None:
                return self._share(cleaned)
        read = self._readers[field]
        texts: list[Any] = []
        for row, value in enumerate(values):
            try:
                texts.append(read(self._value(value)))
            except SmomtrackError as exc:
                texts.append("")
                errors.append(FieldError(row, field, value, exc))
        return texts

    def _one_text(self, value: str) -> str | None:
        """A text as read, shared from row to row and chunk to chunk; ``None`` if refused."""
        read = self._read_texts
        found = read.get(value)
        if found is None:
            cleaned = self._clean_all([value])[0]
            if text_problem(cleaned) is not None:
                return None
            if len(read) > _SHARED_LIMIT:
                read.clear()
            shared = self._shared
            if len(shared) > _SHARED_LIMIT:
                shared.clear()
            found = read[value] = shared.setdefault(cleaned, cleaned)
        return found

    def _clean_all(self, values: Sequence[str]) -> list[str]:
        """Every value of a column as the reader's *clean* makes it (at once, if it can)."""
        clean = self._clean
        if clean is None:
            return list(values)
        many = getattr(clean, "many", None)
        return list(many(values)) if many is not None else list(map(clean, values))

    def shared(self, texts: list[str]) -> list[str]:
        """*texts* (distinct texts a file repeats), each as the one string kept for it."""
        shared = self._shared
        if len(shared) > _SHARED_LIMIT:
            shared.clear()
        return [shared.setdefault(text, text) for text in texts]

    def _share(self, texts: list[str]) -> list[str]:
        """*texts*, each text the chunk repeats as one string (kept from chunk to chunk)."""
        distinct = dict(zip(texts, texts, strict=True))
        if len(distinct) * _REPEATED > len(texts):
            return texts  # texts of their own: nothing to share
        shared = self._shared
        if len(shared) > _SHARED_LIMIT:
            shared.clear()
        for text in distinct:
            distinct[text] = shared.setdefault(text, text)
        return list(map(distinct.__getitem__, texts))

    def _columns(
        self,
        read: dict[str, list[Any]],
        rows: list[int],
        count: int,
        *,
        whole: bool,
        into: Columns | None,
    ) -> Columns:
        batch = self.columns() if into is None else into

        def column(field: str) -> list[Any]:
            values = read[field]
            if len(values) == 1 and count != 1:
                return values * len(rows)
            return values if whole else list(map(values.__getitem__, rows))

        batch.state.fromlist(column("state"))
        batch.key.fromlist(column("recommendation"))
        batch.status.frombytes(bytes(column("status")))
        batch.as_of.fromlist(column("as_of"))
        batch.due.fromlist(column("due"))
        batch.reporter.frombytes(bytes(column("reporter")))
        batch.correction.frombytes(bytes(column("correction")))
        batch.stamp.fromlist(column("recorded_at"))
        for field in _DETAILS:
            getattr(batch, field).extend(column(field))
        return batch

    def one(self, **fields: object) -> Columns:
        """Read one row given as keyword arguments; raise the first refused value's error.

        Raises:
            SmomtrackError: The error of the first refused field, in :data:`FIELDS` order.
        """
        columns, _, errors = self.read({k: [_hashable(v)] for k, v in fields.items()}, 1)
        if errors:
            raise errors[0].error
        return columns


def _hashable(value: object) -> Hashable:
    """*value*, with lists turned into tuples, so that it can be looked up once."""
    if isinstance(value, list | tuple):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, dict | set):
        return _Unhashable(repr(value))
    return value


@attrs.frozen
class _Unhashable:
    """A value that cannot be looked up (an object or a set where text was expected)."""

    text: str

    def __repr__(self) -> str:
        return self.text


class _Typed:
    """A value that is not text, as a key: equal only to one of the same type and time zone.

    So 1, True and 1.0, or one moment in two time zones, are read apart.
    """

    __slots__ = ("_key", "value")

    def __init__(self, value: Hashable) -> None:
        self.value = value
        self._key = (value.__class__, value, getattr(value, "tzinfo", None))

    def __hash__(self) -> int:
        return hash(self._key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Typed) and self._key == other._key

    def __repr__(self) -> str:
        return repr(self.value)


_ALIASING = (bool, int, float, complex, decimal.Decimal, fractions.Fraction, dt.datetime, dt.time)
"""Types whose values equal values of other kinds or forms (1 == True == 1.0; one moment in
two time zones): a cache keyed by such a value would give one the other's reading."""


def _key(value: object) -> Hashable:
    """The key *value* is read under: itself, or for an aliasing type, its type and form.

    A moment in UTC (the recording times ``record()`` makes) or without a time zone is its
    own key: it equals no other moment in UTC, and a moment in another zone is wrapped.
    """
    found = _hashable(value)
    if isinstance(found, dt.datetime) and found.utcoffset() in _UTC_OFFSETS:
        return found
    return _Typed(found) if isinstance(found, _ALIASING) else found


_UTC_OFFSETS = (None, dt.timedelta(0))


def _given(value: object) -> object:
    """The value as it was given (the key of a value that is not text holds it)."""
    return value.value if isinstance(value, _Typed) else value


hashable = _hashable
