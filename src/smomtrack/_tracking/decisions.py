"""Whether records change the log: identical, new, corrections, or conflicts.

The one place where a tracker decides what its append-only log takes: a record identical
to what is held is a no-op, a new one is appended, a correction supersedes, and a
different record for the same State, recommendation and date is refused as a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence

from smomtrack._presentation.people import Day, RecommendationName, state_name
from smomtrack._tracking.columns import STATUSES, Columns, day_of
from smomtrack._tracking.imports import RowError
from smomtrack._tracking.index import SMALL, PairIndex, pair_keys
from smomtrack._words import Message
from smomtrack.exceptions import ConflictError, InvalidDataError, SmomtrackError

__all__ = ["decide", "describe", "refusal", "same"]


def decide(
    log: Columns, index: PairIndex, batch: Columns, lines: Sequence[int], errors: list[RowError]
) -> tuple[Sequence[int], list[int], list[int]]:
    """What *batch* changes: the rows to append, and the records already there.

    Returns the rows to append, the log positions of the records identical to rows of the
    batch, and for each row repeating an earlier row of the batch, that earlier row.

    *batch* is coded as *log*, and *index* is up to date with it. A row identical to
    what is recorded (or to an earlier row of the batch) changes nothing; a different
    one for the same State, recommendation and date is a conflict unless it is a
    correction, and a correction of nothing is refused: each refusal goes to *errors*
    with its line.
    """
    width = max(len(log.keys), 1)
    if not batch.correction.count(1):  # the usual case: new records, nothing to compare
        if len(batch) > SMALL:
            if index.merge_batch(batch, width, len(log)):
                return range(len(batch)), [], []
        else:
            keys = pair_keys(batch, width)
            if len(set(keys)) == len(keys) and all(index.current(k) is None for k in keys):
                return range(len(batch)), [], []
    keys = pair_keys(batch, width)
    fresh: list[int] = []
    unchanged: list[int] = []
    repeats: list[int] = []
    taken: dict[int, int] = {}  # key: row of this batch that holds it
    for row, key in enumerate(keys):
        earlier = taken.get(key)
        position = index.current(key) if earlier is None else None
        held, at = (batch, earlier) if earlier is not None else (log, position)
        if at is not None and same(held, at, batch, row):
            (unchanged if position is not None else repeats).append(at)
            continue
        problem = refusal(batch, row, held, at)
        if problem is not None:
            errors.append(RowError.of(lines[row], problem))
            continue
        taken[key] = row
        fresh.append(row)
    return fresh, unchanged, repeats


def refusal(batch: Columns, row: int, held: Columns, at: int | None) -> SmomtrackError | None:
    """Why row *row* of *batch* cannot be added where *held* has record *at* (or none)."""
    if batch.correction[row] and at is None:
        return InvalidDataError(
            f"nothing recorded for {describe(batch, row)} to correct; use record()",
            said=Message("msg_nothing_to_correct", **_pair(batch, row)),
        )
    if at is not None and not batch.correction[row]:
        status = STATUSES[held.status[at]]
        return ConflictError(
            describe(batch, row),
            f"already recorded as {status.value}; to replace it, make it a correction"
            " (correct(), a 'correction' column, or import --corrections)",
            said=Message(
                "msg_conflict",
                **_pair(batch, row),
                status=status,
                given=STATUSES[batch.status[row]],
            ),
        )
    return None


def _pair(batch: Columns, row: int) -> dict[str, object]:
    """The State, recommendation and date of row *row*, in people's words."""
    return {
        "state": state_name(batch.states[batch.state[row]]),
        "recommendation": RecommendationName(batch.keys[batch.key[row]]),
        "day": Day(day_of(batch.as_of[row])),
    }


def describe(batch: Columns, row: int) -> str:
    """The State, recommendation and date of row *row* of *batch*, for messages."""
    return (
        f"{batch.states[batch.state[row]]} on {batch.keys[batch.key[row]]}"
        f" as of {day_of(batch.as_of[row])}"
    )


def same(left: Columns, i: int, right: Columns, j: int) -> bool:
    """Whether two records say the same (all but ``correction`` and ``recorded_at``)."""
    return (
        left.status[i] == right.status[j]
        and left.due[i] == right.due[j]
        and left.reporter[i] == right.reporter[j]
        and left.details(i) == right.details(j)
    )
