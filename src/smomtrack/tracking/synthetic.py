"""Synthetic trackers: clearly labelled made-up data for demonstrations and benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

import pycountry

from smomtrack.catalogue.builtin import builtin_catalogue
from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import InvalidDataError
from smomtrack.records.responses import Response
from smomtrack.tracking.tracker import Tracker
from smomtrack.vocabulary.dates import parse_date
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import Reporter

__all__ = ["SYNTHETIC_SOURCE", "is_synthetic", "synthetic"]

SYNTHETIC_SOURCE = "synthetic"
"""The ``source`` of every synthetic response begins with this word."""

DEFAULT_ROUNDS: tuple[str, ...] = ("2021-06-30", "2022-06-30", "2023-06-30")
"""Three yearly reporting rounds, 2021–2023."""

_SCALE = (
    Status.NOT_STARTED,
    Status.PLANNED,
    Status.IN_PROGRESS,
    Status.PARTIALLY_IMPLEMENTED,
    Status.IMPLEMENTED,
)
_RECORDED_AT = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def is_synthetic(response: Response) -> bool:
    """Whether *response* was made up by :func:`synthetic`."""
    return response.source.startswith(SYNTHETIC_SOURCE)


def synthetic(
    *,
    states: int | Iterable[str] = 150,
    catalogue: Catalogue | None = None,
    rounds: Iterable[dt.date | str] = DEFAULT_ROUNDS,
    seed: int = 0,
    response_rate: float = 0.8,
) -> Tracker:
    """A tracker filled with made-up responses, the same for the same arguments.

    Each State answers each recommendation in each round with probability
    *response_rate*; from round to round its status mostly moves up the scale, sometimes
    stays, rarely goes back; a few answers are "not applicable" or come from the
    Secretariat; some carry a due date. Every response's ``source`` starts with
    ``"synthetic"`` and its notes say it is synthetic, so reports can say so.

    Args:
        states: How many States (taken in a fixed pseudo-random order from ISO 3166-1),
            or the States themselves.
        catalogue: The catalogue (the built-in one by default).
        rounds: The reporting dates, in any form :func:`~smomtrack.parse_date` reads.
        seed: The random seed.
        response_rate: The chance that a State answers a recommendation in a round.

    >>> tracker = synthetic(states=5, seed=1)
    >>> tracker.states
    ('BRN', 'MLI', 'SGS', 'SSD', 'TCD')
    >>> len(tracker) > 0 and all(is_synthetic(r) for r in tracker)
    True

    Raises:
        InvalidDataError: A bad number of States, rate or round.
    """
    if not 0 <= response_rate <= 1:
        raise InvalidDataError(f"response_rate: {response_rate!r} is not between 0 and 1")
    chosen = catalogue or builtin_catalogue()
    generator = random.Random(seed)  # noqa: S311 (not cryptography: reproducible made-up data)
    population = _population(states, generator)
    days = sorted(parse_date(r) for r in rounds)
    tracker = Tracker(chosen, population)
    keys = [r.key for r in chosen]
    levels: dict[tuple[str, str], int] = {}
    for number, day in enumerate(days, start=1):
        source = f"{SYNTHETIC_SOURCE} round {number}"
        for state in tracker.states:
            for key in keys:
                if generator.random() >= response_rate:
                    continue
                tracker.add(
                    _response(
                        generator, levels, state=state, key=key, day=day, source=source, seed=seed
                    )
                )
    return tracker


def _population(states: int | Iterable[str], generator: random.Random) -> list[str]:
    if isinstance(states, int):
        codes = sorted(country.alpha_3 for country in pycountry.countries)
        if not 0 < states <= len(codes):
            raise InvalidDataError(f"states: {states} is not between 1 and {len(codes)}")
        return generator.sample(codes, states)
    return list(states)


def _response(  # noqa: PLR0913
    generator: random.Random,
    levels: dict[tuple[str, str], int],
    *,
    state: str,
    key: str,
    day: dt.date,
    source: str,
    seed: int,
) -> Response:
    previous = levels.get((state, key))
    if previous is None:
        level = generator.choices(range(5), weights=(30, 25, 25, 12, 8))[0]
    else:
        level = min(
            4, max(0, previous + generator.choices((-1, 0, 1, 2), weights=(5, 35, 45, 15))[0])
        )
    levels[(state, key)] = level
    status = Status.NOT_APPLICABLE if generator.random() < 0.03 else _SCALE[level]
    due = None
    if status is not Status.IMPLEMENTED and generator.random() < 0.3:
        due = day + dt.timedelta(days=generator.choice((180, 365, 730)))
    return Response(
        state=state,
        recommendation=key,
        status=status,
        as_of=day,
        due=due,
        reporter=Reporter.SECRETARIAT if generator.random() < 0.1 else Reporter.STATE,
        source=source,
        notes=f"Synthetic data (smomtrack.synthetic, seed {seed}); not a real response.",
        recorded_at=_RECORDED_AT,
    )
