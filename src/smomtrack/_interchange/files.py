"""Saving and loading trackers by file suffix: ``.json`` (atomic) or ``.sqlite`` (the store)."""

from __future__ import annotations

from pathlib import Path

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._interchange.atomic import write_atomically
from smomtrack._interchange.json_format import (
    made_of,
    parsed,
    said_of_problems,
    to_json,
)
from smomtrack._interchange.sqlite_store import open_tracker
from smomtrack._interchange.system import reason
from smomtrack._tracking.imports import ImportResult
from smomtrack._tracking.tracker import Tracker
from smomtrack._words import Message
from smomtrack.exceptions import ConflictError, InvalidDataError, StorageError

__all__ = ["SUFFIXES", "load", "load_catalogue", "save"]

SUFFIXES = (".json", ".sqlite")


def _suffix(path: Path) -> str:
    if path.suffix.lower() not in SUFFIXES:
        raise InvalidDataError(
            f"{path}: choose a file ending in {' or '.join(SUFFIXES)}"
            " (a JSON document or an SQLite store)",
            said=Message("msg_tracker_file_suffix", file=str(path)),
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
    with open_tracker(target, catalogue=tracker.catalogue, states=tracker.population) as store:
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
        raise InvalidDataError(
            f"{source}: no such file",
            said=Message(
                "msg_in_file",
                file=str(source),
                message=Message("storage_cannot_read", reason=Message("os_missing")),
            ),
        )
    if kind == ".sqlite":
        return open_tracker(source)
    loaded = _document(source)
    if not isinstance(loaded, Tracker):
        raise InvalidDataError(
            f"{source}: a catalogue, not a tracker",
            said=Message("msg_catalogue_not_tracker", file=str(source)),
        )
    return loaded


def load_catalogue(path: str | Path) -> Catalogue:
    """The catalogue a JSON document at *path* holds (one ``ingest`` wrote, say).

    Raises:
        StorageError: The file cannot be read.
        InvalidDataError: Not a smomtrack document, or a tracker (every problem named in
            the file).
    """
    source = Path(path)
    loaded = _document(source)
    if not isinstance(loaded, Catalogue):
        raise InvalidDataError(Message("msg_tracker_not_catalogue", file=str(source)))
    return loaded


def _document(source: Path) -> Tracker | Catalogue:
    """The tracker or catalogue of the JSON document at *source*, its errors naming the file."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise StorageError(source, Message("storage_cannot_read", reason=reason(exc))) from exc
    try:
        with said_of_problems():
            read = parsed(data)
            del data  # a large document's text, no longer needed while its records go in
            return made_of(read)
    except InvalidDataError as exc:
        said = exc.said or Message("msg_plain", text=str(exc))
        raise InvalidDataError(
            (f"{source}: {problem}" for problem in exc.problems),
            said=Message("msg_in_file", file=str(source), message=said),
        ) from exc
