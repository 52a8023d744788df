"""Reading and naming what people write: keys, dates, periods, States, regional groups, topics.

Everything here reads what people type leniently (``"SOM7 R5"``, ``"14 octobre 2021"``,
``"Mexique"``) and refuses what it cannot read without guessing.
"""

from __future__ import annotations

from smomtrack._vocabulary.dates import parse_date, parse_date_range, parse_period
from smomtrack._vocabulary.keys import meeting_key, recommendation_key, theme_key
from smomtrack._vocabulary.regions import NO_GROUP, group_label, region_of
from smomtrack._vocabulary.states import (
    EUROPEAN_UNION,
    UN_MEMBERS,
    by_name,
    parties,
    party,
    resolve_state,
    state_name,
    un_members,
)
from smomtrack._vocabulary.topics import TOPICS, topic_label
from smomtrack._vocabulary.vocabularies import DEFAULT_PRECEDENCE, precedence

__all__ = [
    "DEFAULT_PRECEDENCE",
    "EUROPEAN_UNION",
    "NO_GROUP",
    "TOPICS",
    "UN_MEMBERS",
    "by_name",
    "group_label",
    "meeting_key",
    "parse_date",
    "parse_date_range",
    "parse_period",
    "parties",
    "party",
    "precedence",
    "recommendation_key",
    "region_of",
    "resolve_state",
    "state_name",
    "theme_key",
    "topic_label",
    "un_members",
]
