"""Hostile and odd input gets smomtrack's own errors, never a crash from below."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from smomtrack import (
    Tracker,
    builtin_catalogue,
    follow_up,
    from_json,
    open_tracker,
    parse_agenda,
    parse_date,
    parse_report,
    synthetic,
)
from smomtrack._interchange.csv_format import read_csv, write_csv
from smomtrack._presentation.tables import table
from smomtrack._vocabulary.dates import parse_period
from smomtrack._vocabulary.keys import meeting_key, recommendation_key
from smomtrack.exceptions import InvalidDataError, UnknownRecommendationError

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


class TestReproducers:
    """Each input the fuzzing campaign reported, now a smomtrack error or the right result."""

    @pytest.mark.parametrize(
        "text",
        [
            ",,,\n",
            "\n\n;;\n",
            "a" * 200_000 + "\n",
        ],
    )
    def test_csv_that_is_not_a_table(self, text: str) -> None:
        """Only separators, or one huge header cell: InvalidDataError, no StopIteration or csv.Error."""
        with pytest.raises(InvalidDataError):
            read_csv(io.StringIO(text)).responses[0]

    def test_a_cell_over_128_kib_reads_back(self, tmp_path: Path) -> None:
        """A note longer than the csv module's default limit is read, not refused."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-01-01", notes="x" * 200_000)
        write_csv(tracker, tmp_path / "long.csv")
        assert read_csv(tmp_path / "long.csv").responses[0].notes == "x" * 200_000

    @pytest.mark.parametrize("responses", [["x"], [None], [[]], [{"state": []}]])
    def test_json_records_that_are_not_objects(self, responses: list[object]) -> None:
        """Version 1 records that are not objects: the path and the reason."""
        document = {
            "format": "smomtrack.tracker",
            "version": "1.0",
            "catalogue": "builtin",
            "states": ["MEX"],
            "responses": responses,
        }
        with pytest.raises(InvalidDataError, match=r"\$.responses\[0\]"):
            from_json(json.dumps(document))

    def test_a_negative_code_in_a_store_row(self, tmp_path: Path) -> None:
        """A row whose State code is -1 is refused, not read as the last State."""
        path = tmp_path / "s.sqlite"
        with open_tracker(path, states=["DEU", "MEX"]) as tracker:
            tracker.record("MEX", "SOM7-1", "planned", as_of="2021-01-01")
        with contextlib.closing(sqlite3.connect(path)) as connection, connection:
            connection.execute("DROP TRIGGER responses_no_update")
            connection.execute("UPDATE responses SET state = -1")
        with pytest.raises(InvalidDataError, match="state code outside"):
            open_tracker(path).close()

    def test_a_page_of_nothing_is_a_store_to_be(self, tmp_path: Path) -> None:
        """A 4,096-byte SQLite file with no tables is not taken for an existing store."""
        path = tmp_path / "blank.sqlite"
        with contextlib.closing(sqlite3.connect(path)) as connection, connection:
            connection.execute("CREATE TABLE t (x)")
            connection.execute("DROP TABLE t")
        assert path.stat().st_size >= 4096
        with pytest.raises(InvalidDataError, match="holds no store yet"):
            open_tracker(path).close()
        open_tracker(path, states=["MEX"]).close()
        with open_tracker(path) as store:
            assert store.states == ("MEX",)
