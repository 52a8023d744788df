"""The result of importing a file of responses: the records read and the rows refused."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Protocol

import attrs

from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import SmomtrackError
from smomtrack.records.fields import to_tuple
from smomtrack.records.responses import Response

__all__ = ["CsvReader", "ImportResult", "RowError", "csv_reader", "register_csv_reader"]


@attrs.frozen(kw_only=True)
class RowError:
    """A row of a file that could not be read as a response.

    Attributes:
        line: The physical line number in the file where the row starts (1 is the first line).
        column: The column (as the file's header writes it) of the first bad cell, or ``""``
            when the problem is the row as a whole.
        value: The content of that cell.
        message: What is wrong: every problem of the row.
    """

    line: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column!r}" if self.column else "")
        return f"{where}: {self.message}"


def _responses(values: Iterable[Response]) -> tuple[Response, ...]:
    return to_tuple(values)


def _errors(values: Iterable[RowError]) -> tuple[RowError, ...]:
    return to_tuple(values)


def _ints(values: Iterable[int]) -> tuple[int, ...]:
    return to_tuple(values)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True)
class ImportResult:
    """What reading (or importing) a file of responses gave.

    Attributes:
        responses: The valid rows, as responses. After an import: the ones newly recorded.
        lines: The line where each of *responses* starts in the file (same order).
        errors: One per bad row, in file order.
        unchanged: After an import, the valid rows that were already recorded, identically.
        skipped: How many rows were left blank (a template's unanswered rows).
        ignored_columns: Columns of the file that smomtrack does not read.
    """

    responses: tuple[Response, ...] = attrs.field(converter=_responses)
    lines: tuple[int, ...] = attrs.field(default=(), converter=_ints)
    errors: tuple[RowError, ...] = attrs.field(default=(), converter=_errors)
    unchanged: tuple[Response, ...] = attrs.field(default=(), converter=_responses)
    skipped: int = 0
    ignored_columns: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    @property
    def ok(self) -> bool:
        """Whether every row was read."""
        return not self.errors


class CsvReader(Protocol):
    """Reads a spreadsheet of responses (the interchange layer provides it)."""

    def __call__(
        self, source: str | Path | IO[str] | IO[bytes], *, catalogue: Catalogue | None = None
    ) -> ImportResult:
        """Read *source*; see :func:`smomtrack.read_csv`."""
        ...


_READERS: list[CsvReader] = []


def register_csv_reader(reader: CsvReader) -> CsvReader:
    """Make *reader* the one :meth:`Tracker.import_csv` uses (the interchange layer calls this)."""
    _READERS[:] = [reader]
    return reader


def csv_reader() -> CsvReader:
    """The registered CSV reader.

    Raises:
        SmomtrackError: None is registered (``smomtrack`` was not imported whole).
    """
    if not _READERS:
        raise SmomtrackError("no CSV reader is registered; import smomtrack to register it")
    return _READERS[0]
