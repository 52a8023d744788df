"""The text of a UN document as published: a PDF file, read with pypdf (the ``pdf`` extra).

pypdf is a pure-Python PDF reader, well kept, that gives each page's text in reading
order. What a UN document's pages add to the text is then taken away page by page: the
footnotes below their rule (``____``) and their markers glued to words (``maritime1``);
the symbol at the top, the job number, bar code and page number at the bottom go with the
other page furniture in :func:`~smomtrack._interchange.plain_text.clean_lines`.
"""

from __future__ import annotations

import re
from pathlib import Path

from smomtrack._extras import require
from smomtrack._interchange.system import reason
from smomtrack._words import Message
from smomtrack.exceptions import InvalidDataError, StorageError

__all__ = ["PAGE_BREAK", "document_text", "pdf_text"]

PAGE_BREAK = "\f"
"""What separates the pages of the text :func:`pdf_text` gives."""

_RULE = re.compile(r"^\s*_{5,}\s*$")
_FOOTNOTE = re.compile(r"^\s*(\d{1,2})\s+\S")


def _pypdf() -> object:
    return require("pypdf", "reading PDF files", "pdf")


def pdf_text(source: str | Path) -> str:
    """The text of a PDF file, without its footnotes, pages separated by a form feed.

    Raises:
        MissingExtraError: pypdf is not installed (the ``pdf`` extra).
        StorageError: The file cannot be read.
        InvalidDataError: It is not a PDF file, or holds no text (a scan).
    """
    path = Path(source)
    pypdf = _pypdf()
    try:
        reader = pypdf.PdfReader(path)  # type: ignore[attr-defined]
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except OSError as exc:
        raise StorageError(path, Message("storage_cannot_read", reason=reason(exc))) from exc
    except Exception as exc:  # pypdf's own errors: not a PDF, damaged, encrypted
        raise InvalidDataError(
            f"{path}: not a readable PDF file ({exc})", said=Message("msg_not_pdf", file=str(path))
        ) from exc
    if not any(page.strip() for page in pages):
        raise InvalidDataError(Message("msg_pdf_no_text", file=str(path)))
    return f"\n{PAGE_BREAK}\n".join(without_footnotes(page) for page in pages)


def without_footnotes(page: str) -> str:
    r"""A page's text without the footnotes below its rule, nor their markers in the text.

    >>> without_footnotes("la voie maritime1. Fin\n______\n1 Voir la résolution 5/3.\n2/5")
    'la voie maritime. Fin'
    """
    lines = page.splitlines()
    rule = next((i for i, line in enumerate(lines) if _RULE.match(line)), None)
    if rule is None:
        return page
    numbers = {int(m[1]) for line in lines[rule + 1 :] if (m := _FOOTNOTE.match(line))}
    body = "\n".join(lines[:rule])
    for number in sorted(numbers, reverse=True):
        body = re.sub(rf"(?<=[^\W\d_])({number})(?=[\s.,;:»”)]|$)", "", body)
        body = re.sub(rf"(?<=[^\W\d_][.,;:]){number}(?=\s|$)", "", body)
    return body


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
        return pdf_text(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise StorageError(path, Message("storage_cannot_read", reason=reason(exc))) from exc
    except UnicodeDecodeError as exc:
        raise InvalidDataError(
            f"{path}: not UTF-8 text ({exc.reason})",
            said=Message("msg_not_utf8_text", file=str(path)),
        ) from exc
