"""The State × recommendation matrix of statuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.records.fields import FrozenMap, frozen_map
from smomtrack.summaries.presentation import Presentable
from smomtrack.summaries.scope import in_scope, pairs
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.dates import as_of_date
from smomtrack.vocabulary.keys import recommendation_key
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import Reporter

__all__ = ["Matrix", "matrix"]


def _cells(cells: Mapping[tuple[str, str], Status]) -> FrozenMap[tuple[str, str], Status]:
    return frozen_map(cells)


@attrs.frozen
class Matrix(Presentable):
    """Statuses of every State (rows) on every recommendation (columns) as of a date.

    Attributes:
        as_of: The date.
        states: The row keys (alpha-3 codes), sorted.
        recommendations: The column keys, in catalogue order.
        cells: The status per ``(state, recommendation)``.
        catalogue: The catalogue (for titles when rendering).
    """

    as_of: dt.date
    states: tuple[str, ...]
    recommendations: tuple[str, ...]
    cells: Mapping[tuple[str, str], Status] = attrs.field(converter=_cells, repr=False)
    catalogue: Catalogue = attrs.field(eq=False, repr=False)

    def status(self, state: str, recommendation: str) -> Status:
        """The status in the cell of *state* (alpha-3) and *recommendation* (any key form).

        Raises:
            KeyError: The State or the recommendation is not in the matrix.
        """
        return self.cells[(state, recommendation_key(recommendation) or recommendation)]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per State: ``state``, then one key per recommendation (the status value)."""
        return [
            {
                "state": state,
                **{key: self.cells[(state, key)].value for key in self.recommendations},
            }
            for state in self.states
        ]


def matrix(
    tracker: Tracker,
    *,
    as_of: dt.date | str | None = None,
    meeting: str | None = None,
    theme: str | None = None,
    reporter: Reporter | str | None = None,
) -> Matrix:
    """The State × recommendation matrix of statuses as of a date (today by default).

    Raises:
        UnknownMeetingError: *meeting* is not in the catalogue.
        UnknownThemeError: *theme* is not in the catalogue.
    """
    day = as_of_date(as_of)
    recommendations = in_scope(tracker, meeting, theme)
    who = None if reporter is None else Reporter.parse(reporter)
    cells = {
        (state, rec.key): status
        for rec, state, status, _ in pairs(tracker, recommendations, day, who)
    }
    return Matrix(
        as_of=day,
        states=tracker.states,
        recommendations=tuple(r.key for r in recommendations),
        cells=cells,
        catalogue=tracker.catalogue,
    )
