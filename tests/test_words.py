"""The word catalogues: every language has every word, compiled as its source says."""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from smomtrack._interchange.csv_format import COLUMNS
from smomtrack._interchange.rows import INFORMATIONAL, columns_of
from smomtrack._presentation.labels import word, words
from smomtrack._vocabulary.languages import OUTPUT_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "smomtrack" / "locale"
sys.path.insert(0, str(ROOT / "scripts"))

from catalogues import compiled  # noqa: E402 (the script that compiles the catalogues)


def _catalogue(lang: str) -> dict[str, str | tuple[str, ...]]:
    with (LOCALE / lang / "LC_MESSAGES" / "smomtrack.po").open("rb") as source:
        catalogue = read_po(source)
    entries: dict[str, str | tuple[str, ...]] = {}
    for message in catalogue:
        if message.id:
            key = message.id if isinstance(message.id, str) else message.id[0]
            text = message.string
            entries[key] = text if isinstance(text, str) else tuple(text or ())
    return entries


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


ENGLISH = _catalogue("en")


class TestCatalogues:
    @pytest.mark.parametrize("lang", OUTPUT_LANGUAGES)
    def test_every_language_has_every_word(self, lang: str) -> None:
        """Each catalogue has exactly the English entries, none empty, plural forms included."""
        entries = _catalogue(lang)
        assert set(entries) == set(ENGLISH), "entries missing or extra"
        for key, text in entries.items():
            forms = text if isinstance(text, tuple) else (text,)
            assert all(form.strip() for form in forms), f"{lang}: {key} is empty"
            english = ENGLISH[key]
            assert isinstance(text, tuple) == isinstance(english, tuple), key
            if isinstance(text, tuple):  # one form for one, one for several (nplurals=2)
                assert len(text) == 2, f"{lang}: {key} has {len(text)} plural forms"

    @pytest.mark.parametrize("lang", OUTPUT_LANGUAGES)
    def test_placeholders_are_the_english_ones(self, lang: str) -> None:
        """A translation fills the same ``{placeholders}`` as the English text."""
        for key, text in _catalogue(lang).items():
            english = ENGLISH[key]
            reference = _fields(english[-1] if isinstance(english, tuple) else english)
            for form in text if isinstance(text, tuple) else (text,):
                assert _fields(form) <= reference | {"n"}, f"{lang}: {key}"

    @pytest.mark.parametrize("lang", OUTPUT_LANGUAGES)
    def test_compiled_files_are_their_sources(self, lang: str) -> None:
        """The .mo file the library reads is the compilation of the .po file translators edit."""
        po = LOCALE / lang / "LC_MESSAGES" / "smomtrack.po"
        assert po.with_suffix(".mo").read_bytes() == compiled(po), (
            "run `python scripts/catalogues.py`"
        )

    def test_every_word_asked_for_exists(self) -> None:
        """Every key the code asks for by name is in the catalogues."""
        asked = set()
        for module in (ROOT / "src" / "smomtrack").rglob("*.py"):
            text = module.read_text(encoding="utf-8")
            asked |= set(re.findall(r"\bwords?\(\s*\"([a-z0-9_]+)\"", text))
            asked |= set(re.findall(r"\bMessage\(\s*\"([a-z0-9_]+)\"", text))
            asked |= {f"report_{k}" for k in re.findall(r"_phrase\(\s*\"([a-z0-9_]+)\"", text)}
            asked |= {f"cli_{k}" for k in re.findall(r"\bh\(\s*\"([a-z0-9_]+)\"\)", text)}
        assert {"msg_conflict", "cli_lang", "report_scope"} <= asked
        assert asked <= set(ENGLISH), sorted(asked - set(ENGLISH))

    def test_plural_entries_are_asked_with_a_count(self) -> None:
        """A word with plural forms is asked with its count, and a word without one never is.

        gettext would otherwise answer with the key itself: the library raises instead, so
        every mismatch here would be a refused message at run time.
        """
        with_count: set[str] = set()
        without: set[str] = set()
        for module in (ROOT / "src" / "smomtrack").rglob("*.py"):
            text = module.read_text(encoding="utf-8")
            with_count |= set(re.findall(r"\bwords\(\s*\"([a-z0-9_]+)\"", text))
            with_count |= set(
                re.findall(r"\bMessage\(\s*\"([a-z0-9_]+)\",\s*(?![a-z_]+=|\*)[^\s)]", text)
            )
            without |= set(re.findall(r"\bword\(\s*\"([a-z0-9_]+)\"", text))
            without |= set(
                re.findall(r"\bMessage\(\s*\"([a-z0-9_]+)\"\s*(?:\)|,\s*[a-z_]+=)", text)
            )
        plural = {key for key, text in ENGLISH.items() if isinstance(text, tuple)}
        assert with_count
        assert without
        assert with_count <= plural, sorted(with_count - plural)
        assert not without & plural, sorted(without & plural)


class TestTypography:
    """What the catalogues write follows each language's rules, with one apostrophe."""

    @staticmethod
    def _texts(lang: str) -> list[tuple[str, str]]:
        return [
            (key, form)
            for key, text in _catalogue(lang).items()
            for form in (text if isinstance(text, tuple) else (text,))
        ]

    def test_french_spaces(self) -> None:
        """French puts a no-break space before « : ; ? ! % » and inside guillemets, never a plain one."""
        for key, text in self._texts("fr"):
            assert not re.search(r" [:;?!%]", text), key
            assert "« " not in text, key
            assert " »" not in text, key
            assert not re.search(r"\w[;?!]", text), key  # a space there, a narrow one
            assert not re.search(r"[^\s\u00a0\u202f(]:(?!\d)", text) or "http" in text, key

    @pytest.mark.parametrize("lang", OUTPUT_LANGUAGES)
    def test_one_apostrophe(self, lang: str) -> None:
        """Words use the typographic apostrophe, as the UN's names of States do (Côte d’Ivoire).

        A command people type (pip install 'smomtrack[plot]') keeps its straight quotes.
        """
        for key, text in self._texts(lang):
            assert "'" not in text.split("pip install")[0], key

    def test_argparse_catalogues(self) -> None:
        """argparse's words exist in French and Spanish, each one a word argparse writes."""
        import argparse  # noqa: PLC0415
        import inspect  # noqa: PLC0415

        source = inspect.getsource(argparse)
        french = _catalogue_of("fr", "argparse")
        assert set(french) == set(_catalogue_of("es", "argparse"))
        assert {"usage: ", "unrecognized arguments: %s", "expected one argument"} <= set(french)
        for msgid in french:
            assert repr(msgid)[1:-1] in source or msgid.replace("\n", "\\n") in source, msgid


def _catalogue_of(lang: str, domain: str) -> dict[str, object]:
    with (LOCALE / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as source:
        return {
            (m.id if isinstance(m.id, str) else m.id[0]): m.string for m in read_po(source) if m.id
        }


class TestWords:
    def test_plural_forms(self) -> None:
        """One and several take their own forms, by each language's rule (French: 0 and 1 are one)."""
        assert words("more_rows", 1, "en") == "… 1 more row"
        assert words("more_rows", 2, "en") == "… 2 more rows"
        assert words("more_rows", 0, "fr") == "… 0 ligne de plus"
        assert words("report_months", 1, "es") == "1 mes"
        assert words("report_months", 6, "es") == "6 meses"

    def test_other_languages_fall_back_to_english(self) -> None:
        """A language smomtrack does not write gets English."""
        assert word("status", "de") == "Status"

    def test_unknown_key(self) -> None:
        """Asking for a word that does not exist is an error, not the key printed."""
        with pytest.raises(LookupError, match="no word 'nope'"):
            word("nope", "fr")

    @pytest.mark.parametrize("lang", OUTPUT_LANGUAGES)
    def test_one_header_per_column(self, lang: str) -> None:
        """CSV, workbooks and tables write one header per column, and the readers read it back."""
        written = [word(column, lang) for column in COLUMNS]
        found = columns_of(written, "header")
        assert found is not None
        positions, ignored = found
        assert positions == {column: index for index, column in enumerate(COLUMNS)}
        assert not ignored
        helping = [word(key, lang) for key in INFORMATIONAL.values()]
        found = columns_of([*written, *helping], "header")
        assert found is not None
        assert found[1] == []
