"""The exception hierarchy."""

from __future__ import annotations

import pytest

from smomtrack import exceptions as e


class TestHierarchy:
    @pytest.mark.parametrize(
        "error",
        [
            e.UnknownRecommendationError,
            e.UnknownThemeError,
            e.UnknownMeetingError,
            e.UnknownStateError,
            e.UnknownAgendaItemError,
        ],
    )
    def test_unknown_keys_are_lookup_errors(self, error: type[e.UnknownKeyError]) -> None:
        """Unknown keys are SmomtrackError and LookupError."""
        assert issubclass(error, e.SmomtrackError)
        assert issubclass(error, LookupError)

    @pytest.mark.parametrize(
        "error", [e.InvalidDataError, e.InvalidStatusError, e.InvalidDateError, e.ConflictError]
    )
    def test_invalid_data_are_value_errors(self, error: type[Exception]) -> None:
        """Invalid data are SmomtrackError and ValueError."""
        assert issubclass(error, e.SmomtrackError)
        assert issubclass(error, ValueError)


class TestMessages:
    def test_unknown_key_suggests(self) -> None:
        """The message names the key and the suggestions, unquoted by LookupError."""
        error = e.UnknownRecommendationError("SOM7-19", ["SOM7-9", "SOM7-1"])
        assert str(error) == "unknown recommendation 'SOM7-19'; did you mean 'SOM7-9' or 'SOM7-1'?"
        assert error.key == "SOM7-19"
        assert error.suggestions == ("SOM7-9", "SOM7-1")

    def test_unknown_key_without_suggestion(self) -> None:
        """Without suggestions the message just names the key."""
        assert str(e.UnknownStateError("Atlantis")) == "unknown State 'Atlantis'"

    def test_invalid_data_lists_every_problem(self) -> None:
        """Several problems are counted and listed one per line."""
        error = e.InvalidDataError(["$.a: bad", "$.b: worse"])
        assert error.problems == ("$.a: bad", "$.b: worse")
        assert str(error) == "2 problems:\n- $.a: bad\n- $.b: worse"

    def test_one_problem_is_the_message(self) -> None:
        """A single problem is the whole message."""
        assert str(e.InvalidDataError("$.a: bad")) == "$.a: bad"

    def test_conflict_names_the_key(self) -> None:
        """A conflict names what both records claim."""
        error = e.ConflictError("theme SOM7-B", "different content")
        assert error.key == "theme SOM7-B"
        assert str(error) == "theme SOM7-B: different content"

    def test_known_key_refused_with_a_reason(self) -> None:
        """A known key refused in a context says why instead of "unknown"."""
        error = e.UnknownStateError("Italie", reason="(ITA) is not in this tracker's population")
        assert str(error) == "State 'Italie' (ITA) is not in this tracker's population"
        assert error.reason == "(ITA) is not in this tracker's population"
