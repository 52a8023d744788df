"""The one private cattrs converter that turns records into plain data and back.

It lives with the catalogue because the built-in catalogue is read through it; the
interchange formats (JSON files, stores) use the same converter.

Strict: a non-string where a string belongs, a float or bool where an integer
belongs, an unknown key, each is an error. Errors come back as
:class:`~smomtrack.InvalidDataError` listing every problem with its path
(``$.recommendations[3].modality: …``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._records.meetings import Meeting
from smomtrack._records.recommendations import (
    Citation,
    Recommendation,
    SuggestedTopic,
    Theme,
)
from smomtrack._vocabulary.languages import Text
from smomtrack.exceptions import InvalidDataError, SmomtrackError

__all__ = ["structure", "structure_catalogue", "structure_list", "unstructure"]

T = TypeVar("T")

_converter = make_converter(forbid_extra_keys=True)


def _strict(kind: type[T]) -> Any:
    def hook(value: object, _type: object) -> T:
        if type(value) is not kind:
            raise InvalidDataError(f"expected {kind.__name__}, got {value!r}")
        return value

    return hook


def _structure_float(value: object, _type: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidDataError(f"expected a number, got {value!r}")
    return float(value)


def _iso(parse: Callable[[str], T], what: str) -> Callable[[object, object], T]:
    """A strict hook reading an ISO string with *parse*; *what* names it in errors."""

    def hook(value: object, _type: object) -> T:
        if not isinstance(value, str):
            raise InvalidDataError(f"expected an ISO {what}, got {value!r}")
        try:
            return parse(value)
        except ValueError as exc:
            raise InvalidDataError(f"{value!r} is not an ISO {what}") from exc

    return hook


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except ValueError as exc:
        accepted = ", ".join(repr(m.value) for m in kind)
        raise InvalidDataError(f"{value!r} is not a {kind.__name__}; accepted: {accepted}") from exc


_converter.register_structure_hook(str, _strict(str))
_converter.register_structure_hook(int, _strict(int))
_converter.register_structure_hook(bool, _strict(bool))
_converter.register_structure_hook(float, _structure_float)
_converter.register_structure_hook(dt.date, _iso(dt.date.fromisoformat, "date (YYYY-MM-DD)"))
_converter.register_structure_hook(dt.datetime, _iso(dt.datetime.fromisoformat, "date-time"))
_converter.register_structure_hook(dt.time, _iso(dt.time.fromisoformat, "time (HH:MM)"))
_converter.register_unstructure_hook(dt.time, lambda t: t.isoformat(timespec="minutes"))
_converter.register_unstructure_hook(dt.date, dt.date.isoformat)
_converter.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
_converter.register_structure_hook_func(
    lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
)


# Fields added after version 1.0 of the documents are written only when they hold something,
# so documents without them stay as they were.
_converter.register_unstructure_hook(
    Text,
    make_dict_unstructure_fn(Text, _converter, source=override(omit_if_default=True)),
)
_converter.register_unstructure_hook(
    Theme,
    make_dict_unstructure_fn(
        Theme,
        _converter,
        subject=override(omit_if_default=True),
        footnotes=override(omit_if_default=True),
    ),
)
_converter.register_unstructure_hook(
    Citation,
    make_dict_unstructure_fn(
        Citation,
        _converter,
        paragraph=override(omit_if_default=True),
        title=override(omit_if_default=True),
        issued=override(omit_if_default=True),
        lang=override(omit_if_default=True),
        original=override(omit_if_default=True),
        page=override(omit_if_default=True),
        url=override(omit_if_default=True),
    ),
)
_structure_suggestion = _converter.gen_structure_attrs_fromdict(SuggestedTopic)


def _suggestion(value: object, kind: type[SuggestedTopic]) -> SuggestedTopic:
    """A suggested topic: ``{"tag": …, "confidence": …}``, or a bare tag (documents before 1.3)."""
    if isinstance(value, str):
        return SuggestedTopic(value)
    if not isinstance(value, dict):
        raise InvalidDataError(f"expected a topic tag or an object, got {value!r}")
    return _structure_suggestion(value, kind)


_converter.register_structure_hook(SuggestedTopic, _suggestion)
_converter.register_unstructure_hook(
    SuggestedTopic,
    make_dict_unstructure_fn(SuggestedTopic, _converter, confidence=override(omit_if_default=True)),
)
_converter.register_unstructure_hook(
    Recommendation,
    make_dict_unstructure_fn(
        Recommendation,
        _converter,
        heading=override(omit_if_default=True),
        suggested_topics=override(omit_if_default=True),
        footnotes=override(omit_if_default=True),
    ),
)


def _unstructure_catalogue(catalogue: Catalogue) -> dict[str, Any]:
    return {
        "meetings": _converter.unstructure(catalogue.meetings(), tuple[Meeting, ...]),
        "themes": _converter.unstructure(catalogue.themes(), tuple[Theme, ...]),
        "recommendations": _converter.unstructure(tuple(catalogue), tuple[Recommendation, ...]),
    }


_converter.register_unstructure_hook(Catalogue, _unstructure_catalogue)


def _describe(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, SmomtrackError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    return format_exception(exc, kind)


_FIELD_PREFIX = re.compile(r"^(?P<field>[a-z_]+(?:\[\d+\])?): (?P<rest>.*)$", re.DOTALL)


def _path_first(problem: str) -> str:
    """Cattrs writes ``message @ $.path``; we write ``$.path: message``.

    A record's own validation message starts with the field it is about
    (``titles: needs a text``); the field joins the path.
    """
    message, separator, path = problem.rpartition(" @ ")
    if not separator:
        return problem
    field = _FIELD_PREFIX.match(message)
    if field:
        return f"{path}.{field['field']}: {field['rest']}"
    return f"{path}: {message}"


def unstructure(value: object) -> Any:
    """*value* (a record, a catalogue) as plain JSON-ready data."""
    return _converter.unstructure(value)


def structure(data: object, kind: type[T], *, where: str = "$") -> T:
    """Build a *kind* from plain data.

    Raises:
        InvalidDataError: Every problem found, each with its path from *where*.
    """
    if kind is Catalogue:
        return structure_catalogue(data, where=where)  # type: ignore[return-value]
    if attrs.has(kind) and not isinstance(data, dict):
        raise InvalidDataError(f"{where}: expected an object, got {_json_type(data)}")
    try:
        return _converter.structure(data, kind)
    except (cattrs.BaseValidationError, cattrs.ForbiddenExtraKeysError) as exc:
        problems = cattrs.transform_error(exc, path=where, format_exception=_describe)
        raise InvalidDataError(_path_first(p) for p in problems) from exc
    except SmomtrackError as exc:
        raise InvalidDataError(f"{where}: {exc}") from exc


def _json_type(data: object) -> str:
    """What JSON calls the type of *data*."""
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "a boolean"
    if isinstance(data, int | float):
        return "a number"
    if isinstance(data, str):
        return "a string"
    return "an array" if isinstance(data, list) else type(data).__name__


def structure_list(data: object, kind: type[T], *, where: str) -> tuple[list[T], list[str]]:
    """Build a list of *kind* from a JSON array, item by item.

    Returns:
        The records built and the problems found (each with its path); a bad item
        does not stop the others from being read.
    """
    if not isinstance(data, list):
        return [], [f"{where}: expected an array, got {type(data).__name__}"]
    records: list[T] = []
    problems: list[str] = []
    for index, item in enumerate(data):
        try:
            records.append(structure(item, kind, where=f"{where}[{index}]"))
        except InvalidDataError as exc:
            problems.extend(exc.problems)
    return records, problems


def structure_catalogue(data: object, *, where: str = "$") -> Catalogue:
    """Build a :class:`Catalogue` from plain data, reporting every problem with its path.

    Raises:
        InvalidDataError: Every problem found.
    """
    if not isinstance(data, dict):
        raise InvalidDataError(f"{where}: expected an object, got {type(data).__name__}")
    problems = [
        f"{where}.{key}: unknown key"
        for key in sorted(set(data) - {"meetings", "themes", "recommendations"})
    ]
    meetings, found = structure_list(data.get("meetings", []), Meeting, where=f"{where}.meetings")
    problems += found
    themes, found = structure_list(data.get("themes", []), Theme, where=f"{where}.themes")
    problems += found
    recommendations, found = structure_list(
        data.get("recommendations", []), Recommendation, where=f"{where}.recommendations"
    )
    problems += found
    if problems:
        raise InvalidDataError(problems)
    try:
        return Catalogue(meetings=meetings, themes=themes, recommendations=recommendations)
    except InvalidDataError as exc:
        raise InvalidDataError(f"{where}: {p}" for p in exc.problems) from exc
