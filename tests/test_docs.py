"""Every example in the documentation and the docstrings runs and gives what it shows.

- ``>>>`` examples in ``docs/*.md`` and in every module's docstrings run as doctests;
- ``$ smomtrack …`` lines in ```` ```console ```` blocks of the docs run through the
  command line, and their output must be the lines that follow.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import pkgutil
import re
import shlex
from pathlib import Path

import pytest

import smomtrack
from smomtrack.cli import main

DOCS = Path(__file__).parent.parent / "docs"
PAGES = sorted(DOCS.glob("*.md"))
MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(smomtrack.__path__, prefix="smomtrack.")
    if not name.endswith("__main__")
)
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)
PYCON = re.compile(r"```pycon\n(.*?)```", re.DOTALL)


def run_pycon_blocks(page: Path) -> doctest.TestResults:
    """Run the page's ```` ```pycon ```` blocks in order, as one doctest sharing its names."""
    source = "\n\n".join(PYCON.findall(page.read_text(encoding="utf-8")))
    test = doctest.DocTestParser().get_doctest(source, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    return runner.summarize(verbose=False)


def console_examples(page: Path) -> list[tuple[str, str, int]]:
    """(command, expected output, exit status) for each ``$ smomtrack`` line of the page.

    The exit status is 0 unless the command is followed by ``$ echo $?`` and its output.
    """
    examples: list[tuple[str, str, int]] = []
    for block in CONSOLE.findall(page.read_text(encoding="utf-8")):
        command: str | None = None
        output: list[str] = []
        status_next = False
        for line in [*block.splitlines(), "$ end"]:
            if line.startswith("$ "):
                if command is not None:
                    examples.append((command, "\n".join(output), 0))
                command = line[2:] if line.startswith("$ smomtrack") else None
                status_next = line == "$ echo $?" and bool(examples)
                output = []
            elif status_next:
                examples[-1] = (examples[-1][0], examples[-1][1], int(line))
                status_next = False
            elif command is not None:
                output.append(line)
    return examples


class TestDocs:
    @pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
    def test_doctests_in_pages(self, page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The page's Python examples give the output shown (run from the repository's root)."""
        monkeypatch.chdir(DOCS.parent)
        result = run_pycon_blocks(page)
        assert result.failed == 0

    @pytest.mark.parametrize(
        "page", [p for p in PAGES if console_examples(p)], ids=lambda p: p.name
    )
    def test_console_examples(
        self, page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The command line prints what the docs show (both streams), with the exit status shown.

        A page's commands run in order in a folder of their own, where ``tests/`` is the
        repository's: files a command writes are there for the next one, and nowhere else.
        """
        (tmp_path / "tests").symlink_to(DOCS.parent / "tests", target_is_directory=True)
        monkeypatch.chdir(tmp_path)
        for command, expected, status in console_examples(page):
            out = io.StringIO()
            with contextlib.redirect_stderr(out):
                assert main(shlex.split(command)[1:], out=out) == status, command
            assert out.getvalue().rstrip("\n") == expected.rstrip("\n"), command

    @pytest.mark.parametrize("name", MODULES)
    def test_docstrings(self, name: str) -> None:
        """The module's docstring examples give the output shown."""
        result = doctest.testmod(importlib.import_module(name), optionflags=FLAGS)
        assert result.failed == 0

    def test_there_are_examples(self) -> None:
        """The harness finds the docs' examples (a harness that finds nothing proves nothing)."""
        assert any(console_examples(page) for page in PAGES)
        assert "smomtrack._vocabulary.dates" in MODULES


class TestReference:
    def test_every_public_name_is_documented(self) -> None:
        """Each name of the package appears in the API reference (exceptions by their module)."""
        api = (DOCS / "api.md").read_text(encoding="utf-8")
        missing = [
            name
            for name in smomtrack.__all__
            if name != "__version__"
            and not re.search(rf"\.\. auto\w+:: smomtrack\.{name}\b", api)
            and not hasattr(smomtrack.exceptions, name)
        ]
        assert missing == []
        assert ".. automodule:: smomtrack.exceptions" in api

    def test_the_design_page_is_in_the_table_of_contents(self) -> None:
        """The design page is reachable from the index."""
        assert "\ndesign\n" in (DOCS / "index.md").read_text(encoding="utf-8")
