"""Saving and loading trackers by suffix."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import (
    Status,
    Tracker,
    builtin_catalogue,
    from_json,
    save,
    summarize,
    synthetic,
    to_json,
)
from smomtrack._interchange.atomic import write_atomically
from smomtrack.cli import main
from smomtrack.exceptions import ConflictError, InvalidDataError
from tests.closing import load, open_tracker
from tests.strategies import STATES, responses


class TestSaveLoad:
    @pytest.mark.parametrize("suffix", [".json", ".sqlite", ".JSON"])
    def test_round_trip(self, tmp_path: Path, suffix: str) -> None:
        """save then load gives the same tracker, for JSON and SQLite."""
        tracker = synthetic(states=4)
        first = tracker.responses()[0]
        tracker.correct(first.state, first.recommendation, "implemented", as_of=first.as_of)
        path = tmp_path / f"tracker{suffix}"
        save(tracker, path)
        assert load(path) == tracker

    def test_json_overwrites_atomically(self, tmp_path: Path) -> None:
        """Saving again replaces the file; no temporary file is left behind."""
        path = tmp_path / "t.json"
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        save(tracker, path)
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        save(tracker, path)
        assert load(path) == tracker
        assert [p.name for p in tmp_path.iterdir()] == ["t.json"]

    def test_sqlite_save_appends_what_is_missing(self, tmp_path: Path) -> None:
        """Saving to an existing store adds only the new records; a diverging store is refused."""
        path = tmp_path / "t.sqlite"
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        save(tracker, path)
        tracker.record("MEX", "SOM7-2", "planned", as_of="2021-10-14")
        save(tracker, path)
        assert load(path) == tracker
        other = Tracker(builtin_catalogue(), ["MEX"])
        other.record("MEX", "SOM7-9", "planned", as_of="2021-10-14")
        with pytest.raises(ConflictError, match="holds records this tracker does not have"):
            save(other, path)

    def test_loaded_store_keeps_recording(self, tmp_path: Path) -> None:
        """A tracker loaded from a store records into it."""
        path = tmp_path / "t.sqlite"
        open_tracker(path, states=["MEX"]).close()
        with load(path) as tracker:
            tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        assert len(load(path)) == 1

    @pytest.mark.parametrize(
        ("name", "message"),
        [("t.csv", "choose a file ending in .json or .sqlite"), ("missing.json", "no such file")],
    )
    def test_errors(self, tmp_path: Path, name: str, message: str) -> None:
        """Unknown suffixes and missing files are clear errors."""
        with pytest.raises(InvalidDataError, match=message):
            load(tmp_path / name)

    def test_bad_json_file_names_the_file(self, tmp_path: Path) -> None:
        """Problems in a JSON file name the file and the path inside it."""
        path = tmp_path / "t.json"
        path.write_text(to_json(Tracker(builtin_catalogue(), ["MEX"])).replace('"MEX"', '"Mexico"'))
        with pytest.raises(InvalidDataError, match=r"t.json: \$.states"):
            load(path)

    def test_catalogue_file_is_not_a_tracker(self, tmp_path: Path) -> None:
        """A catalogue document is not loaded as a tracker."""
        path = tmp_path / "c.json"
        path.write_text(to_json(builtin_catalogue()))
        with pytest.raises(InvalidDataError, match="a catalogue, not a tracker"):
            load(path)

    def test_write_atomically_cleans_up(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If the rename fails, the old file stays and the temporary file is removed."""
        path = tmp_path / "t.json"
        path.write_text("old")

        def fail(_self: Path, _target: Path) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(Path, "replace", fail)
        with pytest.raises(OSError, match="disk full"):
            write_atomically(path, "new")
        assert path.read_text() == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


populations = st.dictionaries(
    st.sampled_from(STATES),
    st.none() | st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2024, 12, 31)),
    min_size=1,
)
_DAYS = ("2020-06-30", "2021-12-31", "2022-06-30", "2023-06-30", "2025-01-01")


def _counts(tracker: Tracker) -> list[tuple[int, int]]:
    """(expected, no information) over every pair, at several dates."""
    totals = [summarize(tracker, "theme", as_of=day).total_row.tally for day in _DAYS]
    return [(t.expected, t.count(Status.NO_INFORMATION)) for t in totals]


class TestPopulationRoundTrip:
    """The population, with the date from which each State is expected, survives every format."""

    @settings(max_examples=15, deadline=None)
    @given(states=populations, data=st.data())
    def test_every_format_keeps_the_population(
        self,
        tmp_path_factory: pytest.TempPathFactory,
        states: dict[str, dt.date | None],
        data: st.DataObject,
    ) -> None:
        """JSON text, .json and .sqlite files and the command line keep the dates; counts agree."""
        tracker = Tracker(builtin_catalogue(), states)
        for response in data.draw(st.lists(responses, max_size=8)):
            if response.state in tracker.states:
                with contextlib.suppress(ConflictError, InvalidDataError):
                    tracker.add(response)
        folder = tmp_path_factory.mktemp("formats")
        copies = [from_json(to_json(tracker))]
        for suffix in (".json", ".sqlite"):
            save(tracker, folder / f"t{suffix}")
            copies.append(load(folder / f"t{suffix}"))
        for copy in copies:
            assert isinstance(copy, Tracker)
            assert copy.population == tracker.population
            assert copy == tracker
            assert _counts(copy) == _counts(tracker)

    def test_another_population_is_not_equal(self) -> None:
        """Trackers whose States are expected from other dates are not equal."""
        first = Tracker(builtin_catalogue(), {"MEX": None, "FRA": "2023-01-01"})
        assert first != Tracker(builtin_catalogue(), ["MEX", "FRA"])
        assert first == Tracker(builtin_catalogue(), {"FRA": dt.date(2023, 1, 1), "MEX": None})

    def test_the_issue_example(self, tmp_path: Path) -> None:
        """The example of the report: a store keeps FRA expected from 2023 (17 pairs, not 35)."""
        tracker = Tracker(builtin_catalogue(), {"MEX": None, "FRA": "2023-01-01"})
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        save(tracker, tmp_path / "t.sqlite")
        loaded = load(tmp_path / "t.sqlite")
        total = summarize(loaded, "theme", as_of="2022-06-30").total_row.tally
        assert total.count(Status.NO_INFORMATION) == 17

    def test_command_line_import_keeps_the_population(self, tmp_path: Path) -> None:
        """`import --into` an existing tracker file keeps its population's dates."""
        for suffix in (".json", ".sqlite"):
            target = tmp_path / f"t{suffix}"
            tracker = Tracker(builtin_catalogue(), {"MEX": None, "FRA": "2023-01-01"})
            save(tracker, target)
            rows = tmp_path / "rows.csv"
            rows.write_text("state,recommendation,status,as_of\nMEX,SOM7-2,planned,2021-10-14\n")
            assert main(["import", str(rows), "--into", str(target)], out=io.StringIO()) == 0
            assert load(target).population == tracker.population
