"""The built-in catalogue against the source documents kept in tests/data/.

Every official text must be the source's text character for character once
Markdown is removed; nothing the sources do not give (symbols, dates) may appear.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from smomtrack import Catalogue
from smomtrack._vocabulary.topics import TOPICS
from smomtrack.records import Addressee, DocumentKind, MeetingFormat, Modality

DATA = Path(__file__).parent / "data"
AGENDA_URL = "https://www.unodc.org/unodc/en/treaties/CTOC/working-group-on-the-smuggling-of-migrants-2021.html"
SEED_URL = "https://www.unodc.org/unodc/en/treaties/CTOC/working-group-on-the-smuggling-of-migrants-2020.html"
RECOMMENDATIONS_SOURCE = (DATA / "recommendations-7th-meeting-2020.fr.md").read_text(
    encoding="utf-8"
)
AGENDA_SOURCE = (DATA / "agenda-8th-meeting-2021.fr.md").read_text(encoding="utf-8")
TOPICS_SOURCE = (DATA / "som7-2020-topics.en.md").read_text(encoding="utf-8")


def without_markdown(line: str) -> str:
    """A line of the source without heading marks, emphasis, HTML tags and footnote marks."""
    line = re.sub(r"<sup>\d+</sup>", "", line)
    line = re.sub(r"</?[a-z]+>", "", line)
    return line.lstrip("#").replace("**", "").replace("*", "").strip()


def source_recommendations() -> dict[int, str]:
    """Recommendation texts read independently from the seed: the lines under each heading."""
    texts: dict[int, list[str]] = {}
    current: int | None = None
    for raw in RECOMMENDATIONS_SOURCE.splitlines():
        line = without_markdown(raw)
        heading = re.fullmatch(r"Recommandation (\d+)", line)
        if heading:
            current = int(heading[1])
            texts[current] = []
        elif re.fullmatch(r"[A-Z]\. .*", line):
            current = None
        elif current is not None and line:
            texts[current].append(line)
    return {n: " ".join(lines) for n, lines in texts.items()}


def _official_texts(value: object) -> Iterator[tuple[str, str | None]]:
    """Every official text of a catalogue's JSON document, with its source."""
    if isinstance(value, dict):
        if value.get("official") is True and "value" in value:
            yield value["value"], value.get("source")
        for item in value.values():
            yield from _official_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _official_texts(item)


def flat(text: str) -> str:
    """The source as one line: Markdown, footnotes and line breaks removed."""
    lines = [without_markdown(line) for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("[www.")]
    return " ".join(lines)


class TestSeventhMeeting:
    def test_eighteen_recommendations(self, catalogue: Catalogue) -> None:
        """The source has recommendations 1–18 and so does the catalogue."""
        assert sorted(source_recommendations()) == list(range(1, 19))
        assert [r.key for r in catalogue.recommendations(meeting="SOM7")] == [
            f"SOM7-{n}" for n in range(1, 19)
        ]

    @pytest.mark.parametrize("number", range(1, 19))
    def test_text_is_verbatim(self, catalogue: Catalogue, number: int) -> None:
        """Each French text is the source's, character for character, and marked official."""
        text = catalogue.recommendation(f"SOM7-{number}").text("fr")
        assert text.lang == "fr"
        assert text.official
        assert text.value == source_recommendations()[number]

    def test_titles_are_editorial(self, catalogue: Catalogue) -> None:
        """Short titles exist in English and French and are never marked official."""
        for rec in catalogue:
            assert {t.lang for t in rec.titles} >= {"en", "fr"}
            assert not any(t.official for t in rec.titles)

    def test_themes(self, catalogue: Catalogue) -> None:
        """Each text says what it is: the report's French heading (official), a working
        translation (editorial), the background paper's title from the meeting page (the
        subject, official); each with where it comes from."""
        flattened = flat(RECOMMENDATIONS_SOURCE)
        for theme, letter in zip(catalogue.themes("SOM7"), "BC", strict=True):
            french = theme.title("fr")
            assert french.official
            assert f"{letter}. {french.value}" in flattened
            assert french.source is not None
            assert f"section II.{letter}" in french.source
            english = theme.title("en")
            assert not english.official
            assert english.source is not None
            assert "working translation" in english.source
            (subject,) = theme.subject
            assert subject.official
            assert subject.lang == "en"
            assert subject.value in TOPICS_SOURCE
            assert subject.source is not None
            assert "background paper" in subject.source

    def test_addressee_and_modality_follow_the_text(self, catalogue: Catalogue) -> None:
        """Addressee and modality are what each text says."""
        for rec in catalogue.recommendations(meeting="SOM7"):
            text = rec.text("fr").value
            if text.startswith("Les États parties"):
                assert rec.addressee is Addressee.STATES_PARTIES
            else:
                assert text.startswith("Les États devraient")
                assert rec.addressee is Addressee.STATES
            if "sont encouragés à" in text:
                assert rec.modality is Modality.ENCOURAGED
            elif "devraient envisager de" in text:
                assert rec.modality is Modality.SHOULD_CONSIDER
            else:
                assert rec.modality is Modality.SHOULD

    def test_topics_come_from_the_vocabulary(self, catalogue: Catalogue) -> None:
        """Every recommendation has topic tags, all from the documented vocabulary."""
        for rec in catalogue:
            assert rec.topics
            assert set(rec.topics) <= set(TOPICS)

    def test_citations(self, catalogue: Catalogue) -> None:
        """Citations name the document as the seed gives it, and no invented symbol."""
        for rec in catalogue:
            assert rec.source.meeting == "SOM7"
            assert rec.source.section == f"II.{rec.theme[-1]}"
            assert rec.source.document is None  # the seed gives no symbol
            assert rec.source.names_document
            assert rec.source.title == "Projet de rapport. Additif"
            assert rec.source.issued == dt.date(2020, 9, 9)
            assert (rec.source.lang, rec.source.original) == ("fr", "en")
            assert rec.source.url == SEED_URL
            assert "9 septembre 2020" in RECOMMENDATIONS_SOURCE
            assert SEED_URL in TOPICS_SOURCE  # the meeting's page, as the sources give it
            assert str(rec.source) == (
                f"SOM7, section {rec.source.section}, Projet de rapport. Additif, 2020-09-09"
            )

    def test_every_official_text_names_its_document(self, catalogue: Catalogue) -> None:
        """Each official text of the built-in catalogue says which document it is from."""
        documents = (
            "addendum to the draft report of the seventh meeting",
            "annotated provisional agenda of the eighth meeting",
            "background paper",
            "UNODC page of the meeting",
        )
        data = resources.files("smomtrack").joinpath("data", "catalogue.json")
        texts = list(_official_texts(json.loads(data.read_text(encoding="utf-8"))))
        assert len(texts) == 40
        for rec in catalogue:  # as the API gives them
            source = rec.text("fr").source
            assert source is not None
            assert source.startswith(f"recommendation {rec.number}, section II.")
        for value, source in texts:
            assert source is not None, value
            assert any(document in source for document in documents), (value, source)
        sources = [source for _, source in texts if source is not None]
        from_report = [s for s in sources if documents[0] in s]
        assert len(from_report) == 18 + 2  # the 18 recommendations and the 2 section titles
        for source in from_report:
            assert "9 September 2020" in source
            assert "French version (original: English)" in source
            assert SEED_URL in source
        from_agenda = [s for s in sources if documents[1] in s]
        assert from_agenda
        for source in from_agenda:
            assert "12 August 2021" in source
            assert "no symbol given" in source  # the seed gives none: none is invented
            assert AGENDA_URL.removeprefix("https://") in source  # the seed's footnote 1
        assert AGENDA_URL.removeprefix("https://") in AGENDA_SOURCE

    def test_meeting(self, catalogue: Catalogue) -> None:
        """The 7th meeting: Vienna, 8–9 September 2020; no format or symbol invented."""
        meeting = catalogue.meeting("SOM7")
        assert (meeting.start, meeting.end) == (dt.date(2020, 9, 8), dt.date(2020, 9, 9))
        assert meeting.venue == "Vienna"
        assert meeting.format is None
        assert all(d.symbol is None for d in meeting.documents)


class TestEighthMeeting:
    def test_meeting(self, catalogue: Catalogue) -> None:
        """The 8th meeting: Vienna, 14–15 October 2021, hybrid, as the agenda says."""
        meeting = catalogue.meeting("SOM8")
        assert (meeting.start, meeting.end) == (dt.date(2021, 10, 14), dt.date(2021, 10, 15))
        assert meeting.format is MeetingFormat.HYBRID
        assert "sous forme hybride" in AGENDA_SOURCE

    def test_agenda_titles_are_verbatim(self, catalogue: Catalogue) -> None:
        """Items 1, 1 a), 1 b), 2–5 with their French titles as the agenda writes them."""
        meeting = catalogue.meeting("SOM8")
        numbers = [item.number for item in meeting.all_agenda_items()]
        assert numbers == ["1", "1 a)", "1 b)", "2", "3", "4", "5"]
        listed = AGENDA_SOURCE.split("#### Annotations")[0]
        for item in meeting.all_agenda_items():
            title = item.title("fr")
            assert title.official
            assert title.value in listed

    def test_annotations_are_verbatim(self, catalogue: Catalogue) -> None:
        """Every paragraph of every annotation is in the source, Markdown and footnotes removed."""
        flattened = flat(AGENDA_SOURCE)
        annotated = [i for i in catalogue.meeting("SOM8").all_agenda_items() if i.annotations]
        assert [i.number for i in annotated] == ["1 a)", "1 b)", "2", "3", "4", "5"]
        for item in annotated:
            annotation = item.annotation("fr")
            assert annotation is not None
            assert annotation.official
            for paragraph in annotation.value.split("\n\n"):
                assert paragraph in flattened, (item.number, paragraph[:50])

    def test_documents_with_their_symbols(self, catalogue: Catalogue) -> None:
        """The three documents with the symbols the agenda gives, under their items."""
        meeting = catalogue.meeting("SOM8")
        symbols = [d.symbol for d in meeting.documents if d.symbol]
        assert symbols == ["CTOC/COP/WG.7/2021/2", "CTOC/COP/WG.7/2021/3", "CTOC/COP/WG.7/2021/4"]
        for symbol in symbols:
            document = meeting.document(symbol)
            assert document is not None
            assert f"{document.title('fr').value} ({symbol})" in flat(AGENDA_SOURCE)
        assert meeting.document("CTOC/COP/WG.7/2021/4").kind is DocumentKind.THEMATIC_COMPILATION  # type: ignore[union-attr]
        assert meeting.agenda_item("2").documents == ("CTOC/COP/WG.7/2021/2",)
        agenda = [d for d in meeting.documents if d.kind is DocumentKind.AGENDA]
        assert [(d.symbol, d.date) for d in agenda] == [(None, dt.date(2021, 8, 12))]

    def test_organization_of_work(self, catalogue: Catalogue) -> None:
        """Four plenary sessions over two days, as in the annex."""
        sessions = catalogue.meeting("SOM8").sessions
        assert [(s.date.day, s.start.hour, s.end.hour, s.items) for s in sessions] == [
            (14, 11, 13, ("1 a)", "1 b)", "2")),
            (14, 15, 17, ("2", "3")),
            (15, 11, 13, ("3",)),
            (15, 15, 17, ("4", "5")),
        ]
        assert [s.continued for s in sessions] == [(), ("2",), ("3",), ()]
        assert "quatre séances plénières sur deux jours" in AGENDA_SOURCE
