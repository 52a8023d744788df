"""Which characters a text may hold: those every file and document smomtrack writes can keep.

JSON, CSV and SQLite keep any Unicode text but NUL; Word documents, workbooks and web pages
are XML, which keeps no control character but tab, line feed and carriage return, no
U+FFFE or U+FFFF, and no lone surrogate. A text is refused when it is recorded or read,
never when it is written, so that whatever is kept can be written everywhere.
"""

from __future__ import annotations

import re

from smomtrack._words import Message

__all__ = ["text_problem"]

_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""The characters refused: control characters (not tab, line feed or carriage return),
the two noncharacters XML refuses, and surrogates (which only pair up in UTF-16)."""


def text_problem(text: str) -> Message | None:
    """Why *text* could not be kept in every file smomtrack writes, or ``None``.

    >>> text_problem("Décret n° 12"), str(text_problem("a" + chr(0) + "b"))
    (None, 'holds the character U+0000 (a control character), which documents cannot keep')
    """
    found = _REFUSED.search(text)
    if found is None:
        return None
    code = ord(found[0])
    kind = (
        "char_control"
        if code < 0x20
        else "char_surrogate"
        if 0xD800 <= code <= 0xDFFF
        else "char_noncharacter"
    )
    return Message("msg_refused_character", code=f"U+{code:04X}", kind=Message(kind))
