"""Keys of meetings, themes and recommendations: read leniently, written canonically.

A meeting key is the body's code and the meeting's ordinal (``"SOM7"``); a theme
key adds the section letter (``"SOM7-B"``); a recommendation key adds the number
(``"SOM7-5"``).
"""

from __future__ import annotations

import re

__all__ = ["meeting_key", "recommendation_key", "recommendation_number", "theme_key"]

_MEETING = re.compile(r"^\s*([a-z]+)\s*[-_ ]?\s*(\d{1,9})\s*$", re.IGNORECASE)
_THEME = re.compile(
    r"^\s*([a-z]+)\s*[-_ ]?\s*(\d{1,9})\s*[-_/ .:]?\s*(?:ii\s*\.?\s*)?([a-z])\s*$", re.IGNORECASE
)
_RECOMMENDATION = re.compile(
    r"^\s*([a-z]+)\s*[-_ ]?\s*(\d{1,9})\s*[-_/ .:#]?\s*"
    r"(?:r|rec|recommendation|recommandation|recomendaci[oó]n)?\s*\.?\s*(\d{1,9})\s*$",
    re.IGNORECASE,
)


_NUMBER = re.compile(
    r"^\s*(?:(?:r|rec|recomm?[ae]nda(?:tion|ci[oó]n))\s*\.?\s*)?(?:n[°ºo]?\s*\.?\s*)?(\d{1,9})\s*$",
    re.IGNORECASE,
)


def recommendation_number(text: object) -> int | None:
    """The number a recommendation is written with when its meeting goes without saying.

    >>> [recommendation_number(t) for t in ("8", "Rec. 8", "R8", "Recomendación n° 8")]
    [8, 8, 8, 8]
    >>> recommendation_number(8.0), recommendation_number("SOM7-8")
    (8, None)
    """
    if isinstance(text, float) and text.is_integer() and text > 0:
        return int(text)
    if isinstance(text, int) and not isinstance(text, bool) and text > 0:
        return text
    match = _NUMBER.match(text) if isinstance(text, str) else None
    return int(match[1]) if match and int(match[1]) > 0 else None


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
