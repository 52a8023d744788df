"""JSON documents of catalogues and trackers: deterministic, versioned, strictly read.

A document is an object with ``format`` (``"smomtrack.catalogue"`` or
``"smomtrack.tracker"``), ``version`` (``"MAJOR.MINOR"``) and the content. A tracker
document holds its population (``states``), its catalogue (``"builtin"`` for the built-in
one, else the catalogue itself) and every record, superseded ones included, one per line.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from typing import Any

from smomtrack.catalogue.builtin import CATALOGUE_FORMAT, builtin_catalogue
from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.catalogue.converter import structure_catalogue, unstructure
from smomtrack.exceptions import InvalidDataError
from smomtrack.tracking.columns import NO_DUE, REPORTERS, STATUSES, Details, day_of, paused_gc
from smomtrack.tracking.imports import ImportResult
from smomtrack.tracking.intake import MISSING
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.states import is_state_code

__all__ = [
    "CATALOGUE_VERSION",
    "FIELDS",
    "SCHEMA_VERSION",
    "TRACKER_FORMAT",
    "catalogue_document",
    "from_json",
    "read_catalogue_field",
    "to_json",
]

TRACKER_FORMAT = "smomtrack.tracker"
CATALOGUE_VERSION = "1.0"
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
    """*value* as a JSON document: sorted keys, ISO dates, one response per line.

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
    head = {
        "catalogue": catalogue_document(value.catalogue),
        "format": TRACKER_FORMAT,
        "states": list(value.states),
        "version": SCHEMA_VERSION,
    }
    lines = _rows(value)
    records = "[]" if not lines else "[\n  " + ",\n  ".join(lines) + "\n ]"
    fields = json.dumps(list(FIELDS))
    text = _dumps(head)
    # "fields" and "responses" sort between "catalogue" and "states": put the records
    # there, one per line.
    before, marker, after = text.partition('\n "format": ')
    head_text = f'{before}\n "fields": {fields},{marker}{after}'
    before, marker, after = head_text.partition('\n "states": ')
    return f'{before}\n "responses": {records},{marker}{after}\n'


def _rows(tracker: Tracker) -> list[str]:
    """One JSON array a record, its fields in :data:`FIELDS` order; shared values encoded once."""
    log = tracker.log
    encode = json.JSONEncoder(ensure_ascii=False).encode
    states = [encode(s) for s in log.states]
    keys = [encode(k) for k in log.keys]
    statuses = [encode(s.value) for s in STATUSES]
    reporters = [encode(r.value) for r in REPORTERS]
    days: dict[int, str] = {}

    def day(ordinal: int) -> str:
        found = days.get(ordinal)
        if found is None:
            found = days[ordinal] = encode(day_of(ordinal).isoformat())
        return found

    stamps = [encode(s.isoformat()) for s in log.stamps]
    details = {
        code: ", ".join(encode(v) for v in _detail_values(log.details[code]))
        for code in set(log.detail)
    }
    due = {code: "null" if code == NO_DUE else day(code) for code in set(log.due)}
    return [
        f"[{states[s]}, {keys[k]}, {statuses[t]}, {day(a)}, {d}, {due[u]}, {reporters[r]},"
        f" {'true' if c else 'false'}, {stamps[p]}]"
        for s, k, t, a, d, u, r, c, p in zip(
            log.state,
            log.key,
            log.status,
            log.as_of,
            map(details.__getitem__, log.detail),
            log.due,
            log.reporter,
            log.correction,
            log.stamp,
            strict=True,
        )
    ]


FIELDS: tuple[str, ...] = (
    "state",
    "recommendation",
    "status",
    "as_of",
    "measures",
    "evidence",
    "responsible",
    "source",
    "notes",
    "due",
    "reporter",
    "correction",
    "recorded_at",
)
"""The fields of a record in a tracker document, in the order of each record's array."""


def _detail_values(details: Details) -> tuple[object, ...]:
    measures, evidence, responsible, source, notes = details
    return measures, list(evidence), responsible, source, notes


def from_json(text: str | bytes) -> Tracker | Catalogue:
    """The tracker or catalogue a JSON document holds.

    Raises:
        InvalidDataError: Not JSON, not a smomtrack document, a newer major version, or
            invalid content: every problem is listed with its path
            (``$.responses[12].status: 'done' is not a Status; accepted: …``).
    """
    try:
        with paused_gc():
            document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidDataError(
            f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    except UnicodeDecodeError as exc:
        raise InvalidDataError(f"not JSON: not UTF-8 text ({exc.reason})") from exc
    except RecursionError as exc:
        raise InvalidDataError("not a smomtrack document: nested too deeply") from exc
    if not isinstance(document, dict):
        raise InvalidDataError("$: a smomtrack document is a JSON object")
    kind = document.get("format")
    if kind == CATALOGUE_FORMAT:
        _check_version(document.get("version"), CATALOGUE_VERSION)
        _check_keys(document, {"format", "version", "catalogue"})
        return structure_catalogue(document.get("catalogue"), where="$.catalogue")
    if kind == TRACKER_FORMAT:
        major = _check_version(document.get("version"), SCHEMA_VERSION)
        with paused_gc():
            return _tracker(document, major)
    _check_version(document.get("version"), SCHEMA_VERSION)
    raise InvalidDataError(f"$.format: {kind!r} is not {CATALOGUE_FORMAT!r} or {TRACKER_FORMAT!r}")


def _check_version(version: object, written: str) -> int:
    if not isinstance(version, str) or not re.fullmatch(r"[0-9]+\.[0-9]+", version):
        raise InvalidDataError(f"$.version: {version!r} is not a version such as '2.0'")
    major = int(version.partition(".")[0])
    supported = int(written.partition(".")[0])
    if major > supported:
        raise InvalidDataError(
            f"$.version: {version} was written by a newer smomtrack; this one reads"
            f" version {supported}.x: upgrade smomtrack"
        )
    return major


def _check_keys(document: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(document) - allowed)
    if extra:
        raise InvalidDataError([f"$.{key}: unknown key" for key in extra])


def read_catalogue_field(value: object, *, where: str) -> Catalogue:
    """The catalogue of a tracker document's ``catalogue`` field (``"builtin"`` or an object)."""
    if value == _BUILTIN:
        return builtin_catalogue()
    return structure_catalogue(value, where=where)


def _tracker(document: dict[str, Any], major: int) -> Tracker:
    allowed = {"format", "version", "catalogue", "states", "responses"}
    _check_keys(document, allowed | {"fields"} if major >= 2 else allowed)
    problems: list[str] = []
    states = document.get("states")
    if not isinstance(states, list) or not all(
        isinstance(s, str) and is_state_code(s) for s in states
    ):
        problems.append("$.states: expected an array of ISO 3166-1 alpha-3 codes")
        states = []
    try:
        catalogue = read_catalogue_field(document.get("catalogue"), where="$.catalogue")
    except InvalidDataError as exc:
        problems.extend(exc.problems)
        catalogue = None
    if problems or catalogue is None:
        raise InvalidDataError(problems)
    tracker = Tracker(catalogue, states)
    items = document.get("responses", [])
    if not isinstance(items, list):
        raise InvalidDataError(f"$.responses: expected an array, got {type(items).__name__}")
    rows, indices = (
        _array_rows(items, document.get("fields"), problems)
        if major >= 2
        else _object_rows(items, problems)
    )
    intake = tracker.intake()
    columns: dict[str, Sequence[Any]] = dict(
        zip(FIELDS, zip(*rows, strict=True) if rows else [()] * len(FIELDS), strict=True)
    )
    columns["evidence"] = [
        tuple(item) if type(item) is list else item for item in columns["evidence"]
    ]
    batch, kept, errors = intake.read(columns, len(rows))
    problems.extend(f"$.responses[{indices[e.row]}].{e.field}: {e.message}" for e in errors)
    result = tracker.add_many(ImportResult(batch=batch, lines=[indices[row] for row in kept]))
    problems.extend(f"$.responses[{e.line}]: {e.message}" for e in result.errors)
    if problems:
        raise InvalidDataError(sorted(problems, key=_path_order))
    return tracker


def _path_order(problem: str) -> tuple[int, str]:
    index = problem.partition("[")[2].partition("]")[0]
    return (int(index) if index.isdigit() else -1, problem)


def _array_rows(
    items: list[Any], fields: object, problems: list[str]
) -> tuple[list[Any], list[int]]:
    """The records of a version 2 document: arrays of the fields given in ``fields``."""
    if fields != list(FIELDS):
        problems.append(f"$.fields: expected {list(FIELDS)}")
        return [], []
    width = len(FIELDS)
    good = [isinstance(item, list) and len(item) == width for item in items]
    if all(good):
        return items, list(range(len(items)))
    for index, ok in enumerate(good):
        if not ok:
            problems.append(f"$.responses[{index}]: expected an array of {width} fields")
    kept = list(itertools.compress(range(len(items)), good))
    return [items[i] for i in kept], kept


def _object_rows(items: list[Any], problems: list[str]) -> tuple[list[Any], list[int]]:
    """The records of a version 1 document: one object each."""
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
    return rows, indices
