"""The State × recommendation heat map in parts that each fit a page.

A report's matrix may hold 195 States and hundreds of recommendations; one picture of it
cannot be read on paper. It is cut into parts: the States of each United Nations regional
group (a large group in pages of at most :data:`PAGE_STATES`), and the recommendations in
runs of at most :data:`PAGE_RECOMMENDATIONS` (one meeting's first). Each part is a matrix
of its own, drawn with its axis labels and its legend.
"""

from __future__ import annotations

import math
from itertools import groupby

import attrs

from smomtrack._presentation.labels import word
from smomtrack._presentation.names import in_reading_order
from smomtrack._summaries.matrix import MATRIX_SYMBOLS, Matrix
from smomtrack._vocabulary.regions import NO_GROUP, RegionalGroup, region_of
from smomtrack._vocabulary.states import state_name
from smomtrack._vocabulary.statuses import Status

__all__ = ["PAGE_RECOMMENDATIONS", "PAGE_STATES", "HeatRows", "heat_rows", "matrix_parts"]

PAGE_STATES = 36
"""The most States a part holds: their rows fit an A4 page in portrait, with the legend."""

PAGE_RECOMMENDATIONS = 24
"""The most recommendations a part holds: their columns fit an A4 page in portrait."""

_GROUP_ORDER = [group.value for group in RegionalGroup] + [NO_GROUP]


def _even(items: list[str], most: int) -> list[list[str]]:
    """*items* cut into the fewest runs of at most *most*, as even as can be."""
    if not items:
        return []
    count = math.ceil(len(items) / most)
    size = math.ceil(len(items) / count)
    return [items[start : start + size] for start in range(0, len(items), size)]


def matrix_parts(
    result: Matrix,
    *,
    states: int = PAGE_STATES,
    recommendations: int = PAGE_RECOMMENDATIONS,
) -> list[tuple[str, Matrix]]:
    """*result* in parts that each fit a page: the regional group of each, and the part.

    >>> from smomtrack import synthetic, matrix
    >>> parts = matrix_parts(matrix(synthetic(states=150), as_of="2023-12-31"))
    >>> len(parts), all(len(part.states) <= PAGE_STATES for _, part in parts)
    (7, True)
    """
    by_group: dict[str, list[str]] = {}
    for state in result.states:
        by_group.setdefault(region_of(state), []).append(state)
    runs: list[list[str]] = []
    for _, keys in groupby(result.recommendations, key=lambda key: key.rpartition("-")[0]):
        runs.extend(_even(list(keys), recommendations))
    parts = []
    for group in sorted(by_group, key=_GROUP_ORDER.index):
        for chunk in _even(by_group[group], states):
            for run in runs:
                cells = {
                    (state, key): result.cells[state, key]
                    for state in chunk
                    for key in run
                    if (state, key) in result.cells
                }
                part = attrs.evolve(
                    result, states=tuple(chunk), recommendations=tuple(run), cells=cells
                )
                parts.append((group, part))
    return parts


@attrs.frozen
class HeatRows:
    """A heat map part as a document draws it: headings, rows of statuses, legend.

    Attributes:
        heading: What the columns are, above them ("Recommendation — seventh meeting"),
            or ``None`` when the columns name their recommendations in full.
        columns: The label of each column.
        rows: Each State's name (in the language) and the status of each of its cells
            (``None``: the pair is not expected on the date).
        legend: Each status (``None``: not expected), its symbol and its label.
    """

    heading: str | None
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Status | None, ...]], ...]
    legend: tuple[tuple[Status | None, str, str], ...]


def heat_rows(part: Matrix, lang: str) -> HeatRows:
    """*part* as rows to draw in *lang*: States as people read them there."""
    labels, heading = part.column_labels(lang)
    states = in_reading_order("state", list(part.states), lang)
    rows = tuple(
        (
            state_name(state, lang),
            tuple(part.cells.get((state, key)) for key in part.recommendations),
        )
        for state in states
    )
    legend: tuple[tuple[Status | None, str, str], ...] = (
        *((status, MATRIX_SYMBOLS[status], status.label(lang)) for status in Status),
        (None, "", word("not_expected", lang)),
    )
    return HeatRows(heading, tuple(labels), rows, legend)
