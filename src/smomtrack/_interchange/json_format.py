"""JSON documents of catalogues and trackers: deterministic, versioned, strictly read.

A document is an object with ``format`` (``"smomtrack.catalogue"`` or
``"smomtrack.tracker"``), ``version`` (``"MAJOR.MINOR"``) and the content. A tracker
document holds its population (``states``), its catalogue (``"builtin"`` for the built-in
one, else the catalogue itself) and every record, superseded ones included, one per line.

Tracker documents of version 2 lay the records out like the SQLite store: ``responses``
has ``columns`` (the names), ``rows`` (one array of numbers a record) and ``values`` (the
tables the numbers of State, recommendation, status, reporter, recording time and free
texts index); dates are day numbers (``date.toordinal()``), ``null`` where there is no due
date. Version 1 documents (one object a record) are still read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import operator
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from smomtrack._catalogue.builtin import CATALOGUE_FORMAT, builtin_catalogue
from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._catalogue.converter import structure_catalogue, unstructure
from smomtrack._tracking.columns import (
    NO_DUE,
    REPORTERS,
    STATUS_CODES,
    STATUSES,
    Columns,
    Details,
    details_object,
    paused_gc,
    stamp_at,
)
from smomtrack._tracking.imports import ImportResult
from smomtrack._tracking.intake import FIELDS, MISSING, Intake
from smomtrack._tracking.population import Population
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.states import is_state_code
from smomtrack._vocabulary.statuses import Status
from smomtrack._words import Message
from smomtrack.exceptions import InvalidDataError, SmomtrackError

__all__ = [
    "CATALOGUE_VERSION",
    "CHUNKED",
    "COLUMNS",
    "SCHEMA_VERSION",
    "TRACKER_FORMAT",
    "Parsed",
    "catalogue_document",
    "from_json",
    "made_of",
    "parsed",
    "read_catalogue_field",
    "said_of_problems",
    "to_json",
]

TRACKER_FORMAT = "smomtrack.tracker"
CATALOGUE_VERSION = "1.1"
"""The version of the catalogue documents this smomtrack writes; it reads any 1.x."""

SCHEMA_VERSION = "2.0"
"""The version of the tracker documents this smomtrack writes; it reads 1.x and 2.x.

Version 2 writes each record as an array of its fields (named once, in ``fields``) instead
of an object: a third smaller, and read in one pass."""

_BUILTIN = "builtin"


def _dumps(value: object, indent: int | None = 1) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent)


def catalogue_document(catalogue: Catalogue) -> object:
    """The ``catalogue`` field of a tracker document: ``"builtin"`` or the catalogue itself."""
    return _BUILTIN if catalogue == builtin_catalogue() else unstructure(catalogue)


def to_json(value: Tracker | Catalogue) -> str:
    """*value* as a JSON document: sorted keys; a tracker's records one a line, as numbers.

    The same value always gives the same text, and :func:`from_json` gives the value back.

    Raises:
        InvalidDataError: *value* is neither a tracker nor a catalogue.
    """
    if isinstance(value, Catalogue):
        document = {
            "catalogue": unstructure(value),
            "format": CATALOGUE_FORMAT,
            "version": CATALOGUE_VERSION,
        }
        return _dumps(document) + "\n"
    if not isinstance(value, Tracker):
        raise InvalidDataError(
            f"to_json takes a Tracker or a Catalogue, not {type(value).__name__}"
        )
    head: dict[str, object] = {
        "catalogue": catalogue_document(value.catalogue),
        "format": TRACKER_FORMAT,
        "states": list(value.states),
        "version": SCHEMA_VERSION,
    }
    if value.population.expected_from:  # written only when there are dates: older readers
        head["expected_from"] = {  # read every document without them
            code: day.isoformat() for code, day in sorted(value.population.expected_from.items())
        }
    text = _dumps(head)
    # "responses" sorts between "format" and "states": put the records there, one per line.
    before, marker, after = text.partition('\n "states": ')
    return f'{before}\n "responses": {_responses(value.log)},{marker}{after}\n'


COLUMNS: tuple[str, ...] = (
    "state",
    "recommendation",
    "status",
    "as_of",
    "due",
    "reporter",
    "correction",
    "recorded_at",
    "details",
)
"""The columns of a record's array in a tracker document (version 2)."""

_CODED = ("state", "recommendation", "status", "reporter", "recorded_at", "details")
"""The columns whose numbers index a table of ``values``."""


def _responses(log: Columns) -> str:
    """The ``responses`` object: column names, tables of values, one array of numbers a record.

    Like the SQLite store: States, keys, statuses, reporters, recording times and free texts
    are numbers into tables of their values; dates are day numbers (1 is 1 January of the
    year 1). Values are numbered in order of first use, so equal trackers write equal text.
    """
    stamps = list(dict.fromkeys(log.stamp))
    every = list(
        zip(log.measures, log.evidence, log.responsible, log.source, log.notes, strict=True)
    )
    detail_code: dict[Details, int] = {
        details: number for number, details in enumerate(dict.fromkeys(every))
    }
    stamp_code = {code: number for number, code in enumerate(stamps)}
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    rows = zip(
        log.state,
        log.key,
        log.status,
        log.as_of,
        map(_due_number, log.due),
        log.reporter,
        log.correction,
        map(stamp_code.__getitem__, log.stamp),
        map(detail_code.__getitem__, every),
        strict=True,
    )
    lines = list(map(encode, map(list, rows)))
    values = {
        "details": list(map(details_object, detail_code)),
        "recommendation": list(log.keys),
        "recorded_at": [stamp_at(micro).isoformat() for micro in stamps],
        "reporter": [reporter.value for reporter in REPORTERS],
        "state": list(log.states),
        "status": [status.value for status in STATUSES[: STATUS_CODES[Status.NO_INFORMATION]]],
    }
    table = ",\n".join(f"   {encode(name)}: {encode(values[name])}" for name in sorted(values))
    body = "[]" if not lines else "[\n   " + ",\n   ".join(lines) + "\n  ]"
    return (
        f'{{\n  "columns": {encode(list(COLUMNS))},\n  "rows": {body},\n'
        f'  "values": {{\n{table}\n  }}\n }}'
    )


def _due_number(day: int) -> int | None:
    return None if day == NO_DUE else day


def from_json(text: str | bytes) -> Tracker | Catalogue:
    """The tracker or catalogue a JSON document holds.

    Raises:
        InvalidDataError: Not JSON, not a smomtrack document, a newer major version, or
            invalid content: every problem is listed with its path
            (``$.responses[12].status: 'done' is not a Status; accepted: …``).
    """
    with said_of_problems():
        return made_of(parsed(text))


@contextlib.contextmanager
def said_of_problems() -> Iterator[None]:
    """A damaged document's problems (the technical detail) said in a person's frame."""
    try:
        yield
    except InvalidDataError as exc:
        if exc.said is None:
            listed = "\n".join(f"- {problem}" for problem in exc.problems)
            exc.said = Message("msg_document_problems", len(exc.problems), listed=listed)
        raise


@attrs.frozen
class Parsed:
    """A JSON document as read: its content, and its records as columns where read apart."""

    document: dict[str, Any]
    columns: dict[str, Sequence[Any]] | None = None


def parsed(text: str | bytes) -> Parsed:
    """*text* read as JSON (the text is no longer needed afterwards: :func:`made_of`).

    Raises:
        InvalidDataError: Not JSON, or not a JSON object.
    """
    if len(text) > CHUNKED:
        with paused_gc():  # a million small lists, none in a cycle
            found = _in_chunks(text)
        if found is not None:
            return Parsed(*found)
    try:
        with paused_gc():
            document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidDataError(
            f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
            said=Message("msg_not_json", line=exc.lineno, column=exc.colno),
        ) from exc
    except UnicodeDecodeError as exc:
        raise InvalidDataError(
            f"not JSON: not UTF-8 text ({exc.reason})", said=Message("msg_not_json_utf8")
        ) from exc
    except RecursionError as exc:
        raise InvalidDataError("not a smomtrack document: nested too deeply") from exc
    if not isinstance(document, dict):
        raise InvalidDataError("$: a smomtrack document is a JSON object")
    return Parsed(document)


def made_of(read: Parsed) -> Tracker | Catalogue:
    """The tracker or catalogue of a document read (see :func:`from_json`)."""
    document = read.document
    kind = document.get("format")
    if kind == CATALOGUE_FORMAT:
        _check_version(document.get("version"), CATALOGUE_VERSION)
        _check_keys(document, {"format", "version", "catalogue"})
        return structure_catalogue(document.get("catalogue"), where="$.catalogue")
    if kind == TRACKER_FORMAT:
        major = _check_version(document.get("version"), SCHEMA_VERSION)
        with paused_gc():
            return _tracker(document, major, read.columns)
    _check_version(document.get("version"), SCHEMA_VERSION)
    raise InvalidDataError(f"$.format: {kind!r} is not {CATALOGUE_FORMAT!r} or {TRACKER_FORMAT!r}")


CHUNKED = 1 << 20
"""A document longer than this (characters or bytes) has its records read a chunk at a time,
where it is laid out as smomtrack writes it."""

_ROWS_START = '\n  "rows": [\n'
_ROWS_END = '\n  ],\n  "values": {'
_ROWS_CHUNK = 1 << 22
"""About this many characters of records are parsed at a time."""
_WHOLE_NUMBERS = frozenset({"state", "recommendation", "status", "as_of", "reporter", "details"})
"""The columns that hold only whole numbers (``due`` may be null, ``correction`` a boolean)."""


def _in_chunks(text: str | bytes) -> tuple[dict[str, Any], dict[str, Sequence[Any]]] | None:
    """The document without its records, and its records as columns, read a chunk at a time.

    Only for a version 2 tracker document laid out as :func:`to_json` writes it (one record
    a line); ``None`` for anything else, or anything unexpected in the records (not JSON, a
    record of the wrong shape, a number where a whole number is due): the whole document is
    then read at once, which says what is wrong exactly as for any other. The parsed records
    are never all held as lists: each chunk becomes columns before the next is read.
    """
    data = text.encode() if isinstance(text, str) else text
    if not data.startswith(b"{"):  # not as smomtrack writes it (a byte order mark, say)
        return None
    start, end = data.find(_ROWS_START.encode()), data.find(_ROWS_END.encode())
    if start < 0 or end < start or data.find(_ROWS_START.encode(), start + 1) >= 0:
        return None
    begin = start + len(_ROWS_START)
    try:
        document = json.loads((data[:begin] + data[end:]).decode())
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return None
    if (
        not isinstance(document, dict)
        or document.get("format") != TRACKER_FORMAT
        or document.get("version") != SCHEMA_VERSION
        or not isinstance(document.get("responses"), dict)
    ):
        return None
    columns = _records(data, begin, end)
    return None if columns is None else (document, columns)


def _records(data: bytes, begin: int, end: int) -> dict[str, Sequence[Any]] | None:
    """The records between *begin* and *end* as columns, or ``None`` if any is unexpected."""
    columns: dict[str, list[Any] | array[int]] = {
        name: array("q") if name in _WHOLE_NUMBERS else [] for name in COLUMNS
    }
    position = begin
    while position < end:
        stop = data.find(b"],\n", position + _ROWS_CHUNK, end)
        stop = end if stop < 0 else stop + 1
        piece = data[position:stop]
        if b"true" in piece or b"false" in piece:  # a boolean where a number is due
            return None
        try:
            rows = json.loads((b"[" + piece + b"]").decode())
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
            return None
        if not rows or set(map(type, rows)) != {list} or set(map(len, rows)) != {len(COLUMNS)}:
            return None
        try:
            for name, values in zip(COLUMNS, zip(*rows, strict=True), strict=True):
                columns[name].extend(values)  # a whole-number column refuses anything else
        except (TypeError, OverflowError):
            return None
        del rows
        position = stop + 2  # past ",\n"
    return dict(columns)


def _check_version(version: object, written: str) -> int:
    if not isinstance(version, str) or not re.fullmatch(r"[0-9]+\.[0-9]+", version):
        raise InvalidDataError(f"$.version: {version!r} is not a version such as '2.0'")
    major = int(version.partition(".")[0])
    supported = int(written.partition(".")[0])
    if major > supported:
        raise InvalidDataError(
            f"$.version: {version} was written by a newer smomtrack; this one reads"
            f" version {supported}.x: upgrade smomtrack",
            said=Message("msg_newer_version", version=version, supported=f"{supported}.x"),
        )
    return major


def _check_keys(document: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(document) - allowed)
    if extra:
        raise InvalidDataError([f"$.{key}: unknown key" for key in extra])


def _expected_from(value: object, states: list[str], problems: list[str]) -> dict[str, dt.date]:
    """The ``expected_from`` field: the date from which some States are expected to respond."""
    if not isinstance(value, dict):
        problems.append("$.expected_from: expected an object of State codes and dates")
        return {}
    since: dict[str, dt.date] = {}
    for code, day in value.items():
        if code not in states:
            problems.append(f"$.expected_from.{code}: not a State of $.states")
            continue
        try:
            since[code] = dt.date.fromisoformat(day)
        except (TypeError, ValueError):
            problems.append(f"$.expected_from.{code}: {day!r} is not an ISO date")
    return since


def read_catalogue_field(value: object, *, where: str) -> Catalogue:
    """The catalogue of a tracker document's ``catalogue`` field (``"builtin"`` or an object)."""
    if value == _BUILTIN:
        return builtin_catalogue()
    return structure_catalogue(value, where=where)


def _tracker(
    document: dict[str, Any], major: int, columns: dict[str, Sequence[Any]] | None = None
) -> Tracker:
    _check_keys(
        document, {"format", "version", "catalogue", "states", "responses", "expected_from"}
    )
    problems: list[str] = []
    states = document.get("states")
    if not isinstance(states, list) or not all(
        isinstance(s, str) and is_state_code(s) for s in states
    ):
        problems.append(
            "$.states: expected an array of the codes of States that can be parties"
            " (ISO 3166-1 alpha-3, EUU for the European Union)"
        )
        states = []
    since = _expected_from(document.get("expected_from", {}), states, problems)
    try:
        catalogue = read_catalogue_field(document.get("catalogue"), where="$.catalogue")
    except InvalidDataError as exc:
        problems.extend(exc.problems)
        catalogue = None
    if problems or catalogue is None:
        raise InvalidDataError(problems)
    tracker = Tracker(catalogue, Population(tuple(sorted(set(states))), since))
    responses = document.get("responses", [] if major < 2 else {})
    if major >= 2:
        batch, where = _columns_document(responses, tracker.intake(), problems, columns)
    else:
        batch, where = _object_document(responses, tracker.intake(), problems)
    if problems:
        raise InvalidDataError(problems)
    result = tracker.add_many(ImportResult(batch=batch, lines=range(len(batch))))
    problems.extend(f"{where(e.line)}: {e.message}" for e in result.errors)
    if problems:
        raise InvalidDataError(problems)
    return tracker


def _columns_document(
    responses: object,
    intake: Intake,
    problems: list[str],
    read: dict[str, Sequence[Any]] | None = None,
) -> tuple[Columns, Callable[[int], str]]:
    """The records of a version 2 document (columns of numbers and tables of values).

    *read*: the records already read as columns (a large document, a chunk at a time).
    """

    def at_row(row: int) -> str:
        return f"$.responses.rows[{row}]"

    rows = _rows_of(responses, problems)
    if rows is None or not isinstance(responses, dict):
        return Columns(), at_row
    codes = _value_codes(responses["values"], intake, problems)
    if problems:
        return Columns(), at_row
    width = len(COLUMNS)
    columns: dict[str, Sequence[Any]] = read or dict(
        zip(COLUMNS, zip(*rows, strict=True) if rows else [()] * width, strict=True)
    )
    for name in COLUMNS:
        problem = _check_numbers(columns[name], _bounds(name, codes, intake))
        if problem is not None:
            row, text = problem
            problems.append(f"{at_row(row)}[{COLUMNS.index(name)}]: {text} ({name})")
    if problems:
        return Columns(), at_row
    batch = _batch(columns, codes, intake)
    if read is not None:
        read.clear()  # the numbers as read: no longer needed while the tracker takes them in
    return batch, at_row


def _rows_of(responses: object, problems: list[str]) -> list[list[object]] | None:
    """The rows of a version 2 ``responses`` object, if its shape is right."""
    where = "$.responses"
    if not isinstance(responses, dict) or set(responses) != {"columns", "rows", "values"}:
        problems.append(f"{where}: expected an object of columns, rows and values")
        return None
    if responses["columns"] != list(COLUMNS):
        problems.append(f"{where}.columns: expected {list(COLUMNS)}")
        return None
    rows = responses["rows"]
    if not isinstance(rows, list):
        problems.append(f"{where}.rows: expected an array")
        return None
    width = len(COLUMNS)
    if rows and (set(map(type, rows)) != {list} or set(map(len, rows)) != {width}):
        problems.extend(
            f"{where}.rows[{i}]: expected an array of {width} numbers"
            for i, row in enumerate(rows)
            if not isinstance(row, list) or len(row) != width
        )
        return None
    return rows


def _value_codes(values: object, intake: Intake, problems: list[str]) -> dict[str, list[Any]]:
    """For each table of values, the intake's code of each value (each read once)."""
    where = "$.responses.values"
    if not isinstance(values, dict) or set(values) != set(_CODED):
        problems.append(f"{where}: expected an object of {', '.join(sorted(_CODED))}")
        return {}
    codes: dict[str, list[Any]] = {}
    for name in _CODED:
        table = values[name]
        if not isinstance(table, list):
            problems.append(f"{where}.{name}: expected an array")
            continue
        found: list[Any] = []
        for index, value in enumerate(table):
            try:
                found.append(intake.value(name, value))
            except SmomtrackError as exc:
                message = str(exc).removeprefix(f"{name}: ")
                problems.append(f"{where}.{name}[{index}]: {message}")
                found.append(-1)
        codes[name] = found
    return codes


@attrs.frozen
class _Bounds:
    """What the numbers of one column may be."""

    low: int
    high: int
    kinds: frozenset[type]
    what: str = "a number"


def _bounds(name: str, codes: dict[str, list[Any]], intake: Intake) -> _Bounds:
    if name in codes:
        return _Bounds(0, len(codes[name]) - 1, frozenset({int}))
    if name == "correction":
        return _Bounds(0, 1, frozenset({int, bool}))
    kinds = frozenset({int, type(None)}) if name == "due" else frozenset({int})
    what = "a day number" if name == "due" else "a day number not in the future"
    high = intake.last_day() if name == "as_of" else dt.date.max.toordinal()
    return _Bounds(1, high, kinds, what)


def _check_numbers(column: Sequence[object], bounds: _Bounds) -> tuple[int, str] | None:
    """Check a column of numbers in bulk; the first bad row and what is wrong, if any."""
    if not column:
        return None
    kinds = set(map(type, column))
    if kinds <= bounds.kinds:
        numbers: Iterable[Any] = column
        if type(None) in kinds:  # due dates: None where there is none
            numbers = list(filter(functools.partial(operator.is_not, None), column))
        if not numbers or (bounds.low <= min(numbers) and max(numbers) <= bounds.high):
            return None
    for row, number in enumerate(column):
        if type(number) not in bounds.kinds or (
            isinstance(number, int) and not bounds.low <= number <= bounds.high
        ):
            return row, f"{number!r} is not {bounds.what} between {bounds.low} and {bounds.high}"
    return None  # pragma: no cover (the bulk check found a bad number)


def _batch(
    columns: Mapping[str, Sequence[Any]], codes: dict[str, list[Any]], intake: Intake
) -> Columns:
    """The records as the intake's columns."""
    batch = intake.columns()
    batch.state.fromlist(list(map(codes["state"].__getitem__, columns["state"])))
    batch.key.fromlist(list(map(codes["recommendation"].__getitem__, columns["recommendation"])))
    batch.status.frombytes(bytes(map(codes["status"].__getitem__, columns["status"])))
    batch.as_of.fromlist(list(columns["as_of"]))
    batch.due.fromlist([NO_DUE if day is None else day for day in columns["due"]])
    batch.reporter.frombytes(bytes(map(codes["reporter"].__getitem__, columns["reporter"])))
    batch.correction.frombytes(bytes(map(int, columns["correction"])))
    batch.stamp.fromlist(list(map(codes["recorded_at"].__getitem__, columns["recorded_at"])))
    batch.add_details(list(map(codes["details"].__getitem__, columns["details"])))
    return batch


def _object_document(
    items: object, intake: Intake, problems: list[str]
) -> tuple[Columns, Callable[[int], str]]:
    """The records of a version 1 document: one object each, read as a spreadsheet's rows are."""
    if not isinstance(items, list):
        problems.append(f"$.responses: expected an array, got {type(items).__name__}")
        return Columns(), str
    rows: list[tuple[object, ...]] = []
    indices: list[int] = []
    known = set(FIELDS)
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(f"$.responses[{index}]: expected an object, got {type(item).__name__}")
            continue
        extra = sorted(set(item) - known)
        if extra:
            problems.extend(f"$.responses[{index}].{key}: unknown key" for key in extra)
            continue
        rows.append(tuple(item.get(field, MISSING) for field in FIELDS))
        indices.append(index)
    columns: dict[str, Sequence[Any]] = dict(
        zip(FIELDS, zip(*rows, strict=True) if rows else [()] * len(FIELDS), strict=True)
    )
    columns["evidence"] = [tuple(e) if type(e) is list else e for e in columns["evidence"]]
    batch, kept, errors = intake.read(columns, len(rows))
    problems.extend(f"$.responses[{indices[e.row]}].{e.field}: {e.message}" for e in errors)
    lines = [indices[row] for row in kept]
    return batch, lambda line: f"$.responses[{lines[line]}]"
