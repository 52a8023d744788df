"""The edges of each part: the cases the guides do not walk through, each behaving as said."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from pathlib import Path

import attrs
import pytest
from dateutil.relativedelta import relativedelta

from smomtrack import (
    Catalogue,
    Status,
    Tracker,
    builtin_catalogue,
    matrix,
    parse_agenda,
    parse_report,
    questionnaire,
    report,
    summarize,
    synthetic,
    synthetic_catalogue,
    write_responses,
)
from smomtrack._catalogue.converter import _json_type, _path_first
from smomtrack._interchange.csv_format import read_csv
from smomtrack._interchange.pdf_text import document_text
from smomtrack._presentation.labels import format_date_range, label
from smomtrack._presentation.names import marked
from smomtrack._records.fields import frozen_map
from smomtrack._summaries.groupings import check_grouping
from smomtrack._tracking.intake import Intake
from smomtrack.cli import main
from smomtrack.exceptions import InvalidDataError, StorageError
from smomtrack.records import MeetingFormat, Response
from smomtrack.results import StateGrouping
from smomtrack.vocabulary import group_label, parse_period, recommendation_key, topic_label
from tests.closing import open_tracker

D = dt.date(2023, 12, 31)


class TestReading:
    def test_not_text(self) -> None:
        """A report or agenda that is neither text nor a path is refused, not guessed."""
        with pytest.raises(InvalidDataError, match="expected text, got int"):
            parse_report(5, meeting="SOM9")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="expected text, got int"):
            parse_agenda(5, meeting="SOM9")  # type: ignore[arg-type]

    def test_utf16_that_is_not(self) -> None:
        """A file that begins as UTF-16 but is not is refused, saying so."""
        with pytest.raises(InvalidDataError, match="begins as UTF-16 but is not UTF-16"):
            read_csv(io.BytesIO(b"\xff\xfes\x00\x00\xd8"))

    def test_a_text_document(self, tmp_path: Path) -> None:
        """document_text reads text files as UTF-8 and says what it cannot read."""
        (tmp_path / "r.txt").write_bytes(b"\xff\xfe not utf-8")
        with pytest.raises(InvalidDataError, match="not UTF-8 text"):
            document_text(tmp_path / "r.txt")
        with pytest.raises(StorageError, match="cannot be read"):
            document_text(tmp_path)

    def test_a_pdf_without_text(self, tmp_path: Path) -> None:
        """A PDF with no text (a scan) is refused: there is nothing to read."""
        fpdf = pytest.importorskip("fpdf")
        pdf = fpdf.FPDF()
        pdf.add_page()
        path = tmp_path / "scan.pdf"
        pdf.output(str(path))
        with pytest.raises(InvalidDataError, match="no text"):
            document_text(path)


class TestWriting:
    def test_suffixes(self, tmp_path: Path) -> None:
        """Workbooks are written as .xlsx; questionnaires as .xlsx or .csv; nothing else."""
        with pytest.raises(InvalidDataError, match=r"as \.xlsx only"):
            write_responses([], tmp_path / "out.ods")
        with pytest.raises(InvalidDataError, match="needs its States"):
            questionnaire(tmp_path / "q.xlsx")
        with pytest.raises(InvalidDataError, match=r"\.xlsx \(a workbook\) or \.csv"):
            questionnaire(tmp_path / "q.json", states=["MEX"])
        with pytest.raises(InvalidDataError, match="no recommendation to ask about"):
            questionnaire(tmp_path / "q.csv", meeting="SOM8")
        assert list(tmp_path.iterdir()) == []

    def test_a_csv_questionnaire_carries_the_round(self, tmp_path: Path) -> None:
        """The date of the round fills the date column; the rows still count as unanswered."""
        path = tmp_path / "q.csv"
        assert questionnaire(path, states=["MEX"], as_of="2024-03-01", meeting="SOM7") == 18
        assert '"Mexico","SOM7-1","","2024-03-01"' in path.read_text(encoding="utf-8-sig")
        assert read_csv(path).skipped == 18


class TestStoreDamage:
    @pytest.mark.parametrize(
        ("statement", "message"),
        [
            ("UPDATE meta SET value = 'x' WHERE key = 'format'", "not a smomtrack store"),
            ("UPDATE meta SET value = '[1]' WHERE key = 'states'", "damaged population"),
            ("UPDATE meta SET value = '[\"XKX\"]' WHERE key = 'states'", "which cannot be"),
            ("UPDATE meta SET value = '[\"FRA\"]' WHERE key = 'states'", "codes table does not"),
            ("UPDATE codes SET id = 7 WHERE kind = 'state'", "not numbered 0, 1, 2"),
            ("UPDATE codes SET value = 'done' WHERE kind = 'status' AND id = 0", "status or rep"),
        ],
    )
    def test_damaged_metadata(self, tmp_path: Path, statement: str, message: str) -> None:
        """A store whose metadata was changed by hand is refused, saying what is wrong."""
        path = tmp_path / "s.sqlite"
        open_tracker(path, states=["MEX"]).close()
        with sqlite3.connect(path) as connection:
            connection.execute(statement)
        connection.close()
        with pytest.raises(InvalidDataError, match=message):
            open_tracker(path)

    @pytest.mark.parametrize("details", ["[1]", '{"measures": 5}', '{"colour": "red"}'])
    def test_damaged_details(self, tmp_path: Path, details: str) -> None:
        """A record whose free texts are not what smomtrack writes is refused."""
        path = tmp_path / "s.sqlite"
        with open_tracker(path, states=["MEX"]) as tracker:
            tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        with sqlite3.connect(path) as connection:
            columns = [row[1] for row in connection.execute("PRAGMA table_info(responses)")]
            row = list(connection.execute("SELECT * FROM responses").fetchone())
            row[columns.index("id")] = 2
            row[columns.index("as_of")] += 1
            row[columns.index("details")] = details
            marks = ", ".join("?" * len(row))
            connection.execute(f"INSERT INTO responses VALUES ({marks})", row)  # noqa: S608
        connection.close()
        with pytest.raises(InvalidDataError, match="details"):
            open_tracker(path)


class TestReports:
    def test_pairs_not_yet_expected(self) -> None:
        """A State expected only later has blank cells in the matrix, in every format."""
        tracker = Tracker(builtin_catalogue(), {"MEX": None, "FRA": "2023-01-01"})
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        grid = matrix(tracker, as_of="2022-06-30")
        assert "<td></td>" in grid.render("html")
        page = report(tracker, format="html", as_of="2022-06-30")
        assert "Not expected" in page  # the heat map's hatched cells, in its legend
        assert "|  " in report(tracker, format="markdown", as_of="2022-06-30")  # blank cells
        assert report(tracker, format="docx", as_of="2022-06-30")[:2] == b"PK"

    def test_a_long_matrix_is_cut_with_a_count(self) -> None:
        """Shown in a notebook, a long matrix gives its first rows, then how many more."""
        grid = matrix(synthetic(states=50, seed=1), as_of=D)
        html = grid._repr_html_()
        assert "10 more rows" in html

    def test_charts_on_given_axes(self) -> None:
        """A chart drawn on axes one made is drawn there."""
        plt = pytest.importorskip("matplotlib.pyplot")
        tracker = synthetic(states=5, seed=1)
        _, ax = plt.subplots()
        assert summarize(tracker, "theme", as_of=D).plot(ax=ax) is ax
        _, other = plt.subplots()
        assert matrix(tracker, as_of=D).plot(ax=other) is other
        plt.close("all")

    def test_as_known_at_a_moment(self) -> None:
        """A report as known at a moment gives that moment's day."""
        tracker = synthetic(states=3, seed=1)
        text = report(tracker, as_of=D, known_at=dt.datetime(2024, 1, 2, 12, tzinfo=dt.UTC))
        assert "recorded by 2 January 2024" in text

    def test_a_meeting_with_no_dates(self) -> None:
        """A meeting known only by its key is named without a venue or dates."""
        catalogue = synthetic_catalogue(3)
        bare = Catalogue(
            meetings=[
                attrs.evolve(m, venue=None, start=None, end=None) for m in catalogue.meetings()
            ],
            themes=catalogue.themes(),
            recommendations=list(catalogue),
        )
        tracker = Tracker(bare, ["MEX"])
        assert "meeting" in report(tracker, as_of=D)

    def test_disagreements_listed_and_cut(self) -> None:
        """Disagreements give their records, count, and are cut to the limit in a report."""
        tracker = Tracker(builtin_catalogue(), ["MEX", "FRA"])
        for state in ("MEX", "FRA"):
            tracker.record(state, "SOM7-1", "implemented", as_of="2022-01-01")
            tracker.record(state, "SOM7-1", "planned", as_of="2022-02-01", reporter="secretariat")
        from smomtrack import disagreements  # noqa: PLC0415

        found = disagreements(tracker, as_of=D)
        assert len(found) == 2
        assert found.to_records()[0]["other_status"] == "planned"
        assert "Only the first item of each list is shown." in report(tracker, as_of=D, limit=1)


class TestVocabulary:
    def test_words_and_labels(self) -> None:
        """Labels, spans of dates, shortened titles and unknown keys, as people read them."""
        assert label(None, "fr") == "—"
        assert MeetingFormat.HYBRID.label("es") == "híbrida"
        assert format_date_range(D, D, "en") == "31 December 2023"
        assert (
            format_date_range(dt.date(2023, 11, 30), D, "fr")
            == "30 novembre 2023 – 31 décembre 2023"
        )
        assert group_label("my-group") == "my-group"
        assert topic_label("not-a-tag", "fr") == "not-a-tag"
        assert recommendation_key(7) is None or recommendation_key(7) == "7"

    def test_periods_too_long(self) -> None:
        """A period of more days than a calendar holds is refused."""
        with pytest.raises(InvalidDataError, match="too long a period"):
            parse_period("9" * 30 + " days")
        assert parse_period("18 mois") == relativedelta(months=18)

    def test_groupings(self) -> None:
        """A user's grouping is taken as it is; a State in two groups is refused."""
        grouping = StateGrouping.of({"MEX": "a"})
        assert check_grouping(grouping) is grouping
        with pytest.raises(InvalidDataError, match="two groups"):
            StateGrouping.of({"MEX": "a", "Mexique": "b"})

    def test_the_converter_speaks_json(self) -> None:
        """Messages say JSON's names of types, and keep a message that has no path."""
        assert _json_type(True) == "a boolean"  # noqa: FBT003
        assert _path_first("plain message") == "plain message"

    def test_frozen_maps_compare_with_mappings_only(self) -> None:
        """A frozen map equals a mapping with the same items, and nothing else."""
        assert frozen_map({"a": 1}) == {"a": 1}
        assert frozen_map({"a": 1}) != [("a", 1)]

    def test_text_problems_name_the_field(self) -> None:
        """A response's texts are checked, naming the field and the item."""
        with pytest.raises(InvalidDataError, match="measures"):
            Response(
                state="MEX",
                recommendation="SOM7-1",
                status=Status.PLANNED,
                as_of=D,
                measures="a\x00b",
            )
        with pytest.raises(InvalidDataError, match=r"evidence\[0\]: expected text"):
            Response(
                state="MEX",
                recommendation="SOM7-1",
                status=Status.PLANNED,
                as_of=D,
                evidence=(5,),  # type: ignore[arg-type]
            )
        with pytest.raises(InvalidDataError, match="evidence"):
            Response(
                state="MEX",
                recommendation="SOM7-1",
                status=Status.PLANNED,
                as_of=D,
                evidence=(" a",),
            )

    def test_marked_texts(self) -> None:
        """No text is nothing at all (a cell left empty)."""
        assert marked(None, "fr") == ""


class TestIntakeEdges:
    def test_columns_of_another_order(self) -> None:
        """An intake into columns coded in another order is refused (it would mix codes up)."""
        tracker = Tracker(builtin_catalogue(), ["MEX", "FRA"])
        other = Tracker(builtin_catalogue(), ["MEX"])
        with pytest.raises(InvalidDataError, match="not coded in this order"):
            Intake(builtin_catalogue(), ["MEX", "FRA"], into=other.log)
        assert Intake(builtin_catalogue(), ["FRA", "MEX"], into=tracker.log).remembered() == 0

    def test_bad_columns(self) -> None:
        """Unknown fields and columns of the wrong length are refused before anything is read."""
        intake = Intake(builtin_catalogue(), ["MEX"])
        with pytest.raises(InvalidDataError, match="unknown field"):
            intake.read({"colour": ["red"]}, 1)
        with pytest.raises(InvalidDataError, match="2 values for 1 rows"):
            intake.read({"state": ["MEX"], "recommendation": ["SOM7-1", "SOM7-2"]}, 1)

    def test_recorded_at_and_details(self) -> None:
        """Recording times and free texts from documents are checked as they are read."""
        intake = Intake(builtin_catalogue(), ["MEX"])
        row = {
            "state": "MEX",
            "recommendation": "SOM7-1",
            "status": "planned",
            "as_of": "2021-10-14",
        }
        for value, message in (
            ("yesterday", "not an ISO date-time"),
            ("2021-10-14T10:00:00", "aware date-time"),
        ):
            _, _, errors = intake.read(
                {**{k: [v] for k, v in row.items()}, "recorded_at": [value]}, 1
            )
            assert message in errors[0].message
        with pytest.raises(InvalidDataError, match="details: expected an object"):
            intake.value("details", [1])

    def test_record_needs_a_date(self) -> None:
        """record() without as_of says the date is missing; States are read by any name."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        with pytest.raises(InvalidDataError, match="as_of is empty"):
            tracker.record("MEX", "SOM7-1", "planned")  # type: ignore[call-arg]
        assert tracker.status("Mexique", "SOM7-1") is Status.NO_INFORMATION

    def test_synthetic_needs_recommendations(self) -> None:
        """A synthetic catalogue of no recommendation is refused."""
        with pytest.raises(InvalidDataError, match="at least 1"):
            synthetic_catalogue(0)


class TestCommandLine:
    def test_catalogue_file_that_is_a_tracker(self, tmp_path: Path) -> None:
        """--catalogue given a tracker file, or a file that cannot be read, says so."""
        tracker_file = tmp_path / "t.json"
        from smomtrack import save  # noqa: PLC0415

        save(Tracker(builtin_catalogue(), ["MEX"]), tracker_file)
        rows = tmp_path / "rows.csv"
        rows.write_text("state,recommendation,status,as_of\nMEX,SOM7-1,planned,2021-10-14\n")
        for catalogue in (tracker_file, tmp_path):
            assert (
                main(["validate", str(rows), "--catalogue", str(catalogue)], out=io.StringIO()) == 2
            )

    def test_template_xlsx_needs_states(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A workbook questionnaire without --states is refused before anything is written."""
        assert main(["template", "-o", str(tmp_path / "q.xlsx")], out=io.StringIO()) == 2
        assert "needs its States" in capsys.readouterr().err
        assert not (tmp_path / "q.xlsx").exists()
