"""The result of reading or importing rows of responses: the records, and the rows refused."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

import attrs

from smomtrack._records.fields import to_tuple
from smomtrack._records.responses import Response
from smomtrack._tracking.columns import Columns
from smomtrack._words import Labelled, Listed, Message, Quoted, word
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
        said: What is wrong, for a person, in any language (not part of equality);
            :meth:`describe` writes it.
    """

    line: int
    column: str = ""
    value: str = ""
    message: str
    error: SmomtrackError | None = attrs.field(default=None, eq=False, repr=False)
    sheet: str = ""
    said: Labelled | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def of(cls, line: int, error: SmomtrackError) -> RowError:
        """The error of a whole row at *line*."""
        return cls(line=line, message=str(error), error=error)

    def describe(self, lang: str = "en") -> str:
        r"""Where the row is and what is wrong, for a person, in *lang*.

        >>> from smomtrack._words import Message
        >>> RowError(line=8, column="Statut", message="…", said=Message("msg_empty")).describe("fr")
        'ligne 8, colonne «\xa0Statut\xa0»\xa0: vide'
        """
        said = self.said or (self.error.said if self.error is not None else None)
        what = self.message if said is None else said.label(lang)
        where: list[Message] = []
        if self.sheet:
            where.append(Message("where_sheet", sheet=Quoted(self.sheet)))
        if self.line:
            where.append(Message("where_row", line=self.line))
        if self.column and not isinstance(said, ColumnProblems):
            where.append(Message("where_column", column=Quoted(self.column)))
        if not where:
            return what
        return Message(
            "msg_where", where=", ".join(w.text(lang) for w in where), message=what
        ).text(lang)

    @property
    def said_reason(self) -> Message:
        """:attr:`reason` for a person, in any language."""
        kind = next((key for cls, key in _REASONS if isinstance(self.error, cls)), None)
        if kind is None:
            said = self.said or (self.error.said if self.error is not None else None)
            return Message("msg_plain", text=self.message if said is None else said)
        if self.column:
            return Message("reason_in_column", column=Quoted(self.column), reason=Message(kind))
        return Message(kind)

    @property
    def reason(self) -> str:
        """What is wrong, without the value: the same for every row refused for one cause.

        Used to count refused rows per cause (``"status: not an implementation status"``).
        """
        key = next((key for cls, key in _REASONS if isinstance(self.error, cls)), None)
        kind = self.message if key is None else word(key, "en")
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
    # The catalogues' key of each cause of refusal (English for reason, any for said_reason).
    (UnknownRecommendationError, "reason_unknown_recommendation"),
    (UnknownStateError, "reason_unknown_state"),
    (UnknownKeyError, "reason_unknown_key"),
    (InvalidStatusError, "reason_not_status"),
    (InvalidDateError, "reason_not_date"),
    (ConflictError, "reason_conflict"),
)


class ColumnProblems:
    """What is wrong with several cells of a row, each named by its column."""

    __slots__ = ("problems",)

    def __init__(self, problems: Iterable[tuple[str, Labelled]]) -> None:
        self.problems = tuple(problems)

    def label(self, lang: str) -> str:
        return word("list_semicolon", lang).join(
            Message("msg_in_column", column=Quoted(column), message=said).text(lang)
            for column, said in self.problems
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
        sheet: The sheet of a workbook the rows are on (``""`` for a CSV file or records
            made elsewhere); the rows a tracker refuses when they are added name it too.
    """

    batch: Columns = attrs.field(hash=False)
    lines: array[int] = attrs.field(factory=lambda: array("I"), converter=_lines, hash=False)
    errors: tuple[RowError, ...] = attrs.field(default=(), converter=_errors)
    unchanged: tuple[Response, ...] = attrs.field(default=(), converter=_responses)
    skipped: int = 0
    ignored_columns: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    warnings: tuple[RowError, ...] = attrs.field(default=(), converter=_errors)
    sheet: str = ""

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

    def describe(self, lang: str = "en") -> str:
        r"""What was read, for a person, in *lang*: warnings and refused rows, then the counts.

        >>> from smomtrack import read_responses
        >>> read = read_responses("tests/data/reponses-excel-fr-cp1252.csv")
        >>> print(read.describe("es").splitlines()[-1])
        4 filas válidas, 3 filas erróneas, 1 fila en blanco
        """
        lines = [
            Message("msg_warning", message=warning.describe(lang)).text(lang)
            for warning in self.warnings
        ]
        lines += [error.describe(lang) for error in self.errors]
        if self.ignored_columns:
            columns = Listed(map(Quoted, self.ignored_columns))
            lines.append(Message("msg_columns_ignored", columns=columns).text(lang))
        counts = Message(
            "msg_read_counts",
            valid=Message("count_valid_rows", len(self.batch)),
            bad=Message("count_bad_rows", len(self.errors)),
            blank=Message("count_blank_rows", self.skipped),
        )
        lines.append(counts.text(lang))
        return "\n".join(lines)

    def reasons(self) -> dict[str, int]:
        """How many rows were refused for each reason, most frequent first."""
        counts: dict[str, int] = {}
        for error in self.errors:
            counts[error.reason] = counts.get(error.reason, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def __len__(self) -> int:
        return len(self.batch)
