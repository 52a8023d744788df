"""The small closed vocabularies of the domain model: modality, addressee, reporter, formats."""

from __future__ import annotations

import enum

from smomtrack.exceptions import InvalidDataError
from smomtrack.vocabulary.folding import fold

__all__ = ["Addressee", "DocumentKind", "MeetingFormat", "Modality", "Reporter"]


class Modality(enum.Enum):
    """How strongly a recommendation is worded."""

    SHOULD = "should"
    """"States parties should …" (« devraient », « deberían »)."""
    ENCOURAGED = "encouraged"
    """"States parties are encouraged to …" (« sont encouragés à », « se alienta a »)."""
    SHOULD_CONSIDER = "should_consider"
    """"States parties should consider …" (« devraient envisager de », « deberían considerar »)."""


class Addressee(enum.Enum):
    """Whom a recommendation is addressed to."""

    STATES_PARTIES = "states_parties"
    """The States parties to the Protocol (« Les États parties »)."""
    STATES = "states"
    """All States (« Les États »), parties or not."""


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
        return _REPORTER_LABELS.get(lang, _REPORTER_LABELS["en"])[self]

    @classmethod
    def parse(cls, text: object) -> Reporter:
        """Read a reporter from its value or its label in English, French or Spanish.

        Raises:
            InvalidDataError: Not a reporter; the message lists what is accepted.
        """
        if isinstance(text, Reporter):
            return text
        folded = fold(text) if isinstance(text, str) else None
        for reporter in Reporter:
            names = [reporter.value, *(table[reporter] for table in _REPORTER_LABELS.values())]
            if folded in {fold(name) for name in names}:
                return reporter
        accepted = ", ".join(
            dict.fromkeys(label for table in _REPORTER_LABELS.values() for label in table.values())
        )
        raise InvalidDataError(f"{text!r} is not a reporter; accepted: {accepted}")


_REPORTER_LABELS: dict[str, dict[Reporter, str]] = {
    "en": {
        Reporter.STATE: "State",
        Reporter.SECRETARIAT: "Secretariat",
        Reporter.CIVIL_SOCIETY: "Civil society",
        Reporter.OTHER: "Other",
    },
    "fr": {
        Reporter.STATE: "État",
        Reporter.SECRETARIAT: "Secrétariat",
        Reporter.CIVIL_SOCIETY: "Société civile",
        Reporter.OTHER: "Autre",
    },
    "es": {
        Reporter.STATE: "Estado",
        Reporter.SECRETARIAT: "Secretaría",
        Reporter.CIVIL_SOCIETY: "Sociedad civil",
        Reporter.OTHER: "Otro",
    },
}


class MeetingFormat(enum.Enum):
    """How a meeting was held."""

    IN_PERSON = "in_person"
    HYBRID = "hybrid"
    ONLINE = "online"


class DocumentKind(enum.Enum):
    """What a meeting document is."""

    AGENDA = "agenda"
    BACKGROUND_PAPER = "background_paper"
    THEMATIC_COMPILATION = "thematic_compilation"
    REPORT = "report"
    OTHER = "other"
