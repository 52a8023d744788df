"""Reading the recommendations section of a Working Group report from its text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import attrs

from smomtrack._catalogue.reports import ParsedReport, ParseWarning
from smomtrack._interchange.pdf_text import DocumentText, read_document
from smomtrack._interchange.plain_text import Line, clean_lines, join_paragraphs
from smomtrack._interchange.report_lines import (
    HEADING_WORDS,
    RECOMMENDATION,
    SECTION_WORDS,
    split_collapsed,
)
from smomtrack._records.recommendations import Citation, Footnote, Recommendation, Theme
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.keys import meeting_key
from smomtrack._vocabulary.languages import Text
from smomtrack._vocabulary.vocabularies import Addressee, Modality
from smomtrack._words import Listed, Message, Quoted
from smomtrack.exceptions import InvalidDataError

__all__ = ["REPORT_LANGUAGES", "parse_report"]

REPORT_LANGUAGES = ("en", "fr", "es")

_SECTION = re.compile(r"^([A-Z])\.\s+(.*)$")
_CHAPTER = re.compile(r"^([IVX]+)\.\s+(.*)$")
_CONTINUED = re.compile(r"\s*\((?:continued|suite|continuaci[oó]n)\)\s*$", re.IGNORECASE)
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}\.\s+(?=[A-ZÀ-Ý])")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.+)$")
_ADOPTED = {  # the heading of the recommendations of a report that numbers its paragraphs
    "en": re.compile(r"^(?:([ivx]+) )?recommendations adopted by the working group\b"),
    "fr": re.compile(r"^(?:([ivx]+) )?recommandations adoptees par le groupe de travail\b"),
    "es": re.compile(r"^(?:([ivx]+) )?recomendaciones aprobadas por el grupo de trabajo\b"),
}
_SUB_HEADING_WORDS = 12
"""A numbered line of at most this many words, without a final stop, is a sub-heading."""

# The wording that says whom a recommendation addresses and how strongly, per language,
# matched on the folded start of the text (case and accents removed).
_WORDING: dict[str, list[tuple[re.Pattern[str], Addressee, Modality]]] = {
    "en": [
        (
            re.compile(r"^(the )?states parties should consider\b"),
            Addressee.STATES_PARTIES,
            Modality.SHOULD_CONSIDER,
        ),
        (
            re.compile(r"^(the )?states parties are encouraged to\b"),
            Addressee.STATES_PARTIES,
            Modality.ENCOURAGED,
        ),
        (re.compile(r"^(the )?states parties should\b"), Addressee.STATES_PARTIES, Modality.SHOULD),
        (
            re.compile(r"^(the )?states should consider\b"),
            Addressee.STATES,
            Modality.SHOULD_CONSIDER,
        ),
        (re.compile(r"^(the )?states are encouraged to\b"), Addressee.STATES, Modality.ENCOURAGED),
        (re.compile(r"^(the )?states should\b"), Addressee.STATES, Modality.SHOULD),
    ],
    "fr": [
        (
            re.compile(r"^les etats parties devraient envisager de\b"),
            Addressee.STATES_PARTIES,
            Modality.SHOULD_CONSIDER,
        ),
        (
            re.compile(r"^les etats parties sont encourages a\b"),
            Addressee.STATES_PARTIES,
            Modality.ENCOURAGED,
        ),
        (re.compile(r"^les etats parties devraient\b"), Addressee.STATES_PARTIES, Modality.SHOULD),
        (
            re.compile(r"^les etats devraient envisager de\b"),
            Addressee.STATES,
            Modality.SHOULD_CONSIDER,
        ),
        (re.compile(r"^les etats sont encourages a\b"), Addressee.STATES, Modality.ENCOURAGED),
        (re.compile(r"^les etats devraient\b"), Addressee.STATES, Modality.SHOULD),
    ],
    "es": [
        (
            re.compile(r"^los estados partes deberian considerar\b"),
            Addressee.STATES_PARTIES,
            Modality.SHOULD_CONSIDER,
        ),
        (
            re.compile(r"^se alienta a los estados partes\b"),
            Addressee.STATES_PARTIES,
            Modality.ENCOURAGED,
        ),
        (re.compile(r"^los estados partes deberian\b"), Addressee.STATES_PARTIES, Modality.SHOULD),
        (
            re.compile(r"^los estados deberian considerar\b"),
            Addressee.STATES,
            Modality.SHOULD_CONSIDER,
        ),
        (re.compile(r"^se alienta a los estados\b"), Addressee.STATES, Modality.ENCOURAGED),
        (re.compile(r"^los estados deberian\b"), Addressee.STATES, Modality.SHOULD),
    ],
}


_WORDING_INSIDE = {
    "en": re.compile(
        r"\b(?:the\s+)?States(?:\s+parties)?\s+(?:should|are\s+encouraged)\b", re.IGNORECASE
    ),
    "fr": re.compile(
        r"\bLes\s+États(?:\s+parties)?\s+(?:devraient|sont\s+encouragés)\b", re.IGNORECASE
    ),
    "es": re.compile(
        r"\b(?:Los\s+Estados(?:\s+partes)?\s+deberían|Se\s+alienta\s+a\s+los\s+Estados)\b",
        re.IGNORECASE,
    ),
}


def wording_inside(text: str, lang: str) -> int | None:
    """Where a recommendation's wording ("States parties should") starts inside *text*.

    >>> wording_inside("Recommandations relatives aux crises Les États parties devraient", "fr")
    37
    """
    match = _WORDING_INSIDE.get(lang, _WORDING_INSIDE["en"]).search(text)
    return match.start() if match else None


def wording(text: str, lang: str) -> tuple[Addressee | None, Modality | None]:
    """Whom *text* addresses and how strongly, read from how it begins; ``None`` if not recognised.

    >>> wording("Les États devraient améliorer leur coopération", "fr")
    (<Addressee.STATES: 'states'>, <Modality.SHOULD: 'should'>)
    >>> wording("Se alienta a los Estados partes a cooperar", "es")
    (<Addressee.STATES_PARTIES: 'states_parties'>, <Modality.ENCOURAGED: 'encouraged'>)
    """
    start = fold(text)
    for pattern, addressee, modality in _WORDING.get(lang, []):
        if pattern.match(start):
            return addressee, modality
    return None, None


@attrs.define
class _Section:
    letter: str
    line: int
    title: list[str]
    chapter: str | None
    markers: list[int] = attrs.Factory(list)
    page: int = 1


@attrs.define
class _Entry:
    number: int
    line: int
    section: _Section | None
    lines: list[Line] = attrs.Factory(list)
    heading: str | None = None
    paragraph: bool = False
    page: int = 1


def _heading_language(line: Line) -> tuple[str, int] | None:
    match = RECOMMENDATION.match(fold(line.text))
    if not match:
        return None
    lang = next(k for k, v in HEADING_WORDS.items() if v == match[1])
    return lang, int(match[2])


def _is_section(line: Line, lang: str | None) -> re.Match[str] | None:
    match = _SECTION.match(line.text)
    if not match:
        return None
    words = [SECTION_WORDS[lang]] if lang else list(SECTION_WORDS.values())
    first = fold(match[2]).split(" ", 1)[0]
    return match if first in words else None


def parse_report(
    text: str | Path, *, meeting: str, lang: str | None = None, document: str | None = None
) -> ParsedReport:
    """Read the recommendations section of a Working Group report.

    Reads the PDF file as published (:class:`~pathlib.Path` to a ``.pdf``: page furniture
    and footnotes removed), Markdown (headings, emphasis) and plain text converted from PDF
    (page headers and footers, words hyphenated at line ends, paragraphs wrapped anywhere,
    blank lines anywhere, numbered paragraphs, "(continued)" markers), in English
    ("Recommendation 5"), French ("Recommandation 5") or Spanish ("Recomendación 5").

    Reports that number their paragraphs (the Working Group's before 2020) are read too:
    under "Recommendations adopted by the Working Group" ("Recommandations adoptées par le
    Groupe de travail", "Recomendaciones aprobadas por el Grupo de Trabajo"), lettered
    sections are themes, short numbered lines without a final stop are sub-headings (kept
    with the recommendations under them), and each numbered paragraph is a recommendation
    keyed by its paragraph number, which its citation gives.

    Args:
        text: The text, or the file (a :class:`~pathlib.Path`: ``.pdf`` or UTF-8 text).
        meeting: The meeting's key (``"SOM9"``).
        lang: ``"en"``, ``"fr"`` or ``"es"``; detected from the headings when ``None``.
        document: The report's symbol, for the citations, when you know it.

    Returns:
        The themes and recommendations with their verbatim texts, addressees, modalities
        and citations, and a warning (with its line) for every problem met.

    Raises:
        InvalidDataError: The text holds no recommendations, or *meeting* or *lang* is not valid.
    """
    key = meeting_key(meeting)
    if key is None:
        raise InvalidDataError(
            f"meeting: {meeting!r} is not a meeting key such as 'SOM9'",
            said=Message("msg_not_meeting_key", text=Quoted(meeting), example="SOM9"),
        )
    if lang is not None and lang not in REPORT_LANGUAGES:
        raise InvalidDataError(f"lang: {lang!r} is not one of {', '.join(REPORT_LANGUAGES)}")
    if not isinstance(text, str | Path):
        raise InvalidDataError(f"text: expected text, got {type(text).__name__}")
    read = read_document(text)
    lines = split_collapsed(clean_lines(read.text))
    where = _Where(read, text.name if isinstance(text, Path) else None, document, lines)
    found = [h for line in lines if (h := _heading_language(line))]
    languages = Counter(h[0] for h in found if lang is None or h[0] == lang)
    if not languages:
        adopted = _adopted(lines, lang)
        if adopted is None:
            raise InvalidDataError(
                "no recommendations found: no line reads 'Recommendation N',"
                " 'Recommandation N' or 'Recomendación N', nor 'Recommendations adopted by"
                " the Working Group' (or its French or Spanish wording)",
                said=Message("msg_no_recommendations_found"),
            )
        chosen, start, chapter = adopted
        scanned = _scan_paragraphs(lines[start + 1 :], chosen, chapter, where.warnings)
        return _build(key, chosen, scanned, where)
    chosen = languages.most_common(1)[0][0]
    entries, sections = _scan(lines, chosen)
    return _build(key, chosen, (entries, sections), where)


@attrs.frozen
class _Where:
    """The document a text is read from, its lines, and the warnings found so far.

    The document is named as given, or as its pages say.
    """

    read: DocumentText
    file: str | None
    given: str | None
    lines: list[Line] = attrs.Factory(list)
    warnings: list[ParseWarning] = attrs.Factory(list)

    @property
    def symbol(self) -> str | None:
        return self.given or self.read.symbol

    def source(self, page: int) -> str | None:
        """Where a text stands, said in its source: the symbol and page of a PDF."""
        if not self.read.pages:
            return f"{self.symbol}" if self.symbol else None
        named = self.symbol or self.file or "PDF"
        file = f" ({self.file})" if self.file and self.symbol else ""
        return f"{named}, page {page}{file}"


def _adopted(lines: list[Line], lang: str | None) -> tuple[str, int, str | None] | None:
    """The language, index and chapter of the heading of a paragraph-numbered section."""
    for index, line in enumerate(lines):
        folded = fold(line.text)
        for code, pattern in _ADOPTED.items():
            if lang is not None and code != lang:
                continue
            match = pattern.match(folded)
            if match:
                return code, index, match[1].upper() if match[1] else None
    return None


def _scan_paragraphs(
    lines: list[Line], lang: str, chapter: str | None, problems: list[ParseWarning]
) -> tuple[list[_Entry], list[_Section]]:
    """Themes, sub-headings and numbered paragraphs, up to the next chapter."""
    entries: list[_Entry] = []
    sections: list[_Section] = []
    section: _Section | None = None
    heading: str | None = None
    current: _Entry | None = None
    in_title = False
    for line in lines:
        chapter_match = _CHAPTER.match(line.text)
        if chapter_match and (line.heading or not line.text.endswith(".")):
            break  # the next chapter: the recommendations are over
        letter = _SECTION.match(line.text)
        if letter and (not line.text.endswith(".") or wording_inside(letter[2], lang)):
            section = _Section(
                letter[1], line.number, [_CONTINUED.sub("", letter[2])], chapter, [*line.markers]
            )
            section.page = line.page
            sections.append(section)
            current, heading, in_title = None, None, True
            continue
        numbered = _NUMBERED.match(line.text)
        if numbered:
            body = numbered[2].strip()
            if wording(body, lang)[1] is None and _is_sub_heading(body):
                heading, current, in_title = _sub_heading(body, lang, line, problems), None, False
                continue
            current = _Entry(int(numbered[1]), line.number, section, heading=heading)
            current.page = line.page
            current.paragraph = True
            current.lines.append(line)
            entries.append(current)
            in_title = False
            continue
        if in_title and section is not None:
            if line.note is not None:
                continue
            if line.text:
                section.title.append(line.text)
                section.markers.extend(line.markers)
            else:
                in_title = False
            continue
        if current is not None:
            current.lines.append(line)
    return entries, sections


def _sub_heading(body: str, lang: str, line: Line, problems: list[ParseWarning]) -> str | None:
    """A sub-heading as kept: never with a recommendation's wording in it (said)."""
    at = wording_inside(body, lang)
    if at is None:
        return body
    problems.append(
        ParseWarning.of(line.number, Message("parse_heading_wording", text=Quoted(body)))
    )
    return body[:at].strip() or None


def _is_sub_heading(text: str) -> bool:
    """A short line without a final stop: "General recommendations"."""
    return len(text.split()) <= _SUB_HEADING_WORDS and not text.endswith((".", ";", ":"))


def _scan(lines: list[Line], lang: str) -> tuple[list[_Entry], list[_Section]]:
    entries: list[_Entry] = []
    sections: list[_Section] = []
    chapter: str | None = None
    section: _Section | None = None
    current: _Entry | None = None
    in_title = False
    for line in lines:
        heading = _heading_language(line)
        if heading and heading[0] == lang:
            current = _Entry(heading[1], line.number, section)
            current.page = line.page
            entries.append(current)
            in_title = False
            continue
        if (match := _is_section(line, lang)) is not None:
            section = _Section(
                match[1], line.number, [_CONTINUED.sub("", match[2])], chapter, [*line.markers]
            )
            section.page = line.page
            sections.append(section)
            current, in_title = None, True
            continue
        chapter_match = _CHAPTER.match(line.text)
        if chapter_match and (line.heading or not line.text.endswith(".")):
            chapter = chapter_match[1]
            current, section, in_title = None, None, False
            continue
        if in_title and section is not None:
            if line.note is not None:
                continue
            if line.text:
                section.title.append(line.text)
                section.markers.extend(line.markers)
            else:
                in_title = False
            continue
        if current is not None:
            current.lines.append(line)
    return entries, sections


def _footnotes(
    lines: list[Line], lang: str, where: _Where, warnings: list[ParseWarning]
) -> dict[int, Footnote]:
    """The document's footnotes by number, verbatim, each saying where it stands."""
    notes: dict[int, Footnote] = {}
    for line in lines:
        if line.note is None:
            continue
        if line.note in notes:
            warnings.append(
                ParseWarning.of(line.number, Message("parse_note_again", number=line.note))
            )
            continue
        if not line.note_text:
            warnings.append(
                ParseWarning.of(line.number, Message("parse_note_empty", number=line.note))
            )
            continue
        at = where.source(line.page)
        notes[line.note] = Footnote(
            number=line.note,
            text=Text(
                lang,
                line.note_text,
                official=True,
                source=f"footnote {line.note}, {at}" if at else f"footnote {line.note}",
            ),
        )
    return notes


def _called(
    markers: list[int], notes: dict[int, Footnote], line: int, warnings: list[ParseWarning]
) -> tuple[Footnote, ...]:
    called: list[Footnote] = []
    for number in dict.fromkeys(markers):
        note = notes.get(number)
        if note is None:
            warnings.append(ParseWarning.of(line, Message("parse_note_missing", number=number)))
        else:
            called.append(note)
    return tuple(called)


def _build(
    meeting: str,
    lang: str,
    scanned: tuple[list[_Entry], list[_Section]],
    where: _Where,
) -> ParsedReport:
    entries, sections = scanned
    lines, warnings = where.lines, where.warnings
    warnings += [
        ParseWarning.of(_page_line(lines, problem), problem) for problem in where.read.problems
    ]
    notes = _footnotes(lines, lang, where, warnings)
    document = where.symbol
    themes: dict[str, Theme] = {}
    for section in sections:
        if section.letter in themes:
            warnings.append(
                ParseWarning.of(section.line, Message("parse_section_again", letter=section.letter))
            )
            continue
        title = _title(section, lang, warnings, where)
        themes[section.letter] = Theme(
            key=f"{meeting}-{section.letter}",
            meeting=meeting,
            letter=section.letter,
            section=f"{section.chapter}.{section.letter}" if section.chapter else section.letter,
            titles=[title],
            footnotes=_called(section.markers, notes, section.line, warnings),
        )
    recommendations: list[Recommendation] = []
    seen: set[int] = set()
    previous: int | None = None
    for entry in entries:
        if entry.paragraph and entry.section is None:
            warnings.append(
                ParseWarning.of(entry.line, Message("parse_before_sections", number=entry.number))
            )
            continue
        if previous is not None and entry.number not in seen:
            warnings.extend(_sequence(entry, previous, seen))
        if entry.number in seen:
            warnings.append(
                ParseWarning.of(entry.line, Message("parse_again", number=entry.number))
            )
            continue
        seen.add(entry.number)
        previous = entry.number
        if entry.section is None:
            warnings.append(
                ParseWarning.of(entry.line, Message("parse_outside", number=entry.number))
            )
            continue
        paragraphs = join_paragraphs(entry.lines)
        body = " ".join(
            _PARAGRAPH_NUMBER.sub("", p, count=1) if i == 0 else p for i, p in enumerate(paragraphs)
        ).strip()
        if not body:
            warnings.append(
                ParseWarning.of(entry.line, Message("parse_no_text", number=entry.number))
            )
            continue
        addressee, modality = wording(body, lang)
        if modality is None:
            warnings.append(
                ParseWarning.of(entry.line, Message("parse_wording", number=entry.number))
            )
        theme = themes[entry.section.letter]
        page = next((line.page for line in entry.lines if line.text), entry.page)
        markers = [m for line in entry.lines for m in line.markers]
        recommendations.append(
            Recommendation(
                key=f"{meeting}-{entry.number}",
                meeting=meeting,
                theme=theme.key,
                number=entry.number,
                texts=[Text(lang, body, official=True, source=where.source(page))],
                modality=modality,
                addressee=addressee,
                source=Citation(
                    meeting=meeting,
                    section=theme.section,
                    document=document,
                    paragraph=entry.number if entry.paragraph else None,
                    lang=lang,
                    page=page if where.read.pages else None,
                ),
                heading=[Text(lang, entry.heading, official=True)] if entry.heading else [],
                footnotes=_called(markers, notes, entry.line, warnings),
            )
        )
    return ParsedReport(
        meeting=meeting,
        lang=lang,
        themes=list(themes.values()),
        recommendations=recommendations,
        warnings=sorted(warnings, key=lambda w: w.line),
        footnotes=tuple(notes.values()),
    )


def _title(section: _Section, lang: str, warnings: list[ParseWarning], where: _Where) -> Text:
    """A section's title, official: cut before a recommendation's wording, which is said."""
    title = " ".join(section.title).strip()
    at = wording_inside(title, lang)
    if at is None:
        return Text(lang, title, official=True, source=where.source(section.page))
    rest = title[at:]
    shown = rest if len(rest) <= 60 else rest[:59] + "…"
    warnings.append(
        ParseWarning.of(
            section.line,
            Message("parse_title_wording", letter=section.letter, text=Quoted(shown)),
        )
    )
    kept = title[:at].strip()
    if kept:
        return Text(lang, kept, official=True, source=where.source(section.page))
    warnings.append(ParseWarning.of(section.line, Message("parse_no_title", letter=section.letter)))
    return Text(lang, section.letter, official=False, source="no title read: the letter alone")


def _sequence(entry: _Entry, previous: int, seen: set[int]) -> list[ParseWarning]:
    """What is wrong with the numbering where *entry* follows *previous*."""
    if entry.number < previous:
        said = Message("parse_out_of_order", number=entry.number, previous=previous)
        return [ParseWarning.of(entry.line, said)]
    missing = [n for n in range(previous + 1, entry.number) if n not in seen]
    if not missing:
        return []
    shown: object = Listed(missing)  # "3 and 4", « 3 et 4 »
    if len(missing) > 10:
        shown = ", ".join(str(n) for n in missing[:10]) + "…"
    said = Message(
        "parse_missing", len(missing), missing=shown, number=entry.number, previous=previous
    )
    return [ParseWarning.of(entry.line, said)]


def _page_line(lines: list[Line], problem: Message) -> int:
    """The first line of the page a problem names."""
    page = problem.values.get("page")
    return next((line.number for line in lines if line.page == page), 1)
