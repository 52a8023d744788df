"""A questionnaire a ministry can print and fill in: what the workbook says and how it prints."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from smomtrack import SmomtrackError, questionnaire, synthetic, write_responses
from smomtrack._interchange.xlsx_writer import _INSTRUCTIONS_WIDTH, _fitted
from smomtrack.exceptions import InvalidDataError

DEFINITIONS = {
    "fr": ("Ce que signifie chaque statut", "Prévue\u00a0: des mesures sont décidées"),
    "es": ("Qué significa cada estado", "Prevista: se han decidido o programado medidas"),
    "en": ("What each status means", "Planned: measures are decided or scheduled"),
}


def _write(tmp_path: Path, lang: str, **options: object) -> openpyxl.Workbook:
    path = tmp_path / f"q-{lang}.xlsx"
    questionnaire(
        path,
        states=["Maroc"],
        lang=lang,
        meeting="SOM7",
        as_of="2024-06-30",
        **options,  # type: ignore[arg-type]
    )
    return openpyxl.load_workbook(path)


class TestInstructions:
    @pytest.mark.parametrize("lang", ["fr", "es", "en"])
    def test_says_what_each_status_means(self, tmp_path: Path, lang: str) -> None:
        """The six statuses are defined in the questionnaire's language."""
        sheet = _write(tmp_path, lang).worksheets[0]
        texts = [row[0].value for row in sheet.iter_rows() if row[0].value]
        heading, planned = DEFINITIONS[lang]
        assert heading in texts
        assert any(text.startswith(planned) for text in texts)
        assert len(texts[texts.index(heading) + 1 :]) == 6

    def test_deadline_and_contact(self, tmp_path: Path) -> None:
        """The deadline (any written date) and the return address are said, in the language."""
        sheet = _write(
            tmp_path, "fr", deadline="31 mars 2025", contact="Secrétariat — a@example.org"
        ).worksheets[0]
        texts = [row[0].value for row in sheet.iter_rows() if row[0].value]
        assert "Veuillez renvoyer le questionnaire rempli au plus tard le 31 mars 2025." in texts
        assert "Envoyez-le à\u00a0: Secrétariat — a@example.org" in texts
        plain = [row[0].value for row in _write(tmp_path, "en").worksheets[0].iter_rows()]
        assert not any("return" in (text or "") for text in plain)  # nothing when not given

    def test_prints_on_one_a4_page_in_portrait(self, tmp_path: Path) -> None:
        """Within the page's width, every row as high as its wrapped lines, a print area."""
        sheet = _write(tmp_path, "fr", deadline="2025-03-31", contact="x@example.org").worksheets[0]
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.orientation == "portrait"
        assert sheet.print_area is not None
        assert sheet.column_dimensions["A"].width <= 90  # 16.4 cm of Arial 10: within 17.4 cm
        for row in sheet.iter_rows():
            cell = row[0]
            if cell.value:
                assert cell.alignment.wrap_text
                height = sheet.row_dimensions[cell.row].height
                lines = -(-len(cell.value) // 110)  # a line holds fewer than 110 characters
                assert height is not None
                assert height >= lines * 12, (cell.value, height)
        assert sheet.column_dimensions["A"].width == pytest.approx(_INSTRUCTIONS_WIDTH, abs=1)

    def test_refusals(self, tmp_path: Path) -> None:
        """A deadline that is not a date, a contact that is not text, options a CSV cannot carry."""
        with pytest.raises(InvalidDataError, match="not a date"):
            questionnaire(tmp_path / "q.xlsx", states=["MAR"], deadline="bientôt")
        with pytest.raises(InvalidDataError, match="contact"):
            questionnaire(tmp_path / "q.xlsx", states=["MAR"], contact="a\x00b")
        with pytest.raises(SmomtrackError) as error:
            questionnaire(tmp_path / "q.csv", deadline="2025-03-31")
        assert "pas de feuille d’instructions" in error.value.describe("fr")
        assert not list(tmp_path.iterdir())


class TestResponsesSheet:
    @pytest.mark.parametrize(
        ("lang", "shown"), [("fr", "dd/mm/yyyy"), ("es", "dd/mm/yyyy"), ("en", "d mmm yyyy")]
    )
    def test_dates_as_the_language_writes_them(self, tmp_path: Path, lang: str, shown: str) -> None:
        """The date cells stay dates, shown day first (in figures in French and Spanish)."""
        sheet = _write(tmp_path, lang).worksheets[1]
        cell = sheet["G2"]
        assert cell.value == dt.datetime(2024, 6, 30)  # noqa: DTZ001 (a spreadsheet's date)
        assert cell.number_format == shown

    @pytest.mark.parametrize("lang", ["fr", "es", "en"])
    def test_no_header_wraps_inside_a_word(self, tmp_path: Path, lang: str) -> None:
        """Each column is wide enough for the longest word of its header (in bold)."""
        sheet = _write(tmp_path, lang).worksheets[1]
        for cell in sheet[1]:
            width = sheet.column_dimensions[cell.column_letter].width
            longest = max(len(part) for part in cell.value.split())
            assert width >= longest * 1.2, (cell.value, width)
        assert _fitted("Recommandation", 14) > 14

    def test_prints_two_pages_wide_with_the_keys_on_each(self, tmp_path: Path) -> None:
        """The question, then its answer: two landscape pages, the State and key repeated."""
        sheet = _write(tmp_path, "fr").worksheets[1]
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 2
        assert sheet.print_title_cols == "$A:$B"
        assert sheet.print_title_rows == "$1:$1"
        assert sheet["F2"].border.left.style == "thin"  # a box to write in


class TestExportInTheLanguage:
    @pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
    def test_names_and_labels_or_codes(self, tmp_path: Path, suffix: str) -> None:
        """An export writes State names and status labels of its language; codes on request."""
        tracker = synthetic(states=3, seed=1)
        named, coded = tmp_path / f"n{suffix}", tmp_path / f"c{suffix}"
        write_responses(tracker, named, lang="fr")
        write_responses(tracker, coded, lang="fr", codes=True)
        first = min(tracker.responses(), key=lambda r: (r.state, r.recommendation))

        def cells(path: Path) -> list[str]:
            if suffix == ".csv":
                text = path.read_text(encoding="utf-8-sig").replace('"', "")
                return re.split(r"[;\n]", text)
            book = openpyxl.load_workbook(path)
            return [str(c.value) for row in book.worksheets[0].iter_rows() for c in row]

        from smomtrack.vocabulary import party  # noqa: PLC0415

        assert party(first.state).name("fr") in cells(named)
        assert first.state in cells(coded)
        assert first.status.label("fr") in cells(named)
        assert first.status.value in cells(coded)
