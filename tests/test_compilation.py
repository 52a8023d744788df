"""The thematic compilation."""

from __future__ import annotations

from pathlib import Path

from smomtrack import Catalogue, compile_by_topic, parse_report
from smomtrack._catalogue.overlaps import SUGGESTION_THRESHOLD

DATA = Path(__file__).parent / "data"


class TestCompilation:
    def test_groups_by_topic_then_meeting(self, catalogue: Catalogue) -> None:
        """Every topic tag in order, each with its meetings and recommendations."""
        compilation = compile_by_topic(catalogue, lang="fr")
        assert [g.topic for g in compilation.groups] == list(catalogue.topics())
        capacity = next(g for g in compilation.groups if g.topic == "capacity-building")
        assert [(m, [r.key for r in recs]) for m, recs in capacity.meetings] == [
            ("SOM7", ["SOM7-13", "SOM7-18"])
        ]
        every = {r.key for g in compilation.groups for r in g}
        assert every == {r.key for r in catalogue}

    def test_untagged_come_last(self, catalogue: Catalogue) -> None:
        """Freshly parsed recommendations without suggestions are grouped last."""
        extended = catalogue.with_report(
            parse_report((DATA / "report-recommendations.en.txt").read_text(), meeting="SOM9"),
            suggest=False,
        )
        last = compile_by_topic(extended).groups[-1]
        assert last.topic is None
        assert [m for m, _ in last.meetings] == ["SOM9"]

    def test_suggested_topics_place_new_recommendations(self, catalogue: Catalogue) -> None:
        """With suggestions (the default), new recommendations sit under their suggested topics,
        ranked, none below the threshold; those with none sit in the untagged group."""
        extended = catalogue.with_report(
            parse_report((DATA / "report-recommendations.en.txt").read_text(), meeting="SOM9")
        )
        new = [rec for rec in extended if rec.meeting == "SOM9"]
        for rec in new:
            confidences = [s.confidence for s in rec.suggested_topics]
            assert all(c is not None and c >= SUGGESTION_THRESHOLD for c in confidences)
            assert confidences == sorted(confidences, reverse=True)  # type: ignore[type-var]
        assert new[3].suggested_topics[0].tag == "information-exchange"
        groups = compile_by_topic(extended).groups
        placed = {rec.key for group in groups if group.topic for rec in group}
        assert placed >= {rec.key for rec in new if rec.suggested_topics}
        untagged = [rec.key for rec in groups[-1]] if groups[-1].topic is None else []
        assert untagged == [rec.key for rec in new if not rec.suggested_topics]

    def test_records(self, catalogue: Catalogue) -> None:
        """to_records() gives topic, meeting, key, text (with its language) and citation."""
        record = compile_by_topic(catalogue, lang="en").to_records()[0]
        assert record == {
            "topic": "awareness-raising",
            "meeting": "SOM7",
            "recommendation": "SOM7-4",
            "text": catalogue.recommendation("SOM7-4").text("fr").value,
            "text_lang": "fr",
            "official": True,
            "citation": "SOM7, section II.B, Projet de rapport. Additif, 2020-09-09",
            "suggested": False,
        }

    def test_markdown_document(self, catalogue: Catalogue) -> None:
        """render() gives a Markdown document; fallback texts are marked with their language."""
        text = compile_by_topic(catalogue, lang="en").render()
        assert text.startswith(
            "# Recommendations of the Working Group on the Smuggling of Migrants, by topic\n\n## Awareness raising\n\n### SOM7\n\n**SOM7-4** (SOM7, section II.B, Projet de rapport. Additif, 2020-09-09) [fr]"
        )
        french = compile_by_topic(catalogue, lang="fr").render("markdown")
        assert "## Renforcement des capacités" in french
        assert "[fr]" not in french
        assert compile_by_topic(catalogue)._repr_markdown_() == text

    def test_tables(self, catalogue: Catalogue) -> None:
        """Any tabulate format renders a table with headers in the chosen language."""
        table = compile_by_topic(catalogue, lang="es").render("tsv", "es")
        assert [c.strip() for c in table.splitlines()[0].split("\t")] == [
            "Tema",
            "Reunión",
            "Recomendación",
            "Texto",
            "Fuente",
        ]
        assert compile_by_topic(catalogue)._repr_html_().startswith("<table>")
