"""smomtrack: track the implementation of the Working Group on the Smuggling of Migrants' advice.

Track how States parties implement the recommendations of the UN Working Group on the
Smuggling of Migrants, and produce compliance summaries from that.

The names here are what the README and the tutorials use; everything else lives in the
module that does the job (``smomtrack._vocabulary.keys``, ``smomtrack._catalogue.overlaps``,
…). Each name is imported when first used, so ``import smomtrack`` is quick and loads
only what a script needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smomtrack._catalogue.builtin import builtin_catalogue
    from smomtrack._catalogue.catalogue import Catalogue
    from smomtrack._catalogue.reports import ParsedReport, ParseWarning
    from smomtrack._interchange.agenda_text import parse_agenda
    from smomtrack._interchange.csv_format import csv_template, import_csv, read_csv, write_csv
    from smomtrack._interchange.files import load, save
    from smomtrack._interchange.json_format import from_json, to_json
    from smomtrack._interchange.report_text import parse_report
    from smomtrack._interchange.spreadsheets import (
        import_responses,
        read_responses,
        write_responses,
    )
    from smomtrack._interchange.sqlite_store import open_tracker
    from smomtrack._interchange.workbooks import read_workbook
    from smomtrack._interchange.xlsx_writer import questionnaire, write_xlsx
    from smomtrack._records.meetings import AgendaItem, Document, Meeting, Session
    from smomtrack._records.recommendations import Citation, Recommendation, Theme
    from smomtrack._records.responses import Response
    from smomtrack._rendering.report import report
    from smomtrack._summaries.compilation import Compilation, compile_by_topic
    from smomtrack._summaries.disagreements import Disagreements, disagreements
    from smomtrack._summaries.follow_up import FollowUp, follow_up
    from smomtrack._summaries.groupings import StateGrouping
    from smomtrack._summaries.matrix import Matrix, matrix
    from smomtrack._summaries.progress import Change, Progress, progress
    from smomtrack._summaries.summary import Summary, summarize
    from smomtrack._tracking.imports import ImportResult, RowError
    from smomtrack._tracking.population import Population
    from smomtrack._tracking.synthetic import synthetic, synthetic_catalogue
    from smomtrack._tracking.tracker import Tracker
    from smomtrack._vocabulary.dates import parse_date
    from smomtrack._vocabulary.languages import Text
    from smomtrack._vocabulary.regions import RegionalGroup, region_of
    from smomtrack._vocabulary.states import Party, party, resolve_state, state_name
    from smomtrack._vocabulary.statuses import Status
    from smomtrack._vocabulary.vocabularies import (
        Addressee,
        DocumentKind,
        MeetingFormat,
        Modality,
        Reporter,
    )
    from smomtrack.exceptions import (
        ConflictError,
        InvalidDataError,
        InvalidDateError,
        InvalidStatusError,
        MissingExtraError,
        SmomtrackError,
        StorageError,
        TooManyBadRowsError,
        UnknownAgendaItemError,
        UnknownKeyError,
        UnknownMeetingError,
        UnknownRecommendationError,
        UnknownStateError,
        UnknownThemeError,
    )

_EXPORTS: dict[str, str] = {
    "builtin_catalogue": "smomtrack._catalogue.builtin",
    "Catalogue": "smomtrack._catalogue.catalogue",
    "ParseWarning": "smomtrack._catalogue.reports",
    "ParsedReport": "smomtrack._catalogue.reports",
    "ConflictError": "smomtrack.exceptions",
    "InvalidDataError": "smomtrack.exceptions",
    "InvalidDateError": "smomtrack.exceptions",
    "InvalidStatusError": "smomtrack.exceptions",
    "SmomtrackError": "smomtrack.exceptions",
    "StorageError": "smomtrack.exceptions",
    "TooManyBadRowsError": "smomtrack.exceptions",
    "UnknownAgendaItemError": "smomtrack.exceptions",
    "UnknownKeyError": "smomtrack.exceptions",
    "UnknownMeetingError": "smomtrack.exceptions",
    "UnknownRecommendationError": "smomtrack.exceptions",
    "UnknownStateError": "smomtrack.exceptions",
    "UnknownThemeError": "smomtrack.exceptions",
    "parse_agenda": "smomtrack._interchange.agenda_text",
    "csv_template": "smomtrack._interchange.csv_format",
    "import_csv": "smomtrack._interchange.csv_format",
    "read_csv": "smomtrack._interchange.csv_format",
    "write_csv": "smomtrack._interchange.csv_format",
    "load": "smomtrack._interchange.files",
    "save": "smomtrack._interchange.files",
    "from_json": "smomtrack._interchange.json_format",
    "to_json": "smomtrack._interchange.json_format",
    "parse_report": "smomtrack._interchange.report_text",
    "open_tracker": "smomtrack._interchange.sqlite_store",
    "AgendaItem": "smomtrack._records.meetings",
    "Document": "smomtrack._records.meetings",
    "Meeting": "smomtrack._records.meetings",
    "Session": "smomtrack._records.meetings",
    "Citation": "smomtrack._records.recommendations",
    "Recommendation": "smomtrack._records.recommendations",
    "Theme": "smomtrack._records.recommendations",
    "Response": "smomtrack._records.responses",
    "report": "smomtrack._rendering.report",
    "Compilation": "smomtrack._summaries.compilation",
    "compile_by_topic": "smomtrack._summaries.compilation",
    "FollowUp": "smomtrack._summaries.follow_up",
    "follow_up": "smomtrack._summaries.follow_up",
    "Matrix": "smomtrack._summaries.matrix",
    "matrix": "smomtrack._summaries.matrix",
    "Change": "smomtrack._summaries.progress",
    "Progress": "smomtrack._summaries.progress",
    "progress": "smomtrack._summaries.progress",
    "Summary": "smomtrack._summaries.summary",
    "summarize": "smomtrack._summaries.summary",
    "ImportResult": "smomtrack._tracking.imports",
    "RowError": "smomtrack._tracking.imports",
    "synthetic": "smomtrack._tracking.synthetic",
    "synthetic_catalogue": "smomtrack._tracking.synthetic",
    "Tracker": "smomtrack._tracking.tracker",
    "parse_date": "smomtrack._vocabulary.dates",
    "Text": "smomtrack._vocabulary.languages",
    "resolve_state": "smomtrack._vocabulary.states",
    "MissingExtraError": "smomtrack.exceptions",
    "import_responses": "smomtrack._interchange.spreadsheets",
    "read_responses": "smomtrack._interchange.spreadsheets",
    "write_responses": "smomtrack._interchange.spreadsheets",
    "read_workbook": "smomtrack._interchange.workbooks",
    "questionnaire": "smomtrack._interchange.xlsx_writer",
    "write_xlsx": "smomtrack._interchange.xlsx_writer",
    "Party": "smomtrack._vocabulary.states",
    "party": "smomtrack._vocabulary.states",
    "RegionalGroup": "smomtrack._vocabulary.regions",
    "region_of": "smomtrack._vocabulary.regions",
    "Population": "smomtrack._tracking.population",
    "StateGrouping": "smomtrack._summaries.groupings",
    "Disagreements": "smomtrack._summaries.disagreements",
    "disagreements": "smomtrack._summaries.disagreements",
    "state_name": "smomtrack._vocabulary.states",
    "Status": "smomtrack._vocabulary.statuses",
    "Addressee": "smomtrack._vocabulary.vocabularies",
    "DocumentKind": "smomtrack._vocabulary.vocabularies",
    "MeetingFormat": "smomtrack._vocabulary.vocabularies",
    "Modality": "smomtrack._vocabulary.vocabularies",
    "Reporter": "smomtrack._vocabulary.vocabularies",
}
"""Where each public name lives."""

__all__ = [
    "Addressee",
    "AgendaItem",
    "Catalogue",
    "Change",
    "Citation",
    "Compilation",
    "ConflictError",
    "Disagreements",
    "Document",
    "DocumentKind",
    "FollowUp",
    "ImportResult",
    "InvalidDataError",
    "InvalidDateError",
    "InvalidStatusError",
    "Matrix",
    "Meeting",
    "MeetingFormat",
    "MissingExtraError",
    "Modality",
    "ParseWarning",
    "ParsedReport",
    "Party",
    "Population",
    "Progress",
    "Recommendation",
    "RegionalGroup",
    "Reporter",
    "Response",
    "RowError",
    "Session",
    "SmomtrackError",
    "StateGrouping",
    "Status",
    "StorageError",
    "Summary",
    "Text",
    "Theme",
    "TooManyBadRowsError",
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
    "disagreements",
    "follow_up",
    "from_json",
    "import_csv",
    "import_responses",
    "load",
    "matrix",
    "open_tracker",
    "parse_agenda",
    "parse_date",
    "parse_report",
    "party",
    "progress",
    "questionnaire",
    "read_csv",
    "read_responses",
    "read_workbook",
    "region_of",
    "report",
    "resolve_state",
    "save",
    "state_name",
    "summarize",
    "synthetic",
    "synthetic_catalogue",
    "to_json",
    "write_csv",
    "write_responses",
    "write_xlsx",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used."""
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 (only when asked)

        value: Any = version("smomtrack")
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'smomtrack' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
