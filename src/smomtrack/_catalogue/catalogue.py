"""The catalogue: meetings, themes and recommendations, with lookups, filters and search."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar, overload

import attrs

from smomtrack._catalogue.overlaps import suggest_topics
from smomtrack._records.fields import to_tuple, tuple_of
from smomtrack._records.meetings import Meeting
from smomtrack._records.recommendations import Recommendation, Theme
from smomtrack._words import Message, Quoted
from smomtrack.exceptions import (
    ConflictError,
    InvalidDataError,
    UnknownKeyError,
    UnknownMeetingError,
    UnknownRecommendationError,
    UnknownThemeError,
)

if TYPE_CHECKING:
    from smomtrack._catalogue.reports import ParsedReport
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.keys import (
    meeting_key,
    recommendation_key,
    recommendation_number,
    theme_key,
)
from smomtrack._vocabulary.vocabularies import Addressee, Modality

__all__ = ["Catalogue"]

T = TypeVar("T")
D = TypeVar("D")


def _meeting_order(meeting: Meeting) -> tuple[str, int]:
    return meeting.body, meeting.ordinal


def _sorted_meetings(values: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return tuple(sorted(to_tuple(values), key=_meeting_order))


def _key_order(key: str) -> tuple[str, int]:
    body = key.rstrip("0123456789")
    return body, int(key[len(body) :])


def _sorted_themes(values: Iterable[Theme]) -> tuple[Theme, ...]:
    return tuple(sorted(to_tuple(values), key=lambda t: (_key_order(t.meeting), t.letter)))


def _sorted_recommendations(values: Iterable[Recommendation]) -> tuple[Recommendation, ...]:
    return tuple(sorted(to_tuple(values), key=lambda r: (_key_order(r.meeting), r.number)))


def _index(items: tuple[T, ...], key: Callable[[T], str], what: str) -> dict[str, T]:
    index: dict[str, T] = {}
    for item in items:
        if key(item) in index:
            raise InvalidDataError(f"{what} {key(item)!r} appears twice")
        index[key(item)] = item
    return index


@attrs.frozen
class Catalogue:
    """Meetings, themes and recommendations, kept in meeting then number order.

    A catalogue is immutable: :meth:`merge` returns a new one. It checks that every
    theme belongs to a meeting it holds and every recommendation to a theme it holds.

    >>> from smomtrack import builtin_catalogue
    >>> catalogue = builtin_catalogue()
    >>> catalogue.recommendation("som7 r5").addressee
    <Addressee.STATES: 'states'>
    >>> [r.key for r in catalogue.recommendations(topic="capacity-building")]
    ['SOM7-13', 'SOM7-18']

    Raises:
        InvalidDataError: A key appears twice, or a theme or recommendation refers to
            something the catalogue does not hold.
    """

    _meetings: tuple[Meeting, ...] = attrs.field(
        default=(), converter=_sorted_meetings, validator=tuple_of(Meeting), alias="meetings"
    )
    _themes: tuple[Theme, ...] = attrs.field(
        default=(), converter=_sorted_themes, validator=tuple_of(Theme), alias="themes"
    )
    _recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(),
        converter=_sorted_recommendations,
        validator=tuple_of(Recommendation),
        alias="recommendations",
    )
    _meeting_index: dict[str, Meeting] = attrs.field(init=False, eq=False, repr=False)
    _theme_index: dict[str, Theme] = attrs.field(init=False, eq=False, repr=False)
    _recommendation_index: dict[str, Recommendation] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        meetings = _index(self._meetings, lambda m: m.key, "meeting")
        themes = _index(self._themes, lambda t: t.key, "theme")
        recommendations = _index(self._recommendations, lambda r: r.key, "recommendation")
        problems = [
            f"theme {t.key}: meeting {t.meeting!r} is not in the catalogue"
            for t in self._themes
            if t.meeting not in meetings
        ]
        problems.extend(
            f"recommendation {r.key}: theme {r.theme!r} is not in the catalogue"
            for r in self._recommendations
            if r.theme not in themes
        )
        if problems:
            raise InvalidDataError(problems)
        object.__setattr__(self, "_meeting_index", meetings)
        object.__setattr__(self, "_theme_index", themes)
        object.__setattr__(self, "_recommendation_index", recommendations)

    # -- meetings ------------------------------------------------------------------

    def meetings(self) -> tuple[Meeting, ...]:
        """Every meeting, in order."""
        return self._meetings

    def meeting(self, key: str) -> Meeting:
        """The meeting with *key* (``"SOM8"``, ``"som 8"``).

        Raises:
            UnknownMeetingError: No such meeting; the error suggests the nearest keys.
        """
        return _lookup(self._meeting_index, meeting_key(key), key, UnknownMeetingError)

    @overload
    def get_meeting(self, key: str) -> Meeting | None: ...
    @overload
    def get_meeting(self, key: str, default: D) -> Meeting | D: ...
    def get_meeting(self, key: str, default: object = None) -> object:
        """The meeting with *key*, or *default*."""
        return self._meeting_index.get(meeting_key(key) or "", default)

    # -- themes --------------------------------------------------------------------

    def themes(self, meeting: str | None = None) -> tuple[Theme, ...]:
        """Every theme, in order; only those of *meeting* if given.

        Raises:
            UnknownMeetingError: *meeting* is not in the catalogue.
        """
        if meeting is None:
            return self._themes
        wanted = self.meeting(meeting).key
        return tuple(t for t in self._themes if t.meeting == wanted)

    def theme(self, key: str) -> Theme:
        """The theme with *key* (``"SOM7-B"``, ``"som7 b"``).

        Raises:
            UnknownThemeError: No such theme; the error suggests the nearest keys.
        """
        return _lookup(self._theme_index, theme_key(key), key, UnknownThemeError)

    @overload
    def get_theme(self, key: str) -> Theme | None: ...
    @overload
    def get_theme(self, key: str, default: D) -> Theme | D: ...
    def get_theme(self, key: str, default: object = None) -> object:
        """The theme with *key*, or *default*."""
        return self._theme_index.get(theme_key(key) or "", default)

    # -- recommendations -----------------------------------------------------------

    def recommendation(self, key: str, *, meeting: str | None = None) -> Recommendation:
        """The recommendation with *key*: ``"SOM7-5"``, ``"som7-5"``, ``"SOM7/5"``, ``"SOM7 R5"``.

        With *meeting* (the meeting a file is about), a bare number also works: ``"5"``,
        ``"Rec. 5"``, ``"R5"``, ``"Recommandation 5"``, ``"Recomendación 5"``.

        >>> from smomtrack import builtin_catalogue
        >>> builtin_catalogue().recommendation("Recommandation 8", meeting="SOM7").key
        'SOM7-8'

        Raises:
            UnknownRecommendationError: No such recommendation; the error suggests the nearest
                keys (for a bare number, the recommendations of that number: of *meeting*
                only, when it is given).
        """
        canonical = recommendation_key(key)
        number = None if canonical is not None else recommendation_number(key)
        of_meeting = None if meeting is None else meeting_key(meeting) or meeting
        if number is not None and of_meeting is not None:
            canonical = f"{of_meeting}-{number}"
        known = self._recommendation_index
        if number is not None and (canonical is None or canonical not in known):
            # A number alone is a recommendation of the file's meeting, never of another one.
            numbered = [
                r.key
                for r in self._recommendations
                if r.number == number and of_meeting in {None, r.meeting}
            ]
            error = UnknownRecommendationError(key, numbered[:3])
            if of_meeting is not None:
                error.said = Message(
                    "msg_not_in_meeting", text=Quoted(key), meeting=of_meeting, number=number
                )
            raise error
        return _lookup(self._recommendation_index, canonical, key, UnknownRecommendationError)

    @overload
    def get(self, key: str) -> Recommendation | None: ...
    @overload
    def get(self, key: str, default: D) -> Recommendation | D: ...
    def get(self, key: str, default: object = None) -> object:
        """The recommendation with *key*, or *default*."""
        return self._recommendation_index.get(recommendation_key(key) or "", default)

    def recommendations(
        self,
        meeting: str | None = None,
        theme: str | None = None,
        topic: str | None = None,
        modality: Modality | str | None = None,
        addressee: Addressee | str | None = None,
    ) -> tuple[Recommendation, ...]:
        """The recommendations that pass every filter given, in meeting then number order.

        Args:
            meeting: A meeting key.
            theme: A theme key.
            topic: A topic tag (``"capacity-building"``).
            modality: A :class:`Modality` or its value (``"should"``).
            addressee: An :class:`Addressee` or its value (``"states"``).

        Raises:
            UnknownMeetingError: *meeting* is not in the catalogue.
            UnknownThemeError: *theme* is not in the catalogue.
            InvalidDataError: *modality* or *addressee* is not one of its values.
        """
        selected = self._recommendations
        if meeting is not None:
            meeting_key_ = self.meeting(meeting).key
            selected = tuple(r for r in selected if r.meeting == meeting_key_)
        if theme is not None:
            theme_key_ = self.theme(theme).key
            selected = tuple(r for r in selected if r.theme == theme_key_)
        if topic is not None:
            selected = tuple(r for r in selected if topic in r.topics)
        if modality is not None:
            wanted_modality = _member(Modality, modality)
            selected = tuple(r for r in selected if r.modality is wanted_modality)
        if addressee is not None:
            wanted_addressee = _member(Addressee, addressee)
            selected = tuple(r for r in selected if r.addressee is wanted_addressee)
        return selected

    def topics(self) -> tuple[str, ...]:
        """Every topic tag used by a recommendation, sorted."""
        return tuple(sorted({tag for r in self._recommendations for tag in r.topics}))

    def search(self, text: str, lang: str | None = None) -> tuple[Recommendation, ...]:
        """The recommendations whose text or short title contains every word of *text*.

        Matching ignores case and accents. With *lang*, only texts in that language are searched.

        >>> from smomtrack import builtin_catalogue
        >>> [r.number for r in builtin_catalogue().search("societe civile")]
        [15, 16]
        """
        words = fold(text).split()
        if not words:
            return ()
        found = []
        for recommendation in self._recommendations:
            texts = [*recommendation.texts, *recommendation.titles]
            haystack = " ".join(fold(t.value) for t in texts if lang is None or t.lang == lang)
            if all(word in haystack for word in words):
                found.append(recommendation)
        return tuple(found)

    def merge(self, other: Catalogue) -> Catalogue:
        """A new catalogue holding both catalogues' records.

        A record present in both with the same content is kept once.

        Raises:
            ConflictError: The same key names different content in the two catalogues.
        """
        return Catalogue(
            meetings=_union("meeting", self._meeting_index, other._meeting_index),
            themes=_union("theme", self._theme_index, other._theme_index),
            recommendations=_union(
                "recommendation", self._recommendation_index, other._recommendation_index
            ),
        )

    def with_report(self, parsed: ParsedReport, *, suggest: bool = True) -> Catalogue:
        """A new catalogue with the themes and recommendations of a parsed report added.

        The report's meeting is added too (with only its key and ordinal) if the catalogue
        does not hold it yet. This catalogue is not changed. With *suggest*, each new
        recommendation without topics gets suggested ones
        (:func:`~smomtrack._catalogue.overlaps.suggest_topics`, editorial), so that the
        thematic compilation covers the new meeting.

        Raises:
            ConflictError: A theme or recommendation of the report is already in the
                catalogue with different content.
        """
        meeting = self.get_meeting(parsed.meeting)
        if meeting is None:
            body = parsed.meeting.rstrip("0123456789")
            meeting = Meeting(key=parsed.meeting, ordinal=int(parsed.meeting[len(body) :]))
        recommendations = list(parsed.recommendations)
        if suggest:
            recommendations = [
                rec
                if rec.topics or rec.suggested_topics
                else attrs.evolve(rec, suggested_topics=suggest_topics(self, rec))
                for rec in recommendations
            ]
        addition = Catalogue(
            meetings=[meeting], themes=parsed.themes, recommendations=recommendations
        )
        return self.merge(addition)

    def __len__(self) -> int:
        return len(self._recommendations)

    def __iter__(self) -> Iterator[Recommendation]:
        return iter(self._recommendations)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        return key in self._recommendation_index or (
            recommendation_key(key) in self._recommendation_index
        )


def _union(kind: str, mine: dict[str, T], theirs: dict[str, T]) -> list[T]:
    combined = dict(mine)
    for key, record in theirs.items():
        if key in combined and combined[key] != record:
            raise ConflictError(f"{kind} {key}", "the two catalogues hold different content")
        combined[key] = record
    return list(combined.values())


def _lookup(
    index: dict[str, T], canonical: str | None, given: str, error: type[UnknownKeyError]
) -> T:
    if canonical is not None and canonical in index:
        return index[canonical]
    probe = canonical or str(given).upper()
    raise error(given, difflib.get_close_matches(probe, index.keys(), n=3, cutoff=0.5))


E = TypeVar("E", Modality, Addressee)


def _member(enum: type[E], value: E | str) -> E:
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError as exc:
        accepted = ", ".join(m.value for m in enum)
        raise InvalidDataError(
            f"{value!r} is not a valid {enum.__name__.lower()}; accepted: {accepted}"
        ) from exc
