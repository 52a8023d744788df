"""A tracker's population: the States expected to respond, and from when each is expected."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from smomtrack._records.fields import FrozenMap, frozen_map
from smomtrack._vocabulary.dates import parse_date
from smomtrack._vocabulary.states import UN_MEMBERS, resolve_state, un_members
from smomtrack.exceptions import InvalidDataError, SmomtrackError

__all__ = ["Population", "PopulationLike"]


def _dates(value: Mapping[str, dt.date]) -> FrozenMap[str, dt.date]:
    return frozen_map(value)


@attrs.frozen
class Population:
    """The States expected to respond, and the date from which each is expected.

    Attributes:
        states: Their codes, sorted.
        expected_from: For the States expected only from a date (for instance the date they
            became parties), that date; the others are expected from the start.
    """

    states: tuple[str, ...]
    expected_from: Mapping[str, dt.date] = attrs.field(converter=_dates, factory=dict)

    @classmethod
    def of(cls, states: PopulationLike | Population) -> Population:
        """Read a population as people give it.

        *states* is ``"un-members"`` (the 193 Member States of the United Nations), a
        collection of States (codes or names in any language
        :func:`~smomtrack.resolve_state` reads), or a mapping from each State to the date
        from which it is expected to respond (``None``: from the start).

        Raises:
            UnknownStateError: A State is not one that can be a party.
            InvalidDataError: Another single string, a date that is not one, or one State
                given twice with two dates.
        """
        if isinstance(states, Population):
            return states
        if isinstance(states, str):
            if states.strip().casefold() == UN_MEMBERS:
                return cls(tuple(sorted(un_members())))
            raise InvalidDataError(
                f"states: expected a collection of States or {UN_MEMBERS!r}, got {states!r}"
            )
        if not isinstance(states, Mapping):
            return cls(tuple(sorted({resolve_state(s) for s in states})))
        since: dict[str, dt.date | None] = {}
        problems: list[str] = []
        for name, when in states.items():
            code = resolve_state(name)
            try:
                day = None if when is None or when == "" else parse_date(when)
            except SmomtrackError as exc:
                problems.append(f"states[{name!r}]: {exc}")
                continue
            if code in since and since[code] != day:
                problems.append(f"states[{name!r}]: {code} is given twice, with two dates")
            since[code] = day
        if problems:
            raise InvalidDataError(problems)
        return cls(
            tuple(sorted(since)),
            {code: day for code, day in since.items() if day is not None},
        )


PopulationLike = Population | Iterable[str] | Mapping[str, "dt.date | str | None"] | str
"""What a tracker's ``states`` argument takes (see :meth:`Population.of`)."""
