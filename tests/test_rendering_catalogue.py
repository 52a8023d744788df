"""Tables of the catalogue and labels for output."""

from __future__ import annotations

import datetime as dt

import pytest

from smomtrack import Catalogue
from smomtrack._presentation.labels import format_date, label, word
from smomtrack._presentation.tables import check_format
from smomtrack._rendering.catalogue_tables import agenda_table, recommendations_table
from smomtrack.exceptions import InvalidDataError
from smomtrack.records import Addressee, Modality


class TestLabels:
    @pytest.mark.parametrize(
        ("lang", "expected"),
        [("en", "1 October 2021"), ("fr", "1er octobre 2021"), ("es", "1 de octubre de 2021")],
    )
    def test_dates(self, lang: str, expected: str) -> None:
        """Dates are written as each language writes them."""
        assert format_date(dt.date(2021, 10, 1), lang) == expected

    def test_vocabulary(self) -> None:
        """Modalities and addressees in three languages; other languages fall back to English."""
        assert label(Modality.SHOULD_CONSIDER, "fr") == "devraient envisager de"
        assert label(Addressee.STATES, "es") == "Estados"
        assert word("recommendation", "ru") == "Recommendation"


class TestTables:
    def test_recommendations_in_spanish(self, catalogue: Catalogue) -> None:
        """Headers, modality and topic labels in Spanish; editorial Spanish titles."""
        table = recommendations_table(
            catalogue.recommendations(theme="SOM7-B"), lang="es", format="tsv"
        )
        header, first, *_ = table.splitlines()
        assert header.split("\t")[0].strip() == "Recomendación"
        assert "se alienta a" in first
        assert "Protección y asistencia" in first

    def test_agenda_in_english_marks_french_titles(self, catalogue: Catalogue) -> None:
        """Titles only in French are marked [fr] when English is asked for."""
        table = agenda_table(catalogue.meeting("SOM8"), lang="en", format="tsv")
        assert "Ouverture de la réunion [fr]" in table
        assert "14 October 2021" in table

    def test_check_format(self) -> None:
        """Known formats pass; others are refused with the list."""
        assert check_format("github") == "github"
        with pytest.raises(InvalidDataError, match="choose one of"):
            check_format("xlsx")
