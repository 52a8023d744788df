"""Writing files so that a crash, a full disk or a kill never leaves half a file."""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import stat
import time
from pathlib import Path

from smomtrack._interchange.system import reason
from smomtrack._words import Message
from smomtrack.exceptions import StorageError

__all__ = ["STALE_SECONDS", "write_atomically"]

STALE_SECONDS = 600
"""Temporary files of a write older than this were left by a process that was killed."""


def write_atomically(
    path: Path, text: str | bytes, *, encoding: str = "utf-8", newline: str = "\n"
) -> None:
    """Write *text* to *path* so that a crash at any moment leaves the old file or the new one.

    *text* is text (written with *encoding* and *newline*) or bytes (written as they are).

    The text goes to a temporary file in the same folder, is flushed to disk, and then
    replaces *path* in one rename; the folder is flushed too. The new file keeps the
    permissions of the one it replaces (a new file gets the usual ones, after the umask).
    On an error the temporary file is removed; temporary files that killed writes left
    behind are removed by the next write of the same file.

    Raises:
        StorageError: The folder cannot be written (read-only, full, missing) or *path* is a
            folder; the file is then as it was.
    """
    folder = path.parent
    _remove_stale(path)
    temporary = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else None
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        if isinstance(text, bytes):
            with os.fdopen(descriptor, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(descriptor, "w", encoding=encoding, newline=newline) as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            temporary.chmod(mode)
        temporary.replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise StorageError(path, Message("storage_cannot_write", reason=reason(exc))) from exc
        raise
    with contextlib.suppress(OSError):  # not every system lets a folder be opened and flushed
        folder_descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(folder_descriptor)
        finally:
            os.close(folder_descriptor)


def _remove_stale(path: Path) -> None:
    """Remove what writes of *path* killed long ago left behind."""
    now = time.time()
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > STALE_SECONDS:
                    leftover.unlink()
