"""Multilingual text: a text in one language, official or editorial, and language fallback."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from smomtrack._vocabulary.characters import text_problem
from smomtrack.exceptions import InvalidDataError

__all__ = ["FALLBACK_ORDER", "LANGUAGES", "OUTPUT_LANGUAGES", "Text", "for_reader", "pick"]

LANGUAGES: tuple[str, ...] = ("ar", "en", "es", "fr", "ru", "zh")
"""The six official languages of the United Nations (ISO 639-1 codes)."""

OUTPUT_LANGUAGES: tuple[str, ...] = ("en", "fr", "es")
"""The languages smomtrack writes its output in."""

FALLBACK_ORDER: tuple[str, ...] = ("en", "fr", "es")
"""Where a text is missing in the language asked, these are tried in turn, then any other."""


def _check_lang(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in LANGUAGES:
        raise InvalidDataError(
            f"{attribute.name}: {value!r} is not one of the UN languages {', '.join(LANGUAGES)}"
        )


def _check_non_empty(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidDataError(f"{attribute.name}: expected text, got {value!r}")
    if not value.strip():
        raise InvalidDataError(f"{attribute.name}: must not be empty")
    _check_characters(_instance, attribute, value)


def _check_characters(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        return
    problem = text_problem(value)
    if problem is not None:
        shown = value if len(value) <= 60 else value[:57] + "…"
        raise InvalidDataError(f"{attribute.name}: {shown!r} {problem}")


@attrs.frozen
class Text:
    """A text in one language.

    Attributes:
        lang: ISO 639-1 code of one of the six UN languages.
        value: The text itself.
        official: ``True`` for an official UN text (copied verbatim from its source);
            ``False`` for an editorial text written by us (short titles, working translations).
        source: Where the text comes from and what it is there (``"section II.B of the
            report"``, ``"title of the Secretariat's background paper, meeting page"``,
            ``"working translation of the French heading"``), where that is worth saying.
            Not part of what makes two texts equal.

    ``str(text)`` is the text itself.
    """

    lang: str = attrs.field(validator=[attrs.validators.instance_of(str), _check_lang])
    value: str = attrs.field(validator=_check_non_empty)
    official: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    source: str | None = attrs.field(
        default=None,
        validator=[attrs.validators.optional(attrs.validators.instance_of(str)), _check_characters],
        eq=False,  # the same text, whatever is said of where it comes from
    )

    def __str__(self) -> str:
        return self.value


def for_reader(texts: Iterable[Text], lang: str, *, official: bool = False) -> Text | None:
    """The text a reader of *lang* is shown: never a working translation into a third language.

    In *lang* (the official text first), else an official text in its original language
    (the caller says so to the reader), else ``None``. With *official*, only official texts.

    >>> texts = [Text("fr", "Recommandations…", official=True),
    ...          Text("en", "Recommendations…", official=False)]
    >>> [for_reader(texts, lang).lang for lang in ("en", "es")]
    ['en', 'fr']
    >>> for_reader(texts, "en", official=True).lang
    'fr'
    """
    candidates = [t for t in texts if t.official or not official]
    in_lang = [t for t in candidates if t.lang == lang]
    if in_lang:
        return next((t for t in in_lang if t.official), in_lang[0])
    originals = [t for t in candidates if t.official]
    return min(
        originals,
        key=lambda t: FALLBACK_ORDER.index(t.lang) if t.lang in FALLBACK_ORDER else 9,
        default=None,
    )


def pick(texts: Iterable[Text], lang: str) -> Text | None:
    """Return the text in *lang*, else the first found along :data:`FALLBACK_ORDER`, else any.

    The returned :class:`Text` says which language came back. ``None`` only when
    *texts* is empty.

    >>> pick([Text("fr", "Prévue", official=False)], "es").lang
    'fr'
    """
    by_lang = {t.lang: t for t in texts}
    for candidate in (lang, *FALLBACK_ORDER):
        if candidate in by_lang:
            return by_lang[candidate]
    return next(iter(by_lang.values()), None)
