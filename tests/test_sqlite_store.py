"""The SQLite store: durable, append-only, shared by several processes."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import smomtrack
from smomtrack import (
    Response,
    Status,
    Tracker,
    builtin_catalogue,
    save,
    synthetic,
    synthetic_catalogue,
)
from smomtrack._interchange import sqlite_store
from smomtrack._interchange.csv_format import import_csv
from smomtrack.exceptions import ConflictError, InvalidDataError, StorageError
from tests.closing import load, open_tracker

DATA = Path(__file__).parent / "data"


@pytest.fixture(name="path")
def fixture_path(tmp_path: Path) -> Path:
    return tmp_path / "team.sqlite"


class TestStore:
    def test_reopen_gives_the_same_tracker(self, path: Path) -> None:
        """Records, corrections and details survive closing and reopening."""
        tracker = open_tracker(path, states=["Mexique", "DEU"])
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14", evidence=["x"], due="2022-01-31",
                       measures="Plan", responsible="Ministère", source="Q1", notes="n", reporter="secretariat")  # fmt: skip
        tracker.correct("MEX", "SOM7-1", "in progress", as_of="2021-10-14")
        tracker.record("DEU", "SOM7-2", "implemented", as_of="2022-06-30")
        again = open_tracker(path)
        assert again == tracker
        assert again.states == ("DEU", "MEX")
        assert again.status("MEX", "SOM7-1", "2021-10-14") is Status.IN_PROGRESS
        assert again.history("MEX", "SOM7-1")[0].superseded

    def test_each_record_is_committed(self, path: Path) -> None:
        """Another connection sees a record as soon as record() returns."""
        tracker = open_tracker(path, states=["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        with contextlib.closing(sqlite3.connect(path)) as other, other:
            rows = other.execute(
                "SELECT state, recommendation, status, as_of FROM responses_readable"
            ).fetchall()
        assert rows == [("MEX", "SOM7-1", "planned", "2021-10-14")]

    def test_failed_record_writes_nothing(self, path: Path) -> None:
        """A refused record leaves the store unchanged."""
        tracker = open_tracker(path, states=["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        with pytest.raises(ConflictError):
            tracker.record("MEX", "SOM7-1", "implemented", as_of="2021-10-14")
        assert len(open_tracker(path)) == 1

    def test_append_only(self, path: Path) -> None:
        """The table refuses updates and deletions."""
        open_tracker(path, states=["MEX"]).record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        with contextlib.closing(sqlite3.connect(path)) as other, other:
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                other.execute("UPDATE responses SET status = 4")
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                other.execute("DELETE FROM responses")

    def test_custom_catalogue(self, path: Path) -> None:
        """A store keeps a custom catalogue."""
        catalogue = synthetic_catalogue(5)
        tracker = open_tracker(path, catalogue=catalogue, states=["MEX"])
        tracker.record("MEX", "SYN1-3", "planned", as_of="2021-10-14")
        again = open_tracker(path)
        assert again.catalogue == catalogue
        assert again == tracker

    def test_import_is_one_transaction(self, path: Path) -> None:
        """import_csv records the valid rows; importing again records nothing."""
        tracker = open_tracker(path, states=["MEX", "DEU", "MAR", "CIV"])
        first = import_csv(tracker, DATA / "reponses-excel-fr-cp1252.csv")
        assert len(first.responses) == 4
        assert len(import_csv(tracker, DATA / "reponses-excel-fr-utf8-bom.csv").responses) == 0
        assert len(open_tracker(path)) == 4

    def test_refresh_takes_in_other_writers(self, path: Path) -> None:
        """A second tracker on the file sees the first one's records on refresh() or its next write."""
        one = open_tracker(path, states=["MEX", "DEU"])
        two = open_tracker(path)
        one.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        assert len(two) == 0
        assert two.refresh() == 1
        one.record("MEX", "SOM7-2", "planned", as_of="2021-10-14")
        with pytest.raises(ConflictError):  # decided on the whole log, taken in first
            two.record("MEX", "SOM7-2", "implemented", as_of="2021-10-14")
        assert len(two) == 2
        assert Tracker(builtin_catalogue(), ["MEX"]).refresh() == 0


class TestOpening:
    def test_new_store_needs_a_population(self, path: Path) -> None:
        """Creating a store without States is refused."""
        with pytest.raises(InvalidDataError, match="needs its population"):
            open_tracker(path)

    def test_population_and_catalogue_must_match(self, path: Path) -> None:
        """Opening with other States or another catalogue is a conflict."""
        open_tracker(path, states=["MEX"])
        assert open_tracker(path, states=["Mexique"]).states == ("MEX",)
        with pytest.raises(ConflictError, match="population is MEX"):
            open_tracker(path, states=["DEU"])
        with pytest.raises(ConflictError, match="another catalogue"):
            open_tracker(path, catalogue=synthetic_catalogue(2))

    def test_not_a_store(self, tmp_path: Path) -> None:
        """A file that is not a smomtrack store is refused."""
        junk = tmp_path / "junk.sqlite"
        junk.write_text("not a database at all, just text " * 100)
        with pytest.raises(InvalidDataError, match="not a smomtrack store"):
            open_tracker(junk)
        other = tmp_path / "other.sqlite"
        with contextlib.closing(sqlite3.connect(other)) as connection, connection:
            connection.execute("CREATE TABLE meta (key TEXT, value TEXT)")
            connection.execute("INSERT INTO meta VALUES ('format', 'other')")
        with pytest.raises(InvalidDataError, match="not a smomtrack store"):
            open_tracker(other)

    def test_schema_version_is_checked(self, path: Path) -> None:
        """A store of another schema version is refused."""
        open_tracker(path, states=["MEX"])
        with contextlib.closing(sqlite3.connect(path)) as connection, connection:
            connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        with pytest.raises(InvalidDataError, match="schema version 99"):
            open_tracker(path)

    def test_old_sqlite_is_refused(self, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """SQLite older than 3.37 (no STRICT tables) gets a clear error."""
        monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
        with pytest.raises(InvalidDataError, match=r"needs SQLite 3\.37"):
            open_tracker(path, states=["MEX"])

    def test_bad_rows_are_reported(self, path: Path) -> None:
        """A row edited by hand into nonsense is reported with its id."""
        open_tracker(path, states=["MEX"]).record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        with contextlib.closing(sqlite3.connect(path)) as connection, connection:
            connection.execute("INSERT INTO responses (state, recommendation, status, as_of, reporter,"
                               " correction, recorded_at) VALUES (7, 0, 0, 738000, 0, 0, 0)")  # fmt: skip
        with pytest.raises(InvalidDataError, match="the responses rows after id 0"):
            open_tracker(path)


def run_python(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class TestProcesses:
    def test_killed_while_recording(self, path: Path) -> None:
        """A process killed while recording loses nothing it had committed; the file opens."""
        open_tracker(path, states=["MEX"])
        writer = run_python(
            f"""
            import datetime as dt, sys
            from smomtrack import open_tracker
            tracker = open_tracker({str(path)!r})
            day = dt.date(2015, 1, 1)
            for i in range(100000):
                tracker.record("MEX", f"SOM7-{{i % 18 + 1}}", "planned", as_of=day + dt.timedelta(days=i))
                print(i, flush=True)
            """
        )
        assert writer.stdout is not None
        committed = -1
        while committed < 30:
            line = writer.stdout.readline()
            assert line, writer.stderr.read() if writer.stderr else ""
            committed = int(line)
        writer.kill()
        writer.communicate()
        reopened = open_tracker(path)
        assert len(reopened) >= committed + 1
        assert reopened.status("MEX", "SOM7-1", "2015-01-01") is Status.PLANNED

    def test_two_processes_record_at_once(self, path: Path) -> None:
        """Two processes recording into one file at the same time: every record is there."""
        open_tracker(path, states=["MEX", "DEU"])
        code = """
            import datetime as dt
            from smomtrack import open_tracker
            tracker = open_tracker({path!r})
            for i in range(60):
                tracker.record({state!r}, f"SOM7-{{i % 18 + 1}}", "in progress",
                               as_of=dt.date(2020, 1, 1) + dt.timedelta(days=i))
            print("done", len(tracker))
            """
        writers = [run_python(code.format(path=str(path), state=state)) for state in ("MEX", "DEU")]
        for writer in writers:
            out, err = writer.communicate(timeout=120)
            assert writer.returncode == 0, err
            assert out.startswith("done")
        tracker = open_tracker(path)
        assert len(tracker) == 120
        assert {r.state for r in tracker} == {"MEX", "DEU"}


class TestJsonSaveCrash:
    def test_killed_while_saving(self, tmp_path: Path) -> None:
        """A process killed in the middle of saving JSON leaves a whole file behind."""
        path = tmp_path / "tracker.json"
        writer = run_python(
            f"""
            from smomtrack import save, synthetic
            tracker = synthetic(states=60)
            for i in range(1000):
                save(tracker, {str(path)!r})
                print(i, flush=True)
            """
        )
        assert writer.stdout is not None
        assert writer.stdout.readline()
        time.sleep(0.05)
        writer.kill()
        writer.communicate()
        assert load(path) == synthetic(states=60)


class TestBulkLoad:
    def test_large_store_with_corrections_and_any_order(self, path: Path) -> None:
        """Reopening a store of thousands of records, out of date order and with corrections,
        gives the same tracker as recording them one by one (the one-pass loading path)."""
        tracker = open_tracker(
            path, catalogue=synthetic_catalogue(60), states=["MEX", "DEU", "FRA"]
        )
        keys = [r.key for r in tracker.catalogue]
        for year in (2022, 2020, 2021, 2019, 2023, 2018, 2017):  # out of date order
            for state in tracker.states:
                for key in keys:
                    tracker.record(state, key, "planned", as_of=f"{year}-06-30")
        for key in keys[:10]:
            tracker.correct("MEX", key, "implemented", as_of="2020-06-30")
        assert len(tracker) > 1000
        again = open_tracker(path)
        assert again == tracker
        assert again.status("MEX", keys[0], "2020-12-31") is Status.IMPLEMENTED
        assert again.status("MEX", keys[0], "2021-12-31") is Status.PLANNED
        assert [e.superseded for e in again.history("MEX", keys[0])].count(True) == 1
        # a second process's thousands of records are taken in on top of an existing history
        more = open_tracker(path)
        for month in range(1, 7):
            more.add_many(
                Response(
                    state=state,
                    recommendation=key,
                    status=Status.IN_PROGRESS,
                    as_of=dt.date(2024, month, 1),
                )
                for state in more.states
                for key in keys
            )
        more.correct("DEU", keys[1], "not started", as_of="2017-06-30")
        assert again.refresh() == 6 * 180 + 1
        assert again == open_tracker(path)
        again.close()
        more.close()
        tracker.close()

    def test_large_store_in_date_order(self, tmp_path: Path) -> None:
        """The usual case, records in date order, loads to the same tracker."""
        tracker = synthetic(states=60)
        assert len(tracker) > 1000
        path = tmp_path / "s.sqlite"
        save(tracker, path)
        with open_tracker(path) as again:
            assert again == tracker

    def test_large_import_folds_the_write_ahead_log(self, path: Path) -> None:
        """After an import of many records the log is checkpointed, not left for readers."""
        tracker = synthetic(states=193, response_rate=1.0, participation=1.0)
        assert len(tracker) >= 10_000
        with open_tracker(path, states=list(tracker.states)) as store:
            store.add_many(tracker)
            wal = path.with_name(path.name + "-wal")
            assert not wal.exists() or wal.stat().st_size == 0
            assert len(store) == len(tracker)


class TestFailedWrites:
    def test_a_conflict_does_not_hand_others_records_over_twice(self, tmp_path: Path) -> None:
        """After a refused write, the next write does not take in others' records again."""
        path = tmp_path / "team.sqlite"
        with open_tracker(path, states=["MEX"]) as a, open_tracker(path) as b:
            a.record("MEX", "SOM7-1", "planned", as_of="2021-01-01")
            with pytest.raises(ConflictError):
                b.record("MEX", "SOM7-1", "implemented", as_of="2021-01-01")
            b.record("MEX", "SOM7-2", "planned", as_of="2021-01-01")
            assert len(b) == 2
            with open_tracker(path) as fresh:
                assert fresh == b
            assert [e.superseded for e in b.history("MEX", "SOM7-1")] == [False]


CREATE_AND_RECORD = """
import sys
from smomtrack import open_tracker
with open_tracker(sys.argv[1], states=["MEX", "DEU"]) as tracker:
    for n in range(1, 19):
        tracker.record("MEX", f"SOM7-{n}", "planned", as_of="2021-01-01")
"""

CREATE_ONLY = """
import sys
from smomtrack import open_tracker
open_tracker(sys.argv[1], states=["MEX", "DEU"]).close()
print("ok")
"""


class TestCreation:
    def test_write_ahead_log_waits_for_another_process(self) -> None:
        """ "database is locked" while another process makes the store: tried again; any
        other error, or the lock past the timeout, is raised."""

        class Busy:
            def __init__(self, answers: list[Exception | None]) -> None:
                self.answers = answers

            def execute(self, _statement: str) -> None:
                answer = self.answers.pop(0)
                if answer is not None:
                    raise answer

        locked = sqlite3.OperationalError("database is locked")
        busy = Busy([locked, locked, None])
        sqlite_store._write_ahead(busy)  # type: ignore[arg-type]
        assert busy.answers == []
        with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
            sqlite_store._write_ahead(Busy([sqlite3.OperationalError("disk I/O error")]))  # type: ignore[arg-type]

    def test_an_empty_file_is_a_store_to_be(self, tmp_path: Path) -> None:
        """A file without tables is created as a store when a population is given."""
        path = tmp_path / "empty.sqlite"
        sqlite3.connect(path).close()
        with pytest.raises(InvalidDataError, match="holds no store yet"):
            open_tracker(path)
        with open_tracker(path, states=["MEX"]) as tracker:
            tracker.record("MEX", "SOM7-1", "planned", as_of="2021-01-01")
        with open_tracker(path) as again:
            assert len(again) == 1

    def test_other_tables_are_not_a_store(self, tmp_path: Path) -> None:
        """A database of something else is refused, and left alone."""
        path = tmp_path / "other.sqlite"
        with contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute("CREATE TABLE t (x)")
        with pytest.raises(InvalidDataError, match="not a smomtrack store"):
            open_tracker(path, states=["MEX"])

    def test_unusable_paths_say_why(self, tmp_path: Path) -> None:
        """A folder, a missing folder: a StorageError naming the path, not 'not a store'."""
        with pytest.raises(StorageError, match="not a file"):
            open_tracker(tmp_path)
        with pytest.raises(StorageError, match="cannot be used as a store"):
            open_tracker(tmp_path / "missing" / "s.sqlite", states=["MEX"])
        with pytest.raises(InvalidDataError, match="no such store"):
            open_tracker(tmp_path / "absent.sqlite")

    def test_damaged_metadata_is_refused(self, tmp_path: Path) -> None:
        """A store whose metadata lacks a key is refused with a smomtrack error."""
        path = tmp_path / "s.sqlite"
        open_tracker(path, states=["MEX"]).close()
        with contextlib.closing(sqlite3.connect(path)) as connection:
            connection.execute("DROP TRIGGER IF EXISTS responses_no_delete")
            connection.execute("DELETE FROM meta WHERE key = 'states'")
            connection.commit()
        with pytest.raises(InvalidDataError, match="damaged metadata"):
            open_tracker(path)

    def test_killed_while_creating_or_recording(self, tmp_path: Path) -> None:
        """Killed at any moment, a store is either not there yet or whole, never broken."""
        generator = random.Random(7)  # noqa: S311 (timings, not secrets)
        for attempt in range(12):
            path = tmp_path / f"k{attempt}.sqlite"
            child = subprocess.Popen([sys.executable, "-c", CREATE_AND_RECORD, str(path)])
            time.sleep(generator.uniform(0.0, 0.4))
            child.send_signal(signal.SIGKILL)
            child.wait()
            with open_tracker(path, states=["MEX", "DEU"]) as tracker:
                held = len(tracker)
                assert all(r.status is Status.PLANNED for r in tracker)
                tracker.record("DEU", "SOM7-1", "planned", as_of="2021-01-01")
            with open_tracker(path) as again:
                assert len(again) == held + 1

    def test_created_by_several_processes_at_once(self, tmp_path: Path) -> None:
        """Eight processes creating the same store all open the one store."""
        path = tmp_path / "shared.sqlite"
        children = [
            subprocess.Popen(
                [sys.executable, "-c", CREATE_ONLY, str(path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(8)
        ]
        results = [child.communicate(timeout=120) for child in children]
        assert [out.strip() for out, _ in results] == ["ok"] * 8, results
        with open_tracker(path) as tracker:
            assert tracker.states == ("DEU", "MEX")


WORKER = """
import hashlib, pathlib, random, sys, time
from smomtrack import open_tracker
from smomtrack.exceptions import ConflictError
path, seed = sys.argv[1], int(sys.argv[2])
generator = random.Random(seed)
statuses = ["planned", "in progress", "implemented", "not started"]
with open_tracker(path) as tracker:
    for _ in range(60):
        state = generator.choice(tracker.states)
        key = f"SOM7-{generator.randint(1, 6)}"
        day = f"2021-0{generator.randint(1, 3)}-01"
        status = generator.choice(statuses)
        try:
            if generator.random() < 0.2:
                tracker.correct(state, key, status, as_of=day)
            else:
                tracker.record(state, key, status, as_of=day)
        except ConflictError:
            pass
        except Exception as exc:  # correcting nothing is refused too
            if "to correct" not in str(exc):
                raise
    done = pathlib.Path(path).with_name(f"done-{seed}")
    done.touch()
    while len(list(done.parent.glob("done-*"))) < 4:  # wait for the others to finish
        time.sleep(0.01)
    tracker.refresh()
    digest = hashlib.sha256(repr(list(tracker)).encode()).hexdigest()
    print(len(tracker), digest)
"""


class TestConcurrency:
    def test_four_writers_end_with_what_the_file_holds(self, tmp_path: Path) -> None:
        """Four processes write at once; each one's tracker equals the file after refresh()."""
        path = tmp_path / "shared.sqlite"
        open_tracker(path, states=["MEX", "DEU", "FRA"]).close()
        children = [
            subprocess.Popen(
                [sys.executable, "-c", WORKER, str(path), str(seed)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for seed in range(4)
        ]
        results = [child.communicate(timeout=300) for child in children]
        assert all(child.returncode == 0 for child in children), results
        with open_tracker(path) as fresh:
            expected = f"{len(fresh)} {hashlib.sha256(repr(list(fresh)).encode()).hexdigest()}"
            assert [out.strip() for out, _ in results] == [expected] * 4

    def test_a_failed_insert_does_not_hand_others_records_over_twice(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails inside the transaction (a full disk, say) rolls back cleanly."""
        path = tmp_path / "team.sqlite"
        a = open_tracker(path, states=["MEX"])
        b = open_tracker(path)
        a.record("MEX", "SOM7-1", "planned", as_of="2021-01-01")
        store = type(b._store)

        def full_disk(_self: object, _batch: object) -> None:
            raise StorageError(path, "cannot be used as a store (database or disk is full)")

        with monkeypatch.context() as patch:
            patch.setattr(store, "insert", full_disk)
            with pytest.raises(StorageError, match="disk is full"):
                b.record("MEX", "SOM7-2", "planned", as_of="2021-01-01")
        b.record("MEX", "SOM7-3", "planned", as_of="2021-01-01")
        assert len(b) == 2
        with smomtrack.open_tracker(path) as fresh:
            assert fresh == b
