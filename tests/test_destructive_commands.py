"""The command line never destroys what it did not mean to: every writer against every file.

Each command that writes (`report`, `demo`, `export`, `template`, `ingest`) is tried against
an existing store, a tracker document, a catalogue and one of its own inputs, under a name
its kind allows and under others. Nothing refused is touched; exit status 2.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from smomtrack import Tracker, builtin_catalogue, save, to_json
from smomtrack.cli import main
from tests.closing import open_tracker

REPORT = Path(__file__).parent / "data" / "report-recommendations.en.txt"


@pytest.fixture(name="files")
def _files(tmp_path: Path) -> dict[str, Path]:
    """A store, a tracker document and a catalogue, each also under a misleading name."""
    tracker = Tracker(builtin_catalogue(), ["MEX"])
    tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14")
    made = {
        "store": tmp_path / "team.sqlite",
        "tracker": tmp_path / "tracker.json",
        "catalogue": tmp_path / "catalogue.json",
    }
    save(tracker, made["store"])
    save(tracker, made["tracker"])
    made["catalogue"].write_text(to_json(builtin_catalogue()), encoding="utf-8")
    for kind, path in list(made.items()):
        for suffix in (".md", ".csv", ".xlsx", ".html", ".json"):
            alias = tmp_path / f"{kind}-named{suffix}"
            alias.write_bytes(path.read_bytes())
            made[f"{kind}{suffix}"] = alias
    with open_tracker(made["store"]):
        pass
    return made


def _run(*argv: object) -> tuple[int, str]:
    out = io.StringIO()
    status = main([str(a) for a in argv], out=out)
    return status, out.getvalue()


def _writers(files: dict[str, Path], target: Path) -> list[list[object]]:
    return [
        ["report", files["tracker"], "-o", target],
        ["report", files["tracker"], "--format", "html", "-o", target],
        ["demo", "-o", target],
        ["export", files["tracker"], "-o", target],
        ["template", "--states", "MEX", "-o", target],
        ["ingest", REPORT, "--meeting", "SOM9", "-o", target],
    ]


class TestNothingDestroyed:
    @pytest.mark.parametrize("kind", ["store", "tracker", "catalogue"])
    @pytest.mark.parametrize("suffix", ["", ".md", ".csv", ".xlsx", ".html", ".json"])
    def test_a_tracker_or_store_is_never_replaced(
        self, files: dict[str, Path], kind: str, suffix: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Whatever its name, a file holding a store, a tracker or a catalogue is left alone.

        (A catalogue, only `ingest` replaces: it makes catalogues.)
        """
        target = files[kind + suffix]
        before = target.read_bytes()
        for argv in _writers(files, target):
            if kind == "catalogue" and argv[0] == "ingest" and target.suffix == ".json":
                continue
            status, _ = _run(*argv)
            assert status == 2, argv
            assert target.read_bytes() == before, argv
            assert "Traceback" not in capsys.readouterr().err

    def test_force_replaces(self, files: dict[str, Path]) -> None:
        """Told to (--force), a command replaces a tracker with what it writes."""
        target = files["tracker.md"]
        assert _run("demo", "-o", target, "--force")[0] == 0
        assert target.read_text(encoding="utf-8").startswith("# ")

    def test_a_catalogue_may_be_written_again(self, files: dict[str, Path]) -> None:
        """`ingest` replaces a catalogue: that is its job (a tracker it would not)."""
        status, output = _run("ingest", REPORT, "--meeting", "SOM9", "-o", files["catalogue"])
        assert status == 0, output
        assert "a catalogue of" in output

    def test_a_tracker_naming_a_catalogue_is_a_tracker(self, tmp_path: Path) -> None:
        """A tracker whose texts mention a catalogue's format is still not replaced by ingest."""
        tracker = Tracker(builtin_catalogue(), ["MEX"])
        tracker.record("MEX", "SOM7-1", "planned", as_of="2021-10-14", notes="smomtrack.catalogue")
        target = tmp_path / "tracker.json"
        save(tracker, target)
        before = target.read_bytes()
        assert b'"smomtrack.catalogue"' in before
        assert _run("ingest", REPORT, "--meeting", "SOM9", "-o", target)[0] == 2
        assert target.read_bytes() == before

    def test_an_input_is_never_the_output(self, files: dict[str, Path]) -> None:
        """`-o` naming what the command reads is refused, even with --force."""
        base = files["catalogue"]
        before = base.read_bytes()
        for force in ([], ["--force"]):
            argv = ["ingest", REPORT, "--meeting", "SOM9", "--catalogue", base, "-o", base]
            assert _run(*argv, *force)[0] == 2
        assert base.read_bytes() == before

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["export", "{tracker}", "-o", "{dir}/e.json"], ".csv, .tsv or .xlsx"),
            (["export", "{tracker}", "-o", "{dir}/e.txt"], ".csv, .tsv or .xlsx"),
            (["template", "-o", "{dir}/q.ods"], ".csv or .xlsx"),
            (["template", "-o", "{dir}/q.json"], ".csv or .xlsx"),
            (["report", "{tracker}", "-o", "{dir}/r.sqlite"], ".md or .markdown"),
            (["report", "{tracker}", "--format", "docx", "-o", "{dir}/r.md"], ".docx"),
            (["ingest", str(REPORT), "--meeting", "SOM9", "-o", "{dir}/c.sqlite"], ".json"),
        ],
    )
    def test_only_what_the_command_writes(
        self,
        files: dict[str, Path],
        tmp_path: Path,
        argv: list[str],
        message: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Each writer accepts only the suffixes of what it writes; nothing is written."""
        filled = [a.format(tracker=files["tracker"], dir=tmp_path) for a in argv]
        assert _run(*filled)[0] == 2
        assert message in capsys.readouterr().err
        assert not Path(filled[-1]).exists()

    def test_exports_to_tab_separated_files(self, files: dict[str, Path], tmp_path: Path) -> None:
        """A .tsv export is separated by tabs, and reads back."""
        target = tmp_path / "e.tsv"
        assert _run("export", files["tracker"], "-o", target)[0] == 0
        assert target.read_text(encoding="utf-8-sig").splitlines()[0].count("\t") == 10
        assert _run("validate", target)[0] == 0
