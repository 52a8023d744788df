"""The colours of the statuses, shared by every picture smomtrack draws (HTML matrix, charts).

A diverging scale from red (not started) to blue (implemented) through yellow, from
ColorBrewer's RdYlBu: colour-blind-safe, unlike red-to-green scales, and readable in grey.
"Not applicable" is grey and "no information" white (drawn with an outline).
"""

from __future__ import annotations

from smomtrack._vocabulary.statuses import Status

__all__ = ["DARK_STATUSES", "HATCH", "NOT_EXPECTED_COLOUR", "OUTLINE", "STATUS_COLOURS"]

STATUS_COLOURS: dict[Status, str] = {
    Status.NOT_STARTED: "#d7191c",
    Status.PLANNED: "#fdae61",
    Status.IN_PROGRESS: "#ffffbf",
    Status.PARTIALLY_IMPLEMENTED: "#abd9e9",
    Status.IMPLEMENTED: "#2c7bb6",
    Status.NOT_APPLICABLE: "#bababa",
    Status.NO_INFORMATION: "#ffffff",
}
"""The colour of each status (hex RGB)."""

OUTLINE = "#808080"
"""The outline of white shapes ("no information") and of cells."""

NOT_EXPECTED_COLOUR = "#e6e6e6"
"""A pair not expected on the date: light grey, hatched (told apart in black and white)."""

HATCH = "#9a9a9a"
"""The hatching of a pair not expected."""

DARK_STATUSES = frozenset({Status.NOT_STARTED, Status.IMPLEMENTED})
"""Statuses whose colour is dark: their symbol is written in white."""
