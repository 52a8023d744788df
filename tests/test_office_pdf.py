"""PDFs made by an office suite (issue 21): footnotes by layout, never spliced, never lost.

The fixtures under ``tests/data/office/`` are LibreOffice Writer documents with real
footnotes, alternate running headers, a job number and a bar code, converted to PDF by the
office suite; ``tests/office_pdf.py`` is their recipe. Where LibreOffice is installed, one
test makes them again and reads them the same.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smomtrack import Catalogue, builtin_catalogue, from_json, parse_report, to_json
from smomtrack._interchange import report_text
from smomtrack._interchange.pdf_layout import Piece, lay_out
from smomtrack._interchange.pdf_text import laid_out_text
from smomtrack.extending import read_document
from tests.office_pdf import (
    ENGLISH_NOTES,
    ENGLISH_PARAGRAPHS,
    FRENCH_NOTES,
    JOB,
    OFFICE,
    SYMBOL,
    english_report,
    french_report,
    office_pdf,
    soffice,
)

FRENCH = OFFICE / "rapport-notes.fr.pdf"
ENGLISH = OFFICE / "report-notes.en.pdf"
_GLUED = re.compile(r"[^\W\d_][.,;:]?\d|<sup>")
"""A digit right after a letter (or its punctuation), or a marker: a footnote marker glued."""


def _check_french(path: Path) -> None:
    parsed = parse_report(path, meeting="SOM7")
    assert parsed.warnings == ()
    catalogue = builtin_catalogue()
    # every official text verbatim
    assert [r.text("fr") for r in parsed.recommendations] == [r.text("fr") for r in catalogue]
    assert [t.title("fr") for t in parsed.themes] == [
        t.title("fr") for t in catalogue.themes("SOM7")
    ]
    # every footnote kept as a note of its recommendation, none anywhere else
    for rec in parsed.recommendations:
        expected = [note.text for note in FRENCH_NOTES.get(rec.number or 0, ())]
        assert [f.text.value for f in rec.footnotes] == expected, rec.key
        for note in rec.footnotes:
            assert note.text.official
            assert note.text.source is not None
            assert f"footnote {note.number}, {SYMBOL}, page " in note.text.source
    # the notes outside the recommendations section are read, and kept apart
    assert len(parsed.footnotes) == 8
    assert [f.number for f in parsed.footnotes] == list(range(1, 9))
    everything = " ".join(
        [r.text("fr").value for r in parsed.recommendations]
        + [t.title("fr").value for t in parsed.themes]
    )
    assert not any(f.text.value[:25] in everything for f in parsed.footnotes)
    # no marker glued, no furniture
    for rec in parsed.recommendations:
        assert not _GLUED.search(rec.text("fr").value.replace("COVID-19", "COVID")), rec.key
    assert JOB not in everything
    assert SYMBOL not in everything
    assert "*0000000*" not in everything


class TestCommittedFixtures:
    def test_the_french_addendum_with_footnotes(self) -> None:
        """18 official texts verbatim, 8 footnotes, each recommendation's as its notes."""
        _check_french(FRENCH)

    def test_the_pages_as_laid_out(self) -> None:
        """Markers raised, notes after their page's text, furniture in the raw text only."""
        read = read_document(FRENCH)
        assert read.problems == ()
        assert read.symbol == SYMBOL
        assert len(read.pages) >= 3
        assert f"{JOB} (F)" in read.text  # the first page's job number and bar code…
        assert "<sup>6</sup>" in read.text
        # each page's notes come after its text, in order
        for page in read.pages:
            numbers = [note.number for note in page.footnotes]
            assert numbers == sorted(numbers)
            assert all(note.page == page.number for note in page.footnotes)
        assert sum(len(page.footnotes) for page in read.pages) == 8

    def test_a_recommendation_split_across_pages(self) -> None:
        """Recommendation 11 continues after its page's notes: read whole, its note apart."""
        parsed = parse_report(FRENCH, meeting="SOM7")
        rec = next(r for r in parsed.recommendations if r.number == 11)
        assert rec.text("fr") == builtin_catalogue().recommendation("SOM7-11").text("fr")
        assert [f.number for f in rec.footnotes] == [6]

    def test_the_english_report_numbering_its_paragraphs(self) -> None:
        """Paragraphs 3 to 7 verbatim, notes in and outside the section kept apart."""
        parsed = parse_report(ENGLISH, meeting="SOM3")
        recs = parsed.recommendations
        assert [r.key for r in recs] == [f"SOM3-{n}" for n in ENGLISH_PARAGRAPHS]
        assert [r.text("en").value for r in recs] == list(ENGLISH_PARAGRAPHS.values())
        for rec in recs:
            expected = [note.text for note in ENGLISH_NOTES.get(rec.number or 0, ())]
            assert [f.text.value for f in rec.footnotes] == expected
        assert len(parsed.footnotes) == 4
        assert str(recs[0].source).startswith("SOM3, section II.A, para. 3, ")
        assert "page" in str(recs[0].source)

    def test_footnotes_go_with_the_record(self) -> None:
        """A recommendation's footnotes survive the catalogue's JSON."""
        parsed = parse_report(FRENCH, meeting="SOM7")
        catalogue = Catalogue().with_report(parsed)
        again = from_json(to_json(catalogue))
        assert isinstance(again, Catalogue)
        assert [r.footnotes for r in again] == [r.footnotes for r in parsed.recommendations]
        assert sum(len(r.footnotes) for r in again) == 5


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
class TestMadeByLibreOffice:
    def test_the_recipe_makes_what_is_committed(self, tmp_path: Path) -> None:
        """The recipe's documents, converted now, read as the committed files do."""
        _check_french(office_pdf(french_report(), tmp_path / "rapport-notes.fr.pdf", lang="fr"))
        made = office_pdf(english_report(), tmp_path / "report-notes.en.pdf", lang="en")
        assert [r.text("en") for r in parse_report(made, meeting="SOM3").recommendations] == [
            r.text("en") for r in parse_report(ENGLISH, meeting="SOM3").recommendations
        ]


# -- pages made of pieces: what the foot of a page may hold -------------------------------------


def _body(*texts: str, top: float = 700.0) -> list[Piece]:
    return [Piece(text, 72.0, top - 14.0 * i, 11.0) for i, text in enumerate(texts)]


class TestFootOfThePage:
    def test_a_raised_marker_and_its_note(self) -> None:
        """A raised number after a word is a marker; the small type under the rule its note."""
        pieces = [
            Piece("Les États parties devraient agir", 72.0, 700.0, 11.0),
            Piece("1", 240.0, 704.0, 6.5),
            Piece(" dans le respect du droit.", 244.0, 700.0, 11.0),
            *_body("Deuxième ligne du texte.", top=686.0),
            Piece("1", 72.0, 104.0, 5.5),
            Piece(" Voir la résolution 5/3.", 76.0, 100.0, 9.0),
        ]
        page = lay_out(1, pieces, rules=[112.0])
        assert (
            page.lines[0]
            == "Les États parties devraient agir<sup>1</sup> dans le respect du droit."
        )
        assert [(n.number, n.text) for n in page.footnotes] == [(1, "Voir la résolution 5/3.")]
        assert page.problems == ()

    def test_foot_text_not_understood_is_said_with_its_page(self) -> None:
        """Small type under the rule that starts with no marker is a problem, never text."""
        pieces = [
            *_body("Les États parties devraient agir.", "Ils devraient aussi coopérer."),
            Piece("Texte sans numéro au pied de la page.", 72.0, 100.0, 9.0),
        ]
        page = lay_out(3, pieces, rules=[112.0])
        assert all("sans numéro" not in line for line in page.lines)
        assert [p.key for p in page.problems] == ["pdf_foot_not_understood"]
        for lang in ("en", "fr", "es"):
            said = page.problems[0].text(lang)
            assert "3" in said
            assert "sans numéro" in said

    def test_a_marker_without_its_note(self) -> None:
        """A raised number with no note at the page's foot is a problem naming it."""
        pieces = [
            Piece("Les États parties devraient agir", 72.0, 700.0, 11.0),
            Piece("4", 240.0, 704.0, 6.5),
            Piece(".", 244.0, 700.0, 11.0),
            *_body("Suite du texte.", top=686.0),
        ]
        page = lay_out(2, pieces)
        assert page.lines[0] == "Les États parties devraient agir<sup>4</sup>."
        assert [(p.key, p.values["number"]) for p in page.problems] == [
            ("pdf_marker_without_note", 4)
        ]

    def test_problems_reach_the_reader_as_warnings(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """What a page's foot holds and nobody understood is a warning of the report."""
        body = ["B. Recommandations relatives à la coopération", "Recommandation 1"]
        pieces = [
            *_body(*body, "Les États parties devraient agir."),
            Piece("Texte perdu au pied de la page.", 72.0, 100.0, 9.0),
        ]
        read = laid_out_text([(pieces, [112.0])])
        assert [p.key for p in read.problems] == ["pdf_foot_not_understood"]
        assert "Texte perdu" not in read.text
        monkeypatch.setattr(report_text, "read_document", lambda _source: read)
        parsed = parse_report("(read above)", meeting="SOM9")
        assert [r.text("fr").value for r in parsed.recommendations] == [
            "Les États parties devraient agir."
        ]
        [warning] = parsed.warnings
        assert "page 1" in warning.message
        assert "Texte perdu au pied de la page." in warning.message
