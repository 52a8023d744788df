"""Responses: what a State did about a recommendation, as of a date."""

from __future__ import annotations

import datetime as dt

import attrs

from smomtrack._records.fields import (
    check_date,
    check_optional_date,
    check_pattern,
    evidence_problem,
    to_strings,
)
from smomtrack._records.meetings import MEETING_KEY
from smomtrack._vocabulary.characters import text_problem
from smomtrack._vocabulary.states import is_state_code
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Reporter
from smomtrack.exceptions import InvalidDataError

__all__ = ["Response"]


def _check_state(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not is_state_code(value):
        raise InvalidDataError(f"{attribute.name}: {value!r} is not an ISO 3166-1 alpha-3 code")


def _check_status(_instance: object, attribute: attrs.Attribute[Status], value: object) -> None:
    if not isinstance(value, Status):
        raise InvalidDataError(f"{attribute.name}: expected a Status, got {value!r}")
    if value is Status.NO_INFORMATION:
        raise InvalidDataError(
            f"{attribute.name}: no_information is never recorded; it is what a pair has"
            " when nothing was reported"
        )


def _check_timestamp(
    _instance: object, attribute: attrs.Attribute[dt.datetime], value: object
) -> None:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise InvalidDataError(f"{attribute.name}: expected an aware datetime, got {value!r}")


def _check_text(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidDataError(f"{attribute.name}: expected text, got {value!r}")
    problem = text_problem(value)
    if problem is not None:
        raise InvalidDataError(f"{attribute.name}: {value!r} {problem}")


def _check_evidence(
    _instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[object, ...]
) -> None:
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise InvalidDataError(f"{attribute.name}[{index}]: expected text, got {item!r}")
        problem = evidence_problem(item)
        if problem is not None:
            raise InvalidDataError(f"{attribute.name}[{index}]: {item!r}: {problem}")


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@attrs.frozen(kw_only=True)
class Response:
    """What a State did about a recommendation, as of a date.

    Records are strict: dates are ``date`` objects, the State an alpha-3 code and the
    recommendation a canonical key. :meth:`smomtrack.Tracker.record` takes what people type
    and builds the record.

    Attributes:
        state: ISO 3166-1 alpha-3 code.
        recommendation: Canonical recommendation key (``"SOM7-5"``).
        status: The implementation status (never ``NO_INFORMATION``).
        as_of: The date the status describes.
        measures: The measures taken.
        evidence: Document symbols or URLs supporting the response.
        responsible: The responsible body.
        due: When implementation is due, if a date was set.
        reporter: Who reported it.
        source: Where the response comes from (e.g. a questionnaire round).
        notes: Anything else.
        correction: Whether this record corrects (supersedes) an earlier one for the same
            State, recommendation and date.
        recorded_at: When it was recorded (aware, UTC).
    """

    state: str = attrs.field(validator=_check_state)
    recommendation: str = attrs.field(validator=check_pattern(MEETING_KEY + r"-[1-9][0-9]*"))
    status: Status = attrs.field(validator=_check_status)
    as_of: dt.date = attrs.field(validator=check_date)
    measures: str = attrs.field(default="", validator=_check_text)
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=to_strings, validator=_check_evidence
    )
    responsible: str = attrs.field(default="", validator=_check_text)
    due: dt.date | None = attrs.field(default=None, validator=check_optional_date)
    reporter: Reporter = attrs.field(
        default=Reporter.STATE, validator=attrs.validators.instance_of(Reporter)
    )
    source: str = attrs.field(default="", validator=_check_text)
    notes: str = attrs.field(default="", validator=_check_text)
    correction: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    recorded_at: dt.datetime = attrs.field(factory=_utc_now, validator=_check_timestamp)

    @classmethod
    def trusted(  # noqa: PLR0913, PLR0917 (the fields, positionally: this is the fast path)
        cls,
        state: str,
        recommendation: str,
        status: Status,
        as_of: dt.date,
        measures: str,
        evidence: tuple[str, ...],
        responsible: str,
        due: dt.date | None,
        reporter: Reporter,
        source: str,
        notes: str,
        correction: bool,
        recorded_at: dt.datetime,
    ) -> Response:
        """Build a response from field values already checked, without checking them again.

        For stores reading back what they wrote (a million rows in seconds): the caller
        vouches for every value's type and validity. Everyone else uses the constructor.
        """
        response = object.__new__(cls)
        s = _SETTERS  # unrolled: this runs a million times when a store is opened
        s[0](response, state)
        s[1](response, recommendation)
        s[2](response, status)
        s[3](response, as_of)
        s[4](response, measures)
        s[5](response, evidence)
        s[6](response, responsible)
        s[7](response, due)
        s[8](response, reporter)
        s[9](response, source)
        s[10](response, notes)
        s[11](response, correction)
        s[12](response, recorded_at)
        return response

    @property
    def pair(self) -> tuple[str, str]:
        """``(state, recommendation)``."""
        return self.state, self.recommendation

    def same_content(self, other: Response) -> bool:
        """Whether *other* says the same thing (all but ``correction`` and ``recorded_at``)."""
        ignore = {"correction", "recorded_at"}
        return all(
            getattr(self, a.name) == getattr(other, a.name)
            for a in attrs.fields(Response)
            if a.name not in ignore
        )


_SETTERS = tuple(getattr(Response, a.name).__set__ for a in attrs.fields(Response))
"""The slots' own setters: they write a frozen instance's fields once, as attrs does."""
