"""The exceptions smomtrack raises.

Every error is a :class:`SmomtrackError`. Each leaf also inherits the matching
builtin, so ``except LookupError`` and ``except ValueError`` keep working:

- unknown keys and States are :class:`LookupError` s;
- invalid data (statuses, dates, records, files) are :class:`ValueError` s.

Errors carry structured attributes (the offending text, the key, the
suggestions, the problems with their locations) and build their message from them.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ConflictError",
    "InvalidDataError",
    "InvalidDateError",
    "InvalidStatusError",
    "MissingExtraError",
    "SmomtrackError",
    "SmomtrackWarning",
    "StorageError",
    "TooManyBadRowsError",
    "UnknownAgendaItemError",
    "UnknownKeyError",
    "UnknownMeetingError",
    "UnknownRecommendationError",
    "UnknownStateError",
    "UnknownThemeError",
]


class SmomtrackError(Exception):
    """Base class of every error raised by smomtrack."""


class InvalidDataError(SmomtrackError, ValueError):
    """Data that smomtrack cannot accept.

    Attributes:
        problems: Every problem found, each naming where it is (a field, a path, a line).
    """

    def __init__(self, problems: str | Iterable[str]) -> None:
        self.problems: tuple[str, ...] = (
            (problems,) if isinstance(problems, str) else tuple(problems)
        )
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            listed = "\n".join(f"- {p}" for p in self.problems)
            message = f"{len(self.problems)} problems:\n{listed}"
        super().__init__(message)


class InvalidStatusError(InvalidDataError):
    """Text that is not an implementation status.

    Attributes:
        text: The text given.
        accepted: The labels that are accepted.
        suggestions: The nearest labels, best first (may be empty).
    """

    def __init__(
        self, text: object, accepted: Iterable[str], suggestions: Iterable[str] = ()
    ) -> None:
        self.text = text
        self.accepted: tuple[str, ...] = tuple(accepted)
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        near = (
            f"did you mean {' or '.join(repr(s) for s in self.suggestions)}? "
            if self.suggestions
            else ""
        )
        super().__init__(
            f"{text!r} is not an implementation status; {near}accepted: {', '.join(self.accepted)}"
        )


class InvalidDateError(InvalidDataError):
    """Text that is not one unambiguous date (or date range).

    Attributes:
        text: The text given.
        reason: Why it was refused.
    """

    def __init__(self, text: object, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"{text!r} is not a date: {reason}")


class SmomtrackWarning(UserWarning):
    """Something a reader did not find where it usually is, with the line (an agenda's part).

    Issued with :mod:`warnings`, so it shows once and can be turned into an error
    (``warnings.simplefilter("error", SmomtrackWarning)``) or silenced.

    Attributes:
        line: The line of the source it is about (1 is the first).
        message: What was not found.
    """

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


class MissingExtraError(SmomtrackError, ImportError):
    """A feature that needs an optional extra that is not installed.

    Attributes:
        feature: What was asked for ("reading .xlsx workbooks").
        extra: The extra that brings what it needs (``"spreadsheets"``).
    """

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional '{extra}' extra: pip install 'smomtrack[{extra}]'"
        )


class StorageError(SmomtrackError, OSError):
    """A file or a store that cannot be read or written: missing, a folder, read-only, full.

    Attributes:
        path: The file.
        reason: What the system said.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __str__(self) -> str:
        # OSError formats its arguments its own way; keep ours plain.
        return f"{self.path}: {self.reason}"


class TooManyBadRowsError(InvalidDataError):
    """A file whose rows are refused so often that reading it further is pointless.

    Attributes:
        name: The file.
        line: The last line read.
        read: How many rows were read up to there.
        reasons: How many rows were refused for each reason, most frequent first.
    """

    def __init__(self, name: str, line: int, read: int, reasons: dict[str, int]) -> None:
        self.name = name
        self.line = line
        self.read = read
        self.reasons = reasons
        refused = sum(reasons.values())
        counts = "; ".join(f"{count:,} × {reason}" for reason, count in reasons.items())
        super().__init__(
            f"{name}: stopped after row {line:,}: {refused:,} rows refused of {read:,}"
            f" read ({counts})"
        )


class ConflictError(SmomtrackError, ValueError):
    """Two records that claim the same place with different content.

    Attributes:
        key: What both records claim (a key, or a description of the slot).
    """

    def __init__(self, key: str, detail: str) -> None:
        self.key = key
        self.detail = detail
        super().__init__(f"{key}: {detail}")


class UnknownKeyError(SmomtrackError, LookupError):
    """A key that names nothing known.

    Attributes:
        key: The key given.
        suggestions: The nearest known keys, best first (may be empty).
        reason: Why a known key is refused here, if that is the problem
            (a State outside a tracker's population).
    """

    kind = "key"

    def __init__(
        self, key: object, suggestions: Iterable[str] = (), *, reason: str | None = None
    ) -> None:
        self.key = key
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        self.reason = reason
        message = (
            f"unknown {self.kind} {key!r}" if reason is None else f"{self.kind} {key!r} {reason}"
        )
        if self.suggestions:
            message += f"; did you mean {' or '.join(repr(s) for s in self.suggestions)}?"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError subclasses such as KeyError quote their message; keep ours plain.
        return str(self.args[0])


class UnknownRecommendationError(UnknownKeyError):
    """A recommendation key that is not in the catalogue."""

    kind = "recommendation"


class UnknownThemeError(UnknownKeyError):
    """A theme key that is not in the catalogue."""

    kind = "theme"


class UnknownMeetingError(UnknownKeyError):
    """A meeting key that is not in the catalogue."""

    kind = "meeting"


class UnknownAgendaItemError(UnknownKeyError):
    """An agenda item number that is not on the meeting's agenda."""

    kind = "agenda item"


class UnknownStateError(UnknownKeyError):
    """Text that names no State, or a State outside a tracker's population."""

    kind = "State"
