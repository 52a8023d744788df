"""Tables of the catalogue: recommendations, themes and a meeting's organization of work."""

from __future__ import annotations

from collections.abc import Iterable

from smomtrack._presentation.labels import format_date, label, word
from smomtrack._presentation.names import marked
from smomtrack._presentation.tables import check_format, table
from smomtrack._records.meetings import Meeting
from smomtrack._records.recommendations import Recommendation
from smomtrack._vocabulary.topics import topic_label

__all__ = ["agenda_table", "recommendations_table"]


def recommendations_table(
    recommendations: Iterable[Recommendation],
    *,
    lang: str = "en",
    format: str = "github",  # noqa: A002 (the word people use; as on the command line)
    with_text: bool = False,
    width: int = 60,
) -> str:
    """A table of *recommendations*: key, theme, modality, topics, short title and optionally text.

    Short titles are editorial; texts are official where the catalogue says so. A text in
    another language than *lang* (the fallback) is marked with its language code.

    Raises:
        InvalidDataError: *format* is not a tabulate format.
    """
    fmt = check_format(format)
    headers = [
        word("recommendation", lang),
        word("theme", lang),
        word("modality", lang),
        word("topics", lang),
        word("title", lang),
    ]
    if with_text:
        headers.append(word("text", lang))
    rows = []
    for rec in recommendations:
        row = [
            rec.key,
            rec.theme,
            label(rec.modality, lang),
            ", ".join(topic_label(t, lang) for t in rec.topics),
            marked(rec.title(lang), lang),
        ]
        if with_text:
            row.append(marked(rec.text(lang), lang))
        rows.append(row)
    return table(headers, rows, fmt, [None, None, None, 30, 40, width])


def agenda_table(
    meeting: Meeting,
    *,
    lang: str = "en",
    format: str = "github",  # noqa: A002 (the word people use; as on the command line)
    width: int = 70,
) -> str:
    """The organization of work of *meeting*: date, time slot, agenda item and its title.

    Raises:
        InvalidDataError: *format* is not a tabulate format.
    """
    fmt = check_format(format)
    rows = []
    for session in meeting.sessions:
        for index, number in enumerate(session.items):
            title = marked(meeting.agenda_item(number).title(lang), lang)
            if number in session.continued:
                title = f"{title} {word('continued', lang)}"
            first = index == 0
            rows.append(
                [
                    format_date(session.date, lang) if first else "",
                    f"{session.start:%H:%M}–{session.end:%H:%M}" if first else "",
                    number,
                    title,
                ]
            )
    headers = [word("date", lang), word("time", lang), word("item", lang), word("item_title", lang)]
    return table(headers, rows, fmt, [None, None, None, width])
