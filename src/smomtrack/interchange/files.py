"""Saving and loading trackers by file suffix: ``.json`` (atomic) or ``.sqlite`` (the store)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from smomtrack.exceptions import ConflictError, InvalidDataError
from smomtrack.interchange.json_format import from_json, to_json
from smomtrack.interchange.sqlite_store import open_tracker
from smomtrack.tracking.imports import ImportResult
from smomtrack.tracking.tracker import Tracker

__all__ = ["SUFFIXES", "load", "save", "write_atomically"]

SUFFIXES = (".json", ".sqlite")


def write_atomically(path: Path, text: str) -> None:
    """Write *text* to *path* so that a crash at any moment leaves the old file or the new one.

    The text goes to a temporary file in the same folder, is flushed to disk, and then
    replaces *path* in one rename; the folder is flushed too.
    """
    folder = path.parent
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise
    with contextlib.suppress(OSError):  # not every system lets a folder be opened and flushed
        folder_descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(folder_descriptor)
        finally:
            os.close(folder_descriptor)


def _suffix(path: Path) -> str:
    if path.suffix.lower() not in SUFFIXES:
        raise InvalidDataError(
            f"{path}: choose a file ending in {' or '.join(SUFFIXES)}"
            " (a JSON document or an SQLite store)"
        )
    return path.suffix.lower()


def save(tracker: Tracker, path: str | Path) -> None:
    """Save *tracker* to *path*, by its suffix.

    - ``.json``: the whole tracker as a JSON document, written atomically.
    - ``.sqlite``: a new store holding every record; or, for an existing store of the same
      population and catalogue, the records it does not hold yet are added (nothing in the
      store is ever changed or removed).

    Raises:
        InvalidDataError: Another suffix.
        ConflictError: An existing store of another population or catalogue, or holding
            records that *tracker* does not have.
    """
    target = Path(path)
    if _suffix(target) == ".json":
        write_atomically(target, to_json(tracker))
        return
    with open_tracker(target, catalogue=tracker.catalogue, states=list(tracker.states)) as store:
        held = len(store)
        if not tracker.log.same_rows(store.log, held):
            raise ConflictError(str(target), "the store holds records this tracker does not have")
        rest = tracker.log if not held else tracker.log.take(range(held, len(tracker)))
        store.add_many(ImportResult(batch=rest))


def load(path: str | Path) -> Tracker:
    """The tracker saved at *path* (``.json`` or ``.sqlite``).

    A tracker loaded from a store keeps recording into it.

    Raises:
        InvalidDataError: Another suffix, a missing file, or a file that is not a smomtrack
            tracker (with every problem found).
    """
    source = Path(path)
    kind = _suffix(source)
    if not source.exists():
        raise InvalidDataError(f"{source}: no such file")
    if kind == ".sqlite":
        return open_tracker(source)
    try:
        loaded = from_json(source.read_bytes())
    except InvalidDataError as exc:
        raise InvalidDataError(f"{source}: {problem}" for problem in exc.problems) from exc
    if not isinstance(loaded, Tracker):
        raise InvalidDataError(f"{source}: a catalogue, not a tracker")
    return loaded
