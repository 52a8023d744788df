"""Where a tracker keeps its records beyond memory: the interface a store implements.

The tracker (this layer) decides what is recorded; a store (the interchange layer's SQLite
store) makes it durable. A store writes inside an exclusive transaction and, when the
transaction begins, hands over the records other processes committed since it last
looked, so that the tracker decides on the whole log.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Protocol

import attrs

from smomtrack.records.responses import Response

__all__ = ["Batch", "PairIndex", "ResponseStore"]

PairIndex = dict[tuple[str, str], tuple[list[int], list[int]]]
"""For each (State, recommendation) pair: the day ordinals and the positions in the batch
of its records, in batch order."""


@attrs.frozen
class Batch:
    """Records read back from a store, in recording order.

    Attributes:
        responses: The records.
        index: The records' positions per pair, when the store built it while reading
            (so that a million records are indexed in one pass); ``None`` otherwise.
    """

    responses: Sequence[Response]
    index: PairIndex | None = None

    def __len__(self) -> int:
        return len(self.responses)


class ResponseStore(Protocol):
    """Durable, append-only storage of a tracker's responses."""

    def transaction(self) -> AbstractContextManager[Batch]:
        """Begin an exclusive write transaction; yield the records others committed meanwhile.

        The transaction commits when the block ends and rolls back if it raises.
        """
        ...

    def insert(self, responses: Sequence[Response]) -> None:
        """Append *responses*, inside the current transaction."""
        ...

    def unseen(self) -> Batch:
        """The records others committed since this store last looked (read only)."""
        ...

    def close(self) -> None:
        """Release the store (its connection, its file)."""
        ...
