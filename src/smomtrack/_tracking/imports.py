"""The result of reading or importing rows of responses: the records, and the rows refused."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

import attrs

from smomtrack._records.fields import to_tuple
from smomtrack._records.responses import Response
from smomtrack._tracking.columns import Columns
from smomtrack.exceptions import (
    ConflictError,
    InvalidDateError,
    InvalidStatusError,
    SmomtrackError,
    UnknownKeyError,
    UnknownRecommendationError,
    UnknownStateError,
)

__all__ = ["ImportResult", "RowError"]


@attrs.frozen(kw_only=True)
class RowError:
    """A row of a file that could not be read or recorded as a response.

    Attributes:
        line: Where the row is: the row number a spreadsheet program shows (1 is the first
            row of a CSV file, its header; a cell holding a line break does not count twice).
        column: The column (as the file's header writes it) of the first bad cell, or ``""``
            when the problem is the row as a whole.
        value: The content of that cell.
        message: What is wrong: every problem of the row.
        error: The error of the first problem (not part of equality).
        sheet: The sheet of a workbook the row is on (``""`` for a CSV file).
    """

    line: int
    column: str = ""
    value: str = ""
    message: str
    error: SmomtrackError | None = attrs.field(default=None, eq=False, repr=False)
    sheet: str = ""

    @classmethod
    def of(cls, line: int, error: SmomtrackError) -> RowError:
        """The error of a whole row at *line*."""
        return cls(line=line, message=str(error), error=error)

    @property
    def reason(self) -> str:
        """What is wrong, without the value: the same for every row refused for one cause.

        Used to count refused rows per cause (``"status: not an implementation status"``).
        """
        kind = next(
            (phrase for cls, phrase in _REASONS if isinstance(self.error, cls)), self.message
        )
        return f"{self.column}: {kind}" if self.column else kind

    @property
    def row(self) -> int:
        """The row number a spreadsheet program shows (the same as :attr:`line`)."""
        return self.line

    def __str__(self) -> str:
        where = [f"sheet {self.sheet!r}"] if self.sheet else []
        where += [f"row {self.line}"] if self.line else []  # 0: the file as a whole
        where += [f"column {self.column!r}"] if self.column else []
        return f"{', '.join(where)}: {self.message}" if where else self.message


_REASONS: tuple[tuple[type[SmomtrackError], str], ...] = (
    (UnknownRecommendationError, "not a recommendation of the catalogue"),
    (UnknownStateError, "not a State of the population"),
    (UnknownKeyError, "unknown key"),
    (InvalidStatusError, "not an implementation status"),
    (InvalidDateError, "not a date"),
    (ConflictError, "conflicts with a recorded response"),
)


def _responses(values: Iterable[Response]) -> tuple[Response, ...]:
    return to_tuple(values)


def _errors(values: Iterable[RowError]) -> tuple[RowError, ...]:
    return to_tuple(values)


def _lines(values: Iterable[int]) -> array[int]:
    return values if isinstance(values, array) else array("I", values)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(values)


@attrs.frozen(kw_only=True)
class ImportResult:
    """What reading (or importing) rows of responses gave.

    The records are kept as columns (:attr:`batch`); :attr:`responses` makes them objects.

    Attributes:
        batch: The valid rows. After an import: the ones newly recorded.
        lines: The line where each valid row is in the file (same order, an ``array`` of
            ints); empty when the rows did not come from a file.
        errors: One per bad row, in file order.
        unchanged: After an import, the valid rows that were already recorded, identically.
        skipped: How many rows were left blank (a template's unanswered rows).
        ignored_columns: Columns of the file that smomtrack does not read.
        warnings: Rows read, but with something to check (a cell holding the text of a
            formula), in file order.
    """

    batch: Columns = attrs.field(hash=False)
    lines: array[int] = attrs.field(factory=lambda: array("I"), converter=_lines, hash=False)
    errors: tuple[RowError, ...] = attrs.field(default=(), converter=_errors)
    unchanged: tuple[Response, ...] = attrs.field(default=(), converter=_responses)
    skipped: int = 0
    ignored_columns: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    warnings: tuple[RowError, ...] = attrs.field(default=(), converter=_errors)

    @classmethod
    def of(cls, responses: Sequence[Response]) -> ImportResult:
        """The result holding *responses* (records made elsewhere), with no file lines."""
        return cls(batch=Columns.of(responses))

    @property
    def responses(self) -> tuple[Response, ...]:
        """The valid rows as records (made anew at each call: keep the tuple)."""
        return tuple(self.batch.responses())

    @property
    def ok(self) -> bool:
        """Whether every row was read."""
        return not self.errors

    def reasons(self) -> dict[str, int]:
        """How many rows were refused for each reason, most frequent first."""
        counts: dict[str, int] = {}
        for error in self.errors:
            counts[error.reason] = counts.get(error.reason, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def __len__(self) -> int:
        return len(self.batch)
