"""A report as a Word document (``.docx``), laid out as a document of the Working Group.

With python-docx (the optional ``docx`` extra). What the United Nations Editorial Manual
asks of a document's first page and what the Conference's own documents show: the
masthead (United Nations, the document symbol when one is given, the Conference, the
distribution, the date of issue, the original language), the Working Group and the
title; then numbered paragraphs, headings that keep with what follows, tables that fit
the page, and annexes. A4 in portrait; the annex of detailed tables in landscape. Every
page after the first has the symbol in its header and its number in its footer (fields,
which Word and LibreOffice Writer compute). The document's language is the report's
(spelling, hyphenation), its properties name no program.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from smomtrack._extras import require
from smomtrack._presentation.colours import (
    DARK_STATUSES,
    HATCH,
    NOT_EXPECTED_COLOUR,
    OUTLINE,
    STATUS_COLOURS,
)
from smomtrack._presentation.labels import word
from smomtrack._rendering.blocks import (
    Block,
    Chart,
    Heading,
    HeatMap,
    Masthead,
    Paragraph,
    Quote,
    Table,
)
from smomtrack._rendering.document_tables import NUMBER, for_document, is_total, widths
from smomtrack._rendering.heat_map import heat_rows
from smomtrack._summaries.matrix import MATRIX_SYMBOLS
from smomtrack._summaries.presentation import TableData
from smomtrack._vocabulary.statuses import Status

__all__ = ["HEAT_NAMES", "PAGE", "write_docx"]

PAGE = {"portrait": (21.0, 29.7), "landscape": (29.7, 21.0)}
"""A4, in centimetres (width, height)."""

MARGIN = 2.0
"""Every margin of the page, in centimetres."""

_LOCALES = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}
"""The language tag of each report language (United Nations English is British)."""

_FONT = "Times New Roman"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _docx() -> Any:
    return require("docx", "reports as Word documents (.docx)", "docx")


def printable(orientation: str) -> tuple[float, float]:
    """The width and height (cm) between the margins of an A4 page."""
    width, height = PAGE[orientation]
    return width - 2 * MARGIN, height - 2 * MARGIN


class _Writer:
    """One document being written, block after block."""

    def __init__(self, lang: str) -> None:
        docx = _docx()
        self.lang = lang
        self.document = docx.Document()
        self.paragraphs = 0  # numbered paragraphs so far
        self.annexes = 0
        self.annex: list[tuple[str, TableData]] = []  # detailed tables, with their heading
        self.heading = ""  # the last heading, to name an annex table
        self.masthead: Masthead | None = None
        _styles(self.document, lang)
        section = self.document.sections[0]
        _page(section, "portrait")

    def write(self, block: Block) -> None:
        if isinstance(block, Masthead):
            self.masthead = block
        elif isinstance(block, Heading):
            self._heading(block)
        elif isinstance(block, Paragraph):
            self._paragraph(block)
        elif isinstance(block, Quote):
            paragraph = self.document.add_paragraph(block.text, style="Quote")
            _language(paragraph.runs[0], block.lang)
        elif isinstance(block, Table):
            body, detailed = for_document(block)
            self._table(body, "portrait")
            if detailed is not None:
                self.annex.append((self.heading, detailed))
        elif isinstance(block, Chart):
            self._chart(block)
        elif isinstance(block, HeatMap):
            _heat_map(self.document, block)

    def _heading(self, block: Heading) -> None:
        if block.level == 1:
            _properties(self.document, block.text, self.masthead, self.lang)
            if self.masthead is not None:
                _masthead(self.document, self.masthead, self.lang)
            self.document.add_paragraph(block.text, style="Title")
            return
        if block.annex:
            self.document.add_paragraph(self._annex(), style="Annex")
        style = f"Heading {min(block.level - 1, 3)}"
        self.document.add_paragraph(block.text, style=style)
        self.heading = block.text

    def _annex(self) -> str:
        """The next annex's number: "Annexe I", "Annexe II"."""
        self.annexes += 1
        return word("report_annex", self.lang, number=_ROMAN[self.annexes - 1])

    def _paragraph(self, block: Paragraph) -> None:
        style = "Note" if block.note else "Normal"
        paragraph = self.document.add_paragraph(style=style)
        if block.numbered:
            self.paragraphs += 1
            paragraph.style = self.document.styles["Numbered"]
            paragraph.add_run(f"{self.paragraphs}.\t")
        for index, piece in enumerate(block.text.split("**")):
            run = paragraph.add_run(piece)
            run.bold = index % 2 == 1

    def _table(self, data: TableData, orientation: str) -> None:
        page = printable(orientation)[0]
        for size in (8.0, 7.0, 6.5, 6.0):
            columns = widths(data, page, size)
            if columns is not None:
                break
        else:
            size = 6.0
            columns = [page / len(data.headers)] * len(data.headers)
        _table(self.document, data, columns, size, self.lang)

    def _chart(self, block: Chart) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415 (with the extra)
        from docx.shared import Cm  # noqa: PLC0415

        ax = block.result.plot(block.lang)
        figure = ax.figure
        width_in, height_in = figure.get_size_inches()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=200)
        import matplotlib.pyplot as plt  # noqa: PLC0415 (the chart's own library, loaded)

        plt.close(figure)
        buffer.seek(0)
        room_width, room_height = printable("portrait")
        room_height -= 3.0  # the heading and the caption beside it on the page
        scale = min(1.0, room_width / (width_in * 2.54), room_height / (height_in * 2.54))
        self.document.add_picture(buffer, width=Cm(width_in * 2.54 * scale))
        picture = self.document.paragraphs[-1].paragraph_format
        picture.keep_with_next = True
        picture.line_spacing = 1.0  # not the text's exact 12 points: the picture whole
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.document.add_paragraph(block.caption, style="Caption")

    def finish(self) -> bytes:
        if self.annex:
            self._detailed_annex()
        symbol = None if self.masthead is None else self.masthead.symbol
        for index, section in enumerate(self.document.sections):
            _running(section, symbol, first=index == 0)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def _detailed_annex(self) -> None:
        from docx.enum.section import WD_SECTION  # noqa: PLC0415 (with the extra)

        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        _page(section, "landscape")
        number = self.document.add_paragraph(self._annex(), style="Annex")
        number.paragraph_format.page_break_before = False  # the new section starts the page
        self.document.add_paragraph(word("report_annex_tables", self.lang), style="Heading 1")
        for heading, data in self.annex:
            self.document.add_paragraph(heading, style="Heading 3")
            self._table(data, "landscape")


def write_docx(blocks: Iterable[Block], lang: str) -> bytes:
    """The blocks as a Word document in language *lang*; its bytes."""
    writer = _Writer(lang)
    for block in blocks:
        writer.write(block)
    return writer.finish()


# -- the page, the styles, the properties ---------------------------------------------


def _page(section: Any, orientation: str) -> None:
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415 (with the extra)
    from docx.shared import Cm  # noqa: PLC0415

    width, height = PAGE[orientation]
    section.orientation = WD_ORIENT.PORTRAIT if orientation == "portrait" else WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(width), Cm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN))
    section.header_distance = section.footer_distance = Cm(1.0)


def _styles(document: Any, lang: str) -> None:
    """United Nations-like styles instead of the library's: Times New Roman, black, bold heads."""
    from docx.enum.style import WD_STYLE_TYPE  # noqa: PLC0415 (with the extra)
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
    from docx.shared import Cm, Pt  # noqa: PLC0415

    styles = document.styles
    _default_language(document, _LOCALES[lang])
    normal = styles["Normal"]
    _font(normal, 10, bold=False)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = Pt(12)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size, before, after in (
        ("Title", 14, 12, 12),
        ("Heading 1", 12, 12, 6),
        ("Heading 2", 11, 10, 6),
        ("Heading 3", 10, 8, 4),
    ):
        style = styles[name]
        _font(style, size, bold=True)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _no_border(style)
    numbered = styles.add_style("Numbered", WD_STYLE_TYPE.PARAGRAPH)
    numbered.base_style = normal
    numbered.paragraph_format.left_indent = Cm(1.0)
    numbered.paragraph_format.first_line_indent = Cm(-1.0)
    numbered.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
    note = styles.add_style("Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    _font(note, 9, bold=False)
    quote = styles["Quote"]
    _font(quote, 10, bold=False)
    quote.font.italic = False
    quote.paragraph_format.left_indent = Cm(1.0)
    caption = styles["Caption"]
    _font(caption, 9, bold=False)
    caption.font.italic = False
    caption.paragraph_format.space_after = Pt(10)
    annex = styles.add_style("Annex", WD_STYLE_TYPE.PARAGRAPH)
    annex.base_style = styles["Heading 1"]
    annex.paragraph_format.page_break_before = True
    annex.paragraph_format.space_after = Pt(0)


def _font(style: Any, size: float, *, bold: bool) -> None:
    """The style in Times New Roman, *size* points, black: no theme font, no theme colour."""
    from docx.oxml.ns import qn  # noqa: PLC0415 (with the extra)
    from docx.shared import Pt, RGBColor  # noqa: PLC0415

    style.font.name = _FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        fonts.set(qn("w:eastAsia"), _FONT)
        fonts.set(qn("w:cs"), _FONT)
    colour = rpr.find(qn("w:color"))
    if colour is not None:
        colour.attrib.pop(qn("w:themeColor"), None)
        colour.attrib.pop(qn("w:themeShade"), None)


def _no_border(style: Any) -> None:
    """Drop the line the library's Title style draws under itself."""
    from docx.oxml.ns import qn  # noqa: PLC0415 (with the extra)

    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _default_language(document: Any, tag: str) -> None:
    """The document's language (for spelling and hyphenation): every run unless it says."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 (with the extra)
    from docx.oxml.ns import qn  # noqa: PLC0415

    root = document.styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        root.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    rpr = run_defaults.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run_defaults.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), tag)
    language.set(qn("w:eastAsia"), tag)
    language.set(qn("w:bidi"), "ar-SA")
    rpr.append(language)
    # The library's template sets a language on some styles: the document's instead.
    for element in root.iter(qn("w:lang")):
        element.set(qn("w:val"), tag)


def _language(run: Any, lang: str) -> None:
    """A run in another language than the document's (an official text in its original)."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 (with the extra)
    from docx.oxml.ns import qn  # noqa: PLC0415

    language = OxmlElement("w:lang")
    language.set(qn("w:val"), _LOCALES.get(lang, lang))
    run._r.get_or_add_rPr().append(language)  # noqa: SLF001 (the documented way)


def _properties(document: Any, title: str, masthead: Masthead | None, lang: str) -> None:
    """Title, author (from the report's options, never the program), language, dates."""
    properties = document.core_properties
    properties.title = title
    properties.subject = word("masthead_body", lang)
    properties.author = "" if masthead is None else masthead.author
    properties.last_modified_by = properties.author
    properties.comments = ""
    properties.keywords = "" if masthead is None or masthead.symbol is None else masthead.symbol
    properties.category = ""
    properties.language = _LOCALES[lang]
    properties.revision = 1
    when = (
        dt.datetime.now(dt.UTC)
        if masthead is None
        else (dt.datetime.combine(masthead.issued, dt.time(), dt.UTC))
    )
    properties.created = properties.modified = when


# -- the masthead, the running header and footer ------------------------------------


def _masthead(document: Any, masthead: Masthead, lang: str) -> None:
    """United Nations and the symbol; the Conference and the distribution; the Working Group."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT  # noqa: PLC0415
    from docx.oxml import parse_xml  # noqa: PLC0415
    from docx.oxml.ns import nsdecls  # noqa: PLC0415
    from docx.shared import Cm, Pt  # noqa: PLC0415

    width = printable("portrait")[0]
    first = document.add_paragraph(style="Normal")
    first.paragraph_format.tab_stops.add_tab_stop(Cm(width), WD_TAB_ALIGNMENT.RIGHT)
    first.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _run(first, word("masthead_un", lang), 16, bold=True)
    if masthead.symbol:
        _run(first, "\t", 16, bold=False)
        _run(first, masthead.symbol, 14, bold=True)
    _rule(first, 12)
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))  # noqa: SLF001
    left, right = table.rows[0].cells
    for cell, share in ((left, 0.62), (right, 0.38)):
        cell.width = Cm(width * share)
    organ = left.paragraphs[0]
    organ.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _run(organ, word("masthead_body", lang), 13, bold=True)
    lines = masthead.details()
    details = right.paragraphs[0]
    details.paragraph_format.left_indent = Cm(1.0)
    details.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for index, line in enumerate(lines):
        _run(details, line, 10, bold=False, newline=index > 0)
    after = document.add_paragraph(style="Normal")
    after.paragraph_format.space_after = Pt(6)
    _rule(after, 24)
    group = document.add_paragraph(word("masthead_group", lang), style="Heading 1")
    group.paragraph_format.space_before = Pt(6)


def _run(paragraph: Any, text: str, size: float, *, bold: bool, newline: bool = False) -> None:
    from docx.shared import Pt  # noqa: PLC0415 (with the extra)

    if newline:
        paragraph.add_run().add_break()
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _rule(paragraph: Any, size: int) -> None:
    """A line under the paragraph (the masthead's rules); *size* in eighths of a point."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 (with the extra)
    from docx.oxml.ns import qn  # noqa: PLC0415

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (
        ("w:val", "single"),
        ("w:sz", str(size)),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)  # noqa: SLF001 (the documented way)


def _running(section: Any, symbol: str | None, *, first: bool) -> None:
    """The symbol at the top of every page but the document's first; the number at the foot.

    The first page carries the masthead instead (*first*: the section it is in).
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415 (with the extra)

    section.different_first_page_header_footer = first
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.text = symbol or ""
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.text = ""
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE")


def _field(paragraph: Any, instruction: str) -> None:
    """A field Word and Writer compute when they lay the page out (``PAGE``)."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 (with the extra)
    from docx.oxml.ns import qn  # noqa: PLC0415

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)  # noqa: SLF001 (the documented way)


# -- tables ------------------------------------------------------------------------


_TWIPS = 567
"""Twentieths of a point in a centimetre: Word's unit of length in tables."""
_HEAT_CELL = 0.52
"""The width of a heat map cell (cm): 24 of them and the States' names fit the page."""
HEAT_NAMES = 4.2
"""The width of the States' names (cm): the longest name on two lines."""
_HEAT_SIZE = 14
"""The heat map's type size, in half-points (7 points)."""
_SYMBOL_FONT = (
    '<w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol" w:cs="Segoe UI Symbol"/>'
)
"""The font of the status symbols (◔ ◑ ◕…), which Times New Roman lacks: Windows' symbol
font; where it is missing, Word and Writer take one that has them."""


def _heat_map(document: Any, block: HeatMap) -> None:
    """A part of the heat map as a Word table, kept on one page with its legend and caption.

    Coloured cells with their symbols, a hatched cell for a pair not expected, the header
    repeated. Written as the table's XML at once: python-docx's cell by cell is 100 times
    slower, and a report may hold a hundred parts.
    """
    from docx.oxml import parse_xml  # noqa: PLC0415 (with the extra)
    from docx.oxml.ns import nsdecls  # noqa: PLC0415

    drawn = heat_rows(block.part, block.lang)
    cell = round(_HEAT_CELL * _TWIPS)
    names = round(HEAT_NAMES * _TWIPS)
    columns = len(drawn.columns)
    grid = f'<w:gridCol w:w="{names}"/>' + f'<w:gridCol w:w="{cell}"/>' * columns
    rows = []
    if drawn.heading is not None:
        rows.append(
            _heat_row(
                _heat_tc(names, "")
                + _heat_tc(cell * columns, _escape(drawn.heading), span=columns),
                header=True,
            )
        )
    labels = "".join(_heat_tc(cell, _escape(label)) for label in drawn.columns)
    rows.append(_heat_row(_heat_tc(names, "") + labels, header=True))
    cells = {status: _heat_status(cell, status) for status in (*Status, None)}
    for name, statuses in drawn.rows:
        rows.append(
            _heat_row(
                _heat_tc(names, _escape(name), right=True)
                + "".join(map(cells.__getitem__, statuses))
            )
        )
    table = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{names + cell * columns}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="28" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
    legend = document.add_paragraph(style="Note")
    legend.paragraph_format.keep_with_next = True
    caption = document.add_paragraph(block.caption, style="Caption")
    legend._p.addprevious(parse_xml(table))  # noqa: SLF001 (the documented way)
    for run in _heat_legend(drawn.legend):
        legend._p.append(parse_xml(run))  # noqa: SLF001
    del caption


def _hex(colour: str) -> str:
    """A colour as Word writes it: ``#2c7bb6`` is ``2C7BB6``."""
    return colour.lstrip("#").upper()


def _unbroken(text: str) -> str:
    """*text* escaped, on one line: a legend's entry is never cut at the end of a line."""
    return _escape(text).replace(" ", "\u00a0")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _heat_row(cells: str, *, header: bool = False) -> str:
    head = "<w:tblHeader/>" if header else ""
    return (
        f'<w:tr><w:trPr><w:cantSplit/>{head}<w:trHeight w:val="238" w:hRule="atLeast"/>'
        f"</w:trPr>{cells}</w:tr>"
    )


def _heat_tc(  # noqa: PLR0913 (a cell's few properties)
    width: int,
    text: str,
    *,
    span: int = 1,
    right: bool = False,
    fill: str = "",
    colour: str = "",
    borders: bool = False,
) -> str:
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    edge = f'w:val="single" w:sz="4" w:space="0" w:color="{_hex(OUTLINE)}"'
    border = (
        f"<w:tcBorders><w:top {edge}/><w:left {edge}/><w:bottom {edge}/><w:right {edge}/>"
        "</w:tcBorders>"
        if borders
        else ""
    )
    colour_xml = f'{_SYMBOL_FONT}<w:color w:val="{colour}"/>' if colour else ""
    run = (
        f'<w:r><w:rPr>{colour_xml}<w:sz w:val="{_HEAT_SIZE}"/><w:szCs w:val="{_HEAT_SIZE}"/>'
        f'</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
        if text
        else ""
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{border}{fill}'
        '<w:vAlign w:val="center"/></w:tcPr>'
        '<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="240"'
        ' w:lineRule="auto"/><w:ind w:left="0" w:right="57" w:firstLine="0"/>'
        f'<w:jc w:val="{"right" if right else "center"}"/></w:pPr>{run}</w:p></w:tc>'
    )


def _heat_status(width: int, status: Status | None) -> str:
    """The cell of a status (``None``: a pair not expected, hatched)."""
    if status is None:
        shading = (
            f'<w:shd w:val="diagStripe" w:color="{_hex(HATCH)}"'
            f' w:fill="{_hex(NOT_EXPECTED_COLOUR)}"/>'
        )
        return _heat_tc(width, "", fill=shading, borders=True)
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{_hex(STATUS_COLOURS[status])}"/>'
    ink = "FFFFFF" if status in DARK_STATUSES else "000000"
    return _heat_tc(width, MATRIX_SYMBOLS[status], fill=shading, colour=ink, borders=True)


def _heat_legend(legend: Iterable[tuple[Status | None, str, str]]) -> list[str]:
    """The legend's runs: a swatch (a framed, coloured space) and the entry, for each."""
    from docx.oxml.ns import nsdecls  # noqa: PLC0415 (with the extra)

    runs = []
    edge = f'w:val="single" w:sz="4" w:space="0" w:color="{_hex(OUTLINE)}"'
    size = f'<w:sz w:val="{_HEAT_SIZE}"/><w:szCs w:val="{_HEAT_SIZE}"/>'
    for index, (status, symbol, text) in enumerate(legend):
        if status is None:
            fill = (
                f'w:val="diagStripe" w:color="{_hex(HATCH)}" w:fill="{_hex(NOT_EXPECTED_COLOUR)}"'
            )
        else:
            fill = f'w:val="clear" w:color="auto" w:fill="{_hex(STATUS_COLOURS[status])}"'
        gap = "\u2002 " if index else ""
        runs.append(f'<w:r><w:rPr>{size}</w:rPr><w:t xml:space="preserve">{gap}</w:t></w:r>')
        runs.append(
            f"<w:r><w:rPr><w:bdr {edge}/><w:shd {fill}/>{size}</w:rPr>"
            '<w:t xml:space="preserve">\u2002\u2002</w:t></w:r>'
        )
        if symbol:
            runs.append(
                f'<w:r><w:rPr>{_SYMBOL_FONT}{size}</w:rPr><w:t xml:space="preserve">\u00a0{symbol}'
                "</w:t></w:r>"
            )
        runs.append(
            f'<w:r><w:rPr>{size}</w:rPr><w:t xml:space="preserve">\u00a0{_unbroken(text)}</w:t>'
            "</w:r>"
        )
    return [run.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1) for run in runs]


def _table(document: Any, data: TableData, columns: list[float], size: float, lang: str) -> None:
    """A table whose columns fit the page: figures right-aligned, totals bold, header repeated.

    Written as the table's XML at once (python-docx's cell by cell took most of a report's
    time): the grid and each cell's width (Writer reads the one, Word the other), the
    "Table Grid" style, a fixed layout (Word does not widen a column for a long word).
    """
    from docx.oxml import parse_xml  # noqa: PLC0415 (with the extra)
    from docx.oxml.ns import nsdecls  # noqa: PLC0415

    widths = [round(width * 360000 / 635) for width in columns]  # cm to twips, as Cm() does
    half = round(size * 2)
    header = "".join(
        _cell_xml(width, text, half, bold=True, right=False, fill="DDE5F0")
        for width, text in zip(widths, data.headers, strict=True)
    )
    rows = [f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader w:val="true"/></w:trPr>{header}</w:tr>']
    for index, row in enumerate(data.rows):
        total = is_total(row, lang)
        cells = []
        for column, (width, text) in enumerate(zip(widths, row, strict=True)):
            fill = ""
            if data.statuses is not None and column:
                status = data.statuses[index][column - 1]
                fill = "" if status is None else _hex(STATUS_COLOURS[status])
            number = column > 0 and bool(NUMBER.match(text.strip()))
            cells.append(_cell_xml(width, text, half, bold=total, right=number, fill=fill))
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")  # one page
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    table = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:type="auto" w:w="0"/><w:jc w:val="left"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0"'
        ' w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
    document.element.body._insert_tbl(parse_xml(table))  # noqa: SLF001 (as add_table does)
    for note in data.notes:
        document.add_paragraph(note, style="Note")


def _cell_xml(  # noqa: PLR0913 (a cell's few properties)
    width: int, text: str, half: int, *, bold: bool, right: bool, fill: str
) -> str:
    """A table cell holding one paragraph of *text* at *half* half-points."""
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    weight = "<w:b/>" if bold else ""
    lines = '</w:t><w:br/><w:t xml:space="preserve">'.join(map(_escape, text.split("\n")))
    run = (
        f'<w:r><w:rPr>{weight}<w:sz w:val="{half}"/></w:rPr>'
        f'<w:t xml:space="preserve">{lines}</w:t></w:r>'
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shading}</w:tcPr>'
        '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:jc w:val="{"right" if right else "left"}"/></w:pPr>{run}</w:p></w:tc>'
    )
