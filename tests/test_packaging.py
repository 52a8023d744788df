"""The package as users install it: version, public names, typing marker."""

from __future__ import annotations

from importlib import metadata, resources

import smomtrack


class TestPackaging:
    def test_version_comes_from_metadata(self) -> None:
        """__version__ is the installed distribution's version."""
        assert smomtrack.__version__ == metadata.version("smomtrack")

    def test_all_is_complete(self) -> None:
        """Every name in __all__ exists, once (ruff's RUF022 keeps it sorted)."""
        assert len(set(smomtrack.__all__)) == len(smomtrack.__all__)
        for name in smomtrack.__all__:
            assert hasattr(smomtrack, name), name

    def test_py_typed_is_shipped(self) -> None:
        """The package declares that it is typed (PEP 561)."""
        assert resources.files("smomtrack").joinpath("py.typed").is_file()

    def test_builtin_data_is_shipped(self) -> None:
        """The built-in catalogue's JSON is inside the package."""
        assert resources.files("smomtrack").joinpath("data", "catalogue.json").is_file()
