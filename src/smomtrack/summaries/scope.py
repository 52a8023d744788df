"""The scope of a summary: which recommendations and States, and their statuses on a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from smomtrack.records.recommendations import Recommendation
from smomtrack.records.responses import Response
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import Reporter

__all__ = ["in_scope", "pairs"]


def in_scope(
    tracker: Tracker, meeting: str | None = None, theme: str | None = None
) -> tuple[Recommendation, ...]:
    """The recommendations of the tracker's catalogue narrowed by *meeting* and *theme*."""
    return tracker.catalogue.recommendations(meeting=meeting, theme=theme)


def pairs(
    tracker: Tracker,
    recommendations: tuple[Recommendation, ...],
    day: dt.date,
    reporter: Reporter | None = None,
) -> Iterator[tuple[Recommendation, str, Status, Response | None]]:
    """Every (recommendation, State) pair in scope with its status and current response on *day*."""
    snapshot = tracker.at(day, reporter=reporter)
    for recommendation in recommendations:
        key = recommendation.key
        for state in tracker.states:
            response = snapshot.response(state, key)
            status = Status.NO_INFORMATION if response is None else response.status
            yield recommendation, state, status, response
