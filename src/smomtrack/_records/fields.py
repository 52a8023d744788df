"""Field definitions shared by the records: typed tuple converters and validators."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from smomtrack._vocabulary.characters import text_problem
from smomtrack._vocabulary.languages import Text
from smomtrack._words import Message
from smomtrack.exceptions import InvalidDataError

__all__ = [
    "FrozenMap",
    "check_date",
    "check_optional_date",
    "check_pattern",
    "check_texts",
    "evidence_problem",
    "frozen_map",
    "optional_str",
    "some_texts",
    "to_strings",
    "to_texts",
    "to_tuple",
    "tuple_of",
]

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


def to_tuple(values: Iterable[T]) -> tuple[T, ...]:
    """Convert any iterable to a tuple (the typed converter for tuple fields)."""
    if isinstance(values, str):
        # A lone string would silently become a tuple of characters.
        raise InvalidDataError(f"expected a sequence, got the string {values!r}")
    return tuple(values)


def evidence_problem(item: str) -> Message | None:
    """Why *item* cannot be an evidence item (a document symbol or an address), or ``None``."""
    if not item or item != item.strip():
        return Message("msg_evidence_blank")
    if ";" in item:
        return Message("msg_evidence_semicolon")
    return text_problem(item)


def to_strings(values: Iterable[str]) -> tuple[str, ...]:
    """Converter for a tuple of strings."""
    return to_tuple(values)


def to_texts(values: Iterable[Text]) -> tuple[Text, ...]:
    """Converter for a tuple of texts."""
    return to_tuple(values)


def tuple_of(kind: type[Any]) -> Callable[[Any, attrs.Attribute[Any], tuple[Any, ...]], None]:
    """A validator: every member of the tuple is a *kind*."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for index, member in enumerate(value):
            if not isinstance(member, kind):
                raise InvalidDataError(
                    f"{attribute.name}[{index}]: expected {kind.__name__}, got {member!r}"
                )

    return check


def optional_str(_instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    """A validator: ``None`` or a non-blank string that every file can keep."""
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidDataError(f"{attribute.name}: expected text or None, got {value!r}")
    problem = None if value is None else text_problem(value)
    if problem is not None:
        raise InvalidDataError(f"{attribute.name}: {value!r} {problem}")


def check_pattern(pattern: str) -> Callable[[Any, attrs.Attribute[str], str], None]:
    """A validator: a string matching *pattern* entirely."""
    compiled = re.compile(pattern)

    def check(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            raise InvalidDataError(f"{attribute.name}: {value!r} does not match {pattern}")

    return check


def check_date(_instance: object, attribute: attrs.Attribute[dt.date], value: object) -> None:
    """A validator: a ``date`` (not a ``datetime``)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidDataError(f"{attribute.name}: expected a date, got {value!r}")


def check_optional_date(
    instance: object, attribute: attrs.Attribute[dt.date | None], value: object
) -> None:
    """A validator: ``None`` or a ``date``."""
    if value is not None:
        check_date(instance, attribute, value)  # type: ignore[arg-type]


def check_texts(
    _instance: object, attribute: attrs.Attribute[tuple[Text, ...]], value: tuple[object, ...]
) -> None:
    """A validator: texts, at most one per language."""
    seen: set[str] = set()
    for index, text in enumerate(value):
        if not isinstance(text, Text):
            raise InvalidDataError(f"{attribute.name}[{index}]: expected Text, got {text!r}")
        if text.lang in seen:
            raise InvalidDataError(f"{attribute.name}[{index}]: a second text in {text.lang!r}")
        seen.add(text.lang)


def some_texts(
    instance: object, attribute: attrs.Attribute[tuple[Text, ...]], value: tuple[object, ...]
) -> None:
    """A validator: like :func:`check_texts`, and at least one text."""
    check_texts(instance, attribute, value)
    if not value:
        raise InvalidDataError(f"{attribute.name}: needs a text in at least one language")


class FrozenMap(Mapping[K, V]):
    """A read-only mapping that compares by content and can be hashed: a value object's field.

    >>> FrozenMap({"a": 1}) == {"a": 1}, hash(FrozenMap({"a": 1})) == hash(FrozenMap({"a": 1}))
    (True, True)
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data: dict[K, V] = dict(data)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


def frozen_map(data: Mapping[K, V]) -> FrozenMap[K, V]:
    """*data* as a :class:`FrozenMap` (an attrs converter)."""
    return data if isinstance(data, FrozenMap) else FrozenMap(data)
