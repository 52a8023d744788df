"""The command line."""

from __future__ import annotations

import io
import subprocess
import sys

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
        assert "unknown table format 'excel'" in capsys.readouterr().err

    def test_unknown_theme(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown theme is reported with suggestions, no traceback."""
        assert run("catalogue", "--theme", "SOM7-D")[0] == 2
        assert "unknown theme 'SOM7-D'; did you mean" in capsys.readouterr().err


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
        assert "did you mean 'SOM8'" in capsys.readouterr().err


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
        assert "synthetic data (20 States, seed 0)" in capsys.readouterr().err

    def test_report(self) -> None:
        """`report` prints a whole report in the chosen language and format."""
        status, output = run(
            "report", "--synthetic-states", "5", "--as-of", "2023-12-31", "--lang", "es", "--format", "html"
        )
        assert status == 0
        assert output.startswith("<article>\n<h1>Aplicación de las recomendaciones")

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
