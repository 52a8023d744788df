"""The scope of a summary: which recommendations and States, as known when, and their statuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from smomtrack.records.recommendations import Recommendation
from smomtrack.records.responses import Response
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.regions import RegionalGroup, region_of
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import ReporterChoice

__all__ = ["KnownAt", "as_known", "in_scope", "pairs", "states_in_scope"]

KnownAt = dt.datetime | dt.date | str | None
"""When the records counted were known by (see :meth:`Tracker.known_at`); ``None``: now."""


def as_known(tracker: Tracker, known_at: KnownAt) -> Tracker:
    """The tracker as known at *known_at* (itself when ``None``)."""
    return tracker if known_at is None else tracker.known_at(known_at)


def in_scope(
    tracker: Tracker, meeting: str | None = None, theme: str | None = None
) -> tuple[Recommendation, ...]:
    """The recommendations of the tracker's catalogue narrowed by *meeting* and *theme*."""
    return tracker.catalogue.recommendations(meeting=meeting, theme=theme)


def states_in_scope(tracker: Tracker, region: RegionalGroup | str | None = None) -> tuple[str, ...]:
    """The tracker's States, narrowed to one regional group.

    Raises:
        InvalidDataError: *region* is not a regional group.
    """
    if region is None:
        return tracker.states
    group = RegionalGroup.parse(region).value
    return tuple(state for state in tracker.states if region_of(state) == group)


def pairs(  # noqa: PLR0913 (the scope of a summary)
    tracker: Tracker,
    recommendations: tuple[Recommendation, ...],
    day: dt.date,
    reporter: ReporterChoice = None,
    *,
    states: tuple[str, ...] | None = None,
    expected_only: bool = True,
) -> Iterator[tuple[Recommendation, str, Status, Response | None]]:
    """Every pair in scope with its status and current response on *day*.

    Pairs not expected on *day* (:meth:`Tracker.expected`) are left out unless
    *expected_only* is false.
    """
    snapshot = tracker.at(day, reporter=reporter)
    for recommendation in recommendations:
        key = recommendation.key
        for state in tracker.states if states is None else states:
            if expected_only and not tracker.expected(state, key, day):
                continue
            response = snapshot.response(state, key)
            status = Status.NO_INFORMATION if response is None else response.status
            yield recommendation, state, status, response
