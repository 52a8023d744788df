"""The catalogue: lookups, filters, search, merging."""

from __future__ import annotations

import attrs
import pytest

from smomtrack import Catalogue, Meeting, Recommendation, Text, Theme
from smomtrack.exceptions import (
    ConflictError,
    InvalidDataError,
    UnknownMeetingError,
    UnknownRecommendationError,
    UnknownThemeError,
)
from smomtrack.records import Addressee, Citation, Modality

NEW_MEETING = Meeting(key="SOM9", ordinal=9)
NEW_THEME = Theme(
    key="SOM9-A",
    meeting="SOM9",
    letter="A",
    section="II.A",
    titles=[Text("en", "Cooperation with the private sector", official=False)],
)
NEW_RECOMMENDATION = Recommendation(
    key="SOM9-1",
    meeting="SOM9",
    theme="SOM9-A",
    number=1,
    texts=[Text("en", "States parties should work with the private sector.", official=False)],
    modality=Modality.SHOULD,
    addressee=Addressee.STATES_PARTIES,
    topics=["partnerships"],
    source=Citation(meeting="SOM9", section="II.A"),
)


class TestLookups:
    @pytest.mark.parametrize("key", ["SOM7-5", "som7-5", "SOM7/5", "SOM7 R5"])
    def test_recommendation_key_forms(self, catalogue: Catalogue, key: str) -> None:
        """Every key form finds the same recommendation."""
        assert catalogue.recommendation(key).key == "SOM7-5"

    def test_unknown_recommendation_suggests(self, catalogue: Catalogue) -> None:
        """An unknown key is refused with the nearest keys."""
        with pytest.raises(UnknownRecommendationError) as info:
            catalogue.recommendation("SOM7-19")
        assert "SOM7-9" in info.value.suggestions
        with pytest.raises(UnknownRecommendationError):
            catalogue.recommendation("nonsense")

    def test_get_returns_default(self, catalogue: Catalogue) -> None:
        """get() returns the recommendation, or the default."""
        assert catalogue.get("som7 r1") is catalogue.recommendation("SOM7-1")
        assert catalogue.get("SOM7-99") is None
        assert catalogue.get("nonsense", "none") == "none"

    def test_meetings_and_themes(self, catalogue: Catalogue) -> None:
        """Meetings and themes are listed in order and found by lenient keys."""
        assert [m.key for m in catalogue.meetings()] == ["SOM7", "SOM8"]
        assert catalogue.meeting("som 8").ordinal == 8
        assert [t.key for t in catalogue.themes()] == ["SOM7-B", "SOM7-C"]
        assert catalogue.themes(meeting="SOM8") == ()
        assert catalogue.theme("som7 c").section == "II.C"
        assert catalogue.get_meeting("SOM9") is None
        assert catalogue.get_meeting("SOM7") is catalogue.meeting("SOM7")
        assert catalogue.get_theme("SOM7-D") is None
        assert catalogue.get_theme("SOM7/II.B") is catalogue.theme("SOM7-B")

    def test_unknown_meeting_and_theme(self, catalogue: Catalogue) -> None:
        """Unknown meetings and themes are refused with suggestions."""
        with pytest.raises(UnknownMeetingError, match="did you mean 'SOM8'"):
            catalogue.meeting("SOM9")
        with pytest.raises(UnknownThemeError, match="did you mean"):
            catalogue.theme("SOM7-D")

    def test_container_protocol(self, catalogue: Catalogue) -> None:
        """len, iteration and `in` work over recommendations."""
        assert len(catalogue) == 18
        assert [r.number for r in catalogue] == list(range(1, 19))
        assert "som7 r18" in catalogue
        assert "SOM7-19" not in catalogue
        assert 5 not in catalogue


class TestFilters:
    def test_by_meeting_and_theme(self, catalogue: Catalogue) -> None:
        """Theme B holds 1–7 and theme C 8–18, in number order."""
        assert [r.number for r in catalogue.recommendations(theme="SOM7-B")] == list(range(1, 8))
        assert [
            r.number for r in catalogue.recommendations(meeting="SOM7", theme="som7-c")
        ] == list(range(8, 19))
        assert catalogue.recommendations(meeting="SOM8") == ()

    def test_by_modality_and_addressee(self, catalogue: Catalogue) -> None:
        """Modality and addressee filter by enum or value."""
        assert [r.number for r in catalogue.recommendations(modality=Modality.ENCOURAGED)] == [
            1,
            10,
            16,
        ]
        assert [r.number for r in catalogue.recommendations(modality="should_consider")] == [17]
        assert [r.number for r in catalogue.recommendations(addressee="states")] == [5]
        assert len(catalogue.recommendations(addressee=Addressee.STATES_PARTIES)) == 17

    def test_by_topic(self, catalogue: Catalogue) -> None:
        """A topic tag selects the recommendations tagged with it."""
        assert [r.number for r in catalogue.recommendations(topic="awareness-raising")] == [4, 16]
        assert catalogue.recommendations(topic="no-such-topic") == ()
        assert "capacity-building" in catalogue.topics()

    def test_bad_filter_values(self, catalogue: Catalogue) -> None:
        """Unknown filter values are errors, not empty results."""
        with pytest.raises(
            InvalidDataError, match="'must' is not a valid modality; accepted: should"
        ):
            catalogue.recommendations(modality="must")
        with pytest.raises(InvalidDataError, match="'everyone' is not a valid addressee"):
            catalogue.recommendations(addressee="everyone")
        with pytest.raises(UnknownMeetingError):
            catalogue.recommendations(meeting="SOM1")
        with pytest.raises(UnknownThemeError):
            catalogue.recommendations(theme="SOM7-Z")


class TestSearch:
    def test_accent_and_case_insensitive(self, catalogue: Catalogue) -> None:
        """Search ignores accents and case and needs every word."""
        assert [r.number for r in catalogue.search("SOCIETE civile")] == [15, 16]
        assert [r.number for r in catalogue.search("preuves numériques")] == [10]

    def test_language(self, catalogue: Catalogue) -> None:
        """With a language only texts in that language are searched (editorial titles included)."""
        assert [r.number for r in catalogue.search("capacity", lang="en")] == [18]
        assert catalogue.search("capacity", lang="fr") == ()

    def test_empty_query(self, catalogue: Catalogue) -> None:
        """An empty query finds nothing."""
        assert catalogue.search("  ") == ()


class TestBuildingAndMerging:
    def test_custom_catalogue(self) -> None:
        """A catalogue can be built from records."""
        custom = Catalogue(
            meetings=[NEW_MEETING], themes=[NEW_THEME], recommendations=[NEW_RECOMMENDATION]
        )
        assert custom.recommendation("SOM9-1") is NEW_RECOMMENDATION
        assert Catalogue() == Catalogue()

    def test_dangling_references_are_refused(self) -> None:
        """Themes and recommendations must refer to what the catalogue holds."""
        with pytest.raises(InvalidDataError) as info:
            Catalogue(themes=[NEW_THEME], recommendations=[NEW_RECOMMENDATION])
        assert info.value.problems == ("theme SOM9-A: meeting 'SOM9' is not in the catalogue",)
        with pytest.raises(InvalidDataError, match="theme 'SOM9-A' is not in the catalogue"):
            Catalogue(meetings=[NEW_MEETING], recommendations=[NEW_RECOMMENDATION])

    def test_duplicate_keys_are_refused(self) -> None:
        """A key may appear only once."""
        with pytest.raises(InvalidDataError, match="meeting 'SOM9' appears twice"):
            Catalogue(meetings=[NEW_MEETING, NEW_MEETING])

    def test_merge(self, catalogue: Catalogue) -> None:
        """Merging adds the other catalogue's records and keeps identical ones once."""
        extra = Catalogue(
            meetings=[NEW_MEETING, catalogue.meeting("SOM7")],
            themes=[NEW_THEME],
            recommendations=[NEW_RECOMMENDATION],
        )
        merged = catalogue.merge(extra)
        assert [m.key for m in merged.meetings()] == ["SOM7", "SOM8", "SOM9"]
        assert len(merged) == 19
        assert merged.recommendations()[-1] is NEW_RECOMMENDATION
        assert len(catalogue) == 18  # the built-in catalogue is untouched

    def test_merge_conflict(self, catalogue: Catalogue) -> None:
        """The same key with different content is a conflict."""
        changed = attrs.evolve(catalogue.recommendation("SOM7-5"), topics=["innovation"])
        other = Catalogue(
            meetings=catalogue.meetings(), themes=catalogue.themes(), recommendations=[changed]
        )
        with pytest.raises(ConflictError, match="recommendation SOM7-5"):
            catalogue.merge(other)

    def test_order_is_meeting_then_number(self) -> None:
        """Meetings sort by ordinal (SOM10 after SOM9), recommendations by number."""
        ten = Meeting(key="SOM10", ordinal=10)
        theme = attrs.evolve(NEW_THEME, key="SOM10-A", meeting="SOM10")
        recs = [
            attrs.evolve(
                NEW_RECOMMENDATION,
                key=f"SOM10-{n}",
                meeting="SOM10",
                theme="SOM10-A",
                number=n,
                source=Citation(meeting="SOM10", section="II.A"),
            )
            for n in (10, 2)
        ]
        custom = Catalogue(
            meetings=[ten, NEW_MEETING],
            themes=[theme, NEW_THEME],
            recommendations=[*recs, NEW_RECOMMENDATION],
        )
        assert [m.key for m in custom.meetings()] == ["SOM9", "SOM10"]
        assert [r.key for r in custom] == ["SOM9-1", "SOM10-2", "SOM10-10"]
