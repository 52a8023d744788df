"""A PDF page's text laid out from its positions: body lines, footnote markers and footnotes.

pypdf's visitor function gives every piece of text a page shows with its position and
type size; nothing else is needed to see what a reader sees:

- **lines** are pieces on one baseline (a piece in smaller type raised above the baseline
  belongs to the line: it is a superscript);
- **footnote markers** are superscript numbers right after a word; they are written
  ``<sup>N</sup>``, as in the Markdown of the seeds, instead of being glued to the word;
- **footnotes** are the lines at the foot of the page in smaller type than the body,
  below a separator (drawn by office suites, typed ``_____`` by others), each starting with
  its number (raised, or followed by a space); a line there that continues no footnote is
  reported, never spliced into the text;
- **paragraphs** are separated by a blank line where the gap between two lines is clearly
  wider than the page's line pitch; **columns** (a table's cells) by three spaces.

Page furniture (symbols, job numbers, page numbers, bar codes) is left in the lines:
:func:`~smomtrack._interchange.plain_text.clean_lines` recognises it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from smomtrack._words import Message, Quoted

__all__ = ["Footnote", "LaidOutPage", "Piece", "lay_out", "pieces_of"]

_RULE = re.compile(r"^\s*_{5,}\s*$")
_TYPED_NOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_GLUED = r"(?<=[^\W\d_])({n})(?=[\s.,;:»”)]|$)|(?<=[^\W\d_][.,;:])({n})(?=\s|$)"
_SUPER = 0.85
"""A piece is raised type when it is smaller than this share of its line's type."""
_SMALL = 0.5
"""A line is in smaller type than the body when at least this many points smaller."""
_CHAR = 0.5
"""The width of an average character, in ems: to tell a table's column gap from a space."""


@attrs.frozen
class Piece:
    """A piece of text shown on a page: its text, where its baseline starts and its type size."""

    text: str
    x: float
    y: float
    size: float


@attrs.frozen
class Footnote:
    """A footnote as printed at the foot of a page.

    Attributes:
        number: Its number (the marker that calls it).
        text: Its text, its lines joined.
        page: The page it is printed on (1 is the first).
    """

    number: int
    text: str
    page: int


@attrs.frozen
class LaidOutPage:
    """A page read by layout.

    Attributes:
        number: The page's number in the file (1 is the first).
        lines: The text lines of the body, top to bottom, markers written ``<sup>N</sup>``;
            ``""`` between paragraphs.
        footnotes: The footnotes printed at its foot.
        problems: What was found at its foot and not understood, or a marker without its note.
    """

    number: int
    lines: tuple[str, ...]
    footnotes: tuple[Footnote, ...] = ()
    problems: tuple[Message, ...] = ()


@attrs.define
class _Line:
    pieces: list[Piece]
    y: float
    size: float
    text: str = ""

    @property
    def first_marker(self) -> int | None:
        first = self.pieces[0]
        if first.size < self.size * _SUPER and first.text.strip().isdigit():
            return int(first.text.strip())
        return None


def _mult(m: Sequence[float], n: Sequence[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


class _Rules:
    """A visitor of drawing operators: the heights of the short horizontal rules drawn."""

    _PAINT = frozenset((b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"))

    def __init__(self) -> None:
        self.found: list[float] = []
        self._path: list[tuple[float, float]] = []

    def __call__(self, op: bytes, args: Sequence[object], cm: Sequence[float], _tm: object) -> None:
        try:
            if op in (b"m", b"l") and len(args) == 2:
                self._point(cm, args[0], args[1])
            elif op == b"re" and len(args) == 4:
                x, y, w, h = (float(a) for a in args)  # type: ignore[arg-type]
                self._point(cm, x, y)
                self._point(cm, x + w, y + h)
            elif op in self._PAINT:
                self._close()
            elif op == b"n":
                self._path.clear()
        except (TypeError, ValueError):
            self._path.clear()

    def _point(self, cm: Sequence[float], x: object, y: object) -> None:
        fx, fy = float(x), float(y)  # type: ignore[arg-type]
        self._path.append((fx * cm[0] + fy * cm[2] + cm[4], fx * cm[1] + fy * cm[3] + cm[5]))

    def _close(self) -> None:
        if self._path:
            xs, ys = [p[0] for p in self._path], [p[1] for p in self._path]
            if max(ys) - min(ys) < 2 and 20 < max(xs) - min(xs) < 300:
                self.found.append((max(ys) + min(ys)) / 2)
        self._path.clear()


def pieces_of(page: object) -> tuple[list[Piece], list[float]]:
    """The pieces of upright text a pypdf page shows, and the heights of its short rules.

    Pieces come in the order of the page's content; a footnote separator is a short rule.
    """
    found: list[Piece] = []
    rules = _Rules()

    def visit(
        text: str, cm: Sequence[float], tm: Sequence[float], _font: object, size: float
    ) -> None:
        if not text.strip("\n"):
            return
        m = _mult(tm, cm)
        if m[1] or m[2] or m[3] <= 0:
            return  # rotated or mirrored text: a stamp, not the document's
        found.append(Piece(text.replace("\n", " "), m[4], m[5], abs(size * m[3])))

    page.extract_text(visitor_text=visit, visitor_operand_before=rules)  # type: ignore[attr-defined]
    return found, rules.found


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters and line or page separators a piece may hold: shown as a space."""


def _lines(pieces: list[Piece]) -> list[_Line]:
    lines: list[_Line] = []
    for shown in pieces:
        piece = attrs.evolve(shown, text=_CONTROL.sub(" ", shown.text))
        if not piece.text.strip() and not lines:
            continue
        line = lines[-1] if lines else None
        if line is not None and _same_line(line, piece):
            line.pieces.append(piece)
            if piece.size > line.size and piece.text.strip():
                line.size, line.y = piece.size, piece.y
            continue
        if not piece.text.strip():
            continue
        lines.append(_Line([piece], piece.y, piece.size))
    for line in lines:
        line.text = _text(line)
    return [line for line in lines if line.text.strip()]


def _same_line(line: _Line, piece: Piece) -> bool:
    rise = piece.y - line.y
    if abs(rise) <= line.size * 0.25:
        return True
    if piece.size < line.size * _SUPER and 0 < rise <= line.size * 0.75:
        return True  # raised, smaller: a superscript
    only_small = all(p.size < piece.size * _SUPER for p in line.pieces if p.text.strip())
    return only_small and 0 < -rise <= piece.size * 0.75  # a line starting with its marker


def _text(line: _Line) -> str:
    out = ""
    end: float | None = None
    for piece in line.pieces:
        raised = piece.size < line.size * _SUPER and piece.y > line.y + line.size * 0.1
        text = piece.text
        if raised and text.strip().isdigit():
            out = out.rstrip() + f"<sup>{text.strip()}</sup>"
            end = None
            continue
        if end is not None and text.strip() and piece.x - end > line.size * 1.5:
            out = out.rstrip() + "   "  # a column gap
            text = text.lstrip()
        out += text
        end = piece.x + len(text) * piece.size * _CHAR
    return out.rstrip()


def _body_size(lines: Sequence[_Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def lay_out(
    number: int,
    pieces: list[Piece],
    *,
    rules: Sequence[float] = (),
    body: float | None = None,
    carry: bool = False,
) -> LaidOutPage:
    """Page *number* laid out from its *pieces*.

    Args:
        number: The page's number.
        pieces: What :func:`pieces_of` gives.
        rules: The heights of the short rules the page draws.
        body: The body's type size (the document's most common); the page's own if ``None``.
        carry: Whether the previous page's last footnote may continue at this page's foot.
    """
    lines = _lines(pieces)
    size = body if body is not None else _body_size(lines)
    foot, end = _foot(lines, size, rules)
    footnotes: list[Footnote] = []
    problems: list[Message] = []
    for line in lines[foot:end]:
        if _RULE.match(line.text) or _is_furniture(line.text):
            continue
        marker = line.first_marker
        text = line.text
        if marker is not None:
            text = re.sub(r"^<sup>\d+</sup>\s*", "", text)
        elif (typed := _TYPED_NOTE.match(text)) is not None:
            marker, text = int(typed[1]), typed[2]
        if marker is not None:
            footnotes.append(Footnote(marker, " ".join(text.split()), number))
        elif footnotes:
            last = footnotes[-1]
            footnotes[-1] = attrs.evolve(last, text=_joined(last.text, text))
        elif carry:
            footnotes.append(Footnote(0, " ".join(text.split()), number))  # continues a note
        else:
            problems.append(Message("pdf_foot_not_understood", page=number, text=Quoted(text)))
    body_lines = [*lines[:foot], *lines[end:]]
    numbers = {note.number for note in footnotes}
    texts = [_marked(line.text, numbers) for line in body_lines]
    called = {int(n) for text in texts for n in re.findall(r"<sup>(\d+)</sup>", text)}
    problems.extend(
        Message("pdf_marker_without_note", page=number, number=marker)
        for marker in sorted(called - numbers)
    )
    return LaidOutPage(
        number, tuple(_paragraphs(body_lines, texts)), tuple(footnotes), tuple(problems)
    )


def _joined(first: str, more: str) -> str:
    more = " ".join(more.split())
    if re.search(r"[^\W\d_]-$", first) and more[:1].islower():
        return first[:-1] + more
    return f"{first} {more}"


def _marked(text: str, numbers: set[int]) -> str:
    """Numbers of this page's footnotes glued to a word at body size, written as markers."""
    if "<sup>" in text or not numbers:
        return text
    for n in sorted(numbers, reverse=True):
        text = re.sub(_GLUED.format(n=n), f"<sup>{n}</sup>", text)
    return text


def _is_furniture(text: str) -> bool:
    from smomtrack._interchange.plain_text import is_furniture  # noqa: PLC0415 (same layer)

    return is_furniture(text)


def _foot(lines: Sequence[_Line], body: float, rules: Sequence[float]) -> tuple[int, int]:
    """Where the footnotes start and end (furniture at the very foot left out of both).

    Below a typed rule, or below the lowest drawn rule under which only smaller type
    stands; without either, a run of smaller type at the foot whose first line starts
    with a raised number.
    """
    end = len(lines)
    while end > 0 and _is_furniture(lines[end - 1].text):
        end -= 1
    typed = [i for i in range(end) if _RULE.match(lines[i].text)]
    if typed:
        return typed[-1], end
    for rule in sorted(rules):
        below = [i for i in range(end) if lines[i].y < rule]
        if below and all(lines[i].size <= body - _SMALL for i in below):
            below = [i for i in below if not _is_furniture(lines[i].text)]
            return (below[0], end) if below else (end, end)
    start = end
    while start > 0 and lines[start - 1].size <= body - _SMALL:
        start -= 1
    while start < end and _is_furniture(lines[start].text):
        start += 1
    if start < end and lines[start].first_marker is not None:
        return start, end
    return end, end


def _paragraphs(lines: Sequence[_Line], texts: Sequence[str]) -> list[str]:
    gaps = [
        round(a.y - b.y, 1)
        for a, b in itertools.pairwise(lines)
        if abs(a.size - b.size) < 0.1 and a.y > b.y
    ]
    pitch = Counter(gaps).most_common(1)[0][0] if gaps else 0.0
    out: list[str] = []
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        if index and pitch and lines[index - 1].y - line.y > pitch * 1.3:
            out.append("")
        out.append(text)
    return out
