"""Synthetic trackers: clearly labelled made-up data for demonstrations and benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

import attrs

from smomtrack._catalogue.builtin import builtin_catalogue
from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._records.meetings import Meeting
from smomtrack._records.recommendations import Citation, Recommendation, Theme
from smomtrack._records.responses import Response
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.dates import parse_date
from smomtrack._vocabulary.languages import Text
from smomtrack._vocabulary.states import un_members
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Addressee, Modality, Reporter
from smomtrack.exceptions import InvalidDataError

__all__ = ["SYNTHETIC_SOURCE", "is_synthetic", "synthetic", "synthetic_catalogue"]

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


def synthetic_catalogue(recommendations: int, *, per_meeting: int = 18) -> Catalogue:
    """A made-up catalogue of *recommendations*, for benchmarks at scale.

    Meetings ``SYN1``, ``SYN2``… of *per_meeting* recommendations each, in two themes
    (``A`` and ``B``). Every text is editorial and says it is synthetic.

    >>> catalogue = synthetic_catalogue(40)
    >>> [m.key for m in catalogue.meetings()], len(catalogue)
    (['SYN1', 'SYN2', 'SYN3'], 40)

    Raises:
        InvalidDataError: Fewer than one recommendation or per meeting.
    """
    if recommendations < 1 or per_meeting < 1:
        raise InvalidDataError("recommendations and per_meeting must be at least 1")
    meetings: list[Meeting] = []
    themes: list[Theme] = []
    recs: list[Recommendation] = []
    for index in range(recommendations):
        ordinal, number = divmod(index, per_meeting)
        ordinal, number = ordinal + 1, number + 1
        key = f"SYN{ordinal}"
        letter = "A" if number <= per_meeting // 2 or per_meeting == 1 else "B"
        if number == 1:
            meetings.append(Meeting(key=key, ordinal=ordinal))
        theme_key = f"{key}-{letter}"
        if not themes or themes[-1].key != theme_key:
            themes.append(
                Theme(
                    key=theme_key,
                    meeting=key,
                    letter=letter,
                    section=f"II.{letter}",
                    titles=[Text("en", f"Synthetic theme {theme_key}", official=False)],
                )
            )
        recs.append(
            Recommendation(
                key=f"{key}-{number}",
                meeting=key,
                theme=theme_key,
                number=number,
                texts=[Text("en", f"Synthetic recommendation {key}-{number}.", official=False)],
                modality=Modality.SHOULD,
                addressee=Addressee.STATES_PARTIES,
                topics=[_TOPICS[index % len(_TOPICS)]],
                source=Citation(meeting=key, section=f"II.{letter}"),
            )
        )
    return Catalogue(meetings=meetings, themes=themes, recommendations=recs)


_TOPICS = ("capacity-building", "data-collection", "international-cooperation", "partnerships")


def is_synthetic(response: Response) -> bool:
    """Whether *response* was made up by :func:`synthetic`."""
    return response.source.startswith(SYNTHETIC_SOURCE)


def synthetic(  # noqa: PLR0913 (the knobs of made-up data)
    *,
    states: int | Iterable[str] = 150,
    catalogue: Catalogue | None = None,
    rounds: Iterable[dt.date | str] = DEFAULT_ROUNDS,
    seed: int = 0,
    response_rate: float = 0.8,
    participation: float = 0.55,
) -> Tracker:
    """A tracker filled with made-up responses, the same for the same arguments.

    Like real reporting rounds: a share of the States (*participation*) take part in the
    reporting, and answer each recommendation in each round with probability
    *response_rate*; from round to round a status mostly
    moves up the scale, sometimes stays, rarely goes back; a few answers are "not
    applicable"; some carry a due date. For some States that never report, the Secretariat
    assesses a few pairs from public sources; civil society assesses a few pairs, often less
    favourably than the State. Every response's ``source`` starts with ``"synthetic"`` and
    its notes say it is synthetic, so reports can say so.

    Args:
        states: How many States (taken in a fixed pseudo-random order from the 193 Member
            States of the United Nations), or the States themselves.
        catalogue: The catalogue (the built-in one by default).
        rounds: The reporting dates, in any form :func:`~smomtrack.parse_date` reads.
        seed: The random seed.
        response_rate: The chance that a State taking part answers a recommendation in a
            round.
        participation: The share of States that take part in the reporting at all.

    >>> tracker = synthetic(states=5, seed=1)
    >>> tracker.states
    ('BGR', 'CHE', 'CMR', 'GMB', 'ROU')
    >>> len(tracker) > 0 and all(is_synthetic(r) for r in tracker)
    True

    Raises:
        InvalidDataError: A bad number of States, rate or round.
    """
    for name, rate in (("response_rate", response_rate), ("participation", participation)):
        if not 0 <= rate <= 1:
            raise InvalidDataError(f"{name}: {rate!r} is not between 0 and 1")
    chosen = catalogue or builtin_catalogue()
    generator = random.Random(seed)  # noqa: S311 (not cryptography: reproducible made-up data)
    population = _population(states, generator)
    days = sorted(parse_date(r) for r in rounds)
    tracker = Tracker(chosen, population)
    keys = [r.key for r in chosen]
    reporting = {state: generator.random() < participation for state in tracker.states}
    levels: dict[tuple[str, str], int] = {}
    notes = f"Synthetic data (smomtrack.synthetic, seed {seed}); not a real response."
    for number, day in enumerate(days, start=1):
        source = f"{SYNTHETIC_SOURCE} round {number}"
        made = _Made(generator, levels, day=day, source=source, notes=notes)
        records: list[Response] = []
        for state in tracker.states:
            for key in keys:
                if reporting[state] and generator.random() < response_rate:
                    records.append(made.response(state, key, Reporter.STATE))
                elif not reporting[state] and generator.random() < _DESK_REVIEW:
                    records.append(made.response(state, key, Reporter.SECRETARIAT))
                elif reporting[state] and generator.random() < _CIVIL_SOCIETY:
                    records.append(made.response(state, key, Reporter.CIVIL_SOCIETY))
        tracker.add_many(records)
    return tracker


_DESK_REVIEW = 0.08
"""The chance, per round, that the Secretariat assesses a pair of a State that never reports."""
_CIVIL_SOCIETY = 0.03
"""The chance, per round, that civil society assesses a pair of a State that reports."""


@attrs.frozen
class _Made:
    """What the responses of one round share."""

    generator: random.Random
    levels: dict[tuple[str, str], int]
    day: dt.date
    source: str
    notes: str

    def response(self, state: str, key: str, reporter: Reporter) -> Response:
        """A made-up response of *reporter* on a pair: the State's level moves on from the last.

        Civil society sees less progress than the State; the Secretariat sees the level as is.
        """
        generator = self.generator
        previous = self.levels.get((state, key))
        if previous is None:
            level = generator.choices(range(5), weights=(30, 25, 25, 12, 8))[0]
        else:
            step = generator.choices((-1, 0, 1, 2), weights=(5, 35, 45, 15))[0]
            level = min(4, max(0, previous + step))
        if reporter is Reporter.CIVIL_SOCIETY:
            shown = max(0, level - generator.choice((0, 1, 2)))
        else:
            self.levels[(state, key)] = level
            shown = level
        status = Status.NOT_APPLICABLE if generator.random() < 0.03 else _SCALE[shown]
        due = None
        planned = reporter is Reporter.STATE and status is not Status.IMPLEMENTED
        if planned and generator.random() < 0.3:
            due = self.day + dt.timedelta(days=generator.choice((180, 365, 730)))
        return Response(
            state=state,
            recommendation=key,
            status=status,
            as_of=self.day,
            due=due,
            reporter=reporter,
            source=self.source,
            notes=self.notes,
            recorded_at=_RECORDED_AT,
        )


def _population(states: int | Iterable[str], generator: random.Random) -> list[str]:
    if isinstance(states, int):
        codes = sorted(un_members())
        if not 0 < states <= len(codes):
            raise InvalidDataError(f"states: {states} is not between 1 and {len(codes)}")
        return generator.sample(codes, states)
    return list(states)
