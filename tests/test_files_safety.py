"""Files smomtrack writes are written whole or not at all, and keep their permissions."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from smomtrack import Tracker, builtin_catalogue, load, save
from smomtrack._interchange.atomic import STALE_SECONDS, write_atomically
from smomtrack._interchange.csv_format import csv_template, write_csv
from smomtrack.cli import main
from smomtrack.exceptions import InvalidDataError, StorageError


def tracker() -> Tracker:
    made = Tracker(builtin_catalogue(), ["MEX"])
    made.record("MEX", "SOM7-1", "planned", as_of="2021-01-01")
    return made


class TestAtomicWrites:
    def test_the_mode_of_the_replaced_file_is_kept(self, tmp_path: Path) -> None:
        """A shared file stays shared: its permissions survive a save."""
        path = tmp_path / "t.json"
        path.write_text("{}", encoding="utf-8")
        path.chmod(0o664)
        saved = tracker()
        save(saved, path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o664
        assert load(path) == saved

    def test_a_new_file_follows_the_umask(self, tmp_path: Path) -> None:
        """A new file gets the usual permissions, not a temporary file's 0600."""
        old = os.umask(0o022)
        try:
            write_csv(tracker(), tmp_path / "new.csv")
        finally:
            os.umask(old)
        assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o644

    def test_no_temporary_file_is_left_on_error(self, tmp_path: Path) -> None:
        """A write that fails leaves the old file and no temporary file."""
        path = tmp_path / "t.txt"
        path.write_text("old", encoding="utf-8")
        with pytest.raises(UnicodeEncodeError):
            write_atomically(path, "\udc00")
        assert path.read_text(encoding="utf-8") == "old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["t.txt"]

    def test_what_killed_writes_left_is_removed(self, tmp_path: Path) -> None:
        """Old temporary files of the same file go; recent ones (a write under way) stay."""
        path = tmp_path / "t.json"
        old = tmp_path / ".t.json.abc.tmp"
        recent = tmp_path / ".t.json.def.tmp"
        for leftover in (old, recent):
            leftover.write_text("half", encoding="utf-8")
        long_ago = time.time() - STALE_SECONDS - 60
        os.utime(old, (long_ago, long_ago))
        save(tracker(), path)
        assert not old.exists()
        assert recent.exists()

    def test_unwritable_places_are_storage_errors(self, tmp_path: Path) -> None:
        """A missing folder, a folder in the way: StorageError naming the path."""
        with pytest.raises(StorageError, match="cannot be written"):
            write_csv(tracker(), tmp_path / "missing" / "out.csv")
        with pytest.raises(StorageError, match="cannot be written"):
            csv_template(tmp_path)
        (tmp_path / "t.json").mkdir()
        with pytest.raises(StorageError):
            save(tracker(), tmp_path / "t.json")
        with pytest.raises(StorageError, match="cannot be read"):
            load(tmp_path / "t.json")


class TestCommandLine:
    def test_an_unknown_target_is_refused_before_anything_is_read(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """import --into out.txt: exit 2, no file written, the input not even opened."""
        for name in ("out.txt", "out.csv", "out.xlsx", "out.db"):
            target = tmp_path / name
            status = main(["import", str(tmp_path / "missing.csv"), "--into", str(target)])
            assert status == 2
            assert not target.exists()
            assert "nothing was read or written" in capsys.readouterr().err

    def test_file_errors_are_one_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An output in a missing folder: one line naming the file, exit 2, no traceback."""
        status = main(["template", "-o", str(tmp_path / "missing" / "t.csv")])
        err = capsys.readouterr().err
        assert status == 2
        assert "missing/t.csv: cannot be written" in err
        assert "Traceback" not in err

    def test_load_of_a_folder(self, tmp_path: Path) -> None:
        """A folder is not a tracker file."""
        folder = tmp_path / "t.sqlite"
        folder.mkdir()
        with pytest.raises(StorageError, match="not a file"):
            load(folder)
        with pytest.raises(InvalidDataError, match="no such file"):
            load(tmp_path / "absent.json")


class TestClosing:
    @pytest.mark.parametrize("suffix", [".json", ".sqlite"])
    def test_every_loaded_tracker_closes_the_same_way(self, tmp_path: Path, suffix: str) -> None:
        """with load(path) as tracker: works for a JSON document and for a store."""
        path = tmp_path / f"t{suffix}"
        saved = tracker()
        save(saved, path)
        with load(path) as loaded:
            assert loaded == saved
