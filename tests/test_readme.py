"""The README keeps its promise: exactly two commands, and CI runs the test one."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    return re.findall(r"```console\n(.*?)\n```", README, re.DOTALL)


class TestReadme:
    def test_exactly_two_commands(self) -> None:
        """The README has two console commands: the main job and the tests."""
        main, tests = commands()
        assert main.endswith("smomtrack demo")
        assert tests.endswith("-m pytest")
        assert all("\n" not in command for command in (main, tests))

    def test_ci_runs_the_readme_test_command(self) -> None:
        """.ci/run reads the test command from the README under its marker."""
        assert "<!-- test-command -->\n```console\n" + commands()[1] in README
        ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        assert "<!-- test-command -->" in ci
        assert 'bash -c "$test_command"' in ci

    def test_python_example_runs(self) -> None:
        """The README's Python example runs and prints French and Spanish output."""
        (code,) = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(compile(code, "README.md", "exec"), {})  # noqa: S102 (our own documentation)
        printed = output.getvalue()
        assert printed.startswith("Les États devraient améliorer leur coopération")
        assert "| Thème " in printed
        assert "# Aplicación de las recomendaciones" in printed
