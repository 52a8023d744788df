"""Reading an annotated provisional agenda of the Working Group from its text."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import attrs

from smomtrack._interchange.pdf_text import document_text
from smomtrack._interchange.plain_text import Line, clean_lines, join_paragraphs
from smomtrack._records.meetings import AgendaItem, Document, Meeting, Session
from smomtrack._vocabulary.dates import MONTH_NAMES, month_number, parse_date, parse_date_range
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.keys import meeting_key
from smomtrack._vocabulary.languages import Text
from smomtrack._vocabulary.venues import venue_name
from smomtrack._vocabulary.vocabularies import DocumentKind, MeetingFormat
from smomtrack._words import Message, Quoted
from smomtrack.exceptions import InvalidDataError, SmomtrackError, SmomtrackWarning

__all__ = ["parse_agenda"]

# The headings of an annotated provisional agenda, folded, per language.
_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "agenda": ("provisional agenda",),
        "title": ("annotated provisional agenda",),
        "annotations": ("annotations",),
        "documentation": ("documentation",),
        "annex": ("annex",),
        "hybrid": ("hybrid format", "in a hybrid", "hybrid meeting"),
    },
    "fr": {
        "agenda": ("ordre du jour provisoire",),
        "title": ("ordre du jour provisoire annote",),
        "annotations": ("annotations",),
        "documentation": ("documentation",),
        "annex": ("annexe",),
        "hybrid": ("forme hybride",),
    },
    "es": {
        "agenda": ("programa provisional",),
        "title": ("programa provisional anotado",),
        "annotations": ("anotaciones",),
        "documentation": ("documentacion",),
        "annex": ("anexo",),
        "hybrid": ("formato hibrido", "forma hibrida"),
    },
}
_KINDS = (
    (
        ("background paper", "document d information", "documento de antecedentes"),
        DocumentKind.BACKGROUND_PAPER,
    ),
    (
        ("thematic compilation", "recapitulatif thematique", "recopilacion tematica"),
        DocumentKind.THEMATIC_COMPILATION,
    ),
    (("report", "rapport", "informe"), DocumentKind.REPORT),
)
_ITEM = re.compile(r"^(\d{1,2})\.\s+(.+?)\s*[:;.]?$")
_SUB_ITEM = re.compile(r"^(?:[-–•]\s*)?\(?([a-z])\)\s+(.+?)\s*[:;.]?$")
_ITEM_NUMBER = re.compile(r"^(\d{1,2})(?:\s*\(?([a-z])\))?$")
_DOCUMENT = re.compile(r"^(.+?)\s*\(([A-Z]{2,}(?:/[A-Za-z0-9.\-]+)+)\)\.?$")
_VENUE_DATES = re.compile(r"^([^\d,]+),\s*(.*\d{4})$")
_CONTINUED = re.compile(r"\(\s*(?:continued|suite|continuaci[oó]n)\s*\)", re.IGNORECASE)
_TIME = r"(\d{1,2})(?:[.:h](\d{2}))?\s*(a\.\s?m\.|p\.\s?m\.|heures|horas|hours|h)?"
_SLOT = re.compile(rf"^{_TIME}\s*(?:-|–|—|\ba\b|\bto\b)\s*{_TIME}\s*$")
_ANY_MONTH = "|".join(
    sorted({fold(name) for names in MONTH_NAMES.values() for name in names}, key=len, reverse=True)
)
_ENGLISH_MONTH = "|".join(fold(name) for name in MONTH_NAMES["en"])
_DAY = re.compile(
    rf"(\d{{1,2}})(?:er)?\s+(?:de\s+)?({_ANY_MONTH})|({_ENGLISH_MONTH})\s+(\d{{1,2}})"
)


def _has(line: Line, words: tuple[str, ...]) -> bool:
    return fold(line.text) in {fold(w) for w in words}


def _language(lines: list[Line]) -> str:
    for lang, words in _WORDS.items():
        if any(_has(line, words["agenda"]) for line in lines):
            return lang
    raise InvalidDataError(
        "not an annotated provisional agenda: no heading 'Provisional agenda',"
        " 'Ordre du jour provisoire' or 'Programa provisional'",
        said=Message("msg_not_agenda"),
    )


@attrs.define
class _Item:
    number: str
    title: str
    sub_items: list[_Item] = attrs.Factory(list)
    annotation: list[Line] = attrs.Factory(list)
    documents: list[str] = attrs.Factory(list)


def parse_agenda(text: str | Path, *, meeting: str) -> Meeting:
    """Read an annotated provisional agenda of the Working Group (English, French or Spanish).

    Gives the meeting with its dates and venue, its format where the text says it is
    hybrid, its agenda items with their sub-items and annotations, the documents listed
    under "Documentation" with their symbols, and the organization of work (dates, time
    slots, items taken up, items continued).

    Reads Markdown, the text a PDF gives (headings unmarked; the columns of the
    organization of work separated by runs of spaces), or the PDF file itself. A part that
    an annotated agenda normally has and that is not found (an item's annotation, the
    documents, the organization of work) is said in a
    :class:`~smomtrack.exceptions.SmomtrackWarning` issued with :mod:`warnings`, with its
    line: never a silent empty result.

    Args:
        text: The agenda as text (Markdown or the text of a PDF), or its file (a
            :class:`~pathlib.Path`: ``.pdf`` or UTF-8 text).
        meeting: The meeting's key (``"SOM8"``).

    Raises:
        InvalidDataError: Not an annotated provisional agenda, or a part that cannot be read
            (the message says which line).
    """
    key = meeting_key(meeting)
    if key is None:
        raise InvalidDataError(
            f"meeting: {meeting!r} is not a meeting key such as 'SOM8'",
            said=Message("msg_not_meeting_key", text=Quoted(meeting), example="SOM8"),
        )
    if not isinstance(text, str | Path):
        raise InvalidDataError(f"text: expected text, got {type(text).__name__}")
    lines = clean_lines(document_text(text))
    lang = _language(lines)
    words = _WORDS[lang]
    venue, start, end = _venue_and_dates(lines)
    items = _agenda(lines, words)
    documents = [_agenda_document(lines, lang, words)]
    documents += _annotate(lines, words, items, lang)
    sessions = _sessions(lines, words, start)
    _warn_missing(lines, words, items, documents, sessions)
    hybrid = any(w in fold(line.text) for line in lines for w in words["hybrid"])
    body = key.rstrip("0123456789")
    try:
        return Meeting(
            key=key,
            ordinal=int(key[len(body) :]),
            start=start,
            end=end,
            venue=venue,
            format=MeetingFormat.HYBRID if hybrid else None,
            agenda=[_record(item, lang) for item in items],
            documents=[d for d in documents if d is not None],
            sessions=sessions,
        )
    except SmomtrackError as exc:
        raise InvalidDataError(f"the agenda does not hold together: {exc}") from exc


def _warn_missing(
    lines: list[Line],
    words: dict[str, tuple[str, ...]],
    items: list[_Item],
    documents: list[Document | None],
    sessions: list[Session],
) -> None:
    """Say which usual parts of an annotated agenda were not found, with their line."""
    heading = {
        key: next((line.number for line in lines if _has(line, words[key])), None)
        for key in ("annotations", "documentation", "annex")
    }
    first = lines[0].number if lines else 1
    problems: list[tuple[int, str]] = []
    if heading["annotations"] is None:
        problems.append((first, "no 'Annotations' heading: the items have no annotation"))
    else:
        problems += [
            (heading["annotations"], f"item {item.number} has no annotation")
            for item in items
            if not item.annotation and not any(sub.annotation for sub in item.sub_items)
        ]
    if not any(d is not None and d.symbol for d in documents):
        where = heading["documentation"] or heading["annotations"] or first
        problems.append((where, "no document with its symbol was found under 'Documentation'"))
    if not sessions:
        where = heading["annex"] or first
        problems.append((where, "no session of the organization of work was read (annex)"))
    for line, message in problems:
        warnings.warn(SmomtrackWarning(line, message), stacklevel=3)


def _venue_and_dates(lines: list[Line]) -> tuple[str | None, dt.date | None, dt.date | None]:
    for line in lines:
        match = _VENUE_DATES.match(line.text)
        if match:
            try:
                start, end = parse_date_range(match[2])
            except SmomtrackError:
                continue
            return venue_name(match[1]), start, end
    return None, None, None


def _section(lines: list[Line], first: tuple[str, ...], last: tuple[str, ...]) -> list[Line]:
    inside = False
    found: list[Line] = []
    for line in lines:
        if not inside and _has(line, first):
            inside = True
            continue
        if inside and _has(line, last):
            break
        if inside:
            found.append(line)
    return found


def _agenda(lines: list[Line], words: dict[str, tuple[str, ...]]) -> list[_Item]:
    items: list[_Item] = []
    last: _Item | None = None
    for line in _section(lines, words["agenda"], words["annotations"]):
        if (match := _ITEM.match(line.text)) is not None:
            last = _Item(match[1], match[2])
            items.append(last)
        elif (match := _SUB_ITEM.match(line.text)) is not None and items:
            parent = items[-1]
            last = _Item(f"{parent.number} {match[1]})", match[2])
            parent.sub_items.append(last)
        elif line.text and last is not None and not line.heading:
            # a title wrapped over two lines (the text of a PDF): its end, without the stop
            last.title = f"{last.title} {line.text}".rstrip(" ;:.")
        elif not line.text:
            last = None
    if not items:
        raise InvalidDataError(
            "the provisional agenda lists no items ('1. …', '2. …')",
            said=Message("msg_agenda_no_items"),
        )
    return items


def _agenda_document(
    lines: list[Line], lang: str, words: dict[str, tuple[str, ...]]
) -> Document | None:
    title = next((line.text for line in lines if _has(line, words["title"])), None)
    if title is None:
        return None
    day = None
    for index, line in enumerate(lines):
        if fold(line.text).startswith("distr"):
            for candidate in lines[index + 1 : index + 4]:
                try:
                    day = parse_date(candidate.text)
                    break
                except SmomtrackError:
                    continue
            break
    return Document(kind=DocumentKind.AGENDA, date=day, titles=[Text(lang, title, official=True)])


def _annotate(
    lines: list[Line], words: dict[str, tuple[str, ...]], items: list[_Item], lang: str
) -> list[Document]:
    by_number = {item.number: item for item in items}
    documents: list[Document] = []
    current: _Item | None = None
    listing = False
    rest = ""  # the end of a heading wrapped over several lines (plain text)
    pending: list[str] = []  # a document's title wrapped over lines, before its symbol
    for line in _section(lines, words["annotations"], words["annex"]):
        if rest and line.text and rest.startswith(fold(line.text)):
            rest = rest[len(fold(line.text)) :].strip()
            continue
        rest = ""
        item = _ITEM.match(line.text) if line.heading else _titled(line, by_number)
        sub = _SUB_ITEM.match(line.text) if line.heading else _titled_sub(line, current, items)
        if not line.heading and (item or sub):
            title = (item or sub)[2]  # type: ignore[index]
            known = _known_title(item, sub, by_number, current, items)
            rest = fold(known)[len(fold(title)) :].strip() if known else ""
        if item is not None and item[1] in by_number:
            current, listing = by_number[item[1]], False
        elif sub is not None and current is not None:
            number = f"{current.number.split()[0]} {sub[1]})"
            parent = by_number.get(current.number.split()[0])
            current = next(
                (s for s in (parent.sub_items if parent else []) if s.number == number), current
            )
            listing = False
        elif _has(line, words["documentation"]):
            listing, pending = True, []
        elif (
            listing
            and (document := _DOCUMENT.match(" ".join([*pending, line.text]))) is not None
            and current is not None
        ):
            pending = []
            current.documents.append(document[2])
            documents.append(
                Document(
                    symbol=document[2],
                    kind=_kind(document[1]),
                    titles=[Text(lang, document[1], official=True)],
                )
            )
        elif listing and current is not None:
            pending = [*pending, line.text] if line.text else []
        elif current is not None and not listing:
            current.annotation.append(line)
    return documents


def _titled(line: Line, by_number: dict[str, _Item]) -> re.Match[str] | None:
    """A plain-text line that begins an item's annotation: "2. " and the item's title."""
    match = _ITEM.match(line.text)
    if match is None or match[1] not in by_number:
        return None
    title = fold(by_number[match[1]].title)
    return match if title.startswith(fold(match[2])) and len(match[2]) > 3 else None


def _titled_sub(line: Line, current: _Item | None, items: list[_Item]) -> re.Match[str] | None:
    """A plain-text line that begins a sub-item's annotation: "a) " and its title."""
    match = _SUB_ITEM.match(line.text)
    if match is None or current is None:
        return None
    parent = next((i for i in items if i.number == current.number.split()[0]), None)
    sub = next(
        (s for s in (parent.sub_items if parent else []) if s.number.endswith(f"{match[1]})")),
        None,
    )
    if sub is None:
        return None
    return match if fold(sub.title).startswith(fold(match[2])) else None


def _known_title(
    item: re.Match[str] | None,
    sub: re.Match[str] | None,
    by_number: dict[str, _Item],
    current: _Item | None,
    items: list[_Item],
) -> str | None:
    """The full title of the item or sub-item a plain heading begins."""
    if item is not None:
        return by_number[item[1]].title
    if sub is not None and current is not None:
        parent = next((i for i in items if i.number == current.number.split()[0]), None)
        for candidate in parent.sub_items if parent else []:
            if candidate.number.endswith(f"{sub[1]})"):
                return candidate.title
    return None


def _kind(title: str) -> DocumentKind:
    folded = fold(title)
    for starts, kind in _KINDS:
        if folded.startswith(starts):
            return kind
    return DocumentKind.OTHER


def _record(item: _Item, lang: str) -> AgendaItem:
    paragraphs = join_paragraphs(item.annotation)
    return AgendaItem(
        number=item.number,
        titles=[Text(lang, item.title, official=True)],
        annotations=[Text(lang, "\n\n".join(paragraphs), official=True)] if paragraphs else [],
        documents=item.documents,
        sub_items=[_record(sub, lang) for sub in item.sub_items],
    )


def _hour(number: str, minutes: str | None, suffix: str | None, pm: bool) -> dt.time:
    hour = int(number)
    if pm and hour < 12:
        hour += 12
    del suffix
    try:
        return dt.time(hour, int(minutes or 0))
    except ValueError as exc:
        raise InvalidDataError(
            f"organization of work: {number}:{minutes or '00'} is not a time of day"
        ) from exc


def _slot(cell: str) -> tuple[dt.time, dt.time] | None:
    match = _SLOT.match(cell.lower())
    if match is None:
        return None
    start_pm = bool(match[3] and match[3].startswith("p"))
    end_pm = bool(match[6] and match[6].startswith("p"))
    if end_pm and not match[3] and int(match[1]) < int(match[4]):
        start_pm = True  # "3–6 p.m."
    return _hour(match[1], match[2], match[3], start_pm), _hour(
        match[4], match[5], match[6], end_pm
    )


def _day(cell: str, year: int) -> dt.date | None:
    match = _DAY.search(fold(cell))
    if match is None:
        return None
    day, month = (match[1], match[2]) if match[1] else (match[4], match[3])
    number = month_number(month)
    try:
        return dt.date(year, number or 0, int(day))
    except ValueError as exc:
        raise InvalidDataError(
            f"organization of work: {cell.strip()!r} is not a date ({exc})"
        ) from exc


def _cells(line: Line) -> list[str]:
    """A row's cells: separated by tabs (Markdown), or by runs of spaces (a PDF's text)."""
    source = line.raw or line.text
    cleaned = [clean_lines(cell)[0].text if cell.strip() else "" for cell in _COLUMNS.split(source)]
    return [cell for cell in cleaned if cell]


_COLUMNS = re.compile(r"\t| {2,}")


@attrs.define
class _Draft:
    date: dt.date
    start: dt.time
    end: dt.time
    items: list[str] = attrs.Factory(list)
    continued: list[str] = attrs.Factory(list)


def _sessions(
    lines: list[Line], words: dict[str, tuple[str, ...]], start: dt.date | None
) -> list[Session]:
    rows = _section(lines, words["annex"], ())
    if not rows or start is None:
        return []
    drafts: list[_Draft] = []
    day: dt.date | None = None
    for line in rows:
        cells = _cells(line)
        if not cells:
            continue
        found_day = next((d for cell in cells if (d := _day(cell, start.year))), None)
        if found_day is not None and not any(_slot(c) for c in cells):
            day = found_day
            continue
        slot = _slot(cells[0])
        if slot is not None and day is not None:
            drafts.append(_Draft(day, slot[0], slot[1]))
        rest = cells[1:] if slot is not None else cells
        found = _ITEM_NUMBER.match(rest[0]) if rest else None
        if drafts and found is not None:
            number = f"{found[1]} {found[2]})" if found[2] else found[1]
            drafts[-1].items.append(number)
            if any(_CONTINUED.search(cell) for cell in rest[1:]):
                drafts[-1].continued.append(number)
        elif drafts and drafts[-1].items and _CONTINUED.search(line.text):
            drafts[-1].continued.append(drafts[-1].items[-1])  # a title wrapped: "(suite)" below
    return [
        Session(date=d.date, start=d.start, end=d.end, items=d.items, continued=d.continued)
        for d in drafts
    ]
