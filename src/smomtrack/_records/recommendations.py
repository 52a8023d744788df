"""Themes and recommendations, with the citation of where each comes from."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import attrs

from smomtrack._records.fields import (
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
from smomtrack._records.meetings import MEETING_KEY
from smomtrack._vocabulary.languages import Text, pick
from smomtrack._vocabulary.topics import TAG_PATTERN
from smomtrack._vocabulary.vocabularies import Addressee, Modality
from smomtrack.exceptions import InvalidDataError

__all__ = ["SECTION", "Citation", "Footnote", "Recommendation", "SuggestedTopic", "Theme"]

SECTION = r"([IVX]+\.)?[A-Z]"
"""A section of a report: ``II.B``, or ``B`` where the chapter is not known."""


@attrs.frozen(kw_only=True)
class Citation:
    """Where an official text comes from.

    Attributes:
        meeting: The meeting's key.
        section: The section of the report (``"II.B"``).
        document: The document's symbol, where known (``None`` otherwise: never invented).
        paragraph: The paragraph's number in the report, for reports that number their
            paragraphs (``None`` otherwise).
        title: The document as it names itself on its first page, in the language of the
            version cited (``"Projet de rapport. Additif"``), where known.
        issued: The date the document bears, where known.
        lang: The language of the version cited (the text is verbatim in it).
        original: The language the document was written in, where the document says.
        page: The page of that version where the text stands (a PDF read), where known.
        url: Where the document is published or listed, as its source gives it.
    """

    meeting: str = attrs.field(validator=check_pattern(MEETING_KEY))
    section: str = attrs.field(validator=check_pattern(SECTION))
    document: str | None = attrs.field(default=None, validator=optional_str)
    paragraph: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(int))
    )
    title: str | None = attrs.field(default=None, validator=optional_str)
    issued: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    lang: str | None = attrs.field(default=None, validator=optional_str)
    original: str | None = attrs.field(default=None, validator=optional_str)
    page: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(int))
    )
    url: str | None = attrs.field(default=None, validator=optional_str)

    def __str__(self) -> str:
        """Where, short: meeting, section, paragraph, then the document and page.

        The language, original and address are in the attributes (and in the official
        texts' ``source``), not repeated here.
        """
        where = f"{self.meeting}, section {self.section}"
        where += f", para. {self.paragraph}" if self.paragraph is not None else ""
        named = ", ".join(
            part
            for part in (
                self.document,
                self.title,
                self.issued.isoformat() if self.issued else None,
                f"page {self.page}" if self.page is not None else None,
            )
            if part
        )
        return f"{where}, {named}" if named else where

    @property
    def names_document(self) -> bool:
        """Whether the citation names its document (by symbol, or by title and date)."""
        return bool(self.document) or (bool(self.title) and self.issued is not None)


@attrs.frozen(kw_only=True)
class Footnote:
    """A footnote of an official text, as the document prints it at the foot of a page.

    Attributes:
        number: Its number in the document (the marker that calls it).
        text: Its text, verbatim (official), with where it stands (``source``).
    """

    number: int = attrs.field(validator=attrs.validators.instance_of(int))
    text: Text = attrs.field(validator=attrs.validators.instance_of(Text))

    def __str__(self) -> str:
        return f"{self.number} {self.text.value}"


def _to_footnotes(values: Iterable[Footnote]) -> tuple[Footnote, ...]:
    return to_tuple(values)


_TAG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@attrs.frozen
class SuggestedTopic:
    """A topic suggested for a recommendation (editorial, to be confirmed), with its confidence.

    Attributes:
        tag: The topic's tag.
        confidence: How sure the suggestion is, from 0 to 1 (the similarity of the
            recommendation's text with the topic's); ``None`` where not known (a document
            written before confidences were kept).
    """

    tag: str = attrs.field(validator=attrs.validators.instance_of(str))
    confidence: float | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(float)),
    )

    def __attrs_post_init__(self) -> None:
        if not _TAG.fullmatch(self.tag):
            raise InvalidDataError(f"tag: {self.tag!r} is not a topic tag")

    def __str__(self) -> str:
        return self.tag if self.confidence is None else f"{self.tag} ({self.confidence:.2f})"


def _to_suggestions(values: object) -> tuple[SuggestedTopic, ...]:
    if isinstance(values, str) or not isinstance(values, tuple | list):
        raise InvalidDataError(f"suggested_topics: expected a list, got {values!r}")
    return tuple(SuggestedTopic(v) if isinstance(v, str) else v for v in values)


def _check_suggestions(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]
) -> None:
    for index, item in enumerate(value):
        if not isinstance(item, SuggestedTopic):
            raise InvalidDataError(f"{attribute.name}[{index}]: {item!r} is not a suggested topic")
    tags = [item.tag for item in value if isinstance(item, SuggestedTopic)]
    if len(set(tags)) != len(tags):
        raise InvalidDataError(f"{attribute.name}: a tag appears twice in {tags}")


@attrs.frozen(kw_only=True)
class Theme:
    """A theme: a section of a meeting's recommendations (``II.B``), on one topic of the meeting.

    Attributes:
        key: ``"SOM7-B"``: the meeting's key and the section letter.
        meeting: The meeting's key.
        letter: The section letter (``"B"``).
        titles: The section's heading in the report, per language: official, or a working
            translation (editorial); each text says which, and where it comes from.
        footnotes: The footnotes its heading calls, verbatim.
        section: The section in the report (``"II.B"``).
        subject: The topic of the meeting that the section's recommendations answer, as
            the Secretariat's background paper on it is titled (official, with its source),
            where known. Not a translation of the heading.
    """

    key: str = attrs.field(validator=check_pattern(MEETING_KEY + r"-[A-Z]"))
    meeting: str = attrs.field(validator=check_pattern(MEETING_KEY))
    letter: str = attrs.field(validator=check_pattern(r"[A-Z]"))
    titles: tuple[Text, ...] = attrs.field(converter=to_texts, validator=some_texts)
    section: str = attrs.field(validator=check_pattern(SECTION))
    subject: tuple[Text, ...] = attrs.field(default=(), converter=to_texts, validator=check_texts)
    footnotes: tuple[Footnote, ...] = attrs.field(
        default=(), converter=_to_footnotes, validator=tuple_of(Footnote)
    )

    def __attrs_post_init__(self) -> None:
        if self.key != f"{self.meeting}-{self.letter}":
            raise InvalidDataError(
                f"key: {self.key!r} does not match meeting {self.meeting!r}"
                f" and letter {self.letter!r}"
            )
        if self.section.rpartition(".")[2] != self.letter:
            raise InvalidDataError(
                f"section: {self.section!r} does not end with the letter {self.letter!r}"
            )

    def title(self, lang: str = "en") -> Text:
        """The title in *lang*, or in the fallback language (the returned text says which)."""
        title = pick(self.titles, lang)
        assert title is not None  # noqa: S101 (validated: at least one title)
        return title


def _check_topics(
    _instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[object, ...]
) -> None:
    for index, tag in enumerate(value):
        if not isinstance(tag, str) or not TAG_PATTERN.fullmatch(tag):
            raise InvalidDataError(
                f"{attribute.name}[{index}]: {tag!r} is not a topic tag"
                " (lower-case words joined by '-')"
            )
    if len(set(value)) != len(value):
        raise InvalidDataError(f"{attribute.name}: a tag appears twice in {value}")


@attrs.frozen(kw_only=True)
class Recommendation:
    """A recommendation adopted by the Working Group.

    Attributes:
        key: ``"SOM7-5"``: the meeting's key and the number.
        meeting: The meeting's key.
        theme: The theme's key (``"SOM7-B"``).
        number: The number in the meeting's report.
        texts: The text per language; official texts are verbatim.
        titles: Editorial short titles per language.
        modality: How strongly it is worded (``None`` where the wording was not recognised).
        addressee: Whom it is addressed to (``None`` where the wording was not recognised).
        topics: Cross-cutting topic tags (editorial).
        source: Where the official text comes from.
        heading: The numbered sub-heading of the report the recommendation stands under
            ("1. General recommendations"), per language, official; empty where none.
        suggested_topics: Topics suggested by similarity with tagged recommendations
            (editorial, to be confirmed), for a recommendation read from a new report, most
            likely first, each with its confidence.
        footnotes: The footnotes its official text calls, verbatim, in the order called.
    """

    key: str = attrs.field(validator=check_pattern(MEETING_KEY + r"-[1-9][0-9]*"))
    meeting: str = attrs.field(validator=check_pattern(MEETING_KEY))
    theme: str = attrs.field(validator=check_pattern(MEETING_KEY + r"-[A-Z]"))
    number: int = attrs.field(validator=attrs.validators.instance_of(int))
    texts: tuple[Text, ...] = attrs.field(converter=to_texts, validator=some_texts)
    titles: tuple[Text, ...] = attrs.field(default=(), converter=to_texts, validator=check_texts)
    modality: Modality | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.instance_of(Modality))
    )
    addressee: Addressee | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.instance_of(Addressee))
    )
    topics: tuple[str, ...] = attrs.field(
        default=(), converter=to_strings, validator=[tuple_of(str), _check_topics]
    )
    source: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    heading: tuple[Text, ...] = attrs.field(default=(), converter=to_texts, validator=check_texts)
    suggested_topics: tuple[SuggestedTopic, ...] = attrs.field(
        default=(), converter=_to_suggestions, validator=_check_suggestions
    )
    footnotes: tuple[Footnote, ...] = attrs.field(
        default=(), converter=_to_footnotes, validator=tuple_of(Footnote)
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.key != f"{self.meeting}-{self.number}":
            problems.append(
                f"key: {self.key!r} does not match meeting {self.meeting!r}"
                f" and number {self.number}"
            )
        if not self.theme.startswith(f"{self.meeting}-"):
            problems.append(f"theme: {self.theme!r} is not a theme of meeting {self.meeting!r}")
        if self.source.meeting != self.meeting:
            problems.append(f"source: cites meeting {self.source.meeting!r}, not {self.meeting!r}")
        if problems:
            raise InvalidDataError(f"recommendation {self.key}: {p}" for p in problems)

    def text(self, lang: str = "en") -> Text:
        """The text in *lang*, or in the fallback language (the returned text says which)."""
        text = pick(self.texts, lang)
        assert text is not None  # noqa: S101 (validated: at least one text)
        return text

    def title(self, lang: str = "en") -> Text | None:
        """The editorial short title in *lang* (or the fallback); ``None`` if there is none."""
        return pick(self.titles, lang)
