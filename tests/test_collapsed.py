"""Report text whose white space was collapsed (copied from a web page): paragraphs found anywhere.

Issue 21: every recommendation is found where its heading or paragraph number sits inside a
line, or a warning names each one that cannot be; a title holding a recommendation's wording
is a warning, never an official title.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smomtrack import parse_report
from tests.test_pdf import REPORTS

DATA = Path(__file__).parent / "data"

SOURCES = {
    "fr": ("recommendations-7th-meeting-2020.fr.md", "SOM7"),
    "en": ("report-recommendations.en.txt", "SOM9"),
    "es": ("report-recommendations.es.txt", "SOM9"),
}


def collapsed(text: str) -> str:
    """*text* as a web page gives it when copied: no markup, no page furniture, one line."""
    lines = [
        line
        for line in text.splitlines()
        if not re.match(r"^\s*(V\.\d\d-\d{5}\b.*|CTOC/\S+)\s*$", line)
    ]
    plain = re.sub(r"(?m)^#+\s*", "", "\n".join(lines)).replace("**", "")
    plain = re.sub(r"(?<=[^\W\d_])-\n(?=[a-z])", "", plain)  # hyphenation of the printed page
    plain = re.sub(r"-\n(?=\d)", "-", plain)  # "COVID-\n19"
    return " ".join(plain.split())


class TestRecommendationHeadings:
    @pytest.mark.parametrize("lang", ["en", "fr", "es"])
    def test_every_recommendation_found_in_one_line(self, lang: str) -> None:
        """The collapsed report gives the same themes and texts as the laid-out one."""
        name, meeting = SOURCES[lang]
        text = (DATA / name).read_text(encoding="utf-8")
        flat = collapsed(text)
        assert "\n" not in flat
        laid_out = parse_report(text, meeting=meeting)
        parsed = parse_report(flat, meeting=meeting)
        assert parsed.warnings == ()
        assert [r.key for r in parsed.recommendations] == [r.key for r in laid_out.recommendations]
        assert [r.text(lang) for r in parsed.recommendations] == [
            r.text(lang) for r in laid_out.recommendations
        ]
        assert [t.title(lang) for t in parsed.themes] == [t.title(lang) for t in laid_out.themes]

    def test_a_heading_without_a_sentence_before_it(self) -> None:
        """'Recommendation 2' cut even where the text before has no final stop."""
        text = (
            "B. Recommendations on cooperation Recommendation 1 States parties should act"
            " Recommendation 2 States parties should act again."
        )
        parsed = parse_report(text, meeting="SOM9")
        assert [r.text("en").value for r in parsed.recommendations] == [
            "States parties should act",
            "States parties should act again.",
        ]


def numbered(lang: str, *, drop: int | None = None) -> str:
    """A paragraph-numbered report in *lang*, collapsed; paragraph *drop* loses its number."""
    adopted, sea, general, first, second, prosecution, third = REPORTS[lang]
    parts = [
        f"II. {adopted}",
        "1. Introductory paragraph of the chapter, read as such.",
        f"A. {sea}",
        f"1. {general}",
        f"3. {first}",
        f"4. {second}",
        f"B. {prosecution}",
        f"5. {third}",
        "III. Organizational matters",
        "6. The meeting was opened by the Chair.",
    ]
    if drop is not None:
        parts = [re.sub(rf"^{drop}\. ", "", part) for part in parts]
    return " ".join(parts)


class TestNumberedParagraphs:
    @pytest.mark.parametrize("lang", ["en", "fr", "es"])
    def test_every_paragraph_found(self, lang: str) -> None:
        """Sections, sub-headings and paragraphs cut out of one line, texts verbatim."""
        _, sea, general, first, second, prosecution, third = REPORTS[lang]
        parsed = parse_report(numbered(lang), meeting="SOM3")
        assert [w.message.split(" comes")[0] for w in parsed.warnings] == ["paragraph 1"]
        assert [(t.section, t.title(lang).value) for t in parsed.themes] == [
            ("II.A", sea),
            ("II.B", prosecution),
        ]
        recs = parsed.recommendations
        assert [r.key for r in recs] == ["SOM3-3", "SOM3-4", "SOM3-5"]
        assert [r.text(lang).value for r in recs] == [first, second, third]
        assert [r.heading[0].value if r.heading else None for r in recs] == [
            general,
            general,
            None,
        ]

    @pytest.mark.parametrize("lang", ["en", "fr", "es"])
    def test_a_lost_number_is_named(self, lang: str) -> None:
        """A paragraph whose number is lost is a warning naming it, never silently merged."""
        parsed = parse_report(numbered(lang, drop=4), meeting="SOM3")
        said = [w.message for w in parsed.warnings]
        assert any("4" in message and "missing" in message for message in said), said
        assert [r.key for r in parsed.recommendations] == ["SOM3-3", "SOM3-5"]

    @pytest.mark.parametrize("lang", ["en", "fr", "es"])
    def test_a_title_holding_wording_is_not_official(self, lang: str) -> None:
        """The theme title is read up to the wording; the wording is a warning."""
        _, sea, _general, first, *_ = REPORTS[lang]
        text = numbered(lang, drop=3).replace(f"1. {REPORTS[lang][2]} ", "")
        parsed = parse_report(text, meeting="SOM3")
        assert parsed.themes[0].title(lang).value == sea
        assert all(first not in t.title(lang).value for t in parsed.themes)
        said = " ".join(w.message for w in parsed.warnings)
        assert "wording" in said
        assert first[:40] in said  # the warning quotes the paragraph that lost its number

    def test_out_of_order_and_repeated(self) -> None:
        """Numbers out of order or repeated are warnings naming them."""
        adopted, sea, _, first, second, _, third = REPORTS["en"]
        text = f"II. {adopted} A. {sea} 4. {first} 3. {second} 4. {third}"
        said = [w.message for w in parse_report(text, meeting="SOM3").warnings]
        assert any("3" in m and "order" in m for m in said), said
        assert any("4" in m and "again" in m for m in said), said


class TestNotCut:
    def test_a_number_inside_a_sentence(self) -> None:
        """'article 6. States' inside a wrapped sentence is not a paragraph."""
        text = (
            "B. Recommendations on law Recommendation 1 States parties should criminalize"
            " smuggling as required by the Protocol and its article 6. States parties should"
            " also review penalties."
        )
        parsed = parse_report(text, meeting="SOM9")
        assert len(parsed.recommendations) == 1


class TestLongLines:
    def test_a_whole_page_pasted_as_one_line(self) -> None:
        """A megabyte on one line is read whole (each cut looks at a bounded stretch).

        Not a timed test: before the stretches were bounded this took minutes, the suite
        would show it.
        """
        base = collapsed((DATA / "report-recommendations.en.txt").read_text(encoding="utf-8"))
        text = " ".join([base] * 800)
        assert len(text) > 1_000_000
        parsed = parse_report(text, meeting="SOM9")
        assert [r.key for r in parsed.recommendations] == [f"SOM9-{n}" for n in range(1, 6)]
        assert all("appears again" in w.message or "section" in w.message for w in parsed.warnings)


class TestMissingNamed:
    def test_every_missing_number_in_each_language(self) -> None:
        """The missing numbers are listed as a sentence of each language says them."""
        text = (
            "B. Recommandations relatives à la coopération Recommandation 1 Les États parties"
            " devraient agir. Recommandation 4 Les États parties devraient agir encore."
        )
        (warning,) = parse_report(text, meeting="SOM9").warnings
        assert warning.message == "recommendations 2 and 3 are missing: 4 follows 1"
        assert "les recommandations 2 et 3 manquent" in warning.describe("fr")
        assert "2 y 3" in warning.describe("es")
