"""smomtrack: track the implementation of the Working Group on the Smuggling of Migrants' advice.

Track how States parties implement the recommendations of the UN Working Group on the
Smuggling of Migrants, and produce compliance summaries from that.
"""

from __future__ import annotations

from importlib.metadata import version

from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import (
    ConflictError,
    InvalidDataError,
    InvalidDateError,
    InvalidStatusError,
    SmomtrackError,
    UnknownAgendaItemError,
    UnknownKeyError,
    UnknownMeetingError,
    UnknownRecommendationError,
    UnknownStateError,
    UnknownThemeError,
)
from smomtrack.interchange.builtin import builtin_catalogue
from smomtrack.records.meetings import AgendaItem, Document, Meeting, Session
from smomtrack.records.recommendations import Citation, Recommendation, Theme
from smomtrack.records.responses import Response
from smomtrack.vocabulary.dates import parse_date, parse_date_range, parse_period
from smomtrack.vocabulary.keys import meeting_key, recommendation_key, theme_key
from smomtrack.vocabulary.languages import Text
from smomtrack.vocabulary.states import resolve_state, state_name
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.topics import TOPICS, topic_label
from smomtrack.vocabulary.vocabularies import (
    Addressee,
    DocumentKind,
    MeetingFormat,
    Modality,
    Reporter,
)

__version__ = version("smomtrack")

__all__ = [
    "TOPICS",
    "Addressee",
    "AgendaItem",
    "Catalogue",
    "Citation",
    "ConflictError",
    "Document",
    "DocumentKind",
    "InvalidDataError",
    "InvalidDateError",
    "InvalidStatusError",
    "Meeting",
    "MeetingFormat",
    "Modality",
    "Recommendation",
    "Reporter",
    "Response",
    "Session",
    "SmomtrackError",
    "Status",
    "Text",
    "Theme",
    "UnknownAgendaItemError",
    "UnknownKeyError",
    "UnknownMeetingError",
    "UnknownRecommendationError",
    "UnknownStateError",
    "UnknownThemeError",
    "__version__",
    "builtin_catalogue",
    "meeting_key",
    "parse_date",
    "parse_date_range",
    "parse_period",
    "recommendation_key",
    "resolve_state",
    "state_name",
    "theme_key",
    "topic_label",
]
