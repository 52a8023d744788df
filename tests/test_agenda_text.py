"""Parsing annotated provisional agendas."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import Catalogue, SmomtrackError, parse_agenda
from smomtrack.exceptions import InvalidDataError
from smomtrack.records import DocumentKind, MeetingFormat

DATA = Path(__file__).parent / "data"


def agenda(lang: str) -> str:
    return (DATA / f"agenda-8th-meeting-2021.{lang}.md").read_text(encoding="utf-8")


class TestAgenda:
    def test_french_seed_gives_the_builtin_meeting(self, catalogue: Catalogue) -> None:
        """Parsing the seed gives back the built-in SOM8 meeting, field for field."""
        assert parse_agenda(agenda("fr"), meeting="SOM8") == catalogue.meeting("SOM8")

    @pytest.mark.parametrize("lang", ["en", "es"])
    def test_english_and_spanish(self, catalogue: Catalogue, lang: str) -> None:
        """The English and Spanish equivalents give the same structure, in their language."""
        meeting = parse_agenda(agenda(lang), meeting="SOM8")
        builtin = catalogue.meeting("SOM8")
        assert (meeting.start, meeting.end, meeting.venue, meeting.format) == (
            dt.date(2021, 10, 14), dt.date(2021, 10, 15), "Vienna", MeetingFormat.HYBRID,
        )  # fmt: skip
        assert [i.number for i in meeting.all_agenda_items()] == [
            i.number for i in builtin.all_agenda_items()
        ]
        assert meeting.sessions == builtin.sessions
        assert [(d.symbol, d.kind) for d in meeting.documents] == [
            (d.symbol, d.kind) for d in builtin.documents
        ]
        assert meeting.documents[0].date == dt.date(2021, 8, 12)
        assert [i.documents for i in meeting.agenda] == [i.documents for i in builtin.agenda]
        first = meeting.agenda_item("1 a)").title(lang)
        assert first.lang == lang
        assert first.value == {"en": "Opening of the meeting", "es": "Apertura de la reunión"}[lang]
        annotation = meeting.agenda_item("3").annotation(lang)
        assert annotation is not None
        assert annotation.value.endswith(
            {"en": "smuggling of migrants.", "es": "conocimientos especializados."}[lang]
        )

    def test_documents_kinds(self) -> None:
        """Documents get their kind from their title."""
        kinds = [d.kind for d in parse_agenda(agenda("es"), meeting="SOM8").documents]
        assert kinds == [
            DocumentKind.AGENDA,
            DocumentKind.BACKGROUND_PAPER,
            DocumentKind.BACKGROUND_PAPER,
            DocumentKind.THEMATIC_COMPILATION,
        ]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("Nothing here", "not an annotated provisional agenda"),
            ("#### Provisional agenda\n\nno items\n", "lists no items"),
        ],
    )
    def test_not_an_agenda(self, text: str, message: str) -> None:
        """A text that is not an agenda is refused with the reason."""
        with pytest.raises(InvalidDataError, match=message):
            parse_agenda(text, meeting="SOM9")

    def test_bad_meeting(self) -> None:
        """The meeting key is checked."""
        with pytest.raises(InvalidDataError, match="not a meeting key"):
            parse_agenda(agenda("fr"), meeting="eight")

    @settings(max_examples=100, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "#### Ordre du jour provisoire",
                    "1. Item",
                    "- a) Sub",
                    "#### Annotations",
                    "##### 1. Item",
                    "Documentation",
                    "Doc (CTOC/COP/1)",
                    "## Annexe",
                    "11 heures-13 heures\t1 a)\tx",
                    "Jeudi 14 octobre",
                    "Vienne, 14 et 15 octobre 2021",
                    "",
                    "\t2\ty (suite)",
                ]
            )
            | st.text(max_size=20),
            max_size=25,
        ).map("\n".join)
    )
    def test_never_crashes(self, text: str) -> None:
        """Any text gives a meeting or smomtrack's own error."""
        with contextlib.suppress(SmomtrackError):
            parse_agenda(text, meeting="SOM9")
