"""What parsing a report gives: themes, recommendations and the problems found on the way."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from smomtrack._records.fields import check_pattern, to_tuple
from smomtrack._records.meetings import MEETING_KEY
from smomtrack._records.recommendations import Footnote, Recommendation, Theme
from smomtrack._words import Labelled, Message

__all__ = ["ParseWarning", "ParsedReport"]


@attrs.frozen(kw_only=True)
class ParseWarning:
    """A problem found while parsing a text: nothing was dropped without one.

    Attributes:
        line: The line of the text where the problem is (1 is the first line).
        message: What is wrong.
    """

    line: int
    message: str
    said: Labelled | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(cls, line: int, said: Message) -> ParseWarning:
        """The warning *said* at *line* (its :attr:`message` the English of *said*)."""
        return cls(line=line, message=said.text("en"), said=said)

    def describe(self, lang: str = "en") -> str:
        """The warning for a person, in *lang*."""
        what = self.message if self.said is None else self.said.label(lang)
        return Message("msg_at_line", line=self.line, message=what).text(lang)

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def _themes(values: Iterable[Theme]) -> tuple[Theme, ...]:
    return to_tuple(values)


def _recommendations(values: Iterable[Recommendation]) -> tuple[Recommendation, ...]:
    return to_tuple(values)


def _footnotes(values: Iterable[Footnote]) -> tuple[Footnote, ...]:
    return to_tuple(values)


def _warnings(values: Iterable[ParseWarning]) -> tuple[ParseWarning, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True)
class ParsedReport:
    """The recommendations section of a Working Group report, as parsed.

    Attributes:
        meeting: The meeting's key.
        lang: The language of the text.
        themes: The sections (``B``, ``C``…) with their titles, official, in *lang*.
        recommendations: The recommendations, with their official texts in *lang*.
        warnings: Problems found, each with its line: a gap or repeat in the numbering,
            a recommendation outside any section (left out, and said so), an empty text,
            a wording whose modality or addressee was not recognised, a footnote marker
            without its note, text at the foot of a page that is not understood.
        footnotes: Every footnote of the document, verbatim, each with where it stands;
            those of the recommendations and themes are in their records too.
    """

    meeting: str = attrs.field(validator=check_pattern(MEETING_KEY))
    lang: str
    themes: tuple[Theme, ...] = attrs.field(converter=_themes)
    recommendations: tuple[Recommendation, ...] = attrs.field(converter=_recommendations)
    warnings: tuple[ParseWarning, ...] = attrs.field(default=(), converter=_warnings)
    footnotes: tuple[Footnote, ...] = attrs.field(default=(), converter=_footnotes)
