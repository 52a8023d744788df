"""Hostile and odd input gets smomtrack's own errors, never a crash from below."""

from __future__ import annotations

from pathlib import Path

import pytest

from smomtrack import (
    InvalidDataError,
    Tracker,
    UnknownRecommendationError,
    builtin_catalogue,
    follow_up,
    parse_agenda,
    parse_date,
    parse_report,
    synthetic,
)
from smomtrack.presentation.tables import table
from smomtrack.vocabulary.dates import parse_period
from smomtrack.vocabulary.keys import meeting_key, recommendation_key

DATA = Path(__file__).parent / "data"
HUGE = "1" * 5000


class TestNumbers:
    def test_numbers_too_long_for_keys_and_dates(self) -> None:
        """Numbers of thousands of digits are not keys or dates; no ValueError from int()."""
        assert meeting_key("SOM" + HUGE) is None
        assert recommendation_key("SOM7-" + HUGE) is None
        with pytest.raises(UnknownRecommendationError):
            builtin_catalogue().recommendation("SOM7-" + HUGE)
        with pytest.raises(InvalidDataError):
            parse_date("1 janvier " + HUGE)
        with pytest.raises(InvalidDataError, match="too long a period"):
            parse_period(HUGE + " days")
        with pytest.raises(InvalidDataError, match="too long a period"):
            parse_period("99999999999 days")

    def test_follow_up_before_the_calendar(self) -> None:
        """A stale period reaching before year 1 is refused, not an OverflowError."""
        tracker = synthetic(states=2)
        with pytest.raises(InvalidDataError, match="first year of the calendar"):
            follow_up(tracker, as_of="0001-01-01")
        with pytest.raises(InvalidDataError, match="first year of the calendar"):
            follow_up(tracker, stale_after="5000 years")


class TestAgenda:
    @pytest.mark.parametrize(
        ("before", "after", "message"),
        [
            ("14 octobre", "31 février", "not a date"),
            ("11 heures-13 heures", "25 heures-26 heures", "not a time of day"),
        ],
    )
    def test_impossible_dates_and_times(self, before: str, after: str, message: str) -> None:
        """An impossible day or hour in the organization of work is named, not a ValueError."""
        text = (DATA / "agenda-8th-meeting-2021.fr.md").read_text(encoding="utf-8")
        assert before in text
        with pytest.raises(InvalidDataError, match=message):
            parse_agenda(text.replace(before, after), meeting="SOM8")


class TestLongDocuments:
    def test_long_chains_of_hyphenated_lines(self) -> None:
        """Twenty thousand hyphenated line ends join into one word, in one pass."""
        text = (
            "## II. Recommandations\n\n### B. Recommandations relatives aux crises\n\n#### Recommandation 1\n\n"
            "Les États parties devraient " + "mot-\n" * 20_000 + "fin.\n"
        )
        parsed = parse_report(text, meeting="SOM9", lang="fr")
        assert parsed.recommendations[0].text("fr").value.endswith("mot" * 20_000 + "fin.")


class TestTables:
    def test_pipes_and_line_breaks_stay_in_their_cell(self) -> None:
        """In Markdown, a '|' or a line break in a title does not shift the columns."""
        drawn = table(["Key", "Title"], [["SOM7-1", "a | b\nc"]], "github")
        lines = drawn.splitlines()
        assert lines[2].count("|") - lines[2].count("\\|") == 3
        assert "a \\| b c" in lines[2]

    def test_other_formats_keep_the_text(self) -> None:
        """Formats that wrap keep line breaks; others are left alone."""
        assert "a | b" in table(["Key", "Title"], [["SOM7-1", "a | b"]], "grid")


class TestTracker:
    def test_unknown_fields_and_types(self) -> None:
        """record() with a number where text is expected is refused by name."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        with pytest.raises(InvalidDataError, match="measures: expected text"):
            tracker.record("MEX", "SOM7-1", "planned", as_of="2021-01-01", measures=5)  # type: ignore[arg-type]
