"""The house stays easy to see: each layer imports only the layers below it (DESIGN.md §7)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "smomtrack"

LAYERS = {
    "exceptions": 0,
    "vocabulary": 1,
    "records": 1.5,  # records use the vocabulary
    "catalogue": 2,
    "tracking": 3,
    "summaries": 4,
    "rendering": 5,
    "interchange": 6,
    "cli": 7,
    "__main__": 7,
    "__init__": 8,  # the package re-exports everything
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

    def test_every_folder_has_a_layer(self) -> None:
        """A new folder or top-level module must be placed in a layer here."""
        tops = {
            p.stem if p.is_file() else p.name
            for p in PACKAGE.iterdir()
            if p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists())
        }
        assert tops <= set(LAYERS), tops - set(LAYERS)
