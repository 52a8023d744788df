"""Summaries, matrices, progress and follow-up lists."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import (
    Catalogue,
    Response,
    Status,
    Tracker,
    builtin_catalogue,
    follow_up,
    matrix,
    progress,
    summarize,
    synthetic,
)
from smomtrack._summaries.tally import Tally
from smomtrack._tracking.tracker import FOLLOWED
from smomtrack.exceptions import ConflictError, InvalidDataError, UnknownThemeError
from smomtrack.results import Change
from tests.strategies import STATES, dates, responses

D1 = dt.date(2021, 10, 14)
D2 = dt.date(2022, 10, 14)
STATUS_KEYS = [s.value for s in Status]


@pytest.fixture(name="tracker")
def fixture_tracker(catalogue: Catalogue) -> Tracker:
    """Three States; Mexico answered four recommendations, France one, Germany none."""
    tracker = Tracker(catalogue, states=["MEX", "FRA", "DEU"])
    tracker.record("MEX", "SOM7-1", "implemented", as_of=D1)
    tracker.record("MEX", "SOM7-2", "in progress", as_of=D1, due="2022-01-31")
    tracker.record("MEX", "SOM7-8", "not applicable", as_of=D1)
    tracker.record("MEX", "SOM7-9", "planned", as_of=D1, reporter="secretariat")
    tracker.record("FRA", "SOM7-1", "not started", as_of=D1)
    tracker.record("FRA", "SOM7-1", "partially implemented", as_of=D2)
    tracker.record("MEX", "SOM7-1", "in progress", as_of=D2)
    return tracker


class TestSummarize:
    def test_by_theme(self, tracker: Tracker) -> None:
        """Counts per status, rates and score per theme, as of a date."""
        summary = summarize(tracker, "theme", as_of=D2)
        records = summary.to_records()
        assert [r["theme"] for r in records] == ["SOM7-B", "SOM7-C"]
        b = records[0]
        assert b["expected"] == 21  # 7 recommendations × 3 States
        assert (b["reported"], b["in_progress"], b["partially_implemented"]) == (3, 2, 1)
        assert b["no_information"] == 18
        assert b["response_rate"] == pytest.approx(3 / 21)
        assert b["implementation_rate"] == 0.0
        assert b["score"] == pytest.approx((0.5 + 0.5 + 0.75) / 3)
        c = records[1]
        assert (c["reported"], c["not_applicable"], c["planned"]) == (2, 1, 1)
        assert c["implementation_rate"] == 0.0
        assert c["score"] == pytest.approx(0.25)

    def test_keys_and_total(self, tracker: Tracker) -> None:
        """Each record has the documented keys, with names; the total has the same figures."""
        summary = summarize(tracker, "state", as_of=D2)
        expected_keys = [
            "state",
            "name",
            "expected",
            "reported",
            *STATUS_KEYS,
            "response_rate",
            "implementation_rate",
            "score",
        ]
        assert list(summary.to_records()[0]) == expected_keys
        assert summary.to_records()[0]["name"] == "France"
        total = summary.total()
        assert list(total) == [key for key in expected_keys if key != "name"]
        assert total["state"] is None
        assert total["expected"] == 54
        assert total["reported"] == 5

    def test_as_of_earlier(self, tracker: Tracker) -> None:
        """Asked at an earlier date, later responses do not count."""
        mexico = summarize(tracker, "state", as_of=D1).row("MEX").tally
        assert mexico.count(Status.IMPLEMENTED) == 1
        assert summarize(tracker, "state", as_of="2021-01-01").total()["reported"] == 0

    def test_rates_with_zero_denominators_are_none(self, tracker: Tracker) -> None:
        """Germany reported nothing: its rates and score are None, not 0."""
        germany = summarize(tracker, "state", as_of=D2).row("DEU").to_record("state")
        assert germany["response_rate"] == 0.0
        assert germany["implementation_rate"] is None
        assert germany["score"] is None

    def test_groupings_and_order(self, tracker: Tracker) -> None:
        """Every grouping gives its groups in a stable order, empty groups included."""
        assert [r.group for r in summarize(tracker, "state")] == ["FRA", "DEU", "MEX"]  # by name
        assert [r.group for r in summarize(tracker, "meeting")] == ["SOM7"]
        assert [r.group for r in summarize(tracker, "recommendation")][:3] == [
            "SOM7-1",
            "SOM7-2",
            "SOM7-3",
        ]
        topics = summarize(tracker, "topic")
        assert [r.group for r in topics] == sorted(builtin_catalogue().topics())
        assert topics.row("capacity-building").tally.expected == 6
        assert len(summarize(tracker, "recommendation")) == 18

    def test_filters(self, tracker: Tracker) -> None:
        """meeting, theme and reporter narrow the scope or the responses that count."""
        assert summarize(tracker, "recommendation", theme="SOM7-C").total()["expected"] == 33
        assert summarize(tracker, "meeting", meeting="SOM7").total()["expected"] == 54
        by_secretariat = summarize(tracker, "state", as_of=D2, reporter="secretariat").total()
        assert (by_secretariat["reported"], by_secretariat["planned"]) == (1, 1)
        with pytest.raises(UnknownThemeError):
            summarize(tracker, "theme", theme="SOM7-Z")

    def test_weights(self, tracker: Tracker) -> None:
        """Weights replace the defaults in the score; bad weights are refused."""
        strict = summarize(
            tracker, "meeting", as_of=D2, weights={Status.IN_PROGRESS: 0.0, Status.PLANNED: 0.0}
        )
        assert strict.total()["score"] == pytest.approx(0.75 / 4)
        with pytest.raises(InvalidDataError, match="not on the scale"):
            summarize(tracker, "meeting", weights={Status.NOT_APPLICABLE: 0.5})
        with pytest.raises(InvalidDataError, match="not between 0 and 1"):
            summarize(tracker, "meeting", weights={Status.PLANNED: 2})

    def test_bad_grouping(self, tracker: Tracker) -> None:
        """An unknown grouping is refused."""
        with pytest.raises(InvalidDataError, match="'continent' is not one of theme, state"):
            summarize(tracker, "continent")

    def test_row_lookup(self, tracker: Tracker) -> None:
        """row() finds a group or raises KeyError."""
        with pytest.raises(KeyError):
            summarize(tracker, "state").row("ITA")

    def test_empty_population(self, catalogue: Catalogue) -> None:
        """With nobody expected, rates are None."""
        total = summarize(Tracker(catalogue, []), "theme").total()
        assert (total["expected"], total["response_rate"]) == (0, None)

    @settings(max_examples=40, deadline=None)
    @given(
        st.lists(responses, max_size=30),
        dates,
        st.sampled_from(["theme", "state", "recommendation", "meeting", "topic"]),
    )
    def test_counts_add_up(self, records: list[Response], day: dt.date, by: str) -> None:
        """For random trackers, status counts add up to expected in every row and the total."""
        tracker = Tracker(builtin_catalogue(), STATES)
        for record in records:
            with contextlib.suppress(ConflictError, InvalidDataError):
                tracker.add(record)
        summary = summarize(tracker, by, as_of=day)
        for row in [*summary.to_records(), summary.total()]:
            assert sum(row[key] for key in STATUS_KEYS) == row["expected"]
            assert row["reported"] == row["expected"] - row["no_information"]
        adopted = builtin_catalogue().meeting("SOM7").end
        assert adopted is not None
        assert summary.total()["expected"] == (len(STATES) * 18 if day >= adopted else 0)
        if by != "topic":
            assert sum(r["expected"] for r in summary.to_records()) == summary.total()["expected"]


class TestTally:
    def test_counts(self) -> None:
        """A tally counts and computes its rates."""
        tally = Tally.of(
            [Status.IMPLEMENTED, Status.PLANNED, Status.NOT_APPLICABLE, Status.NO_INFORMATION]
        )
        assert (tally.expected, tally.reported, tally.applicable) == (4, 3, 2)
        assert tally.implementation_rate == 0.5
        assert tally.score == pytest.approx(0.625)


class TestMatrix:
    def test_cells(self, tracker: Tracker) -> None:
        """Every State × recommendation cell holds the status as of the date."""
        result = matrix(tracker, as_of=D2, theme="SOM7-B")
        assert result.states == ("FRA", "DEU", "MEX")  # by English name
        assert result.recommendations == tuple(f"SOM7-{n}" for n in range(1, 8))
        assert result.status("MEX", "SOM7 R1") is Status.IN_PROGRESS
        assert result.status("DEU", "SOM7-1") is Status.NO_INFORMATION
        assert matrix(tracker, as_of=D1).status("MEX", "SOM7-1") is Status.IMPLEMENTED
        with pytest.raises(KeyError):
            result.status("MEX", "SOM7-9")

    def test_records(self, tracker: Tracker) -> None:
        """to_records() gives one dict per State with status values."""
        records = matrix(tracker, as_of=D2, theme="SOM7-B", reporter="state").to_records()
        assert records[2]["state"] == "MEX"
        assert records[2]["SOM7-2"] == "in_progress"
        assert len(records[2]) == 8


class TestProgress:
    def test_changes(self, tracker: Tracker) -> None:
        """Improved, regressed, unchanged, newly reported, not reported between two dates."""
        tracker.record("DEU", "SOM7-3", "planned", as_of=D2)
        result = progress(tracker, D1, D2, by="state")
        france, germany, mexico = (row.changes for row in result.rows)  # by English name
        assert france[Change.IMPROVED] == 1
        assert mexico[Change.REGRESSED] == 1
        assert mexico[Change.UNCHANGED] == 3
        assert germany[Change.NEWLY_REPORTED] == 1
        assert germany[Change.NOT_REPORTED] == 17
        total = result.total()
        assert total["expected"] == 54
        assert sum(total[c.value] for c in Change) == 54

    def test_reclassified(self, catalogue: Catalogue) -> None:
        """Moving to or from not applicable is a reclassification."""
        tracker = Tracker(catalogue, ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of=D1)
        tracker.record("MEX", "SOM7-1", "not applicable", as_of=D2)
        assert progress(tracker, D1, D2).total()["reclassified"] == 1

    def test_change_between(self) -> None:
        """The classification of one pair's change."""
        assert Change.between(Status.PLANNED, Status.IMPLEMENTED) is Change.IMPROVED
        assert Change.between(Status.IMPLEMENTED, Status.PLANNED) is Change.REGRESSED
        assert Change.between(Status.NO_INFORMATION, Status.NO_INFORMATION) is Change.NOT_REPORTED
        assert Change.between(Status.NOT_APPLICABLE, Status.PLANNED) is Change.RECLASSIFIED

    def test_dates_in_order(self, tracker: Tracker) -> None:
        """The end may not come before the start."""
        with pytest.raises(InvalidDataError, match="is before start"):
            progress(tracker, D2, D1)

    def test_records(self, tracker: Tracker) -> None:
        """to_records() has the group, expected and each change."""
        records = progress(tracker, D1, D2).to_records()
        assert list(records[0]) == ["theme", "name", "expected", *(c.value for c in Change)]
        assert [r.group for r in progress(tracker, D1, D2)] == ["SOM7-B", "SOM7-C"]


class TestFollowUp:
    def test_lists(self, tracker: Tracker) -> None:
        """Overdue, stale and never-reported, as of a date."""
        result = follow_up(tracker, as_of="2022-12-31", stale_after="12 months")
        assert [(r.state, r.recommendation) for r in result.overdue] == [("MEX", "SOM7-2")]
        assert {(r.state, r.recommendation) for r in result.stale} == {
            ("MEX", "SOM7-2"),
            ("MEX", "SOM7-9"),
        }
        assert result.never_reported == ("DEU",)
        assert result.stale_after == relativedelta(years=1)

    def test_implemented_and_not_applicable_need_no_follow_up(self, catalogue: Catalogue) -> None:
        """A final status is never overdue nor stale."""
        tracker = Tracker(catalogue, ["MEX"])
        tracker.record("MEX", "SOM7-1", "implemented", as_of=D1, due="2021-12-31")
        tracker.record("MEX", "SOM7-2", "not applicable", as_of=D1)
        result = follow_up(tracker, as_of="2025-01-01")
        assert (result.overdue, result.stale, result.never_reported) == ((), (), ())

    def test_period_forms(self, tracker: Tracker) -> None:
        """The stale period is read in several languages; a bad one is refused."""
        assert len(follow_up(tracker, as_of="2022-12-31", stale_after="18 mois").stale) == 0
        assert (
            len(follow_up(tracker, as_of="2023-06-30", stale_after=relativedelta(months=6)).stale)
            == 4
        )
        with pytest.raises(InvalidDataError):
            follow_up(tracker, stale_after="a while")

    def test_records(self, tracker: Tracker) -> None:
        """to_records() lists every item with its list's name."""
        records = follow_up(tracker, as_of="2022-12-31").to_records()
        assert [r["list"] for r in records] == ["overdue", "stale", "stale", "never_reported"]
        assert records[0]["due"] == dt.date(2022, 1, 31)
        assert records[-1] == {
            "list": "never_reported",
            "state": "DEU",
            "recommendation": None,
            "status": "no_information",
            "as_of": None,
            "due": None,
        }


class TestCountCache:
    def test_kept_by_the_summaries_and_dropped_when_the_log_changes(self) -> None:
        """Counts built for a grouping are kept with the tracker until it records again."""
        tracker = synthetic(states=6, seed=2)
        day = dt.date(2023, 12, 31)
        first = summarize(tracker, "theme", as_of=day)
        assert summarize(tracker, "theme", as_of=day) == first  # visited, then walked
        assert tracker.derived
        state = tracker.states[0]
        tracker.record(state, "SOM7-1", "implemented", as_of=day, reporter="secretariat")
        assert tracker.derived  # a few records are taken in, not made again
        again = summarize(tracker, "theme", as_of=day, reporter="secretariat")
        assert again.total_row.tally.count(Status.IMPLEMENTED) >= 1
        later = synthetic(
            states=6, seed=2, rounds=["2024-06-30", "2025-06-30"], response_rate=1, participation=1
        )
        assert len(tracker.add_many(later).responses) > FOLLOWED  # many records: made again
        assert not tracker.derived
