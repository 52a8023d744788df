"""Where a tracker keeps its records beyond memory: the interface a store implements.

The tracker (this layer) decides what is recorded; a store (the interchange layer's SQLite
store) makes it durable. A store writes inside an exclusive transaction and, when the
transaction begins, hands over the records other processes committed since it last
looked, so that the tracker decides on the whole log. Records cross this interface as
:class:`~smomtrack._tracking.columns.Columns` coded like the tracker's own log: States in
population order, recommendations in catalogue order.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

from smomtrack._tracking.columns import Columns

__all__ = ["ResponseStore"]


class ResponseStore(Protocol):
    """Durable, append-only storage of a tracker's responses."""

    def transaction(self) -> AbstractContextManager[Columns]:
        """Begin an exclusive write transaction; yield the records others committed meanwhile.

        The transaction commits when the block ends and rolls back if it raises.
        """
        ...

    def insert(self, batch: Columns) -> None:
        """Append the records of *batch*, inside the current transaction."""
        ...

    def unseen(self) -> Columns:
        """The records others committed since this store last looked (read only)."""
        ...

    def close(self) -> None:
        """Release the store (its connection, its file)."""
        ...
