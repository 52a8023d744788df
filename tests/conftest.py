"""Shared fixtures, and a check that no test leaves an SQLite connection open."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from smomtrack import Catalogue, ReadOptions, builtin_catalogue
from smomtrack._extras import optional
from smomtrack._interchange import csv_format
from smomtrack.results import ImportResult
from tests.closing import OPENED
from tests.engines import differences, outcome

_LEAKED: list[str] = []
_MADE: list[int] = [0]


class _CheckedConnection(sqlite3.Connection):
    """A connection that notes it when it is dropped without being closed.

    Python 3.13 warns about such connections (``ResourceWarning: unclosed database``); the
    interpreters here are older, so the suite checks for itself.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.where = str(args[0]) if args else "?"
        self.closed = True  # nothing to close if opening fails
        super().__init__(*args, **kwargs)
        _MADE[0] += 1
        self.closed = False

    def close(self) -> None:
        self.closed = True
        super().close()

    def __del__(self) -> None:
        if not self.closed:
            _LEAKED.append(self.where)


@pytest.fixture(autouse=True)
def _no_open_connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that drops an SQLite connection without closing it."""
    connect = sqlite3.connect

    def checked(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs.setdefault("factory", _CheckedConnection)
        connection: sqlite3.Connection = connect(*args, **kwargs)
        return connection

    monkeypatch.setattr(sqlite3, "connect", checked)
    _LEAKED.clear()
    made = _MADE[0]
    yield
    if _MADE[0] != made:  # only tests that opened a connection pay for a collection
        gc.collect()
    leaked, _LEAKED[:] = list(_LEAKED), []
    assert not leaked, f"SQLite connections left open: {leaked}"


@pytest.fixture(autouse=True)
def _close_opened_trackers(_no_open_connections: None) -> Iterator[None]:
    """Close the trackers tests opened through ``tests.closing`` (before the check above)."""
    yield
    while OPENED:
        OPENED.pop().close()


@pytest.fixture(name="catalogue")
def fixture_catalogue() -> Catalogue:
    """The built-in catalogue."""
    return builtin_catalogue()


@pytest.fixture(autouse=True)
def _english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks the environment's language: the tests choose it themselves."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _csv_read_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every CSV file the suite reads is read by both readers, which must agree.

    The standard library's reader and pyarrow's (``engine="pyarrow"``) must give the same
    responses, errors, warnings and row numbers, or the same error, on the suite's files.
    A read with an engine chosen, or a progress callback (called once per reading), is
    left as it is.
    """
    read = csv_format._read

    def both(text: Any, intake_for: Any, options: ReadOptions) -> ImportResult:
        if (
            options.engine != "auto"
            or options.progress is not None
            or text.where is None
            or optional("pyarrow.csv") is None
        ):
            return read(text, intake_for, options)
        arrow = outcome(lambda: read(text, intake_for, attrs.evolve(options, engine="pyarrow")))
        python = attrs.evolve(options, engine="python")
        found = outcome(lambda: read(text, intake_for, python))
        assert not differences(found, arrow), differences(found, arrow)
        return read(text, intake_for, python)

    monkeypatch.setattr(csv_format, "_read", both)
