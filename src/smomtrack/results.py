"""What smomtrack's functions give back: summaries and other results, and what was read.

Results are data first: iterate over them, ``to_records()`` for pandas, ``render()`` for a
table in any tabulate format, ``plot()`` for a chart (the ``plot`` extra). The colours of
the charts and of the HTML matrix are here too.
"""

from __future__ import annotations

from smomtrack._catalogue.overlaps import Overlap
from smomtrack._catalogue.reports import ParsedReport, ParseWarning
from smomtrack._presentation.colours import STATUS_COLOURS
from smomtrack._summaries.compilation import Compilation, TopicGroup
from smomtrack._summaries.disagreements import Disagreement, Disagreements
from smomtrack._summaries.follow_up import FollowUp
from smomtrack._summaries.groupings import StateGrouping
from smomtrack._summaries.matrix import MATRIX_SYMBOLS, Matrix
from smomtrack._summaries.presentation import Presentable, TableData
from smomtrack._summaries.progress import CHANGE_COLOURS, Change, Progress, ProgressRow
from smomtrack._summaries.summary import Summary, SummaryRow
from smomtrack._summaries.tally import Tally
from smomtrack._tracking.imports import ImportResult, RowError
from smomtrack._tracking.views import HistoryEntry, Snapshot

__all__ = [
    "CHANGE_COLOURS",
    "MATRIX_SYMBOLS",
    "STATUS_COLOURS",
    "Change",
    "Compilation",
    "Disagreement",
    "Disagreements",
    "FollowUp",
    "HistoryEntry",
    "ImportResult",
    "Matrix",
    "Overlap",
    "ParseWarning",
    "ParsedReport",
    "Presentable",
    "Progress",
    "ProgressRow",
    "RowError",
    "Snapshot",
    "StateGrouping",
    "Summary",
    "SummaryRow",
    "TableData",
    "Tally",
    "TopicGroup",
]
