"""The State × recommendation matrix of statuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.records.fields import FrozenMap, frozen_map
from smomtrack.summaries.presentation import Presentable
from smomtrack.summaries.scope import KnownAt, as_known, in_scope, pairs, states_in_scope
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.dates import as_of_date
from smomtrack.vocabulary.keys import recommendation_key
from smomtrack.vocabulary.regions import RegionalGroup
from smomtrack.vocabulary.states import by_name
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import ReporterChoice

__all__ = ["Matrix", "matrix"]


def _cells(cells: Mapping[tuple[str, str], Status]) -> FrozenMap[tuple[str, str], Status]:
    return frozen_map(cells)


@attrs.frozen
class Matrix(Presentable):
    """Statuses of every State (rows) on every recommendation (columns) as of a date.

    Attributes:
        as_of: The date.
        states: The row keys (State codes), by English name (tables re-order them by the
            name in their language).
        recommendations: The column keys, in catalogue order.
        cells: The status per ``(state, recommendation)``; a pair not expected on the date
            (:meth:`Tracker.expected`) has no cell.
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
            KeyError: The State or the recommendation is not in the matrix, or the pair is
                not expected on the date.
        """
        return self.cells[(state, recommendation_key(recommendation) or recommendation)]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per State: ``state``, then one key per recommendation (the status value)."""
        return [
            {
                "state": state,
                **{
                    key: cell.value if (cell := self.cells.get((state, key))) else None
                    for key in self.recommendations
                },
            }
            for state in self.states
        ]


def matrix(  # noqa: PLR0913 (the filters of a summary)
    tracker: Tracker,
    *,
    as_of: dt.date | str | None = None,
    meeting: str | None = None,
    theme: str | None = None,
    region: RegionalGroup | str | None = None,
    reporter: ReporterChoice = None,
    known_at: KnownAt = None,
) -> Matrix:
    """The State × recommendation matrix of statuses as of a date (today by default).

    *region*, *reporter* and *known_at* work as in :func:`~smomtrack.summarize`.

    Raises:
        UnknownMeetingError: *meeting* is not in the catalogue.
        UnknownThemeError: *theme* is not in the catalogue.
        InvalidDataError: *region* is not a regional group.
    """
    day = as_of_date(as_of)
    known = as_known(tracker, known_at)
    recommendations = in_scope(known, meeting, theme)
    states = states_in_scope(known, region)
    cells = {
        (state, rec.key): status
        for rec, state, status, _ in pairs(known, recommendations, day, reporter, states=states)
    }
    return Matrix(
        as_of=day,
        states=tuple(by_name(states)),
        recommendations=tuple(r.key for r in recommendations),
        cells=cells,
        catalogue=tracker.catalogue,
    )
