"""How groups are named in output: theme titles, State names, topic labels."""

from __future__ import annotations

from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._presentation.labels import word
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.languages import Text, for_reader
from smomtrack._vocabulary.regions import NO_GROUP, group_label
from smomtrack._vocabulary.states import state_name
from smomtrack._vocabulary.topics import topic_label

__all__ = [
    "LABEL_WIDTH",
    "group_columns",
    "group_headers",
    "in_reading_order",
    "marked",
    "shortened",
]

LABEL_WIDTH = 70
"""Titles longer than this are shortened in table cells; reports give them whole in a note."""


def shortened(text: str, width: int = LABEL_WIDTH) -> str:
    """*text* cut at a word before *width* characters, with "…" (as it is if short enough).

    >>> shortened("Impact of natural disasters, conflicts and crises on smuggling routes", 40)
    'Impact of natural disasters, conflicts…'
    """
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def marked(text: Text | None, lang: str) -> str:
    """A text, marked with its language code when it is not in *lang* (a fallback)."""
    if text is None:
        return ""
    return text.value if text.lang == lang else f"{text.value} [{text.lang}]"


def group_headers(by: str, lang: str) -> list[str]:
    """The column headers that name a group."""
    if by == "theme":
        return [word("theme", lang), word("item_title", lang)]
    if by == "recommendation":
        return [word("recommendation", lang), word("title", lang)]
    return [word(by, lang)]


def group_columns(  # noqa: PLR0911 (one answer per grouping)
    catalogue: Catalogue, by: str, group: str | None, lang: str
) -> list[str]:
    """The cells that name *group* (``None``: the total) in language *lang*."""
    width = len(group_headers(by, lang))
    if group is None:
        return [word("total", lang), *[""] * (width - 1)]
    if by == "theme":
        theme = catalogue.get_theme(group)
        title = None if theme is None else for_reader(theme.titles, lang)
        return [group, shortened(marked(title, lang))]
    if by == "recommendation":
        rec = catalogue.get(group)
        return [group, "" if rec is None else marked(rec.title(lang), lang)]
    if by == "state":
        return [state_name(group, lang)]
    if by == "topic":
        return [topic_label(group, lang)]
    if by == "region":
        return [group_label(group, lang)]
    if by == "group" and group == NO_GROUP:
        return [word("no_group", lang)]
    return [group]


def group_name(catalogue: Catalogue, by: str, group: str) -> str:
    """The English name of a group, whole (a State's, a theme's title, a topic's label…)."""
    if by == "theme":
        theme = catalogue.get_theme(group)
        return "" if theme is None else theme.title("en").value
    return group_columns(catalogue, by, group, "en")[-1]


def in_reading_order(by: str, groups: list[str], lang: str) -> list[str]:
    """*groups* as people read them in *lang*: States by their name in *lang*, accents aside.

    Other groupings keep their order (regional groups as the United Nations lists them).
    """
    if by != "state":
        return groups
    return sorted(groups, key=lambda code: (fold(state_name(code, lang)), code))
