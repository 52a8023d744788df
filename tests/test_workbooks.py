"""Workbooks in and out (issue 11): files saved by LibreOffice Calc, questionnaires, the CLI."""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import Reporter, Status, Tracker, builtin_catalogue, save, synthetic
from smomtrack._interchange.csv_format import read_csv
from smomtrack._interchange.spreadsheets import import_responses, questionnaire, read_responses
from smomtrack._interchange.workbooks import read_workbook
from smomtrack._interchange.xlsx_writer import write_xlsx
from smomtrack.cli import main
from smomtrack.exceptions import (
    InvalidDataError,
    InvalidStatusError,
    MissingExtraError,
    SmomtrackError,
    StorageError,
    UnknownRecommendationError,
    UnknownStateError,
)
from tests.closing import load, open_tracker

DATA = Path(__file__).parent / "data" / "workbooks"
MEXICO = [DATA / "reponses-mexique.xlsx", DATA / "reponses-mexique.ods"]
ROUND = dt.date(2023, 6, 30)


class TestSavedByCalc:
    @pytest.mark.parametrize("path", MEXICO, ids=lambda p: p.suffix)
    def test_what_the_spreadsheet_shows(self, path: Path) -> None:
        """Second sheet found, header below a title block, merged and multi-line cells, dates."""
        result = read_workbook(path)
        assert list(result.lines) == [5, 6, 8]
        first, second, fourth = result.responses
        assert (first.state, first.recommendation, first.status) == (
            "MEX",
            "SOM7-1",
            Status.IN_PROGRESS,
        )
        assert (first.as_of, first.due) == (ROUND, dt.date(2024, 6, 30))  # real date cells
        assert (
            first.measures == "Centres d'accueil à la frontière sud ;\nprotocole sanitaire commun"
        )
        assert second.state == "MEX"  # the merged cell A5:A7 reads as the sheet shows it
        assert (second.recommendation, second.status) == ("SOM7-3", Status.IMPLEMENTED)
        assert fourth.measures == "=SOMME(F2:F3)"  # the text of a formula, read as text…
        (warning,) = result.warnings  # …with a warning naming sheet, row and column
        assert str(warning).startswith("sheet 'Réponses', row 8, column 'Mesures':")

    @pytest.mark.parametrize("path", MEXICO, ids=lambda p: p.suffix)
    def test_formulas_and_totals_are_refused_with_their_reason(self, path: Path) -> None:
        """A formula's result is no answer; a total row is no response; both say so."""
        formula, total = read_workbook(path).errors
        assert (formula.sheet, formula.line) == ("Réponses", 7)
        assert "holds a formula; its result “Campagne 2022”" in formula.message
        assert (total.line, total.message) == (9, "a total row, not a response")
        assert str(total) == "sheet 'Réponses', row 9: a total row, not a response"

    def test_xls_reads_values_and_says_formulas_are_not_checked(self) -> None:
        """Excel 97 files: the values, and a warning that formulas cannot be told apart."""
        result = read_workbook(DATA / "reponses-mexique.xls")
        assert list(result.lines) == [5, 6, 7, 8]  # row 7's formula could not be told apart…
        assert "does not say which cells hold formulas" in str(result.warnings[0])  # …so it says
        assert result.responses[0].due == dt.date(2024, 6, 30)

    def test_excel_unicode_text(self) -> None:
        """Excel's "Unicode text" (UTF-16, tabs) reads as a table; merged cells came out empty."""
        path = DATA / "reponses-mexique-unicode.txt"
        assert path.read_bytes()[:2] == b"\xff\xfe"
        result = read_responses(path)
        assert list(result.lines) == [5, 8]
        assert result.responses[0].as_of == ROUND  # "30/06/2023", day first
        assert [(e.line, e.column) for e in result.errors] == [(6, "État"), (7, "État"), (9, "")]

    def test_sheet_by_name_or_number(self) -> None:
        """A sheet is chosen by name (any case) or by its number as the tabs show it."""
        path = MEXICO[0]
        assert len(read_workbook(path, sheet="réponses").batch) == 3
        assert len(read_workbook(path, sheet=2).batch) == 3
        with pytest.raises(InvalidDataError, match="missing the column"):
            read_workbook(path, sheet="Notes")
        with pytest.raises(InvalidDataError, match="no sheet 'Answers' \\(sheets: 'Notes', "):
            read_workbook(path, sheet="Answers")
        with pytest.raises(InvalidDataError, match="no sheet number 3"):
            read_workbook(path, sheet=3)
        with pytest.raises(InvalidDataError, match="has no sheets"):
            read_responses(DATA / "reponses-mexique-unicode.txt", sheet=1)

    def test_merged_cells_are_filled(self) -> None:
        """A State written once in merged cells holds for every row it spans; dates are read."""
        result = read_workbook(DATA / "reponses-mexique.ods")
        assert [(r.state, r.as_of) for r in result.responses] == [("MEX", dt.date(2023, 6, 30))] * 3


class TestQuestionnaire:
    @pytest.mark.parametrize(
        ("lang", "status", "sheet"),
        [("en", "In progress", "Responses"), ("fr", "En cours", "Réponses"),
         ("es", "En curso", "Respuestas")],
    )  # fmt: skip
    def test_filled_in_elsewhere_and_read_back(
        self, tmp_path: Path, lang: str, status: str, sheet: str
    ) -> None:
        """Written by XlsxWriter, filled in with openpyxl, read by calamine: what was entered."""
        path = tmp_path / "q.xlsx"
        count = questionnaire(path, states=["Mexique", "EU"], lang=lang, as_of=ROUND)
        assert count == 36
        book = openpyxl.load_workbook(path)
        assert book.sheetnames[1] == sheet
        answers = book[sheet]
        header = [cell.value for cell in answers[1]]
        validation = answers.data_validations.dataValidation[0]
        assert status in validation.formula1  # the drop-down holds the labels of the language
        assert answers.protection.sheet
        assert answers["A2"].protection.locked  # the State and the texts are protected…
        assert not answers["F2"].protection.locked  # …the answers are not
        answers.cell(2, header.index(header[5]) + 1).value = status
        answers.cell(2, 9).value = "Plan national adopté"
        answers.cell(3, 6).value = status
        answers.cell(3, 8).value = dt.datetime(2025, 1, 31)  # noqa: DTZ001 (a spreadsheet's date)
        book.save(tmp_path / "filled.xlsx")
        result = read_workbook(tmp_path / "filled.xlsx")
        assert (result.errors, result.skipped) == ((), 34)
        first, second = result.responses
        expected_state = "EUU" if lang == "en" else "MEX"  # rows follow the names in *lang*
        assert (first.state, first.recommendation, first.status) == (
            expected_state,
            "SOM7-1",
            Status.IN_PROGRESS,
        )
        assert (first.as_of, first.measures) == (ROUND, "Plan national adopté")
        assert (second.recommendation, second.due) == ("SOM7-2", dt.date(2025, 1, 31))

    def test_filled_in_and_saved_by_calc(self) -> None:
        """The questionnaire filled in and saved again by LibreOffice reads back as entered."""
        result = read_workbook(DATA / "questionnaire-fr-rempli.xlsx")
        assert (result.errors, result.skipped, result.ignored_columns) == ((), 32, ())
        answers = {(r.state, r.recommendation): r for r in result.responses}
        assert set(answers) == {
            ("MAR", "SOM7-1"),
            ("MAR", "SOM7-4"),
            ("MEX", "SOM7-8"),
            ("MEX", "SOM7-18"),
        }
        assert answers["MAR", "SOM7-4"].measures == (
            "Campagne nationale de sensibilisation\n(radio, réseaux sociaux)"
        )
        assert answers["MAR", "SOM7-4"].evidence == ("https://example.org/campagne",)
        assert answers["MEX", "SOM7-8"].due == dt.date(2025, 6, 30)
        assert {r.as_of for r in result.responses} == {dt.date(2024, 6, 30)}

    def test_official_texts_and_their_language(self, tmp_path: Path) -> None:
        """Each row carries the official text verbatim and says its language."""
        path = tmp_path / "q.xlsx"
        questionnaire(path, states=["DEU"], lang="en", meeting="SOM7")
        sheet = openpyxl.load_workbook(path)["Responses"]
        text = builtin_catalogue().recommendation("SOM7-1").text("en")
        assert sheet["D2"].value == text.value
        assert sheet["E2"].value == text.lang

    def test_refusals(self, tmp_path: Path) -> None:
        """A territory, an unknown language, no recommendation: clear errors."""
        with pytest.raises(UnknownStateError, match="territory"):
            questionnaire(tmp_path / "q.xlsx", states=["Bermuda"])
        with pytest.raises(InvalidDataError):
            questionnaire(tmp_path / "q.xlsx", states=["MEX"], lang="de")
        with pytest.raises(InvalidDataError, match="no recommendation"):
            questionnaire(tmp_path / "q.xlsx", states=["MEX"], meeting="SOM8")
        assert not (tmp_path / "q.xlsx").exists()


class TestWriteXlsx:
    def test_round_trip(self, tmp_path: Path) -> None:
        """A tracker written as .xlsx reads back to the same responses."""
        tracker = synthetic(states=6, seed=2)
        path = tmp_path / "r.xlsx"
        assert write_xlsx(tracker, path, lang="es") == len(tracker.responses())
        read = read_workbook(path)
        assert not read.errors

        def key(r: Any) -> tuple[str, str, dt.date]:
            return (r.state, r.recommendation, r.as_of)

        mine = sorted(tracker.responses(), key=key)
        theirs = sorted(read.responses, key=key)
        assert all(a.same_content(b) for a, b in zip(mine, theirs, strict=True))
        sheet = openpyxl.load_workbook(path)["Respuestas"]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref
        assert isinstance(sheet["D2"].value, dt.datetime)  # a real date cell

    def test_a_formula_is_written_as_text(self, tmp_path: Path) -> None:
        """Text beginning with '=' stays text: never run as a formula."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of=ROUND, measures="=HYPERLINK(1)")
        write_xlsx(tracker, tmp_path / "r.xlsx")
        cell = openpyxl.load_workbook(tmp_path / "r.xlsx").active["F2"]
        assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


class TestHelpingPeopleFixTheirFile:
    def test_did_you_mean(self) -> None:
        """Misspelt statuses, States and keys get the nearest accepted words."""
        with pytest.raises(InvalidStatusError, match="did you mean 'En cours'"):
            Status.parse("En cour")
        assert Status.parse("Non commencée") is Status.NOT_STARTED
        with pytest.raises(UnknownStateError, match="did you mean 'Mexico \\(MEX\\)'"):
            Tracker(builtin_catalogue(), ["Mexiko"])
        for key in ("Rec. 3", "3", "Recommandation 3"):
            with pytest.raises(UnknownRecommendationError, match="did you mean 'SOM7-3'"):
                builtin_catalogue().recommendation(key)

    @pytest.mark.parametrize(
        "key", ["8", "Rec. 8", "R8", "Recommandation 8", "Recomendación 8", "rec 8"]
    )
    def test_a_default_meeting(self, tmp_path: Path, key: str) -> None:
        """With the file's meeting, a recommendation written by its number alone resolves."""
        path = tmp_path / "r.csv"
        path.write_text(f"state,recommendation,status,as_of\nMEX,{key},planned,2023-01-01\n")
        assert [r.recommendation for r in read_csv(path, meeting="SOM7").responses] == ["SOM7-8"]
        (error,) = read_csv(path).errors
        assert "did you mean 'SOM7-8'" in error.message

    def test_a_number_cell_as_recommendation(self, tmp_path: Path) -> None:
        """A workbook's number 8 is the meeting's 8th recommendation."""
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["State", "Recommendation", "Status", "As of"])
        sheet.append(["Mexico", 8, "Planned", dt.datetime(2023, 1, 1)])  # noqa: DTZ001
        book.save(tmp_path / "r.xlsx")
        read = read_workbook(tmp_path / "r.xlsx", meeting="SOM7")
        assert [r.recommendation for r in read.responses] == ["SOM7-8"]

    def test_a_total_row_in_a_csv(self, tmp_path: Path) -> None:
        """A total row is refused with that reason, not counted as blank."""
        path = tmp_path / "r.csv"
        path.write_text(
            "state,recommendation,status,as_of\nMEX,SOM7-1,planned,2023-01-01\nTotal,,,\n"
        )
        read = read_csv(path)
        assert read.skipped == 0
        assert [(e.line, e.message) for e in read.errors] == [(3, "a total row, not a response")]

    def test_rows_as_the_spreadsheet_shows_them(self, tmp_path: Path) -> None:
        """A cell holding line breaks does not push the rows below it down."""
        path = tmp_path / "r.csv"
        path.write_text(
            'state,recommendation,status,as_of,measures\nMEX,SOM7-1,planned,2023-01-01,"a\nb\nc"\n'
            "Atlantis,SOM7-2,planned,2023-01-01,\n"
        )
        (error,) = read_csv(path).errors
        assert error.line == 3


class TestCorrections:
    def test_a_correction_column_and_the_option(self, tmp_path: Path) -> None:
        """A "correction" column (oui/non) or corrections=True replace what is recorded."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of=ROUND)
        tracker.record("MEX", "SOM7-2", "planned", as_of=ROUND)
        path = tmp_path / "c.csv"
        path.write_text(
            "État;Recommandation;Statut;Date;Correction\n"
            "Mexique;SOM7-1;Mise en œuvre;30/06/2023;oui\n",
            encoding="utf-8",
        )
        result = import_responses(tracker, path)
        assert not result.errors
        assert tracker.status("MEX", "SOM7-1") is Status.IMPLEMENTED
        again = tmp_path / "d.csv"
        again.write_text("state,recommendation,status,as_of\nMEX,SOM7-2,in progress,2023-06-30\n")
        import_responses(tracker, again, corrections=True)
        assert tracker.status("MEX", "SOM7-2") is Status.IN_PROGRESS
        assert len(tracker.history("MEX", "SOM7-2")) == 2

    def test_a_bad_correction_cell(self, tmp_path: Path) -> None:
        """A correction cell that is not yes or no is refused."""
        path = tmp_path / "c.csv"
        path.write_text(
            "state,recommendation,status,as_of,correction\nMEX,SOM7-1,planned,2023-01-01,maybe\n"
        )
        (error,) = read_csv(path).errors
        assert "expected yes or no" in error.message


class TestProgress:
    def test_a_callback_sees_the_rows_read(self, tmp_path: Path) -> None:
        """Readers call progress(rows_read, rows_in_all) as they go."""
        seen: list[tuple[int, int | None]] = []
        path = tmp_path / "r.xlsx"
        write_xlsx(synthetic(states=20), path)
        read_workbook(path, progress=lambda rows, total: seen.append((rows, total)))
        assert seen
        assert seen[-1][0] == seen[-1][1]
        csv_seen: list[int] = []
        read_csv(
            DATA.parent / "reponses-excel-fr-cp1252.csv", progress=lambda r, _: csv_seen.append(r)
        )
        assert csv_seen == [10]


class TestMissingExtra:
    def test_a_clear_error_names_the_extra(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Without python-calamine or XlsxWriter, the error says which extra to install."""
        monkeypatch.setitem(sys.modules, "python_calamine", None)  # not installed
        monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # not installed
        with pytest.raises(MissingExtraError, match=r"pip install 'smomtrack\[spreadsheets\]'"):
            read_workbook(MEXICO[0])
        with pytest.raises(MissingExtraError, match="spreadsheets"):
            questionnaire(tmp_path / "q.xlsx", states=["MEX"])


class TestFuzz:
    @settings(max_examples=int(os.environ.get("SMOMTRACK_FUZZ_EXAMPLES", "40")), deadline=None)
    @given(st.binary(max_size=2000))
    def test_any_bytes_are_read_or_refused_cleanly(self, data: bytes) -> None:
        """Any file named .xlsx or .ods gives a result or an error of smomtrack's own."""
        for suffix in (".xlsx", ".ods"):
            path = Path(tempfile.gettempdir()) / f"smomtrack-fuzz{os.getpid()}{suffix}"
            path.write_bytes(data)
            try:
                read_workbook(path)
            except SmomtrackError:
                pass
            finally:
                path.unlink()

    @settings(max_examples=int(os.environ.get("SMOMTRACK_FUZZ_EXAMPLES", "25")), deadline=None)
    @given(
        st.lists(
            st.lists(
                st.none()
                | st.text(max_size=12)
                | st.integers(-10, 10**6)
                | st.floats(allow_nan=False, allow_infinity=False)
                | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1)),
                min_size=4,
                max_size=6,
            ),
            max_size=6,
        )
    )
    def test_any_cells_are_read_or_refused_cleanly(self, rows: list[list[Any]]) -> None:
        """Any cells under a valid header give rows or row errors, never anything else."""
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["State", "Recommendation", "Status", "As of"])
        for row in rows:
            sheet.append([_cell(value) for value in row])
        buffer = io.BytesIO()
        book.save(buffer)
        path = Path(tempfile.gettempdir()) / f"smomtrack-cells{os.getpid()}.xlsx"
        path.write_bytes(buffer.getvalue())
        try:
            result = read_workbook(path)
        finally:
            path.unlink()
        assert len(result.batch) + len(result.errors) + result.skipped <= len(rows)


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(c for c in value if c.isprintable()) or None
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return value


class TestCommandLine:
    def test_import_validate_summary_follow_up(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command line reads workbooks like CSV files, and lists what to follow up."""
        store = tmp_path / "t.sqlite"
        status = main(["import", str(MEXICO[1]), "--into", str(store), "--states", "from-file"])
        assert status == 1  # two rows refused, the rest recorded
        captured = capsys.readouterr()
        assert "3 recorded, 0 already there, 2 refused" in captured.out
        assert "sheet “Réponses”, row 9: a total row" in captured.err
        assert main(["validate", str(MEXICO[0]), "--sheet", "Réponses"]) == 1
        assert "warning: sheet “Réponses”, row 8" in capsys.readouterr().out
        assert main(["summary", str(store), "--by", "state", "--format", "plain"]) == 0
        assert "Mexico" in capsys.readouterr().out
        assert main(["follow-up", str(store), "--as-of", "2025-12-31", "--lang", "fr"]) == 0
        assert "Sans mise à jour" in capsys.readouterr().out

    def test_template_and_export_by_suffix(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """template and export write .xlsx by suffix."""
        assert main(["template", "-o", str(tmp_path / "q.xlsx"), "--states", "MEX,MAR",
                     "--lang", "es", "--as-of", "2024-06-30"]) == 0  # fmt: skip
        assert "36 filas para rellenar" in capsys.readouterr().out
        assert openpyxl.load_workbook(tmp_path / "q.xlsx").sheetnames == [
            "Instrucciones",
            "Respuestas",
        ]
        tracker = synthetic(states=3)
        save(tracker, tmp_path / "t.json")
        assert main(["export", str(tmp_path / "t.json"), "-o", str(tmp_path / "r.xlsx")]) == 0
        assert len(read_workbook(tmp_path / "r.xlsx").batch) == len(tracker.responses())

    def test_meeting_and_corrections_options(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--meeting reads bare numbers; --corrections replaces what is recorded."""
        sheet = tmp_path / "r.csv"
        sheet.write_text("state,recommendation,status,as_of\nMEX,Rec. 8,planned,2023-01-01\n")
        store = tmp_path / "t.sqlite"
        args = ["import", str(sheet), "--into", str(store), "--meeting", "SOM7"]
        assert main([*args, "--states", "MEX"]) == 0
        sheet.write_text("state,recommendation,status,as_of\nMEX,8,implemented,2023-01-01\n")
        assert main(args) == 1  # a conflict: --corrections is the way
        assert "already recorded as “Planned”, not “Implemented”" in capsys.readouterr().err
        assert main([*args, "--corrections"]) == 0
        assert load(store).status("MEX", "SOM7-8") is Status.IMPLEMENTED

    def test_states_on_an_existing_store_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--states on an existing store is an error, not silently ignored."""
        store = tmp_path / "t.sqlite"
        open_tracker(store, states=["MEX"]).close()
        status = main(["import", str(MEXICO[0]), "--into", str(store), "--states", "DEU"])
        assert status == 2
        assert "--states is for a new tracker file" in capsys.readouterr().err
        assert len(load(store)) == 0

    @pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes anywhere")
    def test_an_unwritable_target_is_refused_before_reading(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """import --into a folder it cannot write fails before reading the file."""
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(stat.S_IREAD | stat.S_IEXEC)
        try:
            status = main(["import", str(tmp_path / "missing.xlsx"), "--into",
                           str(folder / "t.sqlite"), "--states", "MEX"])  # fmt: skip
        finally:
            folder.chmod(stat.S_IRWXU)
        assert status == 2
        assert "cannot be written; nothing was read" in capsys.readouterr().err

    def test_a_missing_folder_is_refused_before_reading(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A target in a folder that does not exist: refused before the file is read."""
        status = main(["import", str(tmp_path / "missing.xlsx"), "--into",
                       str(tmp_path / "no" / "t.sqlite"), "--states", "MEX"])  # fmt: skip
        assert status == 2
        err = capsys.readouterr().err
        assert "folder does not exist; nothing was read or written" in err
        assert "missing.xlsx" not in err

    def test_a_folder_as_target(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A folder named like a tracker file is refused."""
        (tmp_path / "t.sqlite").mkdir()
        status = main(["import", str(MEXICO[0]), "--into", str(tmp_path / "t.sqlite"),
                       "--states", "MEX"])  # fmt: skip
        assert status == 2
        assert "is a folder" in capsys.readouterr().err

    def test_a_wrong_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that is not a workbook gets one clear line, no traceback."""
        fake = tmp_path / "r.xlsx"
        fake.write_text("not a workbook")
        assert main(["validate", str(fake)]) == 2
        err = capsys.readouterr().err
        assert "not a readable workbook" in err
        assert "Traceback" not in err


def test_storage_error_for_a_missing_workbook(tmp_path: Path) -> None:
    """A workbook that does not exist is a StorageError naming it."""
    with pytest.raises((StorageError, InvalidDataError), match=r"missing\.xlsx"):
        read_workbook(tmp_path / "missing.xlsx")


def test_reporters_are_read_from_workbooks(tmp_path: Path) -> None:
    """Labels of reporters in any language come back from a workbook."""
    tracker = Tracker(builtin_catalogue(), ["MEX"])
    tracker.record("MEX", "SOM7-1", "planned", as_of=ROUND, reporter="Société civile")
    write_xlsx(tracker, tmp_path / "r.xlsx", lang="fr")
    assert read_workbook(tmp_path / "r.xlsx").responses[0].reporter is Reporter.CIVIL_SOCIETY


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_and_quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal, reading shows rows read on standard error; --quiet silences it."""
    path = tmp_path / "r.xlsx"
    write_xlsx(synthetic(states=40), path)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["validate", str(path)], out=io.StringIO()) == 0
    assert "rows read…" in terminal.getvalue()
    assert terminal.getvalue().endswith("\n")
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["validate", str(path), "--quiet"], out=io.StringIO()) == 0
    assert quiet.getvalue() == ""
