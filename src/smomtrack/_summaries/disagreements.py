"""Where another reporter's assessment differs from the State's own."""

from __future__ import annotations

import datetime as dt
from typing import Any, Unpack

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.labels import format_date, word
from smomtrack._presentation.names import in_reading_order
from smomtrack._records.responses import Response
from smomtrack._summaries.counting import positions_at
from smomtrack._summaries.presentation import Presentable, TableData
from smomtrack._summaries.scope import Filters, Scope
from smomtrack._tracking.columns import REPORTER_CODES
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.states import by_name, state_name
from smomtrack._vocabulary.vocabularies import Reporter

__all__ = ["Disagreement", "Disagreements", "disagreements"]


@attrs.frozen
class Disagreement:
    """One pair on which another reporter's current assessment differs from the State's own.

    Attributes:
        own: The State's own current response (its self-assessment).
        other: The other reporter's current response, with a different status.
    """

    own: Response
    other: Response

    def to_record(self) -> dict[str, Any]:
        """One flat dict: the pair, the State's status and date, the other's."""
        return {
            "state": self.own.state,
            "recommendation": self.own.recommendation,
            "status": self.own.status.value,
            "as_of": self.own.as_of,
            "reporter": self.other.reporter.value,
            "other_status": self.other.status.value,
            "other_as_of": self.other.as_of,
        }


@attrs.frozen
class Disagreements(Presentable):
    """The pairs where another reporter's assessment differs from the State's own, as of a date.

    Attributes:
        as_of: The date.
        items: One per pair and other reporter, by State (English name) and recommendation.
        catalogue: The catalogue (for titles when rendering).
    """

    as_of: dt.date
    items: tuple[Disagreement, ...]
    catalogue: Catalogue = attrs.field(eq=False, repr=False)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per item (see :meth:`Disagreement.to_record`)."""
        return [item.to_record() for item in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def table_data(self, lang: str) -> TableData:
        """The table: one row per item, States in the order people read them in *lang*."""
        headers = [
            word("state", lang),
            word("recommendation", lang),
            f"{word('status', lang)} ({Reporter.STATE.label(lang)})",
            word("as_of", lang),
            word("reporter", lang),
            word("status", lang),
            word("as_of", lang),
        ]
        states = list(dict.fromkeys(item.own.state for item in self.items))
        order = {code: n for n, code in enumerate(in_reading_order("state", states, lang))}
        rows = [
            [
                state_name(item.own.state, lang),
                item.own.recommendation,
                item.own.status.label(lang),
                format_date(item.own.as_of, lang),
                item.other.reporter.label(lang),
                item.other.status.label(lang),
                format_date(item.other.as_of, lang),
            ]
            for item in sorted(self.items, key=lambda i: order[i.own.state])
        ]
        return TableData(headers, rows)


def disagreements(
    tracker: Tracker, scope: Scope | None = None, **filters: Unpack[Filters]
) -> Disagreements:
    """The pairs on which the Secretariat, civil society or others assess differently.

    For every pair in scope where the State has assessed itself, each other reporter's
    current response as of the date whose status differs from the State's own. Summaries
    count the State's word (see :func:`~smomtrack.summarize`); this list shows the others'.
    The scope and the filters work as in :func:`~smomtrack.summarize`; the reporters
    compared are the State and every other, whatever *reporter* says.
    """
    chosen = Scope.of(scope, **filters)
    day = chosen.as_of
    known = chosen.tracker(tracker)
    recommendations = chosen.recommendations(known)
    items: list[Disagreement] = []
    log = known.log
    reporters = set(log.reporter)
    if len(reporters) < 2 or REPORTER_CODES[Reporter.STATE] not in reporters:
        # One reporter's word only: nobody to disagree with (the usual case, found at once).
        return Disagreements(as_of=day, items=(), catalogue=tracker.catalogue)
    own = positions_at(known, day, reporter=Reporter.STATE)
    others = [
        positions_at(known, day, reporter=r)
        for r in Reporter
        if r is not Reporter.STATE and REPORTER_CODES[r] in reporters
    ]
    width = max(len(known.catalogue), 1)
    codes = {rec.key: code for code, rec in enumerate(known.catalogue)}
    numbers = {state: number for number, state in enumerate(known.states)}
    status = log.status
    for state in by_name(chosen.states(known)):
        for recommendation in recommendations:
            pair = numbers[state] * width + codes[recommendation.key]
            mine = own[pair]
            if mine < 0:  # no self-assessment, or not expected
                continue
            for positions in others:
                theirs = positions[pair]
                if theirs >= 0 and status[theirs] != status[mine]:
                    items.append(Disagreement(log.response(mine), log.response(theirs)))
    return Disagreements(as_of=day, items=tuple(items), catalogue=tracker.catalogue)
