"""One table per vocabulary: its values' labels in each language and the other words accepted.

Parsing and labels both come from the table, so a word exists in one place only, and
reading a label is one dictionary lookup of its folded form.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeVar

from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.languages import OUTPUT_LANGUAGES
from smomtrack._words import Message, Quoted, word
from smomtrack.exceptions import InvalidDataError

__all__ = ["WordTable"]

E = TypeVar("E", bound=enum.Enum)


class WordTable(Generic[E]):
    """The words of one closed vocabulary (an enum).

    Args:
        labels: For each language, each value's label (the first language is the fallback).
        aliases: Other words accepted for a value (crosswalks from other vocabularies).

    Every value is also accepted by its own ``value`` (``"in_progress"``).
    """

    __slots__ = ("_aliases", "_labels", "_lookup")

    def __init__(
        self, labels: Mapping[str, Mapping[E, str]], aliases: Mapping[str, E] | None = None
    ) -> None:
        self._labels = labels
        self._aliases = dict(aliases or {})
        self._lookup: dict[str, E] = {}
        for table in labels.values():
            for value in table:
                self._lookup[fold(str(value.value))] = value
        for table in labels.values():
            for value, text in table.items():
                self._lookup[fold(text)] = value
        for text, value in self._aliases.items():
            self._lookup[fold(text)] = value

    @classmethod
    def of(
        cls, values: Iterable[E], prefix: str, aliases: Mapping[str, E] | None = None
    ) -> WordTable[E]:
        """The table of *values*, each labelled by the catalogues' word ``{prefix}_{value}``.

        >>> from smomtrack._vocabulary.statuses import Status
        >>> WordTable.of(Status, "status").label(Status.PLANNED, "es")
        'Prevista'
        """
        members = tuple(values)
        labels = {
            lang: {value: word(f"{prefix}_{value.value}", lang) for value in members}
            for lang in OUTPUT_LANGUAGES
        }
        return cls(labels, aliases)

    def label(self, value: E, lang: str) -> str:
        """The label of *value* in *lang* (the first language's where *lang* has none)."""
        table = self._labels.get(lang) or next(iter(self._labels.values()))
        return table[value]

    def read(self, text: object, what: str) -> E:
        """The value *text* names.

        Args:
            text: What was typed.
            what: The catalogues' key of what a value is ("a regional group").

        Raises:
            InvalidDataError: *text* names no value; the message says it is not *what* and
                lists every word accepted (for a person: the labels of their language).
        """
        found = self.find(text)
        if found is None:
            raise InvalidDataError(
                f"{text!r} is not {word(what, 'en')}; accepted: {', '.join(self.accepted())}",
                said=_NotOne(self, text, what),
            )
        return found

    def find(self, text: object) -> E | None:
        """The value *text* names (case-, accent- and space-insensitively), or ``None``."""
        return self._lookup.get(fold(text)) if isinstance(text, str) else None

    def close(self, text: object, count: int = 2) -> tuple[str, ...]:
        """The accepted words nearest to *text* (a misspelling's "did you mean"), best first."""
        if not isinstance(text, str) or not text.strip():
            return ()
        words = {fold(word): word for word in self.accepted()}
        near = difflib.get_close_matches(fold(text), words, n=count, cutoff=0.7)
        return tuple(words[word] for word in near)

    def accepted(self) -> tuple[str, ...]:
        """Every label accepted, in the table's languages, then the other words."""
        labels: Iterable[str] = (text for table in self._labels.values() for text in table.values())
        return tuple(dict.fromkeys([*labels, *self._aliases]))


class _NotOne:
    """Why a text is not a value of a table, for a person: the labels of their language."""

    __slots__ = ("table", "text", "what")

    def __init__(self, table: WordTable[Any], text: object, what: str) -> None:
        self.table, self.text, self.what = table, text, what

    def label(self, lang: str) -> str:
        labels = self.table._labels.get(lang) or next(iter(self.table._labels.values()))  # noqa: SLF001
        return Message(
            "msg_not_one_of",
            text=Quoted(self.text),
            what=Message(self.what),
            accepted=", ".join(labels.values()),
        ).text(lang)
