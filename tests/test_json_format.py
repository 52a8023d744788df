"""JSON documents of trackers and catalogues."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import (
    Catalogue,
    Response,
    Tracker,
    builtin_catalogue,
    from_json,
    load,
    parse_report,
    save,
    synthetic,
    synthetic_catalogue,
    to_json,
)
from smomtrack._interchange import json_format
from smomtrack.exceptions import InvalidDataError
from smomtrack.records import SuggestedTopic
from tests.strategies import STATES, responses


def tracker_with_correction() -> Tracker:
    tracker = Tracker(builtin_catalogue(), ["MEX", "DEU"])
    tracker.record(
        "MEX", "SOM7-1", "planned", as_of="2021-10-14", evidence=["a", "b"], due="2022-01-01"
    )
    tracker.correct("MEX", "SOM7-1", "in progress", as_of="2021-10-14", measures="Décret n° 12")
    return tracker


class TestRoundTrip:
    def test_tracker(self) -> None:
        """A tracker with a correction comes back equal, superseded record included."""
        tracker = tracker_with_correction()
        back = from_json(to_json(tracker))
        assert back == tracker
        assert isinstance(back, Tracker)
        assert len(back) == 2
        assert back.history("MEX", "SOM7-1")[0].superseded

    def test_catalogues(self, catalogue: Catalogue) -> None:
        """Built-in and custom catalogues come back equal."""
        assert from_json(to_json(catalogue)) == catalogue
        custom = synthetic_catalogue(20)
        assert from_json(to_json(custom)) == custom

    def test_custom_catalogue_is_embedded(self) -> None:
        """A tracker on a custom catalogue carries it; the built-in one is named."""
        assert '"catalogue": "builtin"' in to_json(tracker_with_correction())
        custom = synthetic(states=2, catalogue=synthetic_catalogue(4))
        text = to_json(custom)
        assert '"SYN1-1"' in text
        assert from_json(text) == custom

    @settings(max_examples=40, deadline=None)
    @given(st.lists(responses, max_size=25))
    def test_property(self, records: list[Response]) -> None:
        """from_json(to_json(x)) == x for random trackers."""
        tracker = Tracker(builtin_catalogue(), STATES)
        for record in records:
            with contextlib.suppress(InvalidDataError, LookupError, ValueError):
                tracker.add(record)
        assert from_json(to_json(tracker)) == tracker


class TestLayout:
    def test_deterministic_and_diff_friendly(self) -> None:
        """Same tracker, same text; sorted keys; one response per line; ISO dates."""
        tracker = tracker_with_correction()
        text = to_json(tracker)
        assert text == to_json(tracker)
        lines = text.splitlines()
        assert lines[0] == "{"
        assert lines[1:4] == [
            ' "catalogue": "builtin",',
            ' "format": "smomtrack.tracker",',
            ' "responses": {',
        ]
        assert lines[4].startswith('  "columns": ["state", "recommendation", "status", "as_of",')
        assert lines[5] == '  "rows": ['
        d1, due = dt.date(2021, 10, 14).toordinal(), dt.date(2022, 1, 1).toordinal()
        assert lines[6] == f"   [1, 0, 1, {d1}, {due}, 0, 0, 0, 0],"
        assert lines[7] == f"   [1, 0, 2, {d1}, null, 0, 1, 1, 1]"
        document = json.loads(text)
        assert document["version"] == "2.0"
        assert document["responses"]["values"]["state"] == ["DEU", "MEX"]
        assert document["responses"]["values"]["details"][0] == {"evidence": ["a", "b"]}
        assert "Décret n° 12" in text  # not escaped

    def test_empty_tracker(self) -> None:
        """An empty tracker is a valid document."""
        tracker = Tracker(builtin_catalogue(), [])
        assert from_json(to_json(tracker)) == tracker


class TestErrors:
    def document(self) -> dict[str, object]:
        return json.loads(to_json(tracker_with_correction()))  # type: ignore[no-any-return]

    def test_every_problem_with_its_path(self) -> None:
        """A bad document lists every problem with its path."""
        document = self.document()
        document["states"] = ["MEX", "Germany"]
        with pytest.raises(InvalidDataError) as info:
            from_json(json.dumps(document))
        expected = (
            "$.states: expected an array of the codes of States that can be parties"
            " (ISO 3166-1 alpha-3, EUU for the European Union)"
        )
        assert info.value.problems == (expected,)
        document = self.document()
        values = document["responses"]["values"]  # type: ignore[index]
        values["status"][0] = "done"
        values["details"][1]["measures"] = 5
        with pytest.raises(InvalidDataError) as info:
            from_json(json.dumps(document))
        problems = info.value.problems
        assert problems[0].startswith(
            "$.responses.values.status[0]: 'done' is not an implementation status; accepted:"
        )
        assert problems[1] == "$.responses.values.details[1]: measures: expected text, got 5"
        document = self.document()
        document["responses"]["rows"].append("x")  # type: ignore[index]
        document["responses"]["rows"][0][3] = 0  # type: ignore[index]
        with pytest.raises(InvalidDataError, match=r"rows\[2\]: expected an array of 9"):
            from_json(json.dumps(document))
        document["responses"]["rows"].pop()  # type: ignore[index]
        with pytest.raises(InvalidDataError, match=r"rows\[0\]\[3\]: 0 is not a day number"):
            from_json(json.dumps(document))

    def test_replay_problems(self) -> None:
        """A record outside the population or a conflicting one is named by its index."""
        document = self.document()
        document["states"] = ["DEU"]
        with pytest.raises(
            InvalidDataError, match=r"\$.responses.values.state\[1\]: State 'MEX' is not in"
        ):
            from_json(json.dumps(document))
        document = self.document()
        document["responses"]["rows"][1][6] = 0  # type: ignore[index]
        with pytest.raises(
            InvalidDataError, match=r"\$.responses.rows\[1\]: MEX on SOM7-1 as of 2021-10-14"
        ):
            from_json(json.dumps(document))

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "{",
                "not JSON: Expecting property name enclosed in double quotes at line 1, column 2",
            ),
            (b"\xff\xfe", "not JSON"),
            ("[]", r"\$: a smomtrack document is a JSON object"),
            ('{"format": "x", "version": "1.0"}', r"\$.format: 'x' is not"),
            ('{"format": "smomtrack.tracker", "version": 1}', r"\$.version: 1 is not a version"),
            ('{"format": "smomtrack.tracker", "version": "3.0"}', "written by a newer smomtrack"),
            ('{"format": "smomtrack.tracker", "version": "².0"}', "is not a version"),
            (
                '{"format": "smomtrack.catalogue", "version": "1.3", "catalogue": {}, "x": 1}',
                r"\$.x: unknown key",
            ),
            (
                '{"format": "smomtrack.tracker", "version": "1.0", "catalogue": 5, "states": []}',
                r"\$.catalogue: expected an object",
            ),
        ],
    )
    def test_not_a_document(self, text: str | bytes, message: str) -> None:
        """Not JSON, not an object, unknown format, bad or newer version: clear errors."""
        with pytest.raises(InvalidDataError, match=message):
            from_json(text)

    @pytest.mark.parametrize("version", ["1.0", "1.7"])
    def test_any_minor_version_is_read(self, version: str) -> None:
        """Any 1.x catalogue document is read (this smomtrack writes 1.1)."""
        text = to_json(builtin_catalogue())
        assert '"version": "1.1"' in text
        assert from_json(text.replace('"version": "1.1"', f'"version": "{version}"')) == (
            builtin_catalogue()
        )

    def test_a_version_1_0_document_with_bare_suggested_topics(self) -> None:
        """Before 1.1, a suggested topic was a bare tag: read as a suggestion without confidence."""
        parsed = parse_report(
            "B. Recommendations on x\nRecommendation 1\nStates parties should exchange"
            " information on routes and methods used by smugglers.",
            meeting="SOM9",
        )
        document = json.loads(to_json(builtin_catalogue().with_report(parsed)))
        document["version"] = "1.0"
        for rec in document["catalogue"]["recommendations"]:
            if rec.get("suggested_topics"):
                rec["suggested_topics"] = [s["tag"] for s in rec["suggested_topics"]]
        read = from_json(json.dumps(document))
        assert isinstance(read, Catalogue)
        (new,) = [r for r in read if r.meeting == "SOM9"]
        assert new.suggested_topics == (SuggestedTopic("information-exchange", None),)

    def test_wrong_type(self) -> None:
        """Only trackers and catalogues are written."""
        with pytest.raises(InvalidDataError, match="takes a Tracker or a Catalogue"):
            to_json([1, 2])  # type: ignore[arg-type]


class TestNotObjects:
    @pytest.mark.parametrize("item", [None, [], 5, "x"])
    def test_a_record_that_is_not_an_object(self, item: object) -> None:
        """A catalogue's meeting that is null or an array: a path and a reason (found by fuzzing)."""
        document = json.loads(to_json(tracker_with_correction()))
        document["catalogue"] = {"meetings": [item]}
        with pytest.raises(
            InvalidDataError, match=r"\$.catalogue.meetings\[0\]: expected an object"
        ):
            from_json(json.dumps(document))


class TestLargeDocuments:
    """A large tracker document's records are read a chunk at a time, to the same tracker."""

    @pytest.fixture(autouse=True)
    def tiny_chunks(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(json_format, "CHUNKED", 0)
        monkeypatch.setattr(json_format, "_ROWS_CHUNK", 500)

    def test_same_tracker(self, tmp_path: Path) -> None:
        """Read in chunks, through load() too: the tracker written, records and all."""
        tracker = synthetic(states=12, seed=5)
        first = tracker.log.response(0)
        tracker.correct(first.state, first.recommendation, "implemented", as_of=first.as_of)
        tracker.record(tracker.states[1], "SOM7-2", "planned", as_of="2023-07-01",
                       reporter="secretariat", due="2024-01-01", notes="à suivre")  # fmt: skip
        text = to_json(tracker)
        found = json_format._in_chunks(text)
        assert found is not None
        assert len(found[1]["as_of"]) == len(tracker.log)
        assert from_json(text) == tracker
        assert from_json(text.encode()) == tracker
        path = tmp_path / "t.json"
        save(tracker, path)
        assert load(path) == tracker

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (lambda t: t.replace("[0, 0, ", "[0, 0.0, ", 1), "recommendation"),
            (lambda t: t.replace("[0, 0, ", "[0, 99999, ", 1), "between"),
            (lambda t: t.replace("[0, 0, ", "[0, ", 1), "array of 9 numbers"),
            (lambda t: t.replace("[0, 0, ", "[0, 0 ", 1), "not JSON"),
        ],
    )
    def test_damaged_records_say_what_the_whole_document_says(
        self, monkeypatch: pytest.MonkeyPatch, change: Callable[[str], str], message: str
    ) -> None:
        """A damaged record is refused with the message a document read whole gets."""
        text = change(to_json(synthetic(states=6, seed=6)))
        with pytest.raises(InvalidDataError, match=message) as chunked:
            from_json(text)
        monkeypatch.setattr(json_format, "CHUNKED", 1 << 40)
        with pytest.raises(InvalidDataError) as whole:
            from_json(text)
        assert chunked.value.problems == whole.value.problems

    def test_not_as_smomtrack_writes_it(self) -> None:
        """A document laid out otherwise (or with a byte order mark) is read whole."""
        tracker = synthetic(states=3, seed=7)
        text = to_json(tracker)
        assert json_format._in_chunks("\ufeff" + text) is None
        assert json_format._in_chunks(json.dumps(json.loads(text))) is None
        assert from_json(json.dumps(json.loads(text), indent=1)) == tracker
