"""Workbooks of responses: ``.xlsx``, ``.ods`` and ``.xls`` files, read as a spreadsheet shows them.

The cells are read with python-calamine (the optional ``spreadsheets`` extra): a reader of
every workbook format in compiled code, fast and faithful (real date cells come back as
dates, numbers as numbers). calamine reports neither formulas nor, for ``.ods``, merged
cells: a light scan of the workbook's XML finds them, so that a formula's result is never
taken silently for an answer and a merged cell reads as what the spreadsheet shows in each
of its cells. Then the rows go through the same reading as a CSV file
(:mod:`~smomtrack._interchange.rows`), numbered as the spreadsheet shows them, and every
error names the sheet and the row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import IO, Any, Unpack
from xml.etree import ElementTree as ET

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._extras import require
from smomtrack._interchange.rows import (
    IntakeFor,
    ReadFields,
    ReadOptions,
    find_header,
    intake_of,
    missing_columns,
    read_table,
)
from smomtrack._interchange.system import reason
from smomtrack._tracking.columns import paused_gc
from smomtrack._tracking.imports import ImportResult, RowError
from smomtrack._vocabulary.folding import fold
from smomtrack._words import Listed, Message, Quoted
from smomtrack.exceptions import InvalidDataError, SmomtrackError, StorageError

__all__ = ["MAX_PART_BYTES", "WORKBOOK_SUFFIXES", "read_sheets", "read_workbook"]

WORKBOOK_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm", ".xls", ".ods")
"""The workbooks :func:`read_workbook` reads."""

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CELL_REF = re.compile(r"([A-Z]+)([0-9]+)")


def _calamine() -> Any:
    return require("python_calamine", "reading workbooks (.xlsx, .ods, .xls)", "spreadsheets")


def read_workbook(
    source: str | Path,
    options: ReadOptions | None = None,
    *,
    catalogue: Catalogue | None = None,
    states: Iterable[str] | None = None,
    **fields: Unpack[ReadFields],
) -> ImportResult:
    """Read a workbook of responses (``.xlsx``, ``.ods``, ``.xls``) like :func:`read_csv`.

    Real date cells are dates, numbers stay numbers (a recommendation written ``8`` with
    *meeting* given is that meeting's 8th). The header row is found below a title block.
    Merged cells read as the spreadsheet shows them. A row whose cells hold formulas is
    refused with that reason (its results are not answers someone typed), and so is a
    total row; a cell holding the text of a formula is read with a warning. An ``.xls``
    file does not say which cells hold formulas: its results are read, with a warning. Every error
    names the sheet and the row as the spreadsheet shows them.

    Args:
        source: The workbook's path.
        options: How to read it (:class:`~smomtrack.ReadOptions`: *sheet*, *meeting*,
            *corrections*, *max_errors*, *progress*).
        catalogue: The recommendations rows may refer to (the built-in catalogue by default).
        states: The States rows may name; any State by default.
        **fields: Fields of the options, given instead of *options*' own.

    Raises:
        MissingExtraError: python-calamine is not installed (the ``spreadsheets`` extra).
        StorageError: The file cannot be read.
        InvalidDataError: Not a workbook, no such sheet, or no sheet with a table of
            responses (the message says which columns are missing).
        TooManyBadRowsError: More than *max_errors* rows refused.
    """
    chosen = ReadOptions.of(options, **fields)
    return read_sheets(Path(source), intake_of(catalogue, states, chosen), chosen)


def read_sheets(path: Path, intake_for: IntakeFor, options: ReadOptions) -> ImportResult:
    """Read the workbook at *path* through the intake *intake_for* makes."""
    calamine = _calamine()
    _check_archive(path)
    with _reading(path):
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    try:
        name, rows, merged, marks = _choose(workbook, path, options)
    finally:
        with _reading(path):
            workbook.close()
    where = f"{path}, sheet {name!r}"
    for first, last in [*merged, *marks.spans]:
        _fill(rows, first, last)
    flagged = _flagged(rows, marks.formulas)
    with paused_gc():
        intake = intake_for(None)
        result = read_table(
            rows,
            name=where,
            intake=intake,
            options=options,
            total=len(rows),
            flagged=flagged,
            sheet=name,
        )
    if path.suffix.lower() == ".xls":
        caveat = RowError(
            line=0,
            sheet=name,
            message="an .xls file does not say which cells hold formulas: their results were"
            " read as values (save the file as .xlsx or .ods to have them checked)",
        )
        result = attrs.evolve(result, warnings=(caveat, *result.warnings))
    return result


_Span = tuple[tuple[int, int], tuple[int, int]]


@attrs.frozen
class _Marks:
    """What the scan of a sheet's XML found, before the reader builds it.

    Attributes:
        height: Rows from the first to the last that holds something (0 when unknown).
        width: Columns from A to the last that holds something (0 when unknown).
        formulas: The cells (row, column from 0) that hold a formula.
        spans: For ``.ods``, the merged ranges.
    """

    height: int = 0
    width: int = 0
    formulas: frozenset[tuple[int, int]] = frozenset()
    spans: tuple[_Span, ...] = ()


def _choose(
    workbook: Any, path: Path, options: ReadOptions
) -> tuple[str, list[list[str]], list[_Span], _Marks]:
    """The sheet asked for (or the first with a header row), its rows as text, its merges."""
    with _reading(path):
        names: list[str] = [str(name) for name in workbook.sheet_names]
    if options.sheet is not None:
        name = _sheet_name(names, options.sheet, path)
        return name, *_sheet(workbook, name, path, options)
    refused: InvalidDataError | None = None  # a sheet too large or damaged
    missing: InvalidDataError | None = None  # a sheet without the columns of responses
    for name in names:
        try:
            rows, merged, marks = _sheet(workbook, name, path, options)
        except InvalidDataError as exc:  # look at the other sheets, then say why
            refused = refused or exc
            continue
        if find_header(enumerate(rows, start=1), f"{path}, sheet {name!r}") is not None:
            return name, rows, merged, marks
        if missing is None and any(any(c.strip() for c in row) for row in rows):
            header = next(row for row in rows if any(c.strip() for c in row))
            missing = missing_columns(header, f"{path}, sheet {name!r}")
    first_error = refused or missing
    listed = ", ".join(repr(n) for n in names)
    sheets = Listed(map(Quoted, names))
    raise InvalidDataError(
        f"{path}: no sheet holds a table of responses (sheets: {listed})"
        + (f"; {first_error}" if first_error else ""),
        said=Message("msg_no_table_sheet", file=str(path), sheets=sheets)
        if first_error is None
        else Message(
            "msg_no_table_sheet_because",
            file=str(path),
            sheets=sheets,
            detail=first_error.said or Message("msg_plain", text=str(first_error)),
        ),
    )


def _sheet_name(names: Sequence[str], sheet: str | int, path: Path) -> str:
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 1 <= sheet <= len(names):
            return names[sheet - 1]
        raise InvalidDataError(
            f"{path}: no sheet number {sheet} (it has {len(names)})",
            said=Message("msg_no_sheet_number", len(names), file=str(path), sheet=sheet),
        )
    number = sheet.strip() if isinstance(sheet, str) else ""
    if number.isascii() and number.isdigit():
        if len(number) > 9:
            raise InvalidDataError(
                f"{path}: no sheet number {number[:12]}… (it has {len(names)})",
                said=Message(
                    "msg_no_sheet_number", len(names), file=str(path), sheet=f"{number[:12]}…"
                ),
            )
        return _sheet_name(names, int(number), path)
    by_name = {fold(n): n for n in names}
    found = str(sheet) if sheet in names else by_name.get(fold(str(sheet)))
    if found is None:
        listed = ", ".join(repr(n) for n in names)
        raise InvalidDataError(
            f"{path}: no sheet {sheet!r} (sheets: {listed})",
            said=Message(
                "msg_no_sheet",
                file=str(path),
                sheet=Quoted(sheet),
                sheets=Listed(map(Quoted, names)),
            ),
        )
    return found


def _sheet(
    workbook: Any, name: str, path: Path, options: ReadOptions
) -> tuple[list[list[str]], list[_Span], _Marks]:
    marks = _scan(path, name)  # the extent, read from the XML before the reader builds it
    if marks.height and marks.width:
        _check_extent(path, name, marks.height, marks.width, options)
    with _reading(path, name):
        found = workbook.get_sheet_by_name(name)
        if found.height and found.width:  # the sheet's extent, before any cell is made
            _check_extent(path, name, found.end[0] + 1, found.end[1] + 1, options)
        values = found.to_python(skip_empty_area=False)
        merged = [
            ((int(a), int(b)), (int(c), int(d)))
            for (a, b), (c, d) in found.merged_cell_ranges or []
        ]
    text = str  # most cells are text already: no call for them
    rows = [[v if v.__class__ is text else _text(v) for v in row] for row in values]
    return rows, merged, marks


def _text(value: object) -> str:  # noqa: PLR0911 (one answer per kind of cell)
    """A cell as text for the one way in: dates as ISO dates, whole numbers without ``.0``."""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return ""
    return str(value)


def _fill(rows: list[list[str]], first: tuple[int, int], last: tuple[int, int]) -> None:
    """Give every cell of a merged range the value of its first cell, as the sheet shows it."""
    (top, left), (bottom, right) = first, last
    if top >= len(rows) or left >= len(rows[top]):
        return
    value = rows[top][left]
    for row in range(top, min(bottom, len(rows) - 1) + 1):
        cells = rows[row]
        for column in range(left, min(right, len(cells) - 1) + 1):
            if not cells[column].strip():
                cells[column] = value


def _flagged(
    rows: list[list[str]], formulas: AbstractSet[tuple[int, int]]
) -> dict[int, tuple[str, Message]]:
    """The rows to refuse for their formulas (numbered from 1): the cell, and why."""
    header = find_header(enumerate(rows, start=1), "")
    if header is None or not formulas:
        return {}
    number, cells, positions, _ = header
    read = set(positions.values())
    flagged: dict[int, tuple[str, Message]] = {}
    for row, column in sorted(formulas):
        if row + 1 <= number or row + 1 in flagged or column not in read:
            continue
        line = rows[row]
        filled = [i for i, cell in enumerate(line) if cell.strip()]
        if fold(next((line[i] for i in filled), "")) in {"total", "totals", "totaux", "totales"}:
            flagged[row + 1] = (line[filled[0]], Message("msg_total_row"))
        elif all((row, i) in formulas for i in filled):
            flagged[row + 1] = (line[column], Message("msg_only_formulas"))
        else:
            reason = Message(
                "msg_formula_cell",
                column=Quoted(cells[column].strip()),
                result=Quoted(line[column]),
            )
            flagged[row + 1] = (line[column], reason)
    return flagged


# -- what calamine does not say: formulas, and merged cells of OpenDocument files --------


MAX_PART_BYTES = 1 << 30
"""A workbook part (a sheet's XML) may inflate to at most this many bytes (1 GiB)."""


@contextlib.contextmanager
def _reading(path: Path, sheet: str | None = None) -> Iterator[None]:
    """Whatever the workbook reader raises, panics included, as smomtrack's own error."""
    where = f"{path}" if sheet is None else f"{path}, sheet {sheet!r}"
    try:
        yield
    except SmomtrackError:
        raise
    except OSError as exc:
        raise StorageError(path, Message("storage_cannot_read", reason=reason(exc))) from exc
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # calamine's errors, and its panics (a BaseException)
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise InvalidDataError(
            f"{where}: not a readable workbook ({detail})",
            said=Message("msg_not_workbook", file=where),
        ) from exc


def _check_extent(path: Path, sheet: str, height: int, width: int, options: ReadOptions) -> None:
    """Refuse a sheet whose cells, from A1 to its last one, are more than the limits allow."""
    if width > options.max_columns or height * width > options.max_cells:
        raise InvalidDataError(
            f"{path}, sheet {sheet!r}: spans {height:,} rows × {width:,} columns (to its cell"
            f" {_cell_name(height - 1, width - 1)}), more than a table of responses"
            f" (at most {options.max_columns:,} columns and {options.max_cells:,} cells;"
            " ReadOptions(max_columns=…, max_cells=…) to read more)",
            said=Message(
                "msg_sheet_too_large",
                file=str(path),
                sheet=Quoted(sheet),
                rows=height,
                columns=width,
                cell=_cell_name(height - 1, width - 1),
                max_columns=options.max_columns,
                max_cells=options.max_cells,
            ),
        )


def _cell_name(row: int, column: int) -> str:
    """The name a spreadsheet gives a cell (row and column from 0): ``XFD1048576``."""
    letters = ""
    number = column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row + 1}"


def _check_archive(path: Path) -> None:
    """Refuse a workbook whose parts inflate beyond :data:`MAX_PART_BYTES` (a zip bomb)."""
    if not zipfile.is_zipfile(path):
        return  # an .xls file: calamine reads it as it is
    with _reading(path), zipfile.ZipFile(path) as archive:
        for part in archive.infolist():
            if part.file_size > MAX_PART_BYTES:
                raise InvalidDataError(
                    f"{path}: its part {part.filename!r} inflates to {part.file_size:,} bytes,"
                    f" more than the {MAX_PART_BYTES:,} a workbook part may hold",
                    said=Message("msg_workbook_bomb", file=str(path), size=part.file_size),
                )


def _scan(path: Path, sheet: str) -> _Marks:
    """The extent, the formula cells and, for ``.ods``, the merged ranges of *sheet*.

    The XML is read as a stream, a row at a time: memory stays bounded whatever its size.

    Raises:
        InvalidDataError: A cell or a count beyond what a spreadsheet holds (a damaged file).
    """
    if not zipfile.is_zipfile(path):
        return _Marks()  # an .xls file: calamine's values are all there is (said in a warning)
    with _reading(path, sheet), zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "content.xml" in names:
            with archive.open("content.xml") as content:
                return _scan_ods(content, sheet, path)
        if "xl/workbook.xml" in names:
            return _scan_xlsx(archive, sheet, path)
    return _Marks()


_MAX_ROWS, _MAX_COLUMNS = 1 << 20, 1 << 14
"""The most rows and columns a worksheet holds (A1 to XFD1048576)."""


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The name of the part that holds *sheet*'s cells in an ``.xlsx`` file."""
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))  # noqa: S314 (a file the user gave)
    relations = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))  # noqa: S314
    targets = {r.get("Id"): r.get("Target", "") for r in relations.iter(f"{_RELS}Relationship")}
    part = None
    for entry in workbook.iter(f"{_MAIN}sheet"):
        if entry.get("name") == sheet:
            target = targets.get(entry.get(f"{_DOC_RELS}id"), "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return part if part in archive.namelist() else None


def _scan_xlsx(archive: zipfile.ZipFile, sheet: str, path: Path) -> _Marks:
    part = _sheet_part(archive, sheet)
    if part is None:
        return _Marks()
    formulas: set[tuple[int, int]] = set()
    height = width = 0
    row = column = -1
    with archive.open(part) as data:
        rows: ET.Element | None = None
        for event, element in ET.iterparse(data, events=("start", "end")):  # noqa: S314
            tag = element.tag
            if event == "start":
                if tag == f"{_MAIN}sheetData":
                    rows = element
                elif tag == f"{_MAIN}row":
                    row = _row_number(element.get("r"), row, path)
                    column = -1
                continue
            if tag == f"{_MAIN}c":
                column = _cell_column(element.get("r"), row, column, path)
                if len(element):  # a value, an inline string or a formula: not an empty cell
                    height, width = max(height, row + 1), max(width, column + 1)
                if element.find(f"{_MAIN}f") is not None:
                    formulas.add((row, column))
            elif tag == f"{_MAIN}row" and rows is not None:
                rows.clear()  # the rows read so far are not kept
    return _Marks(height, width, frozenset(formulas))


def _row_number(reference: str | None, previous: int, path: Path) -> int:
    """A row's number from 0, from its ``r`` (or the one after *previous*)."""
    if reference is None:
        return previous + 1
    if not (reference.isascii() and reference.isdigit() and 1 <= int(reference[:8]) <= _MAX_ROWS):
        raise InvalidDataError(
            f"{path}: a damaged workbook (row {reference[:20]!r})",
            said=Message("msg_damaged_workbook", file=str(path)),
        )
    return int(reference) - 1


def _cell_column(reference: str | None, row: int, previous: int, path: Path) -> int:
    """A cell's column from 0, from its ``r`` (or the one after *previous*), checked."""
    if reference is None:
        return previous + 1
    match = _CELL_REF.fullmatch(reference)
    if (
        match is None
        or len(match[1]) > 3
        or len(match[2]) > 7
        or int(match[2]) - 1 != row
        or _column_number(match[1]) >= _MAX_COLUMNS
    ):
        raise InvalidDataError(
            f"{path}: a damaged workbook (cell {reference[:20]!r})",
            said=Message("msg_damaged_workbook", file=str(path)),
        )
    return _column_number(match[1])


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _scan_ods(content: IO[bytes], sheet: str, path: Path) -> _Marks:
    formulas: set[tuple[int, int]] = set()
    spans: list[_Span] = []
    cells = {f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"}
    table: ET.Element | None = None  # the sheet's table, while it is read
    row_number = column = height = width = 0
    tall_row = 1
    for event, element in ET.iterparse(content, events=("start", "end")):  # noqa: S314
        tag = element.tag
        if tag == f"{_TABLE}table":
            wanted = event == "start" and element.get(f"{_TABLE}name") == sheet
            table, row_number = (element if wanted else None), 0
        elif table is None:
            continue
        elif tag == f"{_TABLE}table-row":
            if event == "start":
                column = 0
                tall_row = _count(element, "number-rows-repeated", path)
            else:
                row_number += tall_row
                table.clear()  # the rows read so far are not kept
        elif tag in cells and event == "end":
            repeat = _count(element, "number-columns-repeated", path)
            if element.get(f"{_OFFICE}value-type") is not None or len(element):
                height = max(height, row_number + tall_row)  # a cell that holds something
                width = max(width, column + repeat)
            if element.get(f"{_TABLE}formula") is not None:
                formulas.update((row_number, column + i) for i in range(min(repeat, 1024)))
            wide = _count(element, "number-columns-spanned", path)
            tall = _count(element, "number-rows-spanned", path)
            if wide > 1 or tall > 1:
                spans.append(((row_number, column), (row_number + tall - 1, column + wide - 1)))
            column += repeat
    return _Marks(height, width, frozenset(formulas), tuple(spans))


def _count(element: ET.Element, name: str, path: Path) -> int:
    """A count an OpenDocument row or cell carries (1 when it carries none).

    Raises:
        InvalidDataError: It is not a whole number from 1 to 2**24.
    """
    text = element.get(f"{_TABLE}{name}", "1")
    if not (text.isascii() and text.isdigit() and len(text) <= 9 and 1 <= int(text) <= 1 << 24):
        raise InvalidDataError(
            f"{path}: a damaged workbook ({name}={text[:20]!r})",
            said=Message("msg_damaged_workbook", file=str(path)),
        )
    return int(text)
