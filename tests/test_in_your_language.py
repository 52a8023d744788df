"""A national focal point's session, end to end through the command line, in their language.

The questionnaire is generated, filled in through another spreadsheet library (openpyxl),
validated, imported; a misspelt status, a bare recommendation number, a conflict and a
correction each get their message. Nothing the person reads is in another language, no
Python name reaches the terminal, and the suggestions are those of the person's language.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import openpyxl
import pytest

from smomtrack.cli import main

SESSIONS = {
    "fr": {
        "state": "Maroc",
        "implemented": "Mise en œuvre",
        "in_progress": "En cours",
        "misspelt": "Mise en euvre",
        "suggested": "«\u00a0Mise en œuvre\u00a0»",
        "yes": "oui",
        "correction": "Correction",
        "sheet": "Réponses",
    },
    "es": {
        "state": "Marruecos",
        "implemented": "Aplicada",
        "in_progress": "En curso",
        "misspelt": "Aplicda",
        "suggested": "«Aplicada»",
        "yes": "sí",
        "correction": "Corrección",
        "sheet": "Respuestas",
    },
    "en": {
        "state": "Morocco",
        "implemented": "Implemented",
        "in_progress": "In progress",
        "misspelt": "Implemnted",
        "suggested": "“Implemented”",
        "yes": "yes",
        "correction": "Correction",
        "sheet": "Responses",
    },
}

_ENGLISH_WORDS = {
    "row", "rows", "column", "error", "warning", "mean", "recorded", "refused", "blank",
    "valid", "already", "written", "fill", "status", "statuses", "accepted", "usage",
    "arguments", "nothing", "file", "the", "and", "of", "is", "not", "with",
}  # fmt: skip
_ALSO = {"fr": {"arguments"}, "es": {"error"}}
"""English words that are words of the language too ("arguments" in French, "error" in Spanish)."""


def _english(lang: str) -> re.Pattern[str]:
    return re.compile(rf"\b({'|'.join(sorted(_ENGLISH_WORDS - _ALSO[lang]))})\b", re.IGNORECASE)


FRENCH = re.compile(r"\b(ligne|lignes|colonne|erreur|vouliez|enregistrée?s?|refusée?s?|déjà)\b")
SPANISH = re.compile(r"\b(fila|filas|columna|quiso|registradas?|rechazadas?|ya)\b")
PYTHON = re.compile(r"\w+\(\)|\b[a-z]+_[a-z_]+\b|\bNone\b|\bTrue\b")


def _run(*argv: str) -> tuple[int, str]:
    """Run the command line; its exit status and all it printed (both streams)."""
    out = io.StringIO()
    with contextlib.redirect_stderr(out):
        try:
            status = main(list(argv), out=out)
        except SystemExit as exc:  # argparse refuses the command line itself
            status = int(exc.code or 0)
    return status, out.getvalue()


def _fill(path: Path, target: Path, answers: dict[int, str], session: dict[str, str]) -> None:
    """Answer the questionnaire at *path* as a person would, with another program."""
    book = openpyxl.load_workbook(path)
    sheet = book[session["sheet"]]
    for row, status in answers.items():
        sheet.cell(row=row, column=6, value=status)
    book.save(target)


def _session(lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Play the focal point's session; return everything the terminal showed, step by step."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", {"fr": "fr_FR.UTF-8", "es": "es_ES.UTF-8"}.get(lang, "en_GB.UTF-8"))
    s = SESSIONS[lang]
    said: list[str] = []

    status, text = _run(
        "template", "-o", "q.xlsx", "--states", s["state"], "--lang", lang, "--meeting",
        "SOM7", "--as-of", "2024-06-30", "--deadline", "2025-03-31", "--contact",
        "focal.point@example.org",
    )  # fmt: skip
    assert status == 0, text
    said.append(text)

    # Recommendation 1 implemented, 2 misspelt, 3 in progress; row 5 written as a bare "4".
    _fill(Path("q.xlsx"), Path("rempli.xlsx"), {2: s["implemented"], 3: s["misspelt"],
                                                 4: s["in_progress"], 5: s["in_progress"]}, s)  # fmt: skip
    book = openpyxl.load_workbook("rempli.xlsx")
    book[s["sheet"]].cell(row=5, column=2, value="4")
    book.save("rempli.xlsx")

    status, text = _run("validate", "rempli.xlsx")  # the language of the person's computer
    assert status == 1
    assert s["suggested"] in text, text
    said.append(text)

    status, text = _run("validate", "rempli.xlsx", "--lang", lang)
    assert status == 1
    said.append(text)

    status, text = _run(
        "import", "rempli.xlsx", "--into", "suivi.sqlite", "--states", s["state"],
        "--meeting", "SOM7", "--lang", lang,
    )  # fmt: skip
    assert status == 1, text  # the misspelt row is refused, the others recorded
    said.append(text)

    # The same answer again, changed: a conflict; then the change as a correction.
    _fill(Path("q.xlsx"), Path("change.xlsx"), {2: s["in_progress"]}, s)
    status, text = _run("import", "change.xlsx", "--into", "suivi.sqlite", "--lang", lang)
    assert status == 1, text
    said.append(text)
    book = openpyxl.load_workbook("change.xlsx")
    sheet = book[s["sheet"]]
    sheet.cell(row=1, column=13, value=s["correction"])
    sheet.cell(row=2, column=13, value=s["yes"])
    book.save("correction.xlsx")
    status, text = _run("import", "correction.xlsx", "--into", "suivi.sqlite", "--lang", lang)
    assert status == 0, text
    said.append(text)

    status, text = _run("export", "suivi.sqlite", "-o", "export.csv", "--lang", lang)
    assert status == 0, text
    said.append(text)
    assert s["state"] in Path("export.csv").read_text(encoding="utf-8-sig")

    status, text = _run("validate", "rempli.xlsx", "--lang", lang, "--max-errors", "x")
    assert status == 2
    said.append(text)
    status, text = _run("import", "rempli.xlsx", "--lang", lang)  # --into forgotten
    assert status == 2
    said.append(text)
    return said


class TestFocalPoint:
    @pytest.mark.parametrize("lang", ["fr", "es"])
    def test_no_english_reaches_the_terminal(
        self, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every message of the session is in the person's language, in people's words."""
        said = _session(lang, tmp_path, monkeypatch)
        english = _english(lang)
        for text in said:
            assert not english.search(text), (english.search(text), text)
            assert not PYTHON.search(text), (PYTHON.search(text), text)
        other = SPANISH if lang == "fr" else FRENCH
        assert not any(other.search(text) for text in said)

    def test_the_same_in_english(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """In English, no French or Spanish word either, and no Python name."""
        said = _session("en", tmp_path, monkeypatch)
        for text in said:
            assert not FRENCH.search(text), text
            assert not SPANISH.search(text), text
            assert not PYTHON.search(text), (PYTHON.search(text), text)

    def test_what_the_french_session_says(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The messages name the State, the recommendation, the status and the fix."""
        said = "\n".join(_session("fr", tmp_path, monkeypatch))
        assert "q.xlsx\u00a0: 18 lignes à remplir" in said
        assert "«\u00a0Mise en euvre\u00a0» n’est pas un statut de mise en œuvre" in said
        assert "«\u00a04\u00a0» n’est pas une recommandation du catalogue" in said
        assert (
            "Maroc, recommandation 1 de la 7e réunion, au 30 juin 2024\u00a0: déjà enregistré"
            " comme «\u00a0Mise en œuvre\u00a0», pas «\u00a0En cours\u00a0»" in said
        )
        assert "écrivez oui dans une colonne Correction" in said
        assert "1 enregistrée, 0 déjà présente, 0 refusée, 17 vides" in said
        assert "arguments non reconnus" in said or "obligatoires" in said

    def test_suggestions_in_the_language_of_the_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An English-speaking analyst reading a French file is offered the French labels."""
        _session("fr", tmp_path, monkeypatch)
        monkeypatch.setenv("LANG", "en_GB.UTF-8")
        status, text = _run("validate", "rempli.xlsx")
        assert status == 1
        assert "did you mean “Mise en œuvre”? Accepted statuses: Non entamée, Prévue" in text
        assert "Implemented" not in text

    def test_the_language_of_the_environment(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without --lang, the locale's language speaks; an explicit --lang wins over it."""
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("LANG", "es_ES.UTF-8")
        assert "no se puede leer" in _run("validate", "nada.xlsx")[1]
        monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
        assert "illisible" in _run("validate", "nada.xlsx")[1]
        assert "cannot be read" in _run("validate", "nada.xlsx", "--lang", "en")[1]
        monkeypatch.setenv("LC_ALL", "C")
        assert "cannot be read" in _run("validate", "nada.xlsx")[1]
