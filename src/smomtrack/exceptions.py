"""The exceptions smomtrack raises.

Every error is a :class:`SmomtrackError`. Each leaf also inherits the matching
builtin, so ``except LookupError`` and ``except ValueError`` keep working:

- unknown keys and States are :class:`LookupError` s;
- invalid data (statuses, dates, records, files) are :class:`ValueError` s.

Errors carry structured attributes (the offending text, the key, the
suggestions, the problems with their locations) and build their message from them.

Two readers, two forms. ``str(error)`` is for programmers and logs: English, stable
from one version to the next, with keys and codes (``MAR on SOM7-1``). ``error.describe(lang)``
is for a person: the same message in English, French or Spanish, in people's words (State
names, "recommandation 1", status labels, dates as the language writes them), and how to
fix it in terms of the file or the command line. The command line shows ``describe``.
"""

from __future__ import annotations

from collections.abc import Iterable

from smomtrack._words import Labelled, Listed, Message, Quoted, word

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
    """Base class of every error raised by smomtrack.

    Attributes:
        said: What a person reads, in any language (``None`` for an error that only a
            program can cause, such as a wrong type given to a function: its English
            ``str()`` is what is described).
    """

    said: Labelled | None = None

    def describe(self, lang: str = "en") -> str:
        """The message for a person, in *lang* (``en``, ``fr`` or ``es``).

        >>> from smomtrack.records import Status
        >>> try:
        ...     Status.parse("En cour")
        ... except SmomtrackError as error:
        ...     "¿quiso decir «En curso»?" in error.describe("es"), str(error)[:37]
        (True, "'En cour' is not an implementation st")
        """
        return str(self) if self.said is None else self.said.label(lang)


class InvalidDataError(SmomtrackError, ValueError):
    """Data that smomtrack cannot accept.

    Attributes:
        problems: Every problem found, each naming where it is (a field, a path, a line).
    """

    def __init__(
        self, problems: str | Message | Iterable[str | Message], *, said: Labelled | None = None
    ) -> None:
        given = (problems,) if isinstance(problems, str | Message) else tuple(problems)
        self.problems: tuple[str, ...] = tuple(str(problem) for problem in given)
        if said is not None:
            self.said = said
        elif all(isinstance(problem, Message) for problem in given):
            self.said = (
                given[0]  # type: ignore[assignment]
                if len(given) == 1
                else Message("msg_problems", len(given), listed=_Lines(given))
            )
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            listed = "\n".join(f"- {p}" for p in self.problems)
            message = f"{len(self.problems)} problems:\n{listed}"
        super().__init__(message)


class _Lines:
    """Problems written one per line, each in the language asked."""

    __slots__ = ("problems",)

    def __init__(self, problems: Iterable[str | Message]) -> None:
        self.problems = tuple(problems)

    def label(self, lang: str) -> str:
        return "\n".join(
            f"- {p.text(lang) if isinstance(p, Message) else p}" for p in self.problems
        )


class InvalidStatusError(InvalidDataError):
    """Text that is not an implementation status.

    Attributes:
        text: The text given.
        accepted: The labels that are accepted.
        suggestions: The nearest labels, best first (may be empty).
    """

    def __init__(
        self,
        text: object,
        accepted: Iterable[str],
        suggestions: Iterable[str] = (),
        *,
        said: Labelled | None = None,
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
            f"{text!r} is not an implementation status; {near}accepted: {', '.join(self.accepted)}",
            said=said
            or (
                Message(
                    "msg_not_status_near",
                    text=Quoted(text),
                    suggestions=Listed(map(Quoted, self.suggestions), "or"),
                    labels=", ".join(self.accepted),
                )
                if self.suggestions
                else Message("msg_not_status", text=Quoted(text), labels=", ".join(self.accepted))
            ),
        )


class InvalidDateError(InvalidDataError):
    """Text that is not one unambiguous date (or date range).

    Attributes:
        text: The text given.
        reason: Why it was refused.

    Args:
        said_reason: Why, for a person, where *reason* speaks to programmers.
    """

    def __init__(
        self, text: object, reason: str | Message, *, said_reason: Message | None = None
    ) -> None:
        self.text = text
        self.reason = str(reason)
        for_people = said_reason or (reason if isinstance(reason, Message) else None)
        super().__init__(
            f"{text!r} is not a date: {reason}",
            said=None
            if for_people is None
            else Message("msg_not_date", text=Quoted(text), reason=for_people),
        )


class SmomtrackWarning(UserWarning):
    """Something a reader did not find where it usually is, with the line (an agenda's part).

    Issued with :mod:`warnings`, so it shows once and can be turned into an error
    (``warnings.simplefilter("error", SmomtrackWarning)``) or silenced.

    Attributes:
        line: The line of the source it is about (1 is the first).
        message: What was not found.
    """

    def __init__(self, line: int, message: str | Message) -> None:
        self.line = line
        self.message = str(message)
        self.said = (
            Message("msg_at_line", line=line, message=message)
            if isinstance(message, Message)
            else None
        )
        super().__init__(f"line {line}: {message}")

    def describe(self, lang: str = "en") -> str:
        """The warning for a person, in *lang* (as :meth:`SmomtrackError.describe`)."""
        return str(self) if self.said is None else self.said.text(lang)


class MissingExtraError(SmomtrackError, ImportError):
    """A feature that needs an optional extra that is not installed.

    Attributes:
        feature: What was asked for ("reading .xlsx workbooks").
        extra: The extra that brings what it needs (``"spreadsheets"``).
    """

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        self.said = Message("msg_missing_extra", extra=extra)
        super().__init__(
            f"{feature} needs the optional '{extra}' extra: pip install 'smomtrack[{extra}]'"
        )


class StorageError(SmomtrackError, OSError):
    """A file or a store that cannot be read or written: missing, a folder, read-only, full.

    Attributes:
        path: The file.
        reason: What the system said.
    """

    def __init__(self, path: object, reason: str | Message) -> None:
        self.path = str(path)
        self.reason = str(reason)
        if isinstance(reason, Message):
            self.said = Message("msg_in_file", file=self.path, message=reason)
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

    def __init__(
        self,
        name: str,
        line: int,
        read: int,
        reasons: dict[str, int],
        said_reasons: Iterable[tuple[Message, int]] = (),
    ) -> None:
        self.name = name
        self.line = line
        self.read = read
        self.reasons = reasons
        refused = sum(reasons.values())
        counts = "; ".join(f"{count:,} × {reason}" for reason, count in reasons.items())
        self.said = Message(
            "msg_too_many_bad_rows",
            refused,
            file=name,
            line=line,
            read=read,
            reasons=_Counts(tuple(said_reasons)),
        )
        super().__init__(
            f"{name}: stopped after row {line:,}: {refused:,} rows refused of {read:,}"
            f" read ({counts})"
        )


class _Counts:
    """How many rows were refused for each reason, in the language asked."""

    __slots__ = ("counts",)

    def __init__(self, counts: tuple[tuple[Message, int], ...]) -> None:
        self.counts = counts

    def label(self, lang: str) -> str:
        return word("list_semicolon", lang).join(
            Message("msg_times", count, reason=reason).text(lang) for reason, count in self.counts
        )


class ConflictError(SmomtrackError, ValueError):
    """Two records that claim the same place with different content.

    Attributes:
        key: What both records claim (a key, or a description of the slot).
    """

    def __init__(self, key: str, detail: str, *, said: Labelled | None = None) -> None:
        self.key = key
        self.detail = detail
        self.said = said
        super().__init__(f"{key}: {detail}")


class UnknownKeyError(SmomtrackError, LookupError):
    """A key that names nothing known.

    Attributes:
        key: The key given.
        suggestions: The nearest known keys, best first (may be empty).
        reason: Why a known key is refused here, if that is the problem
            (a State outside a tracker's population).

    Args:
        said_reason: The reason, for a person (:meth:`describe`), in any language.
        said_suggestions: The suggestions, for a person (names in any language), when
            they are not the texts of :attr:`suggestions`; at most three are shown.
    """

    kind = "key"

    def __init__(
        self,
        key: object,
        suggestions: Iterable[str] = (),
        *,
        reason: str | None = None,
        said_reason: Message | None = None,
        said_suggestions: Iterable[Labelled] | None = None,
    ) -> None:
        self.key = key
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        self.reason = reason
        shown = (
            tuple(map(Quoted, self.suggestions))
            if said_suggestions is None
            else tuple(said_suggestions)
        )
        near = Message("msg_did_you_mean", suggestions=Listed(shown[:3], "or")) if shown else ""
        if said_reason is not None:
            self.said = Message("msg_refused", message=said_reason, near=near)
        elif reason is None:
            kind = self.kind.replace(" ", "_").lower()
            self.said = Message(f"msg_unknown_{kind}", key=Quoted(key), near=near)
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
