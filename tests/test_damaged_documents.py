"""Damaged tracker documents: every problem is found, said with its path, and nothing is read."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from smomtrack import Tracker, builtin_catalogue, from_json, to_json
from smomtrack.exceptions import InvalidDataError

Document = dict[str, Any]


def _document() -> Document:
    tracker = Tracker(builtin_catalogue(), {"MEX": None, "FRA": "2023-01-01"})
    tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
    document: Document = json.loads(to_json(tracker))
    return document


def _set(path: tuple[str | int, ...], value: object) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _v1(responses: object) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document["version"] = "1.0"
        document["responses"] = responses

    return change


DAMAGE = [
    (_set(("expected_from",), ["FRA"]), r"\$.expected_from: expected an object"),
    (_set(("expected_from",), {"DEU": "2023-01-01"}), r"\$.expected_from.DEU: not a State"),
    (
        _set(("expected_from",), {"FRA": "1er janvier"}),
        r"\$.expected_from.FRA: '1er janvier' is not",
    ),
    (_set(("expected_from",), {"FRA": 2023}), r"\$.expected_from.FRA: 2023 is not an ISO date"),
    (_set(("responses",), []), r"\$.responses: expected an object of columns, rows and values"),
    (_set(("responses", "columns"), ["state"]), r"\$.responses.columns: expected"),
    (_set(("responses", "rows"), {}), r"\$.responses.rows: expected an array"),
    (_set(("responses", "rows"), [[1, 0]]), r"\$.responses.rows\[0\]: expected an array of 9"),
    (_set(("responses", "rows"), ["x"]), r"\$.responses.rows\[0\]: expected an array of 9"),
    (_set(("responses", "values"), []), r"\$.responses.values: expected an object of"),
    (
        _set(("responses", "values", "status"), "planned"),
        r"\$.responses.values.status: expected an array",
    ),
    (_v1({}), r"\$.responses: expected an array, got dict"),
    (_v1([1]), r"\$.responses\[0\]: expected an object, got int"),
    (_v1([{"state": "MEX", "colour": "red"}]), r"\$.responses\[0\].colour: unknown key"),
]


class TestDamagedTrackerDocuments:
    @pytest.mark.parametrize(("damage", "message"), DAMAGE)
    def test_said_with_its_path(self, damage: Callable[[Document], None], message: str) -> None:
        """Each damage is refused with the path of what is wrong."""
        document = _document()
        damage(document)
        with pytest.raises(InvalidDataError, match=message):
            from_json(json.dumps(document))

    def test_every_problem_at_once(self) -> None:
        """Several damaged parts are all listed in one error."""
        document = _document()
        document["expected_from"] = {"DEU": "2023-01-01", "FRA": "x"}
        with pytest.raises(InvalidDataError) as caught:
            from_json(json.dumps(document))
        assert len(caught.value.problems) == 2
