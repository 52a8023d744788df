"""Counting statuses and the rates computed from the counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from smomtrack._records.fields import FrozenMap, frozen_map
from smomtrack._vocabulary.statuses import DEFAULT_WEIGHTS, Status
from smomtrack.exceptions import InvalidDataError

__all__ = ["Tally", "check_weights"]

_STATUSES = tuple(Status)


def check_weights(weights: Mapping[Status, float] | None) -> Mapping[Status, float]:
    """The weights to score with: the defaults, with *weights* replacing some of them.

    Raises:
        InvalidDataError: A weight for a status outside the scale, or outside 0–1.
    """
    if weights is None:
        return DEFAULT_WEIGHTS
    merged = dict(DEFAULT_WEIGHTS)
    for status, weight in weights.items():
        if status not in DEFAULT_WEIGHTS:
            raise InvalidDataError(f"weights: {status!r} is not on the scale and has no weight")
        if not 0 <= weight <= 1:
            raise InvalidDataError(f"weights: {weight!r} for {status.value} is not between 0 and 1")
        merged[status] = float(weight)
    return merged


def _weights(weights: Mapping[Status, float]) -> FrozenMap[Status, float]:
    return frozen_map(weights)


@attrs.frozen
class Tally:
    """How many pairs of a group have each status, and what follows from that.

    Attributes:
        counts: The number of pairs per status, in :class:`Status` order.
        weights: The weights used for the score.
    """

    counts: tuple[int, ...]
    weights: Mapping[Status, float] = attrs.field(
        default=DEFAULT_WEIGHTS, converter=_weights, repr=False
    )

    @classmethod
    def of(
        cls, statuses: Iterable[Status], weights: Mapping[Status, float] = DEFAULT_WEIGHTS
    ) -> Tally:
        """Count *statuses*."""
        counts = dict.fromkeys(_STATUSES, 0)
        for status in statuses:
            counts[status] += 1
        return cls(tuple(counts[s] for s in _STATUSES), weights)

    def count(self, status: Status) -> int:
        """How many pairs have *status*."""
        return self.counts[_STATUSES.index(status)]

    @property
    def expected(self) -> int:
        """Pairs in scope: every status counted, ``no_information`` included."""
        return sum(self.counts)

    @property
    def reported(self) -> int:
        """Pairs with a response (``not_applicable`` included)."""
        return self.expected - self.count(Status.NO_INFORMATION)

    @property
    def applicable(self) -> int:
        """Reported pairs on the scale (``not_applicable`` left out)."""
        return self.reported - self.count(Status.NOT_APPLICABLE)

    @property
    def response_rate(self) -> float | None:
        """``reported / expected``; ``None`` when nothing is expected."""
        return self.reported / self.expected if self.expected else None

    @property
    def implementation_rate(self) -> float | None:
        """Implemented among reported applicable pairs; ``None`` when there are none."""
        return self.count(Status.IMPLEMENTED) / self.applicable if self.applicable else None

    @property
    def score(self) -> float | None:
        """Mean weight over reported applicable pairs; ``None`` when there are none."""
        if not self.applicable:
            return None
        total = sum(self.count(s) * w for s, w in self.weights.items())
        return total / self.applicable

    def to_record(self) -> dict[str, Any]:
        """The figures as a flat dict: ``expected``, ``reported``, one key per status, rates."""
        record: dict[str, Any] = {"expected": self.expected, "reported": self.reported}
        record.update({s.value: n for s, n in zip(_STATUSES, self.counts, strict=True)})
        record["response_rate"] = self.response_rate
        record["implementation_rate"] = self.implementation_rate
        record["score"] = self.score
        return record
