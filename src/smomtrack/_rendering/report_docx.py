"""A report as a Word document (``.docx``), with python-docx (the optional ``docx`` extra).

Laid out as a document of the Working Group: A4 landscape, so that the wide tables fit the
page; a title block with the date; headings by meeting, theme and regional group; tables
in a small type with their header row repeated on every page; the matrix in the colours of
the charts; charts as images; notes (editorial texts, sources, legends) in a smaller type.
Word and LibreOffice Writer open it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from smomtrack._extras import require
from smomtrack._presentation.colours import STATUS_COLOURS
from smomtrack._rendering.blocks import Block, Chart, Heading, Paragraph, Table
from smomtrack._summaries.presentation import TableData

__all__ = ["write_docx"]

_WIDE = 10
"""Tables with more columns than this are set in the smallest type."""


def _docx() -> Any:
    return require("docx", "reports as Word documents (.docx)", "docx")


def write_docx(blocks: Iterable[Block], lang: str) -> bytes:
    """The blocks as a Word document in language *lang*; its bytes."""
    docx = _docx()
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415 (with the extra)
    from docx.shared import Mm, Pt  # noqa: PLC0415

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    document.core_properties.language = lang
    width = Mm(297 - 30)
    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                document.core_properties.title = block.text
                document.add_heading(block.text, level=0)
            else:
                document.add_heading(block.text, level=block.level - 1)
        elif isinstance(block, Paragraph):
            _paragraph(document, block, Pt)
        elif isinstance(block, Table):
            _table(document, block.result.table_data(block.lang), width, Pt)
        elif isinstance(block, Chart):
            _chart(document, block, width, Pt)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraph(document: Any, block: Paragraph, points: Any) -> None:
    paragraph = document.add_paragraph()
    for index, piece in enumerate(block.text.split("**")):
        run = paragraph.add_run(piece)
        run.bold = index % 2 == 1
        if block.note:
            run.italic = True
            run.font.size = points(8.5)


def _table(document: Any, data: TableData, width: Any, points: Any) -> None:
    size = points(6.5) if len(data.headers) > _WIDE else points(8)
    table = document.add_table(rows=1, cols=len(data.headers))
    table.style = "Table Grid"
    table.autofit = False
    header = table.rows[0]
    _repeat_header(header)
    for cell, text in zip(header.cells, data.headers, strict=True):
        _text(cell, text, size, bold=True)
        _shade(cell, "DDE5F0")
    for index, row in enumerate(data.rows):
        cells = table.add_row().cells
        for column, text in enumerate(row):
            _text(cells[column], text, size, bold=False)
            if data.statuses is not None and column:
                status = data.statuses[index][column - 1]
                if status is not None:
                    _shade(cells[column], STATUS_COLOURS[status].lstrip("#").upper())
    for column, share in zip(table.columns, _shares(data), strict=True):
        column.width = int(width * share)  # the table's grid (what Writer reads)
        for cell in column.cells:
            cell.width = int(width * share)  # and each cell's (what Word reads)
    for note in data.notes:
        _paragraph(document, Paragraph(note, note=True), points)


def _shares(data: TableData) -> list[float]:
    """Each column's share of the page: text columns wide, figures narrow."""
    weights = []
    for index, header in enumerate(data.headers):
        longest = max([len(word) for word in header.split()] + [1])
        cells = [len(row[index]) for row in data.rows if index < len(row)]
        text = max(cells, default=0)
        weights.append(min(max(longest, min(text, 40), 4), 40))
    total = sum(weights)
    return [weight / total for weight in weights]


def _text(cell: Any, text: str, size: Any, *, bold: bool) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.font.size = size
    run.bold = bold


def _shade(cell: Any, colour: str) -> None:
    """Fill a cell with a colour (python-docx has no call for it: the XML element)."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 (with the extra)
    from docx.oxml.ns import qn  # noqa: PLC0415

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)  # noqa: SLF001 (the documented way)


def _repeat_header(row: Any) -> None:
    """Repeat the header row at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 (with the extra)
    from docx.oxml.ns import qn  # noqa: PLC0415

    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)  # noqa: SLF001 (the documented way)


def _chart(document: Any, block: Chart, width: Any, points: Any) -> None:
    ax = block.result.plot(block.lang)
    figure = ax.figure
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    import matplotlib.pyplot as plt  # noqa: PLC0415 (the chart's own library, already loaded)

    plt.close(figure)
    buffer.seek(0)
    inches = figure.get_size_inches()
    document.add_picture(buffer, width=min(width, int(width * inches[0] / 11)))
    _paragraph(document, Paragraph(block.caption, note=True), points)
