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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import attrs

from smomtrack.catalogue.builtin import builtin_catalogue
from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import InvalidDataError, SmomtrackError
from smomtrack.records.responses import Response
from smomtrack.tracking.imports import ImportResult, RowError, register_csv_reader
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.dates import is_future, parse_date
from smomtrack.vocabulary.folding import fold
from smomtrack.vocabulary.states import resolve_state, state_name
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import Reporter

__all__ = ["COLUMNS", "REQUIRED", "csv_template", "read_csv", "write_csv"]

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


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) for each non-blank row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    previous = 0
    try:
        for cells in reader:
            line = previous + 1
            previous = reader.line_num
            if any(cell.strip() for cell in cells):
                yield line, cells
    except csv.Error as exc:
        raise InvalidDataError(f"line {reader.line_num}: not readable as CSV ({exc})") from exc


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


def _read_row(
    cells: list[str],
    positions: dict[str, int],
    header: list[str],
    catalogue: Catalogue,
) -> Response:
    """The response of one row; raises _RowProblems listing every bad cell."""
    values = {
        c: unescape(cells[i].strip().replace("\r\n", "\n")) if i < len(cells) else ""
        for c, i in positions.items()
    }
    problems: list[tuple[str, str, str]] = []

    def attempt(column: str, read: object) -> object:
        try:
            return read() if callable(read) else read
        except (SmomtrackError, LookupError) as exc:
            problems.append((header[positions[column]].strip(), values.get(column, ""), str(exc)))
            return None

    state = attempt("state", lambda: resolve_state(_required(values["state"], "state")))
    key = attempt(
        "recommendation",
        lambda: catalogue.recommendation(_required(values["recommendation"], "recommendation")).key,
    )
    status = attempt("status", lambda: _status(values["status"]))
    as_of = attempt("as_of", lambda: _as_of(values["as_of"]))
    due = (
        attempt("due", lambda: parse_date(values["due"]) if values.get("due") else None)
        if "due" in positions
        else None
    )
    reporter = (
        attempt(
            "reporter",
            lambda: Reporter.parse(values["reporter"]) if values["reporter"] else Reporter.STATE,
        )
        if "reporter" in positions
        else Reporter.STATE
    )
    extra = [cell for cell in cells[len(header) :] if cell.strip()]
    extra += [
        cells[i]
        for i, h in enumerate(header)
        if not h.strip() and i < len(cells) and cells[i].strip()
    ]
    if extra:
        problems.append(("", extra[0], f"{len(extra)} cell(s) in a column without a header"))
    if problems:
        raise _RowProblems(problems)
    evidence = tuple(e.strip() for e in values.get("evidence", "").split(";") if e.strip())
    return Response(
        state=state,  # type: ignore[arg-type]
        recommendation=key,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        as_of=as_of,  # type: ignore[arg-type]
        measures=values.get("measures", ""),
        evidence=evidence,
        responsible=values.get("responsible", ""),
        due=due,  # type: ignore[arg-type]
        reporter=reporter,  # type: ignore[arg-type]
        source=values.get("source", ""),
        notes=values.get("notes", ""),
    )


class _RowProblems(Exception):  # noqa: N818 (internal signal, never escapes)
    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


def _required(value: str, column: str) -> str:
    if not value:
        raise InvalidDataError(f"{column} is empty")
    return value


def _status(value: str) -> Status:
    status = Status.parse(_required(value, "status"))
    if status is Status.NO_INFORMATION:
        raise InvalidDataError("no_information is never recorded: leave the row blank instead")
    return status


def _as_of(value: str) -> dt.date:
    day = parse_date(_required(value, "as_of"))
    if is_future(day):
        raise InvalidDataError(f"{day} is in the future")
    return day


def _unanswered(cells: list[str], positions: dict[str, int]) -> bool:
    """A template row nobody filled in: State and recommendation only."""
    answers = [c for c in positions if c not in {"state", "recommendation"}]
    return all(positions[c] >= len(cells) or not cells[positions[c]].strip() for c in answers)


def read_csv(
    source: str | Path | IO[str] | IO[bytes], *, catalogue: Catalogue | None = None
) -> ImportResult:
    """Read a spreadsheet of responses.

    Values go through :func:`~smomtrack.resolve_state`, :meth:`Status.parse`,
    :func:`~smomtrack.parse_date` and the catalogue's key reading, so French country
    names, status labels and dates all work. Rows where only the State and the
    recommendation are filled (an unanswered template row) are skipped and counted.

    Args:
        source: A path, or an open file (text or binary).
        catalogue: The recommendations rows may refer to (the built-in catalogue by default).

    Returns:
        The valid rows as responses (with their line numbers) and one error per bad row.

    Raises:
        InvalidDataError: Not a table of responses at all: empty, binary, or missing a
            required column (the message names it).
    """
    text, name = _source_text(source)
    if not text.strip():
        raise InvalidDataError(f"{name}: empty, not a table of responses")
    chosen = catalogue or builtin_catalogue()
    rows = _rows(text, _delimiter(text))
    first_line, header = next(rows)
    positions, ignored = _columns(header, name)
    del first_line
    stamp = dt.datetime.now(dt.UTC)
    responses: list[Response] = []
    lines: list[int] = []
    errors: list[RowError] = []
    skipped = 0
    for line, cells in rows:
        if _unanswered(cells, positions):
            skipped += 1
            continue
        try:
            response = _read_row(cells, positions, header, chosen)
        except _RowProblems as exc:
            column, value, _ = exc.problems[0]
            message = "; ".join(f"{c}: {m}" if c else m for c, _, m in exc.problems)
            errors.append(RowError(line=line, column=column, value=value, message=message))
            continue
        responses.append(_stamped(response, stamp))
        lines.append(line)
    return ImportResult(
        responses=responses, lines=lines, errors=errors, skipped=skipped, ignored_columns=ignored
    )


def _stamped(response: Response, stamp: dt.datetime) -> Response:
    """The rows of one file share their recording time."""
    return attrs.evolve(response, recorded_at=stamp)


register_csv_reader(read_csv)


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
