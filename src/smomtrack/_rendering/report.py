"""Whole compliance reports in English, French and Spanish, as Markdown, HTML or plain text."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Iterable
from typing import Literal, Unpack, overload

import attrs

from smomtrack._presentation.labels import (
    check_language,
    format_date,
    format_date_range,
    format_number,
    format_ordinal,
    format_percent,
    format_venue,
    word,
    words,
)
from smomtrack._records.meetings import Meeting
from smomtrack._rendering.blocks import (
    Block,
    Chart,
    Heading,
    HeatMap,
    Masthead,
    Paragraph,
    Quote,
    Table,
)
from smomtrack._rendering.heat_map import matrix_parts
from smomtrack._rendering.writers import WRITERS
from smomtrack._summaries.disagreements import disagreements
from smomtrack._summaries.follow_up import FollowUp, follow_up
from smomtrack._summaries.matrix import matrix
from smomtrack._summaries.progress import progress
from smomtrack._summaries.scope import Filters, Scope
from smomtrack._summaries.summary import summarize
from smomtrack._tracking.synthetic import is_synthetic
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.characters import text_problem
from smomtrack._vocabulary.dates import as_of_date, parse_date
from smomtrack._vocabulary.languages import for_reader
from smomtrack._vocabulary.regions import group_label
from smomtrack._vocabulary.statuses import Status
from smomtrack._vocabulary.vocabularies import Reporter, precedence
from smomtrack._words import Message, Quoted
from smomtrack.exceptions import InvalidDataError

__all__ = ["masthead", "report"]


def _phrase(key: str, lang: str, **values: object) -> str:
    return word(f"report_{key}", lang, **values)


@overload
def report(
    tracker: Tracker,
    scope: Scope | None = None,
    *,
    lang: str = ...,
    format: Literal["docx"],
    stale_after: str = ...,
    limit: int = ...,
    symbol: str | None = ...,
    author: str | None = ...,
    issued: dt.date | str | None = ...,
    **filters: Unpack[Filters],
) -> bytes: ...
@overload
def report(
    tracker: Tracker,
    scope: Scope | None = None,
    *,
    lang: str = ...,
    format: Literal["markdown", "html", "text"] = ...,
    stale_after: str = ...,
    limit: int = ...,
    symbol: str | None = ...,
    author: str | None = ...,
    issued: dt.date | str | None = ...,
    **filters: Unpack[Filters],
) -> str: ...
@overload
def report(
    tracker: Tracker,
    scope: Scope | None = None,
    *,
    lang: str = ...,
    format: str = ...,
    stale_after: str = ...,
    limit: int = ...,
    symbol: str | None = ...,
    author: str | None = ...,
    issued: dt.date | str | None = ...,
    **filters: Unpack[Filters],
) -> str | bytes: ...
def report(  # noqa: PLR0913 (the choices of a report)
    tracker: Tracker,
    scope: Scope | None = None,
    *,
    lang: str = "en",
    format: str = "markdown",  # noqa: A002 (the word people use; as on the command line)
    stale_after: str = "12 months",
    limit: int = 25,
    symbol: str | None = None,
    author: str | None = None,
    issued: dt.date | str | None = None,
    **filters: Unpack[Filters],
) -> str | bytes:
    """A whole compliance report, ready to circulate.

    Scope and both dates (statuses as of, records as known on); whose word counts;
    overall figures; one section per meeting and theme with its title and the table per
    recommendation; the table per regional group and per State; the State ×
    recommendation matrix; progress since the end of the last meeting before the date;
    the follow-up lists; the pairs where another reporter's assessment differs from the
    State's own. Synthetic data are labelled as such.

    Args:
        tracker: The tracker.
        lang: ``en``, ``fr`` or ``es``.
        format: ``markdown``, ``text``, ``html`` (a standalone document, charts inline) or
            ``docx`` (a Word document, as bytes) (``--format`` on the command line).
        scope: What the report covers (see :class:`~smomtrack.Scope`).
        stale_after: When a response counts as stale, for the follow-up list.
        limit: How many items of each list to show (all are counted).
        symbol: The document symbol the Secretariat gave the report, for its masthead and
            running header (``"CTOC/COP/WG.7/2025/2"``); none is ever made up.
        author: Who the document's properties name as its author (no one by default).
        issued: The date of issue in the masthead (any written date; today by default).
        **filters: Fields of the scope given instead of *scope*'s, as in
            :func:`~smomtrack.summarize`: ``as_of`` (today by default), ``meeting``,
            ``theme``, ``region``, ``reporter`` (the State's own first by default) and
            ``known_at`` (only the records recorded by then, to give a published report
            again).

    Documents (Word, HTML) are laid out as documents of the Working Group: a masthead,
    numbered paragraphs, tables that fit the page (every status in an annex), the State ×
    recommendation heat map in parts that each fit a page, and an annex with the official
    text of every recommendation covered.

    Raises:
        InvalidDataError: Unknown language, format, region or reporter; a symbol or author
            that is not one line of text; a date of issue that is not a date.
    """
    check_language(lang)
    heading = masthead(lang, symbol=symbol, author=author, issued=issued)
    writer = WRITERS.get(format)
    if writer is None:
        raise InvalidDataError(f"format: {format!r} is not one of {', '.join(WRITERS)}")
    chosen = Scope.of(scope, **filters)
    charts: bool | None = writer.charts
    if charts and importlib.util.find_spec("matplotlib") is None:
        charts = None  # wanted, but the plot extra is not installed: said in the report
    blocks = [
        heading,
        *_blocks(
            chosen.tracker(tracker),
            chosen,
            lang=lang,
            charts=charts,
            stale_after=stale_after,
            limit=limit,
        ),
    ]
    return writer.write(blocks, lang)


def masthead(
    lang: str,
    *,
    symbol: str | None = None,
    author: str | None = None,
    issued: dt.date | str | None = None,
) -> Masthead:
    """The masthead of a report in *lang*, its options checked (before any work is done).

    Raises:
        InvalidDataError: A symbol or author that is not one line of text; a date of
            issue that is not a date.
    """
    return Masthead(
        lang=lang,
        issued=as_of_date(issued),
        symbol=_line("symbol", symbol),
        author=_line("author", author) or "",
    )


def _line(name: str, value: object) -> str | None:
    """*value*, if it is one line of text a document can keep (or ``None``).

    Raises:
        InvalidDataError: Not text, empty, several lines, or characters documents refuse.
    """
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or "\n" in value or len(value) > 200:
        raise InvalidDataError(
            f"{name}: expected one line of text, got {value!r}",
            said=Message("msg_one_line", what=Message(f"what_{name}"), text=Quoted(value)),
        )
    problem = text_problem(value)
    if problem is not None:
        raise InvalidDataError(
            f"{name}: {value!r} {problem}",
            said=Message("msg_text_problem", text=Quoted(value), problem=problem),
        )
    return value.strip()


def _blocks(  # noqa: PLR0913 (what a report is made of)
    tracker: Tracker,
    choice: Scope,
    *,
    lang: str,
    charts: bool | None,
    stale_after: str,
    limit: int,
) -> Iterable[Block]:
    """The report's blocks; *tracker* is already as known at ``choice.known_at``."""
    catalogue = tracker.catalogue
    day = choice.as_of
    inner = attrs.evolve(choice, known_at=None)
    yield Heading(1, _phrase("title", lang))
    yield Paragraph(_phrase("subtitle", lang, date=format_date(day, lang)))
    if any(is_synthetic(r) for r in tracker):
        yield Paragraph(_phrase("synthetic", lang))

    overall = summarize(tracker, "meeting", inner)
    meetings_with_recommendations = [catalogue.meeting(row.group) for row in overall if row.group]
    total = overall.total_row.tally
    yield Heading(2, _phrase("scope_heading", lang))
    yield Paragraph(_dates(choice, day, lang), numbered=True)
    if choice.region is not None:
        yield Paragraph(
            _phrase("region_scope", lang, region=choice.region.label(lang)), numbered=True
        )
    yield Paragraph(
        _phrase(
            "scope",
            lang,
            states=words("count_states", len(inner.states(tracker)), lang),
            recommendations=words("count_recommendations", len(catalogue), lang),
            meetings=", ".join(
                _phrase("meeting", lang, ordinal=format_ordinal(m.ordinal, lang))
                for m in meetings_with_recommendations
            ),
            pairs=words("count_pairs", total.expected, lang),
            based_on=words("report_based_on", len(tracker.responses()), lang),
        )
        + " "
        + _phrase("expected_note", lang),
        numbered=True,
    )
    yield Paragraph(_precedence(choice, lang), numbered=True)
    if charts is None:
        yield Paragraph(_phrase("no_charts", lang), note=True)
    yield Heading(2, _phrase("overall_heading", lang))
    yield Paragraph(
        _phrase(
            "overall",
            lang,
            reported_pairs=words("report_reported_pairs", total.reported, lang),
            expected_pairs=words("report_expected_pairs", total.expected, lang),
            response_rate=format_percent(total.response_rate, lang),
            implemented_responses=words(
                "report_implemented_responses", total.count(Status.IMPLEMENTED), lang
            ),
            applicable_responses=words("report_applicable_responses", total.applicable, lang),
            implementation_rate=format_percent(total.implementation_rate, lang),
            score=format_number(total.score, lang),
        ),
        numbered=True,
    )
    by_theme = summarize(tracker, "theme", inner)
    yield Table(by_theme, lang, detailed=True)
    if charts:
        yield Chart(by_theme, lang, _phrase("chart_themes", lang))

    for meeting in meetings_with_recommendations:
        yield from _meeting_blocks(tracker, meeting, lang, inner)
    yield from _population_blocks(tracker, inner, lang, charts=bool(charts))
    yield from _progress_blocks(tracker, inner, lang, charts=bool(charts))
    yield from _follow_up_blocks(follow_up(tracker, inner, stale_after=stale_after), lang, limit)
    if precedence(choice.reporter)[0] is Reporter.STATE:
        yield from _disagreement_blocks(tracker, inner, lang=lang, limit=limit)
    yield from _annex_blocks(tracker, inner, lang)


def _meeting_blocks(tracker: Tracker, meeting: Meeting, lang: str, scope: Scope) -> Iterable[Block]:
    """A meeting's section: each theme, its heading, its table per recommendation."""
    yield Heading(2, _meeting_name(meeting, lang))
    original: set[str] = set()
    editorial = False
    for theme in tracker.catalogue.themes(meeting.key):
        title = for_reader(theme.titles, lang)
        label = _phrase("section", lang, section=theme.section)
        yield Heading(3, label if title is None else f"{label}. {title.value}")
        if title is not None and title.lang != lang:
            original.add(title.lang)
        editorial = editorial or (title is not None and not title.official)
        subject = next((t for t in theme.subject if t.lang == lang), None)
        if subject is not None:  # the background paper's title, where known in this language
            yield Paragraph(_phrase("subject", lang, subject=subject.value), note=True)
        by_recommendation = summarize(tracker, "recommendation", scope, theme=theme.key)
        yield Table(by_recommendation, lang, detailed=True)
    if editorial:
        yield Paragraph(_phrase("editorial_headings", lang), note=True)
    for language in sorted(original):
        name = word(f"language_{language}", lang)
        yield Paragraph(_phrase("original_headings", lang, language=name), note=True)
    yield Paragraph(_phrase("editorial", lang), note=True)


def _population_blocks(
    tracker: Tracker, choice: Scope, lang: str, *, charts: bool
) -> Iterable[Block]:
    """The sections by regional group, by State, and the States × recommendations."""
    if choice.region is None:
        yield Heading(2, _phrase("regions_heading", lang))
        by_region = summarize(tracker, "region", choice)
        yield Table(by_region, lang, detailed=True)
        if charts:
            yield Chart(by_region, lang, _phrase("chart_regions", lang))
        yield Paragraph(_phrase("regions_note", lang), note=True)
    yield Heading(2, _phrase("states_heading", lang))
    yield Table(summarize(tracker, "state", choice), lang, detailed=True)
    yield Heading(2, _phrase("matrix_heading", lang))
    states_by_recommendation = matrix(tracker, choice)
    if not charts:
        yield Table(states_by_recommendation, lang)
        return
    parts = matrix_parts(states_by_recommendation)
    for index, (group, part) in enumerate(parts, start=1):
        name = group_label(group, lang)
        where = name if len(parts) == 1 else f"{name} ({index}/{len(parts)})"
        yield HeatMap(part, lang, f"{_phrase('chart_matrix', lang)} — {where}")


def _dates(choice: Scope, day: dt.date, lang: str) -> str:
    """Both dates: statuses as of, and records as known on."""
    known = choice.known_at
    if known is None:
        known_day = dt.datetime.now(dt.UTC).date()
    elif isinstance(known, dt.datetime):
        known_day = known.date()
    else:
        known_day = parse_date(known)
    return _phrase("dates", lang, date=format_date(day, lang), known=format_date(known_day, lang))


def _precedence(choice: Scope, lang: str) -> str:
    """Whose word counts, in words."""
    if choice.reporter is None:
        return _phrase("precedence", lang)
    order = precedence(choice.reporter)
    return _phrase("only_reporter", lang, others=", ".join(r.label(lang) for r in order))


def _disagreement_blocks(
    tracker: Tracker, choice: Scope, *, lang: str, limit: int
) -> Iterable[Block]:
    found = disagreements(tracker, choice)
    if not found.items:
        return
    yield Heading(2, _phrase("disagreements_heading", lang))
    yield Paragraph(words("report_disagreements", len(found.items), lang), numbered=True)
    if len(found.items) > limit:
        yield Paragraph(words("report_shown", limit, lang))
    yield Table(attrs.evolve(found, items=found.items[:limit]), lang)


def _meeting_name(meeting: Meeting, lang: str) -> str:
    """``7th meeting (Vienna, 8–9 September 2020)``, with what is known."""
    details = []
    if meeting.venue:
        details.append(format_venue(meeting.venue, lang))
    if meeting.start and meeting.end:
        details.append(format_date_range(meeting.start, meeting.end, lang))
    name = _phrase("meeting", lang, ordinal=format_ordinal(meeting.ordinal, lang))
    return f"{name} ({', '.join(details)})" if details else name


def _progress_blocks(
    tracker: Tracker, choice: Scope, lang: str, *, charts: bool
) -> Iterable[Block]:
    day = choice.as_of
    previous = [m for m in tracker.catalogue.meetings() if m.end is not None and m.end < day]
    if not previous:
        return
    last = max(previous, key=lambda m: m.end or day)
    assert last.end is not None  # noqa: S101 (filtered above)
    result = progress(tracker, last.end, None, choice, by="theme")
    totals = result.total()
    yield Heading(2, _phrase("progress_heading", lang, date=format_date(last.end, lang)))
    yield Paragraph(
        _phrase(
            "progress",
            lang,
            start=format_date(last.end, lang),
            end=format_date(day, lang),
            ordinal=format_ordinal(last.ordinal, lang),
            improved=totals["improved"],
            regressed=totals["regressed"],
            newly=totals["newly_reported"],
        ),
        numbered=True,
    )
    yield Table(result, lang)
    if charts:
        yield Chart(result, lang, _phrase("chart_progress", lang))


def _follow_up_blocks(result: FollowUp, lang: str, limit: int) -> Iterable[Block]:
    period = result.stale_after
    months = period.years * 12 + period.months
    wording = (
        words("report_months", months, lang)
        if months and not (period.days or period.weeks)
        else words("report_days", (result.as_of - (result.as_of - period)).days, lang)
    )
    yield Heading(2, _phrase("follow_up_heading", lang))
    yield Paragraph(
        _phrase(
            "follow_up",
            lang,
            overdue=len(result.overdue),
            stale=len(result.stale),
            period=wording,
            never=len(result.never_reported),
        ),
        numbered=True,
    )
    shown = attrs.evolve(
        result,
        overdue=result.overdue[:limit],
        stale=result.stale[:limit],
        never_reported=result.never_reported[:limit],
    )
    if max(len(result.overdue), len(result.stale), len(result.never_reported)) > limit:
        yield Paragraph(words("report_shown", limit, lang))
    if shown.overdue or shown.stale or shown.never_reported:
        yield Table(shown, lang)


def _annex_blocks(tracker: Tracker, choice: Scope, lang: str) -> Iterable[Block]:
    """The annex: the official text of every recommendation covered, verbatim, with its source.

    A text is given in the report's language where an official version in it is known,
    otherwise in its original language, which a note says once.
    """
    recommendations = choice.recommendations(tracker)
    if not recommendations:
        return
    catalogue = tracker.catalogue
    yield Heading(2, _phrase("annex_texts", lang), annex=True)
    shown: set[str] = set()
    quotes: list[Block] = []
    last_theme = None
    for recommendation in recommendations:
        text = for_reader(recommendation.texts, lang, official=True)
        if text is None:
            continue
        if recommendation.theme != last_theme:
            last_theme = recommendation.theme
            meeting = catalogue.meeting(recommendation.meeting)
            theme = catalogue.theme(recommendation.theme)
            source = _phrase(
                "source",
                lang,
                report=_phrase("meeting", lang, ordinal=format_ordinal(meeting.ordinal, lang)),
                section=theme.section,
            )
            if recommendation.source.document:
                source += f" ({recommendation.source.document})"
            quotes.append(Heading(3, source))
        shown.add(text.lang)
        quotes.append(
            Heading(4, _phrase("recommendation_number", lang, number=recommendation.number))
        )
        quotes.append(Quote(text.value, text.lang))
    others = sorted(language for language in shown if language != lang)
    if others:
        names = ", ".join(word(f"language_{language}", lang) for language in others)
        yield Paragraph(_phrase("annex_original", lang, languages=names), note=True)
    yield from quotes
