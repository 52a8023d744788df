"""The faster paths give the answers of the plain ones.

The positions of a date shared by a report's sections, numpy's timelines and what they take
in after ``record()``, free texts read a column at a time, the heat map drawn as tables:
each is checked against what the tracker answers pair by pair.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from smomtrack import (
    Reporter,
    Scope,
    Status,
    Tracker,
    builtin_catalogue,
    follow_up,
    matrix,
    progress,
    summarize,
    synthetic,
    synthetic_catalogue,
)
from smomtrack._interchange.csv_format import read_csv
from smomtrack._rendering.blocks import Table
from smomtrack._rendering.heat_map import matrix_parts
from smomtrack._rendering.report_html import write_html
from smomtrack._summaries import counting, timeline
from smomtrack._tracking import decisions
from smomtrack._tracking import index as index_module
from smomtrack._tracking import intake as intake_module
from smomtrack._tracking.columns import Columns, Texts
from smomtrack._tracking.intake import Intake
from smomtrack.exceptions import InvalidDataError
from smomtrack.results import Change, ImportResult

AS_OF = dt.date(2023, 12, 31)


@pytest.fixture
def numpy_for_any_size() -> Iterator[None]:
    """numpy's timelines for trackers of any size (the tests' are small)."""
    smallest = timeline.SMALLEST
    timeline.SMALLEST = 0
    try:
        yield
    finally:
        timeline.SMALLEST = smallest


@pytest.fixture
def pure_python() -> Iterator[None]:
    """No numpy: the walk and the visit in pure Python."""
    keep = timeline.numpy
    timeline.numpy = lambda: None
    try:
        yield
    finally:
        timeline.numpy = keep


def statuses(tracker: Tracker, day: dt.date, **reporter: object) -> dict[tuple[str, str], Status]:
    """Every pair's status as the tracker answers it, one pair at a time."""
    return {
        (state, rec.key): tracker.status(state, rec.key, day, **reporter)  # type: ignore[arg-type]
        for state in tracker.states
        for rec in tracker.catalogue
        if tracker.expected(state, rec.key, day)
    }


class TestPositions:
    def test_scope_pairs(self) -> None:
        """Every expected pair with its status and current response, from the shared positions."""
        tracker = synthetic(states=8, seed=5)
        scope = Scope(as_of=AS_OF)
        pairs = list(scope.pairs(tracker, scope.recommendations(tracker), tracker.states))
        assert {(s, r.key): status for r, s, status, _ in pairs} == statuses(tracker, AS_OF)
        for rec, state, status, response in pairs:
            if response is None:
                assert status is Status.NO_INFORMATION
            else:
                assert response == tracker.response(state, rec.key, AS_OF)

    def test_many_groupings_keep_the_last_few(self) -> None:
        """A tracker keeps a few groupings (each as long as its pairs); the rest are made again."""
        tracker = synthetic(states=6, seed=14)
        first = dict.fromkeys(tracker.states, "one")
        expected = summarize(tracker, first, as_of=AS_OF)
        for number in range(40):
            summarize(tracker, {tracker.states[0]: f"g{number}"}, as_of=AS_OF)
        groupings = tracker.lasting[counting._Groupings]
        assert isinstance(groupings, dict)
        assert len(groupings) == counting._GROUPINGS_KEPT
        assert summarize(tracker, first, as_of=AS_OF) == expected

    def test_many_dates_keep_the_last_few(self) -> None:
        """Positions are kept for a few dates; asking for more drops the oldest, answers stay."""
        tracker = synthetic(states=6, seed=1)
        days = [dt.date(2021, 1, 1) + dt.timedelta(days=61 * n) for n in range(12)]
        for day in days:
            assert matrix(tracker, as_of=day).cells == statuses(tracker, day)
        cache = tracker.derived[counting._Cache]
        assert isinstance(cache, counting._Cache)
        assert len(cache.days) == counting._DAYS_KEPT

    @pytest.mark.usefixtures("numpy_for_any_size")
    def test_with_numpy_several_reporters(self) -> None:
        """With numpy: the first reporter in order with a record wins, pair by pair."""
        tracker = synthetic(states=6, seed=2)
        state, other = tracker.states[:2]
        tracker.record(state, "SOM7-1", "not started", as_of="2023-01-10", reporter="secretariat")
        tracker.record(other, "SOM7-2", "implemented", as_of="2023-01-10", reporter="civil society")
        for reporter in (None, "secretariat", ("civil society", "state")):
            cells = matrix(tracker, as_of=AS_OF, reporter=reporter).cells
            assert cells == statuses(tracker, AS_OF, reporter=reporter)

    @pytest.mark.usefixtures("pure_python")
    def test_walk_with_corrections_and_one_reporter(self) -> None:
        """The pure-Python walk leaves superseded records and other reporters' out."""
        tracker = synthetic(states=5, seed=3)
        state = tracker.states[0]
        tracker.record(state, "SOM7-3", "planned", as_of="2022-02-02")
        tracker.correct(state, "SOM7-3", "implemented", as_of="2022-02-02")
        tracker.record(state, "SOM7-4", "planned", as_of="2022-02-02", reporter="secretariat")
        for reporter in ("state", "secretariat"):
            for day in (AS_OF, dt.date(2022, 6, 1), AS_OF):  # visited, walked, walked
                rows = summarize(tracker, "state", as_of=day, reporter=reporter).row(state)
                expected = statuses(tracker, day, reporter=reporter)
                mine = [status for (who, _), status in expected.items() if who == state]
                assert rows is not None
                assert rows.tally.count(Status.IMPLEMENTED) == mine.count(Status.IMPLEMENTED)


class TestTimelines:
    @pytest.mark.usefixtures("numpy_for_any_size")
    def test_a_record_out_of_scope_or_of_another_reporter(self) -> None:
        """A record outside the grouping's scope, or whose reporter does not count, changes
        nothing; a second reporter that counts makes the timeline again, right."""
        tracker = synthetic(states=6, seed=4)
        summarize(tracker, "theme", as_of=AS_OF, theme="SOM7-B")
        summarize(tracker, "theme", as_of=AS_OF, reporter="state")
        state = tracker.states[0]
        tracker.record(state, "SOM7-12", "implemented", as_of="2023-03-03")  # theme II.C
        tracker.record(state, "SOM7-1", "implemented", as_of="2023-03-03", reporter="other")
        for kwargs in ({"theme": "SOM7-B"}, {"reporter": "state"}, {}):
            found = summarize(tracker, "theme", as_of=AS_OF, **kwargs).total_row.tally  # type: ignore[arg-type]
            day = statuses(tracker, AS_OF, reporter=kwargs.get("reporter"))
            keys = {r.key for r in builtin_catalogue().recommendations(theme=kwargs.get("theme"))}
            counted = [status for (_, key), status in day.items() if key in keys]
            assert {s: found.count(s) for s in Status} == {s: counted.count(s) for s in Status}

    @pytest.mark.parametrize("way", ["numpy", "pure"])
    def test_a_few_records_at_once_on_one_pair(self, way: str) -> None:
        """A batch of a few records, several on one pair (two dates, a correction), is taken
        in record by record: the counts are those of a tracker made afresh."""
        smallest, keep = timeline.SMALLEST, timeline.numpy
        timeline.SMALLEST = 0
        if way == "pure":
            timeline.numpy = lambda: None
        try:
            tracker = synthetic(states=6, seed=12)
            days = [dt.date(2021, 1, 1), dt.date(2022, 2, 1), dt.date(2022, 3, 1), AS_OF]
            before = [summarize(tracker, "theme", as_of=day, reporter="state") for day in days]
            state = tracker.states[2]
            first = tracker.log.response(0)
            batch = [
                attrs.evolve(first, status=Status.IMPLEMENTED, correction=True),
                *(
                    attrs.evolve(first, status=status, as_of=when, correction=False)
                    for status, when in (  # the later date first
                        (Status.NOT_STARTED, dt.date(2022, 2, 2)),
                        (Status.PLANNED, dt.date(2022, 2, 1)),
                    )
                ),
                attrs.evolve(
                    first,
                    state=state,
                    status=Status.IN_PROGRESS,
                    as_of=dt.date(2022, 2, 3),
                    correction=False,
                ),
            ]
            assert len(tracker.add_many(batch).responses) == len(batch)
            assert tracker.derived  # taken in, not made again
            fresh = Tracker(tracker.catalogue, tracker.population)
            fresh.add_many(ImportResult(batch=tracker.log))
            after = [summarize(tracker, "theme", as_of=day, reporter="state") for day in days]
            assert after == [summarize(fresh, "theme", as_of=day, reporter="state") for day in days]
            assert tracker.status(first.state, "SOM7-1", dt.date(2022, 3, 1)) is Status.NOT_STARTED
            assert before  # asked before the batch: what the batch was taken into
        finally:
            timeline.SMALLEST, timeline.numpy = smallest, keep

    @pytest.mark.usefixtures("numpy_for_any_size")
    def test_another_reporters_word_taken_in(self) -> None:
        """After the State's own word, the Secretariat's later one counts only where the State
        said nothing; a State's later word counts over it again."""
        tracker = synthetic(states=6, seed=13)
        day = dt.date(2024, 6, 1)
        summarize(tracker, "state", as_of=day)  # the timeline, before the records
        first = next(r for r in tracker.log.responses() if r.reporter is Reporter.STATE)
        unheard = next(
            state
            for state in tracker.states
            if tracker.status(state, "SOM7-2", day) is Status.NO_INFORMATION
        )
        tracker.record(first.state, first.recommendation, "not started", as_of="2024-01-02",
                       reporter="secretariat")  # fmt: skip
        tracker.record(unheard, "SOM7-2", "implemented", as_of="2024-01-02",
                       reporter="secretariat")  # fmt: skip
        tracker.record(unheard, "SOM7-2", "planned", as_of="2024-01-03")
        fresh = Tracker(tracker.catalogue, tracker.population)
        fresh.add_many(ImportResult(batch=tracker.log))
        for when in (dt.date(2024, 1, 2), day):
            assert summarize(tracker, "state", as_of=when) == summarize(fresh, "state", as_of=when)
        assert summarize(tracker, "state", as_of=day).row(unheard).tally.count(Status.PLANNED)
        own = tracker.status(first.state, first.recommendation, day)
        assert own is not Status.NOT_STARTED or first.status is Status.NOT_STARTED

    @pytest.mark.usefixtures("numpy_for_any_size")
    def test_sparse_timelines_are_made_again(self) -> None:
        """Timelines kept only for the dates a group changed are made again after a record."""
        dense = timeline.DENSE
        timeline.DENSE = 0
        try:
            tracker = synthetic(states=6, seed=6)
            first = summarize(tracker, "state", as_of=AS_OF)
            tracker.record(tracker.states[1], "SOM7-5", "implemented", as_of="2023-05-05")
            again = summarize(tracker, "state", as_of=AS_OF)
            assert again != first
            timeline.DENSE = dense
            tracker.derived.clear()
            assert summarize(tracker, "state", as_of=AS_OF) == again
        finally:
            timeline.DENSE = dense

    def test_progress_and_follow_up_read_the_shared_positions(self) -> None:
        """Progress counts each pair's change between two dates; the lists are those of its date."""
        tracker = synthetic(states=10, seed=7)
        start = dt.date(2022, 1, 1)
        before, after = statuses(tracker, start), statuses(tracker, AS_OF)
        total = progress(tracker, start, AS_OF, by="theme").total_row
        changes = [
            Change.between(before.get(pair, Status.NO_INFORMATION), status)
            for pair, status in after.items()
        ]
        assert dict(total.changes) == {change: changes.count(change) for change in Change}
        lists = follow_up(tracker, as_of=AS_OF)
        reported = {state for (state, _), s in after.items() if s is not Status.NO_INFORMATION}
        assert set(lists.never_reported) == {s for s, _ in after} - reported


class TestTexts:
    def test_values_for_the_wrong_number_of_rows(self) -> None:
        """A free-text column with another number of values than rows is a program's error."""
        intake = Intake(builtin_catalogue(), ["MEX"])
        fields = {"state": ["MEX"] * 3, "recommendation": ["SOM7-1"] * 3, "status": ["planned"] * 3}
        with pytest.raises(InvalidDataError, match="measures: 2 values for 3 rows"):
            intake.read({**fields, "as_of": ["2021-01-01"] * 3, "measures": ["a", "b"]}, 3)

    def test_shared_texts_forgotten_past_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Past its limit, an intake forgets the texts it shares: they are read again, the same."""
        monkeypatch.setattr(intake_module, "_SHARED_LIMIT", 1)
        intake = Intake(builtin_catalogue(), ["MEX"])
        batch = intake.columns()
        for chunk in range(4):
            notes = [f"note {chunk}"] * 5 + [f"other {chunk}"] * 5
            intake.read(
                {
                    "state": ["MEX"] * 10,
                    "recommendation": ["SOM7-1"] * 10,
                    "status": ["planned"] * 10,
                    "as_of": [f"2021-01-{chunk + 1:02}"] * 10,
                    "notes": notes,
                    "source": [f"source {chunk}"] * 10,
                },
                10,
                into=batch,
            )
        assert batch.notes[-1] == "other 3"
        assert batch.source == [f"source {n}" for n in range(4) for _ in range(10)]

    def test_columns_compare(self) -> None:
        """Columns equal by their records, whatever their codes; not equal to anything else."""
        tracker = synthetic(states=3, seed=8)
        log = tracker.log
        again = Columns.of(tracker.log.responses())
        assert again == log
        assert log != "columns"
        assert again.same_rows(log, len(log))


class TestIndexWithNumpy:
    """The index sorted with numpy is the index sorted in Python, whatever comes in."""

    @staticmethod
    def _made(numpy_from: int, monkeypatch: pytest.MonkeyPatch) -> Tracker:
        monkeypatch.setattr(index_module, "NUMPY_FROM", numpy_from)
        monkeypatch.setattr(decisions, "SMALL", 4)  # a batch of five is merged, not inserted
        first = synthetic(states=4, rounds=["2021-06-30", "2022-06-30"], seed=3)
        tracker = Tracker(first.catalogue, first.population)
        tracker.add_many(first.responses())  # an empty index: a merge into nothing
        states = list(first.states)
        later = synthetic(states=states, rounds=["2021-06-30", "2023-06-30"], seed=4)
        kept = tracker.add_many(later.responses())  # 2021: conflicts, record by record
        assert kept.errors  # conflicts only
        assert all(error.error.__class__.__name__ == "ConflictError" for error in kept.errors)
        again = synthetic(states=states, rounds=["2024-06-30", "2025-06-30"], seed=5)
        tracker.add_many(again.responses())  # new dates: merged into what is there
        held = tracker.responses()[-1]
        tracker.correct(held.state, held.recommendation, "implemented", as_of=held.as_of)
        return tracker

    def test_the_same_index_both_ways(self, monkeypatch: pytest.MonkeyPatch) -> None:
        by_numpy = self._made(1, monkeypatch)
        by_python = self._made(10**9, monkeypatch)
        assert by_numpy.sorted_records() == by_python.sorted_records()
        assert by_numpy._index.superseded == by_python._index.superseded
        for tracker in (by_numpy, by_python):  # made anew (as after a failed write)
            tracker._index = index_module.PairIndex()  # the index itself
        assert by_numpy.sorted_records() == by_python.sorted_records()
        assert by_numpy._index.superseded == by_python._index.superseded
        assert by_numpy._index.superseded  # the correction supersedes
        assert [r.status for r in by_numpy.responses()] == [r.status for r in by_python.responses()]
        assert (
            summarize(by_numpy, "state", as_of="2025-01-01").rows
            == summarize(by_python, "state", as_of="2025-01-01").rows
        )


class _Piece:
    """Texts a columnar reader has not made into strings (counts how often it is asked)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.asked = 0

    def __len__(self) -> int:
        return len(self.texts)

    def to_pylist(self) -> list[str]:
        self.asked += 1
        return list(self.texts)


class TestPendingTexts:
    def test_strings_then_pending_then_strings_keep_their_order(self) -> None:
        piece = _Piece(["c", "d"])
        texts = Texts(["a", "b"])
        texts.add_pending(piece)
        assert len(texts) == 4
        assert piece.asked == 0
        texts.extend(["e"])  # strings after pending texts: those become strings first
        assert piece.asked == 1
        assert list(texts) == ["a", "b", "c", "d", "e"]
        assert texts[1:3] == ["b", "c"]

    def test_pending_texts_stay_pending_from_column_to_column(self) -> None:
        first, second = _Piece(["b"]), _Piece(["c", "d"])
        batch = Texts()
        batch.add_pending(first)
        batch.add_pending(second)
        log = Texts(["a"])
        log.extend(batch)
        assert (first.asked, second.asked, len(log)) == (0, 0, 4)
        more = Texts(["e"])
        more.add_pending(_Piece(["f"]))
        log.extend(more)  # its strings go after the pending ones: they become strings
        assert (first.asked, second.asked) == (1, 1)
        assert log == ["a", "b", "c", "d", "e", "f"]
        assert log[5] == "f"
        assert log == Texts(["a", "b", "c", "d", "e", "f"])
        assert log != "abcdef"
        assert repr(Texts(["x"])) == "Texts(['x'])"
        log.append("g")
        assert log.parts() == (["a", "b", "c", "d", "e", "f", "g"], [])

    def test_two_threads_asking_at_once_make_the_texts_once(self) -> None:
        class Slow(_Piece):
            def to_pylist(self) -> list[str]:
                time.sleep(0.05)
                return super().to_pylist()

        piece = Slow(["a", "b"])
        texts = Texts()
        texts.add_pending(piece)
        lengths: list[int] = []
        threads = [threading.Thread(target=lambda: lengths.append(len(list(texts)))) for _ in "ab"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert (lengths, piece.asked, len(texts)) == ([2, 2], 1, 2)

    def test_a_summary_leaves_pyarrow_texts_pending(self, tmp_path: Path) -> None:
        """Read by pyarrow, texts of their own become strings when a response is asked for."""
        source = synthetic(states=12, rounds=["2021-06-30", "2022-06-30"], seed=2)
        path = tmp_path / "own.csv"
        rows = [
            f"{r.state},{r.recommendation},{r.status.value},{r.as_of},Mesure {n},Note {n}"
            for n, r in enumerate(source.responses())
        ]
        path.write_text("state,recommendation,status,as_of,measures,notes\n" + "\n".join(rows))
        read = read_csv(path, engine="pyarrow", catalogue=source.catalogue)
        tracker = Tracker(source.catalogue, source.population)
        tracker.add_many(read)
        summarize(tracker, "state", as_of="2023-01-01")
        assert tracker.log.measures.parts()[1]  # still pyarrow's
        assert [r.measures for r in tracker.responses()][:2] == ["Mesure 0", "Mesure 1"]
        assert not tracker.log.measures.parts()[1]
        assert tracker.log.notes == [f"Note {n}" for n in range(len(rows))]


class TestHeatMapDrawings:
    def test_a_pair_not_expected_is_hatched_in_the_chart(self) -> None:
        """The chart hatches a pair not expected; columns of several meetings show their keys."""
        tracker = synthetic(states=4, catalogue=synthetic_catalogue(30), seed=9)
        result = matrix(tracker, as_of=AS_OF)
        first = next(iter(result.cells))
        part = attrs.evolve(result, cells={k: v for k, v in result.cells.items() if k != first})
        labels, heading = part.column_labels("en")
        assert (labels, heading) == (list(part.recommendations), None)
        ax = part.plot("en")
        assert any(c.get_hatch() == "////" for c in ax.collections)
        ax.figure.clf()

    def test_an_empty_matrix_has_no_parts(self) -> None:
        """A matrix of no State is cut into no part."""
        tracker = synthetic(states=3, seed=10)
        empty = attrs.evolve(matrix(tracker, as_of=AS_OF), states=(), cells={})
        assert matrix_parts(empty) == []

    def test_the_matrix_as_a_table_leaves_a_pair_not_expected_blank(self) -> None:
        """Without charts, the matrix is a table: a pair not expected is an empty cell."""
        tracker = synthetic(states=3, seed=11)
        result = matrix(tracker, as_of=AS_OF)
        first = next(iter(result.cells))
        part = attrs.evolve(result, cells={k: v for k, v in result.cells.items() if k != first})
        page = write_html([Table(part, "en")], "en")
        assert page.count("<td></td>") == 1
