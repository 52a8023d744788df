"""Parsing the recommendations section of Working Group reports."""

from __future__ import annotations

import contextlib
import random
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import (
    Catalogue,
    SmomtrackError,
    Tracker,
    builtin_catalogue,
    from_json,
    parse_report,
    to_json,
)
from smomtrack._interchange.plain_text import clean_lines, join_paragraphs
from smomtrack.exceptions import ConflictError, InvalidDataError
from smomtrack.records import Addressee, Modality

DATA = Path(__file__).parent / "data"
SEED = (DATA / "recommendations-7th-meeting-2020.fr.md").read_text(encoding="utf-8")


def pdf_style(markdown: str, width: int = 62, seed: int = 3) -> str:
    """The seed as text out of a PDF: no markup, wrapped, hyphenated, with page furniture."""
    generator = random.Random(seed)  # noqa: S311 (reproducible test text, not cryptography)
    plain = [line.replace("*", "").replace("#", "").strip() for line in markdown.splitlines()]
    out: list[str] = ["CTOC/COP/WG.7/XXXX/X", ""]
    for number, line in enumerate(plain):
        if number % 25 == 24:  # a page break: footer, header, stray blank lines
            out += ["", "V.00-00000", f"{number // 25 + 1}/5", "", "CTOC/COP/WG.7/XXXX/X", ""]
        if line.startswith("Recommandation ") or not line:
            out.append(line)
            continue
        for wrapped in textwrap.wrap(line, width=width + generator.randint(-8, 8)):
            words = wrapped.split(" ")
            last = words[-1]
            if len(last) > 8 and last.isalpha() and generator.random() < 0.5:
                cut = len(last) // 2  # hyphenate the last word across the line end
                out.append(" ".join([*words[:-1], last[:cut] + "-"]))
                out.append(last[cut:])
            else:
                out.append(wrapped)
    return "\n".join(out)


class TestSeed:
    def test_markdown_seed_gives_the_builtin_recommendations(self, catalogue: Catalogue) -> None:
        """Parsing the seed gives back exactly the built-in SOM7 themes and recommendations."""
        parsed = parse_report(SEED, meeting="SOM7")
        assert parsed.lang == "fr"
        assert parsed.warnings == ()
        assert [t.key for t in parsed.themes] == ["SOM7-B", "SOM7-C"]
        for theme in parsed.themes:
            assert theme.title("fr") == catalogue.theme(theme.key).title("fr")
            assert theme.section == catalogue.theme(theme.key).section
        assert len(parsed.recommendations) == 18
        for rec in parsed.recommendations:
            builtin = catalogue.recommendation(rec.key)
            assert rec.text("fr") == builtin.text("fr")
            assert (rec.addressee, rec.modality, rec.theme) == (
                builtin.addressee,
                builtin.modality,
                builtin.theme,
            )
            assert (rec.source.meeting, rec.source.section) == (
                builtin.source.meeting,
                builtin.source.section,
            )  # the document itself is named by the built-in data, not by a text

    @pytest.mark.parametrize("seed", [1, 2, 3])
    def test_pdf_rendering_of_the_seed(self, catalogue: Catalogue, seed: int) -> None:
        """The same result from a PDF-style text: wrapped, hyphenated, with page furniture."""
        text = pdf_style(SEED, seed=seed)
        assert "-\n" in text
        assert "V.00-00000" in text
        parsed = parse_report(text, meeting="SOM7", lang="fr")
        assert parsed.warnings == ()
        assert [r.text("fr") for r in parsed.recommendations] == [r.text("fr") for r in catalogue]
        assert [t.title("fr") for t in parsed.themes] == [t.title("fr") for t in catalogue.themes()]


class TestOtherLanguages:
    def test_english(self) -> None:
        """A made-up English report in PDF style: themes, texts, addressees, modalities, citations."""
        parsed = parse_report(
            (DATA / "report-recommendations.en.txt").read_text(),
            meeting="som9",
            document="CTOC/COP/WG.7/XXXX/X",
        )
        assert parsed.lang == "en"
        assert [(t.key, t.section) for t in parsed.themes] == [
            ("SOM9-B", "II.B"),
            ("SOM9-C", "II.C"),
        ]
        assert (
            parsed.themes[0].title("en").value
            == "Recommendations on cooperation with the private sector to prevent and counter the smuggling of migrants"
        )
        recs = parsed.recommendations
        assert [(r.key, r.theme) for r in recs] == [
            ("SOM9-1", "SOM9-B"),
            ("SOM9-2", "SOM9-B"),
            ("SOM9-3", "SOM9-B"),
            ("SOM9-4", "SOM9-C"),
            ("SOM9-5", "SOM9-C"),
        ]
        assert [r.modality for r in recs] == [
            Modality.SHOULD,
            Modality.ENCOURAGED,
            Modality.SHOULD_CONSIDER,
            Modality.SHOULD,
            Modality.SHOULD,
        ]
        assert [r.addressee for r in recs] == [Addressee.STATES_PARTIES] * 3 + [
            Addressee.STATES,
            Addressee.STATES_PARTIES,
        ]
        assert (
            recs[0]
            .text("en")
            .value.startswith(
                "States parties should establish channels of dialogue with internet service"
            )
        )
        assert "use of COVID-19 related travel data" in recs[4].text("en").value
        assert recs[0].source.document == "CTOC/COP/WG.7/XXXX/X"
        assert parsed.warnings == ()

    def test_spanish(self) -> None:
        """A made-up Spanish report: "Recomendación", "Se alienta a", "deberían considerar"."""
        parsed = parse_report((DATA / "report-recommendations.es.txt").read_text(), meeting="SOM9")
        assert parsed.lang == "es"
        recs = parsed.recommendations
        assert [r.modality for r in recs] == [
            Modality.SHOULD,
            Modality.ENCOURAGED,
            Modality.SHOULD_CONSIDER,
            Modality.SHOULD,
        ]
        assert recs[3].addressee is Addressee.STATES
        assert recs[0].text("es").value == (
            "Los Estados partes deberían establecer canales de diálogo con los proveedores de servicios"
            " de internet y las empresas de medios sociales para detectar y eliminar los contenidos que"
            " anuncian servicios de tráfico ilícito."
        )
        assert (
            parsed.themes[1].title("es").value
            == "Recomendaciones relativas a los procedimientos nacionales de investigación"
        )

    def test_language_can_be_forced(self) -> None:
        """With lang given, only headings in that language count."""
        with pytest.raises(InvalidDataError, match="no recommendations found"):
            parse_report(SEED, meeting="SOM7", lang="en")


class TestWarnings:
    def test_gap_repeat_orphan_empty_and_unrecognised(self) -> None:
        """Every problem is a warning with its line; nothing is dropped silently."""
        text = "Recommendation 1\nStates parties should act.\nB. Recommendations on something\nRecommendation 2\nStates parties should do more.\nRecommendation 4\nThe Working Group invites everyone to reflect.\nRecommendation 4\nStates parties should repeat.\nRecommendation 5\n"
        parsed = parse_report(text, meeting="SOM9")
        assert [(w.line, w.message.split(":")[0].split(";")[0]) for w in parsed.warnings] == [
            (1, "recommendation 1 is outside any section (B., C.…)"),
            (6, "recommendation 3 is missing"),
            (6, "recommendation 4"),
            (8, "recommendation 4 appears again"),
            (10, "recommendation 5 has no text"),
        ]
        assert [r.number for r in parsed.recommendations] == [2, 4]
        assert parsed.recommendations[1].modality is None
        assert str(parsed.warnings[0]).startswith("line 1: ")

    def test_no_recommendations(self) -> None:
        """Text without any recommendation is an error."""
        with pytest.raises(InvalidDataError, match="no recommendations found"):
            parse_report("Just some text.\nNothing else.", meeting="SOM9")

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"meeting": "nine"}, "not a meeting key"),
            ({"meeting": "SOM9", "lang": "de"}, "'de' is not one of"),
        ],
    )
    def test_bad_arguments(self, kwargs: dict[str, str], message: str) -> None:
        """A bad meeting key or language is refused."""
        with pytest.raises(InvalidDataError, match=message):
            parse_report("Recommendation 1\nStates should act.", **kwargs)

    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "Recommendation 3",
                    "Recomendación 2",
                    "B. Recommendations on x",
                    "II. Recommendations",
                    "States parties should",
                    "-",
                    "V.20-04785",
                    "3/5",
                    "",
                    "word-",
                    "lower",
                    "**bold**",
                    "# h",
                ]
            )
            | st.text(),
            max_size=30,
        ).map(lambda parts: "\n".join(map(str, parts)))
    )
    def test_never_crashes(self, text: str) -> None:
        """Any text gives a result or smomtrack's own error."""
        with contextlib.suppress(SmomtrackError):
            parse_report(text, meeting="SOM9")


class TestCatalogue:
    def test_with_report_adds_a_meeting(self, catalogue: Catalogue) -> None:
        """A parsed report extends a new catalogue; the built-in one is unchanged; storage keeps it."""
        parsed = parse_report((DATA / "report-recommendations.en.txt").read_text(), meeting="SOM9")
        extended = catalogue.with_report(parsed)
        assert len(extended) == 23
        assert len(catalogue) == 18
        assert len(builtin_catalogue()) == 18
        assert extended.meeting("SOM9").ordinal == 9
        assert extended.meeting("SOM9").start is None  # never invented
        tracker = Tracker(extended, ["MEX"])
        tracker.record("MEX", "SOM9-2", "planned", as_of="2023-01-01")
        assert from_json(to_json(tracker)) == tracker

    def test_conflicts(self, catalogue: Catalogue) -> None:
        """Adding what is already there with other content is a conflict."""
        with pytest.raises(ConflictError):
            catalogue.with_report(parse_report(SEED, meeting="SOM7"))


class TestPlainText:
    def test_clean_lines(self) -> None:
        """Markup, furniture and footnotes go; hyphenated words are joined back."""
        lines = clean_lines(
            "## **Title**\nCTOC/COP/WG.7/2020/4\nré-\npression and COVID-\n19\n2/5\n<sup>1</sup> www.unodc.org\n"
        )
        assert [(line.text, line.heading) for line in lines if line.text] == [
            ("Title", True),
            ("répression and COVID-19", False),
        ]

    def test_paragraphs_across_page_breaks(self) -> None:
        """A paragraph cut by a page break mid-sentence is joined back."""
        lines = clean_lines(
            "First paragraph ends here.\n\nSecond one runs\n\nonto the next page.\n"
        )
        assert join_paragraphs(lines) == [
            "First paragraph ends here.",
            "Second one runs onto the next page.",
        ]
