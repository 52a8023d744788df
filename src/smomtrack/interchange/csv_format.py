"""Spreadsheets of responses: read what spreadsheet programs write, write what they open safely.

One row per response. Headers in English, French or Spanish (any case, with or without
accents). Files in UTF-8 (with or without BOM) or Windows-1252 (French Excel), separated
by commas, semicolons or tabs. Every bad row is reported with its line number; no good
row is dropped.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from smomtrack.catalogue.builtin import builtin_catalogue
from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import (
    InvalidDataError,
    SmomtrackError,
    StorageError,
    TooManyBadRowsError,
)
from smomtrack.interchange.atomic import write_atomically
from smomtrack.records.responses import Response
from smomtrack.tracking.columns import Columns, paused_gc
from smomtrack.tracking.imports import ImportResult, RowError
from smomtrack.tracking.intake import FIELDS, FieldError, Intake
from smomtrack.tracking.population import Population
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.folding import fold
from smomtrack.vocabulary.states import by_name, state_name

__all__ = ["COLUMNS", "REQUIRED", "csv_template", "import_csv", "read_csv", "write_csv"]

COLUMNS: tuple[str, ...] = tuple(f for f in FIELDS if f not in {"correction", "recorded_at"})
"""The canonical headers, in the order smomtrack writes them: the fields people fill in."""

REQUIRED: tuple[str, ...] = ("state", "recommendation", "status", "as_of")

_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    # column: language: headers (the first is the one written)
    "state": {"en": ("state", "country"), "fr": ("état", "pays"), "es": ("estado", "país")},
    "recommendation": {
        "en": ("recommendation",),
        "fr": ("recommandation",),
        "es": ("recomendación",),
    },
    "status": {"en": ("status",), "fr": ("statut",), "es": ("situación",)},
    "as_of": {"en": ("as_of", "as of", "date"), "fr": ("date",), "es": ("fecha",)},
    "measures": {"en": ("measures",), "fr": ("mesures",), "es": ("medidas",)},
    "evidence": {"en": ("evidence",), "fr": ("preuves",), "es": ("pruebas",)},
    "responsible": {"en": ("responsible",), "fr": ("responsable",), "es": ("responsable",)},
    "due": {"en": ("due",), "fr": ("échéance",), "es": ("plazo",)},
    "reporter": {"en": ("reporter",), "fr": ("rapporteur",), "es": ("informante",)},
    "source": {"en": ("source",), "fr": ("source",), "es": ("fuente",)},
    "notes": {"en": ("notes",), "fr": ("observations",), "es": ("observaciones",)},
}

_TITLE_HEADERS = {"en": "title", "fr": "titre", "es": "título"}
"""Templates carry each recommendation's short title to help whoever fills them in."""

_ALIASES: dict[str, str] = {
    fold(header): column
    for column, languages in _HEADERS.items()
    for headers in languages.values()
    for header in headers
}
_INFORMATIONAL = frozenset(fold(h) for h in _TITLE_HEADERS.values())

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
"""Cell starts that spreadsheet programs take for formulas (OWASP: CSV injection), the
full-width forms included (some programs read them as the ASCII ones)."""

_DELIMITERS = (",", ";", "\t")


# -- reading ---------------------------------------------------------------------------


class _Source:
    """A file's content and encoding, handed to the CSV reader as a stream (never copied whole).

    UTF-8 with or without BOM, else Windows-1252 (what French Excel writes); UTF-16 with a
    BOM (Excel's "Unicode text"); or text already decoded.
    """

    def __init__(self, content: bytes | str, name: str) -> None:
        self.name = name
        self.content = content
        self.encoding = "utf-8"
        self.bom = False
        if isinstance(content, str):
            self.content = content.removeprefix("\ufeff")
            return
        if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # Excel's "Unicode text": UTF-16 with a byte order mark, tab-separated.
            try:
                self.content = content.decode("utf-16").removeprefix("\ufeff")
            except UnicodeDecodeError as exc:
                raise InvalidDataError(
                    f"{name}: begins as UTF-16 but is not UTF-16 text ({exc.reason})"
                ) from exc
            return
        if b"\x00" in content:
            raise InvalidDataError(f"{name}: a binary file, not a CSV table")
        self.bom = content.startswith(b"\xef\xbb\xbf")
        if self.bom:
            self.content = content[3:]

    def not_utf8(self, error: UnicodeDecodeError) -> None:
        """Read the text as Windows-1252 from now on, unless it said it was UTF-8.

        Raises:
            InvalidDataError: It begins with a UTF-8 byte order mark.
        """
        if self.bom or self.encoding != "utf-8":
            raise InvalidDataError(
                f"{self.name}: begins as UTF-8 (with a byte order mark) but holds bytes that"
                f" are not UTF-8 ({error.reason}): save the file again as UTF-8"
            ) from error
        self.encoding = "cp1252"

    @classmethod
    def of(cls, source: str | Path | IO[str] | IO[bytes]) -> _Source:
        if isinstance(source, str | Path):
            path = Path(source)
            try:
                return cls(path.read_bytes(), str(path))
            except OSError as exc:
                raise StorageError(path, f"cannot be read ({exc.strerror or exc})") from exc
        return cls(source.read(), str(getattr(source, "name", "<file>")))

    def stream(self) -> IO[str]:
        """The text, read as it is decoded."""
        if isinstance(self.content, str):
            return io.StringIO(self.content, newline="")
        errors = "strict" if self.encoding == "utf-8" else "replace"
        return io.TextIOWrapper(
            io.BytesIO(self.content), encoding=self.encoding, errors=errors, newline=""
        )

    def blank(self) -> bool:
        return not self.content or self.content.isspace()

    def lines(self) -> int:
        """How many physical lines the text has."""
        content = self.content
        if isinstance(content, str):
            return content.count("\n") + (not content.endswith("\n"))
        return content.count(b"\n") + (not content.endswith(b"\n"))

    def head(self) -> str:
        """The first line that is not blank."""
        with self.stream() as stream:
            for line in stream:
                if line.strip():
                    return line
        return ""  # pragma: no cover (the text is not blank)


def _delimiter(header: str) -> str:
    """The separator of the header line: the one of ``,``, ``;``, tab that splits it most."""

    def cells(delimiter: str) -> int:
        try:
            return len(next(csv.reader([header], delimiter=delimiter), []))
        except csv.Error:  # a header that no separator makes readable is refused later
            return 0

    counts = {d: cells(d) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: (counts[d], -_DELIMITERS.index(d)))


_BOUNDARIES = re.compile(r"(?<=[,;\n\r])")
"""Where a spreadsheet may start a new cell inside ours: after either list separator (a file
opened in the other locale) or a line break. The formula guard applies at each of them."""


def _guarded(segment: str) -> bool:
    """Whether *segment* needs (or, read back, carries) the formula guard ``'``."""
    return segment.startswith(_DANGEROUS) or (
        segment.startswith("'") and segment[1:2] in (*_DANGEROUS, "'")
    )


def unescape(value: str) -> str:
    """A cell as written by :func:`write_csv`, without its formula guards.

    >>> unescape("'=SUM(A1)"), unescape("'t Hooft"), unescape("safe;'=1+1")
    ('=SUM(A1)', "'t Hooft", 'safe;=1+1')
    """
    if "'" not in value:
        return value
    return "".join(
        part[1:] if part.startswith("'") and part[1:2] in (*_DANGEROUS, "'") else part
        for part in _BOUNDARIES.split(value)
    )


def escape(value: str) -> str:
    """A cell that spreadsheet programs will not run as a formula; :func:`unescape` undoes it.

    A ``'`` goes before a formula sign (``=``, ``+``, ``-``, ``@``, their full-width forms,
    tab, carriage return) at the start of the cell, and after a ``,``, a ``;`` or a line
    break inside it, where a program reading the file with the other list separator would
    start a cell; and before a ``'`` already there, so that reading gives the text back.

    >>> escape("=HYPERLINK(...)"), escape("Loi n° 2021-12"), escape("safe;=1+1")
    ("'=HYPERLINK(...)", 'Loi n° 2021-12', "safe;'=1+1")
    """
    return "".join("'" + part if _guarded(part) else part for part in _BOUNDARIES.split(value))


def _physical_lines(source: _Source, delimiter: str) -> list[int]:
    """The physical line where each row starts (for files whose cells hold line breaks)."""
    reader = csv.reader(source.stream(), delimiter=delimiter)
    starts: list[int] = []
    previous = 0
    for _ in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts


def _columns(header: list[str], name: str) -> tuple[dict[str, int], list[str]]:
    """Where each known column is, and the headers that smomtrack does not read."""
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        folded = fold(cell)
        column = _ALIASES.get(folded)
        if column is None:
            if folded and folded not in _INFORMATIONAL:
                ignored.append(cell.strip())
            continue
        if column in positions:
            raise InvalidDataError(
                f"{name}, line 1: the column {column!r} appears twice"
                f" ({header[positions[column]]!r} and {cell!r})"
            )
        positions[column] = index
    missing = [c for c in REQUIRED if c not in positions]
    if missing:
        accepted = "; ".join(
            f"{c}: {', '.join(dict.fromkeys(h for hs in _HEADERS[c].values() for h in hs))}"
            for c in missing
        )
        raise InvalidDataError(
            f"{name}: not a table of responses: missing the column(s) {', '.join(missing)}"
            f" (accepted headers: {accepted})"
        )
    return positions, ignored


def _clean(value: str) -> str:
    """A cell as its value: without the formula guard; white space and line breaks kept.

    Free texts come back exactly as written; States, keys, statuses and dates are read
    whatever white space surrounds them.
    """
    return unescape(value)


_CHUNK = 500
"""Rows are read this many at a time: few enough to stay in the processor's caches."""


class _Reading:
    """The state of reading one file: its columns, the rows kept and the rows refused."""

    def __init__(self, header: list[str], positions: dict[str, int], intake: Intake) -> None:
        self.header = header
        self.width = len(header)
        self.positions = positions
        self.unnamed = [i for i, cell in enumerate(header) if not cell.strip()]
        self.answers = [i for c, i in positions.items() if c not in {"state", "recommendation"}]
        self.intake = intake
        self.batch: Columns | None = None
        self.rows = array("I")  # the number of each kept row (1 for the file's first row)
        self.errors: list[tuple[int, str, str, str, SmomtrackError]] = []
        self.skipped = 0
        self.ignored: list[str] = []

    def chunk(self, chunk: list[list[str]], first: int) -> None:
        """Read rows *first*, *first* + 1, … of the file (1 is its first row)."""
        numbers: Sequence[int] = range(first, first + len(chunk))
        if len(set(map(len, chunk))) != 1 or len(chunk[0]) != self.width:
            numbers, chunk = self._regular(chunk, numbers)
        if not chunk:
            return
        cells = list(zip(*chunk, strict=True))
        if self.unnamed:
            numbers, cells = self._unnamed(cells, numbers)
        if not numbers:
            return
        fields = {column: cells[index] for column, index in self.positions.items()}
        if self.batch is None:
            self.batch = self.intake.columns()
        _, kept, errors = self.intake.read(fields, len(numbers), into=self.batch)
        by_row: dict[int, list[FieldError]] = {}
        for error in errors:
            by_row.setdefault(error.row, []).append(error)
        for row, found in by_row.items():
            if not any(cells[index][row].strip() for index in self.answers):
                # A row without an answer: a template's unanswered row (skipped and counted)
                # or a blank one (ignored). Its status is empty, so it is never kept.
                named = (cells[self.positions[c]][row] for c in ("state", "recommendation"))
                self.skipped += any(cell.strip() for cell in named)
                continue
            header = [self.header[self.positions[e.field]].strip() for e in found]
            message = "; ".join(f"{h}: {e.message}" for h, e in zip(header, found, strict=True))
            value = found[0].value
            cell = value if isinstance(value, str) else ""
            self.errors.append((numbers[row], header[0], cell, message, found[0].error))
        self.rows.extend(numbers if len(kept) == len(numbers) else map(numbers.__getitem__, kept))

    def _regular(
        self, chunk: list[list[str]], numbers: Sequence[int]
    ) -> tuple[list[int], list[list[str]]]:
        """The non-blank rows, each cut or padded to the header's width."""
        kept: list[list[str]] = []
        kept_numbers: list[int] = []
        width = self.width
        for number, cells in zip(numbers, chunk, strict=True):
            if not any(cell.strip() for cell in cells):
                continue
            extra = [cell for cell in cells[width:] if cell.strip()]
            if extra:
                self._refuse(number, extra[0], f"{len(extra)} cell(s) in a column without a header")
                continue
            kept.append(cells[:width] + [""] * (width - len(cells)))
            kept_numbers.append(number)
        return kept_numbers, kept

    def _unnamed(
        self, cells: list[tuple[str, ...]], numbers: Sequence[int]
    ) -> tuple[Sequence[int], list[tuple[str, ...]]]:
        """The rows with nothing in a column without a header."""
        bad: dict[int, str] = {}
        for index in self.unnamed:
            for row, cell in enumerate(cells[index]):
                if cell.strip() and row not in bad:
                    bad[row] = cell
        if not bad:
            return numbers, cells
        for row, cell in bad.items():
            self._refuse(numbers[row], cell, "1 cell(s) in a column without a header")
        keep = [row for row in range(len(numbers)) if row not in bad]
        return [numbers[r] for r in keep], [tuple(map(c.__getitem__, keep)) for c in cells]

    def _refuse(self, number: int, value: str, message: str) -> None:
        self.errors.append((number, "", value, message, InvalidDataError(message)))


def read_csv(
    source: str | Path | IO[str] | IO[bytes],
    *,
    catalogue: Catalogue | None = None,
    states: Iterable[str] | None = None,
    max_errors: int | None = None,
) -> ImportResult:
    """Read a spreadsheet of responses.

    Values go through the same reading as :meth:`Tracker.record`
    (:func:`~smomtrack.resolve_state`, :meth:`Status.parse`, :func:`~smomtrack.parse_date`
    and the catalogue's key reading), each distinct value once, so French country names,
    status labels and dates all work and a million rows read in seconds. Rows where only
    the State and the recommendation are filled (an unanswered template row) are skipped
    and counted; blank rows are ignored.

    Args:
        source: A path, or an open file (text or binary).
        catalogue: The recommendations rows may refer to (the built-in catalogue by default).
        states: The States rows may name (a tracker's population); any State by default.
        max_errors: Stop reading once more rows than this are refused (a file made for
            another catalogue, say): fail fast instead of listing a million errors.

    Returns:
        The valid rows (with their line numbers) and one error per bad row. Add them to a
        tracker with :meth:`Tracker.add_many`, or use :func:`import_csv`.

    Raises:
        InvalidDataError: Not a table of responses at all: empty, binary, or missing a
            required column (the message names it).
        TooManyBadRowsError: More than *max_errors* rows refused (the message counts them
            per reason).
    """
    text = _Source.of(source)
    name = text.name
    if text.blank():
        raise InvalidDataError(f"{name}: empty, not a table of responses")
    with _large_cells():
        return _read(text, catalogue, states, max_errors)


@contextlib.contextmanager
def _large_cells() -> Iterator[None]:
    """Let the CSV reader take cells of any size (a long note; the default stops at 128 KiB)."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, _CELL_LIMIT))
    try:
        yield
    finally:
        csv.field_size_limit(limit)


_CELL_LIMIT = 2**31 - 1


def _read(
    text: _Source,
    catalogue: Catalogue | None,
    states: Iterable[str] | None,
    max_errors: int | None,
) -> ImportResult:
    name = text.name
    while True:
        try:
            delimiter = _delimiter(text.head())
            rows = csv.reader(text.stream(), delimiter=delimiter)
            try:
                with paused_gc():
                    intake = Intake(
                        catalogue or builtin_catalogue(),
                        None if states is None else Population.of(states).states,
                        clean=_clean,
                    )
                    reading, count = _read_rows(rows, name, intake, max_errors)
            except csv.Error as exc:
                raise InvalidDataError(
                    f"{name}, line {rows.line_num}: not readable as CSV ({exc})"
                ) from exc
            break
        except UnicodeDecodeError as exc:  # not UTF-8: read it again as Windows-1252
            text.not_utf8(exc)
    if text.lines() == count:
        line_of: Sequence[int] = range(count + 1)  # one row a line: row n is on line n
    else:
        line_of = [0, *_physical_lines(text, delimiter)]  # a cell holds a line break
    errors = sorted(
        (
            RowError(line=line_of[n], column=c, value=v, message=m, error=e)
            for n, c, v, m, e in reading.errors
        ),
        key=lambda error: error.line,
    )
    simple = isinstance(line_of, range)
    return ImportResult(
        batch=reading.batch or Columns(),
        lines=reading.rows if simple else array("I", map(line_of.__getitem__, reading.rows)),
        errors=errors,
        skipped=reading.skipped,
        ignored_columns=reading.ignored,
    )


def _read_rows(
    rows: Iterator[list[str]], name: str, intake: Intake, max_errors: int | None
) -> tuple[_Reading, int]:
    """Read the header, then every row, a chunk at a time; return the reading and the row count."""
    count = 0
    for header in rows:
        count += 1
        if any(cell.strip() for cell in header):
            break
    else:  # pragma: no cover (the text is not blank, so some row has a cell)
        raise InvalidDataError(f"{name}: empty, not a table of responses")
    positions, ignored = _columns(header, name)
    reading = _Reading(header, positions, intake)
    reading.ignored = ignored
    while chunk := list(itertools.islice(rows, _CHUNK)):
        reading.chunk(chunk, count + 1)
        count += len(chunk)
        if max_errors is not None and len(reading.errors) > max_errors:
            reasons: dict[str, int] = {}
            for error in reading.errors:
                reason = RowError(line=0, column=error[1], message=error[3], error=error[4]).reason
                reasons[reason] = reasons.get(reason, 0) + 1
            ordered = dict(sorted(reasons.items(), key=lambda item: (-item[1], item[0])))
            line = getattr(rows, "line_num", count)
            read = len(reading.rows) + len(reading.errors)
            raise TooManyBadRowsError(name, line, read, ordered)
    return reading, count


def import_csv(tracker: Tracker, source: str | Path | IO[str] | IO[bytes]) -> ImportResult:
    """Read a spreadsheet of responses and record its valid rows in *tracker*, in one transaction.

    Rows already recorded identically are left alone, so importing the same file twice
    records nothing the second time. Rows that are not valid, name a State outside the
    population, or conflict with what is recorded are returned as errors with their
    line numbers; every other row is recorded.

    Returns:
        The rows newly recorded (``responses``), those already recorded (``unchanged``)
        and the errors.

    Raises:
        InvalidDataError: The file is not a table of responses at all.
    """
    return tracker.add_many(read_csv(source, catalogue=tracker.catalogue, states=tracker.states))


# -- writing ---------------------------------------------------------------------------


def _headers(lang: str) -> list[str]:
    return [_HEADERS[column].get(lang, _HEADERS[column]["en"])[0] for column in COLUMNS]


def _writer(buffer: io.StringIO, lang: str) -> Any:
    """A CSV writer quoting every cell, the way spreadsheet programs write them."""
    return csv.writer(
        buffer, delimiter=_delimiter_for(lang), lineterminator="\r\n", quoting=csv.QUOTE_ALL
    )


def _delimiter_for(lang: str) -> str:
    """Comma in English; semicolon in French and Spanish, as spreadsheets there expect."""
    return "," if lang == "en" else ";"


def write_csv(
    responses: Tracker | Iterable[Response], path: str | Path, *, lang: str = "en"
) -> int:
    """Write responses to a CSV file that :func:`read_csv` reads back to the same responses.

    For a tracker, its current responses (corrections applied). Headers, status and
    reporter labels are in *lang*; States are written as alpha-3 codes and dates as ISO
    dates, which every spreadsheet reads. The file is UTF-8 with a BOM (so that Excel
    reads it as UTF-8), comma-separated in English and semicolon-separated in French and
    Spanish, every cell quoted. A cell that a spreadsheet would run as a formula (starting
    with ``=``, ``+``, ``-``, ``@``, their full-width forms, tab or carriage return) is
    written with a leading ``'``, which :func:`read_csv` removes.

    Returns:
        How many responses were written.

    Raises:
        InvalidDataError: An evidence item contains ``;`` (the separator of evidence items).
    """
    records = responses.responses() if isinstance(responses, Tracker) else tuple(responses)
    buffer = io.StringIO(newline="")
    writer = _writer(buffer, lang)
    writer.writerow(_headers(lang))
    for response in records:
        for item in response.evidence:
            if ";" in item:
                raise InvalidDataError(
                    f"{response.state} on {response.recommendation}: the evidence item"
                    f" {item!r} contains ';', which separates evidence items in a CSV"
                )
        writer.writerow(
            [
                response.state,
                response.recommendation,
                response.status.label(lang),
                response.as_of.isoformat(),
                escape(response.measures),
                escape("; ".join(response.evidence)),
                escape(response.responsible),
                "" if response.due is None else response.due.isoformat(),
                response.reporter.label(lang),
                escape(response.source),
                escape(response.notes),
            ]
        )
    write_atomically(Path(path), buffer.getvalue(), encoding="utf-8-sig", newline="")
    return len(records)


def csv_template(
    path: str | Path,
    *,
    lang: str = "en",
    catalogue: Catalogue | None = None,
    states: Iterable[str] | None = None,
) -> int:
    """Write a blank template for a focal point to fill in: one row per State × recommendation.

    Headers are in *lang*, States are named in *lang*, and each row carries the
    recommendation's short title (a column :func:`read_csv` does not import). Rows left
    blank are skipped when the file is read back.

    Returns:
        How many rows were written.
    """
    chosen = catalogue or builtin_catalogue()
    codes = by_name(Population.of(states).states, lang) if states is not None else [""]
    buffer = io.StringIO(newline="")
    writer = _writer(buffer, lang)
    writer.writerow([*_headers(lang), _TITLE_HEADERS.get(lang, "title")])
    count = 0
    for code in codes:
        for recommendation in chosen:
            title = recommendation.title(lang)
            writer.writerow(
                [
                    state_name(code, lang) if code else "",
                    recommendation.key,
                    *[""] * (len(COLUMNS) - 2),
                    "" if title is None else escape(title.value),
                ]
            )
            count += 1
    write_atomically(Path(path), buffer.getvalue(), encoding="utf-8-sig", newline="")
    return count
