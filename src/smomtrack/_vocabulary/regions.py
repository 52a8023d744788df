"""The five regional groups of the United Nations, and the group of each State.

The groups are those the Department for General Assembly and Conference Management lists
(see ``data/parties.csv`` for the source and the treatment of Türkiye and the United States).
They are groups of Member States: the States that are not Members and the European Union are in none
(:data:`NO_GROUP`), and so is any State left out of a grouping a user defines.
"""

from __future__ import annotations

import enum

from smomtrack._vocabulary.states import party
from smomtrack._vocabulary.tables import WordTable
from smomtrack._words import word

__all__ = ["NO_GROUP", "REGION_WORDS", "RegionalGroup", "group_label", "region_of"]

NO_GROUP = "none"
"""The group of the States in no group of a grouping (for regions: non-members and the EU)."""


class RegionalGroup(enum.Enum):
    """A regional group of the United Nations, in the order the United Nations lists them."""

    AFRICAN = "african"
    ASIA_PACIFIC = "asia_pacific"
    EASTERN_EUROPEAN = "eastern_european"
    LATIN_AMERICAN_CARIBBEAN = "latin_american_caribbean"
    WESTERN_EUROPEAN_OTHER = "western_european_other"

    def label(self, lang: str = "en") -> str:
        """The group's name in *lang* (``en``, ``fr`` or ``es``; others fall back to ``en``).

        The English names are the United Nations'; the French and Spanish ones are our
        working translations (editorial).
        """
        return REGION_WORDS.label(self, lang)

    @classmethod
    def parse(cls, text: object) -> RegionalGroup:
        """Read a group from its key, its name in English, French or Spanish, or its acronym.

        >>> RegionalGroup.parse("GRULAC"), RegionalGroup.parse("États d'Afrique")
        (<RegionalGroup.LATIN_AMERICAN_CARIBBEAN: 'latin_american_caribbean'>, \
<RegionalGroup.AFRICAN: 'african'>)

        Raises:
            InvalidDataError: Not a regional group; the message lists what is accepted.
        """
        return text if isinstance(text, RegionalGroup) else REGION_WORDS.read(text, "what_region")


REGION_WORDS = WordTable.of(
    RegionalGroup,
    "region",
    aliases={
        "African Group": RegionalGroup.AFRICAN,
        "Africa": RegionalGroup.AFRICAN,
        "Asia-Pacific Group": RegionalGroup.ASIA_PACIFIC,
        "Asia and the Pacific": RegionalGroup.ASIA_PACIFIC,
        "Asia-Pacific": RegionalGroup.ASIA_PACIFIC,
        "Eastern European Group": RegionalGroup.EASTERN_EUROPEAN,
        "EEG": RegionalGroup.EASTERN_EUROPEAN,
        "GRULAC": RegionalGroup.LATIN_AMERICAN_CARIBBEAN,
        "Latin America and the Caribbean": RegionalGroup.LATIN_AMERICAN_CARIBBEAN,
        "WEOG": RegionalGroup.WESTERN_EUROPEAN_OTHER,
        "Western European and Others Group": RegionalGroup.WESTERN_EUROPEAN_OTHER,
    },
)


def region_of(code: str) -> str:
    """The key of the regional group of the party with *code*, or :data:`NO_GROUP`.

    >>> region_of("TUR"), region_of("USA"), region_of("EUU")
    ('western_european_other', 'western_european_other', 'none')

    Raises:
        UnknownStateError: *code* is not the code of a party.
    """
    return party(code).group or NO_GROUP


def group_label(key: str, lang: str = "en") -> str:
    """The name of a regional group or :data:`NO_GROUP` in *lang*; any other key as it is."""
    if key == NO_GROUP:
        return word("region_none", lang)
    try:
        return RegionalGroup(key).label(lang)
    except ValueError:
        return key
