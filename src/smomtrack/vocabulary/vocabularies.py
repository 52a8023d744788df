"""The small closed vocabularies of the domain model: modality, addressee, reporter, formats."""

from __future__ import annotations

import enum

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
    """Who reported a response."""

    STATE = "state"
    SECRETARIAT = "secretariat"
    CIVIL_SOCIETY = "civil_society"
    OTHER = "other"


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
