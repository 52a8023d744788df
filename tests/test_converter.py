"""The private converter: records to plain data and back, strictly, with paths in errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given

from smomtrack import Catalogue, Meeting, Response, Text
from smomtrack._catalogue.converter import structure, structure_catalogue, unstructure
from smomtrack.exceptions import InvalidDataError
from smomtrack.records import Session
from tests.strategies import responses, texts


class TestRoundTrip:
    def test_catalogue(self, catalogue: Catalogue) -> None:
        """The built-in catalogue survives a JSON round trip unchanged."""
        data = json.loads(json.dumps(unstructure(catalogue)))
        assert structure(data, Catalogue) == catalogue

    @given(responses)
    def test_responses(self, response: Response) -> None:
        """Any response survives a JSON round trip unchanged."""
        data = json.loads(json.dumps(unstructure(response)))
        assert structure(data, Response) == response

    @given(texts)
    def test_texts(self, text: Text) -> None:
        """Any text survives a round trip."""
        assert structure(unstructure(text), Text) == text

    def test_plain_data_shape(self, catalogue: Catalogue) -> None:
        """Dates are ISO strings, times HH:MM, enums their values."""
        meeting = unstructure(catalogue.meeting("SOM8"))
        assert meeting["start"] == "2021-10-14"
        assert meeting["format"] == "hybrid"
        assert meeting["sessions"][0]["start"] == "11:00"


def response_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "state": "MEX",
        "recommendation": "SOM7-5",
        "status": "planned",
        "as_of": "2021-10-14",
        "recorded_at": "2021-10-15T10:00:00+00:00",
    }
    data.update(changes)
    return data


class TestStrictness:
    @pytest.mark.parametrize(
        ("changes", "problem"),
        [
            ({"measures": 5}, "$.measures: expected str, got 5"),
            ({"state": 1}, "$.state: expected str, got 1"),
            ({"correction": 1}, "$.correction: expected bool, got 1"),
            ({"status": "done"}, "$.status: 'done' is not a Status; accepted: 'not_started'"),
            ({"as_of": "14/10/2021"}, "$.as_of: '14/10/2021' is not an ISO date"),
            ({"as_of": 20211014}, "$.as_of: expected an ISO date"),
            ({"recorded_at": "yesterday"}, "$.recorded_at: 'yesterday' is not an ISO date-time"),
            ({"recorded_at": 5}, "$.recorded_at: expected an ISO date-time"),
            ({"colour": "blue"}, "$: extra fields found (colour)"),
        ],
    )
    def test_field_errors_have_paths(self, changes: dict[str, Any], problem: str) -> None:
        """Wrong types are errors with their path, never silently converted."""
        with pytest.raises(InvalidDataError) as info:
            structure(response_data(**changes), Response)
        assert any(p.startswith(problem) for p in info.value.problems), info.value.problems

    def test_missing_field(self) -> None:
        """A missing required field is named."""
        data = response_data()
        del data["status"]
        with pytest.raises(InvalidDataError, match=r"\$.status: required field missing"):
            structure(data, Response)

    def test_record_validation_is_reported_with_path(self) -> None:
        """A record's own validation error comes back with where it was."""
        with pytest.raises(InvalidDataError, match="is not an ISO 3166-1 alpha-3 code"):
            structure(response_data(state="Mexico"), Response, where="$.responses[3]")

    def test_times_and_numbers(self) -> None:
        """Times must be HH:MM strings; integers must be integers."""
        with pytest.raises(InvalidDataError, match=r"is not an ISO time \(HH:MM\)"):
            structure({"date": "2021-10-14", "start": "noon", "end": "13:00", "items": []}, Session)
        with pytest.raises(InvalidDataError, match=r"expected an ISO time \(HH:MM\)"):
            structure({"date": "2021-10-14", "start": 11, "end": "13:00", "items": []}, Session)
        with pytest.raises(InvalidDataError, match=r"\$.ordinal: expected int, got 7.0"):
            structure({"key": "SOM7", "ordinal": 7.0}, Meeting)

    def test_float_hook(self) -> None:
        """Numbers are accepted where floats belong; booleans and strings are not."""
        assert structure(1, float) == 1.0
        with pytest.raises(InvalidDataError, match="expected a number"):
            structure(True, float)  # noqa: FBT003
        with pytest.raises(InvalidDataError, match="expected a number"):
            structure("1", float)


class TestCatalogueErrors:
    def test_every_problem_is_listed(self, catalogue: Catalogue) -> None:
        """Problems in several records are all reported, each with its path."""
        data = unstructure(catalogue)
        data["recommendations"][2]["modality"] = "must"
        data["recommendations"][11]["number"] = "12"
        data["themes"][0]["titles"] = []
        with pytest.raises(InvalidDataError) as info:
            structure_catalogue(data, where="$.catalogue")
        problems = info.value.problems
        assert len(problems) == 3
        assert problems[0] == "$.catalogue.themes[0].titles: needs a text in at least one language"
        assert "$.catalogue.recommendations[2].modality" in problems[1]
        assert "'must' is not a Modality" in problems[1]
        assert "$.catalogue.recommendations[11].number" in problems[2]

    def test_not_an_object(self) -> None:
        """A catalogue must be an object with arrays."""
        with pytest.raises(InvalidDataError, match=r"\$: expected an object, got list"):
            structure_catalogue([])
        with pytest.raises(InvalidDataError, match=r"\$.meetings: expected an array"):
            structure_catalogue({"meetings": {}})
        with pytest.raises(InvalidDataError, match=r"\$.extra: unknown key"):
            structure_catalogue({"extra": []})

    def test_dangling_reference(self, catalogue: Catalogue) -> None:
        """A recommendation whose theme is missing is reported with the document's path."""
        data = unstructure(catalogue)
        data["themes"] = data["themes"][:1]
        with pytest.raises(InvalidDataError, match=r"\$: recommendation SOM7-8: theme 'SOM7-C'"):
            structure_catalogue(data)
