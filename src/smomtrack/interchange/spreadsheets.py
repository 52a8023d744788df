"""Any spreadsheet of responses, by its suffix: a workbook or a text table.

Workbooks: ``.xlsx``, ``.ods``, ``.xls``. Text: ``.csv``, ``.tsv``, ``.txt`` (comma,
semicolon or tab separated, Excel's "Unicode text").
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import InvalidDataError
from smomtrack.interchange.csv_format import read_csv, write_csv
from smomtrack.interchange.rows import Progress
from smomtrack.interchange.workbooks import WORKBOOK_SUFFIXES, read_workbook
from smomtrack.interchange.xlsx_writer import write_xlsx
from smomtrack.records.responses import Response
from smomtrack.tracking.imports import ImportResult
from smomtrack.tracking.tracker import Tracker

__all__ = ["TABLE_SUFFIXES", "import_responses", "read_responses", "write_responses"]

TABLE_SUFFIXES: tuple[str, ...] = (*WORKBOOK_SUFFIXES, ".csv", ".tsv", ".txt")
"""The spreadsheets :func:`read_responses` reads."""


def read_responses(  # noqa: PLR0913 (the ways a table is read)
    source: str | Path,
    *,
    sheet: str | int | None = None,
    catalogue: Catalogue | None = None,
    states: Iterable[str] | None = None,
    meeting: str | None = None,
    corrections: bool = False,
    max_errors: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read a spreadsheet of responses, whatever it is: a workbook or a text table.

    ``.xlsx``, ``.xlsm``, ``.xls`` and ``.ods`` go to :func:`~smomtrack.read_workbook`;
    anything else is read as text by :func:`~smomtrack.read_csv` (``.csv``, ``.tsv``, and
    Excel's "Unicode text" ``.txt``). The options are theirs.

    Raises:
        InvalidDataError: A sheet asked of a text file, or what the readers raise.
    """
    path = Path(source)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return read_workbook(
            path,
            sheet=sheet,
            catalogue=catalogue,
            states=states,
            meeting=meeting,
            corrections=corrections,
            max_errors=max_errors,
            progress=progress,
        )
    if sheet is not None:
        raise InvalidDataError(f"{path}: a text table has no sheets (sheet={sheet!r})")
    return read_csv(
        path,
        catalogue=catalogue,
        states=states,
        meeting=meeting,
        corrections=corrections,
        max_errors=max_errors,
        progress=progress,
    )


def import_responses(  # noqa: PLR0913 (the ways a table is read)
    tracker: Tracker,
    source: str | Path,
    *,
    sheet: str | int | None = None,
    meeting: str | None = None,
    corrections: bool = False,
    max_errors: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read any spreadsheet of responses and record its valid rows in *tracker* at once.

    As :func:`~smomtrack.import_csv`, for every spreadsheet :func:`read_responses` reads.
    """
    read = read_responses(
        source,
        sheet=sheet,
        catalogue=tracker.catalogue,
        states=tracker.states,
        meeting=meeting,
        corrections=corrections,
        max_errors=max_errors,
        progress=progress,
    )
    return tracker.add_many(read)


def write_responses(
    responses: Tracker | Iterable[Response], path: str | Path, *, lang: str = "en"
) -> int:
    """Write responses by the file's suffix: ``.xlsx`` (:func:`write_xlsx`), else CSV.

    Returns:
        How many responses were written.
    """
    if Path(path).suffix.lower() == ".xlsx":
        return write_xlsx(responses, path, lang=lang)
    if Path(path).suffix.lower() in WORKBOOK_SUFFIXES:
        raise InvalidDataError(f"{path}: smomtrack writes workbooks as .xlsx only")
    return write_csv(responses, path, lang=lang)
