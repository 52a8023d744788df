"""The domain model: meetings, themes, recommendations, responses, and the vocabularies they use.

Every record is an immutable attrs class, validated when made (see :doc:`/data-model`).
The most used ones are also in the top-level package (``smomtrack.Recommendation``).
"""

from __future__ import annotations

from smomtrack._records.meetings import AgendaItem, Document, Meeting, Session
from smomtrack._records.recommendations import (
    Citation,
    Footnote,
    Recommendation,
    SuggestedTopic,
    Theme,
)
from smomtrack._records.responses import Response
from smomtrack._tracking.population import Population
from smomtrack._vocabulary.languages import Text
from smomtrack._vocabulary.regions import RegionalGroup
from smomtrack._vocabulary.states import Party, PartyKind
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import (
    Addressee,
    DocumentKind,
    MeetingFormat,
    Modality,
    Reporter,
)

__all__ = [
    "Addressee",
    "AgendaItem",
    "Citation",
    "Document",
    "DocumentKind",
    "Footnote",
    "Meeting",
    "MeetingFormat",
    "Modality",
    "Party",
    "PartyKind",
    "Population",
    "Recommendation",
    "RegionalGroup",
    "Reporter",
    "Response",
    "Session",
    "Status",
    "SuggestedTopic",
    "Text",
    "Theme",
]
