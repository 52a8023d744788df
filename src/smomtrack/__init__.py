"""smomtrack: track the implementation of the Working Group on the Smuggling of Migrants' advice.

Track how States parties implement the recommendations of the UN Working Group on the
Smuggling of Migrants, and produce compliance summaries from that.
"""

from __future__ import annotations

from importlib.metadata import version

from smomtrack.catalogue.builtin import builtin_catalogue
from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.catalogue.overlaps import Overlap, overlaps
from smomtrack.catalogue.reports import ParsedReport, ParseWarning
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
from smomtrack.interchange.agenda_text import parse_agenda
from smomtrack.interchange.csv_format import csv_template, import_csv, read_csv, write_csv
from smomtrack.interchange.files import load, save
from smomtrack.interchange.json_format import from_json, to_json
from smomtrack.interchange.report_text import parse_report
from smomtrack.interchange.sqlite_store import open_tracker
from smomtrack.records.meetings import AgendaItem, Document, Meeting, Session
from smomtrack.records.recommendations import Citation, Recommendation, Theme
from smomtrack.records.responses import Response
from smomtrack.rendering import result_tables  # noqa: F401 (registers the result renderers)
from smomtrack.rendering.report import report
from smomtrack.summaries.compilation import Compilation, compile_by_topic
from smomtrack.summaries.follow_up import FollowUp, follow_up
from smomtrack.summaries.matrix import Matrix, matrix
from smomtrack.summaries.progress import Change, Progress, progress
from smomtrack.summaries.summary import Summary, summarize
from smomtrack.tracking.imports import ImportResult, RowError
from smomtrack.tracking.synthetic import synthetic, synthetic_catalogue
from smomtrack.tracking.tracker import HistoryEntry, Tracker
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
    "Change",
    "Citation",
    "Compilation",
    "ConflictError",
    "Document",
    "DocumentKind",
    "FollowUp",
    "HistoryEntry",
    "ImportResult",
    "InvalidDataError",
    "InvalidDateError",
    "InvalidStatusError",
    "Matrix",
    "Meeting",
    "MeetingFormat",
    "Modality",
    "Overlap",
    "ParseWarning",
    "ParsedReport",
    "Progress",
    "Recommendation",
    "Reporter",
    "Response",
    "RowError",
    "Session",
    "SmomtrackError",
    "Status",
    "Summary",
    "Text",
    "Theme",
    "Tracker",
    "UnknownAgendaItemError",
    "UnknownKeyError",
    "UnknownMeetingError",
    "UnknownRecommendationError",
    "UnknownStateError",
    "UnknownThemeError",
    "__version__",
    "builtin_catalogue",
    "compile_by_topic",
    "csv_template",
    "follow_up",
    "from_json",
    "import_csv",
    "load",
    "matrix",
    "meeting_key",
    "open_tracker",
    "overlaps",
    "parse_agenda",
    "parse_date",
    "parse_date_range",
    "parse_period",
    "parse_report",
    "progress",
    "read_csv",
    "recommendation_key",
    "report",
    "resolve_state",
    "save",
    "state_name",
    "summarize",
    "synthetic",
    "synthetic_catalogue",
    "theme_key",
    "to_json",
    "topic_label",
    "write_csv",
]
