"""Keys of meetings, themes and recommendations: read leniently, written canonically.

A meeting key is the body's code and the meeting's ordinal (``"SOM7"``); a theme
key adds the section letter (``"SOM7-B"``); a recommendation key adds the number
(``"SOM7-5"``).
"""

from __future__ import annotations

import re

__all__ = ["meeting_key", "recommendation_key", "theme_key"]

_MEETING = re.compile(r"^\s*([a-z]+)\s*[-_ ]?\s*(\d{1,9})\s*$", re.IGNORECASE)
_THEME = re.compile(
    r"^\s*([a-z]+)\s*[-_ ]?\s*(\d{1,9})\s*[-_/ .:]?\s*(?:ii\s*\.?\s*)?([a-z])\s*$", re.IGNORECASE
)
_RECOMMENDATION = re.compile(
    r"^\s*([a-z]+)\s*[-_ ]?\s*(\d{1,9})\s*[-_/ .:#]?\s*"
    r"(?:r|rec|recommendation|recommandation|recomendaci[oó]n)?\s*\.?\s*(\d{1,9})\s*$",
    re.IGNORECASE,
)


def meeting_key(text: object) -> str | None:
    """The canonical meeting key *text* stands for, or ``None`` if it is not one.

    >>> meeting_key("som 7")
    'SOM7'
    """
    match = _MEETING.match(text) if isinstance(text, str) else None
    return f"{match[1].upper()}{int(match[2])}" if match else None


def theme_key(text: object) -> str | None:
    """The canonical theme key *text* stands for, or ``None`` if it is not one.

    >>> theme_key("som7 b"), theme_key("SOM7/II.C")
    ('SOM7-B', 'SOM7-C')
    """
    match = _THEME.match(text) if isinstance(text, str) else None
    return f"{match[1].upper()}{int(match[2])}-{match[3].upper()}" if match else None


def recommendation_key(text: object) -> str | None:
    """The canonical recommendation key *text* stands for, or ``None`` if it is not one.

    >>> [recommendation_key(t) for t in ("SOM7-5", "som7-5", "SOM7/5", "SOM7 R5")]
    ['SOM7-5', 'SOM7-5', 'SOM7-5', 'SOM7-5']
    """
    match = _RECOMMENDATION.match(text) if isinstance(text, str) else None
    return f"{match[1].upper()}{int(match[2])}-{int(match[3])}" if match else None
