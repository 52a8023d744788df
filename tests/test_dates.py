"""Reading dates, ranges and periods."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from smomtrack import Tracker, builtin_catalogue, parse_date
from smomtrack._vocabulary.dates import as_of_date, parse_date_range, parse_period, today
from smomtrack.exceptions import InvalidDataError, InvalidDateError

OCT14 = dt.date(2021, 10, 14)


class TestParseDate:
    @pytest.mark.parametrize(
        "text",
        [
            "2021-10-14",
            "2021-10-14T10:30:00",
            "2021-10-14 10:30",
            "14/10/2021",
            "14.10.2021",
            "14-10-2021",
            "2021/10/14",
            "14 octobre 2021",
            "jeudi 14 octobre 2021",
            "le jeudi 14 octobre 2021",
            "14 de octubre de 2021",
            "jueves, 14 de octubre de 2021",
            "October 14, 2021",
            "Thursday, 14 October 2021",
            "14 Oct 2021",
            "14 OCTOBRE 2021",
        ],
    )
    def test_accepted(self, text: str) -> None:
        """ISO, day-first numeric and written dates in three languages."""
        assert parse_date(text) == OCT14

    def test_first_of_month(self) -> None:
        """French '1er' is read."""
        assert parse_date("1er août 2021") == dt.date(2021, 8, 1)

    def test_date_objects(self) -> None:
        """A date is returned as is; a datetime gives its date."""
        assert parse_date(OCT14) is OCT14
        assert parse_date(dt.datetime(2021, 10, 14, 12, 0)) == OCT14  # noqa: DTZ001

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("8 et 9 septembre 2020", "range"),
            ("14-15 October 2021", "range"),
            ("14 15 octobre 2021", "range"),
            ("septembre octobre 2021", "range"),
            ("14 octobre", "no four-digit year"),
            ("octobre 2021", "guessed"),
            ("2021", "guessed"),
            ("10/14/2021", "no such day in the calendar"),
            ("14/10/21", "no four-digit year"),
            ("31 février 2021", "no such day in the calendar"),
            ("2021-02-30", "no such day in the calendar"),
            ("2021-02-30T10:00", "no such day in the calendar"),
            ("14 octobre 2021 à 11 heures", "unknown word"),
            ("hello 2021", "unknown word"),
            ("14 octobre 2021 ?", "unexpected characters"),
            ("", "empty"),
        ],
    )
    def test_refused(self, text: str, reason: str) -> None:
        """Ranges, partial dates and anything that would be guessed are refused."""
        with pytest.raises(InvalidDateError) as info:
            parse_date(text)
        assert reason in info.value.reason
        assert info.value.text == text

    def test_not_text(self) -> None:
        """A number is not a date."""
        with pytest.raises(InvalidDateError, match="expected a date or text"):
            parse_date(20211014)  # type: ignore[arg-type]

    @given(st.text(max_size=40))
    def test_never_crashes(self, text: str) -> None:
        """Any text gives a date or an InvalidDateError, never another exception."""
        with contextlib.suppress(InvalidDateError):
            parse_date(text)

    @given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    def test_iso_round_trip(self, day: dt.date) -> None:
        """Every ISO date reads back as itself, and so does its day-first form."""
        assert parse_date(day.isoformat()) == day
        assert parse_date(f"{day.day}/{day.month}/{day.year}") == day


class TestParseDateRange:
    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("8 et 9 septembre 2020", dt.date(2020, 9, 8), dt.date(2020, 9, 9)),
            ("14-15 October 2021", OCT14, dt.date(2021, 10, 15)),
            ("14 – 15 octobre 2021", OCT14, dt.date(2021, 10, 15)),
            ("October 14-15, 2021", OCT14, dt.date(2021, 10, 15)),
            ("September 8 and 9, 2020", dt.date(2020, 9, 8), dt.date(2020, 9, 9)),
            ("del 14 al 15 de octubre de 2021", OCT14, dt.date(2021, 10, 15)),
            ("14 y 15 de octubre de 2021", OCT14, dt.date(2021, 10, 15)),
            ("30 septembre au 2 octobre 2021", dt.date(2021, 9, 30), dt.date(2021, 10, 2)),
            ("30 December 2021 to 2 January 2022", dt.date(2021, 12, 30), dt.date(2022, 1, 2)),
            ("2021-10-14/2021-10-15", OCT14, dt.date(2021, 10, 15)),
            ("14 octobre 2021", OCT14, OCT14),
        ],
    )
    def test_ranges(self, text: str, start: dt.date, end: dt.date) -> None:
        """Ranges in three languages give (start, end); one date gives (date, date)."""
        assert parse_date_range(text) == (start, end)

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("9 et 8 septembre 2020", "ends"),
            ("8 et 9 septembre", "no four-digit year"),
            ("8 et 9 2020", "needs a day, a month and a year"),
            ("x-y", "cannot read"),
            ("31 et 32 janvier 2021", "no such day in the calendar"),
        ],
    )
    def test_refused(self, text: str, reason: str) -> None:
        """Reversed, incomplete and unreadable ranges are refused."""
        with pytest.raises(InvalidDateError, match=reason):
            parse_date_range(text)

    def test_not_text(self) -> None:
        """A range must be text."""
        with pytest.raises(InvalidDateError):
            parse_date_range(None)  # type: ignore[arg-type]


class TestParsePeriod:
    @pytest.mark.parametrize(
        ("text", "period"),
        [
            ("12 months", relativedelta(years=1)),
            ("1 year", relativedelta(years=1)),
            ("18 mois", relativedelta(months=18)),
            ("2 años", relativedelta(years=2)),
            ("6 weeks", relativedelta(days=42)),
            ("90 días", relativedelta(days=90)),
            ("1 year 6 months", relativedelta(months=18)),
            ("1 an et 6 mois", relativedelta(months=18)),
        ],
    )
    def test_periods(self, text: str, period: relativedelta) -> None:
        """Periods in three languages."""
        assert parse_period(text) == period.normalized()

    def test_relativedelta_passes(self) -> None:
        """A relativedelta is returned as is."""
        period = relativedelta(months=3)
        assert parse_period(period) is period

    @pytest.mark.parametrize("text", ["soon", "12", "12 parsecs", "", 12])
    def test_refused(self, text: object) -> None:
        """Anything else is refused."""
        with pytest.raises(InvalidDataError, match="is not a period"):
            parse_period(text)  # type: ignore[arg-type]


class TestAsOf:
    def test_today_by_default(self) -> None:
        """No date means today (UTC); anything else is read by parse_date."""
        assert as_of_date(None) == today() == dt.datetime.now(dt.UTC).date()
        assert as_of_date("14 octobre 2021") == OCT14

    def test_future_means_after_tomorrow(self) -> None:
        """A response may be as of tomorrow (time zones); the day after is the future."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of=today() + dt.timedelta(days=1))
        with pytest.raises(InvalidDataError, match="in the future"):
            tracker.record("MEX", "SOM7-2", "planned", as_of=today() + dt.timedelta(days=2))
