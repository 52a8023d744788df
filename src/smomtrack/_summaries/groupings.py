"""How pairs are grouped in a summary: by a catalogue's or a population's groups.

By theme, State, recommendation, meeting, topic, regional group, or a grouping of States
a user defines.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Literal, get_args

import attrs

from smomtrack._records.fields import FrozenMap, frozen_map
from smomtrack._records.recommendations import Recommendation
from smomtrack._summaries.counting import PairGroups
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.regions import NO_GROUP, RegionalGroup, region_of
from smomtrack._vocabulary.states import by_name, resolve_state
from smomtrack.exceptions import InvalidDataError

__all__ = [
    "GROUPINGS",
    "Grouping",
    "GroupingLike",
    "StateGrouping",
    "check_grouping",
    "group_keys",
    "grouping_identity",
    "grouping_name",
    "ordered_groups",
    "pair_groups",
]

Grouping = Literal["theme", "state", "recommendation", "meeting", "topic", "region"]
GROUPINGS: tuple[str, ...] = get_args(Grouping)


def _groups(value: Mapping[str, str]) -> FrozenMap[str, str]:
    return frozen_map(value)


@attrs.frozen
class StateGrouping:
    """A grouping of States a user defines (EU members; countries of origin, transit, destination).

    Build it with :meth:`of`; ``summarize(tracker, {"MEX": "origin", ...})`` does it for you.

    Attributes:
        groups: Each State's group, by State code. States left out are in :data:`NO_GROUP`.
        order: The groups in the order they were first given.
    """

    groups: Mapping[str, str] = attrs.field(converter=_groups)
    order: tuple[str, ...]

    @classmethod
    def of(cls, mapping: Mapping[str, object]) -> StateGrouping:
        """Read a mapping from State (code or name) to group name.

        Raises:
            UnknownStateError: A key is not a State that can be a party.
            InvalidDataError: A group name is not text, or one State is given two groups.
        """
        groups: dict[str, str] = {}
        problems: list[str] = []
        for state, group in mapping.items():
            code = resolve_state(state)
            if not isinstance(group, str) or not group.strip():
                problems.append(f"{state!r}: the group must be a name, got {group!r}")
            elif groups.setdefault(code, group) != group:
                problems.append(f"{state!r}: {code} is given two groups")
        if problems:
            raise InvalidDataError(problems)
        return cls(groups, tuple(dict.fromkeys(groups.values())))

    def group(self, state: str) -> str:
        """The group of *state* (a code), or :data:`NO_GROUP`."""
        return self.groups.get(state, NO_GROUP)


GroupingLike = Grouping | str | Mapping[str, str] | StateGrouping
"""What ``by`` takes: a grouping's name, or a mapping from State to group."""


def check_grouping(by: GroupingLike) -> Grouping | StateGrouping:
    """Return the grouping *by* names or defines.

    Raises:
        InvalidDataError: *by* is not a grouping.
        UnknownStateError: A mapping names something that is not a State.
    """
    if isinstance(by, StateGrouping):
        return by
    if isinstance(by, Mapping):
        return StateGrouping.of(by)
    if by not in GROUPINGS:
        raise InvalidDataError(
            f"by: {by!r} is not one of {', '.join(GROUPINGS)} (or a mapping from State to group)"
        )
    return by  # type: ignore[return-value]


def grouping_name(by: Grouping | StateGrouping) -> str:
    """The name of the grouping in records and headers: ``"group"`` for a user's grouping."""
    return "group" if isinstance(by, StateGrouping) else by


def group_keys(by: Grouping | StateGrouping) -> Callable[[Recommendation, str], tuple[str, ...]]:
    """The function giving the group(s) a (recommendation, State) pair belongs to."""
    if isinstance(by, StateGrouping):
        return lambda _rec, state: (by.group(state),)
    keys: dict[str, Callable[[Recommendation, str], tuple[str, ...]]] = {
        "theme": lambda rec, _state: (rec.theme,),
        "state": lambda _rec, state: (state,),
        "recommendation": lambda rec, _state: (rec.key,),
        "meeting": lambda rec, _state: (rec.meeting,),
        "topic": lambda rec, _state: rec.topics,
        "region": lambda _rec, state: (region_of(state),),
    }
    return keys[by]


_BY_STATE = frozenset({"state", "region"})
"""The groupings whose groups are the State's (the others': the recommendation's)."""


def ordered_groups(
    by: Grouping | StateGrouping,
    recommendations: tuple[Recommendation, ...],
    states: tuple[str, ...],
) -> list[str]:
    """Every group in scope, in the order people read them, so that empty groups still show.

    States by their English name (tables re-order them by the name in their language);
    regional groups in the order the United Nations lists them; a user's groups in the
    order given; the States in no group last.
    """
    if by == "state":
        return by_name(states)
    if by == "topic":
        return sorted({tag for rec in recommendations for tag in rec.topics})
    if isinstance(by, StateGrouping):
        found = {by.group(state) for state in states} if recommendations else set()
        return [g for g in [*by.order, NO_GROUP] if g in found]
    if by == "region":
        found = {region_of(state) for state in states} if recommendations else set()
        return [g for g in [*(r.value for r in RegionalGroup), NO_GROUP] if g in found]
    seen = dict.fromkeys(group_keys(by)(rec, "")[0] for rec in recommendations)
    return list(seen)


def pair_groups(
    tracker: Tracker,
    by: Grouping | StateGrouping,
    recommendations: tuple[Recommendation, ...],
    states: tuple[str, ...],
    names: list[str],
) -> PairGroups:
    """The groups each pair in scope counts in, and the total (the last group) for every pair."""
    index = {name: number for number, name in enumerate(names)}
    total = len(names)
    codes = {rec.key: code for code, rec in enumerate(tracker.catalogue)}
    width = max(len(codes), 1)
    groups_of = group_keys(by)
    numbers = {state: number for number, state in enumerate(tracker.states)}
    of_pair: list[tuple[int, ...]] = [()] * (len(tracker.states) * width)
    by_state = isinstance(by, StateGrouping) or by in _BY_STATE
    made: dict[tuple[str, ...], tuple[int, ...]] = {}  # a pair's groups, by their names
    for recommendation in recommendations:
        key = codes[recommendation.key]
        if not by_state:  # the recommendation's groups, whichever the State: worked out once
            found = groups_of(recommendation, "")
            same = (*(index[group] for group in found), total)
            for state in states:
                of_pair[numbers[state] * width + key] = same
            continue
        for state in states:
            found = groups_of(recommendation, state)
            if found not in made:
                made[found] = (*(index[group] for group in found), total)
            of_pair[numbers[state] * width + key] = made[found]
    return PairGroups(
        key=(grouping_name(by), by if isinstance(by, StateGrouping) else None, total),
        size=total + 1,
        of_pair=of_pair,
    )


def grouping_identity(
    by: Grouping | StateGrouping,
    recommendations: tuple[Recommendation, ...],
    states: tuple[str, ...],
) -> Hashable:
    """What identifies a grouping and its scope: groupings made for equal ones are equal."""
    return (
        "summary",
        grouping_name(by),
        by if isinstance(by, StateGrouping) else None,
        tuple(r.key for r in recommendations),
        states,
    )
