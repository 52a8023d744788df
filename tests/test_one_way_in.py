"""One way in: every response enters through the same reading, and is kept as columns."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import (
    Reporter,
    Response,
    SmomtrackError,
    Status,
    Tracker,
    builtin_catalogue,
    compile_by_topic,
    follow_up,
    from_json,
    matrix,
    progress,
    resolve_state,
    summarize,
    synthetic,
    to_json,
)
from smomtrack._interchange.csv_format import import_csv
from smomtrack._summaries import timeline
from smomtrack._tracking.columns import Columns
from smomtrack._tracking.intake import FieldError, Intake
from smomtrack.exceptions import (
    InvalidDataError,
    InvalidDateError,
    InvalidStatusError,
    UnknownRecommendationError,
    UnknownStateError,
)
from smomtrack.results import Change, ImportResult
from tests.strategies import STATES, dates, responses

GOOD = {"state": "MEX", "recommendation": "SOM7-1", "status": "planned", "as_of": "2021-10-14"}

BAD_VALUES = [
    ("state", "Mexiqu", UnknownStateError),
    ("state", "Japon", UnknownStateError),  # a State, but not in the population
    ("recommendation", "SOM7-99", UnknownRecommendationError),
    ("status", "done", InvalidStatusError),
    ("status", "no information", InvalidDataError),
    ("as_of", "8 et 9 septembre 2020", InvalidDateError),
    ("as_of", "2999-01-01", InvalidDataError),
    ("due", "31/02/2022", InvalidDateError),
    ("reporter", "journalist", InvalidDataError),
]


def tracker() -> Tracker:
    return Tracker(builtin_catalogue(), ["MEX", "DEU"])


def message_from_record(field: str, value: str) -> tuple[type[Exception], str]:
    fields = {**GOOD, field: value}
    with pytest.raises(SmomtrackError) as info:
        tracker().record(
            fields.pop("state"),
            fields.pop("recommendation"),
            fields.pop("status"),
            **fields,
        )
    return type(info.value), str(info.value).removeprefix(f"{field}: ")


def message_from_csv(tmp_path: Path, field: str, value: str) -> str:
    fields = {**GOOD, field: value}
    path = tmp_path / "one.csv"
    path.write_text(",".join(fields) + "\n" + ",".join(fields.values()) + "\n", encoding="utf-8")
    read = import_csv(tracker(), path)
    assert len(read.errors) == 1
    return read.errors[0].message.removeprefix(f"{field}: ")


def message_from_json(field: str, value: str) -> str:
    document = json.loads(to_json(tracker()))
    document["version"] = "1.0"
    document["responses"] = [{**GOOD, field: value}]
    with pytest.raises(InvalidDataError) as info:
        from_json(json.dumps(document))
    (problem,) = info.value.problems
    return problem.removeprefix(f"$.responses[0].{field}: ")


class TestSameMessage:
    @pytest.mark.parametrize(("field", "value", "kind"), BAD_VALUES)
    def test_record_csv_and_json_agree(
        self, tmp_path: Path, field: str, value: str, kind: type[Exception]
    ) -> None:
        """The same bad value is refused with the same message by record(), CSV and JSON."""
        raised, from_record = message_from_record(field, value)
        assert raised is kind
        assert from_record == message_from_csv(tmp_path, field, value)
        assert from_record == message_from_json(field, value)


class TestIntake:
    def test_each_distinct_value_is_read_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A thousand rows naming one State read its name once."""
        calls: list[str] = []

        def counting(text: str) -> str:
            calls.append(text)
            return resolve_state(text)

        monkeypatch.setattr("smomtrack._tracking.intake.resolve_state", counting)
        intake = Intake(builtin_catalogue())
        rows = 1000
        batch, kept, errors = intake.read(
            {
                "state": ["Mexique"] * rows,
                "recommendation": [f"SOM7-{n % 18 + 1}" for n in range(rows)],
                "status": ["en cours"] * rows,
                "as_of": ["14 octobre 2021"] * rows,
                "notes": ["same"] * rows,
            },
            rows,
        )
        assert calls == ["Mexique"]
        assert (len(batch), len(kept), errors) == (rows, rows, [])
        assert len({id(note) for note in batch.notes}) == 1  # a repeated text is kept once
        assert batch.response(999).state == "MEX"

    def test_bad_rows_are_reported_and_good_ones_kept(self) -> None:
        """Errors name the row and field; the other rows are kept in order."""
        intake = Intake(builtin_catalogue(), ["MEX"])
        batch, kept, errors = intake.read(
            {
                "state": ["MEX", "DEU", "MEX"],
                "recommendation": ["SOM7-1", "SOM7-2", "SOM7-99"],
                "status": ["planned", "planned", "nope"],
                "as_of": ["2021-01-01"] * 3,
            },
            3,
        )
        assert kept == [0]
        assert [(e.row, e.field) for e in errors] == [
            (1, "state"),
            (2, "recommendation"),
            (2, "status"),
        ]
        assert batch.response(0).recommendation == "SOM7-1"

    def test_unhashable_values_are_refused_not_raised(self) -> None:
        """Objects where text was expected get a clear error."""
        intake = Intake(builtin_catalogue())
        _, kept, errors = intake.read(
            {**{k: [v] for k, v in GOOD.items()}, "measures": [{"a": 1}], "state": [["MEX"]]}, 1
        )
        assert kept == []
        assert {e.field for e in errors} == {"state", "measures"}

    def test_record_and_correct_share_one_path(self) -> None:
        """correct() reads its arguments exactly as record() does."""
        t = tracker()
        t.record("Mexique", "som7 r1", "prévue", as_of="14 octobre 2021", evidence="Loi 1")
        again = t.correct("MEX", "SOM7-1", "en cours", as_of="2021-10-14", evidence=["Loi 1"])
        assert again.evidence == ("Loi 1",)
        assert again.correction
        assert t.status("MEX", "SOM7-1", "2022-01-01") is Status.IN_PROGRESS
        with pytest.raises(InvalidDataError, match="not a field of a response"):
            t.record("MEX", "SOM7-1", "planned", as_of="2021-01-01", colour="red")  # type: ignore[call-arg]


class TestFreeTexts:
    """Free texts are read a column at a time, kept as given, a repeated text once."""

    @staticmethod
    def read(
        texts: Mapping[str, Sequence[object]], count: int, clean: Callable[[str], str] | None = None
    ) -> tuple[Columns, list[int], list[FieldError]]:
        intake = Intake(builtin_catalogue(), ["MEX"], clean=clean)
        fields: dict[str, Sequence[object]] = {k: [v] * count for k, v in GOOD.items()}
        return intake.read({**fields, **texts}, count)

    def test_texts_of_their_own_are_kept_as_given(self) -> None:
        """Distinct texts come back as given, each row its own; nothing looked up or merged."""
        texts = [f"Mesure {n}: loi adoptée, décret d'application" for n in range(600)]
        batch, kept, errors = self.read({"measures": texts, "notes": ["même note"] * 600}, 600)
        assert (len(kept), errors) == (600, [])
        assert batch.measures == texts
        assert len({id(note) for note in batch.notes}) == 1  # the repeated one, once

    def test_one_refused_character_refuses_only_its_row(self) -> None:
        """A column with a control character is read value by value: the row named, the rest kept."""
        texts = ["ok"] * 5
        texts[3] = "bad\x07bell"
        batch, kept, errors = self.read(
            {"measures": texts, "notes": [f"n{i}" for i in range(5)]}, 5
        )
        assert kept == [0, 1, 2, 4]
        assert [(e.row, e.field, e.value) for e in errors] == [(3, "measures", "bad\x07bell")]
        assert "U+0007" in errors[0].message
        assert batch.notes == ["n0", "n1", "n2", "n4"]

    def test_a_refused_text_on_every_row_refuses_every_row(self) -> None:
        """The same bad text repeated is refused on each row that holds it."""
        _, kept, errors = self.read({"notes": ["x\x00y"] * 3}, 3)
        assert kept == []
        assert [e.row for e in errors] == [0, 1, 2]

    def test_values_that_are_not_text(self) -> None:
        """A number or a null where text was expected: refused with its row, or empty."""
        batch, kept, errors = self.read({"source": ["a", 5, None]}, 3)
        assert kept == [0, 2]
        assert [(e.row, e.field) for e in errors] == [(1, "source")]
        assert batch.source == ["a", ""]

    def test_the_readers_cleaning_applies_to_a_whole_column(self) -> None:
        """CSV cells lose their formula guard whether the column is read at once or not."""
        from smomtrack._interchange.csv_format import _clean, escape  # noqa: PLC0415

        texts = [escape("=SUM(A1)"), "d'accord", escape("'t Hooft"), "x;" + escape("=1")]
        batch, _, errors = self.read({"measures": texts}, 4, clean=_clean)
        assert errors == []
        assert batch.measures == ["=SUM(A1)", "d'accord", "'t Hooft", "x;=1"]
        plain = ["d'accord", "l'État"] * 3
        assert self.read({"measures": plain}, 6, clean=_clean)[0].measures == plain
        same = self.read({"notes": [escape("=1")] * 4}, 4, clean=_clean)[0]
        assert same.notes == ["=1"] * 4


class TestColumns:
    @settings(max_examples=40, deadline=None)
    @given(st.lists(responses, max_size=30))
    def test_records_round_trip_through_columns(self, records: list[Response]) -> None:
        """A response kept as columns comes back equal, field for field."""
        assert list(Columns.of(records).responses()) == records

    def test_memory_is_shared(self) -> None:
        """A million-row log is a few arrays: the texts of a round are kept once."""
        tracked = synthetic(states=20)
        log = tracked.log
        assert log.nbytes() / len(log) < 70
        for column in (log.measures, log.source, log.notes):
            assert len({id(text) for text in column}) == len(set(column)) <= 3

    def test_add_many_keeps_what_add_keeps(self) -> None:
        """Adding records one by one or all at once gives the same tracker."""
        source = synthetic(states=5)
        one = Tracker(source.catalogue, source.states)
        for response in source:
            one.add(response)
        many = Tracker(source.catalogue, source.states)
        result = many.add_many(source)
        assert one == many == source
        assert len(result.responses) == len(source)
        again = many.add_many(ImportResult(batch=source.log))
        assert (len(again.responses), len(again.unchanged)) == (0, len(source))


def naive_counts(
    log: list[Response],
    tracker: Tracker,
    keys: list[str],
    day: dt.date,
) -> dict[Status, int]:
    """Counts per status by recomputing every pair's status from scratch.

    A pair counts once its State is expected and the recommendation's meeting has ended; its
    status is the latest current record of the first reporter (State, Secretariat, civil
    society, other) that has one.
    """
    counts = dict.fromkeys(Status, 0)
    adopted = builtin_catalogue().meeting("SOM7").end
    assert adopted is not None
    for state in tracker.states:
        since = tracker.population.expected_from.get(state, dt.date.min)
        if day < max(since, adopted):
            continue
        for key in keys:
            found = [r for r in log if r.pair == (state, key) and r.as_of <= day]
            current = {r.as_of: r for r in found}  # the last recorded of each date
            chosen = None
            for reporter in Reporter:
                own = [r for when, r in current.items() if r.reporter is reporter]
                if own:
                    chosen = max(own, key=lambda r: r.as_of)
                    break
            counts[Status.NO_INFORMATION if chosen is None else chosen.status] += 1
    return counts


class TestCounts:
    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(responses, max_size=40),
        st.lists(dates, min_size=1, max_size=4),
        st.lists(st.none() | dates, min_size=len(STATES), max_size=len(STATES)),
    )
    def test_repeated_summaries_agree_with_a_naive_count(
        self, records: list[Response], days: list[dt.date], since: list[dt.date | None]
    ) -> None:
        """Summaries as of any date, first asked or asked again, count what a naive pass counts.

        With States expected from random dates and responses from several reporters.
        """
        t = Tracker(builtin_catalogue(), dict(zip(STATES, since, strict=True)))
        for record in records:
            with contextlib.suppress(SmomtrackError):
                t.add(record)
        kept = list(t)
        keys = [r.key for r in builtin_catalogue()]
        for day in [*days, *days]:  # the second time, from the walk over the log
            total = summarize(t, "theme", as_of=day).total_row.tally
            expected = naive_counts(kept, t, keys, day)
            assert {s: total.count(s) for s in Status} == expected

    @pytest.mark.parametrize("way", ["dense", "sparse", "pure"])
    @settings(max_examples=40, deadline=None)
    @given(
        st.lists(responses, min_size=1, max_size=25),
        st.lists(dates, min_size=1, max_size=3),
        st.lists(st.none() | dates, min_size=len(STATES), max_size=len(STATES)),
    )
    def test_summaries_asked_between_records_follow_them(
        self,
        way: str,
        records: list[Response],
        days: list[dt.date],
        since: list[dt.date | None],
    ) -> None:
        """Counts kept between records take each record in, and still count what a naive pass
        counts: records at dates already known and new ones, corrections, several reporters;
        with numpy's timelines (every date's counts, or the dates a group changed) or the
        walk in pure Python."""
        keep, dense, smallest = timeline.numpy, timeline.DENSE, timeline.SMALLEST
        try:
            if way == "pure":
                timeline.numpy = lambda: None
            timeline.DENSE = 0 if way == "sparse" else dense
            timeline.SMALLEST = 0  # numpy for a tracker of any size
            t = Tracker(builtin_catalogue(), dict(zip(STATES, since, strict=True)))
            keys = [r.key for r in builtin_catalogue()]
            for record in records:
                with contextlib.suppress(SmomtrackError):
                    t.add(record)
                kept = list(t)
                for day in days:
                    total = summarize(t, "theme", as_of=day).total_row.tally
                    assert {s: total.count(s) for s in Status} == naive_counts(kept, t, keys, day)
            fresh = Tracker(t.catalogue, t.population)
            fresh.add_many(ImportResult(batch=t.log))
            for day in days:
                cells = matrix(t, as_of=day).cells
                assert all(t.status(*pair, day) is status for pair, status in cells.items())
                assert matrix(t, as_of=day) == matrix(fresh, as_of=day)
                assert summarize(t, "state", as_of=day) == summarize(fresh, "state", as_of=day)
        finally:
            timeline.numpy, timeline.DENSE, timeline.SMALLEST = keep, dense, smallest

    def test_counts_follow_new_records(self) -> None:
        """What is built for repeated questions is dropped when the log grows."""
        t = tracker()
        t.record("MEX", "SOM7-1", "planned", as_of="2021-01-01")
        for _ in range(2):
            assert (
                summarize(t, "state", as_of="2022-01-01").row("MEX").tally.count(Status.PLANNED)
                == 1
            )
        t.correct("MEX", "SOM7-1", "implemented", as_of="2021-01-01")
        row = summarize(t, "state", as_of="2022-01-01").row("MEX").tally
        assert (row.count(Status.PLANNED), row.count(Status.IMPLEMENTED)) == (0, 1)

    def test_by_reporter(self) -> None:
        """Asked twice with a reporter, only that reporter's responses count."""
        t = tracker()
        t.record("MEX", "SOM7-1", "planned", as_of="2021-01-01")
        t.record("MEX", "SOM7-1", "implemented", as_of="2021-06-01", reporter="secretariat")
        for _ in range(2):
            state = summarize(t, "state", as_of="2022-01-01", reporter="state").row("MEX").tally
            assert state.count(Status.PLANNED) == 1
            assert state.count(Status.IMPLEMENTED) == 0


class TestValueObjects:
    def test_every_result_compares_and_hashes_by_value(self) -> None:
        """Two computations of the same result are equal, with equal hashes."""
        t = synthetic(states=4)
        makers: list[Callable[[], object]] = [
            lambda: summarize(t, "theme", as_of="2022-12-31"),
            lambda: summarize(t, "state", as_of="2022-12-31", weights={Status.PLANNED: 0.5}),
            lambda: matrix(t, as_of="2022-12-31"),
            lambda: progress(t, "2021-12-31", "2022-12-31"),
            lambda: follow_up(t, as_of="2022-12-31"),
            lambda: compile_by_topic(t.catalogue),
        ]
        for make in makers:
            first, second = make(), make()
            assert first == second
            assert hash(first) == hash(second)

    def test_differences_are_seen(self) -> None:
        """Weights and changes are part of a result's value."""
        t = synthetic(states=4)
        plain = summarize(t, "theme", as_of="2022-12-31")
        weighted = summarize(t, "theme", as_of="2022-12-31", weights={Status.PLANNED: 0.5})
        assert plain != weighted
        one = progress(t, "2021-12-31", "2022-12-31")
        other = progress(t, "2020-12-31", "2022-12-31")
        assert (
            one.total_row.changes[Change.UNCHANGED] != other.total_row.changes[Change.UNCHANGED]
            or one != other
        )
