"""Whole compliance reports."""

from __future__ import annotations

import datetime as dt

import pytest

from smomtrack import Catalogue, Tracker, builtin_catalogue, report, synthetic
from smomtrack.exceptions import InvalidDataError


@pytest.fixture(name="tracker")
def fixture_tracker(catalogue: Catalogue) -> Tracker:
    tracker = Tracker(catalogue, states=["MEX", "DEU", "FRA"])
    tracker.record("MEX", "SOM7-1", "planned", as_of="2021-06-30", due="2021-12-31")
    tracker.record("MEX", "SOM7-1", "implemented", as_of="2022-06-30")
    tracker.record("DEU", "SOM7-9", "in progress", as_of="2021-06-30")
    return tracker


class TestReport:
    def test_english_markdown_sections(self, tracker: Tracker) -> None:
        """The report has its sections in order, with figures and titles."""
        text = report(tracker, as_of="2023-01-31")
        headings = [line for line in text.splitlines() if line.startswith("#")]
        title = (
            "Implementation of the recommendations of the Working Group"
            " on the Smuggling of Migrants"
        )
        assert headings[0] == f"# {title}"
        assert headings[1:4] == [
            "## Scope",
            "## Overall figures",
            "## 7th meeting (Vienna, 8–9 September 2020)",
        ]
        assert headings[4].startswith(
            "### Section II.B. Recommendations on the impact of natural disasters"
        )
        annex = headings.index("## Official texts of the recommendations")
        assert headings[annex - 4 : annex] == [
            "## By State",
            "## States and recommendations",
            "## Progress since 15 October 2021",
            "## Follow-up",
        ]
        assert headings[annex + 1 : annex + 3] == [
            "### Report of the 7th meeting, section II.B",
            "#### Recommendation 1",
        ]
        assert "Compliance report as of 31 January 2023" in text
        assert (
            "This report covers 3 States and 18 recommendations (7th meeting), that is 54" in text
        )
        assert "Information was received for 2 of 54 pairs (response rate 3.7%)" in text
        official = builtin_catalogue().recommendation("SOM7-1").text("fr").value
        assert f"> {official}" in text  # the official text, verbatim, in its original language
        assert "pairs that improved, 1; that regressed, 0; reported for the first time, 0." in text
        # Mexico's planned response was due in 2021, but it is implemented now: not overdue.
        assert "Responses past their due date and not implemented: 0." in text
        assert "Responses with no update for more than 12 months: 1." in text
        assert "States that have never reported: 1." in text
        assert "Synthetic data" not in text

    def test_french(self, tracker: Tracker) -> None:
        """Everything in French: title, dates, figures, headings."""
        text = report(tracker, lang="fr", as_of="2023-01-31")
        assert text.startswith("# Mise en œuvre des recommandations du Groupe de travail")
        assert "Rapport de suivi au 31 janvier 2023" in text
        assert "## 7e réunion (Vienne, 8–9 septembre 2020)" in text
        assert "(taux de réponse\u00a0: 3,7\u00a0%)" in text
        assert "## Évolution depuis le 15 octobre 2021" in text
        assert "Les titres abrégés sont éditoriaux" in text

    def test_spanish_html_and_text(self, tracker: Tracker) -> None:
        """HTML and plain text versions, in Spanish."""
        page = report(tracker, lang="es", format="html", as_of="2023-01-31")
        assert page.startswith('<!DOCTYPE html>\n<html lang="es">')
        assert "<h1>Aplicación de las recomendaciones" in page
        assert "<h2>Cifras generales</h2>" in page
        assert '<table class="figures">' in page
        plain = report(tracker, lang="es", format="text", as_of="2023-01-31")
        assert "Alcance\n-------" in plain
        assert "**" not in plain

    def test_no_progress_before_any_meeting(self, tracker: Tracker) -> None:
        """Before the first meeting ended there is no progress section."""
        text = report(tracker, as_of="2020-09-01")
        assert "## Progress since" not in text

    def test_synthetic_data_are_labelled(self) -> None:
        """A report on synthetic data says so, in every language."""
        tracker = synthetic(states=5)
        assert "**Synthetic data.**" in report(tracker, as_of="2023-12-31")
        assert "<strong>Datos sintéticos.</strong>" in report(
            tracker, lang="es", format="html", as_of="2023-12-31"
        )

    def test_long_lists_are_cut_and_counted(self) -> None:
        """Follow-up lists longer than the limit are cut, and the report says so."""
        text = report(synthetic(states=20), as_of="2025-12-31", limit=3)
        assert "The first 3 items of each list are shown." in text

    def test_period_in_days(self, tracker: Tracker) -> None:
        """A stale period in weeks is written in days."""
        text = report(tracker, as_of="2023-01-31", stale_after="6 weeks")
        assert "no update for more than 42 days: " in text

    def test_bad_arguments(self, tracker: Tracker) -> None:
        """Unknown languages and formats are refused."""
        with pytest.raises(InvalidDataError, match="output language"):
            report(tracker, lang="de")
        with pytest.raises(
            InvalidDataError, match="'pdf' is not one of markdown, text, html, docx"
        ):
            report(tracker, format="pdf")

    def test_today_by_default(self, tracker: Tracker) -> None:
        """Without a date the report is as of today."""
        today = dt.datetime.now(dt.UTC).date()
        assert f"as of {today.day} " in report(tracker)
