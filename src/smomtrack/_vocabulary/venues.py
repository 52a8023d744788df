"""Venues of meetings: their names in English (as stored), French and Spanish."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.languages import OUTPUT_LANGUAGES
from smomtrack._words import word

__all__ = ["VENUES", "venue_name"]

_VENUES = {"Vienna": "venue_vienna", "New York": "venue_new_york", "Geneva": "venue_geneva"}

VENUES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        english: MappingProxyType({lang: word(key, lang) for lang in OUTPUT_LANGUAGES})
        for english, key in _VENUES.items()
    }
)
"""The venues we know, by their English name, with their names in each language."""


def venue_name(text: str) -> str:
    """The English name of the venue *text* names in any language; *text* itself if unknown.

    >>> venue_name("Vienne"), venue_name("Viena"), venue_name("Bangkok")
    ('Vienna', 'Vienna', 'Bangkok')
    """
    folded = fold(text)
    for english, names in VENUES.items():
        if folded in {fold(name) for name in names.values()}:
            return english
    return text.strip()
