"""Multilingual text and fallback."""

from __future__ import annotations

import pytest

from smomtrack import Text
from smomtrack._vocabulary.languages import pick
from smomtrack.exceptions import InvalidDataError


class TestText:
    def test_str_is_the_text(self) -> None:
        """str() of a text is the text itself."""
        assert str(Text("fr", "Prévue", official=False)) == "Prévue"

    @pytest.mark.parametrize(
        ("lang", "value", "official", "message"),
        [
            ("de", "Geplant", False, "lang: 'de' is not one of the UN languages"),
            ("fr", "  ", False, "value: must not be empty"),
        ],
    )
    def test_invalid(self, lang: str, value: str, official: bool, message: str) -> None:
        """A language outside the six, or an empty text, is refused."""
        with pytest.raises(InvalidDataError, match=message):
            Text(lang, value, official=official)

    def test_official_must_be_bool(self) -> None:
        """The official flag is a real boolean."""
        with pytest.raises(TypeError):
            Text("fr", "x", official="yes")  # type: ignore[arg-type]


class TestPick:
    TEXTS = (Text("fr", "texte", official=True), Text("es", "texto", official=False))

    def test_asked_language(self) -> None:
        """The language asked for comes back when present."""
        assert pick(self.TEXTS, "es") == self.TEXTS[1]

    def test_fallback_order(self) -> None:
        """A missing language falls back along en, fr, es, and says which came back."""
        picked = pick(self.TEXTS, "en")
        assert picked is not None
        assert picked.lang == "fr"

    def test_any_language_last(self) -> None:
        """When none of en, fr, es is there, any text comes back."""
        russian = Text("ru", "текст", official=True)
        assert pick([russian], "en") == russian

    def test_empty(self) -> None:
        """No texts give None."""
        assert pick((), "en") is None
