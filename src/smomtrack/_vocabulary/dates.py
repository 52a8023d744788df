"""Dates as people write them: ISO, day-first numeric, and written in English, French and Spanish.

Nothing is guessed. A written date is read by python-dateutil twice, with two
different defaults; if the two readings differ, some part (the year, the month,
the day) was missing and dateutil would have filled it in, so the text is refused.
Ranges ("8 et 9 septembre 2020") are refused by :func:`parse_date` and read by
:func:`parse_date_range`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from smomtrack._words import Message, Quoted
from smomtrack.exceptions import InvalidDataError, InvalidDateError

__all__ = [
    "MONTH_NAMES",
    "as_of_date",
    "month_name",
    "month_number",
    "parse_date",
    "parse_date_range",
    "parse_period",
    "today",
]

MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": tuple(
        "January February March April May June July August September October November"
        " December".split()
    ),
    "fr": tuple(
        "janvier février mars avril mai juin juillet août septembre octobre novembre"
        " décembre".split()
    ),
    "es": tuple(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre"
        " diciembre".split()
    ),
}
"""The names of the months in English, French and Spanish: read in dates, written in output."""

_ABBREVIATIONS: dict[int, str] = {
    1: "jan janv ene",
    2: "feb fevr",
    3: "mar",
    4: "apr avr abr",
    6: "jun",
    7: "jul juil",
    8: "aug ago",
    9: "sep sept setiembre",
    10: "oct",
    11: "nov",
    12: "dec dic",
}
"""Other ways the months are written (abbreviations; "setiembre", a Spanish variant)."""


def month_name(month: int, lang: str) -> str:
    """The name of *month* (1–12) in *lang* (English where *lang* is not one of the three)."""
    return MONTH_NAMES.get(lang, MONTH_NAMES["en"])[month - 1]


def month_number(word: str) -> int | None:
    """The number (1–12) of the month *word* names in English, French or Spanish, or ``None``.

    >>> month_number("Août"), month_number("sept"), month_number("Brumaire")
    (8, 9, None)
    """
    return _MONTHS.get(_plain(word).strip())


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("º", "o")


_MONTHS: dict[str, int] = {
    **{_plain(name): n for names in MONTH_NAMES.values() for n, name in enumerate(names, 1)},
    **{word: n for n, words in _ABBREVIATIONS.items() for word in words.split()},
}
_ENGLISH_MONTHS = MONTH_NAMES["en"]

_NOISE = frozenset(
    # weekdays
    "monday tuesday wednesday thursday friday saturday sunday"
    " lundi mardi mercredi jeudi vendredi samedi dimanche"
    " lunes martes miercoles jueves viernes sabado domingo"
    # articles and prepositions around dates
    " the of on le du de del el from".split()
)
_CONNECTORS = frozenset(["et", "and", "y", "au", "al", "to", "through", "till", "until"])
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_DAY_FIRST = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})([./])(\d{1,2})\2(\d{1,2})$")
_TOKEN = re.compile(r"\d+(?:er|st|nd|rd|th|o|º)?|[a-z]+|[–—-]|/")
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2004, 2, 2))  # noqa: DTZ001 (dates only)


_LONG_NUMBER = re.compile(r"\d{10}")


def _short_numbers(text: str) -> str:
    """*text*, if no number in it is too long to be part of a date (a day, a year).

    Raises:
        InvalidDateError: A run of ten digits or more.
    """
    if _LONG_NUMBER.search(text):
        raise InvalidDateError(
            text[:40] + ("…" if len(text) > 40 else ""), Message("date_long_number")
        )
    return text


def _make_date(text: object, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise InvalidDateError(text, Message("date_impossible")) from exc


def _numeric(text: str) -> dt.date | None:
    """Read ``14/10/2021`` (day first, the UN convention) or ``2021/10/14``; ``None`` if neither."""
    if match := _DAY_FIRST.match(text):
        return _make_date(text, int(match[4]), int(match[3]), int(match[1]))
    if match := _YEAR_FIRST.match(text):
        return _make_date(text, int(match[1]), int(match[3]), int(match[4]))
    return None


def _tokens(text: str) -> list[str]:
    plain = _plain(text)
    tokens = _TOKEN.findall(plain)
    rest = _TOKEN.sub(" ", plain)
    if rest.strip(" ,.;") != "":
        raise InvalidDateError(text, Message("date_characters", characters=Quoted(rest.strip())))
    return [t for t in tokens if t not in _NOISE]


def _day_number(token: str) -> int | None:
    digits = re.match(r"\d+", token)
    if digits is None:
        return None
    return int(digits[0])


def parse_date(value: dt.date | str) -> dt.date:
    """Return the one date that *value* names.

    Accepts a ``date``, a ``datetime`` (its date), an ISO date or date-time,
    a day-first numeric date (``14/10/2021``, ``14.10.2021``), and dates
    written in English, French or Spanish with a four-digit year.

    >>> parse_date("jeudi 14 octobre 2021")
    datetime.date(2021, 10, 14)
    >>> parse_date("14 de octubre de 2021") == parse_date("October 14, 2021")
    True
    >>> parse_date("14/10/2021")
    datetime.date(2021, 10, 14)
    >>> parse_date("1er août 2021")
    datetime.date(2021, 8, 1)

    Raises:
        InvalidDateError: Not a date, a range, or a date missing a part (year, month, day)
            that would have to be guessed.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InvalidDateError(value, Message("date_not_text", kind=type(value).__name__))
    text = _short_numbers(value).strip()
    if not text:
        raise InvalidDateError(value, Message("date_empty"))
    if _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise InvalidDateError(value, Message("date_impossible")) from exc
    if _ISO_DATETIME.match(text):
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError as exc:
            raise InvalidDateError(value, Message("date_impossible")) from exc
    numeric = _numeric(text)
    if numeric is not None:
        return numeric
    return _written(value, _tokens(text))


def _written(value: str, tokens: list[str]) -> dt.date:
    if any(t in _CONNECTORS or t in {"-", "–", "—"} for t in tokens):
        raise InvalidDateError(
            value,
            "a range of dates, not one date; use parse_date_range",
            said_reason=Message("date_range_not_date"),
        )
    numbers = [t for t in tokens if t[0].isdigit()]
    months = [t for t in tokens if t in _MONTHS]
    words = [t for t in tokens if not t[0].isdigit() and t not in _MONTHS]
    if not any(re.fullmatch(r"\d{4}", n) for n in numbers):
        raise InvalidDateError(value, Message("date_no_year"))
    if words:
        raise InvalidDateError(value, Message("date_unknown_word", word=Quoted(words[0])))
    if len(months) > 1 or (months and sum(len(re.sub(r"\D", "", n)) <= 2 for n in numbers) > 1):
        raise InvalidDateError(
            value,
            "a range of dates, not one date; use parse_date_range",
            said_reason=Message("date_range_not_date"),
        )
    english = " ".join(
        _ENGLISH_MONTHS[_MONTHS[t] - 1] if t in _MONTHS else str(_day_number(t)) for t in tokens
    )
    try:
        readings = {
            dateutil_parser.parse(english, default=default, dayfirst=True) for default in _DEFAULTS
        }
    except (ValueError, OverflowError) as exc:
        raise InvalidDateError(value, Message("date_impossible")) from exc
    if len(readings) != 1:
        raise InvalidDateError(value, Message("date_incomplete"))
    return readings.pop().date()


def parse_date_range(value: str) -> tuple[dt.date, dt.date]:
    """Return ``(start, end)`` for a range of dates written as people write them.

    Reads "8 et 9 septembre 2020", "14-15 October 2021", "October 14-15, 2021",
    "del 14 al 15 de octubre de 2021", "30 septembre au 2 octobre 2021",
    "2021-10-14/2021-10-15"; a single date gives ``(date, date)``.

    >>> parse_date_range("8 et 9 septembre 2020")
    (datetime.date(2020, 9, 8), datetime.date(2020, 9, 9))
    >>> parse_date_range("October 14-15, 2021")
    (datetime.date(2021, 10, 14), datetime.date(2021, 10, 15))

    Raises:
        InvalidDateError: Not a range, a part missing, or an end before the start.
    """
    if not isinstance(value, str):
        raise InvalidDateError(value, Message("date_not_text", kind=type(value).__name__))
    text = _short_numbers(value).strip()
    if "/" in text and not _numeric(text):
        left_text, _, right_text = text.partition("/")
        if _ISO_DATE.match(left_text.strip()) and _ISO_DATE.match(right_text.strip()):
            return _ordered(value, parse_date(left_text), parse_date(right_text))
    tokens = _tokens(text)
    cut = next((i for i, t in enumerate(tokens) if t in _CONNECTORS or t in {"-", "–", "—"}), None)
    if cut is None:
        day = parse_date(value)
        return day, day
    left, right = _parts(value, tokens[:cut]), _parts(value, tokens[cut + 1 :])
    if right[2] is None:
        raise InvalidDateError(value, Message("date_range_no_year"))
    if right[1] is None:
        right = (right[0], left[1], right[2])
    left = (left[0], left[1] or right[1], left[2] or right[2])
    start, end = (_from_parts(value, part) for part in (left, right))
    return _ordered(value, start, end)


_Parts = tuple[int | None, int | None, int | None]


def _parts(value: str, tokens: list[str]) -> _Parts:
    day = month = year = None
    for token in tokens:
        if token in _MONTHS and month is None:
            month = _MONTHS[token]
        elif re.fullmatch(r"\d{4}", token) and year is None:
            year = int(token)
        elif token[0].isdigit() and day is None and len(str(_day_number(token))) <= 2:
            day = _day_number(token)
        else:
            raise InvalidDateError(value, Message("date_range_token", token=Quoted(token)))
    return day, month, year


def _from_parts(value: str, parts: _Parts) -> dt.date:
    day, month, year = parts
    if day is None or month is None or year is None:
        raise InvalidDateError(value, Message("date_range_incomplete"))
    return _make_date(value, year, month, day)


def _ordered(value: str, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    if end < start:
        raise InvalidDateError(
            value, Message("date_range_reversed", start=start.isoformat(), end=end.isoformat())
        )
    return start, end


_UNITS: dict[str, str] = {}
for _unit, _words in {
    "days": "day days jour jours dia dias",
    "weeks": "week weeks semaine semaines semana semanas",
    "months": "month months mois mes meses",
    "years": "year years an ans annee annees ano anos",
}.items():
    for _word in _words.split():
        _UNITS[_word] = _unit
_PERIOD = re.compile(r"(\d+)\s*([a-z]+)")


def parse_period(value: str | relativedelta) -> relativedelta:
    """Return the period *value* names, as a ``relativedelta``.

    Reads "12 months", "1 year", "18 mois", "2 años", "6 weeks", "1 year 6 months".

    >>> parse_period("18 mois")
    relativedelta(years=+1, months=+6)

    Raises:
        InvalidDataError: Not a period.
    """
    if isinstance(value, relativedelta):
        return value
    if not isinstance(value, str):
        raise InvalidDataError(Message("period_not_period", text=Quoted(value)))
    plain = _plain(value).strip()
    matches = list(_PERIOD.finditer(plain))
    leftover = _PERIOD.sub("", plain).replace(",", "").replace(" et ", "").replace(" and ", "")
    if not matches or leftover.strip() or any(m[2] not in _UNITS for m in matches):
        raise InvalidDataError(Message("period_not_period", text=Quoted(value)))
    amounts: dict[str, int] = {}
    for match in matches:
        unit = _UNITS[match[2]]
        if len(match[1]) > _PERIOD_DIGITS:
            raise InvalidDataError(Message("period_too_long", text=Quoted(value)))
        amounts[unit] = amounts.get(unit, 0) + int(match[1])
    try:
        return relativedelta(**amounts).normalized()  # type: ignore[arg-type]
    except (OverflowError, ValueError) as exc:
        raise InvalidDataError(Message("period_too_long", text=Quoted(value))) from exc


_PERIOD_DIGITS = 6
"""A period of more than a million of anything (days, months, years) is not a period."""


def today() -> dt.date:
    """Today's date in UTC: the default "as of" date everywhere."""
    return dt.datetime.now(dt.UTC).date()


def as_of_date(value: dt.date | str | None) -> dt.date:
    """The date asked for: *value* read by :func:`parse_date`, or today when ``None``."""
    return today() if value is None else parse_date(value)
