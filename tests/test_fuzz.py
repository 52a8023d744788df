"""Fuzzing every parser and reader: only smomtrack's errors come out, and no valid row is lost.

Quick by default (a few dozen examples a test, in every run of the suite); the long profile
runs ``SMOMTRACK_FUZZ_EXAMPLES`` examples a test (10,000 for the figures in
``docs/guarantees.md``)::

    SMOMTRACK_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smomtrack import (
    SmomtrackError,
    Status,
    Tracker,
    builtin_catalogue,
    from_json,
    load,
    parse_agenda,
    parse_date,
    parse_report,
    report,
    resolve_state,
    synthetic,
    to_json,
)
from smomtrack._interchange import json_format
from smomtrack._interchange.csv_format import read_csv
from smomtrack._interchange.pdf_layout import Piece, lay_out
from smomtrack._interchange.pdf_text import laid_out_text
from smomtrack._interchange.plain_text import Line
from smomtrack._interchange.report_lines import split_collapsed
from smomtrack._vocabulary.dates import parse_date_range, parse_period

DATA = Path(__file__).parent / "data"
EXAMPLES = int(os.environ.get("SMOMTRACK_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

VALID_CSV = (DATA / "reponses-excel-fr-utf8-bom.csv").read_bytes()
AGENDA = (DATA / "agenda-8th-meeting-2021.fr.md").read_text(encoding="utf-8")
REPORT = (DATA / "recommendations-7th-meeting-2020.fr.md").read_text(encoding="utf-8")
TRACKER_JSON = to_json(synthetic(states=2))

anything = st.text(max_size=60) | st.binary(max_size=60).map(lambda b: b.decode("latin-1"))


def mutated(data: bytes) -> st.SearchStrategy[bytes]:
    """*data* with a few bytes changed, removed or added."""

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            position = draw(st.integers(0, max(len(out) - 1, 0)))
            action = draw(st.sampled_from(["flip", "drop", "insert", "cut"]))
            if action == "flip" and out:
                out[position] = draw(st.integers(0, 255))
            elif action == "drop" and out:
                del out[position]
            elif action == "insert":
                out[position:position] = draw(st.binary(min_size=1, max_size=8))
            else:
                del out[position:]
        return bytes(out)

    return mutate()


def outcome(data: bytes) -> object:
    """What reading *data* as a document gives: the tracker, or the error's problems."""
    try:
        return from_json(data)
    except SmomtrackError as exc:
        return (type(exc), str(exc), getattr(exc, "problems", None))


def only_ours(action: Any) -> None:
    """Run *action*; anything it raises must be a SmomtrackError."""
    with contextlib.suppress(SmomtrackError):
        action()


class TestSpreadsheets:
    @FUZZ
    @given(st.binary(max_size=400) | mutated(VALID_CSV))
    def test_bytes(self, data: bytes) -> None:
        """Any bytes: a result or a smomtrack error."""
        only_ours(lambda: read_csv(io.BytesIO(data)))

    @FUZZ
    @given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    def test_text_in_every_encoding(self, text: str, encoding: str) -> None:
        """Any text, in every encoding read: a result or a smomtrack error."""
        data = text.encode(encoding, errors="replace")
        only_ours(lambda: read_csv(io.BytesIO(data)))
        only_ours(lambda: read_csv(io.StringIO(text)))

    @FUZZ
    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["MEX", "Allemagne", "Maroc", "fr"]),
                st.integers(1, 18),
                st.sampled_from(["planned", "En cours", "Mise en œuvre"]),
                st.dates(
                    min_value=__import__("datetime").date(2015, 1, 1),
                    max_value=__import__("datetime").date(2024, 1, 1),
                ),
            ),
            max_size=15,
            unique_by=lambda row: (row[0], row[1], row[3]),
        ),
        st.lists(st.text(max_size=40), max_size=8),
        st.sampled_from([",", ";", "\t"]),
    )
    def test_no_valid_row_is_dropped(
        self, rows: list[tuple[str, int, str, Any]], junk: list[str], separator: str
    ) -> None:
        """Valid rows among junk rows all come back; every other row is refused or skipped."""
        lines = [separator.join(["state", "recommendation", "status", "as_of"])]
        lines += [
            separator.join([state, f"SOM7-{number}", status, day.isoformat()])
            for state, number, status, day in rows
        ]
        lines += ['"' + text.replace('"', '""') + '"' for text in junk]
        result = read_csv(io.StringIO("\n".join(lines) + "\n"))
        found = {(r.state, r.recommendation, r.as_of) for r in result.responses}
        for state, number, _, day in rows:
            assert (resolve_state(state), f"SOM7-{number}", day) in found
        assert len(result.responses) >= len(rows)


class TestDocuments:
    @FUZZ
    @given(mutated(TRACKER_JSON.encode()) | st.binary(max_size=200))
    def test_json(self, data: bytes) -> None:
        """Any bytes, and damaged tracker documents: a tracker or a smomtrack error."""
        only_ours(lambda: from_json(data))

    @FUZZ
    @given(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.text(max_size=8), inner, max_size=4)
            ),
            max_leaves=20,
        )
    )
    def test_json_values_in_every_place(self, value: object) -> None:
        """Any JSON value in any field of a document: a smomtrack error, never another."""
        document = json.loads(TRACKER_JSON)
        for where in ("responses", "states", "catalogue", "version"):
            changed = {**document, where: value}
            only_ours(lambda changed=changed: from_json(json.dumps(changed)))
        rows = document["responses"]["rows"]
        if rows:
            rows[0][0] = value
            only_ours(lambda: from_json(json.dumps(document)))

    @FUZZ
    @given(mutated(TRACKER_JSON.encode()))
    def test_json_read_in_chunks_or_whole_alike(self, data: bytes) -> None:
        """A large document's records are read a chunk at a time: damaged anywhere, it gives
        the tracker, or the error, that reading it whole gives."""
        whole = outcome(data)
        chunked, chunk = json_format.CHUNKED, json_format._ROWS_CHUNK
        json_format.CHUNKED, json_format._ROWS_CHUNK = 0, 64
        try:
            assert outcome(data) == whole
        finally:
            json_format.CHUNKED, json_format._ROWS_CHUNK = chunked, chunk

    def test_deep_nesting(self, tmp_path: Path) -> None:
        """Arrays nested a hundred thousand deep: a smomtrack error, through load() too."""
        text = "[" * 100_000 + "]" * 100_000
        with pytest.raises(SmomtrackError):
            from_json(text)
        path = tmp_path / "deep.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SmomtrackError):
            load(path)

    @FUZZ
    @given(mutated(REPORT.encode()) | st.text(max_size=300).map(str.encode))
    def test_reports(self, data: bytes) -> None:
        """Damaged report texts: a parsed report or a smomtrack error."""
        text = data.decode("utf-8", errors="replace")
        only_ours(lambda: parse_report(text, meeting="SOM9"))

    @FUZZ
    @given(mutated(AGENDA.encode()) | st.text(max_size=300).map(str.encode))
    def test_agendas(self, data: bytes) -> None:
        """Damaged agenda texts: a meeting or a smomtrack error."""
        text = data.decode("utf-8", errors="replace")
        only_ours(lambda: parse_agenda(text, meeting="SOM8"))


class TestValues:
    @FUZZ
    @given(anything)
    def test_dates_states_statuses_periods(self, text: str) -> None:
        """Any text: a value or a smomtrack error, for every reader of values."""
        for read in (parse_date, parse_date_range, parse_period, resolve_state, Status.parse):
            only_ours(lambda read=read: read(text))

    @FUZZ
    @given(
        st.sampled_from(
            [
                "state",
                "recommendation",
                "status",
                "as_of",
                "due",
                "reporter",
                "measures",
                "evidence",
                "notes",
            ]
        ),
        st.none() | st.integers() | st.floats() | anything | st.lists(anything, max_size=3),
    )
    def test_record_any_value_in_any_field(self, field: str, value: object) -> None:
        """record() with any value in any field: recorded, or a smomtrack error."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        fields: dict[str, Any] = {
            "state": "MEX",
            "recommendation": "SOM7-1",
            "status": "planned",
            "as_of": "2021-01-01",
            field: value,
        }
        only_ours(
            lambda: tracker.record(
                fields.pop("state"), fields.pop("recommendation"), fields.pop("status"), **fields
            )
        )
        if len(tracker):  # what was recorded can be saved and read back
            assert from_json(to_json(tracker)) == tracker


class TestMessages:
    """Whatever was typed, a person can read the refusal in each language."""

    @FUZZ
    @given(anything, st.sampled_from([None, "en", "fr", "es"]))
    def test_every_refusal_describes_itself(self, text: str, file_lang: str | None) -> None:
        """Any text refused by a reader of values is described in English, French, Spanish."""
        readers = (parse_date, parse_period, resolve_state, lambda t: Status.parse(t, file_lang))
        for read in readers:
            try:
                read(text)
            except SmomtrackError as error:
                for lang in ("en", "fr", "es"):
                    said = error.describe(lang)
                    assert said.strip()
                    left = set(re.findall(r"\{[a-z_]+\}", said)) - set(
                        re.findall(r"\{[a-z_]+\}", text)
                    )
                    assert not left, said  # every placeholder filled

    @FUZZ
    @given(
        st.dictionaries(
            st.sampled_from(["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]), anything, max_size=4
        ),
        st.lists(anything, max_size=6),
    )
    def test_languages_found_anywhere(self, environ: dict[str, str], header: list[str]) -> None:
        """Any locale setting, any command line and any header give a language or none."""
        from smomtrack._interchange.rows import language_of  # noqa: PLC0415
        from smomtrack._words import environment_language  # noqa: PLC0415
        from smomtrack.cli import _language  # noqa: PLC0415

        assert environment_language(environ) in {"en", "fr", "es"}
        assert language_of(header) in {None, "en", "fr", "es"}
        assert _language(["--lang", *header]) in {"en", "fr", "es"}


REPORTS = settings(FUZZ, max_examples=max(EXAMPLES // 20, 5))
"""A whole report takes a quarter of a second: fewer examples (500 in the long profile)."""


class TestReportDocuments:
    """Whatever symbol or author is given, a document or a smomtrack error: never a broken file."""

    @REPORTS
    @given(anything, anything)
    def test_any_symbol_and_author(self, symbol: str, author: str) -> None:
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        try:
            page = report(tracker, format="html", as_of="2022-01-01", symbol=symbol, author=author)
        except SmomtrackError:
            return
        assert page.count("<style") == page.count("</style>")
        assert "<script" not in page.lower().replace("&lt;script", "")
        document = report(tracker, format="docx", as_of="2022-01-01", symbol=symbol, author=author)
        assert document[:2] == b"PK"


PIECE_TEXTS = st.sampled_from(
    ["1", "2", "12", "_____", "Recommandation 3", "V.20-04826", "Les", "2/4", " ", ""]
)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""What a page shows as a space."""
FLAT_REPORT = " ".join(re.sub(r"(?m)^#+\s*", "", REPORT).replace("**", "").split())


class TestDocumentsAsLaidOut:
    """PDF pages read by their layout, and report text whose white space was collapsed."""

    @FUZZ
    @given(
        st.lists(
            st.builds(
                Piece,
                PIECE_TEXTS | st.text(max_size=20),
                st.floats(-50, 650, allow_nan=False),
                st.floats(-50, 900, allow_nan=False),
                st.sampled_from([0.0, 5.5, 6.5, 9.0, 11.0, 11.0, 11.0, 40.0]),
            ),
            max_size=40,
        ),
        st.lists(st.floats(0, 850, allow_nan=False), max_size=3),
        st.booleans(),
    )
    def test_any_pieces_lay_out(self, pieces: list[Piece], rules: list[float], carry: bool) -> None:
        """Any pieces give a page: nothing invented, every note and problem with its page."""
        page = lay_out(7, pieces, rules=rules, carry=carry)
        shown = "".join("".join(CONTROL.sub(" ", p.text).split()) for p in pieces)
        for line in page.lines:
            for word in re.sub(r"</?sup>", " ", line).split():
                assert word in shown
        assert all(note.page == 7 for note in page.footnotes)
        assert all(problem.values["page"] == 7 for problem in page.problems)
        for problem in page.problems:
            for lang in ("en", "fr", "es"):
                assert not re.search(r"\{(page|text|number)\}", problem.text(lang))

    @FUZZ
    @given(
        st.lists(
            st.lists(
                st.lists(
                    st.builds(
                        Piece,
                        PIECE_TEXTS | st.text(max_size=12),
                        st.floats(0, 600, allow_nan=False),
                        st.floats(0, 850, allow_nan=False),
                        st.sampled_from([5.5, 9.0, 11.0, 11.0]),
                    ),
                    max_size=15,
                ),
                max_size=1,
            ).map(lambda found: found[0] if found else []),
            min_size=1,
            max_size=4,
        )
    )
    def test_any_pages_make_a_document(self, pages: list[list[Piece]]) -> None:
        """Any pages give a document whose problems each name a page of it."""
        read = laid_out_text([(pieces, []) for pieces in pages])
        assert len(read.pages) == len(pages)
        assert read.text.count("\f") == len(pages) - 1
        assert {problem.values["page"] for problem in read.problems} <= set(
            range(1, len(pages) + 1)
        )
        only_ours(lambda: parse_report(read.text, meeting="SOM9"))

    @FUZZ
    @given(
        st.lists(
            st.lists(
                st.sampled_from(
                    [
                        "Recommendation 3",
                        "Recommandation 1",
                        "Recomendación 2",
                        "II.",
                        "B.",
                        "A.",
                        "3.",
                        "12.",
                        "Recommendations",
                        "States",
                        "parties",
                        "should",
                        "act.",
                        "«",
                        ";",
                        "",
                    ]
                )
                | st.text(max_size=12),
                max_size=25,
            ).map(" ".join),
            max_size=8,
        )
    )
    def test_collapsed_lines_cut_without_loss(self, texts: list[str]) -> None:
        """The cut lines hold, in order, exactly the characters of the lines given."""
        lines = [Line(number=number, text=text) for number, text in enumerate(texts, start=1)]
        out = split_collapsed(lines)
        assert "".join("".join(line.text.split()) for line in out) == "".join(
            "".join(text.split()) for text in texts
        )
        assert [line.number for line in out] == sorted(line.number for line in out)

    @FUZZ
    @given(mutated(FLAT_REPORT.encode()))
    def test_collapsed_reports(self, data: bytes) -> None:
        """Damaged one-line reports: a parsed report or a smomtrack error."""
        text = data.decode("utf-8", errors="replace")
        only_ours(lambda: parse_report(text, meeting="SOM9"))


OFFICE_PDF = (DATA / "office" / "rapport-notes.fr.pdf").read_bytes()


class TestDamagedOfficePdf:
    @REPORTS
    @given(mutated(OFFICE_PDF))
    def test_a_damaged_office_pdf(
        self, tmp_path_factory: pytest.TempPathFactory, data: bytes
    ) -> None:
        """A real office-suite PDF with a few bytes damaged: a report or a smomtrack error."""
        path = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
        path.write_bytes(data)
        only_ours(lambda: parse_report(path, meeting="SOM9"))
