"""Canonical keys read leniently."""

from __future__ import annotations

import pytest

from smomtrack._vocabulary.keys import meeting_key, recommendation_key, theme_key


class TestKeys:
    @pytest.mark.parametrize(
        "text",
        ["SOM7-5", "som7-5", "SOM7/5", "SOM7 R5", "SOM7-R5", "som 7 rec. 5", "SOM7.5", "SOM07-05"],
    )
    def test_recommendation(self, text: str) -> None:
        """Every usual way of writing a recommendation key gives the canonical one."""
        assert recommendation_key(text) == "SOM7-5"

    @pytest.mark.parametrize("text", ["SOM7-B", "som7 b", "SOM7/II.B", "SOM7 II B", "som7b"])
    def test_theme(self, text: str) -> None:
        """Theme keys, with or without the chapter number II."""
        assert theme_key(text) == "SOM7-B"

    @pytest.mark.parametrize("text", ["SOM7", "som7", "SOM 7", "som-7"])
    def test_meeting(self, text: str) -> None:
        """Meeting keys."""
        assert meeting_key(text) == "SOM7"

    @pytest.mark.parametrize("text", ["", "SOM", "7-5", "SOM7-", "SOM7-B-5", "recommendation"])
    def test_not_keys(self, text: str) -> None:
        """Text that is not a key gives None."""
        assert recommendation_key(text) is None
        assert theme_key(text) is None or text == "SOM7-B-5"

    def test_not_text(self) -> None:
        """A non-string is not a key."""
        assert recommendation_key(5) is None
        assert theme_key(5) is None
        assert meeting_key(5) is None
