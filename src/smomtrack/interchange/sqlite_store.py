"""The SQLite store: a team's tracker in one file, append-only and transactional.

One table of responses, never updated or deleted (triggers refuse it), and a table of
metadata (schema version, population, catalogue). Every record is committed before
``record()`` returns. WAL mode and a busy timeout let several processes record into the
same file at once: each write transaction first takes in what the others committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import cast

from smomtrack.catalogue.builtin import builtin_catalogue
from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import ConflictError, InvalidDataError
from smomtrack.interchange.json_format import catalogue_document, read_catalogue_field
from smomtrack.records.responses import Response
from smomtrack.tracking.stores import Batch
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.states import resolve_state
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import Reporter

__all__ = ["STORE_SCHEMA_VERSION", "SqliteStore", "open_tracker"]

STORE_SCHEMA_VERSION = 1
"""The version of the store's tables; a store of another version is refused."""

BUSY_TIMEOUT_SECONDS = 30.0

LARGE_WRITE = 10_000
"""From this many records in one transaction, the write-ahead log is checkpointed after it."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE codes (
    kind TEXT NOT NULL,
    id INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (kind, id),
    UNIQUE (kind, value)
) STRICT;
CREATE TABLE responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    state INTEGER NOT NULL,
    recommendation INTEGER NOT NULL,
    status INTEGER NOT NULL,
    as_of INTEGER NOT NULL,
    due INTEGER,
    reporter INTEGER NOT NULL,
    correction INTEGER NOT NULL CHECK (correction IN (0, 1)),
    recorded_at INTEGER NOT NULL,
    details TEXT
) STRICT;
CREATE TRIGGER responses_no_update BEFORE UPDATE ON responses
BEGIN SELECT RAISE(ABORT, 'smomtrack responses are append-only'); END;
CREATE TRIGGER responses_no_delete BEFORE DELETE ON responses
BEGIN SELECT RAISE(ABORT, 'smomtrack responses are append-only'); END;
CREATE VIEW responses_readable AS
SELECT r.id,
       s.value AS state,
       k.value AS recommendation,
       t.value AS status,
       date(r.as_of + 1721424.5) AS as_of,
       date(r.due + 1721424.5) AS due,
       p.value AS reporter,
       r.correction,
       strftime('%Y-%m-%dT%H:%M:%fZ', r.recorded_at / 1e6, 'unixepoch') AS recorded_at,
       r.details
FROM responses r
JOIN codes s ON s.kind = 'state' AND s.id = r.state
JOIN codes k ON k.kind = 'recommendation' AND k.id = r.recommendation
JOIN codes t ON t.kind = 'status' AND t.id = r.status
JOIN codes p ON p.kind = 'reporter' AND p.id = r.reporter;
"""
"""Compact on purpose: codes and day numbers read back a million rows in seconds.
Dates are proleptic Gregorian ordinals (``date.toordinal()``), ``recorded_at`` microseconds
since 1970-01-01 UTC; ``details`` is a JSON object
of the non-empty text fields (measures, evidence, responsible, source, notes), NULL when
all are empty. ``responses_readable`` shows the rows as people read them."""

_COLUMNS = "state, recommendation, status, as_of, due, reporter, correction, recorded_at, details"
_DETAILS = ("measures", "evidence", "responsible", "source", "notes")
_STATUSES: tuple[Status, ...] = tuple(s for s in Status if s is not Status.NO_INFORMATION)
_REPORTERS = tuple(Reporter)


class _Codes:
    """The numbering of States, recommendations, statuses and reporters in one store."""

    def __init__(self, states: tuple[str, ...], keys: tuple[str, ...]) -> None:
        self.states = states
        self.keys = keys
        self.state_ids = {code: index for index, code in enumerate(states)}
        self.key_ids = {key: index for index, key in enumerate(keys)}
        self.status_ids = {status: index for index, status in enumerate(_STATUSES)}
        self.reporter_ids = {reporter: index for index, reporter in enumerate(_REPORTERS)}

    def rows(self) -> list[tuple[str, int, str]]:
        """The ``codes`` table's rows."""
        return [
            *(("state", i, v) for i, v in enumerate(self.states)),
            *(("recommendation", i, v) for i, v in enumerate(self.keys)),
            *(("status", i, s.value) for i, s in enumerate(_STATUSES)),
            *(("reporter", i, r.value) for i, r in enumerate(_REPORTERS)),
        ]


def _row(codes: _Codes, response: Response) -> tuple[object, ...]:
    details = {
        name: list(value) if name == "evidence" else value
        for name in _DETAILS
        if (value := getattr(response, name))
    }
    return (
        codes.state_ids[response.state],
        codes.key_ids[response.recommendation],
        codes.status_ids[response.status],
        response.as_of.toordinal(),
        None if response.due is None else response.due.toordinal(),
        codes.reporter_ids[response.reporter],
        int(response.correction),
        (response.recorded_at - _EPOCH) // _MICROSECOND,
        json.dumps(details, ensure_ascii=False, sort_keys=True) if details else None,
    )


class _Reader:
    """Turns rows back into responses quickly: shared dates and details, no re-validation.

    The tables are STRICT, so SQLite guarantees each column's type; the codes are checked
    by indexing the store's own tables.
    """

    def __init__(self, path: Path, codes: _Codes) -> None:
        self._path = path
        self._codes = codes
        self._dates: dict[int, dt.date] = {}
        self._details: dict[str, tuple[str, tuple[str, ...], str, str, str]] = {}

    def responses(self, rows: Iterable[_Row], *, after: int) -> Batch:
        """The responses of *rows* (those with an id above *after*), in order, indexed by pair.

        The hot loop of opening a store: names are bound locally, nothing is validated twice,
        and the pair index is built on the way with integer keys.
        """
        dates, details_cache, trusted = self._dates, self._details, Response.trusted
        states, keys = self._codes.states, self._codes.keys
        statuses, reporters, epoch, microseconds = _STATUSES, _REPORTERS, _EPOCH, _MICROSECOND
        last_stamp, last_time = -1, epoch
        read: list[Response] = []
        append = read.append
        width = len(keys)
        groups: dict[int, tuple[list[int], list[int]]] = {}
        find = groups.get
        try:
            for (
                state,
                key,
                status,
                as_of,
                due,
                reporter,
                correction,
                stamp,
                details,
            ) in rows:
                group = find(state * width + key)
                if group is None:
                    groups[state * width + key] = ([as_of], [len(read)])
                else:
                    group[0].append(as_of)
                    group[1].append(len(read))
                if stamp != last_stamp:  # rows of one import share their recording time
                    last_stamp, last_time = stamp, epoch + stamp * microseconds
                measures, evidence, responsible, source, notes = (
                    _NO_DETAILS
                    if details is None
                    else details_cache.get(details) or self._parse(details)
                )
                append(
                    trusted(
                        states[state],
                        keys[key],
                        statuses[status],
                        dates.get(as_of) or self._date(as_of),
                        measures,
                        evidence,
                        responsible,
                        None if due is None else dates.get(due) or self._date(due),
                        reporters[reporter],
                        source,
                        notes,
                        correction == 1,
                        last_time,
                    )
                )
        except (IndexError, ValueError, TypeError) as exc:
            where = f"the responses row after id {after + len(read)}"
            raise InvalidDataError(f"{self._path}: {where}: {exc!r}") from exc
        index = {(states[g // width], keys[g % width]): entry for g, entry in groups.items()}
        return Batch(read, index)

    def _date(self, ordinal: int) -> dt.date:
        day = self._dates[ordinal] = dt.date.fromordinal(ordinal)
        return day

    def _parse(self, text: str) -> tuple[str, tuple[str, ...], str, str, str]:
        data = json.loads(text)
        if not isinstance(data, dict) or not set(data) <= set(_DETAILS):
            raise ValueError(f"details {text!r} is not an object of {', '.join(_DETAILS)}")
        evidence = data.get("evidence", [])
        texts = [data.get(name, "") for name in ("measures", "responsible", "source", "notes")]
        if not all(isinstance(t, str) for t in texts) or not (
            isinstance(evidence, list) and all(isinstance(e, str) for e in evidence)
        ):
            raise ValueError(f"details {text!r} holds a value of the wrong type")
        parsed = (texts[0], tuple(evidence), texts[1], texts[2], texts[3])
        self._details[text] = parsed
        return parsed


_NO_DETAILS: tuple[str, tuple[str, ...], str, str, str] = ("", (), "", "", "")

_Row = tuple[int, int, int, int, int | None, int, int, int, str | None]
"""A row of the responses table, as the STRICT table guarantees its types."""


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


class SqliteStore:
    """The :class:`~smomtrack.tracking.stores.ResponseStore` of one SQLite file."""

    def __init__(self, path: Path, connection: sqlite3.Connection, codes: _Codes) -> None:
        self.path = path
        self._connection = connection
        self._codes = codes
        self._reader = _Reader(path, codes)
        self._last_id = 0
        self._large_write = False

    def rows_after(self, last_id: int) -> Batch:
        """The records with an id above *last_id*, in order; remembers the last one seen."""
        cursor = self._connection.execute(
            f"SELECT {_COLUMNS} FROM responses WHERE id > ? ORDER BY id",  # noqa: S608 (constant)
            (last_id,),
        )
        responses = self._reader.responses(cast("Iterable[_Row]", cursor), after=last_id)
        if len(responses):
            self._last_id = self._connection.execute("SELECT max(id) FROM responses").fetchone()[0]
        return responses

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Batch]:
        """An exclusive write transaction; yields what others committed since the last look."""
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        seen = self._last_id
        try:
            yield self.rows_after(seen)
        except BaseException:
            connection.rollback()
            self._last_id = seen
            raise
        connection.commit()
        if self._large_write:
            # Fold a large import's write-ahead log back into the file now, so that readers
            # do not wade through it (a busy reader only postpones this; nothing is lost).
            self._large_write = False
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def insert(self, responses: Sequence[Response]) -> None:
        """Append *responses* in the current transaction."""
        self._connection.executemany(
            f"INSERT INTO responses ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            [_row(self._codes, r) for r in responses],
        )
        self._large_write = self._large_write or len(responses) >= LARGE_WRITE
        self._last_id = self._connection.execute("SELECT max(id) FROM responses").fetchone()[0]

    def unseen(self) -> Batch:
        """What others committed since the last look (read in one snapshot)."""
        self._connection.execute("BEGIN")
        try:
            return self.rows_after(self._last_id)
        finally:
            self._connection.commit()

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()


MINIMUM_SQLITE = (3, 37, 0)
"""STRICT tables need SQLite 3.37 (2021)."""


def _connect(path: Path) -> sqlite3.Connection:
    if sqlite3.sqlite_version_info < MINIMUM_SQLITE:
        raise InvalidDataError(
            f"the SQLite store needs SQLite 3.37 or newer; this Python has {sqlite3.sqlite_version}"
        )
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    return connection


def open_tracker(
    path: str | Path,
    *,
    catalogue: Catalogue | None = None,
    states: list[str] | tuple[str, ...] | None = None,
) -> Tracker:
    """Create or open the SQLite store at *path* and return its tracker.

    A new store needs its population (*states*); its catalogue is the built-in one unless
    another is given. An existing store keeps its own population and catalogue: giving
    different ones is a conflict. Every ``record``, ``correct`` and ``import_csv`` of the
    returned tracker is committed to the file before it returns.

    Raises:
        InvalidDataError: A new store without *states*; a file that is not a smomtrack
            store, or of another schema version.
        ConflictError: *states* or *catalogue* differ from the store's.
    """
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and states is None:
        raise InvalidDataError(f"{path}: a new store needs its population (states=...)")
    connection = None
    try:
        connection = _connect(path)
        if not exists:
            return _create(path, connection, catalogue or builtin_catalogue(), states or ())
        return _open(path, connection, catalogue, states)
    except BaseException as exc:
        if connection is not None:
            connection.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise InvalidDataError(f"{path}: not a smomtrack store ({exc})") from exc
        raise


def _create(
    path: Path,
    connection: sqlite3.Connection,
    catalogue: Catalogue,
    states: list[str] | tuple[str, ...],
) -> Tracker:
    tracker = Tracker(catalogue, states)
    connection.execute("BEGIN IMMEDIATE")
    existing = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'meta'"
    ).fetchone()[0]
    if existing:  # another process created it meanwhile
        connection.rollback()
        return _open(path, connection, catalogue, states)
    connection.executescript("SAVEPOINT schema;" + _SCHEMA + "RELEASE schema;")
    meta = {
        "format": "smomtrack.store",
        "schema_version": str(STORE_SCHEMA_VERSION),
        "states": json.dumps(list(tracker.states)),
        "catalogue": json.dumps(catalogue_document(catalogue), ensure_ascii=False, sort_keys=True),
    }
    connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
    codes = _Codes(tracker.states, tuple(r.key for r in catalogue))
    connection.executemany("INSERT INTO codes (kind, id, value) VALUES (?, ?, ?)", codes.rows())
    connection.commit()
    tracker.attach(SqliteStore(path, connection, codes))
    return tracker


def _open(
    path: Path,
    connection: sqlite3.Connection,
    catalogue: Catalogue | None,
    states: list[str] | tuple[str, ...] | None,
) -> Tracker:
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as exc:
        raise InvalidDataError(f"{path}: not a smomtrack store ({exc})") from exc
    if meta.get("format") != "smomtrack.store":
        raise InvalidDataError(f"{path}: not a smomtrack store")
    if meta.get("schema_version") != str(STORE_SCHEMA_VERSION):
        raise InvalidDataError(
            f"{path}: store schema version {meta.get('schema_version')}; this smomtrack"
            f" reads version {STORE_SCHEMA_VERSION}"
        )
    stored_catalogue = read_catalogue_field(
        json.loads(meta["catalogue"]), where=f"{path}:catalogue"
    )
    stored_states = tuple(json.loads(meta["states"]))
    if catalogue is not None and catalogue != stored_catalogue:
        raise ConflictError(str(path), "the store holds another catalogue")
    if states is not None and tuple(sorted({resolve_state(s) for s in states})) != stored_states:
        raise ConflictError(str(path), f"the store's population is {', '.join(stored_states)}")
    tracker = Tracker(stored_catalogue, stored_states)
    codes = _read_codes(path, connection)
    if codes.states != tracker.states or set(codes.keys) != {r.key for r in stored_catalogue}:
        raise InvalidDataError(f"{path}: the codes table does not match the store's metadata")
    tracker.attach(SqliteStore(path, connection, codes))
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a million new objects: the cycle collector would only slow the load down
    try:
        tracker.refresh()
    finally:
        if gc_was_enabled:
            gc.enable()
    return tracker


def _read_codes(path: Path, connection: sqlite3.Connection) -> _Codes:
    tables: dict[str, list[str]] = {}
    for kind, number, value in connection.execute(
        "SELECT kind, id, value FROM codes ORDER BY kind, id"
    ):
        values = tables.setdefault(kind, [])
        if number != len(values):
            raise InvalidDataError(f"{path}: the codes of {kind} are not numbered 0, 1, 2…")
        values.append(value)
    codes = _Codes(tuple(tables.get("state", ())), tuple(tables.get("recommendation", ())))
    if tables.get("status") != [s.value for s in _STATUSES] or tables.get("reporter") != [
        r.value for r in _REPORTERS
    ]:
        raise InvalidDataError(f"{path}: the status or reporter codes are not this smomtrack's")
    return codes
