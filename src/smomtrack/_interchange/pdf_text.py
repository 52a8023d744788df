"""The text of a UN document as published: a PDF file, read with pypdf (the ``pdf`` extra).

pypdf is a pure-Python PDF reader, well kept, whose visitor functions give every piece of
text a page shows with its position and type size, and every rule it draws: enough to see
the page as a reader does (:mod:`~smomtrack._interchange.pdf_layout`). The footnotes at the
foot of each page are taken out of the flow and kept, each written after its page's text
as ``<sup>N</sup> text`` (the form of the seeds' Markdown), their markers in the text
written ``<sup>N</sup>`` instead of glued to a word (``maritime1``); the symbol at the top,
the job number, bar code and page number at the bottom go with the other page furniture
in :func:`~smomtrack._interchange.plain_text.clean_lines`.
"""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import attrs

from smomtrack._extras import require
from smomtrack._interchange.pdf_layout import Footnote, LaidOutPage, lay_out, pieces_of
from smomtrack._interchange.system import reason
from smomtrack._words import Message
from smomtrack.exceptions import InvalidDataError, StorageError

__all__ = ["PAGE_BREAK", "DocumentText", "document_text", "pdf_text", "read_document"]

PAGE_BREAK = "\f"
"""What separates the pages of the text :func:`pdf_text` gives."""

_SYMBOL = re.compile(r"^[A-Z]{2,}(?:/[A-Za-z0-9.\-]+){2,}$")


@attrs.frozen
class DocumentText:
    """The text of a document, and what reading it found.

    Attributes:
        text: The text; for a PDF, pages separated by a form feed, each page's footnotes
            after its text as ``<sup>N</sup> text``, markers as ``<sup>N</sup>``.
        problems: What could not be understood, each naming its page.
        symbol: The document symbol its pages carry at the top, where it has one.
        pages: The pages as laid out (empty for a text).
    """

    text: str
    problems: tuple[Message, ...] = ()
    symbol: str | None = None
    pages: tuple[LaidOutPage, ...] = ()


def _pypdf() -> object:
    return require("pypdf", "reading PDF files", "pdf")


def pdf_text(source: str | Path) -> str:
    """The text of a PDF file, its footnotes apart, pages separated by a form feed.

    Raises:
        MissingExtraError: pypdf is not installed (the ``pdf`` extra).
        StorageError: The file cannot be read.
        InvalidDataError: It is not a PDF file, or holds no text (a scan).
    """
    return _read_pdf(Path(source)).text


@contextlib.contextmanager
def _pypdf_quiet() -> Iterator[None]:
    """Quiet pypdf's own log lines and warnings: what matters is said as smomtrack's error."""
    logger = logging.getLogger("pypdf")  # its modules' loggers inherit its level
    before = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(before)


def _read_pdf(path: Path) -> DocumentText:
    pypdf = _pypdf()
    try:
        with _pypdf_quiet():
            reader = pypdf.PdfReader(path)  # type: ignore[attr-defined]
            read = [pieces_of(page) for page in reader.pages]
    except OSError as exc:
        raise StorageError(path, Message("storage_cannot_read", reason=reason(exc))) from exc
    except Exception as exc:  # pypdf's own errors: not a PDF, damaged, encrypted
        raise InvalidDataError(
            f"{path}: not a readable PDF file ({exc})", said=Message("msg_not_pdf", file=str(path))
        ) from exc
    if not any(piece.text.strip() for pieces, _ in read for piece in pieces):
        raise InvalidDataError(Message("msg_pdf_no_text", file=str(path)))
    return laid_out_text(read)


def laid_out_text(read: list[tuple[list, list[float]]]) -> DocumentText:  # type: ignore[type-arg]
    """The document made of pages given as (pieces, rules), as :func:`pieces_of` gives them."""
    sizes: Counter[float] = Counter()
    for pieces, _ in read:
        for piece in pieces:
            sizes[round(piece.size, 1)] += len(piece.text.strip())
    body = sizes.most_common(1)[0][0] if sizes else None
    pages: list[LaidOutPage] = []
    for number, (pieces, rules) in enumerate(read, start=1):
        carry = bool(pages and pages[-1].footnotes)
        pages.append(lay_out(number, pieces, rules=rules, body=body, carry=carry))
    notes: list[list[Footnote]] = []
    for page in pages:
        own = list(page.footnotes)
        if own and own[0].number == 0 and notes and notes[-1]:
            last = notes[-1][-1]
            notes[-1][-1] = attrs.evolve(last, text=f"{last.text} {own.pop(0).text}")
        notes.append(own)
    texts = []
    for page, own in zip(pages, notes, strict=True):
        lines = list(page.lines)
        if own:
            lines += ["", *(f"<sup>{n.number}</sup> {n.text}" for n in own)]
        texts.append("\n".join(lines))
    tops = Counter(
        line.strip() for page in pages for line in page.lines[:2] if _SYMBOL.match(line.strip())
    )
    return DocumentText(
        text=f"\n{PAGE_BREAK}\n".join(texts),
        problems=tuple(p for page in pages for p in page.problems),
        symbol=tops.most_common(1)[0][0] if tops else None,
        pages=tuple(
            attrs.evolve(page, footnotes=tuple(own)) for page, own in zip(pages, notes, strict=True)
        ),
    )


def read_document(source: str | Path) -> DocumentText:
    """The text of a document given as text or as a file, with what reading it found.

    A ``str`` is the text itself; a :class:`~pathlib.Path` is a file to read (a PDF by
    its suffix, UTF-8 text otherwise).

    Raises:
        StorageError: The file cannot be read.
        InvalidDataError: A text file that is not UTF-8, or a PDF that cannot be read.
        MissingExtraError: A PDF file without pypdf installed.
    """
    if isinstance(source, Path) and source.suffix.lower() == ".pdf":
        return _read_pdf(source)
    return DocumentText(document_text(source))


def document_text(source: str | Path) -> str:
    """The text of a document given as text or as a file: a PDF file or a text file.

    A ``str`` is the text itself; a :class:`~pathlib.Path` is a file to read (a PDF by
    its suffix, UTF-8 text otherwise).

    Raises:
        StorageError: The file cannot be read.
        InvalidDataError: A text file that is not UTF-8, or a PDF that cannot be read.
        MissingExtraError: A PDF file without pypdf installed.
    """
    if isinstance(source, str):
        return source
    path = Path(source)
    if path.suffix.lower() == ".pdf":
        return _read_pdf(path).text
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise StorageError(path, Message("storage_cannot_read", reason=reason(exc))) from exc
    except UnicodeDecodeError as exc:
        raise InvalidDataError(
            f"{path}: not UTF-8 text ({exc.reason})",
            said=Message("msg_not_utf8_text", file=str(path)),
        ) from exc
