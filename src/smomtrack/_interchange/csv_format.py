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
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Unpack

from smomtrack._catalogue.builtin import builtin_catalogue
from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._extras import optional, require
from smomtrack._interchange.atomic import write_atomically
from smomtrack._interchange.rows import (
    INFORMATIONAL,
    REQUIRED,
    IntakeFor,
    ReadFields,
    ReadOptions,
    intake_for,
    intake_of,
    read_table,
)
from smomtrack._interchange.system import reason
from smomtrack._presentation.labels import check_language, word
from smomtrack._records.responses import Response
from smomtrack._tracking.columns import paused_gc
from smomtrack._tracking.imports import ImportResult
from smomtrack._tracking.intake import FIELDS
from smomtrack._tracking.population import Population
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.dates import as_of_date
from smomtrack._vocabulary.states import by_name, state_name
from smomtrack._words import Message
from smomtrack.exceptions import (
    InvalidDataError,
    StorageError,
)

__all__ = ["COLUMNS", "REQUIRED", "csv_template", "import_csv", "read_csv", "write_csv"]

COLUMNS: tuple[str, ...] = tuple(f for f in FIELDS if f not in {"correction", "recorded_at"})
"""The canonical headers, in the order smomtrack writes them: the fields people fill in."""

"""Templates carry each recommendation's short title to help whoever fills them in."""

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
"""Cell starts that spreadsheet programs take for formulas (OWASP: CSV injection), the
full-width forms included (some programs read them as the ASCII ones)."""

_DELIMITERS = (",", ";", "\t")


# -- reading ---------------------------------------------------------------------------


class _Source:
    """A file handed to the CSV reader as a stream, decoded as it is read (never held whole).

    UTF-8 with or without BOM, else Windows-1252 (what French Excel writes); UTF-16 with a
    BOM (Excel's "Unicode text"); or text already decoded.
    """

    _LOOK = 1 << 16
    """How much of the beginning is looked at for a byte order mark and a binary file."""

    def __init__(
        self,
        opener: Callable[[], IO[bytes]] | None,
        name: str,
        text: str = "",
        where: Path | bytes | None = None,
    ) -> None:
        self.name = name
        self._open = opener
        self.where = where
        """The file's path or bytes (for pyarrow), if it has them."""
        self._text = text.removeprefix("\ufeff")
        self.encoding = "utf-8"
        self.bom = False
        if opener is None:
            return
        with opener() as handle:
            start = handle.read(self._LOOK)
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self.encoding = "utf-16"  # Excel's "Unicode text": tab-separated
            return
        if b"\x00" in start:
            raise InvalidDataError(Message("msg_binary_file", file=name))
        self.bom = start.startswith(codecs.BOM_UTF8)

    def not_utf8(self, error: UnicodeDecodeError) -> None:
        """Read the text as Windows-1252 from now on, unless it said it was UTF-8 (or 16).

        Raises:
            InvalidDataError: It begins with a UTF-8 or UTF-16 byte order mark.
        """
        if self.encoding == "utf-16":
            raise InvalidDataError(
                f"{self.name}: begins as UTF-16 but is not UTF-16 text ({error.reason})",
                said=Message("msg_not_utf16", file=self.name),
            ) from error
        if self.bom or self.encoding != "utf-8":
            raise InvalidDataError(
                f"{self.name}: begins as UTF-8 (with a byte order mark) but holds bytes that"
                f" are not UTF-8 ({error.reason}): save the file again as UTF-8",
                said=Message("msg_not_utf8", file=self.name),
            ) from error
        self.encoding = "cp1252"

    @classmethod
    def of(cls, source: str | Path | IO[str] | IO[bytes]) -> _Source:
        if isinstance(source, str | Path):
            path = Path(source)
            try:
                with path.open("rb"):
                    pass
            except OSError as exc:
                raise StorageError(
                    path, Message("storage_cannot_read", reason=reason(exc))
                ) from exc
            return cls(lambda: _opened(path), str(path), where=path)
        name = str(getattr(source, "name", "<file>"))
        content = source.read()
        if isinstance(content, str):
            return cls(None, name, content)
        return cls(lambda: io.BytesIO(content), name, where=content)

    def size(self) -> int:
        """How many bytes it holds (0 if not known)."""
        if isinstance(self.where, bytes):
            return len(self.where)
        try:
            return 0 if self.where is None else self.where.stat().st_size
        except OSError:
            return 0

    def opener(self) -> Callable[[], IO[bytes]]:
        """Opens the file's bytes (a file given as text has none)."""
        if self._open is None:  # pragma: no cover (only files with bytes are asked)
            raise InvalidDataError(f"{self.name}: no bytes to read")
        return self._open

    def stream(self, *, lenient: bool = False) -> IO[str]:
        """The text, read as it is decoded (*lenient*: bytes that are not text replaced)."""
        if self._open is None:
            return io.StringIO(self._text, newline="")
        handle = self._open()
        if self.bom:
            handle.read(len(codecs.BOM_UTF8))
        errors = "replace" if lenient or self.encoding == "cp1252" else "strict"
        return io.TextIOWrapper(handle, encoding=self.encoding, errors=errors, newline="")

    def blank(self) -> bool:
        """Whether the file holds nothing but white space."""
        with self.stream(lenient=True) as stream:
            return all(line.isspace() or not line for line in stream)

    def head(self) -> str:
        """The first line that is not blank."""
        with self.stream() as stream:
            for line in stream:
                if line.strip():
                    return line.removeprefix("\ufeff")
        return ""  # pragma: no cover (the text is not blank)


def _opened(path: Path) -> IO[bytes]:
    """The file, open to read (an error reading it names it)."""
    try:
        return path.open("rb")
    except OSError as exc:
        raise StorageError(path, Message("storage_cannot_read", reason=reason(exc))) from exc


def _delimiter(header: str) -> str:
    """The separator of the header line: the one of ``,``, ``;``, tab that splits it most."""

    def cells(delimiter: str) -> int:
        try:
            return len(next(csv.reader([header], delimiter=delimiter), []))
        except csv.Error:  # pragma: no cover (raised only for cells over 2 GiB)
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


_GUARDS = re.compile("'[" + re.escape("".join((*_DANGEROUS, "'"))) + "]")
"""A formula guard, where it follows a cell boundary (found in one search of C)."""


def _guarded_somewhere(text: str) -> bool:
    """Whether a formula guard is in *text* (cells joined by line breaks) at a boundary."""
    return any(
        found.start() == 0 or text[found.start() - 1] in ",;\n\r"
        for found in _GUARDS.finditer(text)
    )


class _Clean:
    """A cell as its value: without the formula guard; white space and line breaks kept.

    Free texts come back exactly as written; States, keys, statuses and dates are read
    whatever white space surrounds them. A column of cells is looked at in one search.
    """

    def __call__(self, value: str) -> str:
        return unescape(value)

    @staticmethod
    def many(values: Sequence[str]) -> Sequence[str]:
        """Every cell of a column as its value (the cells themselves when none is guarded)."""
        if not _guarded_somewhere("\n".join(values)):
            return values
        return list(map(unescape, values))


_clean = _Clean()


def read_csv(
    source: str | Path | IO[str] | IO[bytes],
    options: ReadOptions | None = None,
    *,
    catalogue: Catalogue | None = None,
    states: Iterable[str] | None = None,
    **fields: Unpack[ReadFields],
) -> ImportResult:
    """Read a spreadsheet of responses.

    Values go through the same reading as :meth:`Tracker.record`
    (:func:`~smomtrack.resolve_state`, :meth:`Status.parse`, :func:`~smomtrack.parse_date`
    and the catalogue's key reading), each distinct value once, so French country names,
    status labels and dates all work and a million rows read in seconds. The header row is
    found below a title block. Rows where only the State and the recommendation are filled
    (an unanswered template row) are skipped and counted; blank rows are ignored; a total
    row and a cell holding a formula's text are refused with that reason.

    Args:
        source: A path, or an open file (text or binary).
        options: How to read it (:class:`~smomtrack.ReadOptions`: *meeting*,
            *corrections*, *max_errors*, *progress*; a text table has no *sheet*).
        catalogue: The recommendations rows may refer to (the built-in catalogue by default).
        states: The States rows may name (a tracker's population); any State by default.
        **fields: Fields of the options, given instead of *options*' own.

    Returns:
        The valid rows (with their row numbers, as a spreadsheet program shows them) and
        one error per bad row. Add them to a tracker with :meth:`Tracker.add_many`, or use
        :func:`import_csv`.

    Raises:
        InvalidDataError: Not a table of responses at all: empty, binary, or missing a
            required column (the message names it).
        TooManyBadRowsError: More than *max_errors* rows refused (the message counts them
            per reason).
    """
    chosen = ReadOptions.of(options, **fields)
    return _read_source(source, intake_of(catalogue, states, chosen), chosen)


def _read_source(
    source: str | Path | IO[str] | IO[bytes], intake_for: IntakeFor, options: ReadOptions
) -> ImportResult:
    text = _Source.of(source)
    name = text.name
    if options.sheet is not None:
        raise InvalidDataError(
            f"{name}: a text table has no sheets (sheet={options.sheet!r})",
            said=Message("msg_text_no_sheets", file=name),
        )
    if text.blank():
        raise InvalidDataError(Message("msg_empty_file", file=name))
    with _large_cells():
        return _read(text, intake_for, options)


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


_ARROW_FROM = 4 << 20
"""Files of this many bytes and more are read by pyarrow when it is installed (and asked for
by default): below, the standard library's reader is done before pyarrow is imported."""


def _compiled(text: _Source, intake_for: IntakeFor, options: ReadOptions) -> ImportResult | None:
    """The file read by pyarrow, if it is to be (see ``ReadOptions.engine``) and can be."""
    if options.engine == "python" or text.where is None or text.encoding != "utf-8":
        return None
    if options.engine == "pyarrow":
        for module in ("numpy", "pyarrow.csv"):
            require(module, "reading CSV files with pyarrow", "fast")
    elif text.size() < _ARROW_FROM or not all(map(optional, ("numpy", "pyarrow.csv"))):
        return None
    from smomtrack._interchange import csv_arrow  # noqa: PLC0415 (only with pyarrow)

    opener = text.opener()
    delimiter = _delimiter(text.head())
    with _large_cells(), paused_gc():
        return csv_arrow.read(
            opener,
            text.where,
            name=text.name,
            delimiter=delimiter,
            intake=lambda: intake_for(_clean),
            options=options,
        )


def _read(text: _Source, intake_for: IntakeFor, options: ReadOptions) -> ImportResult:
    name = text.name
    try:
        found = _compiled(text, intake_for, options)
    except UnicodeDecodeError:  # the header's lines are not UTF-8: read below as they are
        found = None
    if found is not None:
        return found
    while True:
        try:
            delimiter = _delimiter(text.head())
            with text.stream() as stream:
                rows = csv.reader(stream, delimiter=delimiter)
                try:
                    with paused_gc():
                        intake = intake_for(_clean)
                        return read_table(rows, name=name, intake=intake, options=options)
                except csv.Error as exc:  # pragma: no cover (raised only for cells over 2 GiB)
                    raise InvalidDataError(
                        f"{name}, line {rows.line_num}: not readable as CSV ({exc})",
                        said=Message("msg_not_csv", file=name, line=rows.line_num),
                    ) from exc
        except UnicodeDecodeError as exc:  # not UTF-8: read it again as Windows-1252
            text.not_utf8(exc)


def import_csv(
    tracker: Tracker,
    source: str | Path | IO[str] | IO[bytes],
    options: ReadOptions | None = None,
    **fields: Unpack[ReadFields],
) -> ImportResult:
    """Read a spreadsheet of responses and record its valid rows in *tracker*, in one transaction.

    Rows already recorded identically are left alone, so importing the same file twice
    records nothing the second time. Rows that are not valid, name a State outside the
    population, or conflict with what is recorded are returned as errors with their
    line numbers; every other row is recorded.

    The rows are read straight into the tracker's own codes (its intake), as
    :func:`read_csv` reads them; *options* and *fields* are its.

    Returns:
        The rows newly recorded (``responses``), those already recorded (``unchanged``)
        and the errors.

    Raises:
        InvalidDataError: The file is not a table of responses at all.
    """
    chosen = ReadOptions.of(options, **fields)
    return tracker.add_many(_read_source(source, intake_for(tracker, chosen), chosen))


# -- writing ---------------------------------------------------------------------------


def _headers(lang: str) -> list[str]:
    """The header row: the fields' names in English (the canonical headers), their words else."""
    return list(COLUMNS) if lang == "en" else [word(column, lang) for column in COLUMNS]


def _writer(buffer: io.StringIO, lang: str, path: str | Path = "") -> Any:
    """A CSV writer quoting every cell, the way spreadsheet programs write them.

    A ``.tsv`` file is separated by tabs; any other by the language's separator.
    """
    tabs = Path(path).suffix.lower() == ".tsv"
    return csv.writer(
        buffer,
        delimiter="\t" if tabs else _delimiter_for(lang),
        lineterminator="\r\n",
        quoting=csv.QUOTE_ALL,
    )


def _delimiter_for(lang: str) -> str:
    """Comma in English; semicolon in French and Spanish, as spreadsheets there expect."""
    return "," if lang == "en" else ";"


def write_csv(
    responses: Tracker | Iterable[Response],
    path: str | Path,
    *,
    lang: str = "en",
    codes: bool = False,
) -> int:
    """Write responses to a CSV file that :func:`read_csv` reads back to the same responses.

    For a tracker, its current responses (corrections applied). Headers, State names,
    status and reporter labels are in *lang* (with *codes*, States as alpha-3 codes and
    statuses and reporters as their values, for programs); dates are ISO dates, which
    every spreadsheet reads. The file is UTF-8 with a BOM (so that Excel
    reads it as UTF-8), comma-separated in English and semicolon-separated in French and
    Spanish, every cell quoted. A cell that a spreadsheet would run as a formula (starting
    with ``=``, ``+``, ``-``, ``@``, their full-width forms, tab or carriage return) is
    written with a leading ``'``, which :func:`read_csv` removes.

    Returns:
        How many responses were written.
    """
    records = responses.responses() if isinstance(responses, Tracker) else tuple(responses)
    buffer = io.StringIO(newline="")
    writer = _writer(buffer, lang, path)
    writer.writerow(_headers(lang))
    for response in records:  # a response's evidence items never hold ";" (Response checks)
        writer.writerow(
            [
                response.state if codes else state_name(response.state, lang),
                response.recommendation,
                response.status.value if codes else response.status.label(lang),
                response.as_of.isoformat(),
                escape(response.measures),
                escape("; ".join(response.evidence)),
                escape(response.responsible),
                "" if response.due is None else response.due.isoformat(),
                response.reporter.value if codes else response.reporter.label(lang),
                escape(response.source),
                escape(response.notes),
            ]
        )
    write_atomically(Path(path), buffer.getvalue(), encoding="utf-8-sig", newline="")
    return len(records)


def csv_template(  # noqa: PLR0913 (what a questionnaire is made of)
    path: str | Path,
    *,
    lang: str = "en",
    catalogue: Catalogue | None = None,
    states: Iterable[str] | str | None = None,
    meeting: str | None = None,
    as_of: dt.date | str | None = None,
) -> int:
    """Write a blank template for a focal point to fill in: one row per State × recommendation.

    Headers are in *lang*, States are named in *lang*, and each row carries the
    recommendation's short title (a column :func:`read_csv` does not import) and, when
    given, the date of the round. Rows left without a status are skipped when the file is
    read back.

    Returns:
        How many rows were written.

    Raises:
        InvalidDataError: No recommendation to ask about, or a date that is not one.
    """
    check_language(lang)
    chosen = (catalogue or builtin_catalogue()).recommendations(meeting=meeting)
    if not chosen:
        raise InvalidDataError(Message("msg_no_recommendation_to_ask"))
    day = "" if as_of is None else as_of_date(as_of).isoformat()
    codes = by_name(Population.of(states).states, lang) if states is not None else [""]
    buffer = io.StringIO(newline="")
    writer = _writer(buffer, lang, path)
    heading = "title" if lang == "en" else word(INFORMATIONAL["title"], lang)
    writer.writerow([*_headers(lang), heading])
    count = 0
    for code in codes:
        for recommendation in chosen:
            title = recommendation.title(lang)
            writer.writerow(
                [
                    state_name(code, lang) if code else "",
                    recommendation.key,
                    "",
                    day,
                    *[""] * (len(COLUMNS) - 4),
                    "" if title is None else escape(title.value),
                ]
            )
            count += 1
    write_atomically(Path(path), buffer.getvalue(), encoding="utf-8-sig", newline="")
    return count
