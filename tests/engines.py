"""Reading a CSV file both ways (the standard library's reader, pyarrow's) and comparing.

The suite reads every CSV file it reads both ways (``conftest``), and the fuzz tests read
made-up files both ways: the two readers must give the same responses, errors (with their
rows), warnings, skipped rows and columns not read, or the same error for the whole file.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from smomtrack._tracking.imports import RowError
from smomtrack.exceptions import SmomtrackError
from smomtrack.results import ImportResult

Outcome = tuple[str, object]


def _row_error(error: RowError) -> tuple[object, ...]:
    said = error.describe("fr")
    return (
        error.line,
        error.column,
        error.value,
        error.message,
        error.sheet,
        said,
        type(error.error),
    )


def outcome(read: Callable[[], ImportResult]) -> Outcome:
    """What reading gives: the result, or the error (its type and messages)."""
    try:
        result = read()
    except SmomtrackError as exc:
        said = exc.said.label("fr") if exc.said is not None else None
        return "error", (type(exc).__name__, str(exc), said)
    responses = [
        {k: v for k, v in attrs.asdict(r, recurse=False).items() if k != "recorded_at"}
        for r in result.responses
    ]
    return "result", (
        responses,
        list(result.lines),
        [_row_error(e) for e in result.errors],
        [_row_error(w) for w in result.warnings],
        result.skipped,
        result.ignored_columns,
        result.sheet,
    )


def differences(python: Outcome, arrow: Outcome) -> str:
    """What differs between two outcomes, for an assertion's message ("" if nothing)."""
    if python == arrow:
        return ""
    if python[0] != arrow[0] or python[0] == "error":
        return f"python: {python!r}\npyarrow: {arrow!r}"
    names = ("responses", "lines", "errors", "warnings", "skipped", "ignored", "sheet")
    parts = []
    for name, left, right in zip(names, python[1], arrow[1], strict=True):  # type: ignore[call-overload]
        if left != right:
            parts.append(f"{name}: python {left!r}\n  pyarrow {right!r}")
    return "\n".join(parts)
