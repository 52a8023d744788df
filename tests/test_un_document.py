"""A report the Secretariat can issue as it is: the Word and HTML documents' structure.

What a reader checks on paper, checked in the files: the masthead, the running header and
footer, the document's language and properties, pictures and tables within the page, the
annex of official texts, one language per report, and counts of one in the singular.
"""

from __future__ import annotations

import io
import re
import string
import zipfile
from pathlib import Path
from typing import Any

import docx
import matplotlib as mpl
import pytest
from babel.messages.pofile import read_po
from docx.oxml.ns import qn

from smomtrack import Tracker, builtin_catalogue, matrix, report, synthetic
from smomtrack._rendering.document_tables import BOLD, CHAR, PAD
from smomtrack._rendering.heat_map import matrix_parts
from smomtrack._rendering.report_docx import HEAT_NAMES, PAGE, printable

mpl.use("Agg")

AS_OF = "2023-12-31"
LOCALE = Path(__file__).resolve().parent.parent / "src" / "smomtrack" / "locale"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EMU_PER_CM = 360_000


@pytest.fixture(scope="module")
def tracker() -> Tracker:
    return synthetic(states=40, seed=3)


@pytest.fixture(scope="module")
def french(tracker: Tracker) -> bytes:
    return report(
        tracker,
        lang="fr",
        format="docx",
        as_of=AS_OF,
        symbol="CTOC/COP/WG.7/2024/2",
        author="Secrétariat",
        issued="15 février 2024",
    )


def _text(document: docx.document.Document) -> str:
    """Every text of the document's body: paragraphs and table cells."""
    return "\n".join(node.text or "" for node in document.element.body.iter(f"{W}t"))


def _style(paragraph: Any) -> str:
    """The name of a paragraph's style."""
    return "" if paragraph.style is None else str(paragraph.style.name)


def _english_phrases() -> list[str]:
    """Runs of at least four words of the English catalogue's report phrases."""
    with (LOCALE / "en" / "LC_MESSAGES" / "smomtrack.po").open("rb") as source:
        catalogue = read_po(source)
    phrases: list[str] = []
    for message in catalogue:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if not key or not key.startswith(("report_", "masthead_", "status_", "definition_")):
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in (str(form) for form in forms if form):
            for literal, *_ in string.Formatter().parse(form):
                pieces = re.split(r"[.;:()]", literal)
                phrases.extend(piece.strip() for piece in pieces if len(piece.split()) >= 4)
    return phrases


class TestWordDocument:
    def test_masthead(self, french: bytes) -> None:
        """United Nations, the symbol, the Conference, distribution, date, original language."""
        document = docx.Document(io.BytesIO(french))
        first = document.paragraphs[0].text
        assert first == "Nations Unies\tCTOC/COP/WG.7/2024/2"
        masthead = document.tables[0]
        organ, details = (cell.text for cell in masthead.rows[0].cells)
        assert organ.startswith("Conférence des Parties à la Convention des Nations Unies")
        assert details.split("\n") == [
            "Distr. générale",
            "15 février 2024",
            "",
            "Original\u00a0: français",
        ]
        titles = [p.text for p in document.paragraphs if _style(p) == "Title"]
        title = "Mise en œuvre des recommandations du Groupe de travail sur le trafic illicite"
        assert titles == [f"{title} de migrants"]

    def test_no_symbol_is_made_up(self, tracker: Tracker) -> None:
        """Without a symbol, the masthead and the header carry none."""
        document = docx.Document(io.BytesIO(report(tracker, format="docx", as_of=AS_OF)))
        assert document.paragraphs[0].text == "United Nations"
        assert all(not s.header.paragraphs[0].text for s in document.sections)

    def test_running_header_and_footer(self, french: bytes) -> None:
        """Every page but the first: the symbol at the top, the page number (a field) below."""
        document = docx.Document(io.BytesIO(french))
        assert len(document.sections) == 2  # the annex of complete tables is in landscape
        for index, section in enumerate(document.sections):
            assert section.different_first_page_header_footer == (index == 0)
            assert section.header.paragraphs[0].text == "CTOC/COP/WG.7/2024/2"
            fields = [
                f.get(f"{W}instr").strip() for f in section.footer._element.iter(f"{W}fldSimple")
            ]
            assert fields == ["PAGE"]
            assert not section.first_page_header.paragraphs[0].text

    def test_language_and_properties(self, french: bytes) -> None:
        """The document speaks French (spelling, hyphenation); its properties name no program."""
        document = docx.Document(io.BytesIO(french))
        defaults = document.styles.element.find(f"{W}docDefaults")
        assert defaults is not None
        languages = {e.get(qn("w:val")) for e in document.styles.element.iter(f"{W}lang")}
        assert languages == {"fr-FR"}
        properties = document.core_properties
        assert properties.author == "Secrétariat"
        assert properties.language == "fr-FR"
        assert properties.title.startswith("Mise en œuvre")
        with zipfile.ZipFile(io.BytesIO(french)) as archive:
            for name in archive.namelist():
                if name.startswith("docProps/"):
                    assert b"python-docx" not in archive.read(name), name

    def test_styles_are_not_the_library_defaults(self, french: bytes) -> None:
        """Times New Roman, black headings that keep with the next paragraph."""
        document = docx.Document(io.BytesIO(french))
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
            style = document.styles[name]
            assert style.font.name == "Times New Roman", name
            assert str(style.font.color.rgb) in {"000000", "None"}, name
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
            assert document.styles[name].paragraph_format.keep_with_next, name
        numbered = [p.text for p in document.paragraphs if _style(p) == "Numbered"]
        assert [text.split("\t")[0] for text in numbered] == [
            f"{n}." for n in range(1, len(numbered) + 1)
        ]

    def test_pictures_and_tables_within_the_page(self, french: bytes) -> None:
        """No picture and no table is wider (or a picture taller) than the printable area."""
        document = docx.Document(io.BytesIO(french))
        body = document.element.body
        sections = iter(document.sections)
        section = next(sections)
        checked_tables = checked_pictures = checked_heat = 0
        for child in body.iterchildren():
            orientation = (
                "portrait"
                if (section.page_width or 0) < (section.page_height or 0)
                else "landscape"
            )
            width, height = printable(orientation)
            if child.tag == f"{W}tbl":
                columns = [int(c.get(f"{W}w")) / 567 for c in child.iter(f"{W}gridCol")]
                assert sum(columns) <= width + 0.05, sum(columns)
                checked_tables += 1
                rows = child.findall(f"{W}tr")
                assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
                if round(columns[0], 1) == HEAT_NAMES:  # a heat map part: on one page
                    assert len(rows) * 0.42 + 1 <= height
                    checked_heat += 1
            for extent in child.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
            ):
                assert int(extent.get("cx")) / EMU_PER_CM <= width + 0.01
                assert int(extent.get("cy")) / EMU_PER_CM <= height + 0.01
                checked_pictures += 1
            if child.tag == f"{W}p" and child.find(f"{W}pPr/{W}sectPr") is not None:
                section = next(sections)
        assert checked_tables >= 8
        parts = matrix_parts(matrix(synthetic(states=40, seed=3), as_of=AS_OF))
        assert checked_pictures == 3  # themes, regions, progress
        assert checked_heat == len(parts)  # the heat map: a table per part, within the page
        assert PAGE["portrait"] == (21.0, 29.7)

    def test_no_header_breaks_inside_a_word(self, french: bytes) -> None:
        """Each column is at least as wide as its header's longest word, in bold."""
        document = docx.Document(io.BytesIO(french))
        for table in document.tables[1:]:
            grid = [int(c.get(f"{W}w")) / 567 for c in table._tbl.iter(f"{W}gridCol")]
            if not table.rows[0].cells[0].paragraphs[0].runs:
                continue  # a heat map part: numbers head its columns
            sizes = {r.font.size.pt for r in table.rows[0].cells[0].paragraphs[0].runs}
            size = max(sizes)
            for cell, width in zip(table.rows[0].cells, grid, strict=True):
                longest = max([len(w) for w in cell.text.split()] + [1])
                assert width >= longest * size * CHAR * BOLD + PAD - 0.01, (cell.text, width)

    def test_figures_right_aligned_and_totals_bold(self, french: bytes) -> None:
        """Figures to the right, the total row in bold, header rows repeated on every page."""
        document = docx.Document(io.BytesIO(french))
        table = document.tables[1]
        total = table.rows[-1]
        assert total.cells[0].text == "Total"
        assert all(run.bold for cell in total.cells for p in cell.paragraphs for run in p.runs)
        assert total.cells[-1].paragraphs[0].alignment == 2  # right
        assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None

    def test_people_s_labels_not_keys(self, french: bytes) -> None:
        """Recommendation 13 and section II.B, never SOM7-13 or SOM7-B."""
        text = _text(docx.Document(io.BytesIO(french)))
        assert "SOM7-" not in text
        assert "Section II.B. Recommandations relatives" in text
        assert "Recommandation 13" in text

    def test_annex_of_official_texts(self, french: bytes) -> None:
        """The 18 official texts, verbatim, with their sources, in an annex."""
        document = docx.Document(io.BytesIO(french))
        quotes = [p.text for p in document.paragraphs if _style(p) == "Quote"]
        catalogue = builtin_catalogue()
        assert quotes == [
            catalogue.recommendation(f"SOM7-{n}").text("fr").value for n in range(1, 19)
        ]
        headings = [p.text for p in document.paragraphs]
        assert "Annexe I" in headings
        assert "Rapport de la 7e réunion, section II.B" in headings

    @pytest.mark.parametrize("lang", ["fr", "es"])
    def test_one_language(self, tracker: Tracker, lang: str) -> None:
        """No "[en]", and no English sentence of the catalogues, in a French or Spanish report."""
        text = _text(
            docx.Document(io.BytesIO(report(tracker, lang=lang, format="docx", as_of=AS_OF)))
        )
        assert "[en]" not in text
        found = [phrase for phrase in _english_phrases() if phrase in text]
        assert not found

    def test_original_language_said_once(self, tracker: Tracker) -> None:
        """The Spanish report gives the French official headings and texts, and says so."""
        text = _text(
            docx.Document(io.BytesIO(report(tracker, lang="es", format="docx", as_of=AS_OF)))
        )
        assert "Sección II.B. Recommandations relatives aux répercussions" in text
        assert text.count("idioma de su única versión oficial") == 1
        assert text.count("idioma de la única versión oficial conocida") == 1


class TestSingular:
    @pytest.mark.parametrize(
        ("lang", "phrase"),
        [("fr", "porte sur 1 État et 18 recommandations"),
         ("es", "abarca 1 Estado y 18 recomendaciones"),
         ("en", "covers 1 State and 18 recommendations")],
    )  # fmt: skip
    def test_one_state(self, lang: str, phrase: str) -> None:
        tracker = Tracker(builtin_catalogue(), ["MAR"])
        tracker.record("MAR", "SOM7-1", "implemented", as_of="2023-06-30")
        text = report(tracker, lang=lang, as_of=AS_OF)
        assert phrase in text


class TestHtmlDocument:
    def test_masthead_pages_and_fitting(self, tracker: Tracker) -> None:
        """The masthead, the symbol and page numbers in the margins, tables that scroll."""
        page = report(tracker, lang="fr", format="html", as_of=AS_OF, symbol="CTOC/COP/WG.7/2024/2")
        assert '<header class="masthead">' in page
        assert '<span class="symbol">CTOC/COP/WG.7/2024/2</span>' in page
        assert '@top-right { content: "CTOC/COP/WG.7/2024/2"' in page
        assert "@bottom-center { content: counter(page)" in page
        assert "break-after: avoid" in page
        heat = page.count('<table class="heat">')  # a heat map part fits the page as it is
        assert heat
        assert page.count('<div class="table">') == page.count("<table") - heat
        assert '<p class="numbered">' in page
        assert "Annexe I" in page
        assert "SOM7-" not in page

    def test_symbol_cannot_end_the_styles(self, tracker: Tracker) -> None:
        """A symbol is text: it never closes the page's styles or its markup."""
        page = report(tracker, format="html", as_of=AS_OF, symbol='A</style><script>"x')
        assert page.count("<style") == page.count("</style>")  # ours, and the charts' own
        assert '"A\\3c /style>\\3c script>\\"x"' in page  # a CSS string
        assert "<script>" not in page
