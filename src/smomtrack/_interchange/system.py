"""What the operating system says when a file cannot be read or written, in people's words."""

from __future__ import annotations

import errno

from smomtrack._words import Message

__all__ = ["reason"]

_REASONS: dict[int, str] = {
    errno.ENOENT: "os_missing",
    errno.EACCES: "os_denied",
    errno.EPERM: "os_denied",
    errno.EISDIR: "os_folder",
    errno.ENOTDIR: "os_not_folder",
    errno.ENOSPC: "os_full",
    errno.EROFS: "os_read_only",
    errno.EFBIG: "os_too_large",
    errno.ENAMETOOLONG: "os_name_too_long",
}


_KINDS: tuple[tuple[type[OSError], str], ...] = (
    (FileNotFoundError, "os_missing"),
    (PermissionError, "os_denied"),
    (IsADirectoryError, "os_folder"),
    (NotADirectoryError, "os_not_folder"),
)
"""What an error says by its class when it carries no number (a library's own OSError)."""


def reason(exc: OSError) -> Message:
    """Why the system refused, in any language (its own words where we have none).

    >>> reason(FileNotFoundError(errno.ENOENT, "No such file or directory")).text("fr")
    'fichier ou dossier introuvable'
    """
    key = _REASONS.get(exc.errno or 0) or next(
        (key for kind, key in _KINDS if isinstance(exc, kind)), None
    )
    if key is not None:
        return Message(key)
    return Message("os_other", detail=exc.strerror or str(exc) or type(exc).__name__)
