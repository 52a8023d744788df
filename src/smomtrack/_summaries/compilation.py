"""The thematic compilation: every recommendation of every meeting, by topic then meeting."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.labels import check_language, word
from smomtrack._presentation.names import marked
from smomtrack._presentation.tables import markdown_text
from smomtrack._records.recommendations import Recommendation
from smomtrack._summaries.presentation import Presentable, TableData
from smomtrack._vocabulary.topics import topic_label

__all__ = ["Compilation", "TopicGroup", "compile_by_topic"]


@attrs.frozen
class TopicGroup:
    """The recommendations on one topic, meeting by meeting.

    Attributes:
        topic: The topic tag; ``None`` for recommendations that have no topic yet.
        meetings: ``(meeting key, recommendations)`` in meeting order.
    """

    topic: str | None
    meetings: tuple[tuple[str, tuple[Recommendation, ...]], ...]

    def __iter__(self) -> Iterator[Recommendation]:
        return (rec for _, recs in self.meetings for rec in recs)


@attrs.frozen
class Compilation(Presentable):
    """Every recommendation grouped by topic tag, then by meeting.

    A recommendation with several topics appears under each. Renders as a table in any
    tabulate format, or as a whole document with ``render("markdown")``.

    Attributes:
        lang: The language the texts are shown in (with fallback).
        groups: One group per topic, in tag order; the untagged last.
        catalogue: The catalogue compiled.
    """

    lang: str
    groups: tuple[TopicGroup, ...]
    catalogue: Catalogue = attrs.field(eq=False, repr=False)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per (topic, recommendation).

        Keys: ``topic``, ``meeting``, ``recommendation``, ``text``, ``text_lang``,
        ``official``, ``citation`` and ``suggested`` (the topic is only suggested).
        """
        records = []
        for group in self.groups:
            for rec in group:
                text = rec.text(self.lang)
                records.append(
                    {
                        "topic": group.topic,
                        "meeting": rec.meeting,
                        "recommendation": rec.key,
                        "text": text.value,
                        "text_lang": text.lang,
                        "official": text.official,
                        "citation": str(rec.source),
                        "suggested": not rec.topics and bool(rec.suggested_topics),
                    }
                )
        return records

    def render(
        self,
        format: str = "markdown",  # noqa: A002 (the word people use; as on the command line)
        lang: str | None = None,
        *,
        limit: int | None = None,
    ) -> str:
        """A table in a tabulate format, or the whole compilation with ``"markdown"`` (default)."""
        chosen = lang or self.lang
        if format == "markdown":
            return self._document(check_language(chosen))
        return super().render(format, chosen, limit=limit)

    def table_data(self, lang: str) -> TableData:
        """The table: one row per topic and recommendation, with its text and source."""
        headers = [
            word("topic", lang),
            word("meeting", lang),
            word("recommendation", lang),
            word("text", lang),
            word("citation", lang),
        ]
        rows = [
            [
                _topic_name(group.topic, lang),
                rec.meeting,
                rec.key,
                marked(rec.text(self.lang), lang),
                str(rec.source),
            ]
            for group in self.groups
            for rec in group
        ]
        return TableData(headers, rows, [30, None, None, 70, 24])

    def _document(self, lang: str) -> str:
        """The compilation as a document: a section per topic, a subsection per meeting."""
        parts = [f"# {word('compilation', lang)}"]
        for group in self.groups:
            parts.append(f"## {markdown_text(_topic_name(group.topic, lang))}")
            for meeting, recommendations in group.meetings:
                parts.append(f"### {meeting}")
                for rec in recommendations:
                    text = rec.text(self.lang)
                    note = "" if text.lang == lang else f" [{text.lang}]"
                    suggested = (
                        f" [{word('suggested_topic', lang)}]"
                        if not rec.topics and rec.suggested_topics
                        else ""
                    )
                    source = markdown_text(str(rec.source))
                    body = markdown_text(text.value)
                    parts.append(f"**{rec.key}** ({source}){note}{suggested}\n\n{body}")
        return "\n\n".join(parts) + "\n"

    def _repr_markdown_(self) -> str:
        return self.render("markdown")


def _topic_name(tag: str | None, lang: str) -> str:
    return word("no_topic", lang) if tag is None else topic_label(tag, lang)


def compile_by_topic(catalogue: Catalogue, *, lang: str = "en") -> Compilation:
    """Every recommendation of every meeting, grouped by topic tag and then by meeting.

    This is the thematic compilation the Working Group asks for, so that experts find
    existing guidance quickly and duplication is avoided. A recommendation without topics
    counts under its suggested topics (marked as suggested); one with neither is grouped
    last.

    >>> from smomtrack import builtin_catalogue
    >>> compilation = compile_by_topic(builtin_catalogue(), lang="fr")
    >>> [rec.number for rec in compilation.groups[0]]
    [4, 16]
    """
    tags = sorted({tag for rec in catalogue for tag in _topics(rec)})
    groups = [_group(catalogue, tag) for tag in tags]
    untagged = _group(catalogue, None)
    if untagged.meetings:
        groups.append(untagged)
    return Compilation(lang=lang, groups=tuple(groups), catalogue=catalogue)


def _topics(rec: Recommendation) -> tuple[str, ...]:
    """A recommendation's topics, or the ones suggested for it when it has none."""
    return rec.topics or tuple(s.tag for s in rec.suggested_topics)


def _group(catalogue: Catalogue, tag: str | None) -> TopicGroup:
    by_meeting: dict[str, list[Recommendation]] = {}
    for rec in catalogue:
        if (tag in _topics(rec)) if tag is not None else not _topics(rec):
            by_meeting.setdefault(rec.meeting, []).append(rec)
    return TopicGroup(tag, tuple((m, tuple(recs)) for m, recs in by_meeting.items()))
