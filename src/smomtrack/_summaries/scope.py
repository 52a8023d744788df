"""The scope of a result: which pairs it covers, on which date, whose word counts, as known when.

Every summary, the matrix, progress, follow-up, disagreements and the report take the same
filters. They are one value, :class:`Scope`, read and checked once, and the same keywords
(:class:`Filters`) everywhere:

>>> scope = Scope.of(as_of="14 octobre 2021", region="GRULAC", reporter="Secrétariat")
>>> scope.as_of, scope.region, scope.reporter
(datetime.date(2021, 10, 14), <RegionalGroup.LATIN_AMERICAN_CARIBBEAN: \
'latin_american_caribbean'>, (<Reporter.SECRETARIAT: 'secretariat'>,))
>>> Scope.of(scope, as_of="2022-06-30").as_of
datetime.date(2022, 6, 30)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, TypedDict, Unpack

import attrs

from smomtrack._records.recommendations import Recommendation
from smomtrack._records.responses import Response
from smomtrack._summaries.counting import NOT_EXPECTED, positions_at
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.dates import as_of_date, parse_date
from smomtrack._vocabulary.regions import RegionalGroup, region_of
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Reporter, ReporterChoice, precedence

__all__ = ["Filters", "KnownAt", "Scope"]

KnownAt = dt.datetime | dt.date | str | None
"""When the records counted were known by (see :meth:`Tracker.known_at`); ``None``: now."""


class Filters(TypedDict, total=False):
    """The keywords every result takes; each one is a field of :class:`Scope`."""

    as_of: dt.date | str | None
    meeting: str | None
    theme: str | None
    region: RegionalGroup | str | None
    reporter: ReporterChoice
    known_at: KnownAt


def _region(value: RegionalGroup | str | None) -> RegionalGroup | None:
    return None if value is None else RegionalGroup.parse(value)


def _reporter(value: ReporterChoice) -> tuple[Reporter, ...] | None:
    return None if value is None else precedence(value)


def _known_at(value: KnownAt) -> KnownAt:
    if value is not None and not isinstance(value, dt.datetime):
        parse_date(value)  # refused here, once, if it is not a date
    return value


@attrs.frozen(kw_only=True)
class Scope:
    """Which pairs a result covers and how it reads them; checked when made.

    Attributes:
        as_of: The date statuses are taken at (today by default; never after tomorrow).
        meeting: Only this meeting's recommendations (checked against the catalogue when used).
        theme: Only this theme's recommendations (likewise).
        region: Only the States of this United Nations regional group.
        reporter: Whose word counts, in order of precedence; ``None``: the State's own, then
            the Secretariat's, civil society's and others' (see :func:`~smomtrack.summarize`).
        known_at: Only the records recorded by then (``None``: all of them).
    """

    as_of: dt.date = attrs.field(factory=lambda: as_of_date(None), converter=as_of_date)
    meeting: str | None = None
    theme: str | None = None
    region: RegionalGroup | None = attrs.field(default=None, converter=_region)
    reporter: tuple[Reporter, ...] | None = attrs.field(default=None, converter=_reporter)
    known_at: KnownAt = attrs.field(default=None, converter=_known_at)

    @classmethod
    def of(cls, scope: Scope | None = None, /, **filters: Unpack[Filters]) -> Scope:
        """*scope* (or the whole of today's data) with the *filters* given instead.

        A filter given as ``None`` is not given: the scope's own stands.

        Raises:
            InvalidDataError: A region or reporter that is not one.
            InvalidDateError: A date that is not one, or after tomorrow.
        """
        given: dict[str, Any] = {name: v for name, v in filters.items() if v is not None}
        if scope is None:
            return cls(**given)
        return attrs.evolve(scope, **given) if given else scope

    def tracker(self, tracker: Tracker) -> Tracker:
        """*tracker* as known at :attr:`known_at` (itself when ``None``)."""
        return tracker if self.known_at is None else tracker.known_at(self.known_at)

    def recommendations(self, tracker: Tracker) -> tuple[Recommendation, ...]:
        """The tracker's recommendations in scope, in catalogue order.

        Raises:
            UnknownMeetingError: :attr:`meeting` is not in the catalogue.
            UnknownThemeError: :attr:`theme` is not in the catalogue.
        """
        return tracker.catalogue.recommendations(meeting=self.meeting, theme=self.theme)

    def states(self, tracker: Tracker) -> tuple[str, ...]:
        """The tracker's States in scope (its population, narrowed to :attr:`region`)."""
        if self.region is None:
            return tracker.states
        group = self.region.value
        return tuple(state for state in tracker.states if region_of(state) == group)

    def positions(
        self, tracker: Tracker, recommendations: tuple[Recommendation, ...], states: tuple[str, ...]
    ) -> Iterator[tuple[Recommendation, str, int]]:
        """Every pair expected on :attr:`as_of` with its current response's log position.

        The position is :data:`~smomtrack._summaries.counting.NOTHING` where the pair has
        no response. The positions of the date are shared by every section of a report.
        """
        found = positions_at(tracker, self.as_of, reporter=self.reporter)
        width = max(len(tracker.catalogue), 1)
        codes = {rec.key: code for code, rec in enumerate(tracker.catalogue)}
        numbers = {state: number for number, state in enumerate(tracker.states)}
        for recommendation in recommendations:
            key = codes[recommendation.key]
            for state in states:
                position = found[numbers[state] * width + key]
                if position != NOT_EXPECTED:
                    yield recommendation, state, position

    def pairs(
        self, tracker: Tracker, recommendations: tuple[Recommendation, ...], states: tuple[str, ...]
    ) -> Iterator[tuple[Recommendation, str, Status, Response | None]]:
        """Every pair expected on :attr:`as_of` with its status and current response."""
        log = tracker.log
        for recommendation, state, position in self.positions(tracker, recommendations, states):
            if position < 0:
                yield recommendation, state, Status.NO_INFORMATION, None
            else:
                response = log.response(position)
                yield recommendation, state, response.status, response
