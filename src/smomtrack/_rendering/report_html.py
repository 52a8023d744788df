"""A report as a standalone HTML document: one file, styles and charts inside, fit to print.

Laid out as a document of the Working Group, on screen and on paper: the masthead, the
title, numbered paragraphs, tables that fit the page (a summary keeps its main figures;
every column is in an annex), the heat map in parts that each fit a page, and the annexes.
Printed (by a browser) on A4 in portrait, with the symbol at the top of every page after
the first and the page's number at its foot; headings keep with what follows them; the
annex of complete tables on A4 in landscape. On a screen 800 pixels wide no table runs
past the page: a wide one scrolls within itself. The document has its doctype, character
set and language; its styles are embedded and its charts are inline SVG: nothing is
fetched from elsewhere, so the file opens the same everywhere, online or not.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable

from smomtrack._presentation.colours import DARK_STATUSES, STATUS_COLOURS
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
from smomtrack._rendering.document_tables import NUMBER, for_document, is_total
from smomtrack._rendering.heat_map import heat_rows
from smomtrack._summaries.matrix import MATRIX_SYMBOLS
from smomtrack._summaries.presentation import TableData
from smomtrack._vocabulary.statuses import Status

__all__ = ["write_html"]

_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

_STYLE = """
:root { color-scheme: light; }
body { font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 11pt;
       line-height: 1.4; color: #111; max-width: 60em; margin: 2em auto; padding: 0 1em;
       counter-reset: paragraph; }
header.masthead { border-bottom: 3px solid #000; margin-bottom: 0.8em; }
header.masthead .top { display: flex; justify-content: space-between; align-items: baseline;
       border-bottom: 1px solid #000; padding-bottom: 2px; }
header.masthead .un { font-size: 16pt; font-weight: bold; }
header.masthead .symbol { font-size: 14pt; font-weight: bold; }
header.masthead .body { display: flex; justify-content: space-between; gap: 2em; padding: 0.4em 0; }
header.masthead .organ { font-size: 13pt; font-weight: bold; max-width: 60%; }
header.masthead .distribution { font-size: 10pt; min-width: 12em; }
p.group { font-size: 12pt; font-weight: bold; margin: 0.4em 0; }
h1 { font-size: 15pt; margin: 0.6em 0 0.4em; }
h2 { font-size: 13pt; margin-top: 1.6em; }
h3 { font-size: 11pt; margin-top: 1.2em; }
h4 { font-size: 10.5pt; font-weight: normal; font-style: italic; margin: 0.8em 0 0.2em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p.annex { font-size: 13pt; font-weight: bold; margin: 0; }
p.numbered { counter-increment: paragraph; padding-left: 2.5em; text-indent: -2.5em; }
p.numbered::before { content: counter(paragraph) "."; display: inline-block; width: 2.5em;
       text-indent: 0; }
p.note { font-size: 9.5pt; color: #333; }
blockquote { margin: 0.2em 0 0.8em 2.5em; }
div.table { overflow-x: auto; max-width: 100%; margin: 0.6em 0 0.4em; }
table { border-collapse: collapse; font-size: 9pt; }
th, td { border: 1px solid #8a939d; padding: 2px 5px; vertical-align: top; }
thead th { background: #dde5f0; text-align: left; hyphens: manual; overflow-wrap: normal;
       word-break: keep-all; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.keep { white-space: nowrap; }
tr.total td { font-weight: bold; }
table.matrix td { text-align: center; min-width: 1.4em; padding: 1px 2px; }
table.matrix th { white-space: nowrap; }
figure { margin: 0.8em 0; break-inside: avoid; page-break-inside: avoid; }
figure.heat { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table.heat { font-family: "DejaVu Sans", "Segoe UI Symbol", Arial, sans-serif; font-size: 7pt;
       margin: 0 auto; }
table.heat th, table.heat td { padding: 0 2px; vertical-align: middle; line-height: 1.25; }
table.heat thead th { background: none; border: none; text-align: center; font-weight: normal; }
table.heat tbody th { border: none; text-align: right; font-weight: normal; max-width: 13em;
       white-space: normal; }
table.heat td { width: 1.45em; min-width: 1.45em; height: 1.45em; text-align: center;
       border: 0.5pt solid #808080; }
table.heat td.dark { color: #fff; }
table.heat td.none, p.legend span.none { background: repeating-linear-gradient(-45deg,
       #e6e6e6 0 2px, #9a9a9a 2px 2.6px); }
p.legend { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7pt; text-align: center;
       margin: 0.3em 0; }
p.legend span.entry { white-space: nowrap; }
p.legend span.key { display: inline-block; width: 1.2em; height: 0.8em; vertical-align: -1px;
       border: 0.5pt solid #808080; margin: 0 0.3em 0 1em; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9.5pt; color: #333; }
section.detailed table { font-size: 8pt; }
@page { size: A4 portrait; margin: 20mm 20mm 18mm;
        @bottom-center { content: counter(page); font-family: "Times New Roman", serif;
                         font-size: 9pt; } }
@page :first { @top-right { content: none; } @bottom-center { content: none; } }
@page detailed { size: A4 landscape; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  div.table { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  table { font-size: 8pt; }
  .annex-start { break-before: page; page-break-before: always; }
  section.detailed { page: detailed; break-before: page; }
}
"""


class _Writer:
    """One document being written, block after block."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.parts: list[str] = []
        self.title = ""
        self.symbol: str | None = None
        self.masthead: Masthead | None = None
        self.annexes = 0
        self.annex: list[tuple[str, TableData]] = []
        self.heading = ""

    def write(self, block: Block) -> None:
        if isinstance(block, Masthead):
            self.masthead, self.symbol = block, block.symbol
            self.parts.append(_masthead(block, self.lang))
        elif isinstance(block, Heading):
            self._heading(block)
        elif isinstance(block, Paragraph):
            classes = [
                name for name, on in (("note", block.note), ("numbered", block.numbered)) if on
            ]
            css = f' class="{" ".join(classes)}"' if classes else ""
            self.parts.append(f"<p{css}>{_emphasis(block.text)}</p>")
        elif isinstance(block, Quote):
            self.parts.append(
                f'<blockquote lang="{html.escape(block.lang)}"><p>{html.escape(block.text)}</p>'
                "</blockquote>"
            )
        elif isinstance(block, Table):
            body, detailed = for_document(block)
            self.parts.append(_table(body, block.lang))
            if detailed is not None:
                self.annex.append((self.heading, detailed))
        elif isinstance(block, Chart):
            self.parts.append(_figure(block))
        elif isinstance(block, HeatMap):
            self.parts.append(_heat_map(block))

    def _heading(self, block: Heading) -> None:
        text = html.escape(block.text)
        if block.level == 1:
            self.title = block.text
            if self.masthead is not None:
                self.parts.append(
                    f'<p class="group">{html.escape(word("masthead_group", self.lang))}</p>'
                )
            self.parts.append(f"<h1>{text}</h1>")
            return
        if block.annex:
            self.parts.append(f'<p class="annex annex-start">{html.escape(self._annex())}</p>')
        level = min(block.level, 4)
        self.parts.append(f"<h{level}>{text}</h{level}>")
        self.heading = block.text

    def _annex(self) -> str:
        """The next annex's number: "Annexe I", "Annexe II"."""
        self.annexes += 1
        return word("report_annex", self.lang, number=_ROMAN[self.annexes - 1])

    def finish(self) -> str:
        if self.annex:
            self.parts.append('<section class="detailed">')
            self.parts.append(f'<p class="annex">{html.escape(self._annex())}</p>')
            self.parts.append(f"<h2>{html.escape(word('report_annex_tables', self.lang))}</h2>")
            for heading, data in self.annex:
                self.parts.append(f"<h3>{html.escape(heading)}</h3>")
                self.parts.append(_table(data, self.lang))
            self.parts.append("</section>")
        running = ""
        if self.symbol:
            symbol = (  # a CSS string inside a <style>: no quote, backslash or tag can end it
                self.symbol.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
            )
            running = (
                f'\n@page {{ @top-right {{ content: "{symbol}"; font-family: "Times New Roman",'
                " serif; font-size: 9pt; } }"
            )
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{html.escape(self.lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(self.title or 'smomtrack')}</title>\n"
            f"<style>{_STYLE}{running}</style>\n</head>\n"
            f"<body>\n<article>\n{chr(10).join(self.parts)}\n</article>\n</body>\n</html>\n"
        )


def write_html(blocks: Iterable[Block], lang: str) -> str:
    """The blocks as one standalone HTML document in language *lang*."""
    writer = _Writer(lang)
    for block in blocks:
        writer.write(block)
    return writer.finish()


def _masthead(masthead: Masthead, lang: str) -> str:
    symbol = (
        f'<span class="symbol">{html.escape(masthead.symbol)}</span>' if masthead.symbol else ""
    )
    details = "<br>".join(html.escape(line) for line in masthead.details())
    return (
        '<header class="masthead">\n'
        f'<div class="top"><span class="un">{html.escape(word("masthead_un", lang))}</span>'
        f"{symbol}</div>\n"
        f'<div class="body"><div class="organ">{html.escape(word("masthead_body", lang))}</div>'
        f'<div class="distribution">{details}</div></div>\n</header>'
    )


def _table(data: TableData, lang: str) -> str:
    matrix = data.statuses is not None
    lines = [
        f'<div class="table"><table class="{"matrix" if matrix else "figures"}">',
        "<thead><tr>",
    ]
    lines += [f"<th>{html.escape(header)}</th>" for header in data.headers]
    lines += ["</tr></thead>", "<tbody>"]
    for index, row in enumerate(data.rows):
        css = ' class="total"' if not matrix and is_total(row, lang) else ""
        cells = []
        for column, cell in enumerate(row):
            if matrix and column and data.statuses is not None:
                status = data.statuses[index][column - 1]
                if status is None:
                    cells.append("<td></td>")
                    continue
                cells.append(
                    f'<td title="{html.escape(status.label(lang))}" '
                    f'style="background:{STATUS_COLOURS[status]}">{html.escape(cell)}</td>'
                )
            elif column == 0:
                cells.append(f"<th>{html.escape(cell)}</th>" if matrix else _cell(cell, kind=""))
            elif NUMBER.match(cell.strip()):
                cells.append(_cell(cell, kind="num"))
            else:
                cells.append(_cell(cell, kind="keep" if len(cell) <= 16 else ""))
        lines.append(f"<tr{css}>{''.join(cells)}</tr>")
    lines += ["</tbody>", "</table></div>"]
    lines += [f'<p class="note">{html.escape(note)}</p>' for note in data.notes]
    return "\n".join(lines)


def _cell(text: str, *, kind: str) -> str:
    body = html.escape(text).replace("\n", "<br>")
    return f'<td class="{kind}">{body}</td>' if kind else f"<td>{body}</td>"


def _figure(block: Chart) -> str:
    """The chart as inline SVG, with its caption."""
    ax = block.result.plot(block.lang)
    figure = ax.figure
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    figure.clf()
    _close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # without the XML declaration and doctype
    svg = _METADATA.sub("", svg)  # no date of drawing (the same report, the same file)
    caption = html.escape(block.caption)
    return (
        f'<figure role="img" aria-label="{caption}">\n{svg}\n'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _heat_map(block: HeatMap) -> str:
    """A part of the heat map as a table of coloured cells, its legend, its caption."""
    drawn = heat_rows(block.part, block.lang)
    lang = block.lang
    caption = html.escape(block.caption)
    lines = [f'<figure class="heat" aria-label="{caption}">', '<table class="heat">', "<thead>"]
    if drawn.heading is not None:
        span = len(drawn.columns)
        lines.append(f'<tr><th></th><th colspan="{span}">{html.escape(drawn.heading)}</th></tr>')
    lines.append(
        "<tr><th></th>" + "".join(f"<th>{html.escape(c)}</th>" for c in drawn.columns) + "</tr>"
    )
    lines += ["</thead>", "<tbody>"]
    cells = {status: _heat_cell(status, lang) for status in (*Status, None)}
    for name, statuses in drawn.rows:
        row = "".join(map(cells.__getitem__, statuses))
        lines.append(f"<tr><th>{html.escape(name)}</th>{row}</tr>")
    lines += ["</tbody>", "</table>"]
    legend = "".join(map(_legend_entry, drawn.legend))
    lines += [f'<p class="legend">{legend}</p>', f"<figcaption>{caption}</figcaption></figure>"]
    return "\n".join(lines)


def _legend_entry(entry: tuple[Status | None, str, str]) -> str:
    status, symbol, text = entry
    if status is None:
        return f'<span class="entry"><span class="key none"></span>{html.escape(text)}</span>'
    key = f'<span class="key" style="background:{STATUS_COLOURS[status]}"></span>'
    return f'<span class="entry">{key}{symbol} {html.escape(text)}</span>'


def _heat_cell(status: Status | None, lang: str) -> str:
    """The cell of a status (``None``: not expected), with the status's label as its title."""
    if status is None:
        return f'<td class="none" title="{html.escape(word("not_expected", lang))}"></td>'
    dark = ' class="dark"' if status in DARK_STATUSES else ""
    return (
        f'<td{dark} title="{html.escape(status.label(lang))}" '
        f'style="background:{STATUS_COLOURS[status]}">{MATRIX_SYMBOLS[status]}</td>'
    )


def _close(figure: object) -> None:
    import matplotlib.pyplot as plt  # noqa: PLC0415 (the chart's own library, already loaded)

    plt.close(figure)  # type: ignore[arg-type]


def _emphasis(text: str) -> str:
    escaped = html.escape(text)
    pieces = escaped.split("**")
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(pieces))
