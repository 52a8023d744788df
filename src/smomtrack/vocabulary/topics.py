"""Topic tags: the small editorial vocabulary of cross-cutting topics.

Tags are ours, not the Working Group's: they let a reader find every
recommendation on, say, capacity building across meetings. Their labels are
editorial. A recommendation may carry a tag outside this list (for a new
meeting); it is then shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["TAG_PATTERN", "TOPICS", "topic_label"]

TAG_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
"""What a tag looks like: lower-case words joined by hyphens."""

TOPICS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "awareness-raising": {
            "en": "Awareness raising",
            "fr": "Sensibilisation",
            "es": "Sensibilización",
        },
        "capacity-building": {
            "en": "Capacity building",
            "fr": "Renforcement des capacités",
            "es": "Creación de capacidad",
        },
        "criminal-justice-technology": {
            "en": "Technology in criminal justice",
            "fr": "Technologie dans la justice pénale",
            "es": "Tecnología en la justicia penal",
        },
        "data-collection": {
            "en": "Data collection and research",
            "fr": "Collecte de données et recherche",
            "es": "Reunión de datos e investigación",
        },
        "digital-evidence": {
            "en": "Digital evidence",
            "fr": "Preuves numériques",
            "es": "Pruebas digitales",
        },
        "human-rights": {
            "en": "Human rights",
            "fr": "Droits humains",
            "es": "Derechos humanos",
        },
        "information-exchange": {
            "en": "Information exchange",
            "fr": "Échange d'informations",
            "es": "Intercambio de información",
        },
        "innovation": {
            "en": "Technological innovation",
            "fr": "Innovation technologique",
            "es": "Innovación tecnológica",
        },
        "international-cooperation": {
            "en": "International cooperation",
            "fr": "Coopération internationale",
            "es": "Cooperación internacional",
        },
        "law-enforcement-cyberspace": {
            "en": "Law enforcement in cyberspace",
            "fr": "Détection et répression dans le cyberespace",
            "es": "Aplicación de la ley en el ciberespacio",
        },
        "legislation": {
            "en": "Legislation and jurisdiction",
            "fr": "Législation et compétence",
            "es": "Legislación y jurisdicción",
        },
        "partnerships": {
            "en": "Partnerships",
            "fr": "Partenariats",
            "es": "Alianzas",
        },
        "protection-assistance": {
            "en": "Protection and assistance",
            "fr": "Protection et assistance",
            "es": "Protección y asistencia",
        },
        "specialized-prosecution": {
            "en": "Specialized prosecution",
            "fr": "Poursuites spécialisées",
            "es": "Enjuiciamiento especializado",
        },
    }
)


def topic_label(tag: str, lang: str = "en") -> str:
    """The editorial label of *tag* in *lang* (English where missing); the tag itself if unknown.

    >>> topic_label("capacity-building", "fr")
    'Renforcement des capacités'
    """
    labels = TOPICS.get(tag)
    if labels is None:
        return tag
    return labels.get(lang, labels["en"])
