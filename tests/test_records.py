"""The records of the domain model: construction, validation, accessors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from smomtrack import Meeting, Recommendation, Reporter, Response, Status, Text, Theme
from smomtrack.exceptions import InvalidDataError, UnknownAgendaItemError
from smomtrack.records import (
    Addressee,
    AgendaItem,
    Citation,
    Document,
    DocumentKind,
    MeetingFormat,
    Modality,
    Session,
)

FR = Text("fr", "Texte officiel", official=True)
DAY = dt.date(2021, 10, 14)


def make_recommendation(**changes: Any) -> Recommendation:
    fields: dict[str, Any] = {
        "key": "SOM9-1",
        "meeting": "SOM9",
        "theme": "SOM9-A",
        "number": 1,
        "texts": [Text("en", "States parties should act.", official=True)],
        "modality": Modality.SHOULD,
        "addressee": Addressee.STATES_PARTIES,
        "topics": ["partnerships"],
        "source": Citation(meeting="SOM9", section="II.A"),
    }
    fields.update(changes)
    return Recommendation(**fields)


def make_response(**changes: Any) -> Response:
    fields: dict[str, Any] = {
        "state": "MEX",
        "recommendation": "SOM7-5",
        "status": Status.IN_PROGRESS,
        "as_of": DAY,
    }
    fields.update(changes)
    return Response(**fields)


class TestRecommendation:
    def test_valid(self) -> None:
        """A consistent recommendation is built, with tuples for its collections."""
        rec = make_recommendation()
        assert rec.texts == (Text("en", "States parties should act.", official=True),)
        assert rec.topics == ("partnerships",)
        assert rec.title("en") is None
        assert rec.text("fr").lang == "en"

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"key": "SOM9-2"}, "key: 'SOM9-2' does not match meeting 'SOM9' and number 1"),
            ({"theme": "SOM8-A"}, "theme: 'SOM8-A' is not a theme of meeting 'SOM9'"),
            ({"source": Citation(meeting="SOM8", section="II.A")}, "source: cites meeting 'SOM8'"),
            ({"key": "som9-1"}, "key: 'som9-1' does not match"),
            ({"texts": []}, "texts: needs a text in at least one language"),
            ({"texts": [FR, FR]}, r"texts\[1\]: a second text in 'fr'"),
            ({"texts": ["plain"]}, r"texts\[0\]: expected Text"),
            ({"texts": "plain"}, "expected a sequence, got the string"),
            ({"topics": ["Capacity Building"]}, "is not a topic tag"),
            ({"topics": ["innovation", "innovation"]}, "a tag appears twice"),
            ({"topics": [5]}, r"topics\[0\]: expected str"),
        ],
    )
    def test_invalid(self, changes: dict[str, Any], message: str) -> None:
        """Inconsistent or malformed fields are refused, naming the field."""
        with pytest.raises(InvalidDataError, match=message):
            make_recommendation(**changes)

    def test_frozen(self) -> None:
        """Records are immutable; changes go through attrs.evolve."""
        rec = make_recommendation()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            rec.number = 2  # type: ignore[misc]
        assert attrs.evolve(rec, topics=["innovation"]).topics == ("innovation",)

    def test_citation_str(self) -> None:
        """A citation reads as meeting, section and document where known."""
        assert str(Citation(meeting="SOM7", section="II.B")) == "SOM7, section II.B"
        cited = Citation(meeting="SOM8", section="II.A", document="CTOC/COP/WG.7/2021/5")
        assert str(cited) == "SOM8, section II.A, CTOC/COP/WG.7/2021/5"


class TestTheme:
    def test_valid(self) -> None:
        """A theme gives its title with fallback."""
        theme = Theme(key="SOM9-A", meeting="SOM9", letter="A", section="II.A", titles=[FR])
        assert theme.title("es") == FR

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"key": "SOM9-B"}, "does not match meeting 'SOM9' and letter 'A'"),
            ({"section": "II.B"}, "does not end with the letter 'A'"),
            ({"titles": []}, "needs a text"),
        ],
    )
    def test_invalid(self, changes: dict[str, Any], message: str) -> None:
        """An inconsistent theme is refused."""
        fields: dict[str, Any] = {
            "key": "SOM9-A",
            "meeting": "SOM9",
            "letter": "A",
            "section": "II.A",
            "titles": [FR],
        }
        fields.update(changes)
        with pytest.raises(InvalidDataError, match=message):
            Theme(**fields)


class TestMeeting:
    def item(self, number: str, **changes: Any) -> AgendaItem:
        return AgendaItem(number=number, titles=[FR], **changes)

    def test_agenda_lookup(self) -> None:
        """Agenda items are found by number however it is written, sub-items included."""
        meeting = Meeting(
            key="SOM9",
            ordinal=9,
            agenda=[self.item("1", sub_items=[self.item("1 a)")]), self.item("2")],
        )
        assert meeting.agenda_item("1a").number == "1 a)"
        assert meeting.agenda_item("1 (a)").number == "1 a)"
        assert [i.number for i in meeting.all_agenda_items()] == ["1", "1 a)", "2"]
        assert meeting.body == "SOM"
        with pytest.raises(UnknownAgendaItemError, match="unknown agenda item '7'"):
            meeting.agenda_item("7")

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"ordinal": 8}, "ordinal: 8 does not match key 'SOM9'"),
            ({"ordinal": 9, "key": "SOM19"}, "ordinal: 9 does not match key 'SOM19'"),
            ({"start": DAY, "end": DAY - dt.timedelta(days=1)}, "end: .* is before start"),
            ({"agenda": [AgendaItem(number="2", titles=[FR])] * 2}, "an item number appears twice"),
            (
                {"sessions": [Session(date=DAY, start=dt.time(10), end=dt.time(12), items=["3"])]},
                r"items \['3'\] are not on the agenda",
            ),
            ({"format": "hybrid"}, "must be <enum 'MeetingFormat'>"),
        ],
    )
    def test_invalid(self, changes: dict[str, Any], message: str) -> None:
        """An inconsistent meeting is refused."""
        fields: dict[str, Any] = {"key": "SOM9", "ordinal": 9}
        fields.update(changes)
        with pytest.raises((InvalidDataError, TypeError), match=message):
            Meeting(**fields)

    def test_documents(self) -> None:
        """A document is found by its symbol; a document may have no symbol."""
        paper = Document(
            symbol="CTOC/COP/WG.7/2021/2", titles=[FR], kind=DocumentKind.BACKGROUND_PAPER
        )
        meeting = Meeting(key="SOM8", ordinal=8, documents=[paper], format=MeetingFormat.HYBRID)
        assert meeting.document("CTOC/COP/WG.7/2021/2") is paper
        assert meeting.document("CTOC/COP/WG.7/2021/9") is None
        assert Document(titles=[FR], kind=DocumentKind.AGENDA).symbol is None
        assert paper.title("en") == FR

    def test_session(self) -> None:
        """A session's end follows its start, and continued items are among its items."""
        with pytest.raises(InvalidDataError, match="is not after start"):
            Session(date=DAY, start=dt.time(12), end=dt.time(11), items=["1"])
        with pytest.raises(InvalidDataError, match="continued"):
            Session(date=DAY, start=dt.time(11), end=dt.time(13), items=["1"], continued=["2"])

    def test_sub_items_are_agenda_items(self) -> None:
        """Sub-items must be agenda items."""
        with pytest.raises(InvalidDataError, match=r"sub_items\[0\]"):
            AgendaItem(number="1", titles=[FR], sub_items=["a"])  # type: ignore[list-item]

    def test_agenda_item_annotation(self) -> None:
        """An item without annotation has None."""
        assert self.item("4").annotation("fr") is None

    @pytest.mark.parametrize(
        "changes",
        [
            {"number": "1a"},
            {"date": "2021-10-14"},
            {"date": dt.datetime(2021, 1, 1, tzinfo=dt.UTC)},
            {"symbol": ""},
        ],
    )
    def test_malformed_fields(self, changes: dict[str, Any]) -> None:
        """Malformed numbers, dates and symbols are refused."""
        with pytest.raises(InvalidDataError):
            if "number" in changes:
                AgendaItem(titles=[FR], **changes)
            else:
                Document(titles=[FR], kind=DocumentKind.OTHER, **changes)


class TestResponse:
    def test_defaults(self) -> None:
        """A response needs only State, recommendation, status and date."""
        response = make_response()
        assert response.reporter is Reporter.STATE
        assert response.evidence == ()
        assert response.recorded_at.tzinfo is not None
        assert response.pair == ("MEX", "SOM7-5")
        assert not response.correction

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"state": "Mexico"}, "state: 'Mexico' is not an ISO 3166-1 alpha-3 code"),
            ({"state": "mex"}, "is not an ISO 3166-1 alpha-3 code"),
            ({"recommendation": "som7-5"}, "recommendation: 'som7-5' does not match"),
            ({"status": Status.NO_INFORMATION}, "no_information is never recorded"),
            ({"status": "planned"}, "expected a Status"),
            ({"as_of": "2021-10-14"}, "as_of: expected a date"),
            ({"due": "2022"}, "due: expected a date"),
            ({"measures": None}, "measures: expected text"),
            ({"evidence": "CTOC/COP/2020/1"}, "expected a sequence"),
            ({"recorded_at": dt.datetime(2021, 1, 1)}, "expected an aware datetime"),  # noqa: DTZ001
        ],
    )
    def test_invalid(self, changes: dict[str, Any], message: str) -> None:
        """Each malformed field is refused, naming it."""
        with pytest.raises(InvalidDataError, match=message):
            make_response(**changes)

    def test_same_content_ignores_bookkeeping(self) -> None:
        """Two records say the same thing whatever their correction flag and recording time."""
        first = make_response()
        again = make_response(correction=True)
        assert first.same_content(again)
        assert not first.same_content(make_response(measures="Law adopted"))
