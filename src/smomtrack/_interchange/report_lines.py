"""The lines of a report put back where its white space was collapsed.

Report text copied from a web page, or from a PDF by some tools, may come with its line
breaks gone: "… domaines Recommandation 1 Les États parties …", "… 1. General
recommendations 3. States parties should … of migrants. 2. Victims of trafficking 4. With
regard to …". The report parser reads headings and numbered paragraphs at the start of a
line, so each line is cut where one starts inside it:

- **"Recommendation N"** (in English, French or Spanish, capitalised), followed by a
  capital or the end of the line, where it follows a sentence's end, or is the next
  number, or is the first; the heading becomes a line of its own, and so does its text;
- **a chapter** ("III. Organizational matters": a Roman number) after a sentence's end,
  or followed by the recommendations' word ("II. Recommendations adopted …");
- **a section** ("B. Recommandations relatives …") followed by the recommendations' word,
  or lettered as the next section (A, or the letter after the last one);
- **a numbered paragraph or sub-heading** ("3. States parties …") after a sentence's end,
  or after a short numbered or lettered piece without a final stop (a heading: "1. General
  recommendations 3. States …"); a line of a wrapped paragraph ("measures under article
  12. States …") is not cut.

A number inside a sentence ("article 6. States" after a long clause) is not a cut. What
the cuts give is then checked like any text: the numbering as a sequence, a title holding
a recommendation's wording (see :mod:`~smomtrack._interchange.report_text`).
"""

from __future__ import annotations

import re

import attrs

from smomtrack._interchange.plain_text import Line
from smomtrack._vocabulary.folding import fold

__all__ = ["HEADING_WORDS", "RECOMMENDATION", "SECTION_WORDS", "split_collapsed"]

# The words the parsers recognise in reports of the three languages (data, not words shown):
# "Recommendation 5" heads a recommendation, "B. Recommendations on …" a section; matched
# on folded text (case and accents removed).
HEADING_WORDS = {"en": "recommendation", "fr": "recommandation", "es": "recomendacion"}
SECTION_WORDS = {"en": "recommendations", "fr": "recommandations", "es": "recomendaciones"}
RECOMMENDATION = re.compile(r"^(recommendation|recommandation|recomendacion)\s+(\d{1,3})\s*[.:]?$")

_CANDIDATE = re.compile(
    r"(?<=\s)(?:"
    r"(?P<rec>(?:Recommendation|Recommandation|Recomendaci[oó]n)\s+(?P<n>\d{1,3})\s*[.:]?)"
    r"(?=\s+(?:[A-ZÀ-Ý«“\"]|\d{1,3}\.\s)|\s*$)"
    r"|(?P<chapter>[IVX]{1,4}\.)\s+(?=[A-ZÀ-Ý])"
    r"|(?P<letter>[A-Z])\.\s+(?=[A-ZÀ-Ý][a-zà-ÿ])"
    r"|(?P<number>\d{1,3})\.\s+(?=[A-ZÀ-Ý«“\"])"
    r")"
)
_SENTENCE_END = (".", ";", ":", "!", "?", "»", "”", ")")
_WORD = re.compile(r"\S")
_TAIL = 200
"""How far back from a candidate its stretch is looked at for a sentence's end."""
_SHORT_SPAN = 400
"""A marked piece longer than this many characters is no sub-heading."""
_WORD_SPAN = 40
"""How much of what follows a number is looked at for the recommendations' word."""
_SHORT = 13
"""A marked piece of at most this many words without a final stop reads as a sub-heading."""
_MARKED = re.compile(r"^(?:[IVX]{1,4}\.|[A-Z]\.|\d{1,3}\.)\s")
"""How a heading's piece begins: a chapter, section or paragraph number."""


@attrs.define
class _State:
    recommendation: int | None = None
    letter: str | None = None


def split_collapsed(lines: list[Line]) -> list[Line]:
    """*lines*, each cut where a heading or numbered paragraph starts inside it."""
    state = _State()
    out: list[Line] = []
    for line in lines:
        if not line.text or line.note is not None:
            out.append(line)
            continue
        _note_start(line.text, state)
        cuts = _cuts(line.text, state)
        if not cuts:
            out.append(line)
            continue
        pieces = [line.text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, None], strict=True)]
        for index, piece in enumerate(p for p in pieces if p):
            markers = line.markers if index == 0 else ()
            out.append(attrs.evolve(line, text=piece, markers=markers, heading=False))
    return out


def _note_start(text: str, state: _State) -> None:
    """What a line that starts with a heading tells of the sequence."""
    first = text[:_WORD_SPAN].split("  ", maxsplit=1)[0].strip()  # a heading is short
    heading = RECOMMENDATION.match(fold(first))
    if heading:
        state.recommendation = int(heading[2])
    letter = re.match(r"^([A-Z])\.\s", text)
    if letter and _followed_by_section_word(text[2:]):
        state.letter = letter[1]


def _followed_by_section_word(rest: str) -> bool:
    """Whether *rest* starts with the recommendations' word (only its start is folded)."""
    return fold(rest[:_WORD_SPAN]).split(" ", 1)[0] in SECTION_WORDS.values()


@attrs.define
class _Before:
    """What stands between the last cut and a candidate, looked at over a bounded stretch."""

    text: str
    since: int = -1  # the last cut looked from (none yet)
    first: int = 0  # where the piece since the last cut starts (its first word)

    def look(self, since: int, start: int) -> tuple[bool, bool] | None:
        """(ended, short) for the piece before *start*; ``None`` if there is none."""
        if since != self.since:
            word = _WORD.search(self.text, since)
            self.since, self.first = since, word.start() if word else len(self.text)
        first = self.first
        if first >= start:
            return None
        ended = self.text[max(first, start - _TAIL) : start].rstrip().endswith(_SENTENCE_END)
        piece = self.text[first:start] if not ended and start - first <= _SHORT_SPAN else ""
        return ended, bool(_MARKED.match(piece)) and len(piece.split()) <= _SHORT


def _cuts(text: str, state: _State) -> list[int]:
    """Where *text* is cut; each candidate looks at a bounded stretch before it (linear time)."""
    cuts: list[int] = []
    before = _Before(text)
    for match in _CANDIDATE.finditer(text):
        start = match.start()
        seen = before.look(cuts[-1] if cuts else 0, start)
        if seen is None:
            continue  # nothing before it since the last cut
        ended, short = seen
        after = text[match.end() : match.end() + _WORD_SPAN]
        if match["rec"]:
            number = int(match["n"])
            expected = state.recommendation is None or number == state.recommendation + 1
            if ended or expected:
                state.recommendation = number
                cuts += [start, match.end("rec")]
        elif match["chapter"]:
            if ended or _followed_by_section_word(after):
                cuts.append(start)
                state.letter = None
        elif match["letter"]:
            letter = match["letter"]
            expected = letter == ("A" if state.letter is None else chr(ord(state.letter) + 1))
            if _followed_by_section_word(after) or (expected and (ended or short)):
                cuts.append(start)
                state.letter = letter
        elif ended or short:
            cuts.append(start)
    return sorted(set(cuts))
