"""Reading the rows of a table of responses, whatever file they come from (CSV, workbook).

A table has a header row (in English, French or Spanish), then one row per response. Each
reader (:mod:`~smomtrack._interchange.csv_format`, :mod:`~smomtrack._interchange.workbooks`)
turns its file into rows of text cells numbered as the spreadsheet shows them; this module
finds the columns, refuses what is not a response (a total row, a formula), and hands the
cells to the one way in (:class:`~smomtrack._tracking.intake.Intake`), a chunk at a time.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, Protocol, TypedDict, Unpack

import attrs

from smomtrack._catalogue.builtin import builtin_catalogue
from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._tracking.columns import Columns
from smomtrack._tracking.imports import ColumnProblems, ImportResult, RowError
from smomtrack._tracking.intake import REQUIRED, TEXT_FIELDS, FieldError, Intake
from smomtrack._tracking.population import Population
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.languages import OUTPUT_LANGUAGES
from smomtrack._words import Labelled, Listed, Message, Quoted, word
from smomtrack.exceptions import InvalidDataError, SmomtrackError, TooManyBadRowsError

__all__ = [
    "ENGINES",
    "INFORMATIONAL",
    "REQUIRED",
    "Engine",
    "IntakeFor",
    "Progress",
    "ReadFields",
    "ReadOptions",
    "Window",
    "find_header",
    "headers",
    "intake_for",
    "intake_of",
    "language_of",
    "read_table",
]

Engine = Literal["auto", "python", "pyarrow"]
"""Which reader tokenizes a text table: see :attr:`ReadOptions.engine`."""

Progress = Callable[[int, int | None], None]
"""Called as rows are read: ``progress(rows_read, rows_in_all)`` (``None`` when not known)."""


_COLUMNS: tuple[str, ...] = (
    "state", "recommendation", "status", "as_of", "measures", "evidence", "responsible", "due",
    "reporter", "source", "notes", "correction",
)  # fmt: skip
"""The columns a table of responses may have, by their field's name."""

# What the reader also accepts as a column's header, besides its field's name and its word in
# each language (the catalogues'): headers people write, and those earlier versions wrote.
# These are words read, never shown, so they are data of the parser, not of the catalogues.
_ALSO_READ: dict[str, tuple[str, ...]] = {
    "state": ("country", "pays", "país"),
    "as_of": ("as of", "date", "au", "al"),
    "reporter": ("reporter", "rapporteur", "informante"),
}

INFORMATIONAL: dict[str, str] = {
    "title": "title",
    "text": "official_text",
    "language": "text_language",
}
"""Columns written to help whoever fills a file in, never read: their words in the catalogues."""

_ALSO_IGNORED = ("title", "titre", "título")
"""Headers of such columns that earlier versions wrote."""


def headers(column: str) -> tuple[str, ...]:
    """Every header read as *column*: its name, its word in each language, the others."""
    every: dict[str, str] = {}
    for header in (column, *(word(column, lang) for lang in OUTPUT_LANGUAGES)):
        every.setdefault(fold(header), header)
    for header in _ALSO_READ.get(column, ()):
        every.setdefault(fold(header), header)
    return tuple(every.values())


_ALIASES: dict[str, str] = {
    fold(header): column for column in _COLUMNS for header in headers(column)
}
_IGNORED = frozenset(
    fold(header)
    for header in (
        *(word(key, lang) for key in INFORMATIONAL.values() for lang in OUTPUT_LANGUAGES),
        *_ALSO_IGNORED,
    )
)

_CHUNK = 500
"""Rows are read this many at a time: few enough to stay in the processor's caches."""

_TOTALS = frozenset({"total", "totals", "totaux", "totales", "sous total", "subtotal", "suma"})
"""What the first cells of a total row say (folded)."""

_FORMULA = ("=", "＝")
"""How a formula's text begins."""

_TEXTS = ("measures", "evidence", "responsible", "source", "notes")
"""The free-text columns, where the text of a formula would be taken as it is."""

_ANSWERS = ("status", "measures", "evidence", "responsible", "due", "reporter", "source", "notes")
"""The columns whose content makes a row an answer (a date alone is not one)."""


class ReadFields(TypedDict, total=False):
    """The keywords every reader of spreadsheets takes: the fields of :class:`ReadOptions`."""

    sheet: str | int | None
    meeting: str | None
    corrections: bool
    max_errors: int | None
    progress: Progress | None
    max_cells: int
    max_columns: int
    lang: str | None
    engine: Engine


def _flag(value: bool) -> bool:
    if not isinstance(value, bool):
        raise InvalidDataError(f"corrections: expected True or False, got {value!r}")  # a program
    return value


def _limit(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidDataError(f"expected a limit of 1 or more, got {value!r}")
    return value


def _language(_instance: object, _attribute: object, value: str | None) -> None:
    if value is not None and value not in OUTPUT_LANGUAGES:
        raise InvalidDataError(
            Message("msg_language", lang=Quoted(value), languages=", ".join(OUTPUT_LANGUAGES))
        )


ENGINES: tuple[Engine, ...] = ("auto", "python", "pyarrow")
"""The readers of text tables, by name."""


def _engine(_instance: object, _attribute: object, value: str) -> None:
    if value not in ENGINES:
        raise InvalidDataError(
            f"engine: expected one of {', '.join(map(repr, ENGINES))}, got {value!r}"
        )  # a program's mistake, in its words


def _max_errors(value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or value < 0):
        raise InvalidDataError(f"max_errors: expected a number of rows (0 or more), got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How to read a spreadsheet of responses: the same for CSV files and workbooks.

    >>> ReadOptions.of(meeting="SOM7", max_errors=100)
    ReadOptions(sheet=None, meeting='SOM7', corrections=False, max_errors=100)

    Attributes:
        sheet: For a workbook, the sheet: its name, or its number counted from 1 as the tabs
            show them; by default the first sheet holding a table of responses. A text
            table has no sheets: giving one is an error.
        meeting: The meeting the file is about: recommendations may be written by their
            number alone ("8", "Rec. 8", "Recommandation 8").
        corrections: Every row corrects what is recorded for its State, recommendation and
            date (a "correction" column says so row by row).
        max_errors: Stop reading once more rows than this are refused (a file made for
            another catalogue, say): fail fast instead of listing a million errors.
        progress: Called as rows are read: ``progress(rows_read, rows_in_all)``.
        max_cells: For a workbook, the most cells a sheet may span, from A1 to its last
            cell (10 million by default): a sheet beyond it is refused before any cell is
            made, so that a file with one cell far away cannot take all memory.
        max_columns: For a workbook, the most columns a sheet may span (1,024 by default).
        lang: The language the file is written in (``en``, ``fr``, ``es``); by default
            guessed from its headers. A misspelt status is answered with the labels of
            that language.
        engine: For a text table (CSV), what reads it: ``"python"``, the standard
            library's reader, row by row; ``"pyarrow"``, pyarrow's compiled reader
            (``pip install 'smomtrack[fast]'``), a column at a time; ``"auto"`` (the
            default), pyarrow for files of a few megabytes and more when it is installed.
            Both give the same responses, errors, warnings and row numbers: a file pyarrow
            cannot read exactly as the standard library does (rows of another width, text
            that is not UTF-8, a carriage return without its line feed in a cell) is read by
            the standard library's reader, from the start (*progress* then counts again).
            A workbook is read by python-calamine whatever this says.
    """

    sheet: str | int | None = None
    meeting: str | None = None
    corrections: bool = attrs.field(default=False, converter=_flag)
    max_errors: int | None = attrs.field(default=None, converter=_max_errors)
    progress: Progress | None = attrs.field(default=None, eq=False, repr=False)
    max_cells: int = attrs.field(default=10_000_000, converter=_limit, repr=False)
    max_columns: int = attrs.field(default=1_024, converter=_limit, repr=False)
    lang: str | None = attrs.field(default=None, validator=_language, repr=False)
    engine: Engine = attrs.field(default="auto", validator=_engine, repr=False)

    @classmethod
    def of(cls, options: ReadOptions | None = None, /, **fields: Unpack[ReadFields]) -> ReadOptions:
        """*options* (or the defaults) with the *fields* given instead.

        Raises:
            InvalidDataError: *max_errors* is not a number of rows.
        """
        if options is None:
            return cls(**fields)
        return attrs.evolve(options, **fields) if fields else options


IntakeFor = Callable[[Callable[[str], str] | None], Intake]
"""Makes the intake a table's rows go through, given how to clean a cell (or not)."""


def intake_for(tracker: Tracker, options: ReadOptions) -> IntakeFor:
    """The intake of *tracker* itself: rows read straight into its own codes."""
    return lambda clean: tracker.intake(clean=clean, meeting=options.meeting, lang=options.lang)


def intake_of(
    catalogue: Catalogue | None, states: Iterable[str] | str | None, options: ReadOptions
) -> IntakeFor:
    """A new intake for rows that may name *catalogue*'s recommendations and *states*.

    The built-in catalogue by default; any State that can be a party when *states* is
    ``None``; the meeting and the language of *options*.
    """
    population = None if states is None else Population.of(states).states
    return lambda clean: Intake(
        catalogue or builtin_catalogue(),
        population,
        clean=clean,
        meeting=options.meeting,
        lang=options.lang,
    )


def columns_of(
    header: Sequence[str], where: str | Message
) -> tuple[dict[str, int], list[str]] | None:
    """Where each known column is and the headers not read, or ``None`` if a column is missing.

    Raises:
        InvalidDataError: A column appears twice (*where* names the row).
    """
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        folded = fold(cell)
        column = _ALIASES.get(folded)
        if column is None:
            if folded and folded not in _IGNORED:
                ignored.append(cell.strip())
            continue
        if column in positions:
            raise InvalidDataError(
                f"{where}: the column {column!r} appears twice"
                f" ({header[positions[column]]!r} and {cell!r})",
                said=Message(
                    "msg_column_twice",
                    where=where,
                    first=Quoted(header[positions[column]]),
                    second=Quoted(cell),
                ),
            )
        positions[column] = index
    if any(c not in positions for c in REQUIRED):
        return None
    return positions, ignored


def language_of(header: Sequence[str]) -> str | None:
    """The language a header row is written in, if its headers say so (``None`` if not).

    Each header that is the word of one language only ("Statut", "Estado") votes for it;
    a header every language writes alike ("Notes", "Source") does not vote.

    >>> language_of(["État", "Recommandation", "Statut", "Date"]), language_of(["Source"])
    ('fr', None)
    """
    votes: dict[str, int] = {}
    for cell in header:
        folded = fold(cell)
        column = _ALIASES.get(folded)
        if column is None:
            continue
        langs = {lang for lang in OUTPUT_LANGUAGES if fold(word(column, lang)) == folded}
        if len(langs) == 1:
            lang = langs.pop()
            votes[lang] = votes.get(lang, 0) + 1
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def missing_columns(header: Sequence[str], name: str) -> InvalidDataError:
    """The error of a table whose header lacks a required column."""
    found = {_ALIASES.get(fold(cell)) for cell in header}
    missing = [c for c in REQUIRED if c not in found]
    accepted = "; ".join(f"{c}: {', '.join(headers(c))}" for c in missing)
    return InvalidDataError(
        f"{name}: not a table of responses: missing the column(s) {', '.join(missing)}"
        f" (accepted headers: {accepted})",
        said=Message(
            "msg_missing_columns",
            len(missing),
            file=name,
            columns=_Headers(missing),
        ),
    )


class _Headers:
    """Columns named by their header in the language asked."""

    __slots__ = ("columns",)

    def __init__(self, columns: Sequence[str]) -> None:
        self.columns = tuple(columns)

    def label(self, lang: str) -> str:
        return Listed(Quoted(word(column, lang)) for column in self.columns).label(lang)


def find_header(
    rows: Iterable[tuple[int, Sequence[str]]], name: str, *, scan: int = 30
) -> tuple[int, Sequence[str], dict[str, int], list[str]] | None:
    """The header among the first *scan* non-blank rows: its number, cells, columns, ignored.

    A title block above the header (a heading, a State's name, a date) is passed over.
    ``None`` when no row of the first *scan* has every required column.

    Raises:
        InvalidDataError: A column appears twice in the header.
    """
    seen = 0
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        found = columns_of(cells, Message("msg_file_row", file=name, line=number))
        if found is not None:
            return number, cells, *found
        seen += 1
        if seen >= scan:
            break
    return None


class Window(Protocol):
    """Rows below a header read by a columnar reader (pyarrow's), handed over a column at a time.

    Attributes:
        start: The number of its first row, as the spreadsheet shows it.
        size: How many rows it holds.
    """

    start: int
    size: int

    def rows(self) -> list[Sequence[str]]:
        """Its rows as cells, to be read row by row."""

    def filled(self, index: int) -> bool:
        """Whether a cell of column *index* holds anything."""

    def distinct(self, index: int) -> tuple[list[str], Any]:
        """The distinct values of column *index*, and where each row's is among them."""

    def spread(self, codes: Sequence[Any], places: Any, typecode: str | None) -> Sequence[Any]:
        """Each row's code, ``codes[place]`` for each row's place (as :meth:`distinct` gave).

        An ``array`` of *typecode*, or a list where it is ``None`` (codes that are objects).
        """

    def texts(self, index: int, share: Callable[[list[str]], list[str]]) -> Sequence[str] | None:
        """The cells of column *index* as texts, or ``None`` if one must be looked at.

        Looked at on its own, row by row: a text holding a character refused, a formula
        guard (``'=``, ``''`` …), or beginning as a formula (``=``): anything the row
        reader acts on. A text repeated from row to row is one string, as *share* gives it.
        """


class _Reading:
    """The state of reading one table: its columns, the rows kept and the rows refused."""

    def __init__(
        self,
        header: Sequence[str],
        positions: dict[str, int],
        intake: Intake,
        options: ReadOptions,
    ) -> None:
        self.header = header
        self.width = len(header)
        self.positions = positions
        self.unnamed = [i for i, cell in enumerate(header) if not cell.strip()]
        self.answers = [positions[c] for c in _ANSWERS if c in positions]
        self.texts = [positions[c] for c in _TEXTS if c in positions]
        self.named = [positions["state"], positions["recommendation"]]
        self.intake = intake
        self.options = options
        self.batch: Columns | None = None
        self.rows = array("I")  # the number of each kept row (1 for the file's first row)
        self.errors: list[tuple[int, str, str, str, SmomtrackError, Labelled | None]] = []
        self.warnings: list[RowError] = []
        self.skipped = 0

    def chunk(
        self,
        chunk: Sequence[Sequence[str]],
        numbers: Sequence[int],
        flagged: Mapping[int, tuple[str, str | Message]] | None = None,
    ) -> None:
        """Read rows numbered *numbers*; *flagged* rows (number: cell, reason) are refused."""
        if flagged or len(set(map(len, chunk))) != 1 or len(chunk[0]) != self.width:
            numbers, chunk = self._regular(chunk, numbers, flagged or {})
        if not chunk:
            return
        cells = list(zip(*chunk, strict=True))
        numbers, cells = self._refusals(cells, numbers)
        if not numbers:
            return
        fields: dict[str, Sequence[object]] = {
            column: cells[index] for column, index in self.positions.items()
        }
        if self.options.corrections:
            fields["correction"] = [True] * len(numbers)
        if self.batch is None:
            self.batch = self.intake.columns()
        _, kept, errors = self.intake.read(fields, len(numbers), into=self.batch)
        by_row: dict[int, list[FieldError]] = {}
        for error in errors:
            by_row.setdefault(error.row, []).append(error)
        for row, found in by_row.items():
            first = next((c for c in (column[row] for column in cells) if c.strip()), "")
            if len(first) < 16 and fold(first) in _TOTALS:
                self._refuse(numbers[row], first, Message("msg_total_row"))
                continue
            if not any(cells[index][row].strip() for index in self.answers):
                # A row without an answer: a template's unanswered row (skipped and counted)
                # or a blank one (ignored). Its status is empty, so it is never kept.
                self.skipped += any(cells[index][row].strip() for index in self.named)
                continue
            header = [self._name(e.field) for e in found]
            message = "; ".join(f"{h}: {e.message}" for h, e in zip(header, found, strict=True))
            said = (
                found[0].said
                if len(found) == 1
                else ColumnProblems((h, e.said) for h, e in zip(header, found, strict=True))
            )
            value = found[0].value
            cell = value if isinstance(value, str) else ""
            self.errors.append((numbers[row], header[0], cell, message, found[0].error, said))
        self.rows.extend(numbers if len(kept) == len(numbers) else map(numbers.__getitem__, kept))

    def _name(self, field: str) -> str:
        index = self.positions.get(field)
        return field if index is None else self.header[index].strip()

    def _regular(
        self,
        chunk: Sequence[Sequence[str]],
        numbers: Sequence[int],
        flagged: Mapping[int, tuple[str, str | Message]],
    ) -> tuple[list[int], list[Sequence[str]]]:
        """The non-blank rows not flagged, each cut or padded to the header's width."""
        kept: list[Sequence[str]] = []
        kept_numbers: list[int] = []
        width = self.width
        for number, cells in zip(numbers, chunk, strict=True):
            if not any(cell.strip() for cell in cells):
                continue
            if number in flagged:
                value, reason = flagged[number]
                self._refuse(number, value, reason)
                continue
            extra = [cell for cell in cells[width:] if cell.strip()]
            if extra:
                self._refuse(number, extra[0], Message("msg_unnamed_cells", len(extra)))
                continue
            kept.append([*cells[:width], *[""] * (width - len(cells))])
            kept_numbers.append(number)
        return kept_numbers, kept

    def _refusals(
        self, cells: list[tuple[str, ...]], numbers: Sequence[int]
    ) -> tuple[Sequence[int], list[tuple[str, ...]]]:
        """The rows that may be responses: nothing in a column without a header.

        A cell holding the text of a formula (``=SUM(F2:F3)``) is read as the text it is,
        with a warning: a person may mean it, a spreadsheet may have put it there.
        """
        bad: dict[int, tuple[str, str | Message]] = {}
        for index in self.unnamed:
            for row, cell in enumerate(cells[index]):
                if cell.strip() and row not in bad:
                    bad[row] = (cell, Message("msg_unnamed_cells", 1))
        for index in self.texts:  # elsewhere a formula's text is refused by the reading itself
            column = cells[index]
            joined = "\n".join(column)  # one search in C finds whether any cell needs a look
            if not (joined.startswith(_FORMULA) or "\n=" in joined or "＝" in joined):
                continue
            for row, cell in enumerate(column):
                if cell.startswith(_FORMULA) and row not in bad:
                    header = self.header[index].strip()
                    self.warnings.append(
                        RowError(
                            line=numbers[row],
                            column=header,
                            value=cell,
                            message=f"{header}: {cell!r} is the text of a formula, read as"
                            " text: check that it is what was meant",
                            said=Message("msg_formula_text", text=Quoted(cell)),
                        )
                    )
        if not bad:
            return numbers, cells
        for row, (cell, reason) in bad.items():
            self._refuse(numbers[row], cell, reason)
        keep = [row for row in range(len(numbers)) if row not in bad]
        return [numbers[r] for r in keep], [tuple(map(c.__getitem__, keep)) for c in cells]

    def window(self, window: Window) -> bool:
        """Read a window of rows a column at a time, if none needs a look row by row.

        That is: no cell where the header is blank, no free text with a refused character,
        a formula's text or a formula guard, and no value of a coded column refused.
        ``False`` (nothing read) otherwise: the caller reads its rows as :meth:`chunk`.
        """
        if any(window.filled(index) for index in self.unnamed):
            return False
        texts: dict[str, Sequence[str]] = {}
        for column in TEXT_FIELDS:  # evidence is read as a coded column: its items
            if column in self.positions:
                found = window.texts(self.positions[column], self.intake.shared)
                if found is None:
                    return False
                texts[column] = found
        coded: dict[str, Sequence[Any]] = {}
        for column, index in self.positions.items():
            if column in TEXT_FIELDS:
                continue
            values, places = window.distinct(index)
            codes = self.intake.codes(column, values)
            if codes is None:
                return False
            coded[column] = window.spread(codes, places, self.intake.typecode(column))
        if self.options.corrections:
            coded["correction"] = array("B", [1]) * window.size
        if self.batch is None:
            self.batch = self.intake.columns()
        self.intake.take(self.batch, window.size, coded, texts)
        self.rows.extend(range(window.start, window.start + window.size))
        return True

    def step(self, name: str, number: int, total: int | None) -> None:
        """After the rows up to *number*: say how far it is, stop if too many were refused.

        Raises:
            TooManyBadRowsError: More than ``max_errors`` rows refused.
        """
        if self.options.progress is not None:
            self.options.progress(number, total)
        limit = self.options.max_errors
        if limit is None or len(self.errors) <= limit:
            return
        reasons: dict[str, int] = {}
        said: dict[str, Message] = {}
        for error in self.errors:
            refused = RowError(
                line=0, column=error[1], message=error[3], error=error[4], said=error[5]
            )
            reason = refused.reason
            reasons[reason] = reasons.get(reason, 0) + 1
            said.setdefault(reason, refused.said_reason)
        ordered = dict(sorted(reasons.items(), key=lambda item: (-item[1], item[0])))
        count = len(self.rows) + len(self.errors)
        raise TooManyBadRowsError(
            name, number, count, ordered, [(said[r], n) for r, n in ordered.items()]
        )

    def _refuse(self, number: int, value: str, message: str | Message) -> None:
        error = InvalidDataError(message)
        self.errors.append((number, "", value, str(message), error, error.said))

    def result(self, ignored: list[str], sheet: str = "") -> ImportResult:
        """What was read: the rows kept, the rows refused in order, the rows skipped."""
        errors = sorted(
            (
                RowError(line=n, column=c, value=v, message=m, error=e, sheet=sheet, said=said)
                for n, c, v, m, e, said in self.errors
            ),
            key=lambda error: error.line,
        )
        kept = set(self.rows) if self.warnings else set()  # a million rows: only if needed
        warnings = sorted(
            (attrs.evolve(w, sheet=sheet) for w in self.warnings if w.line in kept),
            key=lambda warning: warning.line,
        )
        return ImportResult(
            batch=self.batch or Columns(),
            lines=self.rows,
            errors=errors,
            skipped=self.skipped,
            ignored_columns=ignored,
            warnings=warnings,
            sheet=sheet,
        )


def read_table(  # noqa: PLR0913 (what reading a table needs)
    rows: Iterable[Sequence[str]],
    *,
    name: str,
    intake: Intake,
    options: ReadOptions,
    total: int | None = None,
    flagged: Mapping[int, tuple[str, str | Message]] | None = None,
    sheet: str = "",
    windows: Callable[[int, int], Iterable[Window]] | None = None,
) -> ImportResult:
    """Read a table: its header (below a title block), then every row, a chunk at a time.

    Args:
        rows: The cells of each row; the first is row 1, as the spreadsheet shows it.
        name: The file (and sheet), for messages.
        intake: The way in.
        options: What rows may name and what to do on the way.
        total: How many rows there are, where known (for *progress*).
        flagged: Rows to refuse with a reason found beforehand (a formula cell).
        sheet: The sheet, for the errors.
        windows: A columnar reader of the rows below the header: given the header's
            number and width, the windows of rows after it (*rows* then gives the header
            only). Each window starts a multiple of 500 rows below the header, so that a
            window read row by row is read in the chunks *rows* would give.

    Raises:
        InvalidDataError: No header row with the required columns.
        TooManyBadRowsError: More than ``options.max_errors`` rows refused.
    """
    rows = iter(rows)
    number, header, positions, ignored = _header(rows, name)
    if intake.lang is None:
        intake.lang = language_of(header)
    reading = _Reading(header, positions, intake, options)
    flagged = flagged or {}
    if windows is not None:
        for window in windows(number, len(header)):
            last = window.start + window.size - 1
            if reading.window(window):
                reading.step(name, last, total)
                continue
            body = window.rows()  # something in it needs a look: row by row, as below
            for start in range(0, len(body), _CHUNK):
                chunk = body[start : start + _CHUNK]
                first = window.start + start
                reading.chunk(chunk, range(first, first + len(chunk)), flagged)
                reading.step(name, first + len(chunk) - 1, total)
        return reading.result(ignored, sheet)
    while chunk := list(itertools.islice(rows, _CHUNK)):
        numbers = range(number + 1, number + 1 + len(chunk))
        number += len(chunk)
        reading.chunk(chunk, numbers, flagged)
        reading.step(name, number, total)
    return reading.result(ignored, sheet)


def _header(
    rows: Iterator[Sequence[str]], name: str
) -> tuple[int, Sequence[str], dict[str, int], list[str]]:
    """The header row's number, cells, columns and headers not read, taken from *rows*.

    Raises:
        InvalidDataError: None of the first non-blank rows has the required columns (the
            message says which columns the first one lacks).
    """
    first: list[Sequence[str]] = []

    def numbered() -> Iterator[tuple[int, Sequence[str]]]:
        for number, cells in enumerate(rows, start=1):
            if not first and any(cell.strip() for cell in cells):
                first.append(cells)
            yield number, cells

    found = find_header(numbered(), name)
    if found is None:
        raise missing_columns(first[0] if first else [], name)
    return found
