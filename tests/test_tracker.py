"""The tracker: recording, corrections, history and as-of queries."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import Catalogue, Reporter, Response, Status, Tracker, builtin_catalogue
from smomtrack.exceptions import (
    ConflictError,
    InvalidDataError,
    InvalidDateError,
    InvalidStatusError,
    UnknownRecommendationError,
    UnknownStateError,
)
from tests.strategies import RECORDED_STATUSES, STATES, dates, responses

D1 = dt.date(2021, 10, 14)
D2 = dt.date(2022, 10, 14)


@pytest.fixture(name="tracker")
def fixture_tracker(catalogue: Catalogue) -> Tracker:
    return Tracker(catalogue, states=["Mexique", "DEU", "fr"])


class TestPopulation:
    def test_states_are_resolved_and_sorted(self, tracker: Tracker) -> None:
        """Names and codes become a sorted tuple of alpha-3 codes."""
        assert tracker.states == ("DEU", "FRA", "MEX")

    def test_duplicates_collapse(self, catalogue: Catalogue) -> None:
        """Two names of one State are one member of the population."""
        assert Tracker(catalogue, ["France", "FRA"]).states == ("FRA",)

    def test_unknown_state(self, catalogue: Catalogue) -> None:
        """A name that is no State is refused."""
        with pytest.raises(UnknownStateError):
            Tracker(catalogue, ["Atlantis"])

    def test_one_string_is_refused(self, catalogue: Catalogue) -> None:
        """A single string is not mistaken for a collection of letters."""
        with pytest.raises(InvalidDataError, match="expected a collection of States"):
            Tracker(catalogue, "MEX")


class TestRecord:
    def test_lenient_inputs(self, tracker: Tracker) -> None:
        """Names, key forms, French labels and French dates are all read."""
        response = tracker.record(
            "Mexique",
            "som7 r5",
            "partiellement mise en oeuvre",
            as_of="14 octobre 2021",
            due="31/12/2022",
            evidence="CTOC/COP/WG.7/2021/2",
            reporter="secretariat",
        )
        assert response.state == "MEX"
        assert response.recommendation == "SOM7-5"
        assert response.status is Status.PARTIALLY_IMPLEMENTED
        assert (response.as_of, response.due) == (D1, dt.date(2022, 12, 31))
        assert response.evidence == ("CTOC/COP/WG.7/2021/2",)
        assert response.reporter is Reporter.SECRETARIAT
        assert len(tracker) == 1
        assert list(tracker) == [response]

    def test_identical_record_is_a_no_op(self, tracker: Tracker) -> None:
        """Recording the same thing twice keeps one record."""
        first = tracker.record("MEX", "SOM7-5", "planned", as_of=D1)
        again = tracker.record("mex", "SOM7/5", Status.PLANNED, as_of="2021-10-14")
        assert again == first
        assert len(tracker) == 1

    def test_different_content_is_a_conflict(self, tracker: Tracker) -> None:
        """A different response for the same State, recommendation and date is refused."""
        tracker.record("MEX", "SOM7-5", "planned", as_of=D1)
        with pytest.raises(
            ConflictError, match=r"MEX on SOM7-5 as of 2021-10-14.*make it a correction"
        ):
            tracker.record("MEX", "SOM7-5", "in progress", as_of=D1)
        with pytest.raises(ConflictError):
            tracker.record("MEX", "SOM7-5", "planned", as_of=D1, measures="Draft law")
        assert len(tracker) == 1
        assert tracker.status("MEX", "SOM7-5", as_of=D1) is Status.PLANNED

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "message"),
        [
            (
                ("ITA", "SOM7-5", "planned"),
                {"as_of": D1},
                UnknownStateError,
                "not in this tracker's population",
            ),
            (("MEX", "SOM7-19", "planned"), {"as_of": D1}, UnknownRecommendationError, "SOM7-19"),
            (("MEX", "SOM7-5", "done"), {"as_of": D1}, InvalidStatusError, "'done'"),
            (
                ("MEX", "SOM7-5", "no information"),
                {"as_of": D1},
                InvalidDataError,
                "never recorded",
            ),
            (("MEX", "SOM7-5", "planned"), {"as_of": "octobre 2021"}, InvalidDateError, "guessed"),
            (
                ("MEX", "SOM7-5", "planned"),
                {"as_of": "2999-01-01"},
                InvalidDataError,
                "in the future",
            ),
            (("MEX", "SOM7-5", "planned"), {"as_of": D1, "due": "soon"}, InvalidDateError, "soon"),
            (
                ("MEX", "SOM7-5", "planned"),
                {"as_of": D1, "reporter": "press"},
                InvalidDataError,
                "not a reporter",
            ),
        ],
    )
    def test_errors(
        self,
        tracker: Tracker,
        args: tuple[str, str, str],
        kwargs: dict[str, object],
        error: type[Exception],
        message: str,
    ) -> None:
        """Each bad input gets its own clear error, and nothing is recorded."""
        with pytest.raises(error, match=message):
            tracker.record(*args, **kwargs)  # type: ignore[arg-type]
        assert len(tracker) == 0


class TestCorrect:
    def test_correction_supersedes_and_keeps_history(self, tracker: Tracker) -> None:
        """A correction replaces the status; the earlier record stays, marked superseded."""
        original = tracker.record("MEX", "SOM7-5", "planned", as_of=D1)
        corrected = tracker.correct("MEX", "SOM7-5", "in progress", as_of=D1)
        later = tracker.record("MEX", "SOM7-5", "implemented", as_of=D2)
        assert tracker.status("MEX", "SOM7-5", as_of=D1) is Status.IN_PROGRESS
        history = tracker.history("MEX", "SOM7-5")
        assert [(e.response, e.superseded) for e in history] == [
            (original, True),
            (corrected, False),
            (later, False),
        ]
        assert corrected.correction
        assert len(tracker) == 3
        assert tracker.is_superseded(original)
        assert not tracker.is_superseded(corrected)

    def test_nothing_to_correct(self, tracker: Tracker) -> None:
        """Correcting what was never recorded is refused."""
        with pytest.raises(InvalidDataError, match="nothing recorded"):
            tracker.correct("MEX", "SOM7-5", "planned", as_of=D1)

    def test_identical_correction_is_a_no_op(self, tracker: Tracker) -> None:
        """Correcting to the same content records nothing."""
        original = tracker.record("MEX", "SOM7-5", "planned", as_of=D1)
        assert tracker.correct("MEX", "SOM7-5", "planned", as_of=D1) == original
        assert len(tracker) == 1


class TestQueries:
    def test_status_as_of(self, tracker: Tracker) -> None:
        """The status is the latest on or before the date; no information before any."""
        tracker.record("MEX", "SOM7-5", "planned", as_of=D1)
        tracker.record("MEX", "SOM7-5", "implemented", as_of=D2)
        assert tracker.status("MEX", "SOM7-5", as_of="2021-10-13") is Status.NO_INFORMATION
        assert tracker.status("MEX", "SOM7-5", as_of=D1) is Status.PLANNED
        assert tracker.status("MEX", "SOM7-5", as_of="2022-10-13") is Status.PLANNED
        assert tracker.status("MEX", "SOM7-5", as_of=D2) is Status.IMPLEMENTED
        assert tracker.status("MEX", "SOM7-5") is Status.IMPLEMENTED
        assert tracker.status("DEU", "SOM7-5") is Status.NO_INFORMATION

    def test_out_of_order_recording(self, tracker: Tracker) -> None:
        """Recording an older date after a newer one keeps dates in order."""
        tracker.record("MEX", "SOM7-5", "implemented", as_of=D2)
        tracker.record("MEX", "SOM7-5", "planned", as_of=D1)
        assert tracker.status("MEX", "SOM7-5", as_of=D1) is Status.PLANNED
        assert tracker.status("MEX", "SOM7-5", as_of=D2) is Status.IMPLEMENTED
        assert [e.response.as_of for e in tracker.history("MEX", "SOM7-5")] == [D1, D2]

    def test_latest_by_reporter(self, tracker: Tracker) -> None:
        """The fast path can look for one reporter's latest response."""
        tracker.record("MEX", "SOM7-5", "planned", as_of=D1, reporter="state")
        tracker.record("MEX", "SOM7-5", "in progress", as_of=D2, reporter="secretariat")
        assert tracker.at(D2, reporter=Reporter.STATE).status("MEX", "SOM7-5") is Status.PLANNED
        assert tracker.at(D2, reporter="secretariat").status("MEX", "SOM7-5") is Status.IN_PROGRESS
        assert tracker.at(D2).status("MEX", "SOM7-5") is Status.PLANNED  # the State's own word
        assert tracker.at(D2, reporter=Reporter.CIVIL_SOCIETY).response("MEX", "SOM7-5") is None
        assert tracker.at(D2).response("DEU", "SOM7-5") is None

    def test_responses_filters(self, tracker: Tracker) -> None:
        """responses() narrows by State, recommendation and theme, leaving superseded out."""
        a = tracker.record("MEX", "SOM7-1", "planned", as_of=D1)
        tracker.correct("MEX", "SOM7-1", "in progress", as_of=D1)
        b = tracker.record("FRA", "SOM7-9", "planned", as_of=D1)
        assert len(tracker.responses()) == 2
        assert len(tracker.responses(include_superseded=True)) == 3
        assert a in tracker.responses(include_superseded=True)
        assert tracker.responses(state="France") == (b,)
        assert tracker.responses(recommendation="SOM7 R9") == (b,)
        assert [r.recommendation for r in tracker.responses(theme="SOM7-B")] == ["SOM7-1"]

    def test_response_lookup(self, tracker: Tracker) -> None:
        """response() returns the current record or None."""
        assert tracker.response("MEX", "SOM7-5", D1) is None
        recorded = tracker.record("MEX", "SOM7-5", "planned", as_of=D1)
        assert tracker.response("MEX", "SOM7-5", D2) == recorded


class TestAdd:
    def test_add_keeps_the_record(self, tracker: Tracker) -> None:
        """add() stores a Response as it is, recording time included."""
        response = Response(state="MEX", recommendation="SOM7-5", status=Status.PLANNED, as_of=D1)
        assert tracker.add(response) == response
        assert (
            tracker.add(
                Response(state="MEX", recommendation="SOM7-5", status=Status.PLANNED, as_of=D1)
            )
            == response
        )

    def test_add_checks_population_catalogue_and_conflicts(self, tracker: Tracker) -> None:
        """add() refuses States outside the population, unknown keys and conflicts."""
        with pytest.raises(UnknownStateError):
            tracker.add(
                Response(state="ITA", recommendation="SOM7-5", status=Status.PLANNED, as_of=D1)
            )
        with pytest.raises(UnknownRecommendationError):
            tracker.add(
                Response(state="MEX", recommendation="SOM7-99", status=Status.PLANNED, as_of=D1)
            )
        tracker.add(Response(state="MEX", recommendation="SOM7-5", status=Status.PLANNED, as_of=D1))
        with pytest.raises(ConflictError):
            tracker.add(
                Response(state="MEX", recommendation="SOM7-5", status=Status.IMPLEMENTED, as_of=D1)
            )
        tracker.add(
            Response(
                state="MEX",
                recommendation="SOM7-5",
                status=Status.IMPLEMENTED,
                as_of=D1,
                correction=True,
            )
        )
        assert tracker.status("MEX", "SOM7-5", D1) is Status.IMPLEMENTED


class TestContainer:
    def test_equality_and_repr(self, catalogue: Catalogue) -> None:
        """Two trackers with the same population, catalogue and log are equal."""
        one, two = Tracker(catalogue, ["MEX"]), Tracker(catalogue, ["MEX"])
        assert one == two
        response = one.record("MEX", "SOM7-5", "planned", as_of=D1)
        assert one != two
        two.add(response)
        assert one == two
        assert one != "tracker"
        assert repr(one) == "<Tracker: 1 States, 18 recommendations, 1 responses>"
        with pytest.raises(TypeError):
            hash(one)


def naive_status(log: list[Response], state: str, key: str, day: dt.date) -> Status:
    """The status recomputed from the raw log.

    The current record of a date is the last recorded on it; the status is that of the
    latest current record of the first reporter (State, Secretariat, civil society, other)
    that has one.
    """
    current = {r.as_of: r for r in log if r.pair == (state, key) and r.as_of <= day}
    for reporter in Reporter:
        own = [r for r in current.values() if r.reporter is reporter]
        if own:
            return max(own, key=lambda r: r.as_of).status
    return Status.NO_INFORMATION


class TestProperties:
    @settings(max_examples=60, deadline=None)
    @given(st.lists(responses, max_size=40), dates)
    def test_as_of_agrees_with_naive_recomputation(
        self, records: list[Response], day: dt.date
    ) -> None:
        """For random logs with corrections, status() equals a naive recomputation."""
        tracker = Tracker(builtin_catalogue(), STATES)
        for record in records:
            with contextlib.suppress(ConflictError, InvalidDataError):
                tracker.add(record)
        for state in STATES:
            for key in {r.recommendation for r in records}:
                assert tracker.status(state, key, day) is naive_status(
                    list(tracker), state, key, day
                )

    @given(st.sampled_from(RECORDED_STATUSES))
    def test_any_recorded_status_reads_back(self, status: Status) -> None:
        """Every recordable status is what status() returns afterwards."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", status, as_of=D1)
        assert tracker.status("MEX", "SOM7-1", D1) is status
