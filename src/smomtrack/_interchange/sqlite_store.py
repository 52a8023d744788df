"""The SQLite store: a team's tracker in one file, append-only and transactional.

One table of responses, never updated or deleted (triggers refuse it), and a table of
metadata (schema version, population, catalogue). Every record is committed before
``record()`` returns. WAL mode and a busy timeout let several processes record into the
same file at once: each write transaction first takes in what the others committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from smomtrack._catalogue.builtin import builtin_catalogue
from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._interchange.json_format import catalogue_document, read_catalogue_field
from smomtrack._tracking.columns import (
    NO_DETAILS,
    NO_DUE,
    Columns,
    Details,
    details_object,
    paused_gc,
)
from smomtrack._tracking.population import Population, PopulationLike
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.states import is_state_code
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Reporter
from smomtrack._words import Message
from smomtrack.exceptions import ConflictError, InvalidDataError, SmomtrackError, StorageError

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

    def rows(self) -> list[tuple[str, int, str]]:
        """The ``codes`` table's rows."""
        return [
            *(("state", i, v) for i, v in enumerate(self.states)),
            *(("recommendation", i, v) for i, v in enumerate(self.keys)),
            *(("status", i, s.value) for i, s in enumerate(_STATUSES)),
            *(("reporter", i, r.value) for i, r in enumerate(_REPORTERS)),
        ]


_CHUNK = 5000
"""Rows are read and written this many at a time: small enough to stay in the processor's caches."""
_LAST_DAY = dt.date.max.toordinal()


def _due(day: int | None) -> int:
    return NO_DUE if day is None else day


def _stored_due(day: int) -> int | None:
    return None if day == NO_DUE else day


class SqliteStore:
    """The :class:`~smomtrack._tracking.stores.ResponseStore` of one SQLite file.

    Rows are read back into the tracker's columns without making a record object each: the
    tables are STRICT, so SQLite guarantees each column's type, and the codes are checked
    against the store's own tables in bulk.
    """

    def __init__(
        self, path: Path, connection: sqlite3.Connection, codes: _Codes, log_keys: list[str]
    ) -> None:
        self.path = path
        self._connection = connection
        self._states = list(codes.states)
        self._keys = log_keys
        position = {key: code for code, key in enumerate(log_keys)}
        self._key_in = [position[key] for key in codes.keys]  # store id -> log code
        self._key_out = [0] * len(log_keys)
        for store_id, code in enumerate(self._key_in):
            self._key_out[code] = store_id
        self._details: dict[str, Details] = {}
        self._last_id = 0
        self._large_write = False

    # -- reading ----------------------------------------------------------------------

    def rows_after(self, last_id: int) -> Columns:
        """The records with an id above *last_id*, in order; remembers the last one seen."""
        cursor = self._connection.execute(
            f"SELECT id, {_COLUMNS} FROM responses WHERE id > ? ORDER BY id",  # noqa: S608 (constant)
            (last_id,),
        )
        batch = Columns()
        batch.states, batch.keys = self._states, self._keys
        try:
            while chunk := cursor.fetchmany(_CHUNK):
                self._read_chunk(batch, chunk)
        except (IndexError, ValueError, TypeError, OverflowError, KeyError) as exc:
            where = f"the responses rows after id {last_id + len(batch)}"
            raise InvalidDataError(f"{self.path}: {where}: {exc!r}") from exc
        return batch

    def _read_chunk(self, batch: Columns, chunk: list[tuple[Any, ...]]) -> None:
        ids, states, keys, statuses, as_of, due, reporters, corrections, stamps, details = zip(
            *chunk, strict=True
        )
        _check_codes(states, len(self._states), "state")
        _check_codes(keys, len(self._key_in), "recommendation")
        _check_codes(statuses, len(_STATUSES), "status")
        _check_codes(reporters, len(_REPORTERS), "reporter")
        _check_codes(as_of, _LAST_DAY + 1, "as_of", low=1)
        batch.state.extend(states)
        batch.key.extend(map(self._key_in.__getitem__, keys))
        batch.status.extend(statuses)
        batch.as_of.extend(as_of)
        batch.due.extend(map(_due, due))
        batch.reporter.extend(reporters)
        batch.correction.extend(corrections)
        batch.stamp.fromlist(list(stamps))
        if len(self._details) > _DETAILS_KEPT:
            self._details.clear()
        read = {text: NO_DETAILS if text is None else self._detail(text) for text in set(details)}
        batch.add_details(list(map(read.__getitem__, details)))
        self._last_id = ids[-1]

    def _detail(self, text: str) -> Details:
        found = self._details.get(text)
        if found is not None:
            return found
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

    # -- writing ----------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Columns]:
        """An exclusive write transaction; yields what others committed since the last look.

        If the block fails, the transaction rolls back; what others committed stays seen
        (the tracker took it in), so it is never handed over twice.
        """
        connection = self._connection
        with storage_errors(self.path):
            connection.execute("BEGIN IMMEDIATE")
        start = self._last_id
        try:
            with storage_errors(self.path):
                others = self.rows_after(start)
        except BaseException:
            connection.rollback()
            self._last_id = start
            raise
        seen = self._last_id
        try:
            yield others
            with storage_errors(self.path):
                connection.commit()
        except BaseException:
            if connection.in_transaction:
                connection.rollback()
            self._last_id = seen
            raise
        if self._large_write:
            # Fold a large import's write-ahead log back into the file now, so that readers
            # do not wade through it (a busy reader only postpones this; nothing is lost).
            self._large_write = False
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def insert(self, batch: Columns) -> None:
        """Append the records of *batch* (coded like the tracker's log), in the transaction."""
        texts = map(
            _details_json,
            batch.measures,
            batch.evidence,
            batch.responsible,
            batch.source,
            batch.notes,
        )
        rows = zip(
            batch.state,
            map(self._key_out.__getitem__, batch.key),
            batch.status,
            batch.as_of,
            map(_stored_due, batch.due),
            batch.reporter,
            batch.correction,
            batch.stamp,
            texts,
            strict=True,
        )
        with storage_errors(self.path):
            self._connection.executemany(
                f"INSERT INTO responses ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
                rows,
            )
            self._large_write = self._large_write or len(batch) >= LARGE_WRITE
            self._last_id = self._connection.execute("SELECT max(id) FROM responses").fetchone()[0]

    def unseen(self) -> Columns:
        """What others committed since the last look (read in one snapshot)."""
        with storage_errors(self.path):
            self._connection.execute("BEGIN")
            try:
                return self.rows_after(self._last_id)
            finally:
                self._connection.commit()

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()


def _check_codes(values: tuple[int, ...], limit: int, column: str, *, low: int = 0) -> None:
    if min(values) < low or max(values) >= limit:
        raise ValueError(f"a {column} code outside {low}..{limit - 1}")


def _details_json(*details: Any) -> str | None:
    if not any(details):
        return None
    present = details_object(details)
    return json.dumps(present, ensure_ascii=False, sort_keys=True) if present else None


_DETAILS_KEPT = 10_000
"""The store forgets the free texts it read beyond this many distinct ones."""

MINIMUM_SQLITE = (3, 37, 0)
"""STRICT tables need SQLite 3.37 (2021)."""


def _connect(path: Path) -> sqlite3.Connection:
    if sqlite3.sqlite_version_info < MINIMUM_SQLITE:
        raise InvalidDataError(
            f"the SQLite store needs SQLite 3.37 or newer; this Python has {sqlite3.sqlite_version}"
        )
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        _write_ahead(connection)
        connection.execute("PRAGMA synchronous = FULL")
    except BaseException:
        connection.close()
        raise
    return connection


def _write_ahead(connection: sqlite3.Connection) -> None:
    """Put the file in write-ahead-log mode, waiting while another process holds it.

    Entering that mode needs the file to itself, and SQLite answers "database is locked" at
    once, without the busy timeout, when another process is creating the same store: try
    again until the timeout has passed.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
        else:
            return


def storage_errors(path: Path) -> contextlib.AbstractContextManager[None]:
    """Turn SQLite's and the system's errors about *path* into smomtrack's."""
    return _storage_errors(path)


@contextlib.contextmanager
def _storage_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.OperationalError as exc:  # cannot open, read-only, full, locked too long
        raise StorageError(path, f"cannot be used as a store ({exc})") from exc
    except sqlite3.DatabaseError as exc:  # not a database, or a damaged one
        raise InvalidDataError(f"{path}: not a smomtrack store ({exc})") from exc
    except OSError as exc:
        raise StorageError(path, exc.strerror or str(exc)) from exc


def open_tracker(
    path: str | Path,
    *,
    catalogue: Catalogue | None = None,
    states: PopulationLike | None = None,
) -> Tracker:
    """Create or open the SQLite store at *path* and return its tracker.

    A new store needs its population (*states*, anything :class:`~smomtrack.Tracker` takes:
    ``"un-members"``, States, or States with the date from which each is expected); its
    catalogue is the built-in one unless
    another is given. An existing store keeps its own population and catalogue: giving
    different ones is a conflict. Every ``record``, ``correct`` and ``import_csv`` of the
    returned tracker is committed to the file before it returns.

    Creating a store is one transaction: a process killed meanwhile leaves an empty file,
    which the next ``open_tracker`` with *states* creates anew; several processes creating
    the same store at once get the one store.

    Raises:
        InvalidDataError: A new store without *states*; a file that is not a smomtrack
            store, or of another schema version.
        ConflictError: *states* or *catalogue* differ from the store's.
        StorageError: The file cannot be opened or written (a folder, read-only, full).
    """
    path = Path(path)
    if states is None and not path.is_file():
        if path.exists():
            raise StorageError(path, Message("os_folder"))
        raise InvalidDataError(
            f"{path}: no such store; a new store needs its population (states=...)",
            said=Message("msg_no_store", file=str(path)),
        )
    connection = None
    try:
        with storage_errors(path):
            connection = _connect(path)
            _create(path, connection, catalogue or builtin_catalogue(), states)
            return _open(path, connection, catalogue, states)
    except BaseException as exc:
        if connection is not None:
            connection.close()
        if isinstance(exc, SmomtrackError) and exc.said is None:  # the detail, in a frame
            exc.said = Message("msg_store_problem", file=str(path), detail=str(exc))
        raise


_TABLES = ("meta", "codes", "responses")


def _statements(script: str) -> list[str]:
    """The statements of *script*, whole (a trigger's body holds semicolons too)."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return statements


def _holds_tables(
    path: Path, connection: sqlite3.Connection, states: PopulationLike | None
) -> bool:
    """Whether the file holds a store's tables already (perhaps another process made them).

    Raises:
        InvalidDataError: It holds other tables, or none and there is no population.
    """
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if names and not set(_TABLES) <= names:
        raise InvalidDataError(f"{path}: not a smomtrack store (other tables)")
    if not names and states is None:
        raise InvalidDataError(
            f"{path}: holds no store yet; give its population (states=...) to create one"
        )
    return bool(names)


def _create(
    path: Path,
    connection: sqlite3.Connection,
    catalogue: Catalogue,
    states: PopulationLike | None,
) -> bool:
    """Create the store's tables in one transaction if the file has none; whether it did.

    Raises:
        InvalidDataError: The file holds no store and no population was given, or holds
            tables that are not a store's.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        if _holds_tables(path, connection, states):
            connection.rollback()
            return False
        population = Population.of(() if states is None else states)
        for statement in _statements(_SCHEMA):
            connection.execute(statement)
        meta = {
            "format": "smomtrack.store",
            "schema_version": str(STORE_SCHEMA_VERSION),
            "states": json.dumps(list(population.states)),
            "expected_from": json.dumps(
                {code: day.isoformat() for code, day in sorted(population.expected_from.items())}
            ),
            "catalogue": json.dumps(
                catalogue_document(catalogue), ensure_ascii=False, sort_keys=True
            ),
        }
        connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        codes = _Codes(population.states, tuple(r.key for r in catalogue))
        connection.executemany("INSERT INTO codes (kind, id, value) VALUES (?, ?, ?)", codes.rows())
        connection.commit()
    except BaseException:
        if connection.in_transaction:
            connection.rollback()
        raise
    return True


def _open(
    path: Path,
    connection: sqlite3.Connection,
    catalogue: Catalogue | None,
    states: PopulationLike | None,
) -> Tracker:
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("format") != "smomtrack.store":
        raise InvalidDataError(f"{path}: not a smomtrack store")
    if meta.get("schema_version") != str(STORE_SCHEMA_VERSION):
        raise InvalidDataError(
            f"{path}: store schema version {meta.get('schema_version')}; this smomtrack"
            f" reads version {STORE_SCHEMA_VERSION}"
        )
    try:
        stored_catalogue = read_catalogue_field(
            json.loads(meta["catalogue"]), where=f"{path}:catalogue"
        )
        stored_states = tuple(json.loads(meta["states"]))
        since = {
            code: dt.date.fromisoformat(day)
            for code, day in json.loads(meta.get("expected_from", "{}")).items()
        }
    except (KeyError, ValueError, RecursionError, TypeError, AttributeError) as exc:
        raise InvalidDataError(
            f"{path}: not a smomtrack store (damaged metadata: {exc!r})"
        ) from exc
    if not all(isinstance(state, str) for state in stored_states):
        raise InvalidDataError(f"{path}: not a smomtrack store (damaged population)")
    others = [state for state in stored_states if not is_state_code(state)]
    if others:
        raise InvalidDataError(
            f"{path}: the store's population holds {', '.join(others)}, which cannot be"
            " parties to the Protocol (a store made by an earlier smomtrack, which counted"
            " ISO 3166 territories); export its responses to CSV with that version and import"
            " them into a new store of the States that can be parties"
        )
    stored = Population(stored_states, since)
    if catalogue is not None and catalogue != stored_catalogue:
        raise ConflictError(str(path), "the store holds another catalogue")
    if states is not None and Population.of(states) != stored:
        raise ConflictError(
            str(path),
            f"the store's population is {', '.join(stored_states)}"
            + (f", expected from {dict(stored.expected_from)}" if stored.expected_from else ""),
        )
    codes = _read_codes(path, connection)
    log_keys = [r.key for r in stored_catalogue]
    if codes.states != tuple(sorted(set(stored_states))) or set(codes.keys) != set(log_keys):
        raise InvalidDataError(f"{path}: the codes table does not match the store's metadata")
    tracker = Tracker(
        stored_catalogue, stored, store=SqliteStore(path, connection, codes, log_keys)
    )
    with paused_gc():  # a million new objects: the cycle collector would only slow the load
        tracker.refresh()
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
