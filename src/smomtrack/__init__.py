"""smomtrack: track the implementation of the Working Group on the Smuggling of Migrants' advice.

Track how States parties implement the recommendations of the UN Working Group on the
Smuggling of Migrants, and produce compliance summaries from that.

The names here are what the README and the tutorials use; everything else lives in the
module that does the job (``smomtrack.vocabulary.keys``, ``smomtrack.catalogue.overlaps``,
…). Each name is imported when first used, so ``import smomtrack`` is quick and loads
only what a script needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smomtrack.catalogue.builtin import builtin_catalogue
    from smomtrack.catalogue.catalogue import Catalogue
    from smomtrack.catalogue.reports import ParsedReport, ParseWarning
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
    from smomtrack.interchange.agenda_text import parse_agenda
    from smomtrack.interchange.csv_format import csv_template, import_csv, read_csv, write_csv
    from smomtrack.interchange.files import load, save
    from smomtrack.interchange.json_format import from_json, to_json
    from smomtrack.interchange.report_text import parse_report
    from smomtrack.interchange.spreadsheets import (
        import_responses,
        read_responses,
        write_responses,
    )
    from smomtrack.interchange.sqlite_store import open_tracker
    from smomtrack.interchange.workbooks import read_workbook
    from smomtrack.interchange.xlsx_writer import questionnaire, write_xlsx
    from smomtrack.records.meetings import AgendaItem, Document, Meeting, Session
    from smomtrack.records.recommendations import Citation, Recommendation, Theme
    from smomtrack.records.responses import Response
    from smomtrack.rendering.report import report
    from smomtrack.summaries.compilation import Compilation, compile_by_topic
    from smomtrack.summaries.disagreements import Disagreements, disagreements
    from smomtrack.summaries.follow_up import FollowUp, follow_up
    from smomtrack.summaries.groupings import StateGrouping
    from smomtrack.summaries.matrix import Matrix, matrix
    from smomtrack.summaries.progress import Change, Progress, progress
    from smomtrack.summaries.summary import Summary, summarize
    from smomtrack.tracking.imports import ImportResult, RowError
    from smomtrack.tracking.population import Population
    from smomtrack.tracking.synthetic import synthetic, synthetic_catalogue
    from smomtrack.tracking.tracker import Tracker
    from smomtrack.vocabulary.dates import parse_date
    from smomtrack.vocabulary.languages import Text
    from smomtrack.vocabulary.regions import RegionalGroup, region_of
    from smomtrack.vocabulary.states import Party, party, resolve_state, state_name
    from smomtrack.vocabulary.statuses import Status
    from smomtrack.vocabulary.vocabularies import (
        Addressee,
        DocumentKind,
        MeetingFormat,
        Modality,
        Reporter,
    )

_EXPORTS: dict[str, str] = {
    "builtin_catalogue": "smomtrack.catalogue.builtin",
    "Catalogue": "smomtrack.catalogue.catalogue",
    "ParseWarning": "smomtrack.catalogue.reports",
    "ParsedReport": "smomtrack.catalogue.reports",
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
    "parse_agenda": "smomtrack.interchange.agenda_text",
    "csv_template": "smomtrack.interchange.csv_format",
    "import_csv": "smomtrack.interchange.csv_format",
    "read_csv": "smomtrack.interchange.csv_format",
    "write_csv": "smomtrack.interchange.csv_format",
    "load": "smomtrack.interchange.files",
    "save": "smomtrack.interchange.files",
    "from_json": "smomtrack.interchange.json_format",
    "to_json": "smomtrack.interchange.json_format",
    "parse_report": "smomtrack.interchange.report_text",
    "open_tracker": "smomtrack.interchange.sqlite_store",
    "AgendaItem": "smomtrack.records.meetings",
    "Document": "smomtrack.records.meetings",
    "Meeting": "smomtrack.records.meetings",
    "Session": "smomtrack.records.meetings",
    "Citation": "smomtrack.records.recommendations",
    "Recommendation": "smomtrack.records.recommendations",
    "Theme": "smomtrack.records.recommendations",
    "Response": "smomtrack.records.responses",
    "report": "smomtrack.rendering.report",
    "Compilation": "smomtrack.summaries.compilation",
    "compile_by_topic": "smomtrack.summaries.compilation",
    "FollowUp": "smomtrack.summaries.follow_up",
    "follow_up": "smomtrack.summaries.follow_up",
    "Matrix": "smomtrack.summaries.matrix",
    "matrix": "smomtrack.summaries.matrix",
    "Change": "smomtrack.summaries.progress",
    "Progress": "smomtrack.summaries.progress",
    "progress": "smomtrack.summaries.progress",
    "Summary": "smomtrack.summaries.summary",
    "summarize": "smomtrack.summaries.summary",
    "ImportResult": "smomtrack.tracking.imports",
    "RowError": "smomtrack.tracking.imports",
    "synthetic": "smomtrack.tracking.synthetic",
    "synthetic_catalogue": "smomtrack.tracking.synthetic",
    "Tracker": "smomtrack.tracking.tracker",
    "parse_date": "smomtrack.vocabulary.dates",
    "Text": "smomtrack.vocabulary.languages",
    "resolve_state": "smomtrack.vocabulary.states",
    "MissingExtraError": "smomtrack.exceptions",
    "import_responses": "smomtrack.interchange.spreadsheets",
    "read_responses": "smomtrack.interchange.spreadsheets",
    "write_responses": "smomtrack.interchange.spreadsheets",
    "read_workbook": "smomtrack.interchange.workbooks",
    "questionnaire": "smomtrack.interchange.xlsx_writer",
    "write_xlsx": "smomtrack.interchange.xlsx_writer",
    "Party": "smomtrack.vocabulary.states",
    "party": "smomtrack.vocabulary.states",
    "RegionalGroup": "smomtrack.vocabulary.regions",
    "region_of": "smomtrack.vocabulary.regions",
    "Population": "smomtrack.tracking.population",
    "StateGrouping": "smomtrack.summaries.groupings",
    "Disagreements": "smomtrack.summaries.disagreements",
    "disagreements": "smomtrack.summaries.disagreements",
    "state_name": "smomtrack.vocabulary.states",
    "Status": "smomtrack.vocabulary.statuses",
    "Addressee": "smomtrack.vocabulary.vocabularies",
    "DocumentKind": "smomtrack.vocabulary.vocabularies",
    "MeetingFormat": "smomtrack.vocabulary.vocabularies",
    "Modality": "smomtrack.vocabulary.vocabularies",
    "Reporter": "smomtrack.vocabulary.vocabularies",
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
