"""Saving and loading trackers by suffix."""

from __future__ import annotations

from pathlib import Path

import pytest

from smomtrack import (
    ConflictError,
    InvalidDataError,
    Tracker,
    builtin_catalogue,
    save,
    synthetic,
    to_json,
)
from smomtrack.interchange.atomic import write_atomically
from tests.closing import load, open_tracker


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
