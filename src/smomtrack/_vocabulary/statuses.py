"""The implementation status scale (see the data model in the documentation)."""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Mapping
from types import MappingProxyType

from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.tables import WordTable
from smomtrack._words import Listed, Message, Quoted
from smomtrack.exceptions import InvalidStatusError

__all__ = ["Status"]


class Status(enum.Enum):
    """An implementation status, ordered from nothing done to fully implemented.

    The five statuses of the scale carry a default weight used in scores
    (``NOT_STARTED`` 0 … ``IMPLEMENTED`` 1). ``NOT_APPLICABLE`` and
    ``NO_INFORMATION`` carry none and sort after the scale.
    ``NO_INFORMATION`` is never recorded: it is what a State has for a
    recommendation when nothing was reported as of the date asked.

    >>> Status.parse("Partiellement mise en oeuvre")
    <Status.PARTIALLY_IMPLEMENTED: 'partially_implemented'>
    >>> Status.PLANNED < Status.IMPLEMENTED
    True
    >>> Status.IN_PROGRESS.weight
    0.5
    """

    NOT_STARTED = "not_started"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    PARTIALLY_IMPLEMENTED = "partially_implemented"
    IMPLEMENTED = "implemented"
    NOT_APPLICABLE = "not_applicable"
    NO_INFORMATION = "no_information"

    @property
    def rank(self) -> int:
        """The position on the scale, 0 for ``NOT_STARTED``."""
        return _ORDER.index(self)

    @property
    def weight(self) -> float | None:
        """The default weight in scores; ``None`` where the status has none."""
        return DEFAULT_WEIGHTS.get(self)

    @property
    def is_applicable(self) -> bool:
        """Whether the status is on the scale (it counts in rates and scores)."""
        return self in DEFAULT_WEIGHTS

    def label(self, lang: str = "en") -> str:
        """The label of the status in *lang* (``en``, ``fr`` or ``es``; others fall back to ``en``).

        >>> Status.NOT_STARTED.label("fr")
        'Non entamée'
        """
        return _WORDS.label(self, lang)

    @classmethod
    def parse(cls, text: str | Status, lang: str | None = None) -> Status:
        """Read a status from what people type.

        Accepts the value (``"in_progress"``), the labels in English, French and
        Spanish, and the crosswalks from UPR-style and OSCAL vocabularies, case-,
        accent-, space- and ``œ``/``oe``-insensitively.

        Args:
            text: What was typed.
            lang: The language it was typed in (a file's), if known: a refusal then
                suggests and lists the labels of that language.

        Raises:
            InvalidStatusError: The text is not a status; the message suggests at most
                three labels and lists the six accepted ones.
        """
        if isinstance(text, Status):
            return text
        found = _WORDS.find(text)
        if found is None:
            raise InvalidStatusError(
                text, accepted_labels(), _WORDS.close(text), said=_Refusal(text, lang)
            )
        return found

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Status):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Status):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Status):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Status):
            return NotImplemented
        return self.rank >= other.rank


_ORDER: tuple[Status, ...] = tuple(Status)

DEFAULT_WEIGHTS: Mapping[Status, float] = MappingProxyType(
    {
        Status.NOT_STARTED: 0.0,
        Status.PLANNED: 0.25,
        Status.IN_PROGRESS: 0.5,
        Status.PARTIALLY_IMPLEMENTED: 0.75,
        Status.IMPLEMENTED: 1.0,
    }
)

# The labels people read are in the catalogues (status_*). These are other words the parser
# accepts: data of the parser, never shown. Vocabularies people already use, mapped onto our
# scale. Only exact meanings: OSCAL's "alternative" (implemented by other means) has no
# single place on the scale and is deliberately not accepted.
_CROSSWALK: dict[str, Status] = {
    # UPR style
    "fully implemented": Status.IMPLEMENTED,
    "not implemented": Status.NOT_STARTED,
    # OSCAL implementation-status
    "partial": Status.PARTIALLY_IMPLEMENTED,
    "not-applicable": Status.NOT_APPLICABLE,
    # French
    "pleinement mise en œuvre": Status.IMPLEMENTED,
    "non mise en œuvre": Status.NOT_STARTED,
    "non applicable": Status.NOT_APPLICABLE,
    "non commencée": Status.NOT_STARTED,
    "pas commencée": Status.NOT_STARTED,
    # Spanish
    "plenamente aplicada": Status.IMPLEMENTED,
    "no aplicada": Status.NOT_STARTED,
    "sin objeto": Status.NOT_APPLICABLE,
    "no comenzada": Status.NOT_STARTED,
}


_WORDS = WordTable.of(Status, "status", _CROSSWALK)

STATUSES: tuple[Status, ...] = tuple(s for s in Status if s is not Status.NO_INFORMATION)
"""The six statuses a response may have (``NO_INFORMATION`` is never recorded)."""

_NEGATIONS = frozenset({"not", "no", "non", "pas", "sans", "sin", "ni", "never", "jamais", "nunca"})
"""Words that turn a status into its opposite ("non mise en œuvre", "not implemented")."""


def _negated(folded: str) -> bool:
    return not _NEGATIONS.isdisjoint(re.split(r"[\s\-_]+", folded))


def suggest(text: object, count: int = 3) -> tuple[Status, ...]:
    """The statuses *text* most likely meant, best first: at most *count*, maybe none.

    Every spelling the parser knows is compared with what was typed, letter by letter;
    a spelling that says the opposite (a negation where the text has none, or the other
    way round) is never offered: "Mise en euvre" is not "non mise en œuvre".

    >>> suggest("Mise en euvre"), suggest("En cour")
    ((<Status.IMPLEMENTED: 'implemented'>,), (<Status.IN_PROGRESS: 'in_progress'>,))
    """
    if not isinstance(text, str) or not text.strip():
        return ()
    folded = fold(text)
    negated = _negated(folded)
    spellings: dict[str, Status] = {}
    for spelling in _WORDS.accepted():
        status = _WORDS.find(spelling)
        if status is not None and status is not Status.NO_INFORMATION:
            spellings.setdefault(fold(spelling), status)
    for status in STATUSES:
        spellings.setdefault(fold(status.value.replace("_", " ")), status)
    close = difflib.get_close_matches(folded, spellings, n=12, cutoff=0.7)
    found: list[Status] = []
    for spelling in close:
        status = spellings[spelling]
        opposite = _negated(spelling) != negated and status is not Status.NOT_APPLICABLE
        if not opposite and status not in found:
            found.append(status)
    return tuple(found[:count])


class _Refusal:
    """Why a text is not a status, for a person: the suggestions and the six labels.

    The labels are those of the language the text was typed in (*lang*, a file's), or else
    of the message's language.
    """

    __slots__ = ("lang", "text")

    def __init__(self, text: object, lang: str | None) -> None:
        self.text = text
        self.lang = lang

    def label(self, lang: str) -> str:
        labels = self.lang or lang
        accepted = ", ".join(status.label(labels) for status in STATUSES)
        near = [Quoted(status.label(labels)) for status in suggest(self.text)]
        if not near:
            return Message("msg_not_status", text=Quoted(self.text), labels=accepted).text(lang)
        return Message(
            "msg_not_status_near",
            text=Quoted(self.text),
            suggestions=Listed(near, "or"),
            labels=accepted,
        ).text(lang)


def accepted_labels() -> tuple[str, ...]:
    """Every label :meth:`Status.parse` accepts, in English, French, Spanish and crosswalks."""
    return _WORDS.accepted()
