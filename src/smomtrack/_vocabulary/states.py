"""The States and organizations that can be parties to the Protocol, and their UN names.

The 193 Member States of the United Nations, the two non-member observer States (the Holy
See, the State of Palestine), the two other non-member States that can become parties to
treaties (the Cook Islands, Niue) and the European Union, read from ``data/parties.csv``,
which cites its sources and the date they were checked: the United Nations short names in
English, French and Spanish, ISO 3166-1 alpha-2 and alpha-3 and M49 codes, and each State's
regional group. Territories and other
places with an ISO 3166-1 code (``data/territories.csv``) are known only to be refused with
their reason.

Input is read case-, accent- and space-insensitively from a code (alpha-3, alpha-2, M49) or a
name: the United Nations names, ISO names and their translations, and names people also write
(former UN names such as "Turkey" or "Swaziland", "Russia", "South Korea", "UK"…).
"""

from __future__ import annotations

import csv
import difflib
import enum
import functools
import re
from collections.abc import Iterable
from importlib import resources

import attrs

from smomtrack._vocabulary.folding import fold
from smomtrack._words import Message, Quoted
from smomtrack.exceptions import UnknownStateError

__all__ = [
    "EUROPEAN_UNION",
    "UN_MEMBERS",
    "Party",
    "PartyKind",
    "by_name",
    "is_state_code",
    "name_key",
    "parties",
    "party",
    "resolve_state",
    "state_name",
    "un_members",
]

EUROPEAN_UNION = "EUU"
"""The code of the European Union (the World Bank's; ISO 3166-1 has no alpha-3 code for it)."""

UN_MEMBERS = "un-members"
"""The name of the population of the 193 Member States of the United Nations."""

_NAME_LANGUAGES = ("en", "fr", "es")
_PARENTHESIS = re.compile(r"^(?P<head>[^(]+)\((?P<tail>[^)]+)\)\s*$")


class PartyKind(enum.Enum):
    """What a possible party is."""

    MEMBER = "member"
    """A Member State of the United Nations."""
    OBSERVER = "observer"
    """A non-member observer State (the Holy See, the State of Palestine)."""
    NON_MEMBER = "non-member"
    """Another State that is not a Member but can become a party (the Cook Islands, Niue).

    The Secretary-General, as depositary, recognizes their capacity to take part in treaties
    open to "all States" (Summary of Practice, ST/LEG/7/Rev.1, para. 86).
    """
    ORGANIZATION = "organization"
    """A regional economic integration organization (the European Union)."""


@attrs.frozen
class Party:
    """A State or organization that can be a party to the Protocol.

    Attributes:
        code: ISO 3166-1 alpha-3 code (``"EUU"`` for the European Union).
        alpha2: ISO 3166-1 alpha-2 code (``"EU"`` for the European Union).
        m49: UN M49 numeric code (``None`` for the European Union).
        kind: Member State, observer State, other non-member State or organization.
        group: The key of its United Nations regional group (``None`` for the States that
            are not Members and the European Union); see :mod:`smomtrack._vocabulary.regions`.
        names: The United Nations short name in ``en``, ``fr`` and ``es``.
        other_names: Other names it is known by (read, never printed).
    """

    code: str
    alpha2: str
    m49: str | None
    kind: PartyKind
    group: str | None
    names: tuple[tuple[str, str], ...]
    other_names: tuple[str, ...] = attrs.field(repr=False)

    def name(self, lang: str = "en") -> str:
        """The United Nations short name in *lang* (English for another language)."""
        found = dict(self.names)
        return found.get(lang) or found["en"]

    def label(self, lang: str) -> str:
        """The United Nations short name in *lang*, as messages write it."""
        return self.name(lang)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("smomtrack").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


@functools.cache
def parties() -> tuple[Party, ...]:
    """Every State and organization that can be a party, in the order of the data file."""
    return tuple(
        Party(
            code=row["code"],
            alpha2=row["alpha2"],
            m49=row["m49"] or None,
            kind=PartyKind(row["kind"]),
            group=row["group"] or None,
            names=tuple((lang, row[f"name_{lang}"]) for lang in _NAME_LANGUAGES),
            other_names=tuple(n for n in row["other_names"].split("|") if n),
        )
        for row in _rows("parties.csv")
    )


@functools.cache
def _by_code() -> dict[str, Party]:
    return {p.code: p for p in parties()}


def party(code: str) -> Party:
    """The party with exactly this code (as :func:`resolve_state` returns it).

    Raises:
        UnknownStateError: No party has this code.
    """
    found = _by_code().get(code)
    if found is None:
        raise UnknownStateError(code)
    return found


def un_members() -> tuple[str, ...]:
    """The codes of the 193 Member States of the United Nations."""
    return tuple(p.code for p in parties() if p.kind is PartyKind.MEMBER)


def name_key(text: str) -> str:
    """The form names are compared in: folded, without spaces or a leading "the"."""
    folded = fold(text)
    return folded.removeprefix("the ").replace(" ", "")


def _variants(name: str) -> set[str]:
    """The keys a name is known by: as written, and turned round at a comma or parenthesis.

    "Korea, Republic of" is also "Republic of Korea"; "Bolivia (Plurinational State of)"
    is also "Plurinational State of Bolivia" and "Bolivia".
    """
    forms = {name}
    if "," in name:
        head, _, tail = name.partition(",")
        forms.add(f"{tail} {head}")
    match = _PARENTHESIS.match(name)
    if match:
        forms.update(
            (f"{match['tail']} {match['head']}", f"{match['head']} {match['tail']}", match["head"])
        )
    return {name_key(f) for f in forms} - {""}


def _codes_of(code: str, alpha2: str, m49: str) -> set[str]:
    return {name_key(code), name_key(alpha2), *([m49] if m49 else [])}


@functools.cache
def _index() -> dict[str, str]:
    """Every key a party is known by, and its code; keys naming two parties are left out."""
    found: dict[str, set[str]] = {}
    exact: dict[str, str] = {}
    for entry in parties():
        for key in _codes_of(entry.code, entry.alpha2, entry.m49 or ""):
            exact[key] = entry.code
        for _lang, name in entry.names:
            for key in _variants(name):
                exact.setdefault(key, entry.code)
        for name in entry.other_names:
            for key in _variants(name):
                found.setdefault(key, set()).add(entry.code)
    index = {key: codes.pop() for key, codes in found.items() if len(codes) == 1}
    index.update(exact)  # codes and UN names win over any other name
    return index


@functools.cache
def _territories() -> dict[str, tuple[str, str]]:
    """Every key a territory is known by, and its code and ISO name."""
    index: dict[str, tuple[str, str]] = {}
    for row in _rows("territories.csv"):
        entry = (row["code"], row["name_en"])
        for key in _codes_of(row["code"], row["alpha2"], row["m49"]):
            index[key] = entry
        for name in [row["name_en"], *row["other_names"].split("|")]:
            for key in _variants(name):
                index.setdefault(key, entry)
    return index


def is_state_code(text: str) -> bool:
    """Whether *text* is the code of a party, exactly (upper case).

    >>> is_state_code("MEX"), is_state_code("EUU"), is_state_code("mex"), is_state_code("BMU")
    (True, True, False, False)
    """
    return text in _by_code()


def resolve_state(text: str) -> str:
    """Return the code of the State or organization *text* names.

    *text* may be an ISO alpha-3 or alpha-2 code, an M49 code (three digits), or a name in
    English, French or Spanish: the United Nations name, the ISO name, a former United
    Nations name or a common one, case-, accent- and space-insensitively.

    >>> resolve_state("Mexique"), resolve_state("fr"), resolve_state("Turkey")
    ('MEX', 'FRA', 'TUR')
    >>> resolve_state("Union européenne"), resolve_state("Corée du Sud"), resolve_state("704")
    ('EUU', 'KOR', 'VNM')

    Raises:
        UnknownStateError: *text* names no State or organization that can be a party (a
            territory is refused with that reason); the error suggests the closest names.
    """
    if not isinstance(text, str):
        raise UnknownStateError(text)
    index = _index()
    keys = _variants(text.strip())
    for key in keys:
        if key in index:
            return index[key]
    codes = _suggestions(text)
    suggestions = [f"{state_name(code)} ({code})" for code in codes]
    near = [Quoted(party(code)) for code in codes]
    for key in keys:
        territory = _territories().get(key)
        if territory is not None:
            code, name = territory
            raise UnknownStateError(
                text,
                suggestions,
                reason=f"names {name} ({code}), a territory or other place that is not a State"
                " and cannot be a party to the Protocol",
                said_reason=Message("msg_territory", text=Quoted(text), code=code),
                said_suggestions=near,
            )
    raise UnknownStateError(text, suggestions, said_suggestions=near)


def _suggestions(text: str) -> list[str]:
    """The codes of the parties whose names are nearest to *text*, best first."""
    index = _index()
    close = difflib.get_close_matches(name_key(text), index.keys(), n=5, cutoff=0.75)
    return list(dict.fromkeys(index[key] for key in close))


def state_name(code: str, lang: str = "en") -> str:
    """The United Nations short name of the party with *code*, in *lang* (English otherwise).

    >>> state_name("KOR", "fr"), state_name("RUS", "es"), state_name("EUU", "fr")
    ('République de Corée', 'Federación de Rusia', 'Union européenne')

    Raises:
        UnknownStateError: *code* is not the code of a party.
    """
    return party(code).name(lang)


def by_name(codes: Iterable[str], lang: str = "en") -> list[str]:
    """*codes* ordered by the parties' names in *lang*, as people read them.

    Accents and case do not count ("Égypte" comes among the E's).

    >>> by_name(["DEU", "AUS", "EGY", "COL"], "fr")
    ['DEU', 'AUS', 'COL', 'EGY']
    """
    return sorted(codes, key=lambda code: (fold(state_name(code, lang)), code))
