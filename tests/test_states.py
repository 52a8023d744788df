"""The States and organizations that can be parties: codes, UN names, refusals, order, regions."""

from __future__ import annotations

import collections
import datetime as dt
import re
from importlib import resources

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from smomtrack import resolve_state, state_name
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.regions import NO_GROUP, RegionalGroup, group_label, region_of
from smomtrack._vocabulary.states import (
    EUROPEAN_UNION,
    PartyKind,
    by_name,
    is_state_code,
    parties,
    party,
    un_members,
)
from smomtrack.exceptions import InvalidDataError, UnknownStateError


class TestParties:
    def test_who_can_be_a_party(self) -> None:
        """193 Member States, 2 observers, the Cook Islands, Niue and the EU, each once."""
        kinds = collections.Counter(p.kind for p in parties())
        assert kinds == {
            PartyKind.MEMBER: 193,
            PartyKind.OBSERVER: 2,
            PartyKind.NON_MEMBER: 2,
            PartyKind.ORGANIZATION: 1,
        }
        assert len({p.code for p in parties()}) == 198
        assert {p.code for p in parties() if p.kind is PartyKind.NON_MEMBER} == {"COK", "NIU"}
        assert {p.code for p in parties() if p.kind is PartyKind.OBSERVER} == {"VAT", "PSE"}
        assert party(EUROPEAN_UNION).name("fr") == "Union européenne"

    def test_codes_agree_with_iso(self) -> None:
        """Every State's alpha-2 and M49 codes are those ISO 3166-1 gives its alpha-3 code."""
        for entry in parties():
            if entry.code == EUROPEAN_UNION:
                assert (entry.alpha2, entry.m49) == ("EU", None)
                continue
            country = pycountry.countries.get(alpha_3=entry.code)
            assert country is not None
            assert (entry.alpha2, entry.m49) == (country.alpha_2, country.numeric)

    def test_every_iso_entry_is_a_party_or_a_refused_territory(self) -> None:
        """Every ISO 3166-1 code resolves to a party or is refused as a territory."""
        for country in pycountry.countries:
            if is_state_code(country.alpha_3):
                assert resolve_state(country.alpha_2) == country.alpha_3
                assert resolve_state(country.name) == country.alpha_3
                continue
            with pytest.raises(UnknownStateError, match="cannot be a party"):
                resolve_state(country.alpha_3)

    def test_no_name_names_two_parties(self) -> None:
        """The names read are unambiguous: each folded name resolves to one party."""
        seen: dict[str, str] = {}
        for entry in parties():
            for name in (*dict(entry.names).values(), *entry.other_names):
                code = resolve_state(name)
                assert code == entry.code, (name, code, entry.code)
                assert seen.setdefault(fold(name), code) == code


class TestResolveState:
    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("Mexique", "MEX"),
            ("México", "MEX"),
            ("mexico", "MEX"),
            ("fr", "FRA"),
            ("DEU", "DEU"),
            ("deu", "DEU"),
            ("276", "DEU"),
            ("Türkiye", "TUR"),
            ("turkiye", "TUR"),
            ("Turkey", "TUR"),
            ("Turquie", "TUR"),
            ("Swaziland", "SWZ"),
            ("Cape Verde", "CPV"),
            ("the former Yugoslav Republic of Macedonia", "MKD"),
            ("Czech Republic", "CZE"),
            ("South Korea", "KOR"),
            ("Corée du Sud", "KOR"),
            ("Russia", "RUS"),
            ("Federación de Rusia", "RUS"),
            ("Syria", "SYR"),
            ("Iran", "IRN"),
            ("Vietnam", "VNM"),
            ("Viet Nam", "VNM"),
            ("viet   nam", "VNM"),
            ("UK", "GBR"),
            ("USA", "USA"),
            ("Bolivia (Plurinational State of)", "BOL"),
            ("Bolivia", "BOL"),
            ("Republic of Korea", "KOR"),
            ("Iran (Islamic Republic of)", "IRN"),
            ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
            ("Democratic Republic of the Congo", "COD"),
            ("Congo", "COG"),
            ("États-Unis", "USA"),
            ("ETATS UNIS D'AMERIQUE", "USA"),
            ("Estados Unidos de América", "USA"),
            ("Côte d’Ivoire", "CIV"),
            ("Cote d'Ivoire", "CIV"),
            ("Holy See", "VAT"),
            ("Saint-Siège", "VAT"),
            ("State of Palestine", "PSE"),
            ("Fédération de Russie", "RUS"),
            ("European Union", "EUU"),
            ("Union européenne", "EUU"),
            ("Unión Europea", "EUU"),
            ("EU", "EUU"),
            ("EUU", "EUU"),
        ],
    )
    def test_codes_and_names(self, text: str, code: str) -> None:
        """Codes and UN, ISO, former and common names in three languages give the code."""
        assert resolve_state(text) == code

    @pytest.mark.parametrize(
        ("text", "territory"),
        [
            ("Bermuda", "BMU"),
            ("Antarctica", "ATA"),
            ("Hong Kong", "HKG"),
            ("Bouvet Island", "BVT"),
            ("Svalbard and Jan Mayen", "SJM"),
            ("Tokelau", "TKL"),
            ("Taiwan", "TWN"),
            ("Bermudes", "BMU"),
        ],
    )
    def test_territories_are_refused_with_their_reason(self, text: str, territory: str) -> None:
        """A territory is not a State that can be a party; the error says so."""
        with pytest.raises(UnknownStateError) as info:
            resolve_state(text)
        assert f"({territory})" in str(info.value)
        assert "cannot be a party to the Protocol" in str(info.value)

    def test_unknown_suggests_closest(self) -> None:
        """A misspelt name is refused with the closest States suggested."""
        with pytest.raises(UnknownStateError) as info:
            resolve_state("Allemange")
        assert info.value.suggestions == ("Germany (DEU)",)

    @pytest.mark.parametrize("text", ["Atlantis", "", "XX", "Korea", "999", 42])
    def test_unknown(self, text: object) -> None:
        """Text that names no party, or two ("Korea"), is refused."""
        with pytest.raises(UnknownStateError):
            resolve_state(text)  # type: ignore[arg-type]

    @given(st.text(max_size=40))
    def test_any_text_resolves_or_is_refused_cleanly(self, text: str) -> None:
        """Fuzz: any text gives a party's code or an UnknownStateError, nothing else."""
        try:
            code = resolve_state(text)
        except UnknownStateError:
            return
        assert is_state_code(code)


class TestStateName:
    @pytest.mark.parametrize(
        ("code", "names"),
        [
            ("DEU", ("Germany", "Allemagne", "Alemania")),
            ("KOR", ("Republic of Korea", "République de Corée", "República de Corea")),
            ("PRK", (
                "Democratic People’s Republic of Korea",
                "République populaire démocratique de Corée",
                "República Popular Democrática de Corea",
            )),
            ("IRN", (
                "Iran (Islamic Republic of)",
                "Iran (République islamique d’)",
                "Irán (República Islámica del)",
            )),
            ("GBR", (
                "United Kingdom of Great Britain and Northern Ireland",
                "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",
                "Reino Unido de Gran Bretaña e Irlanda del Norte",
            )),
            ("VNM", ("Viet Nam", "Viet Nam", "Viet Nam")),
            ("TUR", ("Türkiye", "Türkiye", "Türkiye")),
            ("RUS", ("Russian Federation", "Fédération de Russie", "Federación de Rusia")),
            ("SYR", ("Syrian Arab Republic", "République arabe syrienne", "República Árabe Siria")),
            ("USA", ("United States of America", "États-Unis d’Amérique", "Estados Unidos de América")),
            ("CIV", ("Côte d’Ivoire", "Côte d’Ivoire", "Côte d’Ivoire")),
            ("EUU", ("European Union", "Union européenne", "Unión Europea")),
        ],
    )  # fmt: skip
    def test_un_names(self, code: str, names: tuple[str, str, str]) -> None:
        """The United Nations short names in English, French and Spanish."""
        assert tuple(state_name(code, lang) for lang in ("en", "fr", "es")) == names

    def test_other_language_falls_back_to_english(self) -> None:
        """A language without names gives the English one."""
        assert state_name("DEU", "ru") == "Germany"

    def test_unknown_code(self) -> None:
        """A code that is not a party's is refused."""
        for code in ("XXX", "DE", "BMU"):
            with pytest.raises(UnknownStateError):
                state_name(code)

    def test_is_state_code(self) -> None:
        """Only exact upper-case party codes are codes."""
        assert is_state_code("FRA")
        assert is_state_code("EUU")
        assert not is_state_code("fra")
        assert not is_state_code("FR")
        assert not is_state_code("XYZ")
        assert not is_state_code("BMU")


class TestOrder:
    def test_by_name_in_each_language(self) -> None:
        """States are ordered by their name in the language, accents aside."""
        codes = ["DEU", "AUS", "EGY", "COL", "ESP", "EUU"]
        assert by_name(codes, "en") == ["AUS", "COL", "EGY", "EUU", "DEU", "ESP"]
        # Allemagne, Australie, Colombie, Égypte, Espagne, Union européenne
        assert by_name(codes, "fr") == ["DEU", "AUS", "COL", "EGY", "ESP", "EUU"]
        # Alemania, Australia, Colombia, Egipto, España, Unión Europea
        assert by_name(codes, "es") == ["DEU", "AUS", "COL", "EGY", "ESP", "EUU"]


class TestUnitedNationsLists:
    """The names as the United Nations lists them today, and the check that says so."""

    DATA = resources.files("smomtrack").joinpath("data", "parties.csv")

    def header(self) -> str:
        text = self.DATA.read_text(encoding="utf-8")
        return "\n".join(line for line in text.splitlines() if line.startswith("#"))

    def test_the_date_of_the_check_is_in_the_data_file(self) -> None:
        """The file says when the names were checked, and against which lists."""
        found = re.search(r"^# Checked on (\d{4}-\d{2}-\d{2})", self.header(), re.MULTILINE)
        assert found is not None
        assert dt.date.fromisoformat(found[1]) == dt.date(2026, 12, 6)
        for source in ("about-us/member-states", "UNTERM", "M49"):
            assert source in self.header()

    def test_the_netherlands_and_trinidad_and_tobago(self) -> None:
        """The current names are printed; the names used before are still read."""
        assert [state_name("NLD", lang) for lang in ("en", "fr", "es")] == [
            "Netherlands (Kingdom of the)",
            "Pays-Bas (Royaume des)",
            "Países Bajos (Reino de los)",
        ]
        assert state_name("TTO", "es") == "Trinidad y Tabago"
        for before in ("Netherlands", "Pays-Bas", "Países Bajos", "Trinidad y Tobago"):
            assert resolve_state(before) in {"NLD", "TTO"}
        assert "Netherlands (Kingdom of the)" not in party("NLD").other_names

    @pytest.mark.parametrize(
        ("code", "names", "written"),
        [
            ("COK", ("Cook Islands", "Îles Cook", "Islas Cook"), ("cook islands", "CK", "184")),
            ("NIU", ("Niue", "Nioué", "Niue"), ("niue", "NU", "570", "Nioue")),
        ],
    )
    def test_the_cook_islands_and_niue_can_be_parties(
        self, code: str, names: tuple[str, str, str], written: tuple[str, ...]
    ) -> None:
        """Non-member States with treaty-making capacity: named, read, in no group."""
        entry = party(code)
        assert entry.kind is PartyKind.NON_MEMBER
        assert tuple(entry.name(lang) for lang in ("en", "fr", "es")) == names
        assert entry.group is None
        assert region_of(code) == NO_GROUP
        assert code not in un_members()
        for text in (*names, *written):
            assert resolve_state(text) == code
        assert "ST/LEG/7/Rev.1" in self.header()
        assert "para. 86" in self.header()

    def test_kiribati_says_which_source_places_it_where(self) -> None:
        """Kiribati's row is preceded by the sources that disagree on its group."""
        lines = self.DATA.read_text(encoding="utf-8").splitlines()
        row = next(i for i, line in enumerate(lines) if line.startswith("KIR,"))
        note = []
        for line in reversed(lines[:row]):
            if not line.startswith("#"):
                break
            note.append(line)
        said = " ".join(reversed(note))
        assert "Kiribati" in said
        assert "dgacm" in said
        assert "in none" in said
        assert region_of("KIR") == "asia_pacific"


class TestRegions:
    def test_every_member_in_one_group(self) -> None:
        """The five groups hold the 193 Member States once each; observers and the EU in none."""
        sizes = collections.Counter(region_of(code) for code in un_members())
        assert sizes == {
            "african": 54,
            "asia_pacific": 54,
            "eastern_european": 23,
            "latin_american_caribbean": 33,
            "western_european_other": 29,
        }
        assert {region_of(c) for c in ("VAT", "PSE", "COK", "NIU", "EUU")} == {NO_GROUP}

    def test_documented_placements(self) -> None:
        """Türkiye and the United States count in the Western European and other States."""
        assert region_of("TUR") == region_of("USA") == "western_european_other"
        assert region_of("KIR") == "asia_pacific"
        assert region_of("ISR") == "western_european_other"

    @pytest.mark.parametrize(
        ("text", "group"),
        [
            ("GRULAC", RegionalGroup.LATIN_AMERICAN_CARIBBEAN),
            ("WEOG", RegionalGroup.WESTERN_EUROPEAN_OTHER),
            ("African States", RegionalGroup.AFRICAN),
            ("États d'Afrique", RegionalGroup.AFRICAN),
            ("Estados de Europa Oriental", RegionalGroup.EASTERN_EUROPEAN),
            ("asia_pacific", RegionalGroup.ASIA_PACIFIC),
        ],
    )
    def test_parse(self, text: str, group: RegionalGroup) -> None:
        """A group is read from its key, names in three languages or acronym."""
        assert RegionalGroup.parse(text) is group

    def test_parse_refuses(self) -> None:
        """A word that names no group is refused, listing what is accepted."""
        with pytest.raises(InvalidDataError, match="not a regional group"):
            RegionalGroup.parse("Oceania")

    def test_labels(self) -> None:
        """Group names in three languages, and the States in none."""
        assert group_label("asia_pacific", "es") == "Estados de Asia y el Pacífico"
        assert group_label(NO_GROUP, "en") == "Not in a regional group"
