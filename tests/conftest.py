"""Shared fixtures."""

from __future__ import annotations

import pytest

from smomtrack import Catalogue, builtin_catalogue


@pytest.fixture(name="catalogue")
def fixture_catalogue() -> Catalogue:
    """The built-in catalogue."""
    return builtin_catalogue()
