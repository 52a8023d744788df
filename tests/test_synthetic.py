"""Synthetic trackers."""

from __future__ import annotations

import pytest

from smomtrack import Catalogue, Reporter, Status, summarize, synthetic
from smomtrack._tracking.synthetic import is_synthetic
from smomtrack.exceptions import InvalidDataError


class TestSynthetic:
    def test_reproducible(self) -> None:
        """The same arguments give the same tracker; another seed another one."""
        assert synthetic(states=10, seed=3) == synthetic(states=10, seed=3)
        assert synthetic(states=10, seed=3) != synthetic(states=10, seed=4)

    def test_default_shape(self) -> None:
        """150 States, the 18 built-in recommendations, three rounds 2021–2023."""
        tracker = synthetic()
        assert len(tracker.states) == 150
        assert len(tracker.catalogue) == 18
        assert sorted({r.as_of.year for r in tracker}) == [2021, 2022, 2023]
        assert 0.45 < len(tracker) / (150 * 18 * 3) < 0.65
        answered = summarize(tracker, "theme", as_of="2023-12-31").total()["response_rate"]
        assert 0.5 < answered < 0.8  # like real rounds: many States never report

    def test_labelled_and_varied(self) -> None:
        """Every response says it is synthetic; statuses, reporters and due dates vary."""
        tracker = synthetic(states=30)
        assert all(is_synthetic(r) and "Synthetic data" in r.notes for r in tracker)
        assert {r.status for r in tracker} == set(Status) - {Status.NO_INFORMATION}
        assert {r.reporter for r in tracker} == {
            Reporter.STATE,
            Reporter.SECRETARIAT,
            Reporter.CIVIL_SOCIETY,
        }
        assert any(r.due for r in tracker)

    def test_given_states_and_rounds(self, catalogue: Catalogue) -> None:
        """States and rounds can be given; every pair answers at rates 1."""
        tracker = synthetic(
            states=["MEX", "France"],
            catalogue=catalogue,
            rounds=["1 mars 2022"],
            response_rate=1,
            participation=1,
        )
        assert tracker.states == ("FRA", "MEX")
        assert len(tracker) == 36

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"states": 0}, "states: 0 is not between 1"),
            ({"response_rate": 2}, "response_rate"),
            ({"participation": -1}, "participation"),
        ],
    )
    def test_bad_arguments(self, kwargs: dict[str, float], message: str) -> None:
        """Impossible sizes and rates are refused."""
        with pytest.raises(InvalidDataError, match=message):
            synthetic(**kwargs)  # type: ignore[arg-type]
