"""Any spreadsheet of responses, by its suffix: a workbook or a text table.

Workbooks: ``.xlsx``, ``.ods``, ``.xls``. Text: ``.csv``, ``.tsv``, ``.txt`` (comma,
semicolon or tab separated, Excel's "Unicode text").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Unpack

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._interchange.csv_format import csv_template, import_csv, read_csv, write_csv
from smomtrack._interchange.rows import ReadFields, ReadOptions, intake_for
from smomtrack._interchange.workbooks import WORKBOOK_SUFFIXES, read_sheets, read_workbook
from smomtrack._interchange.xlsx_writer import questionnaire_workbook, write_xlsx
from smomtrack._records.responses import Response
from smomtrack._tracking.imports import ImportResult
from smomtrack._tracking.tracker import Tracker
from smomtrack._words import Message
from smomtrack.exceptions import InvalidDataError

__all__ = ["import_responses", "questionnaire", "read_responses", "write_responses"]


def read_responses(
    source: str | Path,
    options: ReadOptions | None = None,
    *,
    catalogue: Catalogue | None = None,
    states: Iterable[str] | None = None,
    **fields: Unpack[ReadFields],
) -> ImportResult:
    """Read a spreadsheet of responses, whatever it is: a workbook or a text table.

    ``.xlsx``, ``.xlsm``, ``.xls`` and ``.ods`` are read as workbooks (real dates and
    numbers, merged cells, formulas refused, every error naming the sheet and the row);
    anything else as text (``.csv``, ``.tsv``, and Excel's "Unicode text" ``.txt``: UTF-8
    or Windows-1252, commas, semicolons or tabs). Values go through the same reading as
    :meth:`Tracker.record`, each distinct value once, so French country names, status
    labels and dates all work. The header row is found below a title block; rows where
    only the State and the recommendation are filled (an unanswered template row) are
    skipped and counted; a total row is refused with that reason.

    Args:
        source: The file's path.
        options: How to read it (:class:`~smomtrack.ReadOptions`).
        catalogue: The recommendations rows may refer to (the built-in catalogue by default).
        states: The States rows may name (a tracker's population); any State by default.
        **fields: Fields of the options (``sheet``, ``meeting``, ``corrections``,
            ``max_errors``, ``progress``), given instead of *options*' own.

    Returns:
        The valid rows (with their row numbers, as a spreadsheet program shows them) and
        one error per bad row. Add them to a tracker with :meth:`Tracker.add_many`, or use
        :func:`import_responses`.

    Raises:
        MissingExtraError: A workbook, and python-calamine is not installed (the
            ``spreadsheets`` extra).
        StorageError: The file cannot be read.
        InvalidDataError: Not a table of responses at all (empty, binary, no such sheet, a
            sheet asked of a text file, or a required column missing: the message names it).
        TooManyBadRowsError: More than *max_errors* rows refused (counted per reason).
    """
    path = Path(source)
    chosen = ReadOptions.of(options, **fields)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return read_workbook(path, chosen, catalogue=catalogue, states=states)
    return read_csv(path, chosen, catalogue=catalogue, states=states)


def import_responses(
    tracker: Tracker,
    source: str | Path,
    options: ReadOptions | None = None,
    **fields: Unpack[ReadFields],
) -> ImportResult:
    """Read any spreadsheet of responses and record its valid rows in *tracker*, in one go.

    The rows are read as :func:`read_responses` reads them, straight into the tracker's
    own codes. Rows already recorded identically are left alone, so importing the same
    file twice records nothing the second time. Rows that are not valid, name a State
    outside the population, or conflict with what is recorded are returned as errors with
    their row numbers; every other row is recorded, in one transaction of the tracker's
    store.

    Returns:
        The rows newly recorded (``responses``), those already recorded (``unchanged``)
        and the errors.
    """
    path = Path(source)
    chosen = ReadOptions.of(options, **fields)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return tracker.add_many(read_sheets(path, intake_for(tracker, chosen), chosen))
    return import_csv(tracker, path, chosen)


def write_responses(
    responses: Tracker | Iterable[Response],
    path: str | Path,
    *,
    lang: str = "en",
    codes: bool = False,
) -> int:
    """Write responses by the file's suffix: ``.xlsx`` (a workbook), ``.csv`` or ``.tsv``.

    Both write State names, status and reporter labels in *lang* (with *codes*: alpha-3
    codes and values, for programs). A workbook has date cells shown as *lang* writes
    them, a frozen header row with filters; a CSV file is UTF-8 with a byte order mark,
    ISO dates, semicolons in French and Spanish (as their spreadsheet programs expect;
    tabs in a ``.tsv`` file), every cell quoted and a formula guard.

    Returns:
        How many responses were written.

    Raises:
        InvalidDataError: Another suffix (smomtrack writes workbooks as .xlsx).
        MissingExtraError: ``.xlsx``, and XlsxWriter is not installed.
    """
    if Path(path).suffix.lower() == ".xlsx":
        return write_xlsx(responses, path, lang=lang, codes=codes)
    suffix = Path(path).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        raise InvalidDataError(Message("msg_workbooks_xlsx_only", file=str(path)))
    if suffix not in {".csv", ".tsv"}:
        raise InvalidDataError(Message("msg_responses_suffix", file=str(path)))
    return write_csv(responses, path, lang=lang, codes=codes)


def questionnaire(  # noqa: PLR0913 (what a questionnaire is made of)
    path: str | Path,
    *,
    states: Iterable[str] | str | None = None,
    lang: str = "en",
    catalogue: Catalogue | None = None,
    meeting: str | None = None,
    as_of: dt.date | str | None = None,
    deadline: dt.date | str | None = None,
    contact: str | None = None,
) -> int:
    """Write a questionnaire for focal points to fill in, by the file's suffix.

    - ``.xlsx``: a workbook with an instructions sheet, then one row per State and
      recommendation: the State, the key, the short title (editorial) and the official
      text with its language, all protected; a status to choose from a drop-down list of the
      labels in *lang*; the date the answer describes (filled in with *as_of*); a due date;
      measures, evidence, responsible body and notes. Needs its States.
    - ``.csv``: a text table with the same rows (a blank State column without *states*).

    Either is read back by :func:`read_responses` as it comes back, rows left without a
    status skipped.

    Args:
        path: Where to write it (``.xlsx`` or ``.csv``).
        states: The States (codes or names, or ``"un-members"``).
        lang: ``en``, ``fr`` or ``es``: headers, names, labels, instructions, texts.
        catalogue: The recommendations (the built-in catalogue by default).
        meeting: Only this meeting's recommendations.
        as_of: The date of the reporting round (today by default in a workbook).
        deadline: For a workbook, the date by which it is to be returned (said on its
            instructions sheet).
        contact: For a workbook, where to return it (an address, or a name and an address).

    Returns:
        How many rows were written.

    Raises:
        MissingExtraError: ``.xlsx``, and XlsxWriter is not installed (the ``spreadsheets``
            extra).
        UnknownStateError: A State is not one that can be a party.
        InvalidDataError: Another suffix, a workbook without States, an unknown language,
            or no recommendation to ask about.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        if states is None:
            raise InvalidDataError(
                f"{path}: a questionnaire workbook needs its States (states=...)",
                said=Message("msg_questionnaire_needs_states", file=str(path)),
            )
        return questionnaire_workbook(
            path,
            states=states,
            lang=lang,
            catalogue=catalogue,
            meeting=meeting,
            as_of=as_of,
            deadline=deadline,
            contact=contact,
        )
    if suffix == ".csv":
        if deadline is not None or contact is not None:
            raise InvalidDataError(Message("msg_questionnaire_csv_options", file=str(path)))
        return csv_template(
            path, lang=lang, catalogue=catalogue, states=states, meeting=meeting, as_of=as_of
        )
    raise InvalidDataError(Message("msg_questionnaire_suffix", file=str(path)))
