"""JSON documents of catalogues and trackers: deterministic, versioned, strictly read.

A document is an object with ``format`` (``"smomtrack.catalogue"`` or
``"smomtrack.tracker"``), ``version`` (``"MAJOR.MINOR"``) and the content. A tracker
document holds its population (``states``), its catalogue (``"builtin"`` for the built-in
one, else the catalogue itself) and every record, superseded ones included, one per line.
"""

from __future__ import annotations

import json
from typing import Any

from smomtrack.catalogue.builtin import CATALOGUE_FORMAT, builtin_catalogue
from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.catalogue.converter import structure_catalogue, structure_list, unstructure
from smomtrack.exceptions import InvalidDataError, SmomtrackError
from smomtrack.records.responses import Response
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.states import is_state_code

__all__ = [
    "SCHEMA_VERSION",
    "TRACKER_FORMAT",
    "catalogue_document",
    "from_json",
    "read_catalogue_field",
    "to_json",
]

TRACKER_FORMAT = "smomtrack.tracker"
SCHEMA_VERSION = "1.0"
"""The version of the documents this smomtrack writes; it reads any 1.x."""

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
            "version": SCHEMA_VERSION,
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
    lines = [_dumps(unstructure(response), indent=None) for response in value]
    records = "[]" if not lines else "[\n  " + ",\n  ".join(lines) + "\n ]"
    text = _dumps(head)
    # "responses" sorts between "format" and "states": put the records there, one per line.
    before, marker, after = text.partition(' "states": ')
    return f'{before} "responses": {records},\n{marker}{after}\n'


def from_json(text: str | bytes) -> Tracker | Catalogue:
    """The tracker or catalogue a JSON document holds.

    Raises:
        InvalidDataError: Not JSON, not a smomtrack document, a newer major version, or
            invalid content: every problem is listed with its path
            (``$.responses[12].status: 'done' is not a Status; accepted: …``).
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidDataError(
            f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    except UnicodeDecodeError as exc:
        raise InvalidDataError(f"not JSON: not UTF-8 text ({exc.reason})") from exc
    if not isinstance(document, dict):
        raise InvalidDataError("$: a smomtrack document is a JSON object")
    kind = document.get("format")
    _check_version(document.get("version"))
    if kind == CATALOGUE_FORMAT:
        _check_keys(document, {"format", "version", "catalogue"})
        return structure_catalogue(document.get("catalogue"), where="$.catalogue")
    if kind == TRACKER_FORMAT:
        return _tracker(document)
    raise InvalidDataError(f"$.format: {kind!r} is not {CATALOGUE_FORMAT!r} or {TRACKER_FORMAT!r}")


def _check_version(version: object) -> None:
    if not isinstance(version, str) or not version.partition(".")[0].isdigit():
        raise InvalidDataError(f"$.version: {version!r} is not a version such as '1.0'")
    major = int(version.partition(".")[0])
    supported = int(SCHEMA_VERSION.partition(".")[0])
    if major > supported:
        raise InvalidDataError(
            f"$.version: {version} was written by a newer smomtrack; this one reads"
            f" version {supported}.x: upgrade smomtrack"
        )


def _check_keys(document: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(document) - allowed)
    if extra:
        raise InvalidDataError([f"$.{key}: unknown key" for key in extra])


def read_catalogue_field(value: object, *, where: str) -> Catalogue:
    """The catalogue of a tracker document's ``catalogue`` field (``"builtin"`` or an object)."""
    if value == _BUILTIN:
        return builtin_catalogue()
    return structure_catalogue(value, where=where)


def _tracker(document: dict[str, Any]) -> Tracker:
    _check_keys(document, {"format", "version", "catalogue", "states", "responses"})
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
    responses, found = structure_list(document.get("responses", []), Response, where="$.responses")
    problems.extend(found)
    if problems or catalogue is None:
        raise InvalidDataError(problems)
    tracker = Tracker(catalogue, states)
    for index, response in enumerate(responses):
        try:
            tracker.add(response)
        except (SmomtrackError, LookupError) as exc:
            problems.append(f"$.responses[{index}]: {exc}")
    if problems:
        raise InvalidDataError(problems)
    return tracker
