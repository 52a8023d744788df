"""The tracker: an append-only log of responses, with indexes for as-of queries."""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Self

import attrs

from smomtrack.catalogue.catalogue import Catalogue
from smomtrack.exceptions import (
    ConflictError,
    InvalidDataError,
    SmomtrackError,
    UnknownStateError,
)
from smomtrack.records.responses import Response
from smomtrack.tracking.imports import ImportResult, RowError, csv_reader
from smomtrack.tracking.stores import Batch, PairIndex, ResponseStore
from smomtrack.vocabulary.dates import as_of_date, is_future, parse_date
from smomtrack.vocabulary.states import resolve_state
from smomtrack.vocabulary.statuses import Status
from smomtrack.vocabulary.vocabularies import Reporter

__all__ = ["HistoryEntry", "Tracker"]

Pair = tuple[str, str]


@attrs.frozen
class HistoryEntry:
    """One record in the history of a State's responses on a recommendation.

    Attributes:
        response: The record.
        superseded: Whether a later correction replaced it.
    """

    response: Response
    superseded: bool


class _Timeline:
    """Where the current (not superseded) responses of one pair are in the log.

    One per as-of date, in date order. Dates are kept as ordinals and positions as
    machine integers, so that a million responses stay small in memory.
    """

    __slots__ = ("days", "positions")

    def __init__(self) -> None:
        self.days = array("l")
        self.positions = array("q")

    def at(self, day: int) -> int | None:
        index = bisect.bisect_left(self.days, day)
        if index < len(self.days) and self.days[index] == day:
            return self.positions[index]
        return None

    def put(self, day: int, position: int) -> int | None:
        """Make *position* the current response for *day*; return the one it replaces."""
        index = bisect.bisect_left(self.days, day)
        if index < len(self.days) and self.days[index] == day:
            replaced = self.positions[index]
            self.positions[index] = position
            return replaced
        self.days.insert(index, day)
        self.positions.insert(index, position)
        return None

    def latest(self, day: int) -> int | None:
        index = bisect.bisect_right(self.days, day)
        return self.positions[index - 1] if index else None

    def before(self, day: int) -> array[int]:
        """The positions of the current responses on or before *day*, in date order."""
        return self.positions[: bisect.bisect_right(self.days, day)]


def _index(responses: Sequence[Response]) -> PairIndex:
    """The day ordinals and positions of *responses*, per pair, in order."""
    index: PairIndex = {}
    find = index.get
    for position, response in enumerate(responses):
        pair = (response.state, response.recommendation)
        entry = find(pair)
        if entry is None:
            index[pair] = ([response.as_of.toordinal()], [position])
        else:
            entry[0].append(response.as_of.toordinal())
            entry[1].append(position)
    return index


class Tracker:
    """What each State in a population reported about each recommendation of a catalogue, over time.

    The tracker is an append-only log: nothing recorded is lost or overwritten. A
    correction supersedes an earlier record but keeps it in the history.

    Args:
        catalogue: The recommendations that can be responded to.
        states: The population expected to respond (codes or names, in any language
            :func:`~smomtrack.resolve_state` reads).

    >>> from smomtrack import Tracker, builtin_catalogue
    >>> tracker = Tracker(builtin_catalogue(), states=["Mexique", "DEU"])
    >>> _ = tracker.record("MEX", "SOM7-5", "en cours", as_of="14 octobre 2021")
    >>> tracker.status("MEX", "SOM7 R5", as_of="2022-01-01")
    <Status.IN_PROGRESS: 'in_progress'>
    >>> tracker.status("DEU", "SOM7-5")
    <Status.NO_INFORMATION: 'no_information'>

    Raises:
        UnknownStateError: A State in *states* is not one.
    """

    def __init__(self, catalogue: Catalogue, states: Iterable[str]) -> None:
        if isinstance(states, str):
            raise InvalidDataError("states: expected a collection of States, got one string")
        self._catalogue = catalogue
        self._states: tuple[str, ...] = tuple(sorted({resolve_state(s) for s in states}))
        self._population = frozenset(self._states)
        self._log: list[Response] = []
        self._timelines: dict[Pair, _Timeline] = {}
        self._superseded: set[int] = set()  # positions in the log
        self._store: ResponseStore | None = None

    # -- what the tracker is about ----------------------------------------------

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue of recommendations."""
        return self._catalogue

    @property
    def states(self) -> tuple[str, ...]:
        """The population: the sorted alpha-3 codes of the States expected to respond."""
        return self._states

    # -- recording --------------------------------------------------------------

    def record(  # noqa: PLR0913 (the fields of a response)
        self,
        state: str,
        recommendation: str,
        status: Status | str,
        *,
        as_of: dt.date | str,
        measures: str = "",
        evidence: Iterable[str] | str = (),
        responsible: str = "",
        due: dt.date | str | None = None,
        reporter: Reporter | str = Reporter.STATE,
        source: str = "",
        notes: str = "",
    ) -> Response:
        """Record what *state* reported (or what was assessed) about *recommendation*.

        Every argument takes what people type: a State's code or name, any key form,
        any status label :meth:`Status.parse` reads, dates as :func:`~smomtrack.parse_date`
        reads them; *evidence* is a list of document symbols or URLs (one string is one
        item). Recording the identical response again is a no-op.

        Returns:
            The response as recorded (the earlier identical one, for a no-op).

        Raises:
            UnknownStateError: *state* is not in the population.
            UnknownRecommendationError: *recommendation* is not in the catalogue.
            InvalidStatusError: *status* is not a status.
            InvalidDateError: *as_of* or *due* is not a date.
            InvalidDataError: ``NO_INFORMATION`` (never recorded), or *as_of* after today.
            ConflictError: A different response exists for the same State, recommendation
                and date; use :meth:`correct` to replace it.
        """
        response = self._build(
            state=state,
            recommendation=recommendation,
            status=status,
            as_of=as_of,
            measures=measures,
            evidence=evidence,
            responsible=responsible,
            due=due,
            reporter=reporter,
            source=source,
            notes=notes,
            correction=False,
        )
        return self._commit_one(response)

    def correct(  # noqa: PLR0913 (the fields of a response)
        self,
        state: str,
        recommendation: str,
        status: Status | str,
        *,
        as_of: dt.date | str,
        measures: str = "",
        evidence: Iterable[str] | str = (),
        responsible: str = "",
        due: dt.date | str | None = None,
        reporter: Reporter | str = Reporter.STATE,
        source: str = "",
        notes: str = "",
    ) -> Response:
        """Replace the response of *state* on *recommendation* as of that date.

        Takes the same arguments as :meth:`record`. The earlier response stays in
        :meth:`history`, marked superseded. Correcting with identical content is a no-op.

        Raises:
            InvalidDataError: There is nothing recorded for that State, recommendation and
                date (use :meth:`record`), or any error :meth:`record` raises.
        """
        response = self._build(
            state=state,
            recommendation=recommendation,
            status=status,
            as_of=as_of,
            measures=measures,
            evidence=evidence,
            responsible=responsible,
            due=due,
            reporter=reporter,
            source=source,
            notes=notes,
            correction=True,
        )
        return self._commit_one(response)

    def _build(  # noqa: PLR0913
        self,
        *,
        state: str,
        recommendation: str,
        status: Status | str,
        as_of: dt.date | str,
        measures: str,
        evidence: Iterable[str] | str,
        responsible: str,
        due: dt.date | str | None,
        reporter: Reporter | str,
        source: str,
        notes: str,
        correction: bool,
    ) -> Response:
        parsed_status = Status.parse(status)
        if parsed_status is Status.NO_INFORMATION:
            raise InvalidDataError(
                "status: no_information is never recorded; it is what a State has"
                " when nothing was reported"
            )
        day = parse_date(as_of)
        if is_future(day):
            raise InvalidDataError(f"as_of: {day} is in the future")
        return Response(
            state=self._member(state),
            recommendation=self._catalogue.recommendation(recommendation).key,
            status=parsed_status,
            as_of=day,
            measures=measures,
            evidence=(evidence,) if isinstance(evidence, str) else tuple(evidence),
            responsible=responsible,
            due=None if due is None else parse_date(due),
            reporter=Reporter.parse(reporter),
            source=source,
            notes=notes,
            correction=correction,
        )

    def add(self, response: Response) -> Response:
        """Add a response record as it is (e.g. read from a file), keeping its recording time.

        A record with ``correction=True`` supersedes the current record of its State,
        recommendation and date; otherwise the identical record again is a no-op.

        Raises:
            UnknownStateError: Its State is not in the population.
            UnknownRecommendationError: Its recommendation is not in the catalogue.
            ConflictError: It is not a correction and a different response exists for its
                State, recommendation and date.
        """
        return self._commit_one(response)

    def import_csv(self, source: str | Path | IO[str] | IO[bytes]) -> ImportResult:
        """Read a spreadsheet of responses and record its valid rows, all in one transaction.

        Rows already recorded identically are left alone, so importing the same file twice
        records nothing the second time. Rows that are not valid, name a State outside the
        population, or conflict with what is recorded are returned as errors with their
        line numbers; every other row is recorded.

        Returns:
            The rows newly recorded (``responses``), those already recorded (``unchanged``)
            and the errors.

        Raises:
            InvalidDataError: The file is not a table of responses at all.
        """
        return self.import_responses(csv_reader()(source, catalogue=self._catalogue))

    def import_responses(self, read: ImportResult) -> ImportResult:
        """Record the responses of *read* (as :meth:`import_csv` does with a file's rows)."""
        lines = read.lines or tuple(range(1, len(read.responses) + 1))
        errors = list(read.errors)
        fresh: list[Response] = []
        unchanged: list[Response] = []
        with self._writing():
            batch: dict[tuple[Pair, int], Response] = {}
            for line, response in zip(lines, read.responses, strict=True):
                try:
                    existing = self._decide(response, batch)
                except (SmomtrackError, LookupError) as exc:
                    errors.append(RowError(line=line, column="", value="", message=str(exc)))
                    continue
                if existing is None:
                    fresh.append(response)
                    batch[(response.pair, response.as_of.toordinal())] = response
                else:
                    unchanged.append(existing)
            if self._store is not None and fresh:
                self._store.insert(fresh)
        for response in fresh:
            self._apply(response)
        return ImportResult(
            responses=fresh,
            lines=(),
            errors=sorted(errors, key=lambda e: e.line),
            unchanged=unchanged,
            skipped=read.skipped,
            ignored_columns=read.ignored_columns,
        )

    def refresh(self) -> int:
        """Take in the records other processes committed to this tracker's store.

        Returns:
            How many records were taken in (0 for a tracker without a store).
        """
        if self._store is None:
            return 0
        others = self._store.unseen()
        self._apply_many(others)
        return len(others)

    def close(self) -> None:
        """Release the tracker's store, if it has one; the tracker stays readable in memory.

        A tracker is also a context manager: ``with open_tracker(path) as tracker: ...``.
        """
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def attach(self, store: ResponseStore) -> None:
        """Keep this tracker's future records in *store* (the interchange layer calls this)."""
        self._store = store

    # -- the log ----------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A write transaction of the store, after taking in what others committed."""
        if self._store is None:
            yield
            return
        with self._store.transaction() as others:
            self._apply_many(others)
            yield

    def _commit_one(self, response: Response) -> Response:
        with self._writing():
            existing = self._decide(response, {})
            if existing is not None:
                return existing
            if self._store is not None:
                self._store.insert([response])
        self._apply(response)
        return response

    def _decide(
        self, response: Response, batch: dict[tuple[Pair, int], Response]
    ) -> Response | None:
        """``None`` if *response* is to be appended; the existing record if it changes nothing.

        Raises:
            UnknownStateError, UnknownRecommendationError: Not in the population or catalogue.
            ConflictError: A different record holds its place and it is not a correction.
            InvalidDataError: A correction of nothing.
        """
        if response.state not in self._population:
            self._member(response.state)  # raises, naming the State
        if response.recommendation not in self._catalogue:
            self._catalogue.recommendation(response.recommendation)  # raises, with suggestions
        existing = batch.get((response.pair, response.as_of.toordinal())) or self._current(response)
        if existing is not None and existing.same_content(response):
            return existing
        if response.correction:
            if existing is None:
                raise InvalidDataError(
                    f"nothing recorded for {response.state} on {response.recommendation}"
                    f" as of {response.as_of} to correct; use record()"
                )
            return None
        if existing is not None:
            raise ConflictError(
                f"{response.state} on {response.recommendation} as of {response.as_of}",
                f"already recorded as {existing.status.value}; use correct() to replace it",
            )
        return None

    def _apply(self, response: Response) -> None:
        """The one place where a response enters the log in memory."""
        position = len(self._log)
        self._log.append(response)
        timeline = self._timelines.get(response.pair)
        if timeline is None:
            timeline = self._timelines[response.pair] = _Timeline()
        replaced = timeline.put(response.as_of.toordinal(), position)
        if replaced is not None:
            self._superseded.add(replaced)

    def _apply_many(self, batch: Batch) -> None:
        """Apply a batch of records at once (loading a store): the same result as one by one."""
        responses = batch.responses
        if len(responses) < 1000:
            for response in responses:
                self._apply(response)
            return
        start = len(self._log)
        self._log.extend(responses)
        index = batch.index if batch.index is not None else _index(responses)
        for pair, (days, relative) in index.items():
            positions = [start + p for p in relative] if start else relative
            timeline = self._timelines.get(pair)
            if timeline is None and days == sorted(set(days)):
                timeline = self._timelines[pair] = _Timeline()  # the usual case: in date order
                timeline.days.extend(days)
                timeline.positions.extend(positions)
                continue
            if timeline is None:
                timeline = self._timelines[pair] = _Timeline()
            for day, position in zip(days, positions, strict=True):
                replaced = timeline.put(day, position)
                if replaced is not None:
                    self._superseded.add(replaced)

    def _current(self, response: Response) -> Response | None:
        """The current response for the same State, recommendation and date, if any."""
        timeline = self._timelines.get(response.pair)
        position = None if timeline is None else timeline.at(response.as_of.toordinal())
        return None if position is None else self._log[position]

    def _member(self, state: str) -> str:
        code = resolve_state(state)
        if code not in self._population:
            raise UnknownStateError(
                state,
                reason=("" if state == code else f"({code}) ")
                + f"is not in this tracker's population of {len(self._states)} States",
            )
        return code

    # -- querying ---------------------------------------------------------------

    def status(self, state: str, recommendation: str, as_of: dt.date | str | None = None) -> Status:
        """The status of *state* on *recommendation* as of a date (today by default).

        The status of the latest current response with an as-of date on or before the
        date; ``Status.NO_INFORMATION`` where there is none. O(log n) in the pair's history.

        Raises:
            UnknownStateError: *state* is not in the population.
            UnknownRecommendationError: *recommendation* is not in the catalogue.
        """
        response = self.response(state, recommendation, as_of)
        return Status.NO_INFORMATION if response is None else response.status

    def response(
        self, state: str, recommendation: str, as_of: dt.date | str | None = None
    ) -> Response | None:
        """The latest current response of *state* on *recommendation* as of a date, or ``None``."""
        pair = (self._member(state), self._catalogue.recommendation(recommendation).key)
        return self.latest(pair, as_of_date(as_of))

    def latest(self, pair: Pair, day: dt.date, reporter: Reporter | None = None) -> Response | None:
        """The latest current response of a canonical ``(state, key)`` pair on or before *day*.

        With *reporter*, the latest one that reporter made. The fast path used by
        summaries: no parsing or checking of its arguments.
        """
        timeline = self._timelines.get(pair)
        if timeline is None:
            return None
        if reporter is None:
            position = timeline.latest(day.toordinal())
            return None if position is None else self._log[position]
        for position in reversed(timeline.before(day.toordinal())):
            response = self._log[position]
            if response.reporter is reporter:
                return response
        return None

    def history(self, state: str, recommendation: str) -> tuple[HistoryEntry, ...]:
        """Every record of *state* on *recommendation*, by as-of date then recording order.

        Each entry says whether a later correction superseded it.
        """
        pair = (self._member(state), self._catalogue.recommendation(recommendation).key)
        entries = [
            HistoryEntry(response, position in self._superseded)
            for position, response in enumerate(self._log)
            if response.pair == pair
        ]
        return tuple(sorted(entries, key=lambda e: e.response.as_of))

    def responses(
        self,
        state: str | None = None,
        recommendation: str | None = None,
        theme: str | None = None,
        *,
        include_superseded: bool = False,
    ) -> tuple[Response, ...]:
        """The recorded responses, in recording order, narrowed by State, recommendation or theme.

        Superseded records are left out unless *include_superseded*.
        """
        code = None if state is None else self._member(state)
        key = None if recommendation is None else self._catalogue.recommendation(recommendation).key
        keys = None
        if theme is not None:
            keys = {r.key for r in self._catalogue.recommendations(theme=theme)}
        return tuple(
            response
            for position, response in enumerate(self._log)
            if (include_superseded or position not in self._superseded)
            and (code is None or response.state == code)
            and (key is None or response.recommendation == key)
            and (keys is None or response.recommendation in keys)
        )

    def is_superseded(self, response: Response) -> bool:
        """Whether *response* (a record of this tracker) was superseded by a correction."""
        return self._current(response) is not response

    # -- the container ----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._log)

    def __iter__(self) -> Iterator[Response]:
        return iter(self._log)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tracker):
            return NotImplemented
        return (
            self._states == other._states
            and self._catalogue == other._catalogue
            and self._log == other._log
        )

    # A tracker changes as responses are recorded: it is not hashable.
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<Tracker: {len(self._states)} States, {len(self._catalogue)} recommendations,"
            f" {len(self._log)} responses>"
        )
