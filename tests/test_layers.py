"""The house stays easy to see: each layer imports only the layers below it (docs/design.md)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "smomtrack"

LAYERS = {
    "_words": -1,  # the word catalogues: what every layer says, exceptions included
    "exceptions": 0,
    "_extras": 0.5,  # optional libraries, imported when a feature needs them
    "_vocabulary": 1,
    "_records": 1.5,  # records use the vocabulary
    "_catalogue": 2,
    "_presentation": 2.5,  # words, names and table formats of every output
    "_tracking": 3,
    "_summaries": 4,
    "_rendering": 5,
    "_interchange": 6,
    "cli": 7,
    "__main__": 7,
    "__init__": 8,  # the package re-exports everything
    "records": 8,  # the public modules re-export from the private ones
    "results": 8,
    "vocabulary": 8,
    "extending": 8,
}
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def layer_of(module: str) -> float:
    """The layer of a dotted module name inside the package."""
    parts = module.split(".")
    return LAYERS[parts[1] if len(parts) > 1 else "__init__"]


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__" and len(parts) > 2:
        parts.pop()
    return ".".join(parts)


class TestLayers:
    @pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
    def test_imports_go_down(self, path: Path) -> None:
        """No module imports from a layer above its own."""
        name = module_name(path)
        own = layer_of(name) if name != "smomtrack.__init__" else LAYERS["__init__"]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("smomtrack")
            ):
                imported = node.module
            elif isinstance(node, ast.Import):
                imported = next((a.name for a in node.names if a.name.startswith("smomtrack")), "")
            else:
                continue
            if imported in {"", "smomtrack"}:
                continue
            assert layer_of(imported) <= own, f"{name} (layer {own}) imports {imported}"

    def test_no_circles(self) -> None:
        """No module reaches itself through its imports, those inside functions included."""
        found = {module_name(path): _imports(path) for path in MODULES}
        graph = {
            module: {owner for name in imported if (owner := _owner(name, set(found)))} - {module}
            for module, imported in found.items()
        }
        circles = sorted(module for module in graph if module in _reach(graph, module))
        assert not circles, circles

    def test_the_circle_test_sees_circles(self) -> None:
        """A circle through a function's import is found."""
        graph = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
        assert [m for m in graph if m in _reach(graph, m)] == ["a", "b"]

    def test_every_folder_has_a_layer(self) -> None:
        """A new folder or top-level module must be placed in a layer here."""
        tops = {
            p.stem if p.is_file() else p.name
            for p in PACKAGE.iterdir()
            if p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists())
        }
        assert tops <= set(LAYERS), tops - set(LAYERS)


def _imports(path: Path) -> set[str]:
    """Every module of the package *path* imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("smomtrack"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("smomtrack"))
    return found


def _owner(name: str, known: set[str]) -> str | None:
    """The module *name* is, or lies in (``a.b.c`` for ``from a.b import c`` or ``a.b``'s c)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name if name and name != "smomtrack" else None


def _reach(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module *start* loads, directly or not."""
    seen: set[str] = set()
    todo = list(graph.get(start, ()))
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph.get(module, ()))
    return seen


def loaded_after(statement: str) -> set[str]:
    """The modules loaded by *statement* in a fresh interpreter (not measured by coverage,
    whose own modules would be counted)."""
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_PROCESS")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return set(result.stdout.split())


LAYER_PACKAGES = [name for name, layer in LAYERS.items() if layer < 7 and name != "exceptions"]


class TestLayersAtRunTime:
    @pytest.mark.parametrize("package", LAYER_PACKAGES)
    def test_a_layer_loads_only_layers_below(self, package: str) -> None:
        """Importing every module of a layer loads no module of a higher layer."""
        modules = sorted(
            module_name(path) for path in MODULES if path.relative_to(PACKAGE).parts[0] == package
        )
        loaded = loaded_after("\n".join(f"import {m}" for m in modules))
        ours = {m for m in loaded if m.startswith("smomtrack.")}
        above = {m for m in ours if layer_of(m) > LAYERS[package]}
        assert not above, f"{package} loads {sorted(above)}"

    def test_import_smomtrack_loads_nothing_else(self) -> None:
        """The package imports its names when first used, not when imported."""
        loaded = loaded_after("import smomtrack")
        assert {m for m in loaded if m.startswith("smomtrack")} == {"smomtrack"}
        assert not loaded & {"sqlite3", "tabulate", "cattrs", "attrs", "dateutil"}

    def test_a_small_module_stays_small(self) -> None:
        """The key readers need no database, no tables and no converter."""
        loaded = loaded_after("import smomtrack._vocabulary.keys")
        assert not loaded & {"sqlite3", "tabulate", "cattrs", "pycountry"}

    def test_names_are_loaded_on_first_use(self) -> None:
        """A name of the package is there when used, and the summaries render without setup."""
        loaded = loaded_after(
            "import smomtrack\n"
            "t = smomtrack.synthetic(states=3)\n"
            "print(smomtrack.summarize(t, 'theme').render('github'))"
        )
        assert "smomtrack._summaries.summary" in loaded
        others = {"compilation", "disagreements", "follow_up", "matrix", "progress"}
        assert not {f"smomtrack._summaries.{name}" for name in others} & loaded
        assert "smomtrack._rendering.report" not in loaded
        assert "smomtrack._interchange.sqlite_store" not in loaded

    def test_every_public_name_resolves(self) -> None:
        """Each name of __all__ imports, and unknown names raise AttributeError."""
        import smomtrack  # noqa: PLC0415

        for name in smomtrack.__all__:
            assert getattr(smomtrack, name) is not None
        with pytest.raises(AttributeError, match="no attribute 'nothing'"):
            _ = smomtrack.nothing  # type: ignore[attr-defined]
        assert set(smomtrack.__all__) <= set(dir(smomtrack))
