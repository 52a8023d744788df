"""Spreadsheets of responses: read what spreadsheet programs write, write what they open safely.

One row per response. Headers in English, French or Spanish (any case, with or without
accents). Files in UTF-8 (with or without BOM) or Windows-1252 (French Excel), separated
by commas, semicolons or tabs. Every bad row is reported with its line number; no good
row is dropped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from smomtrack.catalogue.builtin import builtin_catalogue
from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import InvalidDataError, SmomtrackError
from smomtrack.records.responses import Response
from smomtrack.tracking.columns import Columns
from smomtrack.tracking.imports import ImportResult, RowError
from smomtrack.tracking.intake import FieldError, Intake
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.folding import fold
from smomtrack.vocabulary.states import resolve_state, state_name

__all__ = ["COLUMNS", "REQUIRED", "csv_template", "import_csv", "read_csv", "write_csv"]

COLUMNS: tuple[str, ...] = (
    "state",
    "recommendation",
    "status",
    "as_of",
    "measures",
    "evidence",
    "responsible",
    "due",
    "reporter",
    "source",
    "notes",
)
"""The canonical headers, in the order smomtrack writes them."""

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

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
"""Cell starts that spreadsheet programs take for formulas (OWASP: CSV injection)."""

_DELIMITERS = (",", ";", "\t")


# -- reading ---------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise InvalidDataError(f"{name}: a binary file, not a CSV table")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _source_text(source: str | Path | IO[str] | IO[bytes]) -> tuple[str, str]:
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            return _decode(path.read_bytes(), str(path)), str(path)
        except OSError as exc:
            raise InvalidDataError(f"{path}: cannot be read ({exc.strerror})") from exc
    name = str(getattr(source, "name", "<file>"))
    content = source.read()
    if isinstance(content, bytes):
        return _decode(content, name), name
    return content.removeprefix("\ufeff"), name


def _delimiter(text: str) -> str:
    """The separator of the header line: the one of ``,``, ``;``, tab that splits it most."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: len(next(csv.reader([header], delimiter=d), [])) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: (counts[d], -_DELIMITERS.index(d)))


def unescape(value: str) -> str:
    """A cell as written by :func:`write_csv`, without its formula guard.

    >>> unescape("'=SUM(A1)"), unescape("'t Hooft")
    ('=SUM(A1)', "'t Hooft")
    """
    if value.startswith("'") and value[1:2] in (*_DANGEROUS, "'"):
        return value[1:]
    return value


def escape(value: str) -> str:
    """A cell that spreadsheet programs will not run as a formula; :func:`unescape` undoes it.

    >>> escape("=HYPERLINK(...)"), escape("Loi n° 2021-12")
    ("'=HYPERLINK(...)", 'Loi n° 2021-12')
    """
    if value.startswith(_DANGEROUS) or (value.startswith("'") and value[1:2] in (*_DANGEROUS, "'")):
        return "'" + value
    return value


def _cells(text: str, delimiter: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:
        raise InvalidDataError(f"line {reader.line_num}: not readable as CSV ({exc})") from exc


def _physical_lines(text: str, delimiter: str) -> list[int]:
    """The physical line where each row starts (for files whose cells hold line breaks)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
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
    return unescape(value.strip().replace("\r\n", "\n"))


_CHUNK = 5000
"""Rows are read this many at a time: few enough to stay in the processor's caches."""


class _Reading:
    """The state of reading one file: its columns, the rows kept and the rows refused."""

    def __init__(self, header: list[str], positions: dict[str, int], catalogue: Catalogue) -> None:
        self.header = header
        self.width = len(header)
        self.positions = positions
        self.unnamed = [i for i, cell in enumerate(header) if not cell.strip()]
        self.answers = [i for c, i in positions.items() if c not in {"state", "recommendation"}]
        self.intake = Intake(catalogue, clean=_clean)
        self.batch: Columns | None = None
        self.rows: list[int] = []  # the index of each kept row among the file's rows
        self.errors: list[tuple[int, str, str, str, SmomtrackError]] = []
        self.skipped = 0

    def chunk(self, chunk: list[list[str]], first: int) -> None:
        """Read rows *first*, *first* + 1, … of the file (0 is the header)."""
        numbers: list[int] | range = range(first, first + len(chunk))
        if not all(map(str.strip, map("".join, chunk))) or len(set(map(len, chunk))) != 1:
            numbers, chunk = self._regular(chunk, numbers)
        elif len(chunk[0]) != self.width:
            numbers, chunk = self._regular(chunk, numbers)
        if not chunk:
            return
        cells = list(zip(*chunk, strict=True))
        if self.unnamed:
            numbers, cells = self._unnamed(cells, numbers)
        if self.answers:
            numbers, cells = self._unanswered(cells, numbers)
        if not numbers:
            return
        fields = {column: cells[index] for column, index in self.positions.items()}
        batch, kept, errors = self.intake.read(fields, len(numbers))
        by_row: dict[int, list[FieldError]] = {}
        for error in errors:
            by_row.setdefault(error.row, []).append(error)
        for row, found in by_row.items():
            header = [self.header[self.positions[e.field]].strip() for e in found]
            message = "; ".join(f"{h}: {e.message}" for h, e in zip(header, found, strict=True))
            value = found[0].value
            cell = value if isinstance(value, str) else ""
            self.errors.append((numbers[row], header[0], cell, message, found[0].error))
        self.rows.extend(numbers if len(kept) == len(numbers) else map(numbers.__getitem__, kept))
        if self.batch is None:
            self.batch = batch
        else:
            self.batch.extend(batch, range(len(batch.states)), range(len(batch.keys)))

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

    def _unanswered(
        self, cells: list[tuple[str, ...]], numbers: Sequence[int]
    ) -> tuple[Sequence[int], list[tuple[str, ...]]]:
        """The rows with an answer (a template's rows with only the State and key are skipped)."""
        answers = zip(*(cells[i] for i in self.answers), strict=True)
        answered = list(map(str.strip, map("".join, answers)))
        if all(answered):
            return numbers, cells
        keep = list(itertools.compress(range(len(numbers)), answered))
        self.skipped += len(numbers) - len(keep)
        return [numbers[r] for r in keep], [tuple(map(c.__getitem__, keep)) for c in cells]

    def _refuse(self, number: int, value: str, message: str) -> None:
        self.errors.append((number, "", value, message, InvalidDataError(message)))


def read_csv(
    source: str | Path | IO[str] | IO[bytes], *, catalogue: Catalogue | None = None
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

    Returns:
        The valid rows (with their line numbers) and one error per bad row. Add them to a
        tracker with :meth:`Tracker.add_many`, or use :func:`import_csv`.

    Raises:
        InvalidDataError: Not a table of responses at all: empty, binary, or missing a
            required column (the message names it).
    """
    text, name = _source_text(source)
    if not text.strip():
        raise InvalidDataError(f"{name}: empty, not a table of responses")
    delimiter = _delimiter(text)
    rows = _cells(text, delimiter)
    header_number = 0
    for header in rows:
        if any(cell.strip() for cell in header):
            break
        header_number += 1
    else:  # pragma: no cover (the text is not blank, so some row has a cell)
        raise InvalidDataError(f"{name}: empty, not a table of responses")
    positions, ignored = _columns(header, name)
    reading = _Reading(header, positions, catalogue or builtin_catalogue())
    count = header_number + 1
    while chunk := list(itertools.islice(rows, _CHUNK)):
        reading.chunk(chunk, count)
        count += len(chunk)
    if text.count("\n") + (not text.endswith("\n")) == count:
        line_of: Sequence[int] = range(1, count + 1)  # one row a line: row n is on line n + 1
    else:
        line_of = _physical_lines(text, delimiter)  # a cell holds a line break
    errors = sorted(
        (
            RowError(line=line_of[n], column=c, value=v, message=m, error=e)
            for n, c, v, m, e in reading.errors
        ),
        key=lambda error: error.line,
    )
    return ImportResult(
        batch=reading.batch or Columns(),
        lines=tuple(map(line_of.__getitem__, reading.rows)),
        errors=errors,
        skipped=reading.skipped,
        ignored_columns=ignored,
    )


def import_csv(
    tracker: Tracker, source: str | Path | IO[str] | IO[bytes]
) -> ImportResult:
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
    return tracker.add_many(read_csv(source, catalogue=tracker.catalogue))


# -- writing ---------------------------------------------------------------------------


def _headers(lang: str) -> list[str]:
    return [_HEADERS[column].get(lang, _HEADERS[column]["en"])[0] for column in COLUMNS]


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
    Spanish. A cell that a spreadsheet would run as a formula (starting with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return) is written with a leading ``'``, which
    :func:`read_csv` removes.

    Returns:
        How many responses were written.

    Raises:
        InvalidDataError: An evidence item contains ``;`` (the separator of evidence items).
    """
    records = responses.responses() if isinstance(responses, Tracker) else tuple(responses)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=_delimiter_for(lang), lineterminator="\r\n")
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
    Path(path).write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
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
    codes = sorted({resolve_state(s) for s in states}) if states is not None else [""]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=_delimiter_for(lang), lineterminator="\r\n")
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
    Path(path).write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return count
