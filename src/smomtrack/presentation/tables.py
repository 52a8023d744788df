"""Table formats: the ones tabulate draws, and those whose cells can wrap."""

from __future__ import annotations

import tabulate as tabulate_module

from smomtrack.exceptions import InvalidDataError

__all__ = ["TABLE_FORMATS", "WRAPPING_FORMATS", "check_format"]

TABLE_FORMATS: tuple[str, ...] = tuple(sorted(tabulate_module.tabulate_formats))
"""Every table format tabulate knows (``"github"``, ``"grid"``, ``"html"``, ``"latex"``, …)."""

WRAPPING_FORMATS = frozenset(
    {
        "plain",
        "simple",
        "grid",
        "simple_grid",
        "rounded_grid",
        "fancy_grid",
        "rst",
        "psql",
        "outline",
        "pretty",
    }
)


def check_format(fmt: str) -> str:
    """Return *fmt* if tabulate knows it.

    Raises:
        InvalidDataError: It does not; the message lists the formats.
    """
    if fmt not in TABLE_FORMATS:
        raise InvalidDataError(
            f"unknown table format {fmt!r}; choose one of {', '.join(TABLE_FORMATS)}"
        )
    return fmt
