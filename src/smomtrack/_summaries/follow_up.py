"""Follow-up lists: overdue pairs, stale pairs, States that never reported."""

from __future__ import annotations

import datetime as dt
from typing import Any, Unpack

import attrs
from dateutil.relativedelta import relativedelta

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.labels import format_date, word
from smomtrack._presentation.names import in_reading_order
from smomtrack._records.responses import Response
from smomtrack._summaries.presentation import Presentable, TableData
from smomtrack._summaries.scope import Filters, Scope
from smomtrack._tracking.columns import NO_DUE, STATUS_CODES
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.dates import parse_period
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.states import by_name, state_name
from smomtrack._vocabulary.statuses import Status
from smomtrack.exceptions import InvalidDataError

__all__ = ["FollowUp", "follow_up"]

FINAL = frozenset({Status.IMPLEMENTED, Status.NOT_APPLICABLE})
"""Statuses that need no follow-up: implemented, or not applicable."""


@attrs.frozen
class FollowUp(Presentable):
    """What needs following up as of a date.

    Attributes:
        as_of: The date.
        stale_after: The period after which a response is stale.
        overdue: Current responses past their due date and not implemented (nor not applicable),
            oldest due date first.
        stale: Current responses older than *stale_after* and not implemented (nor not
            applicable), oldest first.
        never_reported: States of the population expected to respond on the date and with no
            response in scope, by English name.
        catalogue: The catalogue (for titles when rendering).
    """

    as_of: dt.date
    stale_after: relativedelta
    overdue: tuple[Response, ...]
    stale: tuple[Response, ...]
    never_reported: tuple[str, ...]
    catalogue: Catalogue = attrs.field(eq=False, repr=False)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per item of the three lists.

        Keys: ``list`` (``overdue``, ``stale``, ``never_reported``), ``state``,
        ``recommendation``, ``status``, ``as_of`` and ``due`` (``None`` where not relevant).
        """
        records: list[dict[str, Any]] = []
        for name, items in (("overdue", self.overdue), ("stale", self.stale)):
            records.extend(
                {
                    "list": name,
                    "state": r.state,
                    "recommendation": r.recommendation,
                    "status": r.status.value,
                    "as_of": r.as_of,
                    "due": r.due,
                }
                for r in items
            )
        records.extend(
            {
                "list": "never_reported",
                "state": state,
                "recommendation": None,
                "status": Status.NO_INFORMATION.value,
                "as_of": None,
                "due": None,
            }
            for state in self.never_reported
        )
        return records

    def table_data(self, lang: str) -> TableData:
        """The table: overdue items by due date, stale ones by date, then States never heard."""
        headers = [
            word("list", lang),
            word("state", lang),
            word("recommendation", lang),
            word("status", lang),
            word("as_of", lang),
            word("due", lang),
        ]
        rows: list[list[str]] = []
        order = {rec.key: number for number, rec in enumerate(self.catalogue)}
        for name, items in (("overdue", self.overdue), ("stale", self.stale)):
            rows.extend(
                [
                    word(name, lang),
                    state_name(r.state, lang),
                    r.recommendation,
                    r.status.label(lang),
                    format_date(r.as_of, lang),
                    format_date(r.due, lang) if r.due else "—",
                ]
                for r in sorted(items, key=lambda r: _order(name, r, lang, order))
            )
        rows.extend(
            [
                word("never_reported", lang),
                state_name(s, lang),
                "—",
                Status.NO_INFORMATION.label(lang),
                "—",
                "—",
            ]
            for s in in_reading_order("state", list(self.never_reported), lang)
        )
        return TableData(headers, rows)


def _order(name: str, response: Response, lang: str, order: dict[str, int]) -> tuple[object, ...]:
    """Overdue items by due date, stale ones by date; then by State name, then by key.

    States by their name in *lang*; recommendations in catalogue order ("SOM7-8" before
    "SOM7-18").
    """
    first = response.due if name == "overdue" else response.as_of
    return (first, fold(state_name(response.state, lang)), order.get(response.recommendation))


def follow_up(
    tracker: Tracker,
    scope: Scope | None = None,
    *,
    stale_after: str | relativedelta = "12 months",
    **filters: Unpack[Filters],
) -> FollowUp:
    """What needs following up as of a date (today by default).

    - **overdue**: the current response has a due date before the date and its status is
      neither implemented nor not applicable;
    - **stale**: the current response is older than *stale_after* ("12 months", "1 year",
      "18 mois", a ``relativedelta``) and is neither implemented nor not applicable;
    - **never reported**: States of the population with no response in scope.

    Only pairs expected on the date count (:meth:`Tracker.expected`). The scope and the
    filters (*as_of*, *meeting*, *theme*, *region*, *reporter*, *known_at*) work as in
    :func:`~smomtrack.summarize`.

    Raises:
        InvalidDataError: *stale_after* is not a period.
    """
    chosen = Scope.of(scope, **filters)
    day = chosen.as_of
    period = parse_period(stale_after)
    try:
        threshold = day - period
    except (OverflowError, ValueError) as exc:
        raise InvalidDataError(
            f"stale_after: {stale_after!r} before {day} is before the first year of the calendar"
        ) from exc
    overdue: list[Response] = []
    stale: list[Response] = []
    reported: set[str] = set()
    known = chosen.tracker(tracker)
    states = chosen.states(known)
    expected: set[str] = set()
    log = known.log
    final = {STATUS_CODES[status] for status in FINAL}
    today, before = day.toordinal(), threshold.toordinal()
    for _, state, position in chosen.positions(known, chosen.recommendations(known), states):
        expected.add(state)
        if position < 0:
            continue
        reported.add(state)
        if log.status[position] in final:
            continue
        due = log.due[position]
        if due != NO_DUE and due < today:
            overdue.append(log.response(position))
        if log.as_of[position] < before:
            stale.append(log.response(position))
    return FollowUp(
        as_of=day,
        stale_after=period,
        overdue=tuple(sorted(overdue, key=lambda r: (r.due, r.state, r.recommendation))),
        stale=tuple(sorted(stale, key=lambda r: (r.as_of, r.state, r.recommendation))),
        never_reported=tuple(by_name(expected - reported)),
        catalogue=tracker.catalogue,
    )
