"""Reports people can publish (issue 12): standalone HTML, Word documents, charts, tables that fit."""

from __future__ import annotations

import io
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import attrs
import docx
import matplotlib as mpl
import pytest
from docx.oxml.ns import qn

from smomtrack import (
    Tracker,
    builtin_catalogue,
    compile_by_topic,
    matrix,
    progress,
    report,
    summarize,
    synthetic,
)
from smomtrack._presentation.colours import STATUS_COLOURS
from smomtrack._presentation.labels import format_ordinal
from smomtrack._rendering.blocks import HeatMap
from smomtrack._rendering.heat_map import heat_rows, matrix_parts
from smomtrack._rendering.report_docx import HEAT_NAMES, write_docx
from smomtrack._rendering.report_html import write_html
from smomtrack._summaries.matrix import MATRIX_SYMBOLS, Matrix
from smomtrack._summaries.presentation import SHOWN_ROWS
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.statuses import Status
from smomtrack.cli import main
from smomtrack.exceptions import MissingExtraError, SmomtrackError

mpl.use("Agg")

AS_OF = "2023-12-31"


@pytest.fixture(scope="module")
def tracker() -> Tracker:
    return synthetic(states=30, seed=4)


class _Document(HTMLParser):
    """The structure of an HTML document: its tags in order, and the text of its headings."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.open: list[str] = []
        self.headings: list[str] = []
        self.lang = ""
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag not in {"meta", "br", "path", "use", "rect", "stop", "line"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] in {"h1", "h2", "h3"} and data.strip():
            self.headings.append(data.strip())


class TestStandaloneHtml:
    def test_a_whole_document(self, tracker: Tracker) -> None:
        """Doctype, charset, language, embedded styles, nothing fetched, charts inline."""
        page = report(tracker, lang="fr", format="html", as_of=AS_OF)
        parsed = _Document()
        parsed.feed(page)
        parsed.close()
        assert parsed.doctype.lower() == "doctype html"
        assert parsed.lang == "fr"
        assert '<meta charset="utf-8">' in page
        assert page.count("<style>") == 1  # ours, in the head (charts carry their own)
        assert "http://" not in page.replace("http://www.w3.org", "")  # only SVG namespaces
        assert 'src="' not in page  # nothing outside the file
        assert "<link" not in page
        # themes, regions, progress as pictures; the heat map as tables, a part per group
        assert parsed.tags.count("svg") == 3
        assert page.count('<table class="heat">') == 5
        assert page.count('<figure class="heat"') == 5
        assert "@page { size: A4 portrait" in page
        assert "@page detailed { size: A4 landscape; }" in page
        assert parsed.headings[0].startswith("Mise en œuvre des recommandations")
        assert "Par groupe régional" in parsed.headings

    def test_figures_right_aligned_and_one_legend(self, tracker: Tracker) -> None:
        """Numbers are in right-aligned cells; each part of the heat map carries one legend."""
        page = report(tracker, lang="en", format="html", as_of=AS_OF)
        assert '<td class="num">' in page
        assert page.count("● Implemented") == page.count("<figcaption>Figure: status of each")

    def test_markdown_has_one_legend(self, tracker: Tracker) -> None:
        """The text report's matrix carries its legend, once."""
        text = report(tracker, lang="en", format="markdown", as_of=AS_OF)
        assert text.count("● Implemented · – Not applicable") == 1


class TestHeatMapTables:
    """A part of the heat map is a table in documents: each cell its status's colour and symbol."""

    @staticmethod
    def part(tracker: Tracker) -> Matrix:
        _, first = matrix_parts(matrix(tracker, as_of=AS_OF))[0]
        state, key = first.states[0], first.recommendations[0]
        cells = {pair: status for pair, status in first.cells.items() if pair != (state, key)}
        return attrs.evolve(first, cells=cells)  # one pair not expected

    def test_word(self, tracker: Tracker) -> None:
        """Cells shaded and marked as the statuses are; a pair not expected hatched."""
        part = self.part(tracker)
        data = write_docx([HeatMap(part, "fr", "Figure : essai")], "fr")
        table = docx.Document(io.BytesIO(data)).tables[0]
        drawn = heat_rows(part, "fr")
        body = table.rows[1 if drawn.heading is None else 2 :]
        assert [row.cells[0].text for row in body] == [name for name, _ in drawn.rows]
        for row, (_, statuses) in zip(body, drawn.rows, strict=True):
            for cell, status in zip(row.cells[1:], statuses, strict=True):
                shading = cell._tc.xpath("./w:tcPr/w:shd")[0]
                if status is None:
                    assert (shading.get(qn("w:val")), cell.text) == ("diagStripe", "")
                else:
                    assert shading.get(qn("w:fill")) == STATUS_COLOURS[status][1:].upper()
                    assert cell.text == MATRIX_SYMBOLS[status]
        legend = docx.Document(io.BytesIO(data)).paragraphs
        assert any("Non\u00a0attendu" in p.text for p in legend)

    def test_html(self, tracker: Tracker) -> None:
        """Each cell says its status (title), the hatched one says it is not expected."""
        part = self.part(tracker)
        page = write_html([HeatMap(part, "es", "Figura: prueba")], "es")
        drawn = heat_rows(part, "es")
        for status in {s for _, statuses in drawn.rows for s in statuses}:
            label = "No esperado" if status is None else status.label("es")
            assert f'title="{label}"' in page
        assert page.count("<td") == sum(len(statuses) for _, statuses in drawn.rows)
        assert page.count('<td class="none"') == 1


class TestWord:
    def test_headings_tables_images(self, tracker: Tracker) -> None:
        """The .docx opens with python-docx: headings, tables, images, landscape A4."""
        data = report(tracker, lang="fr", format="docx", as_of=AS_OF)
        assert isinstance(data, bytes)
        document = docx.Document(io.BytesIO(data))
        headings = [
            p.text
            for p in document.paragraphs
            if p.style is not None and str(p.style.name).startswith(("Heading", "Title"))
        ]
        assert headings[0] == "Groupe de travail sur le trafic illicite de migrants"
        assert headings[1].startswith("Mise en œuvre des recommandations")
        assert "Par groupe régional" in headings
        assert any(h.startswith("7e réunion") for h in headings)
        assert len(document.tables) >= 6
        assert len(document.inline_shapes) == 3  # themes, regions, progress
        grids = [t._tbl.tblGrid.gridCol_lst for t in document.tables]
        heat = [grid for grid in grids if round((grid[0].w or 0) / 360000, 1) == HEAT_NAMES]
        assert len(heat) == 5  # the heat map as tables, a part per group
        section = document.sections[0]
        assert section.page_width is not None
        assert section.page_height is not None
        assert section.page_width < section.page_height  # portrait, as the Organization's
        annex = document.sections[-1]
        assert (annex.page_width or 0) > (annex.page_height or 0)  # the annex, in landscape
        first = document.tables[1]  # after the masthead's
        assert first.rows[0].cells[0].text == "Thème"

    def test_matrix_cells_are_coloured(self, tracker: Tracker) -> None:
        """Table cells carry the colours of the statuses (the heat map in the tables)."""
        data = report(tracker, lang="en", format="docx", as_of=AS_OF)
        fills = set()
        for table in docx.Document(io.BytesIO(data)).tables:
            for cell in table._cells:
                for shading in cell._tc.iter(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd"
                ):
                    fills.add(
                        shading.get(
                            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill"
                        )
                    )
        assert "DDE5F0" in fills  # header rows

    def test_the_command_line_writes_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """report --format docx -o FILE writes the document; without -o it says it needs one."""
        target = tmp_path / "r.docx"
        status = main(["report", "--synthetic-states", "8", "--as-of", AS_OF, "--format", "docx",
                       "-o", str(target), "--lang", "es"])  # fmt: skip
        assert status == 0
        paragraphs = docx.Document(str(target)).paragraphs
        titles = [p.text for p in paragraphs if p.style is not None and p.style.name == "Title"]
        assert titles[0].startswith("Aplicación")
        assert main(["report", "--format", "docx", "--synthetic-states", "3"]) == 2
        assert "needs a file: -o report.docx" in capsys.readouterr().err


class TestCharts:
    @pytest.mark.parametrize("lang", ["en", "fr", "es"])
    def test_stacked_bars_in_each_language(self, tracker: Tracker, lang: str) -> None:
        """A summary's chart: one bar per group, every status (no information too), labels in lang."""
        summary = summarize(tracker, "region", as_of=AS_OF)
        ax = summary.plot(lang)
        legend = [text.get_text() for text in ax.get_legend().get_texts()]
        assert legend == [status.label(lang) for status in Status]
        assert len(ax.get_yticklabels()) == len(summary.rows)
        assert ax.get_xlabel()
        assert ax.get_title(loc="left")
        ax.figure.clf()

    def test_heat_map(self, tracker: Tracker) -> None:
        """The matrix's chart: States by name on one axis, recommendations on the other."""
        result = matrix(tracker, as_of=AS_OF)
        ax = result.plot("fr")
        names = [t.get_text() for t in ax.get_yticklabels()]
        assert names == sorted(names, key=fold)
        numbers = [key.rpartition("-")[2] for key in result.recommendations]
        assert [t.get_text() for t in ax.get_xticklabels()] == numbers  # one meeting: its numbers
        assert "○ Non entamée" in [t.get_text() for t in ax.get_legend().get_texts()]
        ax.figure.clf()

    def test_heat_map_cells_are_a_few_collections(self, tracker: Tracker) -> None:
        """Every cell's symbol is drawn, by one collection per status, not one text per cell."""
        result = matrix(tracker, as_of=AS_OF)
        ax = result.plot("en")
        import numpy as np  # noqa: PLC0415 (with the extra)
        from matplotlib.collections import PathCollection  # noqa: PLC0415

        symbols = [c for c in ax.collections if isinstance(c, PathCollection)]
        drawn = sorted(np.shape(collection.get_offsets())[0] for collection in symbols)
        by_status: dict[Status, int] = {}
        for status in result.cells.values():
            if status is not None:
                by_status[status] = by_status.get(status, 0) + 1
        assert drawn == sorted(by_status.values())
        assert not ax.texts
        ax.figure.clf()

    def test_progress_and_files(self, tracker: Tracker, tmp_path: Path) -> None:
        """Progress draws too; charts save as SVG and PNG."""
        ax = progress(tracker, "2021-12-31", AS_OF, by="theme").plot("es")
        assert "Evolución entre" in ax.get_title(loc="left")
        ax.figure.savefig(tmp_path / "p.svg")
        ax.figure.savefig(tmp_path / "p.png")
        ET.parse(tmp_path / "p.svg")  # noqa: S314 (our own file): a well-formed SVG
        assert (tmp_path / "p.png").read_bytes()[:4] == b"\x89PNG"
        ax.figure.clf()

    def test_the_palette_is_shared_and_colour_blind_safe(self) -> None:
        """The chart palette is the HTML matrix's, and goes red to blue, not red to green."""
        assert STATUS_COLOURS[Status.IMPLEMENTED] == "#2c7bb6"
        assert STATUS_COLOURS[Status.NOT_STARTED] == "#d7191c"

    def test_missing_extra(self, tracker: Tracker, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without matplotlib, the error names the extra."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)  # not installed
        monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)  # not installed
        with pytest.raises(MissingExtraError, match=r"smomtrack\[plot\]"):
            summarize(tracker, "theme").plot()

    def test_no_chart(self) -> None:
        """A result without a chart says so."""
        with pytest.raises(SmomtrackError, match="no chart"):
            compile_by_topic(builtin_catalogue()).plot()


class TestTablesThatFit:
    def test_ordinals(self) -> None:
        """1st, 2nd, 3rd, 21st; 1re, 2e; 1.ª."""
        assert [format_ordinal(n, "en") for n in (1, 2, 3, 4, 11, 21)] == [
            "1st", "2nd", "3rd", "4th", "11th", "21st",
        ]  # fmt: skip
        assert (format_ordinal(1, "fr"), format_ordinal(2, "fr")) == ("1re", "2e")
        assert format_ordinal(7, "es") == "7.ª"

    def test_jupyter_shows_a_part(self, tracker: Tracker) -> None:
        """A long result shows its first rows in Jupyter, then how many more."""
        result = summarize(synthetic(states=80, seed=1), "state")
        page = result._repr_html_()
        assert page.count("<tr>") == SHOWN_ROWS + 2  # the header, the rows shown, the "more" line
        assert f"… {len(result.rows) + 1 - SHOWN_ROWS} more rows" in page
        assert "more rows" not in summarize(tracker, "theme")._repr_html_()

    def test_records_and_pandas(self, tracker: Tracker) -> None:
        """to_pandas() gives the records as a DataFrame."""
        frame = summarize(tracker, "state", as_of=AS_OF).to_pandas()
        assert list(frame.columns[:3]) == ["state", "name", "expected"]  # codes and names
        assert len(frame) == 30

    def test_full_titles_in_notes(self, tracker: Tracker) -> None:
        """Theme tables give the full titles of the themes in a note of the HTML report."""
        page = report(tracker, format="html", as_of=AS_OF)
        title = builtin_catalogue().theme("SOM7-B").title("en").value
        assert f'<p class="note">II.B: {title}</p>' in page.replace("&#x27;", "'")


def test_a_web_page_without_the_plot_extra(
    tracker: Tracker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without matplotlib the web page is still made, without charts, and says why."""
    import importlib.util  # noqa: PLC0415 (what the report asks)

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *args: None if name == "matplotlib" else real(name, *args),
    )
    page = report(tracker, lang="en", format="html", as_of=AS_OF)
    assert "<svg" not in page
    assert "need the “plot” extra" in page
