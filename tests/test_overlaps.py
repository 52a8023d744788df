"""Overlap detection between recommendations."""

from __future__ import annotations

import attrs
import pytest

from smomtrack import Catalogue, Text, parse_report
from smomtrack._catalogue.overlaps import overlaps, stem
from smomtrack.exceptions import InvalidDataError
from smomtrack.extending import SUGGESTION_THRESHOLD, leave_one_out, suggest_topics, topic_scores

READER_PAIRS = [("SOM7-2", "SOM7-8"), ("SOM7-13", "SOM7-18"), ("SOM7-4", "SOM7-16")]
"""Data collection, capacity building, awareness raising: pairs a reader finds."""

UNRELATED = [
    ("SOM7-1", "SOM7-8"),
    ("SOM7-6", "SOM7-17"),
    ("SOM7-4", "SOM7-12"),
    ("SOM7-3", "SOM7-14"),
    ("SOM7-7", "SOM7-16"),
    ("SOM7-1", "SOM7-12"),
]
"""Reception of migrants vs. research on technology, and the like: never paired."""


class TestBuiltin:
    def test_finds_the_pairs_a_reader_would(self, catalogue: Catalogue) -> None:
        """The data collection, capacity building and awareness raising pairs are found."""
        found = {o.keys: o for o in overlaps(catalogue)}
        for pair in READER_PAIRS:
            assert pair in found, pair
        assert set(found[("SOM7-2", "SOM7-8")].shared) >= {"données", "collecte", "analyse"}
        assert set(found[("SOM7-13", "SOM7-18")].shared) >= {"capacités", "renforcer"}
        assert set(found[("SOM7-4", "SOM7-16")].shared) >= {"sensibilisation", "public"}

    def test_does_not_pair_unrelated_ones(self, catalogue: Catalogue) -> None:
        """Unrelated recommendations are not paired."""
        found = {o.keys for o in overlaps(catalogue)}
        assert not found & set(UNRELATED)
        assert len(found) <= 20  # a short list to review, out of 153 pairs

    def test_sorted_and_scored(self, catalogue: Catalogue) -> None:
        """Most similar first; scores between the threshold and 1; compared in French."""
        result = overlaps(catalogue, threshold=0.05)
        scores = [o.score for o in result]
        assert scores == sorted(scores, reverse=True)
        assert all(0.05 <= s <= 1 for s in scores)
        assert {o.lang for o in result} == {"fr"}
        assert len(overlaps(catalogue, threshold=0.5)) < len(result)

    def test_identical_texts_score_one(self, catalogue: Catalogue) -> None:
        """A recommendation repeated word for word scores 1."""
        copy = attrs.evolve(catalogue.recommendation("SOM7-5"), key="SOM7-19", number=19)
        result = overlaps([*catalogue, copy], threshold=0.99)
        assert [o.keys for o in result] == [("SOM7-5", "SOM7-19")]
        assert result[0].score == 1.0


class TestLanguages:
    def test_no_common_language_no_comparison(self, catalogue: Catalogue) -> None:
        """Texts in different languages are not compared (no translation)."""
        english = attrs.evolve(
            catalogue.recommendation("SOM7-2"),
            key="SOM7-20",
            number=20,
            texts=[Text("en", "States parties should collect and analyse data.", official=False)],
        )
        assert all("SOM7-20" not in o.keys for o in overlaps([*catalogue, english], threshold=0.0))

    def test_stemming(self) -> None:
        """Stems join the forms of a word, in each language."""
        assert stem("sensibilisation", "fr") == stem("sensibiliser", "fr")
        assert stem("collecting", "en") == stem("collection", "en")
        assert stem("investigaciones", "es") == stem("investigacion", "es")
        assert stem("data", "fr") == "data"  # too short to cut

    def test_lang_parameter_and_threshold(self, catalogue: Catalogue) -> None:
        """A language without texts gives nothing; a threshold outside 0–1 is refused."""
        assert overlaps(catalogue, lang="es") == ()
        with pytest.raises(InvalidDataError, match="between 0 and 1"):
            overlaps(catalogue, threshold=1.5)


class TestSuggestedTopics:
    def test_the_threshold_is_the_best_left_one_out(self, catalogue: Catalogue) -> None:
        """SUGGESTION_THRESHOLD has the best F1 when each built-in recommendation is left out."""
        trials = leave_one_out(catalogue, [step / 100 for step in range(40)])
        best = max(trials, key=lambda trial: (trial.f1, -trial.threshold))
        assert best.threshold == SUGGESTION_THRESHOLD
        assert (best.suggested, best.right, best.expected) == (16, 11, 26)
        assert best.precision > 0.6

    @pytest.mark.parametrize(
        ("lang", "text"),
        [
            (
                "en",
                (
                    "B. Recommendations on children\nRecommendation 1\nStates parties should ensure"
                    " that unaccompanied and separated children who have been smuggled are referred"
                    " without delay to child protection services and are appointed a guardian."
                ),
            ),
            (
                "fr",
                (
                    "B. Recommandations relatives aux enfants\nRecommandation 1\nLes États parties"
                    " devraient veiller à ce que les enfants non accompagnés et séparés objet d'un"
                    " trafic illicite soient orientés sans délai vers les services de protection de"
                    " l'enfance et se voient désigner un tuteur."
                ),
            ),
        ],
    )
    def test_no_wrong_suggestion_for_unaccompanied_children(
        self, catalogue: Catalogue, lang: str, text: str
    ) -> None:
        """The issue's example: its closest topic ranks first, and nothing unrelated is said."""
        rec = parse_report(text, meeting="SOM9", lang=lang).recommendations[0]
        scores = topic_scores(catalogue, rec)
        assert max(scores, key=lambda tag: scores[tag]) == "protection-assistance"
        suggested = suggest_topics(catalogue, rec)
        assert {s.tag for s in suggested} <= {"protection-assistance", "human-rights"}
        assert all(
            s.confidence is not None and s.confidence >= SUGGESTION_THRESHOLD for s in suggested
        )

    def test_ranked_with_confidence(self, catalogue: Catalogue) -> None:
        """Suggestions come most likely first, each with its confidence, at most two."""
        for rec in catalogue:
            suggested = suggest_topics(catalogue, rec, threshold=0.0)
            confidences = [s.confidence for s in suggested]
            assert len(suggested) == 2
            assert confidences == sorted(confidences, key=lambda c: -(c or 0.0))
