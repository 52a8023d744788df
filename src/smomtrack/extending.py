"""For code that builds on smomtrack: readers of new formats, stores, report formats, summaries.

- **Responses in**: an :class:`Intake` reads field values as people write them into
  :class:`Columns` of codes, each distinct value once (see :doc:`/design`); a
  :class:`ResponseStore` keeps a tracker's records beyond memory.
- **Summaries of one's own**: :func:`counts` counts the pairs of any grouping of
  :class:`PairGroups` as of any date; :class:`Filters` types the keywords every result takes.
- **Reports in a new format**: a :class:`Writer` in :data:`WRITERS`, writing the
  :data:`Block` s of a report (a :class:`Masthead` first); :func:`matrix_parts` cuts the
  heat map into parts that fit a page.
- **Documents as published**: :func:`pdf_text`, :func:`document_text` and
  :func:`suggest_topics`.
"""

from __future__ import annotations

from smomtrack._catalogue.overlaps import suggest_topics
from smomtrack._interchange.pdf_text import document_text, pdf_text
from smomtrack._interchange.rows import ReadFields
from smomtrack._rendering.blocks import Block, Chart, Heading, Masthead, Paragraph, Quote, Table
from smomtrack._rendering.heat_map import matrix_parts
from smomtrack._rendering.writers import WRITERS, Writer
from smomtrack._summaries.counting import PairGroups, counts
from smomtrack._summaries.scope import Filters
from smomtrack._tracking.columns import Columns
from smomtrack._tracking.intake import FieldError, Intake
from smomtrack._tracking.stores import ResponseStore

__all__ = [
    "WRITERS",
    "Block",
    "Chart",
    "Columns",
    "FieldError",
    "Filters",
    "Heading",
    "Intake",
    "Masthead",
    "PairGroups",
    "Paragraph",
    "Quote",
    "ReadFields",
    "ResponseStore",
    "Table",
    "Writer",
    "counts",
    "document_text",
    "matrix_parts",
    "pdf_text",
    "suggest_topics",
]
