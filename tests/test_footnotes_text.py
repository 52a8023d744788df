"""Footnotes and wording in report text and in PDF pages: each problem said, nothing spliced."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from smomtrack import parse_report
from smomtrack._interchange.pdf_layout import Piece, _Rules, lay_out, pieces_of
from smomtrack._interchange.pdf_text import laid_out_text

IDENTITY = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]


def _lines(*lines: str) -> str:
    return "\n".join(lines)


def _keys(text: str, meeting: str = "SOM9") -> list[str]:
    return [w.message for w in parse_report(text, meeting=meeting).warnings]


class TestNotesInText:
    def test_notes_again_empty_and_missing(self) -> None:
        """A note given twice, a note without text, a marker without its note: warnings."""
        text = _lines(
            "B. Recommandations relatives à la coopération",
            "Recommandation 1",
            "Les États parties devraient agir<sup>1</sup>.",
            "Recommandation 2",
            "Les États parties devraient coopérer<sup>2</sup><sup>3</sup>.",
            "",
            "<sup>1</sup> Voir la résolution 5/3.",
            "<sup>1</sup> Une seconde note 1.",
            "<sup>2</sup> **",
        )
        parsed = parse_report(text, meeting="SOM9")
        said = [w.message for w in parsed.warnings]
        assert "footnote 1 appears again; the first one is kept" in said
        assert "footnote 2 has no text" in said
        assert "the text calls footnote 3, which the document does not hold" in said
        first, second = parsed.recommendations
        assert [(f.number, f.text.value) for f in first.footnotes] == [
            (1, "Voir la résolution 5/3.")
        ]
        assert second.footnotes == ()
        assert second.text("fr").value == "Les États parties devraient coopérer."

    def test_a_title_that_is_all_wording(self) -> None:
        """A section whose title is only a recommendation's wording keeps its letter, editorial."""
        text = _lines(
            "II. Recommandations adoptées par le Groupe de travail",
            "B. Les États parties devraient agir vite",
            "3. Les États parties devraient agir.",
        )
        parsed = parse_report(text, meeting="SOM9")
        theme = parsed.themes[0]
        assert theme.title("fr").value == "B"
        assert not theme.title("fr").official
        said = " ".join(w.message for w in parsed.warnings)
        assert "section B has no title left" in said

    def test_a_title_on_two_lines_with_a_note_between(self) -> None:
        """A section title wrapped over two lines is one title; a note line in it is skipped."""
        text = _lines(
            "II. Recommendations adopted by the Working Group",
            "A. Recommendations on cooperation with the private sector",
            "<sup>1</sup> A note printed between the title's lines.",
            "to prevent smuggling",
            "",
            "3. States parties should act<sup>1</sup>.",
        )
        parsed = parse_report(text, meeting="SOM3")
        assert parsed.themes[0].title("en").value == (
            "Recommendations on cooperation with the private sector to prevent smuggling"
        )
        assert [f.number for f in parsed.recommendations[0].footnotes] == [1]

    def test_a_sub_heading_holding_wording(self) -> None:
        """A short numbered line with a recommendation's wording is not kept as a sub-heading."""
        text = _lines(
            "II. Recommendations adopted by the Working Group",
            "A. Recommendations on cooperation",
            "3. General: States parties should act",
            "4. States parties should cooperate with one another in every case.",
        )
        said = _keys(text, "SOM3")
        assert any("holds a recommendation’s wording" in m for m in said), said


class TestPagesAsDrawn:
    def test_rules_drawn_as_rectangles_and_lines(self) -> None:
        """A thin short rectangle or line is a separator; a path not painted or wrong is none."""
        rules = _Rules()
        rules(b"re", [72, 120, 100, 0.5], IDENTITY, None)
        rules(b"f", [], IDENTITY, None)
        rules(b"m", [72, 300], IDENTITY, None)
        rules(b"l", [172, 300], IDENTITY, None)
        rules(b"S", [], IDENTITY, None)
        rules(b"m", [72, 400], IDENTITY, None)
        rules(b"l", [172, 400], IDENTITY, None)
        rules(b"n", [], IDENTITY, None)  # a clipping path, never painted
        rules(b"re", ["x", 1, 2, 3], IDENTITY, None)  # damaged operands
        rules(b"f", [], IDENTITY, None)
        rules(b"re", [72, 500, 500, 0.5], IDENTITY, None)  # as wide as the page: not a separator
        rules(b"f", [], IDENTITY, None)
        assert rules.found == [120.25, 300.0]

    def test_pieces_upright_only(self) -> None:
        """Rotated text (a stamp in the margin) is not the document's."""

        class Page:
            def extract_text(
                self,
                visitor_text: Callable[..., None],
                visitor_operand_before: Callable[..., None],
            ) -> str:
                visitor_text("Stamp", IDENTITY, [0.0, 1.0, -1.0, 0.0, 20.0, 400.0], None, 10.0)
                visitor_text("\n", IDENTITY, [1.0, 0.0, 0.0, 1.0, 72.0, 690.0], None, 11.0)
                visitor_text("Body\nline", IDENTITY, [1.0, 0.0, 0.0, 1.0, 72.0, 700.0], None, 11.0)
                visitor_operand_before(b"n", [], IDENTITY, None)
                return ""

        pieces, rules = pieces_of(Page())
        assert pieces == [Piece("Body line", 72.0, 700.0, 11.0)]
        assert rules == []

    def test_a_note_continued_on_the_next_page(self) -> None:
        """A foot that starts with no number after a page ending in a note continues it."""

        def page(body: Sequence[str], foot: Sequence[Piece]) -> tuple[list[Piece], list[float]]:
            pieces = [Piece(t, 72.0, 700.0 - 14.0 * i, 11.0) for i, t in enumerate(body)]
            return [*pieces, *foot], [112.0]

        read = laid_out_text(
            [
                page(
                    ["Les États parties devraient agir", "et coopérer."],
                    [
                        Piece("1", 72.0, 104.0, 5.5),
                        Piece(" Une note longue qui se pour-", 76.0, 100.0, 9.0),
                        Piece("suit à la ligne,", 72.0, 90.0, 9.0),
                    ],
                ),
                page(
                    ["Suite du texte.", "Et une autre ligne."],
                    [Piece("puis sur la page suivante.", 72.0, 100.0, 9.0)],
                ),
            ]
        )
        assert read.problems == ()
        (note,) = read.pages[0].footnotes
        assert note.text == "Une note longue qui se poursuit à la ligne, puis sur la page suivante."
        assert read.pages[1].footnotes == ()
        assert "puis sur la page" not in read.text.split("\f")[1]

    def test_the_first_page_has_nothing_to_continue(self) -> None:
        """Without a note before it, unnumbered small type at the foot is a problem."""
        pieces = [
            Piece("Corps du texte.", 72.0, 700.0, 11.0),
            Piece("Autre ligne du corps.", 72.0, 686.0, 11.0),
            Piece("sans numéro", 72.0, 100.0, 9.0),
        ]
        page = lay_out(1, pieces, rules=[112.0], carry=False)
        assert [p.key for p in page.problems] == ["pdf_foot_not_understood"]
        carried = lay_out(2, pieces, rules=[112.0], carry=True)
        assert [(n.number, n.text) for n in carried.footnotes] == [(0, "sans numéro")]
        assert carried.problems == ()
