"""Rendering of summaries, matrices, progress and follow-up lists."""

from __future__ import annotations

import datetime as dt

import pytest

from smomtrack import Catalogue, SmomtrackError, Tracker, follow_up, matrix, progress, summarize
from smomtrack.exceptions import InvalidDataError

D1 = dt.date(2021, 10, 14)
D2 = dt.date(2022, 10, 14)


@pytest.fixture(name="tracker")
def fixture_tracker(catalogue: Catalogue) -> Tracker:
    tracker = Tracker(catalogue, states=["MEX", "DEU"])
    tracker.record("MEX", "SOM7-1", "implemented", as_of=D1)
    tracker.record("MEX", "SOM7-2", "en cours", as_of=D1, due="2022-01-31")
    tracker.record("DEU", "SOM7-9", "planned", as_of=D2)
    return tracker


def cells(table: str, row: int) -> list[str]:
    """The cells of a row of a tab-separated table."""
    return [cell.strip() for cell in table.splitlines()[row].split("\t")]


class TestSummaryTables:
    def test_french(self, tracker: Tracker) -> None:
        """Headers, labels, theme titles, numbers and percentages in French."""
        table = summarize(tracker, "theme", as_of=D2).render("tsv", "fr")
        header = cells(table, 0)
        assert header[:4] == ["Thème", "Intitulé", "Attendues", "Reçues"]
        assert "Partiellement mise en œuvre" in header
        assert header[-3:] == ["Taux de réponse", "Taux de mise en œuvre", "Score"]
        b = cells(table, 1)
        assert b[0] == "SOM7-B"
        assert b[1].startswith("Recommandations relatives aux répercussions")
        assert b[-3:] == ["14,3\u00a0%", "50,0\u00a0%", "0,75"]
        assert cells(table, 3)[0] == "Total"

    def test_english_and_spanish(self, tracker: Tracker) -> None:
        """English uses a decimal point; Spanish labels; missing rates show a dash."""
        by_state = summarize(tracker, "state", as_of=D2)
        english = by_state.render("tsv", "en")
        assert cells(english, 1)[0] == "Germany"
        assert cells(english, 2)[-3:] == ["11.1%", "50.0%", "0.75"]
        spanish = by_state.render("tsv", "es")
        assert cells(spanish, 1)[0] == "Alemania"
        assert "No iniciada" in cells(spanish, 0)
        none_reported = summarize(Tracker(tracker.catalogue, ["ITA"]), "state").render("tsv", "en")
        assert cells(none_reported, 1)[-3:] == ["0.0%", "—", "—"]

    def test_recommendation_and_topic_labels(self, tracker: Tracker) -> None:
        """Recommendations show their editorial short title; topics their label."""
        by_rec = summarize(tracker, "recommendation").render("tsv", "en")
        assert cells(by_rec, 1)[:2] == [
            "SOM7-1",
            "Prepare to receive migrants smuggled because of crises",
        ]
        by_topic = summarize(tracker, "topic").render("tsv", "fr")
        assert cells(by_topic, 1)[0] == "Sensibilisation"

    def test_rich_display(self, tracker: Tracker) -> None:
        """str() is a plain table; Jupyter gets HTML and Markdown."""
        summary = summarize(tracker, "meeting")
        assert "SOM7" in str(summary)
        assert summary._repr_html_().startswith("<table>")
        assert summary._repr_markdown_().startswith("| Meeting")

    def test_bad_format_and_language(self, tracker: Tracker) -> None:
        """Unknown table formats and languages are refused."""
        summary = summarize(tracker, "meeting")
        with pytest.raises(InvalidDataError, match="unknown table format"):
            summary.render("xlsx")
        with pytest.raises(InvalidDataError, match="output language 'de'"):
            summary.render("github", "de")

    def test_result_without_a_chart(self, tracker: Tracker) -> None:
        """A result that has no chart says so (before matplotlib is even needed)."""
        with pytest.raises(SmomtrackError, match="no chart for FollowUp"):
            follow_up(tracker, as_of=D2).plot()


class TestOtherResults:
    def test_matrix(self, tracker: Tracker) -> None:
        """Symbols in text formats; a coloured heat map in HTML with the legend."""
        result = matrix(tracker, as_of=D2, theme="SOM7-B")
        text = result.render("tsv", "fr")
        assert cells(text, 0)[:3] == ["État", "SOM7-1", "SOM7-2"]
        assert cells(text, 2)[:3] == ["Mexique", "●", "◑"]
        page = result._repr_html_()
        assert 'title="Mise en œuvre"' not in page
        assert 'title="Implemented" style="background:#2c7bb6' in page  # colour-blind-safe
        assert "● Implemented" in page
        assert 'title="Mise en œuvre"' in result.render("html", "fr")

    def test_progress(self, tracker: Tracker) -> None:
        """Change labels in the chosen language."""
        table = progress(tracker, D1, D2, by="meeting").render("tsv", "es")
        assert cells(table, 0) == [
            "Reunión", "Esperadas", "Mejora", "Retroceso", "Sin cambios",
            "Nuevas respuestas", "Reclasificadas", "Sin respuesta",
        ]  # fmt: skip
        assert cells(table, 1) == ["SOM7", "36", "0", "0", "2", "1", "0", "33"]

    def test_follow_up(self, tracker: Tracker) -> None:
        """One table: list, State, recommendation, status, dates."""
        table = follow_up(tracker, as_of="2023-06-30").render("tsv", "fr")
        assert cells(table, 0) == ["Liste", "État", "Recommandation", "Statut", "Date", "Échéance"]
        assert cells(table, 1) == [
            "En retard",
            "Mexique",
            "SOM7-2",
            "En cours",
            "14 octobre 2021",
            "31 janvier 2022",
        ]
        assert cells(table, 2)[:2] == ["Sans mise à jour", "Mexique"]
