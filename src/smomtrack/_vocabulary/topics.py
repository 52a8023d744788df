"""Topic tags: the small editorial vocabulary of cross-cutting topics.

Tags are ours, not the Working Group's: they let a reader find every
recommendation on, say, capacity building across meetings. Their labels are
editorial. A recommendation may carry a tag outside this list (for a new
meeting); it is then shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from smomtrack._vocabulary.languages import OUTPUT_LANGUAGES
from smomtrack._words import word

__all__ = ["TAG_PATTERN", "TOPICS", "topic_label"]

TAG_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
"""What a tag looks like: lower-case words joined by hyphens."""

_TAGS = (
    "awareness-raising",
    "capacity-building",
    "criminal-justice-technology",
    "data-collection",
    "digital-evidence",
    "human-rights",
    "information-exchange",
    "innovation",
    "international-cooperation",
    "law-enforcement-cyberspace",
    "legislation",
    "partnerships",
    "protection-assistance",
    "specialized-prosecution",
)
"""The tags of the vocabulary; their labels are the catalogues' words ``topic_<tag>``."""

TOPICS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        tag: MappingProxyType({lang: word(f"topic_{tag}", lang) for lang in OUTPUT_LANGUAGES})
        for tag in _TAGS
    }
)


def topic_label(tag: str, lang: str = "en") -> str:
    """The editorial label of *tag* in *lang* (English where missing); the tag itself if unknown.

    >>> topic_label("capacity-building", "fr")
    'Renforcement des capacités'
    """
    labels = TOPICS.get(tag)
    if labels is None:
        return tag
    return labels.get(lang, labels["en"])
