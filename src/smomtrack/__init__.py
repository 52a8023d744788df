"""smomtrack: track the implementation of the Working Group on the Smuggling of Migrants' advice.

Track how States parties implement the recommendations of the UN Working Group on the
Smuggling of Migrants, and produce compliance summaries from that.

The names here are what the README and the guides use. The public modules hold the rest:
:mod:`smomtrack.exceptions` (every error), :mod:`smomtrack.records` (the domain model),
:mod:`smomtrack.results` (what the functions return), :mod:`smomtrack.vocabulary` (keys,
dates, States, regions, topics) and :mod:`smomtrack.extending` (for code that builds on
smomtrack). Every other module is private.

Each name is imported when first used, so ``import smomtrack`` is quick and loads only
what a script needs. ``_PUBLIC`` below is the one list of them: ``__all__``, the loader and
the type stub (``__init__.pyi``, written by ``scripts/stubs.py``) all come from it.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

_PUBLIC: dict[str, str] = {
    # the catalogue
    "builtin_catalogue": "smomtrack._catalogue.builtin",
    "Catalogue": "smomtrack._catalogue.catalogue",
    "Meeting": "smomtrack._records.meetings",
    "Theme": "smomtrack._records.recommendations",
    "Recommendation": "smomtrack._records.recommendations",
    "Text": "smomtrack._vocabulary.languages",
    # what people write
    "Status": "smomtrack._vocabulary.statuses",
    "Reporter": "smomtrack._vocabulary.vocabularies",
    "RegionalGroup": "smomtrack._vocabulary.regions",
    "parse_date": "smomtrack._vocabulary.dates",
    "resolve_state": "smomtrack._vocabulary.states",
    "state_name": "smomtrack._vocabulary.states",
    # tracking
    "Tracker": "smomtrack._tracking.tracker",
    "Response": "smomtrack._records.responses",
    "synthetic": "smomtrack._tracking.synthetic",
    "synthetic_catalogue": "smomtrack._tracking.synthetic",
    # summaries and reports
    "Scope": "smomtrack._summaries.scope",
    "summarize": "smomtrack._summaries.summary",
    "matrix": "smomtrack._summaries.matrix",
    "progress": "smomtrack._summaries.progress",
    "follow_up": "smomtrack._summaries.follow_up",
    "disagreements": "smomtrack._summaries.disagreements",
    "compile_by_topic": "smomtrack._summaries.compilation",
    "overlaps": "smomtrack._catalogue.overlaps",
    "report": "smomtrack._rendering.report",
    # files
    "open_tracker": "smomtrack._interchange.sqlite_store",
    "save": "smomtrack._interchange.files",
    "load": "smomtrack._interchange.files",
    "to_json": "smomtrack._interchange.json_format",
    "from_json": "smomtrack._interchange.json_format",
    "ReadOptions": "smomtrack._interchange.rows",
    "read_responses": "smomtrack._interchange.spreadsheets",
    "import_responses": "smomtrack._interchange.spreadsheets",
    "write_responses": "smomtrack._interchange.spreadsheets",
    "questionnaire": "smomtrack._interchange.spreadsheets",
    "parse_report": "smomtrack._interchange.report_text",
    "parse_agenda": "smomtrack._interchange.agenda_text",
    # errors (the others are in smomtrack.exceptions)
    "SmomtrackError": "smomtrack.exceptions",
}
"""Every public name of the top level, and the module it lives in."""

_MOVED: dict[str, tuple[str, str]] = {
    # name: (the module it lives in, what to use instead); each warns, then works, until 0.3
    **{
        name: ("smomtrack.exceptions", f"smomtrack.exceptions.{name}")
        for name in (
            "ConflictError",
            "InvalidDataError",
            "InvalidDateError",
            "InvalidStatusError",
            "MissingExtraError",
            "StorageError",
            "TooManyBadRowsError",
            "UnknownAgendaItemError",
            "UnknownKeyError",
            "UnknownMeetingError",
            "UnknownRecommendationError",
            "UnknownStateError",
            "UnknownThemeError",
        )
    },
    **{
        name: ("smomtrack.records", f"smomtrack.records.{name}")
        for name in (
            "Addressee",
            "AgendaItem",
            "Citation",
            "Document",
            "DocumentKind",
            "MeetingFormat",
            "Modality",
            "Party",
            "Population",
            "Session",
        )
    },
    **{
        name: ("smomtrack.results", f"smomtrack.results.{name}")
        for name in (
            "Change",
            "Compilation",
            "Disagreements",
            "FollowUp",
            "ImportResult",
            "Matrix",
            "ParseWarning",
            "ParsedReport",
            "Progress",
            "RowError",
            "StateGrouping",
            "Summary",
        )
    },
    "party": ("smomtrack.vocabulary", "smomtrack.vocabulary.party"),
    "region_of": ("smomtrack.vocabulary", "smomtrack.vocabulary.region_of"),
    "read_csv": ("smomtrack._interchange.csv_format", "smomtrack.read_responses"),
    "read_workbook": ("smomtrack._interchange.workbooks", "smomtrack.read_responses"),
    "import_csv": ("smomtrack._interchange.csv_format", "smomtrack.import_responses"),
    "write_csv": ("smomtrack._interchange.csv_format", "smomtrack.write_responses"),
    "write_xlsx": ("smomtrack._interchange.xlsx_writer", "smomtrack.write_responses"),
    "csv_template": ("smomtrack._interchange.csv_format", "smomtrack.questionnaire"),
}
"""Names that left the top level in 0.2: where they live, and what to use instead."""

__all__ = sorted([*_PUBLIC, "__version__"])  # noqa: PLE0605 (made from the one table)


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used."""
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 (only when asked)

        value: Any = version("smomtrack")
    elif name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
    elif name in _MOVED:
        module, instead = _MOVED[name]
        warnings.warn(
            f"smomtrack.{name} is deprecated and will be removed in smomtrack 0.3;"
            f" use {instead} instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(module), name)
    else:
        raise AttributeError(f"module 'smomtrack' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
