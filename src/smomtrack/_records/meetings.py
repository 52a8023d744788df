"""Meetings, their agenda, documents and organization of work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from smomtrack._records.fields import (
    check_date,
    check_optional_date,
    check_pattern,
    check_texts,
    optional_str,
    some_texts,
    to_strings,
    to_texts,
    to_tuple,
    tuple_of,
)
from smomtrack._vocabulary.languages import Text, pick
from smomtrack._vocabulary.vocabularies import DocumentKind, MeetingFormat
from smomtrack.exceptions import InvalidDataError, UnknownAgendaItemError

__all__ = ["AgendaItem", "Document", "Meeting", "Session"]

MEETING_KEY = r"[A-Z]+[1-9][0-9]*"


def _agenda_items(values: Iterable[AgendaItem]) -> tuple[AgendaItem, ...]:
    return to_tuple(values)


def _documents(values: Iterable[Document]) -> tuple[Document, ...]:
    return to_tuple(values)


def _sessions(values: Iterable[Session]) -> tuple[Session, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True)
class Document:
    """A meeting document.

    Attributes:
        symbol: The UN document symbol (``"CTOC/COP/WG.7/2021/2"``), ``None`` where the
            sources do not give it.
        titles: The title, per language.
        kind: What the document is.
        date: The date the document bears, where the sources give it.
    """

    symbol: str | None = attrs.field(default=None, validator=optional_str)
    titles: tuple[Text, ...] = attrs.field(converter=to_texts, validator=some_texts)
    kind: DocumentKind = attrs.field(validator=attrs.validators.instance_of(DocumentKind))
    date: dt.date | None = attrs.field(default=None, validator=check_optional_date)

    def title(self, lang: str = "en") -> Text:
        """The title in *lang*, or in the fallback language (the returned text says which)."""
        return _required(pick(self.titles, lang), "title")


@attrs.frozen(kw_only=True)
class AgendaItem:
    """An item on a meeting's agenda.

    Attributes:
        number: As the agenda writes it: ``"2"``, ``"1 a)"``.
        titles: The item's title, per language.
        annotations: The annotation under the item, per language (paragraphs separated by
            a blank line).
        documents: Symbols of the documents to be considered under the item.
        sub_items: The item's sub-items (``1 a)``, ``1 b)`` under ``1``).
    """

    number: str = attrs.field(validator=check_pattern(r"[0-9]+( [a-z]\))?"))
    titles: tuple[Text, ...] = attrs.field(converter=to_texts, validator=some_texts)
    annotations: tuple[Text, ...] = attrs.field(
        default=(), converter=to_texts, validator=check_texts
    )
    documents: tuple[str, ...] = attrs.field(
        default=(), converter=to_strings, validator=tuple_of(str)
    )
    sub_items: tuple[AgendaItem, ...] = attrs.field(default=(), converter=_agenda_items)

    def __attrs_post_init__(self) -> None:
        for index, item in enumerate(self.sub_items):
            if not isinstance(item, AgendaItem):
                raise InvalidDataError(f"sub_items[{index}]: expected AgendaItem, got {item!r}")

    def title(self, lang: str = "en") -> Text:
        """The title in *lang*, or in the fallback language (the returned text says which)."""
        return _required(pick(self.titles, lang), "title")

    def annotation(self, lang: str = "en") -> Text | None:
        """The annotation in *lang* (or the fallback language); ``None`` if there is none."""
        return pick(self.annotations, lang)


@attrs.frozen(kw_only=True)
class Session:
    """A meeting of the organization of work: a day, a time slot and the agenda items taken up.

    Attributes:
        date: The day.
        start: When the session starts (local time).
        end: When it ends.
        items: The numbers of the agenda items taken up, in order.
        continued: The numbers of items whose consideration continues from an earlier session.
    """

    date: dt.date = attrs.field(validator=check_date)
    start: dt.time = attrs.field(validator=attrs.validators.instance_of(dt.time))
    end: dt.time = attrs.field(validator=attrs.validators.instance_of(dt.time))
    items: tuple[str, ...] = attrs.field(converter=to_strings, validator=tuple_of(str))
    continued: tuple[str, ...] = attrs.field(
        default=(), converter=to_strings, validator=tuple_of(str)
    )

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidDataError(f"end: {self.end} is not after start {self.start}")
        if not set(self.continued) <= set(self.items):
            raise InvalidDataError("continued: names items that the session does not take up")


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting of the Working Group.

    Attributes:
        key: The body's code and the meeting's ordinal: ``"SOM7"``.
        ordinal: 7 for the seventh meeting.
        start: First day, where known.
        end: Last day, where known.
        venue: Where it was held (``"Vienna"``), where known.
        format: In person, hybrid or online, where the sources say.
        agenda: The agenda items, in order.
        documents: The documents of the meeting.
        sessions: The organization of work.
    """

    key: str = attrs.field(validator=check_pattern(MEETING_KEY))
    ordinal: int = attrs.field(validator=attrs.validators.instance_of(int))
    start: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    end: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    venue: str | None = attrs.field(default=None, validator=optional_str)
    format: MeetingFormat | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(MeetingFormat)),
    )
    agenda: tuple[AgendaItem, ...] = attrs.field(
        default=(), converter=_agenda_items, validator=tuple_of(AgendaItem)
    )
    documents: tuple[Document, ...] = attrs.field(
        default=(), converter=_documents, validator=tuple_of(Document)
    )
    sessions: tuple[Session, ...] = attrs.field(
        default=(), converter=_sessions, validator=tuple_of(Session)
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        if (
            not self.key.endswith(str(self.ordinal))
            or self.key[-len(str(self.ordinal)) - 1].isdigit()
        ):
            problems.append(f"ordinal: {self.ordinal} does not match key {self.key!r}")
        if self.start and self.end and self.end < self.start:
            problems.append(f"end: {self.end} is before start {self.start}")
        numbers = [item.number for item in self.all_agenda_items()]
        if len(set(numbers)) != len(numbers):
            problems.append(f"agenda: an item number appears twice in {numbers}")
        for session in self.sessions:
            unknown = set(session.items) - set(numbers)
            if unknown:
                problems.append(f"sessions: items {sorted(unknown)} are not on the agenda")
        if problems:
            raise InvalidDataError(f"meeting {self.key}: {p}" for p in problems)

    @property
    def body(self) -> str:
        """The body's code: ``"SOM"`` for the Working Group on the Smuggling of Migrants."""
        return self.key.rstrip("0123456789")

    def all_agenda_items(self) -> tuple[AgendaItem, ...]:
        """Every agenda item, sub-items included, in agenda order."""
        return tuple(member for item in self.agenda for member in (item, *item.sub_items))

    def agenda_item(self, number: str) -> AgendaItem:
        """The agenda item numbered *number* (``"2"``, ``"1 a)"``, also ``"1a"``, ``"1 (a)"``).

        Raises:
            UnknownAgendaItemError: No such item.
        """
        wanted = _fold_item(number)
        for item in self.all_agenda_items():
            if _fold_item(item.number) == wanted:
                return item
        raise UnknownAgendaItemError(number, [i.number for i in self.all_agenda_items()])

    def document(self, symbol: str) -> Document | None:
        """The document with *symbol*, or ``None``."""
        return next((d for d in self.documents if d.symbol == symbol), None)


def _fold_item(number: str) -> str:
    return "".join(c for c in str(number).casefold() if c.isalnum())


def _required(text: Text | None, name: str) -> Text:
    if text is None:  # pragma: no cover - records are validated to carry at least one
        raise InvalidDataError(f"{name}: no text in any language")
    return text
