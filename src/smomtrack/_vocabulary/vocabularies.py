"""The small closed vocabularies of the domain model: modality, addressee, reporter, formats."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from smomtrack._vocabulary.tables import WordTable
from smomtrack.exceptions import InvalidDataError

__all__ = [
    "DEFAULT_PRECEDENCE",
    "Addressee",
    "DocumentKind",
    "MeetingFormat",
    "Modality",
    "Reporter",
    "ReporterChoice",
    "precedence",
]


class Modality(enum.Enum):
    """How strongly a recommendation is worded."""

    SHOULD = "should"
    """"States parties should …" (« devraient », « deberían »)."""
    ENCOURAGED = "encouraged"
    """"States parties are encouraged to …" (« sont encouragés à », « se alienta a »)."""
    SHOULD_CONSIDER = "should_consider"
    """"States parties should consider …" (« devraient envisager de », « deberían considerar »)."""

    def label(self, lang: str = "en") -> str:
        """The wording in *lang* (``en``, ``fr`` or ``es``; others fall back to ``en``)."""
        return MODALITY_WORDS.label(self, lang)


MODALITY_WORDS = WordTable.of(Modality, "modality")


class Addressee(enum.Enum):
    """Whom a recommendation is addressed to."""

    STATES_PARTIES = "states_parties"
    """The States parties to the Protocol (« Les États parties »)."""
    STATES = "states"
    """All States (« Les États »), parties or not."""

    def label(self, lang: str = "en") -> str:
        """The label in *lang* (``en``, ``fr`` or ``es``; others fall back to ``en``)."""
        return ADDRESSEE_WORDS.label(self, lang)


ADDRESSEE_WORDS = WordTable.of(Addressee, "addressee")


class Reporter(enum.Enum):
    """Who reported a response.

    >>> Reporter.parse("Société civile")
    <Reporter.CIVIL_SOCIETY: 'civil_society'>
    """

    STATE = "state"
    SECRETARIAT = "secretariat"
    CIVIL_SOCIETY = "civil_society"
    OTHER = "other"

    def label(self, lang: str = "en") -> str:
        """The label in *lang* (``en``, ``fr`` or ``es``; others fall back to ``en``)."""
        return REPORTER_WORDS.label(self, lang)

    @classmethod
    def parse(cls, text: object) -> Reporter:
        """Read a reporter from its value or its label in English, French or Spanish.

        Raises:
            InvalidDataError: Not a reporter; the message lists what is accepted.
        """
        return text if isinstance(text, Reporter) else REPORTER_WORDS.read(text, "what_reporter")


REPORTER_WORDS = WordTable.of(Reporter, "reporter")

ReporterChoice = Reporter | str | Iterable[Reporter | str] | None
"""Whose word counts: one reporter, reporters in order of precedence, or ``None`` (the default)."""

DEFAULT_PRECEDENCE: tuple[Reporter, ...] = (
    Reporter.STATE,
    Reporter.SECRETARIAT,
    Reporter.CIVIL_SOCIETY,
    Reporter.OTHER,
)
"""Whose word counts by default: the State's own, then the Secretariat's, then civil society's,
then others'."""


def precedence(reporter: ReporterChoice) -> tuple[Reporter, ...]:
    """The reporters whose word counts, first first.

    ``None`` gives :data:`DEFAULT_PRECEDENCE`; one reporter, only that reporter; a sequence,
    those reporters in that order (the others do not count).

    >>> precedence("Secrétariat")
    (<Reporter.SECRETARIAT: 'secretariat'>,)

    Raises:
        InvalidDataError: Not a reporter, none, or one given twice.
    """
    if reporter is None:
        return DEFAULT_PRECEDENCE
    if isinstance(reporter, Reporter | str):
        return (Reporter.parse(reporter),)
    order = tuple(Reporter.parse(item) for item in reporter)
    if not order or len(set(order)) != len(order):
        raise InvalidDataError(
            f"reporter: expected reporters in order of precedence, each once; got {order}"
        )
    return order


class MeetingFormat(enum.Enum):
    """How a meeting was held."""

    IN_PERSON = "in_person"
    HYBRID = "hybrid"
    ONLINE = "online"

    def label(self, lang: str = "en") -> str:
        """The label in *lang* (``en``, ``fr`` or ``es``; others fall back to ``en``)."""
        return FORMAT_WORDS.label(self, lang)


FORMAT_WORDS = WordTable.of(MeetingFormat, "format")


class DocumentKind(enum.Enum):
    """What a meeting document is."""

    AGENDA = "agenda"
    BACKGROUND_PAPER = "background_paper"
    THEMATIC_COMPILATION = "thematic_compilation"
    REPORT = "report"
    OTHER = "other"
