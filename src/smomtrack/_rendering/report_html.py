"""A report as a standalone HTML document: one file, styles and charts inside, fit to print.

The document has its doctype, character set and language; its styles are embedded (tables
with borders, figures right-aligned, the matrix as a heat map in the colours of the
charts) and print on A4 landscape, each main section on a new page; charts are inline SVG.
Nothing is fetched from elsewhere, so the file opens the same in a browser, in Word and in
LibreOffice Writer, online or not.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable

from smomtrack._presentation.colours import STATUS_COLOURS
from smomtrack._presentation.labels import word
from smomtrack._rendering.blocks import Block, Chart, Heading, Paragraph, Table
from smomtrack._summaries.presentation import TableData

__all__ = ["write_html"]

_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_NUMBER = re.compile(r"^[−\-+]?[\d\s.,\u202f\u00a0]*\d[\d\s.,\u202f\u00a0]*( ?%)?$|^—$")

_STYLE = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.4; color: #1a1a1a; max-width: 1200px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
h2 { font-size: 14pt; margin-top: 1.8em; border-bottom: 1px solid #b0b8c4; }
h3 { font-size: 11.5pt; margin-top: 1.4em; }
p.note { font-size: 9pt; color: #444; }
table { border-collapse: collapse; margin: 0.6em 0 0.4em; font-size: 9pt; }
th, td { border: 1px solid #9aa3ad; padding: 2px 5px; vertical-align: top; }
thead th { background: #dde5f0; text-align: left; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; background: #f2f4f7; }
table.matrix td { text-align: center; min-width: 1.6em; padding: 1px 2px; }
table.matrix th { white-space: nowrap; }
figure { margin: 0.8em 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #444; }
@page { size: A4 landscape; margin: 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  h2 { page-break-before: always; break-before: page; }
  h2.first { page-break-before: avoid; break-before: avoid; }
  thead { display: table-header-group; }
  tr, figure { page-break-inside: avoid; break-inside: avoid; }
  table { font-size: 7.5pt; }
}
"""


def write_html(blocks: Iterable[Block], lang: str) -> str:
    """The blocks as one standalone HTML document in language *lang*."""
    parts: list[str] = []
    title = "smomtrack"
    first_section = True
    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                title = block.text
            css = ""
            if block.level == 2 and first_section:
                css, first_section = ' class="first"', False
            parts.append(f"<h{block.level}{css}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            css = ' class="note"' if block.note else ""
            parts.append(f"<p{css}>{_emphasis(block.text)}</p>")
        elif isinstance(block, Table):
            parts.append(_table(block.result.table_data(block.lang), block.lang))
        elif isinstance(block, Chart):
            parts.append(_figure(block))
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<article>\n{body}\n</article>\n</body>\n</html>\n"
    )


def _table(data: TableData, lang: str) -> str:
    matrix = data.statuses is not None
    lines = [f'<table class="{"matrix" if matrix else "figures"}">', "<thead><tr>"]
    lines += [f"<th>{html.escape(header)}</th>" for header in data.headers]
    lines += ["</tr></thead>", "<tbody>"]
    for index, row in enumerate(data.rows):
        last = index == len(data.rows) - 1
        css = ' class="total"' if last and not matrix and row[0] == word("total", lang) else ""
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
                cells.append(
                    f"<th>{html.escape(cell)}</th>" if matrix else _cell(cell, number=False)
                )
            else:
                cells.append(_cell(cell, number=bool(_NUMBER.match(cell.strip()))))
        lines.append(f"<tr{css}>{''.join(cells)}</tr>")
    lines += ["</tbody>", "</table>"]
    lines += [f'<p class="note">{html.escape(note)}</p>' for note in data.notes]
    return "\n".join(lines)


def _cell(text: str, *, number: bool) -> str:
    body = html.escape(text).replace("\n", "<br>")
    return f'<td class="num">{body}</td>' if number else f"<td>{body}</td>"


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


def _close(figure: object) -> None:
    import matplotlib.pyplot as plt  # noqa: PLC0415 (the chart's own library, already loaded)

    plt.close(figure)  # type: ignore[arg-type]


def _emphasis(text: str) -> str:
    escaped = html.escape(text)
    pieces = escaped.split("**")
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(pieces))
