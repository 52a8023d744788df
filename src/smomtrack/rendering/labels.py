"""Labels for output (column headers, words of reports) in English, French and Spanish."""

from __future__ import annotations

import datetime as dt

from smomtrack.vocabulary.vocabularies import Addressee, MeetingFormat, Modality

__all__ = ["OUTPUT_LANGUAGES", "format_date", "label", "word"]

OUTPUT_LANGUAGES: tuple[str, ...] = ("en", "fr", "es")
"""The languages smomtrack writes its output in."""

_WORDS: dict[str, dict[str, str]] = {
    "recommendation": {"en": "Recommendation", "fr": "Recommandation", "es": "Recomendación"},
    "theme": {"en": "Theme", "fr": "Thème", "es": "Tema"},
    "meeting": {"en": "Meeting", "fr": "Réunion", "es": "Reunión"},
    "state": {"en": "State", "fr": "État", "es": "Estado"},
    "topic": {"en": "Topic", "fr": "Sujet", "es": "Tema"},
    "topics": {"en": "Topics", "fr": "Sujets", "es": "Temas"},
    "title": {"en": "Short title", "fr": "Titre abrégé", "es": "Título abreviado"},
    "text": {"en": "Text", "fr": "Texte", "es": "Texto"},
    "modality": {"en": "Modality", "fr": "Modalité", "es": "Modalidad"},
    "addressee": {"en": "Addressed to", "fr": "Destinataires", "es": "Destinatarios"},
    "date": {"en": "Date", "fr": "Date", "es": "Fecha"},
    "time": {"en": "Time", "fr": "Heure", "es": "Hora"},
    "item": {"en": "Agenda item", "fr": "Point de l'ordre du jour", "es": "Tema del programa"},
    "item_title": {"en": "Title", "fr": "Intitulé", "es": "Título"},
    "continued": {"en": "(continued)", "fr": "(suite)", "es": "(continuación)"},
    "language": {"en": "Language", "fr": "Langue", "es": "Idioma"},
}

_ENUMS: dict[object, dict[str, str]] = {
    Modality.SHOULD: {"en": "should", "fr": "devraient", "es": "deberían"},
    Modality.ENCOURAGED: {
        "en": "are encouraged to",
        "fr": "sont encouragés à",
        "es": "se alienta a",
    },
    Modality.SHOULD_CONSIDER: {
        "en": "should consider",
        "fr": "devraient envisager de",
        "es": "deberían considerar",
    },
    Addressee.STATES_PARTIES: {
        "en": "States parties",
        "fr": "États parties",
        "es": "Estados partes",
    },
    Addressee.STATES: {"en": "States", "fr": "États", "es": "Estados"},
    MeetingFormat.IN_PERSON: {"en": "in person", "fr": "en présentiel", "es": "presencial"},
    MeetingFormat.HYBRID: {"en": "hybrid", "fr": "hybride", "es": "híbrida"},
    MeetingFormat.ONLINE: {"en": "online", "fr": "en ligne", "es": "en línea"},
}

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
}


def word(key: str, lang: str) -> str:
    """The output word *key* in *lang* (English where *lang* is not an output language)."""
    entry = _WORDS[key]
    return entry.get(lang, entry["en"])


def label(value: object, lang: str) -> str:
    """The label of a vocabulary value (modality, addressee, format) in *lang*."""
    entry = _ENUMS[value]
    return entry.get(lang, entry["en"])


def format_date(day: dt.date, lang: str) -> str:
    """*day* written out as people write it in *lang*.

    >>> format_date(dt.date(2021, 10, 1), "fr"), format_date(dt.date(2021, 10, 14), "es")
    ('1er octobre 2021', '14 de octubre de 2021')
    >>> format_date(dt.date(2021, 10, 14), "en")
    '14 October 2021'
    """
    month = _MONTHS.get(lang, _MONTHS["en"]).split()[day.month - 1]
    if lang == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    if lang == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"
