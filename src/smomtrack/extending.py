"""For code that builds on smomtrack: readers of new formats, stores, report formats, summaries.

- **Responses in**: an :class:`Intake` reads field values as people write them into
  :class:`Columns` of codes, each distinct value once (see :doc:`/design`); a
  :class:`ResponseStore` keeps a tracker's records beyond memory.
- **Summaries of one's own**: :func:`counts` counts the pairs of any grouping of
  :class:`PairGroups` as of any date; :class:`Filters` types the keywords every result takes.
- **Reports in a new format**: a :class:`Writer` in :data:`WRITERS`, writing the
  :data:`Block` s of a report (a :class:`Masthead` first); :func:`matrix_parts` cuts the
  heat map into parts that fit a page, and :func:`heat_rows` gives a part (a
  :class:`HeatMap` block) as rows to draw as a table.
- **Documents as published**: :func:`pdf_text`, :func:`document_text`,
  :func:`read_document` (a :class:`DocumentText`: the text, what was not understood on
  which page, the symbol the pages carry) and
  :func:`suggest_topics` (with :func:`topic_scores` and :func:`leave_one_out`, which
  tuned :data:`SUGGESTION_THRESHOLD`).
"""

from __future__ import annotations

from smomtrack._catalogue.overlaps import (
    SUGGESTION_THRESHOLD,
    TopicTrial,
    leave_one_out,
    suggest_topics,
    topic_scores,
)
from smomtrack._interchange.pdf_text import DocumentText, document_text, pdf_text, read_document
from smomtrack._interchange.rows import ReadFields
from smomtrack._rendering.blocks import (
    Block,
    Chart,
    Heading,
    HeatMap,
    Masthead,
    Paragraph,
    Quote,
    Table,
)
from smomtrack._rendering.heat_map import HeatRows, heat_rows, matrix_parts
from smomtrack._rendering.writers import WRITERS, Writer
from smomtrack._summaries.counting import PairGroups, counts
from smomtrack._summaries.scope import Filters
from smomtrack._tracking.columns import Columns, Texts
from smomtrack._tracking.intake import FieldError, Intake
from smomtrack._tracking.stores import ResponseStore

__all__ = [
    "SUGGESTION_THRESHOLD",
    "WRITERS",
    "Block",
    "Chart",
    "Columns",
    "DocumentText",
    "FieldError",
    "Filters",
    "Heading",
    "HeatMap",
    "HeatRows",
    "Intake",
    "Masthead",
    "PairGroups",
    "Paragraph",
    "Quote",
    "ReadFields",
    "ResponseStore",
    "Table",
    "Texts",
    "TopicTrial",
    "Writer",
    "counts",
    "document_text",
    "heat_rows",
    "leave_one_out",
    "matrix_parts",
    "pdf_text",
    "read_document",
    "suggest_topics",
    "topic_scores",
]
