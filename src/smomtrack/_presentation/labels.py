"""Output in English, French and Spanish: words (from the catalogues), dates, numbers."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from smomtrack._vocabulary.dates import month_name
from smomtrack._vocabulary.languages import OUTPUT_LANGUAGES
from smomtrack._vocabulary.venues import VENUES
from smomtrack._vocabulary.vocabularies import Addressee, MeetingFormat, Modality
from smomtrack._words import word, words
from smomtrack.exceptions import InvalidDataError

__all__ = [
    "OUTPUT_LANGUAGES",
    "check_language",
    "format_date",
    "format_date_range",
    "format_number",
    "format_ordinal",
    "format_percent",
    "format_venue",
    "label",
    "word",
    "words",
]


def label(value: Modality | Addressee | MeetingFormat | None, lang: str) -> str:
    """The label of a vocabulary value (modality, addressee, format) in *lang*; ``—`` for None."""
    if value is None:
        return "—"
    return value.label(lang)


def format_venue(venue: str, lang: str) -> str:
    """A venue's name in *lang*, where we know it; as stored otherwise.

    >>> format_venue("Vienna", "fr")
    'Vienne'
    """
    return VENUES.get(venue, {}).get(lang, venue)


def format_date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """Two dates written as one span: ``8–9 September 2020``, ``30 September – 1 October 2021``.

    >>> format_date_range(dt.date(2020, 9, 8), dt.date(2020, 9, 9), "fr")
    '8–9 septembre 2020'
    >>> format_date_range(dt.date(2021, 10, 14), dt.date(2021, 10, 15), "es")
    '14–15 de octubre de 2021'
    """
    if start == end:
        return format_date(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        first = "1er" if lang == "fr" and start.day == 1 else str(start.day)
        return f"{first}–{format_date(end, lang)}"
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def format_date(day: dt.date, lang: str) -> str:
    """*day* written out as people write it in *lang*.

    >>> format_date(dt.date(2021, 10, 1), "fr"), format_date(dt.date(2021, 10, 14), "es")
    ('1er octobre 2021', '14 de octubre de 2021')
    >>> format_date(dt.date(2021, 10, 14), "en")
    '14 October 2021'
    """
    month = month_name(day.month, lang)
    if lang == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    if lang == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"


def check_language(lang: str) -> str:
    """Return *lang* if smomtrack writes output in it.

    Raises:
        InvalidDataError: It does not.
    """
    if lang not in OUTPUT_LANGUAGES:
        raise InvalidDataError(
            f"output language {lang!r} is not one of {', '.join(OUTPUT_LANGUAGES)}"
        )
    return lang


def format_number(value: float | None, lang: str, digits: int = 2) -> str:
    """*value* with *digits* decimals and the language's decimal mark; ``—`` for ``None``.

    >>> format_number(0.625, "fr"), format_number(None, "en")
    ('0,63', '—')
    """
    if value is None:
        return "—"
    # Rounded half up from the shortest decimal form, as people round (0.625 -> 0.63).
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{rounded:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")


def format_ordinal(number: int, lang: str) -> str:
    """An ordinal as the language writes it before "meeting" (feminine in French and Spanish).

    >>> [format_ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st']
    >>> format_ordinal(1, "fr"), format_ordinal(7, "fr"), format_ordinal(1, "es")
    ('1re', '7e', '1.ª')
    """
    if lang == "fr":
        return f"{number}re" if number == 1 else f"{number}e"
    if lang == "es":
        return f"{number}.ª"
    suffix = (
        "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def format_percent(value: float | None, lang: str) -> str:
    r"""A rate (0–1) as a percentage with one decimal, as the language writes it.

    French and Spanish put a no-break space before the sign, so that it never starts a line.

    >>> format_percent(0.4567, "en"), format_percent(0.4567, "fr"), format_percent(None, "es")
    ('45.7%', '45,7 %', '—')
    """
    if value is None:
        return "—"
    number = format_number(value * 100, lang, 1)
    return f"{number}%" if lang == "en" else f"{number}\u00a0%"
