"""Excel workbooks: responses to share, and fill-in questionnaires for focal points.

Written with XlsxWriter (the optional ``spreadsheets`` extra): a well-kept writer of
``.xlsx`` files that sets what people need and a plain CSV file cannot carry: real date
cells, a frozen header row, filters, column widths, drop-down lists and protected cells.
Excel, LibreOffice Calc and Google Sheets open them. Both read back with
:func:`~smomtrack._interchange.workbooks.read_workbook` to the same responses.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from smomtrack._catalogue.builtin import builtin_catalogue
from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._extras import require
from smomtrack._interchange.atomic import write_atomically
from smomtrack._interchange.rows import INFORMATIONAL
from smomtrack._presentation.labels import check_language, word
from smomtrack._records.responses import Response
from smomtrack._tracking.population import Population
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.dates import as_of_date
from smomtrack._vocabulary.languages import pick
from smomtrack._vocabulary.states import by_name, state_name
from smomtrack._vocabulary.statuses import Status
from smomtrack.exceptions import InvalidDataError

__all__ = ["questionnaire_workbook", "write_xlsx"]

_INSTRUCTIONS = (
    "instructions_title",
    "",
    "instructions_1",
    "instructions_2",
    "instructions_3",
    "instructions_4",
    "instructions_5",
)
"""The Instructions sheet: the catalogues' words, one per line ("" for a blank line)."""

_DATE_FORMAT = "yyyy-mm-dd"


def _xlsxwriter() -> Any:
    return require("xlsxwriter", "writing .xlsx workbooks", "spreadsheets")


def _workbook() -> tuple[Any, io.BytesIO]:
    buffer = io.BytesIO()
    workbook = _xlsxwriter().Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    return workbook, buffer


def _save(workbook: Any, buffer: io.BytesIO, path: str | Path) -> None:
    workbook.close()
    write_atomically(Path(path), buffer.getvalue())


def write_xlsx(
    responses: Tracker | Iterable[Response], path: str | Path, *, lang: str = "en"
) -> int:
    """Write responses to an ``.xlsx`` workbook that reads back to the same responses.

    For a tracker, its current responses (corrections applied). Headers, State names,
    status and reporter labels are in *lang*; dates are real date cells; the header row is
    frozen and has filters; columns have widths to read them. Text is written as text: a
    measure beginning with ``=`` is never run as a formula.

    Returns:
        How many responses were written.

    Raises:
        MissingExtraError: XlsxWriter is not installed (the ``spreadsheets`` extra).
        StorageError: The file cannot be written.
    """
    check_language(lang)
    records = responses.responses() if isinstance(responses, Tracker) else tuple(responses)
    workbook, buffer = _workbook()
    sheet = workbook.add_worksheet(word("sheet_responses", lang))
    bold = workbook.add_format({"bold": True, "bg_color": "#DDE5F0", "border": 1})
    date = workbook.add_format({"num_format": _DATE_FORMAT})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    columns = [
        "state", "recommendation", "status", "as_of", "due", "measures", "evidence",
        "responsible", "reporter", "source", "notes",
    ]  # fmt: skip
    widths = [28, 14, 26, 12, 12, 50, 30, 30, 16, 24, 40]
    for index, (column, width) in enumerate(zip(columns, widths, strict=True)):
        sheet.write_string(0, index, word(column, lang), bold)
        sheet.set_column(index, index, width, wrap if width >= 30 else None)
    for response in records:  # what a workbook cannot keep is refused before anything is written
        for field in ("measures", "responsible", "source", "notes", "evidence"):
            value = getattr(response, field)
            _fits(value if isinstance(value, str) else "; ".join(value), path, response, field)
    for row, response in enumerate(records, start=1):
        values: list[object] = [
            state_name(response.state, lang),
            response.recommendation,
            response.status.label(lang),
            response.as_of,
            response.due,
            response.measures,
            "; ".join(response.evidence),
            response.responsible,
            response.reporter.label(lang),
            response.source,
            response.notes,
        ]
        for index, value in enumerate(values):
            if isinstance(value, dt.date):
                sheet.write_datetime(row, index, dt.datetime.combine(value, dt.time()), date)
            elif value:
                sheet.write_string(row, index, str(value))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(records), 1), len(columns) - 1)
    _save(workbook, buffer, path)
    return len(records)


CELL_LIMIT = 32_767
"""The most characters a workbook cell holds (Excel's limit; longer text is cut by Excel)."""


def _fits(text: str, path: str | Path, response: Response, field: str) -> None:
    if len(text) > CELL_LIMIT:
        raise InvalidDataError(
            f"{path}: {response.state} on {response.recommendation} as of {response.as_of}:"
            f" {field} holds {len(text):,} characters; a workbook cell holds at most"
            f" {CELL_LIMIT:,} (write the responses as .csv, which keeps any length);"
            " nothing was written"
        )


def questionnaire_workbook(  # noqa: PLR0913 (what a questionnaire is made of)
    path: str | Path,
    *,
    states: Iterable[str] | str,
    lang: str = "en",
    catalogue: Catalogue | None = None,
    meeting: str | None = None,
    as_of: dt.date | str | None = None,
) -> int:
    """Write a fill-in questionnaire for one or several States, in English, French or Spanish.

    An instructions sheet, then one row per State and recommendation: the State, the
    recommendation's key, its short title (editorial) and its official text with the
    language of that text, all protected; a status to choose from a drop-down list of the
    labels in *lang*; the date the answer describes (filled in with *as_of*); a due date;
    measures, evidence, responsible body and notes. Rows left without a status are
    skipped when the file is read back with
    :func:`~smomtrack._interchange.workbooks.read_workbook`, which needs no editing of the
    filled-in file.

    Args:
        path: Where to write the ``.xlsx`` file.
        states: The States (codes or names, or ``"un-members"``).
        lang: ``en``, ``fr`` or ``es``: headers, names, labels, instructions, texts.
        catalogue: The recommendations (the built-in catalogue by default).
        meeting: Only this meeting's recommendations.
        as_of: The date of the reporting round (today by default).

    Returns:
        How many rows were written.

    Raises:
        MissingExtraError: XlsxWriter is not installed (the ``spreadsheets`` extra).
        UnknownStateError: A State is not one that can be a party.
        InvalidDataError: An unknown language, or no recommendation to ask about.
    """
    check_language(lang)
    chosen = catalogue or builtin_catalogue()
    recommendations = chosen.recommendations(meeting=meeting)
    if not recommendations:
        raise InvalidDataError("questionnaire: no recommendation to ask about")
    codes = by_name(Population.of(states).states, lang)
    day = dt.datetime.combine(as_of_date(as_of), dt.time())
    workbook, buffer = _workbook()
    _instructions(workbook, lang)
    sheet = workbook.add_worksheet(word("sheet_responses", lang))
    formats = {
        "header": workbook.add_format(
            {"bold": True, "bg_color": "#DDE5F0", "border": 1, "text_wrap": True, "locked": True}
        ),
        "given": workbook.add_format(
            {"text_wrap": True, "valign": "top", "bg_color": "#F2F2F2", "locked": True}
        ),
        "answer": workbook.add_format({"text_wrap": True, "valign": "top", "locked": False}),
        "date": workbook.add_format({"num_format": _DATE_FORMAT, "valign": "top", "locked": False}),
    }
    layout = [
        (word("state", lang), 24, "given"),
        (word("recommendation", lang), 14, "given"),
        (_informational("title", lang), 30, "given"),
        (_informational("text", lang), 70, "given"),
        (_informational("language", lang), 10, "given"),
        (word("status", lang), 24, "answer"),
        (word("as_of", lang), 12, "date"),
        (word("due", lang), 12, "date"),
        (word("measures", lang), 45, "answer"),
        (word("evidence", lang), 30, "answer"),
        (word("responsible", lang), 28, "answer"),
        (word("notes", lang), 35, "answer"),
    ]
    for index, (header, width, kind) in enumerate(layout):
        sheet.write_string(0, index, header, formats["header"])
        sheet.set_column(index, index, width, formats[kind])
    labels = [s.label(lang) for s in Status if s is not Status.NO_INFORMATION]
    row = 0
    for code in codes:
        for recommendation in recommendations:
            row += 1
            title = recommendation.title(lang)
            text = pick(recommendation.texts, lang)
            if text is not None and len(text.value) > CELL_LIMIT:
                raise InvalidDataError(
                    f"{path}: the text of {recommendation.key} holds {len(text.value):,}"
                    f" characters; a workbook cell holds at most {CELL_LIMIT:,}"
                )
            sheet.write_string(row, 0, state_name(code, lang), formats["given"])
            sheet.write_string(row, 1, recommendation.key, formats["given"])
            sheet.write_string(row, 2, "" if title is None else title.value, formats["given"])
            sheet.write_string(row, 3, "" if text is None else text.value, formats["given"])
            sheet.write_string(row, 4, "" if text is None else text.lang, formats["given"])
            lines = max(
                _lines("" if title is None else title.value, int(layout[2][1] * 1.2)),
                _lines("" if text is None else text.value, int(layout[3][1] * 1.2)),
            )
            sheet.set_row(row, 15 * lines)  # programs do not fit wrapped rows on their own
            sheet.write_blank(row, 5, None, formats["answer"])
            sheet.write_datetime(row, 6, day, formats["date"])
            for column in range(7, len(layout)):
                fmt = formats["date"] if column == 7 else formats["answer"]
                sheet.write_blank(row, column, None, fmt)
    if row:
        sheet.data_validation(
            1, 5, row, 5, {"validate": "list", "source": labels, "ignore_blank": True}
        )
        for column in (6, 7):
            sheet.data_validation(
                1,
                column,
                row,
                column,
                {
                    "validate": "date",
                    "criteria": "between",
                    "minimum": dt.date(2000, 1, 1),
                    "maximum": dt.date(2100, 12, 31),
                    "ignore_blank": True,
                },
            )
    sheet.set_row(0, 32)
    sheet.freeze_panes(1, 2)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.autofilter(0, 0, max(row, 1), len(layout) - 1)
    sheet.protect("", {"autofilter": True, "sort": True, "format_columns": True})
    sheet.activate()
    _save(workbook, buffer, path)
    return row


def _lines(text: str, width: int) -> int:
    """How many lines *text* takes in a column *width* characters wide, wrapped at words."""
    count, used = 1, 0
    for token in text.split():
        if used and used + 1 + len(token) > width:
            count, used = count + 1, len(token)
        else:
            used += len(token) + (1 if used else 0)
    return count + text.count("\n")


def _informational(column: str, lang: str) -> str:
    """The header of a column written to help (read back as not to be imported)."""
    return word(INFORMATIONAL[column], lang)


def _instructions(workbook: Any, lang: str) -> None:
    sheet = workbook.add_worksheet(word("sheet_instructions", lang))
    title = workbook.add_format({"bold": True, "font_size": 13, "text_wrap": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet.set_column(0, 0, 110)
    for row, key in enumerate(_INSTRUCTIONS):
        if key:
            sheet.write_string(row, 0, word(key, lang), title if row == 0 else wrap)
