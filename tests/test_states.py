"""Resolving States from codes and names."""

from __future__ import annotations

import pytest

from smomtrack import UnknownStateError, resolve_state, state_name
from smomtrack.vocabulary.states import is_state_code


class TestResolveState:
    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("Mexique", "MEX"),
            ("México", "MEX"),
            ("mexico", "MEX"),
            ("Allemagne", "DEU"),
            ("fr", "FRA"),
            ("DEU", "DEU"),
            ("deu", "DEU"),
            ("Türkiye", "TUR"),
            ("turkiye", "TUR"),
            ("Bolivia (Plurinational State of)", "BOL"),
            ("Bolivia", "BOL"),
            ("Republic of Korea", "KOR"),
            ("Iran (Islamic Republic of)", "IRN"),
            ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
            ("Democratic Republic of the Congo", "COD"),
            ("Congo", "COG"),
            ("États-Unis", "USA"),
            ("Estados Unidos de América", "USA"),
            ("Côte d’Ivoire", "CIV"),
            ("Holy See", "VAT"),
            ("Fédération de Russie", "RUS"),
        ],
    )
    def test_codes_and_names(self, text: str, code: str) -> None:
        """Codes and English, French, Spanish and UN-style names give the alpha-3 code."""
        assert resolve_state(text) == code

    def test_unknown_suggests_closest(self) -> None:
        """A misspelt name is refused with the closest States suggested."""
        with pytest.raises(UnknownStateError) as info:
            resolve_state("Allemange")
        assert info.value.suggestions == ("Germany (DEU)",)

    @pytest.mark.parametrize("text", ["Atlantis", "", "XX", 42])
    def test_unknown(self, text: object) -> None:
        """Text that names no State is refused."""
        with pytest.raises(UnknownStateError):
            resolve_state(text)  # type: ignore[arg-type]


class TestStateName:
    def test_languages(self) -> None:
        """Short names in English, French and Spanish."""
        assert [state_name("DEU", lang) for lang in ("en", "fr", "es")] == [
            "Germany",
            "Allemagne",
            "Alemania",
        ]

    def test_common_name_preferred(self) -> None:
        """Where ISO has a common name, it is used."""
        assert state_name("BOL") == "Bolivia"

    def test_unknown_code(self) -> None:
        """A code that is not alpha-3 is refused."""
        with pytest.raises(UnknownStateError):
            state_name("XXX")
        with pytest.raises(UnknownStateError):
            state_name("DE")

    def test_is_state_code(self) -> None:
        """Only exact upper-case alpha-3 codes are codes."""
        assert is_state_code("FRA")
        assert not is_state_code("fra")
        assert not is_state_code("FR")
        assert not is_state_code("XYZ")
