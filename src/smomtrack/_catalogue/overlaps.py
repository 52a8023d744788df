"""Recommendations that say much the same thing: a documented, language-aware text similarity.

The method (see docs/overlaps.md): each text is folded (lower case, no accents), cut into
words, stripped of stop words of its language, and each word cut to a stem by a light
suffix stripper of that language (``sensibilisation`` and ``sensibiliser`` both become
``sensibilis``). Stems are weighted by TF-IDF over the catalogue's texts in that language,
so that words every recommendation uses ("States parties", "smuggling of migrants") weigh
nothing, and two texts are compared by the cosine of their weight vectors. Only texts in a
common language are compared: there is no translation and no model to download.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable

import attrs

from smomtrack._records.recommendations import Recommendation, SuggestedTopic
from smomtrack._vocabulary.folding import fold
from smomtrack._vocabulary.languages import FALLBACK_ORDER
from smomtrack._vocabulary.topics import TOPICS
from smomtrack.exceptions import InvalidDataError

__all__ = [
    "DEFAULT_THRESHOLD",
    "STOP_WORDS",
    "SUGGESTION_MOST",
    "SUGGESTION_THRESHOLD",
    "Overlap",
    "TopicTrial",
    "leave_one_out",
    "overlaps",
    "stem",
    "suggest_topics",
    "topic_scores",
]

DEFAULT_THRESHOLD = 0.11
"""The similarity from which two recommendations are reported as overlapping.

Calibrated on the built-in recommendations: at 0.11, 15 of their 153 pairs are reported,
among them the data collection of 2 and 8, the capacity building of 13 and 18 and the
awareness raising of 4 and 16."""

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a about above after again against all also an and any are as at be been before being
        below between both but by can could did do does doing down during each few for from
        further had has have having here how if in into is it its itself just more most no nor
        not of off on once only or other our out over own same should so some such than that the
        their them then there these they this those through to too under until up very was
        were what when where which while who whom why will with would including particular
        order ensure well states parties party encouraged consider smuggling migrants
        smuggled""".split()
    ),
    "fr": frozenset(
        fold(
            """a à afin ainsi au aux avec ce ces cet cette chaque comme dans de des du elle elles en
            entre est et être il ils la le les leur leurs lui mais même ne ni notamment nous on ou
            où par pas plus pour qu que quel quelle qui sa sans se ses si son sont sur tous tout
            toute toutes un une y d l s n qu ceux celles celle celui dont lors également très
            tels telles tel telle manière mieux devraient doivent devrait sont encouragés
            états état parties trafic illicite migrants personnes migrantes"""
        ).split()
    ),
    "es": frozenset(
        fold(
            """a al con como cual de del desde e el ella ellas ellos en entre es esta este esto
            estos estas la las le les lo los mas mismo ni o para pero por que se sin sobre su sus
            también tan tanto todo todos toda todas u un una unas unos y ya particular fin manera
            mejor deberían debería alienta estados estado partes tráfico ilícito migrantes
            personas"""
        ).split()
    ),
}
"""Stop words per language (folded): words too common to say what a text is about.

Besides grammar words, each list holds the words every recommendation of the Working Group
uses: its addressees and modal verbs ("States parties should") and its subject ("smuggling
of migrants")."""

_SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("ations", "ation", "ments", "ment", "nesses", "ness", "ings", "ing", "ions", "ion",
           "ies", "ed", "es", "s", "e"),
    "fr": ("issements", "issement", "ations", "ation", "ements", "ement", "ences", "ence",
           "ances", "ance", "iques", "ique", "ables", "able", "ites", "ite", "euses", "euse",
           "eurs", "eur", "ions", "ion", "ives", "ive", "aux", "er", "ez", "es", "e", "s"),
    "es": ("aciones", "acion", "amientos", "amiento", "imientos", "imiento", "idades", "idad",
           "ciones", "cion", "mente", "ables", "able", "ar", "er", "ir", "es", "os", "as", "o",
           "a", "s"),
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
OPENING = 10
"""How many meaningful words make a text's opening clause: what States are asked to do."""
OPENING_WEIGHT = 2.0
"""How much more a stem of the opening clause counts."""


def stem(word: str, lang: str) -> str:
    """The stem of a folded *word*: its longest known suffix cut off, keeping at least 4 letters.

    >>> stem("sensibilisation", "fr"), stem("sensibiliser", "fr")
    ('sensibilis', 'sensibilis')
    >>> stem("collecting", "en"), stem("collection", "en")
    ('collect', 'collect')
    """
    for suffix in _SUFFIXES.get(lang, ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str, lang: str) -> list[tuple[str, str]]:
    """(stem, word as written, in lower case) for each meaningful word of *text*, in order."""
    stops = STOP_WORDS.get(lang, frozenset())
    found = []
    for word in _WORD.findall(text.lower()):
        folded = fold(word)
        if len(folded) > 2 and folded not in stops:
            found.append((stem(folded, lang), word))
    return found


@attrs.frozen
class Overlap:
    """Two recommendations whose texts say much the same thing.

    Attributes:
        first: The recommendation that comes first in the catalogue.
        second: The other one.
        score: The cosine similarity of their weighted stems, from 0 to 1.
        lang: The language the texts were compared in.
        shared: The words they share that weigh most, heaviest first.
    """

    first: Recommendation
    second: Recommendation
    score: float
    lang: str
    shared: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, str]:
        """The two recommendations' keys."""
        return self.first.key, self.second.key


def _vectors(
    recommendations: tuple[Recommendation, ...], lang: str
) -> dict[str, tuple[dict[str, float], dict[str, str]]]:
    """For each recommendation with a text in *lang*: stem weights and a word for each stem.

    A stem weighs its inverse document frequency over these texts, doubled when it is in
    the opening clause; how often a text repeats it does not matter.
    """
    positions: dict[str, dict[str, int]] = {}
    surface: dict[str, dict[str, str]] = {}
    for rec in recommendations:
        texts = {t.lang: t for t in rec.texts}
        if lang not in texts:
            continue
        first: dict[str, int] = {}
        words: dict[str, str] = {}
        for position, (word_stem, word) in enumerate(_words(texts[lang].value, lang)):
            first.setdefault(word_stem, position)
            words.setdefault(word_stem, word)
        positions[rec.key], surface[rec.key] = first, words
    frequency = Counter(s for stems in positions.values() for s in stems)
    count = len(positions)
    vectors = {}
    for key, stems in positions.items():
        weights = {
            s: math.log(count / frequency[s]) * (OPENING_WEIGHT if position < OPENING else 1.0)
            for s, position in stems.items()
        }
        vectors[key] = ({s: w for s, w in weights.items() if w > 0}, surface[key])
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(w * b[s] for s, w in a.items() if s in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def overlaps(
    catalogue: Iterable[Recommendation],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    lang: str | None = None,
) -> tuple[Overlap, ...]:
    """Pairs of recommendations (within and across meetings) whose texts say much the same thing.

    Args:
        catalogue: A catalogue, or some of its recommendations.
        threshold: The similarity (0–1) from which a pair is reported.
        lang: Compare texts in this language only; by default each pair is compared in the
            first language both have, in the order en, fr, es, then any.

    Returns:
        The pairs at or above *threshold*, most similar first.

    Raises:
        InvalidDataError: *threshold* is not between 0 and 1.
    """
    if not 0 <= threshold <= 1:
        raise InvalidDataError(f"threshold: {threshold!r} is not between 0 and 1")
    recommendations = tuple(catalogue)
    languages = sorted({t.lang for r in recommendations for t in r.texts})
    order = (
        [lang] if lang else [*FALLBACK_ORDER, *(x for x in languages if x not in FALLBACK_ORDER)]
    )
    vectors = {code: _vectors(recommendations, code) for code in order if code in languages}
    found = []
    for first, second in itertools.combinations(recommendations, 2):
        common = next(
            (
                code
                for code in order
                if code in vectors and first.key in vectors[code] and second.key in vectors[code]
            ),
            None,
        )
        if common is None:
            continue
        (a, words_a), (b, _) = vectors[common][first.key], vectors[common][second.key]
        score = _cosine(a, b)
        if score >= threshold:
            shared = sorted((s for s in a if s in b), key=lambda s: -(a[s] * b[s]))
            found.append(
                Overlap(
                    first, second, round(score, 3), common, tuple(words_a[s] for s in shared[:6])
                )
            )
    return tuple(sorted(found, key=lambda o: -o.score))


SUGGESTION_THRESHOLD = 0.11
"""The confidence (0–1) from which a topic is suggested for a recommendation.

Tuned by :func:`leave_one_out` on the 18 built-in recommendations, whose topics are known:
each in turn is taken out, its topics suggested from the 17 others, and the suggestions
compared with its own; at 0.11, with at most 2 suggestions, 11 of 16 suggestions are
right (precision 0.69) and 11 of the 26 topics found (recall 0.42): the best F1 (0.52)
of the thresholds 0.00–0.39 (see docs/overlaps.md). At 0.05, the threshold before it,
15 of 34 were right."""

SUGGESTION_MOST = 2
"""At most this many topics are suggested for a recommendation."""


def topic_scores(
    catalogue: Iterable[Recommendation], recommendation: Recommendation
) -> dict[str, float]:
    """The confidence (0–1) that *recommendation* is about each topic, from its text alone.

    Each topic of the vocabulary is described, in the recommendation's language, by its
    label and by the texts and short titles of the catalogue's recommendations tagged with
    it (the recommendation itself left out); the recommendation's text is compared with
    each description by the similarity :func:`overlaps` uses (weighted stems, cosine).
    """
    text = recommendation.texts[0]
    lang = text.lang
    tagged = [r for r in catalogue if r.topics and r.key != recommendation.key]
    descriptions: dict[str, list[str]] = {
        tag: [labels.get(lang, "")] for tag, labels in TOPICS.items()
    }
    for rec in tagged:
        own = {t.lang: t.value for t in (*rec.texts, *rec.titles)}
        words = [t.value for t in (*rec.texts, *rec.titles) if t.lang == lang]
        for tag in rec.topics:
            descriptions.setdefault(tag, [TOPICS.get(tag, {}).get(lang, "")])
            descriptions[tag].extend(words or [own.get(lang, "")])
    documents = {tag: " ".join(parts) for tag, parts in descriptions.items()}
    stems = {tag: {s for s, _ in _words(body, lang)} for tag, body in documents.items()}
    mine = {s for s, _ in _words(text.value, lang)}
    frequency = Counter(s for found in [*stems.values(), mine] for s in found)
    count = len(stems) + 1

    def vector(found: set[str]) -> dict[str, float]:
        return {s: math.log(count / frequency[s]) for s in found if frequency[s] < count}

    target = vector(mine)
    return {tag: _cosine(target, vector(found)) for tag, found in stems.items()}


def suggest_topics(
    catalogue: Iterable[Recommendation],
    recommendation: Recommendation,
    *,
    most: int = SUGGESTION_MOST,
    threshold: float = SUGGESTION_THRESHOLD,
) -> tuple[SuggestedTopic, ...]:
    """The topics a new recommendation is most likely about (editorial suggestions), ranked.

    The *most* topics of highest confidence (:func:`topic_scores`) at or above *threshold*,
    most likely first, each with its confidence (rounded to 3 decimals).

    >>> from smomtrack import builtin_catalogue
    >>> catalogue = builtin_catalogue()
    >>> [str(s) for s in suggest_topics(catalogue, catalogue.recommendation("SOM7-10"))]
    ['digital-evidence (0.11)']
    """
    scores = topic_scores(catalogue, recommendation)
    ranked = sorted((t for t in scores if scores[t] >= threshold), key=lambda t: (-scores[t], t))
    return tuple(SuggestedTopic(tag, round(scores[tag], 3)) for tag in ranked[:most])


@attrs.frozen
class TopicTrial:
    """How well topics are suggested at a threshold, leaving each recommendation out in turn.

    Attributes:
        threshold: The confidence from which a topic is suggested.
        suggested: How many topics were suggested in all.
        right: How many of them the recommendation has.
        expected: How many topics the recommendations have in all.
    """

    threshold: float
    suggested: int
    right: int
    expected: int

    @property
    def precision(self) -> float:
        """The share of suggestions that are right."""
        return self.right / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        """The share of the recommendations' topics that are suggested."""
        return self.right / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def leave_one_out(
    catalogue: Iterable[Recommendation],
    thresholds: Iterable[float],
    *,
    most: int = SUGGESTION_MOST,
) -> tuple[TopicTrial, ...]:
    """For each threshold, how the tagged recommendations' own topics are found again.

    Each tagged recommendation is taken out in turn and its topics are suggested from the
    others' (:func:`topic_scores`); the suggestions are compared with its topics.
    """
    recommendations = list(catalogue)
    tagged = [r for r in recommendations if r.topics]
    scores = {r.key: topic_scores(recommendations, r) for r in tagged}
    trials = []
    for threshold in thresholds:
        suggested = right = expected = 0
        for rec in tagged:
            own = scores[rec.key]
            ranked = sorted((t for t in own if own[t] >= threshold), key=lambda t: (-own[t], t))
            chosen = ranked[:most]
            suggested += len(chosen)
            right += len(set(chosen) & set(rec.topics))
            expected += len(rec.topics)
        trials.append(TopicTrial(round(threshold, 3), suggested, right, expected))
    return tuple(trials)
