"""The optional extras: a library imported when a feature first needs it, or an error naming it."""

from __future__ import annotations

import importlib
from typing import Any

from smomtrack.exceptions import MissingExtraError

__all__ = ["optional", "require"]


def require(module: str, feature: str, extra: str) -> Any:
    """The module *module*, imported now.

    Raises:
        MissingExtraError: It is not installed: *feature* needs ``pip install
            'smomtrack[extra]'``.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(feature, extra) from exc


def optional(module: str) -> Any:
    """The module *module* if it is installed (a faster way to the same result), else ``None``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None
