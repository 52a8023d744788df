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
from smomtrack._presentation.labels import check_language, format_date, word
from smomtrack._presentation.people import Day, RecommendationName
from smomtrack._presentation.people import state_name as people_state
from smomtrack._records.responses import Response
from smomtrack._tracking.population import Population
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.characters import text_problem
from smomtrack._vocabulary.dates import as_of_date, parse_date
from smomtrack._vocabulary.languages import pick
from smomtrack._vocabulary.states import by_name, state_name
from smomtrack._vocabulary.statuses import Status
from smomtrack._words import Message, Quoted
from smomtrack.exceptions import InvalidDataError

__all__ = ["questionnaire_workbook", "write_xlsx"]

_INSTRUCTIONS = (
    "instructions_1",
    "instructions_2",
    "instructions_3",
    "instructions_4",
    "instructions_5",
)
"""The Instructions sheet's paragraphs: the catalogues' words."""

_DATE_FORMATS = {"en": "d mmm yyyy", "fr": "dd/mm/yyyy", "es": "dd/mm/yyyy"}
"""How a date cell shows its date, as each language usually writes it (the cell stays a date).

English writes the month's name, so that no reader takes 3/4 for the 4th of March or the
3rd of April; French and Spanish write day, month, year in figures."""

_INSTRUCTIONS_WIDTH = 88
"""The Instructions sheet's column, in characters of the workbook's font (Arial 10): 16.4 cm,
within an A4 page in portrait (17.4 cm between margins of 1.8 cm)."""


def _xlsxwriter() -> Any:
    return require("xlsxwriter", "writing .xlsx workbooks", "spreadsheets")


def _workbook() -> tuple[Any, io.BytesIO]:
    buffer = io.BytesIO()
    workbook = _xlsxwriter().Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            # Arial, which every office program has or replaces by a font of the same widths
            # (Liberation Sans): columns and wrapped lines measure the same everywhere.
            "default_format_properties": {"font_name": "Arial", "font_size": 10},
            "default_row_height": 17,
            "default_column_width": 64,
        },
    )
    return workbook, buffer


def _save(workbook: Any, buffer: io.BytesIO, path: str | Path) -> None:
    workbook.close()
    write_atomically(Path(path), buffer.getvalue())


def write_xlsx(
    responses: Tracker | Iterable[Response],
    path: str | Path,
    *,
    lang: str = "en",
    codes: bool = False,
) -> int:
    """Write responses to an ``.xlsx`` workbook that reads back to the same responses.

    For a tracker, its current responses (corrections applied). Headers, State names,
    status and reporter labels are in *lang* (with *codes*, States as alpha-3 codes and
    statuses and reporters as their values); dates are real date cells shown as *lang*
    writes them; the header row is frozen and has filters; columns have widths to read
    them. Text is written as text: a measure beginning with ``=`` is never run as a formula.

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
    date = workbook.add_format({"num_format": _DATE_FORMATS[lang]})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    columns = [
        "state", "recommendation", "status", "as_of", "due", "measures", "evidence",
        "responsible", "reporter", "source", "notes",
    ]  # fmt: skip
    widths = [28, 14, 26, 12, 12, 50, 30, 30, 16, 24, 40]
    for index, (column, width) in enumerate(zip(columns, widths, strict=True)):
        header = word(column, lang)
        sheet.write_string(0, index, header, bold)
        sheet.set_column(index, index, _fitted(header, width), wrap if width >= 30 else None)
    for response in records:  # what a workbook cannot keep is refused before anything is written
        for field in ("measures", "responsible", "source", "notes", "evidence"):
            value = getattr(response, field)
            _fits(value if isinstance(value, str) else "; ".join(value), path, response, field)
    for row, response in enumerate(records, start=1):
        values: list[object] = [
            response.state if codes else state_name(response.state, lang),
            response.recommendation,
            response.status.value if codes else response.status.label(lang),
            response.as_of,
            response.due,
            response.measures,
            "; ".join(response.evidence),
            response.responsible,
            response.reporter.value if codes else response.reporter.label(lang),
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


def _fitted(header: str, width: float) -> float:
    """A column's width that holds each word of its bold *header* whole (never "Recommandatio|n").

    >>> _fitted("Recommandation", 14) > 14
    True
    """
    longest = max((len(part) for part in header.split()), default=0)
    return max(width, round(longest * 1.25 + 2, 1))


CELL_LIMIT = 32_767
"""The most characters a workbook cell holds (Excel's limit; longer text is cut by Excel)."""


def _fits(text: str, path: str | Path, response: Response, field: str) -> None:
    if len(text) > CELL_LIMIT:
        raise InvalidDataError(
            f"{path}: {response.state} on {response.recommendation} as of {response.as_of}:"
            f" {field} holds {len(text):,} characters; a workbook cell holds at most"
            f" {CELL_LIMIT:,} (write the responses as .csv, which keeps any length);"
            " nothing was written",
            said=Message(
                "msg_cell_too_long",
                file=str(path),
                state=people_state(response.state),
                recommendation=RecommendationName(response.recommendation),
                day=Day(response.as_of),
                field=Quoted(_Word(field)),
                length=len(text),
                limit=CELL_LIMIT,
            ),
        )


class _Word:
    """A word of the catalogues, in the language asked."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def __str__(self) -> str:
        return word(self.key, "en")

    def label(self, lang: str) -> str:
        return word(self.key, lang)


def questionnaire_workbook(  # noqa: PLR0913 (what a questionnaire is made of)
    path: str | Path,
    *,
    states: Iterable[str] | str,
    lang: str = "en",
    catalogue: Catalogue | None = None,
    meeting: str | None = None,
    as_of: dt.date | str | None = None,
    deadline: dt.date | str | None = None,
    contact: str | None = None,
) -> int:
    """Write a fill-in questionnaire for one or several States, in English, French or Spanish.

    An instructions sheet a ministry can print on one A4 page (the reporting round, the
    deadline and where to send the file when given, how to fill it in, and what each
    status means), then one row per State and recommendation: the State, the
    recommendation's key, its short title (editorial) and its official text with the
    language of that text, all protected; a status to choose from a drop-down list of the
    labels in *lang*; the date the answer describes (filled in with *as_of*); a due date;
    measures, evidence, responsible body and notes. Dates are date cells shown as *lang*
    writes them (``dd/mm/yyyy`` in French and Spanish); no header wraps inside a word.
    Rows left without a status are skipped when the file is read back with
    :func:`~smomtrack._interchange.workbooks.read_workbook`, which needs no editing of the
    filled-in file.

    Args:
        path: Where to write the ``.xlsx`` file.
        states: The States (codes or names, or ``"un-members"``).
        lang: ``en``, ``fr`` or ``es``: headers, names, labels, instructions, texts.
        catalogue: The recommendations (the built-in catalogue by default).
        meeting: Only this meeting's recommendations.
        as_of: The date of the reporting round (today by default).
        deadline: The date by which the questionnaire is to be returned, if any.
        contact: Where to return it (an address, or a name and an address), if any.

    Returns:
        How many rows were written.

    Raises:
        MissingExtraError: XlsxWriter is not installed (the ``spreadsheets`` extra).
        UnknownStateError: A State is not one that can be a party.
        InvalidDataError: An unknown language, a deadline that is not a date, a contact
            that is not text, or no recommendation to ask about.
    """
    check_language(lang)
    chosen = catalogue or builtin_catalogue()
    recommendations = chosen.recommendations(meeting=meeting)
    if not recommendations:
        raise InvalidDataError(Message("msg_no_recommendation_to_ask"))
    codes = by_name(Population.of(states).states, lang)
    round_day = as_of_date(as_of)
    day = dt.datetime.combine(round_day, dt.time())
    due = None if deadline is None else parse_date(deadline)
    _check_contact(contact)
    for recommendation in recommendations:
        text = pick(recommendation.texts, lang)
        if text is not None and len(text.value) > CELL_LIMIT:
            raise InvalidDataError(
                f"{path}: the text of {recommendation.key} holds {len(text.value):,}"
                f" characters; a workbook cell holds at most {CELL_LIMIT:,}",
                said=Message(
                    "msg_text_too_long",
                    file=str(path),
                    recommendation=RecommendationName(recommendation.key),
                    length=len(text.value),
                    limit=CELL_LIMIT,
                ),
            )
    workbook, buffer = _workbook()
    _instructions(workbook, lang, round_day, due, contact)
    sheet = workbook.add_worksheet(word("sheet_responses", lang))
    formats = _formats(workbook, lang)
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
    widths = [_fitted(header, width) for header, width, _ in layout]
    for index, ((header, _, kind), width) in enumerate(zip(layout, widths, strict=True)):
        sheet.write_string(0, index, header, formats["header"])
        sheet.set_column(index, index, width, formats[kind])
    row = 0
    for code in codes:
        for recommendation in recommendations:
            row += 1
            title = recommendation.title(lang)
            text = pick(recommendation.texts, lang)
            sheet.write_string(row, 0, state_name(code, lang), formats["given"])
            sheet.write_string(row, 1, recommendation.key, formats["given"])
            sheet.write_string(row, 2, "" if title is None else title.value, formats["given"])
            sheet.write_string(row, 3, "" if text is None else text.value, formats["given"])
            sheet.write_string(row, 4, "" if text is None else text.lang, formats["given"])
            lines = max(
                _lines(state_name(code, lang), int(widths[0])),
                _lines("" if title is None else title.value, int(widths[2] * 1.2)),
                _lines("" if text is None else text.value, int(widths[3] * 1.2)),
            )
            sheet.set_row(row, 15 * lines)  # programs do not fit wrapped rows on their own
            sheet.write_blank(row, 5, None, formats["answer"])
            sheet.write_datetime(row, 6, day, formats["date"])
            for column in range(7, len(layout)):
                fmt = formats["date"] if column == 7 else formats["answer"]
                sheet.write_blank(row, column, None, fmt)
    if row:
        _validations(sheet, row, lang)
    header_lines = max(
        _lines(header, int(width)) for (header, _, _), width in zip(layout, widths, strict=True)
    )
    sheet.set_row(0, 16 * header_lines + 2)
    _page_setup(sheet, row, len(layout))
    sheet.activate()
    _save(workbook, buffer, path)
    return row


def _page_setup(sheet: Any, rows: int, columns: int) -> None:
    """The responses sheet on screen (frozen keys, filters) and on A4 paper, protected."""
    sheet.freeze_panes(1, 2)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    # Two pages wide, the State and the recommendation on each: the question, then the answer.
    sheet.fit_to_pages(2, 0)
    sheet.repeat_rows(0)
    sheet.repeat_columns(0, 1)
    sheet.print_across()  # a page of questions, then the page of their answers
    sheet.autofilter(0, 0, max(rows, 1), columns - 1)
    sheet.protect("", {"autofilter": True, "sort": True, "format_columns": True})


def _formats(workbook: Any, lang: str) -> dict[str, Any]:
    """The cell formats of the responses sheet: headers, given cells, answers, dates."""
    return {
        "header": workbook.add_format(
            {
                "bold": True,
                "bg_color": "#DDE5F0",
                "border": 1,
                "text_wrap": True,
                "valign": "top",
                "locked": True,
            }
        ),
        "given": workbook.add_format(
            {"text_wrap": True, "valign": "top", "bg_color": "#F2F2F2", "locked": True}
        ),
        # Answers in boxes, so that a printed questionnaire can be filled in by hand too.
        "answer": workbook.add_format(
            {**_BOX, "text_wrap": True, "valign": "top", "locked": False}
        ),
        "date": workbook.add_format(
            {**_BOX, "num_format": _DATE_FORMATS[lang], "valign": "top", "locked": False}
        ),
    }


_BOX = {"border": 1, "border_color": "#A6A6A6"}
"""The thin grey frame of a cell to fill in."""


def _validations(sheet: Any, last: int, lang: str) -> None:
    """The drop-down list of statuses, and dates checked, on rows 1 to *last*, in *lang*."""
    labels = [s.label(lang) for s in Status if s is not Status.NO_INFORMATION]
    sheet.data_validation(
        1,
        5,
        last,
        5,
        {
            "validate": "list",
            "source": labels,
            "ignore_blank": True,
            "input_title": word("validation_status_title", lang),
            "input_message": word("validation_status_message", lang),
            "error_title": word("validation_status_title", lang),
            "error_message": word("validation_status_message", lang),
        },
    )
    for column in (6, 7):
        sheet.data_validation(
            1,
            column,
            last,
            column,
            {
                "validate": "date",
                "criteria": "between",
                "minimum": dt.date(2000, 1, 1),
                "maximum": dt.date(2100, 12, 31),
                "ignore_blank": True,
                "error_title": word("validation_date_title", lang),
                "error_message": word("validation_date_message", lang),
            },
        )


def _check_contact(contact: object) -> None:
    if contact is None:
        return
    if not isinstance(contact, str) or not contact.strip():
        raise InvalidDataError(f"contact: expected text, got {contact!r}")
    problem = text_problem(contact)
    if problem is not None:
        raise InvalidDataError(
            f"contact: {contact!r} {problem}",
            said=Message("msg_text_problem", text=Quoted(contact), problem=problem),
        )


def _lines(text: str, width: int) -> int:
    """How many lines *text* takes in a column *width* characters wide, wrapped at words."""
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        used = 0
        for token in paragraph.split():
            if used and used + 1 + len(token) > width:
                count, used = count + 1, len(token)
            else:
                used += len(token) + (1 if used else 0)
    return max(count, 1)


def _informational(column: str, lang: str) -> str:
    """The header of a column written to help (read back as not to be imported)."""
    return word(INFORMATIONAL[column], lang)


def _instructions(
    workbook: Any, lang: str, round_day: dt.date, deadline: dt.date | None, contact: str | None
) -> None:
    """The Instructions sheet: one column that fits an A4 page in portrait, every row's height set.

    Spreadsheet programs print a row at the height the file gives (LibreOffice does not fit
    wrapped text when it opens a file), so each row's height is given here, counted from
    its text with room to spare. The workbook is set in Arial, which every office program
    has or replaces by a font of the same widths (Liberation Sans), so that the lines wrap
    where they were counted.
    """
    sheet = workbook.add_worksheet(word("sheet_instructions", lang))
    base = {"text_wrap": True, "valign": "top"}
    title = workbook.add_format({**base, "bold": True, "font_size": 13})
    strong = workbook.add_format({**base, "bold": True, "font_size": 10})
    plain = workbook.add_format({**base, "font_size": 10})
    sheet.set_column(0, 0, _INSTRUCTIONS_WIDTH)
    # What a line holds, in characters, counted low (a wide font, capitals): never clipped.
    capacity = {id(title): 66, id(strong): 88, id(plain): 98}
    height = {id(title): 17.0, id(strong): 13.0, id(plain): 13.0}
    rows: list[tuple[str, Any]] = [
        (word("instructions_title", lang), title),
        ("", None),
        (word("instructions_round", lang, day=format_date(round_day, lang)), plain),
    ]
    if deadline is not None:
        rows.append((word("instructions_deadline", lang, day=format_date(deadline, lang)), strong))
    if contact is not None:
        rows.append((word("instructions_contact", lang, contact=contact.strip()), strong))
    for key in _INSTRUCTIONS:
        rows.extend([("", None), (word(key, lang), plain)])
    rows.extend([("", None), (word("instructions_statuses", lang), strong)])
    for status in Status:
        if status is not Status.NO_INFORMATION:
            definition = word(f"definition_{status.value}", lang)
            said = word(
                "instructions_status_line", lang, label=status.label(lang), definition=definition
            )
            rows.append((said, plain))
    for row, (text, fmt) in enumerate(rows):
        if fmt is None:
            sheet.set_row(row, 7)
            continue
        sheet.write_string(row, 0, text, fmt)
        sheet.set_row(row, _lines(text, capacity[id(fmt)]) * height[id(fmt)] + 3)
    sheet.set_portrait()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.7, right=0.7, top=0.75, bottom=0.75)
    sheet.print_area(0, 0, len(rows) - 1, 0)
    sheet.fit_to_pages(1, 0)
