"""The words people read, from the message catalogues: one entry per word, per language.

Every label, header, sheet name, instruction and report phrase smomtrack writes lives in
the gettext catalogues under ``smomtrack/locale/<lang>/LC_MESSAGES/smomtrack.po`` (what
translators edit), compiled into the ``.mo`` files beside them (what the standard
library's :mod:`gettext` reads). Code asks for a word by its key and never spells it:

>>> word("status", "fr")
'Statut'
>>> words("more_rows", 1, "fr"), words("more_rows", 3, "en")
('… 1 ligne de plus', '… 3 more rows')

A language smomtrack does not write falls back to English. Asking for a key that no
catalogue holds is a programming error (:class:`LookupError`), never a silent key.
"""

from __future__ import annotations

import functools
import gettext
from importlib import resources

from smomtrack._vocabulary.languages import OUTPUT_LANGUAGES

__all__ = ["DOMAIN", "word", "words"]

DOMAIN = "smomtrack"
"""The catalogues' gettext domain (their file name)."""


@functools.cache
def _catalogue(lang: str) -> gettext.GNUTranslations:
    if lang not in OUTPUT_LANGUAGES:
        lang = "en"
    path = resources.files("smomtrack").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    with path.open("rb") as data:
        return gettext.GNUTranslations(data)


def _missing(key: str) -> LookupError:
    return LookupError(f"no word {key!r} in smomtrack's catalogues")


def word(key: str, lang: str, /, **values: object) -> str:
    """The word (or phrase) *key* in *lang*, its ``{placeholders}`` filled with *values*.

    Raises:
        LookupError: No catalogue holds *key*.
    """
    text = _catalogue(lang).gettext(key)
    if text == key:
        raise _missing(key)
    return text.format(**values) if values else text


def words(key: str, n: int, lang: str, /, **values: object) -> str:
    """The form of *key* for the count *n* in *lang* (one, or several), ``{n}`` filled in.

    Raises:
        LookupError: No catalogue holds *key*.
    """
    text = _catalogue(lang).ngettext(key, key, n)
    if text == key:
        raise _missing(key)
    return text.format(n=n, **values)
