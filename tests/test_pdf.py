"""UN documents as published (issue 13): PDF files, footnotes, paragraph-numbered reports."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smomtrack import builtin_catalogue, compile_by_topic, parse_agenda, parse_report
from smomtrack._interchange.pdf_text import pdf_text
from smomtrack.cli import main
from smomtrack.exceptions import (
    InvalidDataError,
    MissingExtraError,
    SmomtrackError,
    SmomtrackWarning,
    StorageError,
)
from smomtrack.records import Modality
from tests.un_pdf import Footnoted, Heading, Para, from_markdown, un_pdf

DATA = Path(__file__).parent / "data"
SEED_REPORT = (DATA / "recommendations-7th-meeting-2020.fr.md").read_text(encoding="utf-8")
SEED_AGENDA = (DATA / "agenda-8th-meeting-2021.fr.md").read_text(encoding="utf-8")
ANNEX = "Projet d'organisation des travaux"


@pytest.fixture(scope="module")
def folder() -> Path:
    return Path(tempfile.mkdtemp())


class TestSeedsAsPublished:
    def test_the_seventh_report_from_its_pdf(self, folder: Path) -> None:
        """Every official text of the 7th meeting's report, read back verbatim from a PDF."""
        path = un_pdf(
            folder / "rapport.pdf",
            from_markdown(SEED_REPORT),
            symbol="CTOC/COP/WG.7/2020/L.1/Add.1",
            job="V.20-04826",
        )
        text = pdf_text(path)
        assert "V.20-04826" in text  # the page furniture is in the PDF's text…
        parsed = parse_report(path, meeting="SOM7")
        assert parsed.warnings == ()  # …and nowhere in what is read
        catalogue = builtin_catalogue()
        assert [r.text("fr") for r in parsed.recommendations] == [r.text("fr") for r in catalogue]
        assert [t.title("fr") for t in parsed.themes] == [
            t.title("fr") for t in catalogue.themes("SOM7")
        ]

    def test_the_eighth_agenda_from_its_pdf(self, folder: Path) -> None:
        """The 8th meeting's annotated agenda read from its PDF is the built-in meeting."""
        path = un_pdf(
            folder / "ordre-du-jour.pdf",
            from_markdown(SEED_AGENDA, table_after=ANNEX),
            symbol="CTOC/COP/WG.7/2021/1",
            job="V.21-05877",
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error", SmomtrackWarning)  # nothing is missing
            meeting = parse_agenda(path, meeting="SOM8")
        assert meeting == builtin_catalogue().meeting("SOM8")
        annotation = meeting.agenda_item("1 a)").annotation("fr")
        assert annotation is not None
        assert "page Web de la réunion." in annotation.value

    def test_an_agenda_as_plain_text(self) -> None:
        """Without Markdown, the annex's columns separated by spaces: the same meeting."""
        lines = []
        for line in SEED_AGENDA.splitlines():
            plain = re.sub(r"</?[a-z]+>|\*", "", line).lstrip("#").strip().removeprefix("- ")
            lines.append("   ".join(plain.split("\t")))
        text = "\n".join(lines)
        assert "\t" not in text
        with warnings.catch_warnings():
            warnings.simplefilter("error", SmomtrackWarning)
            meeting = parse_agenda(text, meeting="SOM8")
        built_in = builtin_catalogue().meeting("SOM8")
        assert meeting.sessions == built_in.sessions
        assert [i.number for i in meeting.all_agenda_items()] == [
            i.number for i in built_in.all_agenda_items()
        ]
        assert [bool(i.annotations) for i in meeting.all_agenda_items()] == [
            bool(i.annotations) for i in built_in.all_agenda_items()
        ]

    def test_a_part_not_found_is_said(self) -> None:
        """An agenda without its annex: a warning with the line, never a silent empty part."""
        text = SEED_AGENDA[: SEED_AGENDA.index("## Annexe")]
        with pytest.warns(SmomtrackWarning, match=r"line \d+: no session of the organization"):
            meeting = parse_agenda(text, meeting="SOM8")
        assert meeting.sessions == ()


REPORTS = {
    "en": (
        "Recommendations adopted by the Working Group",
        "Smuggling of migrants by sea",
        "General recommendations",
        (
            "States parties should make better use of the Protocol as a basis for cooperation"
            " at sea, including by designating the authorities competent to receive and answer"
            " requests for boarding vessels."
        ),
        (
            "States parties are encouraged to share information on vessels and routes used by"
            " smugglers with the States concerned."
        ),
        "Prosecution",
        "States should consider establishing specialized units to prosecute smuggling.",
    ),
    "fr": (
        "Recommandations adoptées par le Groupe de travail",
        "Trafic illicite de migrants par mer",
        "Recommandations générales",
        (
            "Les États parties devraient mieux utiliser le Protocole comme base de coopération en"
            " mer, notamment en désignant les autorités compétentes pour recevoir les demandes"
            " d'arraisonnement des navires et y répondre."
        ),
        (
            "Les États parties sont encouragés à échanger des informations sur les navires et les"
            " itinéraires utilisés par les passeurs avec les États concernés."
        ),
        "Poursuites",
        (
            "Les États devraient envisager de créer des unités spécialisées pour poursuivre le"
            " trafic illicite de migrants."
        ),
    ),
    "es": (
        "Recomendaciones aprobadas por el Grupo de Trabajo",
        "Tráfico ilícito de migrantes por mar",
        "Recomendaciones generales",
        (
            "Los Estados partes deberían aprovechar mejor el Protocolo como base para la"
            " cooperación en el mar, en particular designando las autoridades competentes para"
            " recibir y responder las solicitudes de visita de buques en la ruta marítima."
        ),
        (
            "Se alienta a los Estados partes a intercambiar información sobre los buques y las"
            " rutas que utilizan los traficantes con los Estados interesados."
        ),
        "Enjuiciamiento",
        (
            "Los Estados deberían considerar la posibilidad de crear unidades especializadas"
            " para enjuiciar el tráfico ilícito de migrantes."
        ),
    ),
}


class TestParagraphNumberedReports:
    @pytest.mark.parametrize("lang", ["en", "fr", "es"])
    def test_from_a_pdf(self, folder: Path, lang: str) -> None:
        """Lettered themes, numbered sub-headings, recommendations keyed by paragraph."""
        adopted, sea, general, first, second, prosecution, third = REPORTS[lang]
        glued = first.replace("marítima.", "marítima1.")
        blocks: list[Heading | Para | Footnoted] = [
            Heading(f"II. {adopted}"),
            Para("1. Introductory paragraph of the chapter, read as such."),
            Heading(f"A. {sea}"),
            Heading(f"1. {general}"),
            Footnoted(f"3. {glued}", 1, "Véase la resolución 5/3.")
            if lang == "es"
            else Para(f"3. {first}"),
            Para(f"4. {second}"),
            Heading(f"B. {prosecution}"),
            Para(f"5. {third}"),
            Heading("III. Organizational matters"),
            Para("6. The meeting was opened by the Chair."),
        ]
        path = un_pdf(folder / f"report-{lang}.pdf", blocks, symbol="CTOC/COP/WG.7/2017/4",
                      job="V.17-01234")  # fmt: skip
        parsed = parse_report(path, meeting="SOM3", document="CTOC/COP/WG.7/2017/4")
        assert parsed.lang == lang
        assert [(t.key, t.section, t.title(lang).value) for t in parsed.themes] == [
            ("SOM3-A", "II.A", sea),
            ("SOM3-B", "II.B", prosecution),
        ]
        recs = parsed.recommendations
        assert [r.key for r in recs] == ["SOM3-3", "SOM3-4", "SOM3-5"]
        assert [r.text(lang).value for r in recs] == [first, second, third]  # verbatim
        assert [r.heading[0].value if r.heading else None for r in recs] == [
            general, general, None,
        ]  # fmt: skip
        assert str(recs[0].source) == ("SOM3, section II.A, para. 3, CTOC/COP/WG.7/2017/4, page 1")
        assert [r.modality for r in recs] == [
            Modality.SHOULD,
            Modality.ENCOURAGED,
            Modality.SHOULD_CONSIDER,
        ]
        assert [w.message.split(" ")[0] for w in parsed.warnings] == ["paragraph"]
        assert "Véase" not in " ".join(r.text(lang).value for r in recs)

    def test_suggested_topics_in_the_compilation(self, folder: Path) -> None:
        """New recommendations get suggested topics; the compilation puts them there."""
        parsed = parse_report(folder / "report-en.pdf", meeting="SOM3")
        catalogue = builtin_catalogue().with_report(parsed)
        new = [r for r in catalogue if r.meeting == "SOM3"]
        suggested = {r.key for r in new if r.suggested_topics}
        assert suggested  # those above the threshold only
        assert not any(r.topics for r in new)  # suggestions are not tags: to be confirmed
        records = compile_by_topic(catalogue).to_records()
        placed = {r["recommendation"] for r in records if r["suggested"]}
        assert placed == suggested
        assert "topic suggested, to confirm" in compile_by_topic(catalogue).render("markdown")


class TestRefusals:
    def test_not_a_pdf_and_missing(self, tmp_path: Path) -> None:
        """A file that is not a PDF, or is missing, is refused clearly."""
        fake = tmp_path / "r.pdf"
        fake.write_text("not a pdf")
        with pytest.raises(InvalidDataError, match="not a readable PDF"):
            parse_report(fake, meeting="SOM9")
        with pytest.raises(StorageError):
            parse_report(tmp_path / "missing.pdf", meeting="SOM9")

    def test_one_line_said_not_pypdfs(self, tmp_path: Path) -> None:
        """ingest of a file that is no PDF says one line in the user's language, nothing of pypdf's."""
        fake = tmp_path / "r.pdf"
        fake.write_text("hello")
        done = subprocess.run(
            [sys.executable, "-m", "smomtrack", "ingest", str(fake), "--meeting", "SOM9",
             "-o", str(tmp_path / "c.json")],
            capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
            env={**os.environ, "LANGUAGE": "fr", "LC_ALL": "", "LANG": "fr_FR.UTF-8"},
        )  # fmt: skip
        assert done.returncode == 2
        said = f"smomtrack: erreur\u00a0: {fake}\u00a0: pas un fichier PDF lisible"
        assert done.stderr.splitlines() == [f"{said} (endommagé, chiffré, ou pas un PDF)"]
        assert not (tmp_path / "c.json").exists()

    def test_pypdf_logging_left_as_it_was(self, tmp_path: Path) -> None:
        """Reading quiets pypdf only while it reads: a program's own setting is kept."""
        fake = tmp_path / "r.pdf"
        fake.write_text("hello")
        logger = logging.getLogger("pypdf")
        logger.setLevel(logging.INFO)
        try:
            with pytest.raises(InvalidDataError):
                pdf_text(fake)
            assert logger.level == logging.INFO
        finally:
            logger.setLevel(logging.NOTSET)

    def test_missing_extra(self, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
        """Without pypdf, the error names the extra."""
        monkeypatch.setitem(sys.modules, "pypdf", None)  # not installed
        with pytest.raises(MissingExtraError, match=r"smomtrack\[pdf\]"):
            pdf_text(folder / "report-en.pdf")

    @settings(max_examples=int(os.environ.get("SMOMTRACK_FUZZ_EXAMPLES", "30")), deadline=None)
    @given(st.binary(max_size=1500))
    def test_any_bytes(self, data: bytes) -> None:
        """Fuzz: any bytes named .pdf give text or an error of smomtrack's own."""
        path = Path(tempfile.gettempdir()) / f"smomtrack-fuzz-{os.getpid()}.pdf"
        path.write_bytes(b"%PDF-1.4\n" + data)
        try:
            pdf_text(path)
        except SmomtrackError:
            pass
        finally:
            path.unlink()


class TestIngest:
    def test_ingest_a_pdf_says_what_it_read_first(
        self, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """ingest reads the PDF and prints themes, recommendations, topics, warnings, then writes."""
        target = tmp_path / "catalogue.json"
        status = main(["ingest", str(folder / "report-fr.pdf"), "--meeting", "SOM3",
                       "-o", str(target)])  # fmt: skip
        assert status == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].endswith("2 themes and 3 recommendations of SOM3 (fr)")
        assert any("topics suggested" in line for line in lines)
        assert any("paragraph 1 comes before" in line for line in lines)
        assert lines[-1] == f"{target}: a catalogue of 21 recommendations"


class TestMadeUpReportsAsPdf:
    @pytest.mark.parametrize("lang", ["en", "es"])
    def test_the_same_recommendations_as_from_the_text(self, tmp_path: Path, lang: str) -> None:
        """A made-up report with "Recommendation N" headings and words hyphenated at line
        ends, laid out as a PDF, gives the recommendations its text gives, verbatim."""
        text = (DATA / f"report-recommendations.{lang}.txt").read_text(encoding="utf-8")
        assert "-\n" in text  # words hyphenated at line ends, kept in the PDF's lines
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        furniture = re.compile(r"^(CTOC/|V\.00-)")
        blocks = [Para(p.strip()) for p in paragraphs if not furniture.match(p.strip())]
        path = un_pdf(tmp_path / "r.pdf", blocks, symbol="CTOC/COP/WG.7/XXXX/X",
                      job="V.00-00000")  # fmt: skip
        from_text = parse_report(text, meeting="SOM9")
        from_pdf = parse_report(path, meeting="SOM9")
        assert [r.text(lang) for r in from_pdf.recommendations] == [
            r.text(lang) for r in from_text.recommendations
        ]
        assert [t.title(lang) for t in from_pdf.themes] == [t.title(lang) for t in from_text.themes]
