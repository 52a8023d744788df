"""The command line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from smomtrack import __version__
from smomtrack.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


class TestCatalogue:
    def test_french(self) -> None:
        """The catalogue in French lists the 18 recommendations with French headers."""
        status, output = run("catalogue", "--lang", "fr", "--format", "github")
        assert status == 0
        assert output.splitlines()[0].startswith("| Recommandation")
        assert sum(line.startswith("| SOM7-") for line in output.splitlines()) == 18

    def test_filters(self) -> None:
        """Meeting, theme and topic filters narrow the list."""
        _, by_theme = run("catalogue", "--theme", "SOM7-B", "--format", "plain")
        assert "SOM7-7 " in by_theme
        assert "SOM7-8 " not in by_theme
        _, by_topic = run("catalogue", "--topic", "capacity-building", "--format", "tsv")
        assert [line.split("\t")[0].strip() for line in by_topic.splitlines()[1:]] == [
            "SOM7-13",
            "SOM7-18",
        ]

    def test_text_in_fallback_language_is_marked(self) -> None:
        """Asked in English, the official French text is shown and marked [fr]."""
        _, output = run("catalogue", "--theme", "SOM7-B", "--text", "--format", "tsv")
        assert "Les États devraient améliorer leur coopération" in output
        assert "[fr]" in output

    @pytest.mark.parametrize("fmt", ["html", "latex", "grid", "rst", "pipe"])
    def test_any_tabulate_format(self, fmt: str) -> None:
        """Any tabulate format renders."""
        status, output = run("catalogue", "--format", fmt)
        assert status == 0
        assert "SOM7-18" in output

    def test_unknown_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown format is an error on stderr with exit status 2."""
        status, output = run("catalogue", "--format", "excel")
        assert status == 2
        assert output == ""
        assert "unknown table format “excel”" in capsys.readouterr().err

    def test_unknown_theme(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown theme is reported with suggestions, no traceback."""
        assert run("catalogue", "--theme", "SOM7-D")[0] == 2
        assert "“SOM7-D” is not a theme of the catalogue; did you mean" in capsys.readouterr().err


class TestAgenda:
    def test_organization_of_work(self) -> None:
        """The 8th meeting's organization of work, in French, with '(suite)'."""
        status, output = run("agenda", "SOM8", "--lang", "fr", "--format", "tsv")
        assert status == 0
        lines = output.splitlines()
        assert [cell.strip() for cell in lines[1].split("\t")[:3]] == [
            "14 octobre 2021",
            "11:00–13:00",
            "1 a)",
        ]
        assert any("(suite)" in line for line in lines)
        assert sum("15 octobre 2021" in line for line in lines) == 2

    def test_unknown_meeting(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown meeting is an error with suggestions."""
        assert run("agenda", "SOM9")[0] == 2
        assert "did you mean “SOM8”" in capsys.readouterr().err


class TestTracking:
    def test_summary(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`summary` prints a summary table of synthetic data, and says the data are synthetic."""
        status, output = run(
            "summary", "--by", "meeting", "--synthetic-states", "20", "--as-of", "31 décembre 2023",
            "--lang", "fr", "--format", "tsv",
        )  # fmt: skip
        assert status == 0
        lines = output.splitlines()
        assert lines[0].split("\t")[0].strip() == "Réunion"
        assert [cell.strip() for cell in lines[1].split("\t")[:2]] == ["SOM7", "360"]
        assert "données synthétiques (20 États, graine 0)" in capsys.readouterr().err

    def test_report(self) -> None:
        """`report` prints a whole report in the chosen language and format."""
        status, output = run(
            "report",
            "--synthetic-states",
            "5",
            "--as-of",
            "2023-12-31",
            "--lang",
            "es",
            "--format",
            "html",
        )
        assert status == 0
        assert output.startswith('<!DOCTYPE html>\n<html lang="es">')
        assert "<h1>Aplicación de las recomendaciones" in output

    def test_demo_is_the_same_every_day(self) -> None:
        """`demo` reports on fixed synthetic data as of a fixed date."""
        first = run("demo", "--lang", "fr")[1]
        assert first == run("demo", "--lang", "fr")[1]
        assert "Rapport de suivi au 31 décembre 2023" in first
        assert "**Données synthétiques.**" in first
        assert "150 États et 18 recommandations" in first

    def test_bad_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A date that would be guessed is an error, not a guess."""
        assert run("summary", "--synthetic-states", "2", "--as-of", "décembre 2023")[0] == 2
        assert "would have to be guessed" in capsys.readouterr().err


DATA = Path(__file__).parent / "data"
FRENCH = DATA / "reponses-excel-fr-cp1252.csv"


class TestFiles:
    def test_validate(self) -> None:
        """validate lists every warning and bad row with its row and exits 1."""
        status, output = run("validate", str(FRENCH))
        assert status == 1
        lines = output.splitlines()
        assert [line.split(": ", 3)[1:3] for line in lines[:1]] == [
            ["warning", "row 4, column “Observations”"]
        ]
        assert [line.split(": ", 2)[1] for line in lines[1:4]] == [
            "row 6, column “État”",
            "row 7",
            "row 8",
        ]
        assert lines[-1].endswith("4 valid rows, 3 bad rows, 1 blank row")

    @pytest.mark.parametrize("engine", ["python", "pyarrow", "auto"])
    def test_validate_with_either_reader(self, tmp_path: Path, engine: str) -> None:
        """--engine chooses the CSV reader; what is said is the same with each."""
        path = tmp_path / "utf8.csv"
        path.write_text(FRENCH.read_bytes().decode("cp1252"), encoding="utf-8")
        said = [run("validate", str(path), "--engine", name) for name in ("python", engine)]
        assert said[0] == said[1]
        assert said[0][0] == 1

    def test_an_engine_that_is_not_one(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown reader is refused by the options, in the command line's language."""
        with pytest.raises(SystemExit) as exited:
            run("validate", str(FRENCH), "--engine", "polars", "--lang", "fr")
        assert exited.value.code == 2
        assert "--engine\xa0: choix non valable\xa0: 'polars'" in capsys.readouterr().err

    def test_validate_clean_file(self, tmp_path: Path) -> None:
        """A clean file validates with exit 0 and names the columns it does not read."""
        path = tmp_path / "ok.csv"
        path.write_text(
            "state,recommendation,status,as_of,colour\nMEX,SOM7-1,planned,2021-10-14,red\n"
        )
        status, output = run("validate", str(path))
        assert status == 0
        assert "columns not read: “colour”" in output

    def test_import_export_template(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """import into a store (population given), again (nothing new), export in French, template."""
        store = tmp_path / "team.sqlite"
        assert run("import", str(FRENCH), "--into", str(store))[0] == 2
        assert "give its population with --states" in capsys.readouterr().err
        status, output = run(
            "import", str(FRENCH), "--into", str(store), "--states", "MEX,DEU,Maroc,CIV"
        )
        assert status == 1  # some rows were refused
        assert "4 recorded, 0 already there, 3 refused, 1 blank" in output
        assert "row 6, column “État”" in capsys.readouterr().err
        assert "0 recorded, 4 already there" in run("import", str(FRENCH), "--into", str(store))[1]
        exported = tmp_path / "out.csv"
        assert run("export", str(store), "-o", str(exported), "--lang", "fr") == (
            0,
            f"{exported}\u00a0: 4 réponses écrites\n",
        )
        assert exported.read_text(encoding="utf-8-sig").startswith(
            '"État";"Recommandation";"Statut"'
        )
        template = tmp_path / "modele.csv"
        assert run("template", "-o", str(template), "--lang", "fr", "--states", "MEX,DEU")[
            1
        ].endswith("36 lignes à remplir\n")

    def test_import_into_json_from_file_states(self, tmp_path: Path) -> None:
        """A JSON tracker file can take its population from the spreadsheet."""
        target = tmp_path / "t.json"
        status, output = run("import", str(FRENCH), "--into", str(target), "--states", "from-file")
        assert status == 1
        assert "4 recorded" in output
        assert run("summary", str(target), "--by", "state", "--format", "tsv")[1].count("\n") == 6

    def test_summary_of_a_spreadsheet(self, capsys: pytest.CaptureFixture[str]) -> None:
        """summary reads a spreadsheet; its population is the States in it unless given."""
        status, output = run(
            "summary", str(FRENCH), "--by", "state", "--format", "tsv", "--as-of", "2024-01-01"
        )
        assert status == 1  # the table, and the rows refused
        err = capsys.readouterr().err
        assert "population: the 4 States in" in err
        assert "rows refused (" in err
        assert len(output.splitlines()) == 6
        status, output = run("report", str(FRENCH), "--states", "MEX,DEU", "--as-of", "2024-01-01")
        assert "2 States" in output
        assert "is not among the " in capsys.readouterr().err


class TestRefusedRows:
    @pytest.fixture
    def wrong(self, tmp_path: Path) -> Path:
        """A spreadsheet made for another catalogue: every row names an unknown recommendation."""
        path = tmp_path / "other.csv"
        rows = [f"MEX,SYN{n // 18 + 1}-{n % 18 + 1},planned,2021-01-01" for n in range(3000)]
        path.write_text("state,recommendation,status,as_of\n" + "\n".join(rows), encoding="utf-8")
        return path

    def test_fails_fast_with_counts_per_reason(
        self, wrong: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Past --max-errors refused rows, reading stops: exit 2, counts per reason."""
        status, output = run("summary", str(wrong), "--max-errors", "100")
        err = capsys.readouterr().err
        assert status == 2
        assert output == ""
        assert "stopped after row" in err
        assert "× column “recommendation”: not a recommendation of the catalogue" in err
        assert "Traceback" not in err

    def test_no_valid_row_is_an_error(
        self, wrong: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Read to the end, a file with no valid row is refused, never an all-zero table."""
        status, output = run("summary", str(wrong), "--max-errors", "0")
        err = capsys.readouterr().err
        assert status == 2
        assert output == ""
        assert "… and 2,980 more" in err
        assert "3,000 rows refused (3,000 × column “recommendation”: not a recommendation" in err
        assert "no valid row" in err


class TestIngest:
    def test_ingest_and_use_the_catalogue(self, tmp_path: Path) -> None:
        """ingest prints what it found and writes a catalogue a new tracker can use."""
        catalogue = tmp_path / "catalogue.json"
        status, output = run(
            "ingest", str(DATA / "report-recommendations.en.txt"), "--meeting", "SOM9",
            "--lang", "en", "-o", str(catalogue),
        )  # fmt: skip
        assert status == 0
        assert output.splitlines() == [
            f"{DATA / 'report-recommendations.en.txt'}: 2 themes and 5 recommendations of SOM9 (en)",
            "  SOM9-B (II.B): recommendations 1–3",
            "  SOM9-C (II.C): recommendations 4–5",
            (
                "  SOM9-4: topics suggested: information-exchange (confidence 23%),"
                " specialized-prosecution (confidence 20%)"
            ),
            (
                "  SOM9-5: topics suggested: human-rights (confidence 20%),"
                " specialized-prosecution (confidence 16%)"
            ),
            f"{catalogue}: a catalogue of 23 recommendations",
        ]
        sheet = tmp_path / "r.csv"
        sheet.write_text("state,recommendation,status,as_of\nMEX,SOM9-4,planned,2023-01-01\n")
        store = tmp_path / "t.sqlite"
        status, output = run(
            "import",
            str(sheet),
            "--into",
            str(store),
            "--states",
            "MEX",
            "--catalogue",
            str(catalogue),
        )
        assert (status, "1 recorded" in output) == (0, True)
        status, output = run(
            "summary", str(store), "--by", "meeting", "--format", "tsv", "--as-of", "2024-01-01"
        )
        assert [line.split("\t")[0].strip() for line in output.splitlines()] == [
            "Meeting",
            "SOM7",
            "SOM9",
            "Total",
        ]
        # The catalogue just made is listed, and questionnaires are written on it.
        status, output = run("catalogue", "--catalogue", str(catalogue), "--meeting", "SOM9")
        assert status == 0
        assert "SOM9-5" in output
        assert "SOM7-1" not in output
        assert run("catalogue", "--meeting", "SOM9")[0] == 2  # not in the built-in one
        status, output = run("agenda", "SOM8", "--catalogue", str(catalogue))
        assert (status, "14 October 2021" in output) == (0, True)
        status, output = run(
            "template", "-o", str(tmp_path / "q.csv"), "--catalogue", str(catalogue),
            "--meeting", "SOM9", "--states", "MEX",
        )  # fmt: skip
        assert (status, output.endswith("5 rows to fill in\n")) == (0, True)

    def test_ingest_warnings_and_conflicts(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Warnings are printed with their lines; a conflicting report is refused."""
        report = tmp_path / "r.txt"
        report.write_text(
            "B. Recommendations on x\nRecommendation 1\nStates should act.\nRecommendation 3\nStates should act more.\n"
        )
        status, output = run(
            "ingest", str(report), "--meeting", "SOM9", "-o", str(tmp_path / "c.json")
        )
        assert status == 0
        assert f"{report}: line 4: recommendation 2 is missing: 3 follows 1" in output
        seed = DATA / "recommendations-7th-meeting-2020.fr.md"
        assert run("ingest", str(seed), "--meeting", "SOM7", "-o", str(tmp_path / "d.json"))[0] == 2
        assert "theme SOM7-B: the two catalogues hold different content" in capsys.readouterr().err


class TestEntryPoints:
    def test_python_dash_m(self) -> None:
        """`python -m smomtrack` runs the command line."""
        result = subprocess.run(
            [sys.executable, "-m", "smomtrack", "--version"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == f"smomtrack {__version__}"

    def test_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing command is a usage error (argparse's exit status 2)."""
        with pytest.raises(SystemExit) as info:
            main([])
        assert info.value.code == 2
        assert "usage: smomtrack" in capsys.readouterr().err
