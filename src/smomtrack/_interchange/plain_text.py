"""Text as it comes from Markdown or from a PDF: lines cleaned of markup and page furniture."""

from __future__ import annotations

import re

import attrs

__all__ = ["Line", "clean_lines", "is_furniture", "join_paragraphs"]

_TAGS = re.compile(r"</?[a-zA-Z]+[^>]*>")
_FOOTNOTE_MARK = re.compile(r"<sup>\s*\d+\s*</sup>")
_EMPHASIS = re.compile(r"\*{1,3}")
_PIECE = (
    r"[A-Z]{2,}(?:/[A-Za-z0-9.\-]+)+"  # a document symbol
    r"|V\.\d{2}-\d{4,6}(?:\s*\([A-Z]\))?"  # a job number, with its language
    r"|\d{1,3}\s*/\s*\d{1,3}"  # a page number
    r"|\*\d{7,}\*"  # a bar code
)
_FURNITURE = (
    re.compile(r"^[A-Z]{2,}(?:/[A-Za-z0-9.\-]+)+$"),  # a document symbol: CTOC/COP/WG.7/2020/4
    re.compile(r"^V\.\d{2}-\d{4,6}\b.*$"),  # a job number: V.20-04785 (F)
    re.compile(r"^\d{1,3}\s*/\s*\d{1,3}$"),  # a page number: 3/5
    re.compile(r"^-\s*\d{1,3}\s*-$"),  # a page number: - 3 -
    re.compile(r"^\*\d{7,}\*$"),  # a bar code: *2004785*
    re.compile(  # several of these on one line: "2/5   V.20-04826   *2004826*"
        rf"^(?:{_PIECE})(?:\s+(?:{_PIECE}))+$"
    ),
)
_FOOTNOTE = re.compile(r"^(?:<sup>)?\d{1,2}(?:</sup>)?\s+\[?(?:www\.|https?://)")
_NOTE_LINE = re.compile(r"^<sup>\s*(\d{1,3})\s*</sup>\s*(\S.*)$")
_MARKER = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_LINE_BREAK = re.compile("\r\n|[\n\r\v\x1c\x1d\x1e\x85\u2028\u2029]")
"""Where :meth:`str.splitlines` cuts, except at a form feed: a page break, counted."""
_HYPHENATED = re.compile(r"[^\W\d_]-$")


@attrs.frozen
class Line:
    """A line of the source, cleaned.

    Attributes:
        number: Its line number in the source (1 is the first).
        text: The text without markup, stripped; empty for a blank line.
        heading: Whether the source marked it as a heading (Markdown ``#`` or a bold line).
        markers: The numbers of the footnotes the line calls (``<sup>2</sup>``), in order.
        note: For a footnote's own line (``<sup>2</sup> Voir…``): its number. Such a line
            is not part of the document's flow: its :attr:`text` is empty and its
            footnote's text is :attr:`note_text`.
        page: The page the line is on, counting form feeds (1 is the first).
        note_text: The footnote's text, for a footnote's line.
    """

    number: int
    text: str
    heading: bool = False
    raw: str = attrs.field(default="", eq=False, repr=False)
    markers: tuple[int, ...] = ()
    note: int | None = None
    page: int = 1
    note_text: str = ""


def is_furniture(text: str) -> bool:
    """Whether *text* is a line of page furniture: a symbol, job number, page number, bar code.

    >>> is_furniture("V.20-04785 (F)"), is_furniture("2/5   V.20-04826   *2004826*")
    (True, True)
    """
    plain = " ".join(text.split())
    return any(p.match(plain) for p in _FURNITURE)


def _clean(raw: str) -> tuple[str, bool]:
    text = raw.rstrip().lstrip(" ")
    heading = text.startswith("#")
    text = text.lstrip("#").strip(" ")
    bold = text.startswith("**") and text.endswith("**") and len(text) > 4
    text = _FOOTNOTE_MARK.sub("", text)
    text = _TAGS.sub("", text)
    text = _EMPHASIS.sub("", text)
    cells = [" ".join(cell.split()) for cell in text.split("\t")]  # tabs separate table cells
    if not any(cells):
        return "", heading or bold
    return "\t".join(cells).strip(" "), heading or bold


def _read_lines(text: str) -> list[Line]:
    """Each line of *text* cleaned, footnotes' own lines apart, pages counted."""
    lines: list[Line] = []
    page = 1
    for number, raw in enumerate(_LINE_BREAK.split(text.removesuffix("\n")), start=1):
        page += raw.count("\f")
        raw = raw.replace("\f", "")  # noqa: PLW2901 (the form feed counted, not text)
        note = _NOTE_LINE.match(raw.strip().lstrip("#").strip())
        if note is not None:
            body, _ = _clean(_LINK.sub(r"\1", note[2]))
            lines.append(Line(number, "", raw=raw, note=int(note[1]), page=page, note_text=body))
            continue
        markers = tuple(int(m) for m in _MARKER.findall(raw))
        cleaned, heading = _clean(raw)
        plain = " ".join(raw.split())  # as written: a bar code's stars are not emphasis
        furniture = any(p.match(cleaned) or p.match(plain) for p in _FURNITURE)
        if furniture or _FOOTNOTE.match(raw.strip()):
            cleaned = ""
        lines.append(
            Line(number, cleaned, heading, raw, markers=markers if cleaned else (), page=page)
        )
    return lines


def clean_lines(text: str) -> list[Line]:
    """The lines of *text* without Markdown markup, page furniture or footnotes.

    Page headers and footers (document symbols, job numbers, page numbers) and footnote
    lines become blank lines; a word hyphenated at the end of a line is joined back to its
    end on the next line (``répres-`` + ``sion``), keeping the hyphen before a digit or a
    capital (``COVID-`` + ``19``).
    """
    lines = _read_lines(text)
    joined: list[Line] = []
    carry: Line | None = None
    parts: list[str] = []  # the pieces of a line hyphenated over several: joined once, at the end
    gathered: list[int] = []
    for line in lines:
        if line.note is not None:
            joined.append(line)  # a footnote: outside the flow, wherever it stands
            continue
        if carry is not None:
            if line.text:
                parts[-1] = parts[-1][:-1] if line.text[0].islower() else parts[-1]
                parts.append(line.text)
                gathered.extend(line.markers)
            if line.text and _HYPHENATED.search(line.text):
                continue  # hyphenated again: keep gathering
            joined.append(_gathered(carry, parts, gathered))
            carry, parts, gathered = None, [], []
            if line.text:
                continue
        if _HYPHENATED.search(line.text):
            carry, parts, gathered = line, [line.text], list(line.markers)
            continue
        joined.append(line)
    if carry is not None:
        joined.append(_gathered(carry, parts, gathered))
    return joined


def _gathered(first: Line, parts: list[str], markers: list[int]) -> Line:
    return attrs.evolve(first, text="".join(parts), markers=tuple(markers))


def join_paragraphs(lines: list[Line]) -> list[str]:
    """The paragraphs of *lines*: runs of text lines joined by spaces.

    A blank line ends a paragraph, unless the paragraph stops mid-sentence and the next
    one starts in lower case (a page break, or a footnote, fell in the middle).
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, Line(0, "")]:
        if line.note is not None:
            continue  # a footnote is not part of the flow
        if line.text:
            if (
                not current
                and paragraphs
                and line.text[0].islower()
                and not paragraphs[-1].endswith((".", ":", ";", "!", "?"))
            ):
                current = [paragraphs.pop()]
            current.append(line.text)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs
