"""Messages said once and written in any language: their parts, one by one."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import docx
import pytest

from smomtrack import builtin_catalogue, read_responses, report, synthetic
from smomtrack._presentation.people import Day, RecommendationName, state_name
from smomtrack._rendering.blocks import Table
from smomtrack._rendering.document_tables import for_document, labels, narrow, widths
from smomtrack._rendering.heat_map import matrix_parts
from smomtrack._rendering.report_docx import _default_language
from smomtrack._summaries.presentation import TableData
from smomtrack._words import Listed, Message, Quoted, environment_language, word, words
from smomtrack.cli import main
from smomtrack.exceptions import InvalidDataError, SmomtrackWarning, UnknownStateError
from smomtrack.extending import ReadFields  # noqa: F401 (the public module loads)

DATA = Path(__file__).parent / "data"


class TestValues:
    def test_quoted(self) -> None:
        """A typed text quoted as each language quotes; a word quoted in the language asked."""
        assert Quoted("x").label("en") == "“x”"
        assert Quoted("x").label("es") == "«x»"
        assert Quoted(5).label("en") == "“5”"  # what is not text, as Python writes it
        assert Quoted(Message("status")).label("fr") == "«\u00a0Statut\u00a0»"
        assert str(Quoted("x")) == "“x”"
        assert Quoted("x") == Quoted("x")
        assert len({Quoted("x"), Quoted("x")}) == 1
        assert repr(Quoted("x")) == "Quoted('x')"
        assert Quoted("é" * 300).label("en").endswith("…”")

    def test_listed(self) -> None:
        """One value alone; several joined by "and" or "or" of the language."""
        assert Listed(["a"]).label("fr") == "a"
        assert Listed([]).label("fr") == ""
        assert Listed(["a", "b", "c"], "or").label("fr") == "a, b ou c"
        assert Listed(["a"]) == Listed(["a"])
        assert len({Listed(["a"]), Listed(["a"])}) == 1
        assert repr(Listed(["a"], "or")) == "Listed(('a',), 'or')"

    def test_message(self) -> None:
        """A message's values write themselves; counts choose the form; booleans stay words."""
        said = Message("msg_rows_refused", 2)
        assert said.text("fr") == "2 lignes refusées"
        assert str(said) == "2 rows refused"
        assert said == Message("msg_rows_refused", 2)
        assert len({said, Message("msg_rows_refused", 2)}) == 1
        assert repr(Message("msg_plain", text=True)) == "Message('msg_plain', text=True)"
        assert Message("msg_plain", text=True).text("fr") == "True"
        assert repr(said) == "Message('msg_rows_refused', 2)"
        assert Message("msg_plain", text=Message("status")).label("es") == "Situación"
        with pytest.raises(LookupError, match="no word 'nope'"):
            words("nope", 2, "en")

    def test_people_s_words(self) -> None:
        """Dates, recommendations and States as people write them; keys that are not, as they are."""
        assert repr(Day(dt.date(2024, 6, 30))) == "Day(datetime.date(2024, 6, 30))"
        assert RecommendationName("odd").label("fr") == "odd"
        assert repr(RecommendationName("SOM7-1")) == "RecommendationName('SOM7-1')"
        assert state_name("XXX").label("en") == "“XXX”"

    def test_environment(self) -> None:
        """gettext's order; a language smomtrack does not write, or none, is English."""
        assert environment_language({"LANGUAGE": "de:fr", "LANG": "es_ES"}) == "fr"
        assert environment_language({"LC_MESSAGES": "de_DE.UTF-8", "LANG": "fr"}) == "en"
        assert environment_language({}) == "en"
        assert word("list_or", "de", first="a", last="b") == "a or b"


class TestErrors:
    def test_several_problems(self) -> None:
        """Several problems said in a language, one per line, counted."""
        error = InvalidDataError([Message("msg_empty"), Message("date_empty")])
        assert error.describe("fr") == "2 problèmes\u00a0:\n- vide\n- vide"
        mixed = InvalidDataError([Message("msg_empty"), "plain"])
        assert mixed.describe("fr") == str(mixed)

    def test_warnings(self) -> None:
        """A reader's warning said in a language, or as it was written."""
        said = SmomtrackWarning(3, Message("msg_empty"))
        assert said.describe("es") == "línea 3: vacía"
        assert SmomtrackWarning(3, "plain").describe("es") == "line 3: plain"

    def test_refused_state_with_a_reason(self) -> None:
        """A State refused for a reason, with suggestions, said in the language."""
        error = UnknownStateError("x", ["Mexico (MEX)"], reason="is not here")
        assert str(error) == "State 'x' is not here; did you mean 'Mexico (MEX)'?"
        assert error.describe("fr") == str(error)  # a reason only a program gives

    def test_a_row_s_error(self) -> None:
        """Where a row is, or not; what is wrong, in the language; the reason of its refusal."""
        read = read_responses(DATA / "reponses-excel-fr-cp1252.csv")
        described = read.describe("es")
        assert "columnas no leídas" not in described  # every column of this file is read
        assert described.endswith("4 filas válidas, 3 filas erróneas, 1 fila en blanco")
        error = read.errors[0]
        assert error.row == error.line
        whole = type(error)(line=0, message="plain")
        assert whole.describe("fr") == "plain"
        assert whole.said_reason.text("en") == "plain"
        assert not read.ok
        assert len(read) == 4

    def test_a_file_with_extra_columns(self, tmp_path: Path) -> None:
        """Columns not read are said, in the language."""
        sheet = tmp_path / "r.csv"
        sheet.write_text(
            "state,recommendation,status,as_of,colour\nMEX,SOM7-1,planned,2023-01-01,red\n"
        )
        assert "columnas no leídas: «colour»" in read_responses(sheet).describe("es")


class TestDocumentTables:
    def test_labels_across_meetings(self) -> None:
        """A recommendation of one of several meetings says its meeting; unknown keys are left."""
        catalogue = builtin_catalogue().with_report(
            __import__("smomtrack").parse_report(
                DATA / "report-recommendations.en.txt", meeting="SOM9"
            )
        )
        found = labels(catalogue, ["SOM7-13", "SOM9-2", "SOM8-99"], "fr")
        assert found["SOM7-13"] == "13 (7e réunion)"
        assert found["SOM9-2"] == "2 (9e réunion)"
        assert "SOM8-99" not in found

    def test_narrow_only_a_summary(self) -> None:
        """Only a summary's table is narrowed; any other keeps its columns."""
        data = TableData(["A", "B"], [["1", "2"]])
        assert narrow(data, "en") is None
        tracker = synthetic(states=3)
        from smomtrack import follow_up  # noqa: PLC0415

        body, detailed = for_document(
            Table(follow_up(tracker, as_of="2023-12-31"), "en", detailed=True)
        )
        assert detailed is None
        assert body.headers[0]

    def test_widths_when_nothing_fits(self) -> None:
        """Words longer than the page: no widths (the writer takes equal columns)."""
        data = TableData(["x" * 200], [["y"]])
        assert widths(data, 5.0, 8.0) is None


class TestWordDetails:
    def test_language_where_the_template_has_none(self) -> None:
        """The document's language is set even in a template without run defaults."""
        document = docx.Document()
        root = document.styles.element
        for node in list(root):
            if node.tag.endswith("docDefaults"):
                root.remove(node)
        _default_language(document, "es-ES")
        assert 'w:val="es-ES"' in root.xml

    def test_matrix_table_without_charts(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the plot extra, the Word report gives the matrix as a coloured table."""
        import importlib.util  # noqa: PLC0415

        real = importlib.util.find_spec
        monkeypatch.setattr(
            importlib.util,
            "find_spec",
            lambda name, *a: None if name == "matplotlib" else real(name, *a),
        )
        data = report(synthetic(states=4), lang="fr", format="docx", as_of="2023-12-31")
        document = docx.Document(io.BytesIO(data))
        assert not document.inline_shapes
        assert any(
            t.rows[0].cells[0].text == "État" and len(t.columns) == 19 for t in document.tables
        )

    def test_heat_map_parts_of_nothing(self) -> None:
        """A matrix of no State has no part."""
        from smomtrack import Tracker, matrix  # noqa: PLC0415

        tracker = Tracker(builtin_catalogue(), ["MEX"])
        assert len(matrix_parts(matrix(tracker, as_of="2019-01-01"))) == 1  # MEX, not yet expected


class TestCommandLine:
    def test_refusals_said_in_the_language(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An empty --states, a read-only tracker file, a catalogue that is not JSON."""
        assert (
            main(["template", "-o", str(tmp_path / "q.csv"), "--states", " , ", "--lang", "es"])
            == 2
        )
        assert "no nombra ningún Estado" in capsys.readouterr().err
        bad = tmp_path / "c.json"
        bad.write_text("{nope")
        assert main(["catalogue", "--catalogue", str(bad), "--lang", "fr"]) == 2
        assert "pas du JSON (ligne 1, colonne 2)" in capsys.readouterr().err
        if sys.platform != "win32":
            target = tmp_path / "t.json"
            target.write_text("{}")
            target.chmod(0o444)
            try:
                status = main(["import", str(DATA / "reponses-excel-fr-cp1252.csv"), "--into",
                               str(target), "--lang", "fr"])  # fmt: skip
                said = capsys.readouterr().err
                if status == 2 and "ne peut pas être écrit" in said:  # not when run as root
                    assert "rien n’a été lu ni écrit" in said
            finally:
                target.chmod(0o644)

    def test_a_catalogue_made_elsewhere(self, tmp_path: Path) -> None:
        """catalogue --catalogue refuses a tracker file: it is not a catalogue."""
        tracker = tmp_path / "t.json"
        from smomtrack import save  # noqa: PLC0415

        save(synthetic(states=2), tracker)
        out = io.StringIO()
        assert main(["catalogue", "--catalogue", str(tracker), "--lang", "es"], out=out) == 2
