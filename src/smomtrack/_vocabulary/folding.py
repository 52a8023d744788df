"""Folding text for matching what people type: case, accents, ligatures and spacing."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold"]

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_SEPARATORS = re.compile(r"[\s\-_’'.,;:()/]+")


def fold(text: str) -> str:
    """Return *text* folded for matching.

    Lower case, without accents, with ``œ`` as ``oe``, and with runs of spaces,
    hyphens, underscores, apostrophes and punctuation turned into one space.

    >>> fold("  Partiellement  mise en Œuvre ")
    'partiellement mise en oeuvre'
    >>> fold("not-applicable")
    'not applicable'
    """
    text = text.translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", stripped.casefold()).strip()
