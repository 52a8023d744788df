"""What issue 18 found raw, each now a test: every one ends in smomtrack's own error or works."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from smomtrack import (
    Tracker,
    builtin_catalogue,
    from_json,
    read_responses,
    summarize,
    to_json,
    write_responses,
)
from smomtrack._tracking.intake import Intake
from smomtrack.cli import main
from smomtrack.exceptions import InvalidDataError, InvalidDateError
from smomtrack.records import Status, Text

LONG = "9" * 5000
UTC = dt.UTC
MINUS_5 = dt.timezone(dt.timedelta(hours=-5))


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_PROCESS")}


class TestWhatIsWrittenReadsBack:
    def test_long_text_in_a_workbook(self, tmp_path: Path) -> None:
        """Text over a workbook cell's 32,767 characters is refused, not cut; CSV keeps it."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14", measures="x" * 40_000)
        with pytest.raises(InvalidDataError, match="measures holds 40,000 characters"):
            write_responses(tracker, tmp_path / "out.xlsx")
        assert not (tmp_path / "out.xlsx").exists()
        write_responses(tracker, tmp_path / "out.csv")
        assert read_responses(tmp_path / "out.csv").responses[0].measures == "x" * 40_000

    @pytest.mark.parametrize("character", ["\ufffe", "\uffff", "\x07", "\x1b"])
    def test_catalogue_texts_are_checked_like_responses(self, character: str) -> None:
        """A catalogue whose text holds what no document keeps is refused when read."""
        document = json.loads(to_json(builtin_catalogue()))
        recommendation = document["catalogue"]["recommendations"][0]
        recommendation["texts"][0]["value"] += character
        with pytest.raises(InvalidDataError, match=r"holds the character U\+"):
            from_json(json.dumps(document))
        with pytest.raises(InvalidDataError, match=r"U\+"):
            Text("en", f"a{character}", official=False)


class TestValuesByWhatTheyAre:
    def test_equal_moments_in_two_zones(self) -> None:
        """A moment in one zone does not give its date to the same moment in another zone."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        first = dt.datetime(2021, 10, 14, 23, 30, tzinfo=MINUS_5)
        second = dt.datetime(2021, 10, 15, 4, 30, tzinfo=UTC)
        assert first == second
        tracker.record("MEX", "SOM7-1", "planned", as_of=first, due=first)
        tracker.record("MEX", "SOM7-2", "planned", as_of=second, due=second)
        as_of = {r.recommendation: (r.as_of, r.due) for r in tracker.responses()}
        assert as_of["SOM7-1"] == (dt.date(2021, 10, 14), dt.date(2021, 10, 14))
        assert as_of["SOM7-2"] == (dt.date(2021, 10, 15), dt.date(2021, 10, 15))

    def test_one_true_and_one_point_zero(self) -> None:
        """1, True and 1.0 are read each as itself, not as the equal one read before."""
        intake = Intake(builtin_catalogue(), ["MEX"])
        rows: dict[str, list[object]] = {
            "state": ["MEX"] * 3,
            "recommendation": ["SOM7-1", "SOM7-2", "SOM7-3"],
            "status": ["planned"] * 3,
            "as_of": ["2021-10-14"] * 3,
            "correction": [True, 1, 1.0],
        }
        _, kept, errors = intake.read(rows, 3)
        assert kept == [0]  # True is a yes; 1 and 1.0 are not read as the True before them
        assert [(error.row, repr(error.value)) for error in errors] == [(1, "1"), (2, "1.0")]


class TestLongNumbers:
    @pytest.mark.parametrize(
        "text",
        [f"{LONG} January 2021", f"{LONG}er août 2021", f"October {LONG}, 2021", f"1–{LONG} mai"],
    )
    def test_refused_everywhere(self, text: str, tmp_path: Path) -> None:
        """A day of thousands of digits is a clear error, wherever a date is read."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        with pytest.raises(InvalidDateError, match="too long"):
            tracker.record("MEX", "SOM7-1", "planned", as_of=text)
        with pytest.raises(InvalidDateError, match="too long"):
            tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14", due=text)
        with pytest.raises(InvalidDateError, match="too long"):
            summarize(tracker, "theme", as_of=text)
        sheet = tmp_path / "rows.csv"
        sheet.write_text(
            "state,recommendation,status,as_of\n"
            f'MEX,SOM7-1,planned,"{text}"\nMEX,SOM7-2,planned,2021-10-14\n',
            encoding="utf-8",
        )
        result = read_responses(sheet)
        assert [r.recommendation for r in result.responses] == ["SOM7-2"]
        assert "too long" in result.errors[0].message


class TestCommandLine:
    @pytest.mark.parametrize(
        "argv",
        [
            ["summary", "--max-errors", "-5"],
            ["summary", "--max-errors", "²"],
            ["import", "x.csv", "--into", "{dir}/t.sqlite", "--states", ""],
            ["template", "-o", "{dir}/q.csv", "--meeting", "SOM99"],
            ["summary", "{dir}/rows.csv", "--sheet", "²"],
        ],
    )
    def test_validated(
        self, argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Options that cannot be are refused with status 2 and a message, no traceback."""
        (tmp_path / "rows.csv").write_text("state,recommendation,status,as_of\n")
        filled = [a.format(dir=tmp_path) for a in argv]
        try:
            status = main(filled, out=io.StringIO())
        except SystemExit as exit_:  # argparse's own refusals
            status = int(exit_.code or 0)
        assert status == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert err.strip()
        assert not (tmp_path / "q.csv").exists()
        assert not (tmp_path / "t.sqlite").exists()

    def test_output_that_is_not_utf8(self) -> None:
        """Standard output in a Windows code page gets an ASCII table, and no error."""
        done = subprocess.run(
            [sys.executable, "-m", "smomtrack", "summary"],
            capture_output=True,
            env={**_env(), "PYTHONIOENCODING": "cp1252"},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(b"+---")

    def test_a_closed_pipe(self) -> None:
        """Output cut short by its reader (`| head`) ends quietly, with SIGPIPE's status."""
        command = f"{sys.executable} -m smomtrack summary --by state | head -n 1"
        done = subprocess.run(
            ["/bin/bash", "-o", "pipefail", "-c", command],
            capture_output=True,
            text=True,
            env=_env(),
            check=False,
        )
        assert done.returncode == 141
        assert "error" not in done.stderr

    def test_duplicate_rows_are_counted(self, tmp_path: Path) -> None:
        """Four identical rows: one recorded, three already there; none vanishes."""
        sheet = tmp_path / "rows.csv"
        sheet.write_text(
            "state,recommendation,status,as_of\n" + "MEX,SOM7-1,planned,2021-10-14\n" * 4
        )
        out = io.StringIO()
        argv = ["import", str(sheet), "--into", str(tmp_path / "t.json"), "--states", "MEX"]
        assert main(argv, out=out) == 0
        assert "1 recorded, 3 already there, 0 refused" in out.getvalue()


class TestWhatPeopleRead:
    def test_html_in_a_title_stays_text_in_markdown(self) -> None:
        """A `<script>` in a catalogue's text is shown as text in Markdown, never run."""
        from smomtrack import Catalogue, compile_by_topic, report  # noqa: PLC0415

        catalogue = builtin_catalogue()
        first = next(iter(catalogue))
        texts = [Text("en", "<script>alert(1)</script> & more", official=False)]
        changed = attrs.evolve(first, titles=texts)
        hostile = Catalogue(
            meetings=catalogue.meetings(),
            themes=catalogue.themes(),
            recommendations=[changed, *list(catalogue)[1:]],
        )
        tracker = Tracker(hostile, ["MEX"])
        table = summarize(tracker, "recommendation").render("github")
        assert "<script>" not in table
        assert "&lt;script&gt;" in table
        assert "<script>" not in summarize(tracker, "recommendation")._repr_markdown_()
        assert "<script>" not in compile_by_topic(hostile).render("markdown")
        assert "<script>" not in report(tracker, format="markdown")

    def test_math_in_chart_labels_is_text(self) -> None:
        """A group named like TeX is drawn as written, and the chart saves."""
        plt = pytest.importorskip("matplotlib.pyplot")
        tracker = Tracker(builtin_catalogue(), ["MEX", "FRA"])
        tracker.record("MEX", "SOM7-1", Status.PLANNED, as_of="2021-10-14")
        ax = summarize(tracker, {"MEX": "$a^{$", "FRA": "cost $x$"}).plot()
        buffer = io.BytesIO()
        ax.figure.savefig(buffer, format="svg")
        labels = [label.get_text() for label in ax.get_yticklabels()]
        assert any("$a^{" in label for label in labels)
        plt.close("all")
