"""States: ISO 3166-1 alpha-3 codes from codes or names in English, French and Spanish.

The codes and their translations come from pycountry, which ships the ISO 3166
data and the Debian iso-codes translations.
"""

from __future__ import annotations

import difflib
import functools
import gettext
import re

import pycountry

from smomtrack.exceptions import UnknownStateError
from smomtrack.vocabulary.folding import fold

__all__ = ["is_state_code", "resolve_state", "state_name"]

_NAME_LANGUAGES = ("fr", "es")
_PARENTHESIS = re.compile(r"^(?P<head>[^(]+)\((?P<tail>[^)]+)\)\s*$")


@functools.cache
def _translations(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def _variants(name: str) -> set[str]:
    """The folded forms a name is known by: as written, and turned round at a comma or parenthesis.

    "Korea, Republic of" is also "Republic of Korea"; "Bolivia (Plurinational State of)"
    is also "Plurinational State of Bolivia".
    """
    forms = {name}
    if "," in name:
        head, _, tail = name.partition(",")
        forms.add(f"{tail} {head}")
    match = _PARENTHESIS.match(name)
    if match:
        forms.add(f"{match['tail']} {match['head']}")
        forms.add(f"{match['head']} {match['tail']}")
    folded = {fold(f) for f in forms}
    folded.update(f.removeprefix("the ") for f in list(folded))
    return folded - {""}


def _short_form(name: str) -> str | None:
    """The name without its parenthesis: "Holy See (Vatican City State)" is also "Holy See"."""
    match = _PARENTHESIS.match(name)
    return fold(match["head"]) if match else None


@functools.cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for country in pycountry.countries:
        code: str = country.alpha_3
        names = [
            getattr(country, attr)
            for attr in ("name", "official_name", "common_name")
            if getattr(country, attr, None)
        ]
        spellings = set(names)
        for lang in _NAME_LANGUAGES:
            spellings.update(_translations(lang).gettext(n) for n in names)
        for spelling in spellings:
            for variant in _variants(spelling):
                index.setdefault(variant, code)
            head = _short_form(spelling)
            if head:
                short.setdefault(head, set()).add(code)
        index[country.alpha_2.casefold()] = code
        index[code.casefold()] = code
    for head, codes in short.items():
        if len(codes) == 1:  # only where the short form is not ambiguous
            index.setdefault(head, codes.pop())
    return index


@functools.cache
def _codes() -> frozenset[str]:
    return frozenset(country.alpha_3 for country in pycountry.countries)


def is_state_code(text: str) -> bool:
    """Whether *text* is an ISO 3166-1 alpha-3 code, exactly (upper case).

    >>> is_state_code("MEX"), is_state_code("mex")
    (True, False)
    """
    return text in _codes()


def resolve_state(text: str) -> str:
    """Return the ISO 3166-1 alpha-3 code of the State *text* names.

    *text* may be an alpha-3 or alpha-2 code or a name in English, French or
    Spanish, as ISO or the United Nations write it, case- and accent-insensitively.

    >>> resolve_state("Mexique"), resolve_state("fr"), resolve_state("Türkiye")
    ('MEX', 'FRA', 'TUR')
    >>> resolve_state("Bolivia (Plurinational State of)")
    'BOL'

    Raises:
        UnknownStateError: *text* names no State; the error suggests the closest names.
    """
    if not isinstance(text, str):
        raise UnknownStateError(text)
    index = _index()
    for variant in _variants(text.strip()):
        if variant in index:
            return index[variant]
    folded = fold(text)
    close = difflib.get_close_matches(folded, index.keys(), n=5, cutoff=0.75)
    codes = dict.fromkeys(index[c] for c in close)
    raise UnknownStateError(text, [f"{state_name(c)} ({c})" for c in codes])


def state_name(code: str, lang: str = "en") -> str:
    """The short name of the State with alpha-3 *code*, in *lang* (English where no translation).

    >>> state_name("DEU", "fr"), state_name("DEU", "es")
    ('Allemagne', 'Alemania')

    Raises:
        UnknownStateError: *code* is not an alpha-3 code.
    """
    country = pycountry.countries.get(alpha_3=code)
    if country is None or len(code) != 3:
        raise UnknownStateError(code)
    name: str = getattr(country, "common_name", None) or country.name
    if lang == "en":
        return name
    translated = _translations(lang).gettext(name)
    if translated == name and name != country.name:
        translated = _translations(lang).gettext(country.name)
    return translated
