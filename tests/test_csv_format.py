"""Spreadsheets of responses: reading what people have, writing what they can open safely."""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import re
import tempfile
import tracemalloc
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import Reporter, Response, SmomtrackError, Status, Tracker, builtin_catalogue
from smomtrack._interchange import csv_arrow
from smomtrack._interchange.csv_format import (
    csv_template,
    escape,
    import_csv,
    read_csv,
    unescape,
    write_csv,
)
from smomtrack._interchange.rows import Engine
from smomtrack.exceptions import InvalidDataError, StorageError
from tests.strategies import STATES, responses

DATA = Path(__file__).parent / "data"
FRENCH_FILES = ["reponses-excel-fr-cp1252.csv", "reponses-excel-fr-utf8-bom.csv"]


class TestFrenchExcel:
    @pytest.mark.parametrize("name", FRENCH_FILES)
    def test_valid_rows(self, name: str) -> None:
        """French headers, labels, dates and country names; quoted multi-line cells; blank lines.

        Rows are numbered as a spreadsheet shows them: the multi-line cell of row 2 does not
        push the rows below it down.
        """
        result = read_csv(DATA / name)
        assert list(result.lines) == [2, 4, 5, 10]
        mexico, germany, morocco, ivory_coast = result.responses
        assert (mexico.state, mexico.recommendation, mexico.status) == (
            "MEX",
            "SOM7-1",
            Status.PARTIALLY_IMPLEMENTED,
        )
        assert (mexico.as_of, mexico.due) == (dt.date(2021, 10, 14), dt.date(2022, 12, 31))
        # The line break as the file holds it (Excel wrote CR LF), nothing rewritten.
        assert mexico.measures == "Protocole d'accueil adopté ;\r\nformation des agents en cours"
        assert mexico.responsible == "Secrétariat d'État aux migrations"
        assert mexico.evidence == ("CTOC/COP/WG.7/2021/2",)
        assert mexico.source == "Questionnaire 2021"
        assert germany.as_of == dt.date(2021, 8, 1)
        assert germany.notes == "=à vérifier"  # read as the text it is, with a warning
        (warning,) = result.warnings
        assert (warning.line, warning.column) == (4, "Observations")
        assert "the text of a formula, read as text" in warning.message
        assert morocco.evidence == ("https://example.org/rapport", "https://example.org/annexe")
        assert morocco.reporter is Reporter.CIVIL_SOCIETY
        assert (ivory_coast.state, ivory_coast.status, ivory_coast.reporter) == (
            "CIV",
            Status.NOT_APPLICABLE,
            Reporter.OTHER,
        )
        assert result.skipped == 1  # Thaïlande: an unanswered row
        assert result.ignored_columns == ()

    @pytest.mark.parametrize("name", FRENCH_FILES)
    def test_bad_rows(self, name: str) -> None:
        """Every bad row is reported once, with its row, column, value and reasons."""
        errors = read_csv(DATA / name).errors
        assert [e.line for e in errors] == [6, 7, 8]
        atlantis, extra, france = errors
        assert (atlantis.column, atlantis.value) == ("État", "Atlantide")
        assert "unknown State 'Atlantide'" in atlantis.message
        assert extra.message == "1 cell in a column without a header"
        assert (france.column, france.value) == ("Recommandation", "SOM7-19")
        assert "Statut: 'fait' is not an implementation status" in france.message
        assert "Date: '8 et 9 septembre 2020' is not a date: a range" in france.message
        assert str(atlantis).startswith("row 6, column 'État': État: unknown State")

    def test_both_encodings_read_the_same(self) -> None:
        """cp1252 and UTF-8 with BOM give the same responses."""
        one, two = (read_csv(DATA / name) for name in FRENCH_FILES)
        assert all(a.same_content(b) for a, b in zip(one.responses, two.responses, strict=True))


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "input.csv"
    path.write_bytes(text.encode(encoding))
    return path


class TestFormats:
    @pytest.mark.parametrize("delimiter", [",", ";", "\t"])
    def test_delimiters(self, tmp_path: Path, delimiter: str) -> None:
        """Comma, semicolon and tab are recognised."""
        text = delimiter.join(["state", "recommendation", "status", "as_of"]) + "\n"
        text += delimiter.join(["MEX", "SOM7-5", "planned", "2021-10-14"]) + "\n"
        assert read_csv(write(tmp_path, text)).responses[0].status is Status.PLANNED

    def test_spanish_headers_and_values(self, tmp_path: Path) -> None:
        """Spanish headers, labels, dates and names."""
        text = "Estado;Recomendación;Situación;Fecha;Plazo;Informante\nMéxico;SOM7-2;En curso;14 de octubre de 2021;31/12/2022;Secretaría\n"
        response = read_csv(write(tmp_path, text)).responses[0]
        assert (response.state, response.status, response.reporter) == (
            "MEX",
            Status.IN_PROGRESS,
            Reporter.SECRETARIAT,
        )

    def test_open_files(self) -> None:
        """Text and binary file objects are read too."""
        text = "state,recommendation,status,as_of\r\nFR,SOM7-3,implemented,14/10/2021\r\n"
        assert read_csv(io.StringIO(text)).responses[0].state == "FRA"
        assert read_csv(io.BytesIO(text.encode())).responses[0].state == "FRA"

    def test_unknown_columns_are_reported(self, tmp_path: Path) -> None:
        """Columns smomtrack does not read are named, not silently dropped."""
        text = "state,recommendation,status,as_of,reviewer\nMEX,SOM7-5,planned,2021-10-14,Ana\n"
        assert read_csv(write(tmp_path, text)).ignored_columns == ("reviewer",)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "empty"),
            ("   \n\n", "empty"),
            ("state,recommendation\nMEX,SOM7-5\n", "missing the column\\(s\\) status, as_of"),
            ("a,b,c\n1,2,3\n", "missing the column\\(s\\) state, recommendation, status, as_of"),
            ("state,pays,recommendation,status,as_of\n", "the column 'state' appears twice"),
        ],
    )
    def test_not_a_table(self, tmp_path: Path, text: str, message: str) -> None:
        """Files that are not tables of responses are refused as a whole."""
        with pytest.raises(InvalidDataError, match=message):
            read_csv(write(tmp_path, text))

    def test_binary(self, tmp_path: Path) -> None:
        """A binary file is refused."""
        path = tmp_path / "x.csv"
        path.write_bytes(b"PK\x03\x04\x00\x00binary")
        with pytest.raises(InvalidDataError, match="binary"):
            read_csv(path)

    def test_nul_far_into_the_file(self, tmp_path: Path) -> None:
        """A NUL byte past the beginning (read as the file streams in) refuses its row only."""
        rows = "MEX,SOM7-1,planned,2021-10-14\n" * 4000
        path = tmp_path / "x.csv"
        path.write_bytes(
            f"state,recommendation,status,as_of\n{rows}".encode()
            + b"DEU\x00,SOM7-1,planned,2021-10-14\n"
        )
        result = read_csv(path)
        assert len(result.responses) == 4000
        assert [error.line for error in result.errors] == [4002]

    @pytest.mark.parametrize("engine", ["python", "pyarrow"])
    def test_read_as_it_streams_in(
        self, tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The file is never held whole: reading 6 MB takes well under 6 MB more at its peak.

        By either reader (each used once before, so that importing it is not counted);
        pyarrow's hands the rows over in windows of 5,000 here (50,000 by default), so that
        the file is more than one.
        """
        monkeypatch.setattr(csv_arrow, "WINDOW", 5_000)
        note = "Le même commentaire long, répété sur chaque ligne du fichier. " * 4
        row = f'MEX,SOM7-1,planned,2021-10-14,"{note}"\n'
        path = tmp_path / "big.csv"
        path.write_text("state,recommendation,status,as_of,notes\n" + row * 24_000, "utf-8")
        size = path.stat().st_size
        read_csv(path, engine=engine)
        tracemalloc.start()
        try:
            result = read_csv(path, engine=engine)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert len(result.responses) == 24_000
        assert size > 6_000_000
        assert peak < size / 3

    def test_windows_1252_streamed(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 past its beginning is read again as Windows-1252."""
        head = (
            "state,recommendation,status,as_of,notes\n"
            + "DEU,SOM7-1,planned,2021-10-14,ok\n" * 5000
        )
        path = tmp_path / "late.csv"
        path.write_bytes(head.encode() + "FRA,SOM7-2,prévue,2021-10-14,été\n".encode("cp1252"))
        result = read_csv(path)
        assert (len(result.responses), result.errors) == (5001, ())
        assert result.responses[-1].notes == "été"

    def test_utf16_that_is_not(self, tmp_path: Path) -> None:
        """A file with a UTF-16 byte order mark that is not UTF-16 says so."""
        path = tmp_path / "u.csv"
        path.write_bytes(
            codecs.BOM_UTF16_LE + "state\trecommendation\n".encode("utf-16-le") + b"\x00\xd8"
        )
        with pytest.raises(InvalidDataError, match="UTF-16"):
            read_csv(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that cannot be read is a clear error."""
        with pytest.raises(StorageError, match="cannot be read"):
            read_csv(tmp_path / "missing.csv")

    @pytest.mark.parametrize(
        ("row", "message"),
        [
            ("MEX,SOM7-5,,2021-10-14,Loi 12", "status is empty"),
            ("MEX,SOM7-5,no information,2021-10-14", "never recorded"),
            ("MEX,SOM7-5,planned,", "as_of is empty"),
            ("MEX,SOM7-5,planned,2999-01-01", "in the future"),
            ("MEX,SOM7-5,planned,2021-10-14,,extra", "beyond|without a header"),
            (",SOM7-5,planned,2021-10-14", "state is empty"),
        ],
    )
    def test_row_errors(self, tmp_path: Path, row: str, message: str) -> None:
        """Each kind of bad row gets its reason; the good row after it is kept."""
        text = f"state,recommendation,status,as_of,measures\n{row}\nDEU,SOM7-1,planned,2021-10-14\n"
        result = read_csv(write(tmp_path, text))
        assert len(result.errors) == 1
        assert result.errors[0].line == 2
        assert re.search(message, result.errors[0].message)
        assert [r.state for r in result.responses] == ["DEU"]


class TestInjection:
    @pytest.mark.parametrize(
        "value",
        ["=1+1", "+33 1 23", "-", "@SUM(A1)", "\tx", "\rx", "'=x", "''", "'t Hooft", "plain"],
    )
    def test_escape_round_trip(self, value: str) -> None:
        """Escaped cells never start with a formula character, and come back unchanged."""
        escaped = escape(value)
        assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert unescape(escaped) == value

    @given(st.text(max_size=20))
    def test_escape_property(self, value: str) -> None:
        """For any text, unescape(escape(x)) == x."""
        assert unescape(escape(value)) == value


class TestWriting:
    def tracker(self) -> Tracker:
        tracker = Tracker(builtin_catalogue(), ["MEX", "DEU"])
        tracker.record(
            "MEX", "SOM7-1", "planned", as_of="2021-10-14", due="2022-12-31",
            measures='=HYPERLINK("http://x")\nsecond line', evidence=["a", "b"],
            responsible="-", reporter="civil society", source="@round", notes="+note",
        )  # fmt: skip
        tracker.record("DEU", "SOM7-2", "implemented", as_of="2022-01-01")
        tracker.correct("DEU", "SOM7-2", "in progress", as_of="2022-01-01")
        return tracker

    @pytest.mark.parametrize("lang", ["en", "fr", "es"])
    def test_round_trip(self, tmp_path: Path, lang: str) -> None:
        """write_csv then read_csv gives the same responses, in any language."""
        tracker = self.tracker()
        path = tmp_path / "out.csv"
        assert write_csv(tracker, path, lang=lang) == 2
        back = read_csv(path)
        assert back.errors == ()
        for original, read in zip(tracker.responses(), back.responses, strict=True):
            assert original.same_content(read)

    def test_file_is_safe_and_localised(self, tmp_path: Path) -> None:
        """UTF-8 with BOM, semicolons and French labels; formula cells are guarded."""
        path = tmp_path / "out.csv"
        write_csv(self.tracker(), path, lang="fr")
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        text = raw.decode("utf-8-sig")
        assert (
            text.splitlines()[0]
            == '"État";"Recommandation";"Statut";"Date";"Mesures";"Preuves";"Responsable";"Échéance";"Communiqué par";"Source";"Observations"'
        )
        assert ';"Prévue";' in text
        assert "\"'=HYPERLINK" in text
        assert ';"\'-";' in text
        assert ';"\'@round";"\'+note"' in text

    def test_responses_iterable(self, tmp_path: Path) -> None:
        """An iterable of responses is written as given."""
        tracker = self.tracker()
        path = tmp_path / "all.csv"
        assert write_csv(list(tracker), path) == 3

    def test_separator_in_evidence_is_refused(self) -> None:
        """An evidence item containing ';' is refused when recorded, not when exported."""
        with pytest.raises(InvalidDataError, match="holds “;”"):
            Response(
                state="MEX",
                recommendation="SOM7-1",
                status=Status.PLANNED,
                as_of=dt.date(2021, 1, 1),
                evidence=["a;b"],
            )


class TestTemplate:
    def test_french_template(self, tmp_path: Path) -> None:
        """A row per State × recommendation, French headers and names, short titles; reads back blank."""
        path = tmp_path / "modele.csv"
        assert csv_template(path, lang="fr", states=["MEX", "Allemagne"]) == 36
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        assert lines[0].endswith(';"Observations";"Titre abrégé"')
        assert lines[1].startswith('"Allemagne";"SOM7-1";"";"";')
        assert lines[1].endswith(
            '"Se préparer à accueillir les migrants objet d\'un trafic en raison des crises"'
        )
        result = read_csv(path)
        assert (result.responses, result.errors, result.skipped) == ((), (), 36)

    def test_filled_template_imports(self, tmp_path: Path) -> None:
        """A focal point fills in one row; that row is read."""
        path = tmp_path / "modele.csv"
        csv_template(path, lang="es", states=["MEX"])
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        lines[3] = lines[3].replace(
            '"México";"SOM7-3";"";""', '"México";"SOM7-3";"En curso";"1 de marzo de 2023"', 1
        )
        path.write_text("\n".join(lines), encoding="utf-8-sig")
        result = read_csv(path)
        assert [(r.recommendation, r.status) for r in result.responses] == [
            ("SOM7-3", Status.IN_PROGRESS)
        ]
        assert result.skipped == 17

    def test_template_without_states(self, tmp_path: Path) -> None:
        """Without States, one row per recommendation with the State to fill in."""
        path = tmp_path / "t.csv"
        assert csv_template(path) == 18
        assert path.read_text(encoding="utf-8-sig").splitlines()[1].startswith('"","SOM7-1",')


class TestImport:
    def test_import_twice_records_once(self) -> None:
        """Importing the same file twice records nothing the second time."""
        tracker = Tracker(builtin_catalogue(), ["MEX", "DEU", "MAR", "CIV"])
        first = import_csv(tracker, DATA / FRENCH_FILES[0])
        assert (len(first.responses), len(first.unchanged), len(first.errors)) == (4, 0, 3)
        second = import_csv(tracker, DATA / FRENCH_FILES[1])
        assert (len(second.responses), len(second.unchanged)) == (0, 4)
        assert len(tracker) == 4

    def test_population_and_conflicts_are_row_errors(self, tmp_path: Path) -> None:
        """A State outside the population or a conflicting row is refused with its line; others recorded."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
        text = "state,recommendation,status,as_of\nDEU,SOM7-1,planned,2021-10-14\nMEX,SOM7-1,implemented,2021-10-14\nMEX,SOM7-2,planned,2021-10-14\nMEX,SOM7-2,implemented,2021-10-14\n"
        result = import_csv(tracker, write(tmp_path, text))
        assert [(e.line, e.message[:20]) for e in result.errors] == [
            (2, "state: State 'DEU' i"),
            (3, "MEX on SOM7-1 as of "),
            (5, "MEX on SOM7-2 as of "),
        ]
        assert [r.recommendation for r in result.responses] == ["SOM7-2"]
        assert len(tracker) == 2


class TestRoundTripAnyText:
    @settings(max_examples=60, deadline=None)
    @given(st.lists(responses, max_size=12), st.sampled_from(["en", "fr", "es"]))
    def test_write_then_read_gives_the_same_responses(
        self, records: list[Response], lang: str
    ) -> None:
        """For any text a file can keep, write_csv then read_csv gives the same responses."""
        tracker = Tracker(builtin_catalogue(), STATES)
        for record in records:
            with contextlib.suppress(SmomtrackError):
                tracker.add(attrs.evolve(record, correction=False))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "out.csv"
            write_csv(tracker, path, lang=lang)
            back = read_csv(path)
        assert back.errors == ()
        written = tracker.responses()
        assert len(back.responses) == len(written)
        for original, read in zip(written, back.responses, strict=True):
            assert original.same_content(read), (original, read)

    @pytest.mark.parametrize(
        "text", ["safe;=1+1", "safe,=1+1", "＝1+1", "\r\n=1", "  spaced  ", "\u00a0nbsp\x85", "'=1"]
    )
    def test_awkward_cells(self, tmp_path: Path, text: str) -> None:
        """Separators, full-width formula signs, line breaks and white space survive."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-01-01", notes=text, measures=text)
        for lang in ("en", "fr"):
            path = tmp_path / f"{lang}.csv"
            write_csv(tracker, path, lang=lang)
            raw = path.read_text(encoding="utf-8-sig")
            other = ";" if lang == "en" else ","  # opened with the other list separator
            cells = [c for row in csv.reader(io.StringIO(raw), delimiter=other) for c in row]
            assert not any(c.startswith(("=", "＝", "+", "-", "@")) for c in cells)
            (back,) = read_csv(path).responses
            assert (back.notes, back.measures) == (text, text)

    def test_unsavable_text_is_refused_when_recorded(self) -> None:
        """NUL, control characters, U+FFFE/U+FFFF and lone surrogates are refused by record()."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        for text in ("a\x00b", "\udc00", "bell\x07", "\ufffe", "x\uffff"):
            with pytest.raises(InvalidDataError, match=r"holds the character U\+"):
                tracker.record("MEX", "SOM7-1", "planned", as_of="2021-01-01", notes=text)
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-01-01", evidence="")
        assert tracker.responses()[0].evidence == ()


class TestUnicodeText:
    def test_excel_unicode_text(self, tmp_path: Path) -> None:
        """Excel's "Unicode text" (UTF-16 with a byte order mark, tab-separated) is read."""
        path = tmp_path / "unicode.txt"
        text = "État\tRecommandation\tStatut\tDate\r\nMexique\tSOM7-1\tPrévue\t14/10/2021\r\n"
        path.write_bytes(text.encode("utf-16"))  # little-endian with a BOM, as Excel writes it
        (response,) = read_csv(path).responses
        assert (response.state, response.status, response.as_of) == (
            "MEX",
            Status.PLANNED,
            dt.date(2021, 10, 14),
        )

    def test_errors_name_the_file(self, tmp_path: Path) -> None:
        """A file that begins as UTF-8 then is not: the file is named, no UnicodeDecodeError."""
        path = tmp_path / "mixed.csv"
        path.write_bytes(
            b"\xef\xbb\xbfstate,recommendation,status,as_of\nMEX,SOM7-1,pr\xe9vue,2021-01-01\n"
        )
        with pytest.raises(InvalidDataError, match=r"mixed.csv: begins as UTF-8"):
            read_csv(path)
