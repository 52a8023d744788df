"""The optional extras: a library imported when a feature first needs it, or an error naming it."""

from __future__ import annotations

import importlib
from typing import Any

from smomtrack.exceptions import MissingExtraError

__all__ = ["require"]


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
