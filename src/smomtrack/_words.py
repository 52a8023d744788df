"""The words people read, from the message catalogues: one entry per word, per language.

Every label, header, sheet name, instruction, report phrase and message smomtrack writes
lives in the gettext catalogues under ``smomtrack/locale/<lang>/LC_MESSAGES/smomtrack.po``
(what translators edit), compiled into the ``.mo`` files beside them (what the standard
library's :mod:`gettext` reads). Code asks for a word by its key and never spells it:

>>> word("status", "fr")
'Statut'
>>> words("more_rows", 1, "fr"), words("more_rows", 3, "en")
('… 1 ligne de plus', '… 3 more rows')

A message is said once, as a :class:`Message` (its key and its values), and written in
any language when a person reads it; its values write themselves in that language too
(a State's name, a status's label, a date), where they have a ``label(lang)`` method:

>>> Message("msg_rows_refused", 1).text("fr"), Message("msg_rows_refused", 2).text("es")
('1 ligne refusée', '2 filas rechazadas')

A language smomtrack does not write falls back to English. Asking for a key that no
catalogue holds is a programming error (:class:`LookupError`), never a silent key.

This module is the ground floor: it imports nothing of smomtrack, so that every layer,
the exceptions included, can say what it has to say.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Final, Protocol, final, runtime_checkable

__all__ = [
    "DOMAIN",
    "MESSAGE_LANGUAGES",
    "Labelled",
    "Listed",
    "Message",
    "Quoted",
    "argparse_catalogue",
    "catalogue",
    "environment_language",
    "number",
    "word",
    "words",
]

DOMAIN = "smomtrack"
"""The catalogues' gettext domain (their file name)."""

MESSAGE_LANGUAGES: Final = ("en", "fr", "es")
"""The languages smomtrack writes in (its outputs and its messages)."""


@functools.cache
def catalogue(lang: str, domain: str = DOMAIN) -> gettext.GNUTranslations:
    """The compiled catalogue of *domain* in *lang* (English for a language not written)."""
    if lang not in MESSAGE_LANGUAGES:
        lang = "en"
    path = resources.files("smomtrack").joinpath("locale", lang, "LC_MESSAGES", f"{domain}.mo")
    with path.open("rb") as data:
        return gettext.GNUTranslations(data)


@functools.cache
def argparse_catalogue(lang: str) -> gettext.NullTranslations:
    """The words of the standard library's :mod:`argparse` in *lang* (its own English for ``en``).

    argparse writes its usage lines, headings and errors through :mod:`gettext`; the
    ``argparse`` catalogues beside smomtrack's hold their French and Spanish.
    """
    if lang not in MESSAGE_LANGUAGES or lang == "en":
        return gettext.NullTranslations()
    return catalogue(lang, "argparse")


def _missing(key: str) -> LookupError:
    return LookupError(f"no word {key!r} in smomtrack's catalogues")


def word(key: str, lang: str, /, **values: object) -> str:
    """The word (or phrase) *key* in *lang*, its ``{placeholders}`` filled with *values*.

    Raises:
        LookupError: No catalogue holds *key*.
    """
    text = catalogue(lang).gettext(key)
    if text == key:
        raise _missing(key)
    return text.format(**values) if values else text


def words(key: str, n: int, lang: str, /, **values: object) -> str:
    """The form of *key* for the count *n* in *lang* (one, or several), ``{n}`` filled in.

    The catalogue's plural rule chooses the form: French says "1 ligne", "0 ligne".

    Raises:
        LookupError: No catalogue holds *key*.
    """
    text = catalogue(lang).ngettext(key, key, n)
    if text == key:
        raise _missing(key)
    return text.format(n=number(n, lang), **values)


def number(value: int, lang: str) -> str:
    """A whole number as *lang* writes it: ``12,345``; ``12 345`` (a narrow no-break space).

    >>> number(1234567, "en"), number(1234567, "fr"), number(999, "es")
    ('1,234,567', '1\u202f234\u202f567', '999')
    """
    text = f"{value:,}"
    return text if lang not in {"fr", "es"} else text.replace(",", "\u202f")


@runtime_checkable
class Labelled(Protocol):
    """A value that writes itself in a language (a status, a State's name, a date)."""

    def label(self, lang: str) -> str:
        """The value in *lang*."""
        ...


@final
class Quoted:
    r"""A text a person typed (or a word), quoted as *lang* quotes: “text”, « text », «text».

    >>> Quoted("En cour").label("fr")
    '«\xa0En cour\xa0»'
    """

    __slots__ = ("text",)

    def __init__(self, text: object) -> None:
        self.text: str | Labelled = text if isinstance(text, str | Labelled) else repr(text)

    def label(self, lang: str) -> str:
        """The text between the quotation marks of *lang*."""
        text = self.text if isinstance(self.text, str) else self.text.label(lang)
        shown = text if len(text) <= 200 else text[:199] + "…"
        return word("quoted", lang, text=shown)

    def __str__(self) -> str:
        return self.label("en")

    def __repr__(self) -> str:
        return f"Quoted({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Quoted) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


@final
class Listed:
    """Several values written as a list of *lang*: ``a, b or c``; ``a, b ou c``.

    >>> Listed(["Prévue", "En cours"], "or").label("es")
    'Prévue o En cours'
    """

    __slots__ = ("joiner", "values")

    def __init__(self, values: Iterable[object], joiner: str = "and") -> None:
        self.values = tuple(values)
        self.joiner = joiner

    def label(self, lang: str) -> str:
        """The values in *lang*, the last two joined by "and" or "or"."""
        shown = [_shown(value, lang) for value in self.values]
        if len(shown) <= 1:
            return "".join(shown)
        return word(f"list_{self.joiner}", lang, first=", ".join(shown[:-1]), last=shown[-1])

    def __repr__(self) -> str:
        return f"Listed({self.values!r}, {self.joiner!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Listed)
            and other.values == self.values
            and other.joiner == self.joiner
        )

    def __hash__(self) -> int:
        return hash((self.values, self.joiner))


@final
class Message:
    """What a person reads: said once (a key and its values), written in any language.

    Args:
        key: The catalogues' key (``msg_…``).
        n: For a message with plural forms, the count that chooses the form.
        values: The ``{placeholders}``: numbers, texts, or values that write themselves
            (:class:`Labelled`: a status, a State, a date, a :class:`Quoted` text, another
            message).
    """

    __slots__ = ("key", "n", "values")

    def __init__(self, key: str, n: int | None = None, /, **values: object) -> None:
        self.key = key
        self.n = n
        self.values: Mapping[str, object] = values

    def text(self, lang: str) -> str:
        """The message in *lang* (English where smomtrack does not write *lang*)."""
        shown = {name: _shown(value, lang) for name, value in self.values.items()}
        if self.n is None:
            return word(self.key, lang, **shown)
        return words(self.key, self.n, lang, **shown)

    def label(self, lang: str) -> str:
        """The message in *lang* (so that a message can be a value of another)."""
        return self.text(lang)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        values = "".join(f", {name}={value!r}" for name, value in self.values.items())
        count = "" if self.n is None else f", {self.n}"
        return f"Message({self.key!r}{count}{values})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Message)
            and (other.key, other.n) == (self.key, self.n)
            and dict(other.values) == dict(self.values)
        )

    def __hash__(self) -> int:
        return hash((self.key, self.n))


def _shown(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, Labelled):
        return value.label(lang)
    return str(value)


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment's locale asks for, if smomtrack writes it; else English.

    Read as gettext reads it: the first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set (``fr_FR.UTF-8`` is French; ``C`` and ``POSIX`` are English).

    >>> environment_language({"LANG": "es_ES.UTF-8"}), environment_language({"LC_ALL": "C"})
    ('es', 'en')
    """
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if not value:
            continue
        for choice in value.split(":"):  # LANGUAGE lists languages in order of preference
            lang = choice.split(".")[0].split("@")[0].split("_")[0].lower()
            if lang in MESSAGE_LANGUAGES:
                return lang
        return "en"
    return "en"
