"""People's data in people's words: a State's name, a recommendation, a date, in any language.

Messages hold these values and write them in the language they are read in:

>>> import datetime as dt
>>> Day(dt.date(2024, 6, 30)).label("fr"), RecommendationName("SOM7-1").label("es")
('30 juin 2024', 'recomendación 1 de la 7.ª reunión')
>>> state_name("MAR").label("fr")
'Maroc'
"""

from __future__ import annotations

import datetime as dt
import re
from typing import final

from smomtrack._presentation.labels import format_date, format_ordinal
from smomtrack._vocabulary.states import party
from smomtrack._words import Labelled, Quoted, word
from smomtrack.exceptions import SmomtrackError

__all__ = ["Day", "RecommendationName", "state_name"]


@final
class Day:
    """A date as *lang* writes it in a sentence (``30 June 2024``, ``30 juin 2024``)."""

    __slots__ = ("day",)

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def label(self, lang: str) -> str:
        return format_date(self.day, lang)

    def __repr__(self) -> str:
        return f"Day({self.day!r})"


@final
class RecommendationName:
    """A recommendation as people name it: "recommendation 1 of the 7th meeting"."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def label(self, lang: str) -> str:
        match = re.fullmatch(r"[A-Z]+(\d{1,9})-(\d{1,9})", self.key)
        if match is None:
            return self.key
        ordinal = format_ordinal(int(match[1]), lang)
        return word("msg_recommendation_of", lang, number=int(match[2]), ordinal=ordinal)

    def __repr__(self) -> str:
        return f"RecommendationName({self.key!r})"


def state_name(code: str) -> Labelled:
    """The State with *code*, written by its United Nations name (the code if unknown)."""
    try:
        return party(code)
    except SmomtrackError:
        return Quoted(code)
