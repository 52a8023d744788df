"""The tracker: an append-only log of responses, with an index for as-of queries."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from array import array
from collections.abc import Hashable, Iterable, Iterator, Sequence
from typing import NotRequired, Required, Self, TypedDict, Unpack

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._records.recommendations import Recommendation
from smomtrack._records.responses import Response
from smomtrack._tracking.columns import REPORTER_CODES, Columns
from smomtrack._tracking.decisions import decide
from smomtrack._tracking.imports import ImportResult, RowError
from smomtrack._tracking.index import DAYS, PairIndex
from smomtrack._tracking.intake import Intake, hashable, outside_population
from smomtrack._tracking.population import Population, PopulationLike
from smomtrack._tracking.stores import ResponseStore
from smomtrack._tracking.views import HistoryEntry, Snapshot, cutoff_of
from smomtrack._vocabulary.dates import as_of_date, today
from smomtrack._vocabulary.states import resolve_state
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Reporter, ReporterChoice, precedence
from smomtrack.exceptions import (
    InvalidDataError,
    SmomtrackError,
)

__all__ = ["FOLLOWED", "ResponseFields", "Tracker"]

FOLLOWED = 64
"""Up to this many new records, what is derived from the log takes them in (see
:attr:`Tracker.derived`); more, and it is made again when next asked for."""

_REMEMBERED = 4096
"""``record()`` starts a new intake once the last one remembers this many values."""


class ResponseFields(TypedDict, total=False):
    """The keyword fields of :meth:`Tracker.record` and :meth:`Tracker.correct`."""

    as_of: Required[dt.date | str]
    measures: NotRequired[str]
    evidence: NotRequired[Iterable[str] | str]
    responsible: NotRequired[str]
    due: NotRequired[dt.date | str | None]
    reporter: NotRequired[Reporter | str]
    source: NotRequired[str]
    notes: NotRequired[str]


class Tracker:
    """What each State in a population reported about each recommendation of a catalogue, over time.

    The tracker is an append-only log: nothing recorded is lost or overwritten. A
    correction supersedes an earlier record but keeps it in the history. Records are kept
    as columns of codes (see :doc:`/design`); :class:`Response` objects are made when asked for.

    Args:
        catalogue: The recommendations that can be responded to.
        states: The population expected to respond (codes or names, in any language
            :func:`~smomtrack.resolve_state` reads).
        store: Where the tracker keeps its records beyond memory (for store
            implementations: :func:`~smomtrack.open_tracker` gives a tracker with its store).

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

    def __init__(
        self,
        catalogue: Catalogue,
        states: PopulationLike | Population,
        *,
        store: ResponseStore | None = None,
    ) -> None:
        self._catalogue = catalogue
        self._population = Population.of(states)
        self._states: tuple[str, ...] = self._population.states
        self._state_codes = {state: code for code, state in enumerate(self._states)}
        expected_from = self._population.expected_from
        self._state_since = [
            expected_from[s].toordinal() if s in expected_from else 0 for s in self._states
        ]
        self._key_since = [_adopted(catalogue, recommendation) for recommendation in catalogue]
        keys = tuple(recommendation.key for recommendation in catalogue)
        self._key_codes = {key: code for code, key in enumerate(keys)}
        self._width = max(len(keys), 1)
        self._log = Columns(self._states, keys)
        self._index = PairIndex()
        self._store = store
        self._intake: Intake | None = None
        self._derived: dict[Hashable, object] = {}  # emptied whenever the log changes
        self._lasting: dict[Hashable, object] = {}  # never emptied: the log is not in it
        self._known: tuple[int, int, Tracker] | None = None  # the last known_at() view
        self._pair_days: array[int] | None = None

    # -- what the tracker is about ----------------------------------------------

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue of recommendations."""
        return self._catalogue

    @property
    def states(self) -> tuple[str, ...]:
        """The population: the sorted codes of the States expected to respond."""
        return self._states

    @property
    def population(self) -> Population:
        """The population with the date from which each State is expected to respond."""
        return self._population

    def expected(self, state: str, recommendation: str, as_of: dt.date | str | None = None) -> bool:
        """Whether *state* is expected to have responded on *recommendation* as of a date.

        A pair is expected once the State is expected (see :attr:`population`) and the
        meeting that adopted the recommendation has ended.

        Raises:
            UnknownStateError: *state* is not in the population.
            UnknownRecommendationError: *recommendation* is not in the catalogue.
        """
        return self.pair_since(self._pair(state, recommendation)) <= as_of_date(as_of).toordinal()

    def pair_days(self) -> Sequence[int]:
        """:meth:`pair_since` of every pair, by pair number (made once: it never changes)."""
        if self._pair_days is None:
            self._pair_days = array(
                "i",
                (
                    max(state, key)
                    for state in self._state_since
                    for key in (self._key_since or [0])
                ),
            )
        return self._pair_days

    def pair_since(self, pair: int) -> int:
        """The day number from which pair number *pair* is expected (0: always).

        Pairs are numbered ``state * len(catalogue) + key``, in the order of :attr:`states`
        and of the catalogue, as in :attr:`log`.
        """
        state, key = divmod(pair, self._width)
        return max(self._state_since[state], self._key_since[key])

    @property
    def derived(self) -> dict[Hashable, object]:
        """What other layers derive from the log and keep (the summaries' counts).

        When the log changes, a value with a ``follow(tracker, start)`` method that takes in
        the new records (at positions *start* and after) and returns ``True`` is kept; every
        other value is dropped.
        """
        return self._derived

    @property
    def lasting(self) -> dict[Hashable, object]:
        """What other layers derive from the catalogue and the population only (groupings).

        Kept as long as the tracker: neither changes.
        """
        return self._lasting

    def current_positions(self, order: tuple[int, ...]) -> Iterator[int]:
        """The log positions of the current records of the reporter codes *order*.

        Superseded records are left out; the positions come in recording order.
        """
        self._index.update(self._log, self._width)
        log = self._log
        positions: Iterator[int] = iter(range(len(log)))
        if self._index.superseded:
            positions = itertools.filterfalse(self._index.superseded.__contains__, positions)
        if len(order) < len(REPORTER_CODES):
            counted = set(order)
            reporter = log.reporter
            positions = (p for p in positions if reporter[p] in counted)
        return positions

    def sorted_records(self) -> tuple[Sequence[int], Sequence[int]]:
        """Every record's index key and log position, sorted by pair, date and recording.

        The key is ``pair * DAYS + as_of``; among records with the same key, the last one
        is current and the others superseded. For code that works on every pair at once
        (the summaries' timelines); read only.
        """
        self._index.update(self._log, self._width)
        return self._index.keys, self._index.order

    @property
    def log(self) -> Columns:
        """Every record, superseded ones included, as columns in recording order (read only).

        For writers and stores that work on a million records at once; everyone else
        iterates over the tracker.
        """
        return self._log

    # -- recording --------------------------------------------------------------

    def record(
        self,
        state: str,
        recommendation: str,
        status: Status | str,
        **fields: Unpack[ResponseFields],
    ) -> Response:
        """Record what *state* reported (or what was assessed) about *recommendation*.

        Every argument takes what people type: a State's code or name, any key form,
        any status label :meth:`Status.parse` reads, dates as :func:`~smomtrack.parse_date`
        reads them. The keyword fields are ``as_of`` (required), ``measures``,
        ``evidence`` (a list of document symbols or URLs; one string is one item),
        ``responsible``, ``due``, ``reporter`` (the State by default), ``source`` and
        ``notes``. Recording the identical response again is a no-op.

        Returns:
            The response as recorded (the earlier identical one, for a no-op).

        Raises:
            UnknownStateError: *state* is not in the population.
            UnknownRecommendationError: *recommendation* is not in the catalogue.
            InvalidStatusError: *status* is not a status.
            InvalidDateError: *as_of* or *due* is not a date.
            InvalidDataError: ``NO_INFORMATION`` (never recorded), *as_of* after today, or
                a field that is not one.
            ConflictError: A different response exists for the same State, recommendation
                and date; use :meth:`correct` to replace it.
        """
        return self._write(state, recommendation, status, fields, correction=False)

    def correct(
        self,
        state: str,
        recommendation: str,
        status: Status | str,
        **fields: Unpack[ResponseFields],
    ) -> Response:
        """Replace the response of *state* on *recommendation* as of that date.

        Takes the same arguments as :meth:`record`. The earlier response stays in
        :meth:`history`, marked superseded. Correcting with identical content is a no-op.

        Raises:
            InvalidDataError: There is nothing recorded for that State, recommendation and
                date (use :meth:`record`), or any error :meth:`record` raises.
        """
        return self._write(state, recommendation, status, fields, correction=True)

    def _write(
        self,
        state: str,
        recommendation: str,
        status: Status | str,
        fields: ResponseFields,
        *,
        correction: bool,
    ) -> Response:
        values: dict[str, object] = dict(fields)
        unknown = set(values) - set(ResponseFields.__annotations__)
        if unknown:
            raise InvalidDataError(f"{', '.join(sorted(unknown))}: not a field of a response")
        if "as_of" not in values:
            raise InvalidDataError("as_of is empty")
        evidence = values.get("evidence")
        if isinstance(evidence, str):
            values["evidence"] = (evidence,)  # one string is one item
        elif isinstance(evidence, list | tuple | set | frozenset):
            values["evidence"] = hashable(list(evidence))
        # anything else goes to the intake as it is, which says what it expected
        batch = self._intake_for_one().one(
            state=state,
            recommendation=recommendation,
            status=status,
            correction=correction,
            recorded_at=dt.datetime.now(dt.UTC),
            **values,
        )
        result = self._commit(batch, (1,))
        if result.errors:
            raise result.errors[0].error  # type: ignore[misc]
        if result.unchanged:
            return result.unchanged[0]
        return self._log.response(len(self._log) - 1)

    def _intake_for_one(self) -> Intake:
        """The intake of single records: kept while the day lasts, for a few thousand values."""
        intake = self._intake
        if intake is None or intake.day != today() or intake.remembered() > _REMEMBERED:
            intake = self._intake = self.intake()
        return intake

    def intake(self, **options: object) -> Intake:
        """A new :class:`~smomtrack._tracking.intake.Intake` for this tracker's records."""
        return Intake(self._catalogue, self._states, into=self._log, **options)  # type: ignore[arg-type]

    def add(self, response: Response) -> Response:
        """Add one response record as it is (e.g. made elsewhere), keeping its recording time.

        A record with ``correction=True`` supersedes the current record of its State,
        recommendation and date; otherwise the identical record again is a no-op.

        Returns:
            The record (the earlier identical one, for a no-op).

        Raises:
            UnknownStateError: Its State is not in the population.
            UnknownRecommendationError: Its recommendation is not in the catalogue.
            ConflictError: It is not a correction and a different response exists for its
                State, recommendation and date.
        """
        result = self.add_many([response])
        if result.errors:
            raise result.errors[0].error  # type: ignore[misc]
        return result.unchanged[0] if result.unchanged else response

    def add_many(self, responses: Iterable[Response] | ImportResult) -> ImportResult:
        """Add records read elsewhere (a file's rows, another tracker's records) in one go.

        Records already here identically are left alone, so adding the same rows twice
        records nothing the second time. Records that name a State outside the population
        or a recommendation outside the catalogue, or conflict with what is recorded, are
        returned as errors (with their line in the file, for an :class:`ImportResult`);
        every other record is added, in one transaction of the tracker's store.

        Returns:
            The records newly added (``responses``), those already here (``unchanged``)
            and the errors (a read result's own errors first).
        """
        if isinstance(responses, ImportResult):
            read = responses
        else:
            read = ImportResult.of(list(responses))
        batch, lines, refused = self._recode(read)
        result = self._commit(batch, lines, refused)
        refused = [attrs.evolve(e, sheet=read.sheet) for e in result.errors] if read.sheet else []
        return ImportResult(
            batch=result.batch,
            lines=result.lines,
            errors=sorted([*read.errors, *(refused or result.errors)], key=lambda e: e.line),
            unchanged=result.unchanged,
            skipped=read.skipped,
            ignored_columns=read.ignored_columns,
            warnings=read.warnings,
            sheet=read.sheet,
        )

    def _recode(self, read: ImportResult) -> tuple[Columns, Sequence[int], list[RowError]]:
        """*read*'s rows coded as this tracker's log, their lines, and the rows refused.

        Rows naming a State outside the population or a recommendation outside the
        catalogue are refused (each distinct one is looked up once).
        """
        batch = read.batch
        lines: Sequence[int] = read.lines or range(1, len(batch) + 1)
        state_map = [self._state_codes.get(state, -1) for state in batch.states]
        key_map = [self._key_codes.get(key, -1) for key in batch.keys]
        errors: list[RowError] = []
        if -1 in state_map or -1 in key_map:
            problems: dict[tuple[int, int], SmomtrackError | None] = {}
            keep: list[int] = []
            for row, pair in enumerate(zip(batch.state, batch.key, strict=True)):
                if pair not in problems:
                    problems[pair] = self._unknown(batch, *pair, state_map, key_map)
                problem = problems[pair]
                if problem is None:
                    keep.append(row)
                else:
                    errors.append(RowError.of(lines[row], problem))
            batch = batch.take(keep)
            lines = [lines[row] for row in keep]
        recoded = batch.recoded(self._log.states, self._log.keys, state_map, key_map)
        return recoded, lines, errors

    def _unknown(
        self, batch: Columns, state: int, key: int, state_map: list[int], key_map: list[int]
    ) -> SmomtrackError | None:
        try:
            if state_map[state] < 0:
                self._member(batch.states[state])
            if key_map[key] < 0:
                self._catalogue.recommendation(batch.keys[key])
        except SmomtrackError as exc:
            return exc
        return None

    def refresh(self) -> int:
        """Take in the records other processes committed to this tracker's store.

        Returns:
            How many records were taken in (0 for a tracker without a store).
        """
        if self._store is None:
            return 0
        others = self._store.unseen()
        self._apply(others)
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

    # -- the log ----------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A write transaction of the store, after taking in what others committed."""
        if self._store is None:
            yield
            return
        with self._store.transaction() as others:
            self._apply(others)
            yield

    def _commit(
        self, batch: Columns, lines: Sequence[int], refused: Sequence[RowError] = ()
    ) -> ImportResult:
        """Append the rows of *batch* (coded as this tracker's log) that change something."""
        errors = list(refused)
        try:
            with self._writing():
                self._index.update(self._log, self._width)
                fresh, unchanged, repeats = decide(self._log, self._index, batch, lines, errors)
                added = batch if len(fresh) == len(batch) else batch.take(fresh)
                if self._store is not None and len(added):
                    self._store.insert(added)
        except BaseException:
            self._index = PairIndex()  # it may hold records that were not added: rebuild it
            raise
        self._apply(added)
        if repeats:  # a row that repeats one of the batch is already there: count it so
            start = len(self._log) - len(added)
            at = {row: start + i for i, row in enumerate(fresh)}
            unchanged = [*unchanged, *(at[row] for row in repeats)]
        return ImportResult(
            batch=added,
            lines=[lines[row] for row in fresh] if len(fresh) != len(batch) else lines,
            errors=errors,
            unchanged=[self._log.response(p) for p in unchanged],
        )

    def _apply(self, batch: Columns) -> None:
        """The one place where records enter the log in memory."""
        if not len(batch):
            return
        state_map = (
            range(len(batch.states))
            if batch.states is self._log.states
            else [self._state_codes[s] for s in batch.states]
        )
        key_map = (
            range(len(batch.keys))
            if batch.keys is self._log.keys
            else [self._key_codes[k] for k in batch.keys]
        )
        start = len(self._log)
        self._log.extend(batch, state_map, key_map)
        self._follow(start)

    def _follow(self, start: int) -> None:
        """Let what is derived from the log take in a few records, or drop it.

        A value of :attr:`derived` with a ``follow(tracker, start)`` method that returns
        ``True`` has taken in the records from *start* on (a few: :data:`FOLLOWED`); every
        other value is dropped, to be made again when next asked for.
        """
        derived = self._derived
        if not derived:
            return
        if len(self._log) - start > FOLLOWED:
            derived.clear()
            return
        for key, value in list(derived.items()):
            follow = getattr(value, "follow", None)
            if follow is None or not follow(self, start):
                del derived[key]

    def _member(self, state: str) -> str:
        code = resolve_state(state)
        if code not in self._state_codes:
            raise outside_population(state, code, len(self._states))
        return code

    def _pair(self, state: str, recommendation: str) -> int:
        """The pair number of a State and a recommendation as people write them."""
        code = self._state_codes.get(state)
        if code is None:
            code = self._state_codes[self._member(state)]
        key = self._key_codes.get(recommendation)
        if key is None:
            key = self._key_codes[self._catalogue.recommendation(recommendation).key]
        return code * self._width + key

    # -- querying ---------------------------------------------------------------

    def status(
        self,
        state: str,
        recommendation: str,
        as_of: dt.date | str | None = None,
        *,
        reporter: ReporterChoice = None,
        known_at: dt.datetime | dt.date | str | None = None,
    ) -> Status:
        """The status of *state* on *recommendation* as of a date (today by default).

        The status of the latest current response with an as-of date on or before the
        date, by whose word counts (*reporter*: the State's own first by default, see
        :func:`~smomtrack._vocabulary.vocabularies.precedence`); ``Status.NO_INFORMATION``
        where there is none. With *known_at*, as the tracker knew it then
        (:meth:`known_at`). O(log n).

        Raises:
            UnknownStateError: *state* is not in the population.
            UnknownRecommendationError: *recommendation* is not in the catalogue.
        """
        return self.at(as_of, reporter=reporter, known_at=known_at).status(state, recommendation)

    def response(
        self,
        state: str,
        recommendation: str,
        as_of: dt.date | str | None = None,
        *,
        reporter: ReporterChoice = None,
        known_at: dt.datetime | dt.date | str | None = None,
    ) -> Response | None:
        """The current response of *state* on *recommendation* as of a date, or ``None``.

        The response whose status :meth:`status` gives.
        """
        snapshot = self.at(as_of, reporter=reporter, known_at=known_at)
        return snapshot.response(state, recommendation)

    def at(
        self,
        as_of: dt.date | str | None = None,
        *,
        reporter: ReporterChoice = None,
        known_at: dt.datetime | dt.date | str | None = None,
    ) -> Snapshot:
        """What the tracker knew as of a date (today by default): the base of every summary.

        *reporter* says whose word counts (the State's own first by default); *known_at*
        takes only the records recorded by then (:meth:`known_at`).
        """
        tracker = self if known_at is None else self.known_at(known_at)
        return tracker._snapshot(as_of_date(as_of), precedence(reporter))  # noqa: SLF001

    def _snapshot(self, day: dt.date, reporters: tuple[Reporter, ...]) -> Snapshot:
        self._index.update(self._log, self._width)
        return Snapshot(self._log, self._index, self._pair, day, reporters)

    def known_at(self, when: dt.datetime | dt.date | str) -> Tracker:
        """The tracker as it was known at *when*: only the records recorded by then.

        Corrections recorded later are left out, so a figure published then is given again
        exactly. *when* is a moment (a ``datetime``; without a time zone, UTC) or a day (a
        ``date`` or text :func:`~smomtrack.parse_date` reads: the end of that day, UTC).
        The result is a tracker of its own, held in memory and not to be recorded in.

        Raises:
            InvalidDateError: *when* is not a date.
        """
        cutoff = cutoff_of(when)
        cached = self._known
        if cached is not None and cached[0] == cutoff and cached[1] == len(self._log):
            return cached[2]
        log = self._log
        stamp = log.stamp
        positions = [p for p in range(len(log)) if stamp[p] <= cutoff]
        view = Tracker(self._catalogue, self._population)
        view._apply(log if len(positions) == len(log) else log.take(positions))
        self._known = (cutoff, len(self._log), view)
        return view

    def history(self, state: str, recommendation: str) -> tuple[HistoryEntry, ...]:
        """Every record of *state* on *recommendation*, by as-of date then recording order.

        Each entry says whether a later correction superseded it.
        """
        self._index.update(self._log, self._width)
        pair = self._pair(state, recommendation)
        index = self._index
        return tuple(
            HistoryEntry(self._log.response(index.order[i]), index.order[i] in index.superseded)
            for i in index.span(pair)
        )

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
        self._index.update(self._log, self._width)
        log = self._log
        states = None if state is None else {self._state_codes[self._member(state)]}
        keys = None
        if recommendation is not None:
            keys = {self._key_codes[self._catalogue.recommendation(recommendation).key]}
        if theme is not None:
            in_theme = {
                self._key_codes[r.key] for r in self._catalogue.recommendations(theme=theme)
            }
            keys = in_theme if keys is None else keys & in_theme
        superseded = set() if include_superseded else self._index.superseded
        positions = [
            position
            for position in range(len(log))
            if position not in superseded
            and (states is None or log.state[position] in states)
            and (keys is None or log.key[position] in keys)
        ]
        return tuple(log.responses(positions))

    def is_superseded(self, response: Response) -> bool:
        """Whether *response* (a record of this tracker) was superseded by a correction."""
        self._index.update(self._log, self._width)
        pair = self._pair(response.state, response.recommendation)
        position = self._index.current(pair * DAYS + response.as_of.toordinal())
        return position is None or self._log.response(position) != response

    # -- the container ----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._log)

    def __iter__(self) -> Iterator[Response]:
        return self._log.responses()

    def __eq__(self, other: object) -> bool:
        """Whether the trackers have the same population, catalogue and log.

        The population is compared with the date from which each State is expected; the
        log record for record, in the same order.
        """
        if not isinstance(other, Tracker):
            return NotImplemented
        return (
            self._population == other._population
            and self._catalogue == other._catalogue
            and len(self) == len(other)
            and all(a == b for a, b in zip(self, other, strict=True))
        )

    # A tracker changes as responses are recorded: it is not hashable.
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<Tracker: {len(self._states)} States, {len(self._catalogue)} recommendations,"
            f" {len(self._log)} responses>"
        )


def _adopted(catalogue: Catalogue, recommendation: Recommendation) -> int:
    """The day number from which a recommendation is expected: its meeting's last day."""
    meeting = catalogue.get_meeting(recommendation.meeting)
    day = None if meeting is None else meeting.end or meeting.start
    return 0 if day is None else day.toordinal()
