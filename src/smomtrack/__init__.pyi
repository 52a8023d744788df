# The type stub of smomtrack's top level, written by scripts/stubs.py from the table
# smomtrack._PUBLIC: do not edit it, edit the table and run the script.

from smomtrack._catalogue.builtin import builtin_catalogue as builtin_catalogue
from smomtrack._catalogue.catalogue import Catalogue as Catalogue
from smomtrack._catalogue.overlaps import overlaps as overlaps
from smomtrack._interchange.agenda_text import parse_agenda as parse_agenda
from smomtrack._interchange.files import load as load
from smomtrack._interchange.files import save as save
from smomtrack._interchange.json_format import from_json as from_json
from smomtrack._interchange.json_format import to_json as to_json
from smomtrack._interchange.report_text import parse_report as parse_report
from smomtrack._interchange.rows import ReadOptions as ReadOptions
from smomtrack._interchange.spreadsheets import import_responses as import_responses
from smomtrack._interchange.spreadsheets import questionnaire as questionnaire
from smomtrack._interchange.spreadsheets import read_responses as read_responses
from smomtrack._interchange.spreadsheets import write_responses as write_responses
from smomtrack._interchange.sqlite_store import open_tracker as open_tracker
from smomtrack._records.meetings import Meeting as Meeting
from smomtrack._records.recommendations import Recommendation as Recommendation
from smomtrack._records.recommendations import Theme as Theme
from smomtrack._records.responses import Response as Response
from smomtrack._rendering.report import report as report
from smomtrack._summaries.compilation import compile_by_topic as compile_by_topic
from smomtrack._summaries.disagreements import disagreements as disagreements
from smomtrack._summaries.follow_up import follow_up as follow_up
from smomtrack._summaries.matrix import matrix as matrix
from smomtrack._summaries.progress import progress as progress
from smomtrack._summaries.scope import Scope as Scope
from smomtrack._summaries.summary import summarize as summarize
from smomtrack._tracking.synthetic import synthetic as synthetic
from smomtrack._tracking.synthetic import synthetic_catalogue as synthetic_catalogue
from smomtrack._tracking.tracker import Tracker as Tracker
from smomtrack._vocabulary.dates import parse_date as parse_date
from smomtrack._vocabulary.languages import Text as Text
from smomtrack._vocabulary.regions import RegionalGroup as RegionalGroup
from smomtrack._vocabulary.states import resolve_state as resolve_state
from smomtrack._vocabulary.states import state_name as state_name
from smomtrack._vocabulary.statuses import Status as Status
from smomtrack._vocabulary.vocabularies import Reporter as Reporter
from smomtrack.exceptions import SmomtrackError as SmomtrackError

__version__: str

__all__ = [
    "Catalogue",
    "Meeting",
    "ReadOptions",
    "Recommendation",
    "RegionalGroup",
    "Reporter",
    "Response",
    "Scope",
    "SmomtrackError",
    "Status",
    "Text",
    "Theme",
    "Tracker",
    "__version__",
    "builtin_catalogue",
    "compile_by_topic",
    "disagreements",
    "follow_up",
    "from_json",
    "import_responses",
    "load",
    "matrix",
    "open_tracker",
    "overlaps",
    "parse_agenda",
    "parse_date",
    "parse_report",
    "progress",
    "questionnaire",
    "read_responses",
    "report",
    "resolve_state",
    "save",
    "state_name",
    "summarize",
    "synthetic",
    "synthetic_catalogue",
    "to_json",
    "write_responses",
]
