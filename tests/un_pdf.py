"""Real PDF files laid out like UN documents, for the tests: made with fpdf2 (a test dependency).

Each page has the document symbol at the top (right on odd pages, left on even ones), the
job number, page number and bar code at the bottom (in the other order on even pages),
and the footnotes of its paragraphs below a rule; text is justified like a UN document's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs
from fpdf import FPDF

__all__ = ["Footnoted", "Heading", "Para", "Row", "from_markdown", "un_pdf"]


@attrs.frozen
class Heading:
    text: str


@attrs.frozen
class Para:
    text: str


@attrs.frozen
class Footnoted:
    """A paragraph whose footnote *number* is glued to the word before it (``maritime1``)."""

    text: str
    number: int
    note: str


@attrs.frozen
class Row:
    """A row of a table, its cells in columns (the annex of an agenda)."""

    cells: Sequence[str]


Block = Heading | Para | Footnoted | Row
_WIDTHS = (45, 22, 0)


class _Document(FPDF):
    def __init__(self, symbol: str, job: str) -> None:
        super().__init__(format="A4")
        self.core_fonts_encoding = "windows-1252"
        self.symbol, self.job = symbol, job
        self.notes: dict[int, list[tuple[int, str]]] = {}
        self.set_auto_page_break(auto=True, margin=45)
        self.alias_nb_pages()

    def header(self) -> None:
        self.set_font("helvetica", size=8)
        self.cell(0, 6, self.symbol, align="R" if self.page_no() % 2 else "L")
        self.ln(12)

    def footer(self) -> None:
        notes = self.notes.get(self.page_no(), [])
        if notes:
            self.set_y(-40)
            self.set_font("helvetica", size=8)
            self.cell(40, 4, "_" * 16, new_x="LMARGIN", new_y="NEXT")
            for number, note in notes:
                self.multi_cell(0, 4, f"{number} {note}", align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_y(-15)
        self.set_font("helvetica", size=8)
        code = "*" + "".join(c for c in self.job if c.isdigit()) + "*"
        page = f"{self.page_no()}/{{nb}}"
        pieces = (f"{self.job} (F)", page, code) if self.page_no() % 2 else (page, self.job, code)
        self.cell(60, 5, pieces[0])
        self.cell(60, 5, pieces[1], align="C")
        self.cell(0, 5, pieces[2], align="R")


def un_pdf(path: Path, blocks: Iterable[Block], *, symbol: str, job: str) -> Path:
    """Write *blocks* as a PDF file laid out like a UN document; return its path."""
    document = _Document(symbol, job)
    document.add_page()
    for block in blocks:
        if isinstance(block, Heading):
            document.set_font("helvetica", style="B", size=11)
            document.multi_cell(0, 6, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            document.ln(2)
        elif isinstance(block, Row):
            document.set_font("helvetica", size=9)
            for width, cell in zip(_WIDTHS, block.cells, strict=False):
                document.cell(width, 5, cell)
            document.ln(5)
        else:
            document.set_font("helvetica", size=10)
            document.multi_cell(0, 5, block.text, align="J", new_x="LMARGIN", new_y="NEXT")
            if isinstance(block, Footnoted):
                document.notes.setdefault(document.page_no(), []).append((block.number, block.note))
            document.ln(3)
    document.output(str(path))
    return path


_NOTE_MARK = re.compile(r"<sup>(\d+)</sup>")
_NOTE_LINE = re.compile(r"^<sup>(\d+)</sup>\s*(.*)$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def from_markdown(markdown: str, *, table_after: str | None = None) -> list[Block]:
    """A UN document's Markdown (as in the seeds) as blocks: headings, paragraphs, footnotes.

    Lines after a line equal to *table_after* that hold tabs are table rows.
    """
    notes = {
        int(m[1]): _LINK.sub(r"\1", m[2]).strip()
        for line in markdown.splitlines()
        if (m := _NOTE_LINE.match(line.strip()))
    }
    blocks: list[Block] = []
    in_table = False
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or _NOTE_LINE.match(line):
            continue
        plain = re.sub(r"</?[a-z]+>", "", line.replace("*", "")).lstrip("#").strip()
        plain = plain.removeprefix("- ").strip()
        if table_after is not None and plain == table_after:
            in_table = True
        if in_table and "\t" in raw:
            cells = [re.sub(r"</?[a-z]+>", "", c).replace("*", "").strip() for c in raw.split("\t")]
            blocks.append(Row(cells))
            continue
        mark = _NOTE_MARK.search(line)
        if mark:
            number = int(mark[1])
            text = re.sub(r"</?[a-z]+>", "", _NOTE_MARK.sub(mark[1], line.replace("*", "")))
            blocks.append(Footnoted(text.lstrip("#").strip(), number, notes.get(number, "")))
        elif raw.lstrip().startswith("#"):
            blocks.append(Heading(plain))
        else:
            blocks.append(Para(plain))
    return blocks
