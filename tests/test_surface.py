"""A small, deliberate surface: the names listed once, the public modules, the names that moved."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

import smomtrack

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from stubs import STUB, stub  # noqa: E402 (the script that writes the stub)

PUBLIC_MODULES = ("exceptions", "records", "results", "vocabulary", "extending")
TABLE: dict[str, str] = smomtrack._PUBLIC  # type: ignore[attr-defined]
MOVED: dict[str, tuple[str, str]] = smomtrack._MOVED  # type: ignore[attr-defined]


class TestTopLevel:
    def test_listed_once(self) -> None:
        """``__all__`` is the table's names (and the version), about 35 of them."""
        assert smomtrack.__all__ == sorted([*TABLE, "__version__"])
        assert len(smomtrack.__all__) <= 42

    def test_the_stub_is_made_from_the_table(self) -> None:
        """The type stub is what scripts/stubs.py writes from the table."""
        assert STUB.read_text(encoding="utf-8") == stub(), "run `python scripts/stubs.py`"

    @pytest.mark.parametrize("name", sorted(MOVED))
    def test_moved_names_warn_and_work(self, name: str) -> None:
        """A name that left the top level still works, with a warning that names its new place."""
        module, instead = MOVED[name]
        with pytest.warns(DeprecationWarning, match=re.escape(f"use {instead} instead")):
            value = getattr(smomtrack, name)
        assert value is getattr(importlib.import_module(module), name)
        if instead.endswith(f".{name}"):
            assert importlib.import_module(instead.rsplit(".", 1)[0]).__dict__[name] is value
        assert name not in smomtrack.__all__

    def test_a_moved_name_warns_every_time(self) -> None:
        """Using a moved name twice warns twice: it is not kept at the top level."""
        for _ in range(2):
            with pytest.warns(DeprecationWarning, match="smomtrack.exceptions.InvalidDataError"):
                _ = smomtrack.InvalidDataError  # type: ignore[attr-defined]


class TestPublicModules:
    @pytest.mark.parametrize("name", PUBLIC_MODULES)
    def test_every_name_is_there(self, name: str) -> None:
        """Each public module's ``__all__`` names each thing once (ruff's RUF022 sorts it)."""
        module = importlib.import_module(f"smomtrack.{name}")
        names = list(module.__all__)
        assert len(set(names)) == len(names)
        for item in names:
            assert getattr(module, item) is not None

    def test_the_api_page_lists_exactly_the_public_surface(self) -> None:
        """docs/api.md documents every public name and refers to no private module."""
        api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
        assert "smomtrack._" not in api
        for name in TABLE:
            assert f"smomtrack.{name}" in api, name
        for module_name in PUBLIC_MODULES:
            module = importlib.import_module(f"smomtrack.{module_name}")
            assert f"smomtrack.{module_name}" in api
            if module_name == "exceptions":
                continue  # documented whole with automodule
            for name in module.__all__:
                assert f"smomtrack.{module_name}.{name}" in api, f"{module_name}.{name}"

    def test_guides_use_only_public_names(self) -> None:
        """No page of the documentation, nor the README, imports from a private module."""
        pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
        for page in pages:
            if page.name in {"changelog.md", "design.md"}:
                continue  # the design page is for whoever changes smomtrack itself
            text = page.read_text(encoding="utf-8")
            assert not re.search(r"smomtrack\._", text), page.name
