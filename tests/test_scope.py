"""One value for what repeats: the scope of every result, and the options of every reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from smomtrack import (
    Tracker,
    disagreements,
    follow_up,
    matrix,
    progress,
    report,
    summarize,
    synthetic,
)
from smomtrack._interchange.csv_format import import_csv, read_csv
from smomtrack._interchange.rows import ReadOptions
from smomtrack._interchange.spreadsheets import import_responses, read_responses
from smomtrack._interchange.workbooks import read_workbook
from smomtrack._summaries.scope import Filters, Scope
from smomtrack._vocabulary.regions import RegionalGroup
from smomtrack._vocabulary.vocabularies import Reporter
from smomtrack.exceptions import InvalidDataError, InvalidDateError, UnknownMeetingError
from smomtrack.results import ImportResult

DATA = Path(__file__).parent / "data"
D = dt.date(2023, 12, 31)
STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(name="tracker", scope="module")
def _tracker() -> Tracker:
    return synthetic(states=40, seed=3)


class TestScope:
    def test_read_once(self) -> None:
        """Dates, regions and reporters are read as people write them, when the scope is made."""
        scope = Scope.of(as_of="31 décembre 2023", region="GRULAC", reporter=["Secrétariat"])
        assert scope.as_of == D
        assert scope.region is RegionalGroup.LATIN_AMERICAN_CARIBBEAN
        assert scope.reporter == (Reporter.SECRETARIAT,)

    @pytest.mark.parametrize(
        ("filters", "error", "message"),
        [
            ({"region": "Oceania"}, InvalidDataError, "not a regional group"),
            ({"reporter": "nobody"}, InvalidDataError, "not a reporter"),
            ({"as_of": "8 et 9 septembre 2020"}, InvalidDateError, "range"),
            ({"known_at": "yesterday-ish"}, InvalidDateError, "not a date"),
        ],
    )
    def test_refused_when_made(
        self, filters: dict[str, str], error: type[Exception], message: str
    ) -> None:
        """A bad filter is refused before any tracker is looked at."""
        with pytest.raises(error, match=message):
            Scope.of(**filters)

    def test_keywords_replace_the_scope(self) -> None:
        """A keyword given replaces the scope's own; one given as None leaves it."""
        scope = Scope.of(as_of=D, meeting="SOM7")
        assert Scope.of(scope, meeting="SOM8").meeting == "SOM8"
        assert Scope.of(scope, as_of=None) is scope
        assert Scope.of(scope, theme="SOM7-B") == Scope(as_of=D, meeting="SOM7", theme="SOM7-B")

    def test_a_meeting_is_checked_against_the_catalogue(self, tracker: Tracker) -> None:
        """A meeting the catalogue does not hold is refused when the scope is used."""
        with pytest.raises(UnknownMeetingError):
            summarize(tracker, "theme", Scope.of(as_of=D, meeting="SOM99"))

    def test_every_result_takes_the_scope(self, tracker: Tracker) -> None:
        """The same scope gives what the same keywords give, for every result."""
        filters: Filters = {"as_of": D, "theme": "SOM7-C", "region": "WEOG", "reporter": "state"}
        scope = Scope.of(**filters)
        assert summarize(tracker, "state", scope) == summarize(tracker, "state", **filters)
        assert matrix(tracker, scope) == matrix(tracker, **filters)
        assert follow_up(tracker, scope) == follow_up(tracker, **filters)
        assert disagreements(tracker, scope) == disagreements(tracker, **filters)
        start = dt.date(2022, 1, 1)
        assert progress(tracker, start, None, scope) == progress(tracker, start, **filters)
        assert report(tracker, scope) == report(tracker, **filters)
        states = set(matrix(tracker, scope).states)
        assert states
        assert states <= set(scope.states(tracker))
        assert {r.key for r in scope.recommendations(tracker)} == {
            f"SOM7-{n}" for n in range(8, 19)
        }

    def test_progress_end_is_the_scope_date(self, tracker: Tracker) -> None:
        """*end* and *as_of* name the same date: one of them, not both."""
        start = dt.date(2022, 1, 1)
        assert progress(tracker, start, D) == progress(tracker, start, as_of=D)
        with pytest.raises(InvalidDataError, match="not both"):
            progress(tracker, start, D, as_of=D)


def _read(result: ImportResult) -> tuple[object, ...]:
    """What was read, recording times left out (each read stamps its own)."""
    rows = [attrs.evolve(r, recorded_at=STAMP) for r in result.responses]
    return (rows, list(result.lines), [(e.line, e.message) for e in result.errors])


class TestReadOptions:
    def test_one_value_for_every_reader(self) -> None:
        """CSV and workbook readers take the same options, as a value or as keywords."""
        options = ReadOptions(meeting="SOM7", max_errors=10)
        csv = DATA / "reponses-excel-fr-utf8-bom.csv"
        assert _read(read_csv(csv, options)) == _read(read_csv(csv, meeting="SOM7", max_errors=10))
        assert _read(read_responses(csv, options)) == _read(read_csv(csv, options))
        book = DATA / "workbooks" / "reponses-mexique.xlsx"
        by_value = read_workbook(book, options)
        assert _read(by_value) == _read(read_workbook(book, meeting="SOM7", max_errors=10))
        assert _read(read_responses(book, options)) == _read(by_value)

    def test_checked_when_made(self) -> None:
        """Options that cannot be are refused with the library's own error."""
        with pytest.raises(InvalidDataError, match="max_errors"):
            ReadOptions(max_errors=-1)
        with pytest.raises(InvalidDataError, match="corrections"):
            ReadOptions(corrections="yes")  # type: ignore[arg-type]

    def test_a_text_table_has_no_sheet(self) -> None:
        """A sheet asked of a CSV file is an error, whichever reader is used."""
        with pytest.raises(InvalidDataError, match="no sheets"):
            read_csv(DATA / "reponses-excel-fr-utf8-bom.csv", sheet=1)

    def test_imports_read_into_the_tracker(self) -> None:
        """Importing reads rows straight into the tracker's codes: the same as reading, then adding."""
        csv = DATA / "reponses-excel-fr-utf8-bom.csv"
        states = ["MEX", "DEU", "MAR", "FRA"]
        first = Tracker(synthetic(states=1).catalogue, states)
        second = Tracker(synthetic(states=1).catalogue, states)
        imported = import_csv(first, csv, max_errors=50)
        added = second.add_many(read_csv(csv, catalogue=second.catalogue, states=states))
        assert _read(imported) == _read(added)
        assert len(first) == len(second) == len(imported.responses)
        book = DATA / "workbooks" / "reponses-mexique.xlsx"
        assert import_responses(first, book, ReadOptions()).responses
