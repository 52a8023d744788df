"""PDF files made the way real UN documents are made: a LibreOffice Writer document, converted.

The recipe of the committed fixtures ``tests/data/office/*.pdf``. A document is written as
flat OpenDocument text (``.fodt``) with **real footnotes** (``text:note``: the office suite
places them at the foot of the page where they are called, under a drawn separator, in
smaller type, their markers raised), **running headers on alternate pages** (the symbol on
the right of odd pages, on the left of even ones), a first page with the **job number and
a bar code** line instead of a header, and page numbers ``n/N`` with the job number in the
footer of the other pages; then LibreOffice converts it::

    soffice --headless --convert-to pdf --outdir DIR FILE.fodt

Regenerate the committed files (LibreOffice installed) with::

    .venv/bin/python -m tests.office_pdf

The French report is the 7th meeting's addendum (the seed's texts, verbatim) with
**made-up** footnotes, a made-up chapter before and after the recommendations, and
placeholder symbol and job number (``CTOC/COP/WG.7/XXXX/X``, ``V.00-00000``): not an
official document. The English one is a made-up report that numbers its paragraphs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import attrs

__all__ = [
    "ENGLISH_NOTES",
    "FRENCH_NOTES",
    "Note",
    "english_report",
    "french_report",
    "office_pdf",
    "soffice",
]

DATA = Path(__file__).parent / "data"
OFFICE = DATA / "office"
SYMBOL = "CTOC/COP/WG.7/XXXX/X"
JOB = "V.00-00000"


@attrs.frozen
class Note:
    """A footnote called right after *after* (the first time it occurs) in a paragraph."""

    after: str
    text: str


@attrs.frozen
class Block:
    kind: str  # "title", "heading", "para"
    text: str
    notes: Sequence[Note] = ()


_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)


def _styles(lang: str, country: str) -> str:
    return f"""
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"
   style:font-family-generic="roman" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:text-properties style:font-name="Liberation Serif" fo:font-size="10pt"
    fo:language="{lang}" fo:country="{country}"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.21cm"
    fo:margin-left="1.9cm"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:margin-bottom="0.4cm"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph">
   <style:paragraph-properties fo:keep-with-next="always" fo:margin-top="0.3cm"
    fo:margin-bottom="0.2cm" fo:margin-left="1.9cm"/>
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph" style:class="extra">
   <style:paragraph-properties fo:margin-left="1.9cm" fo:text-align="start"/>
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="Furniture" style:family="paragraph">
   <style:text-properties fo:font-size="8pt"/>
  </style:style>
  <style:style style:name="FurnitureRight" style:family="paragraph"
   style:parent-style-name="Furniture">
   <style:paragraph-properties fo:text-align="end"/>
  </style:style>
  <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor"
   style:family="text">
   <style:text-properties style:text-position="super 58%"/>
  </style:style>
  <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol"
   style:family="text">
   <style:text-properties style:text-position="super 58%"/>
  </style:style>
  <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol"
   text:citation-body-style-name="Footnote_20_anchor" style:num-format="1"
   text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
    fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm">
    <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm"
     style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left"
     style:rel-width="25%" style:color="#000000"/>
   </style:page-layout-properties>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm"
    fo:margin-bottom="0.4cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
    fo:margin-top="0.4cm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="First" style:family="paragraph" style:parent-style-name="Title"
   style:master-page-name="First"/>
 </office:automatic-styles>"""


def _masters(symbol: str, job: str, lang_letter: str) -> str:
    bar = "*" + "".join(c for c in job if c.isdigit()) + "*"
    page = "<text:page-number/>/<text:page-count/>"
    return f"""
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4">
   <style:header><text:p text:style-name="FurnitureRight">{symbol}</text:p></style:header>
   <style:header-left><text:p text:style-name="Furniture">{symbol}</text:p></style:header-left>
   <style:footer><text:p text:style-name="FurnitureRight">{job}<text:tab/>{page}</text:p>
   </style:footer>
   <style:footer-left><text:p text:style-name="Furniture">{page}<text:tab/>{job}</text:p>
   </style:footer-left>
  </style:master-page>
  <style:master-page style:name="First" style:page-layout-name="A4"
   style:next-style-name="Standard">
   <style:footer><text:p text:style-name="Furniture">{job} ({lang_letter})<text:tab/>{bar}</text:p>
   </style:footer>
  </style:master-page>
 </office:master-styles>"""


def _paragraph(block: Block, counter: list[int], first: bool) -> str:
    style = {"title": "Title", "heading": "Heading", "para": "Body"}[block.kind]
    if first:
        style = "First"
    text = escape(block.text)
    for note in block.notes:
        anchor = escape(note.after)
        at = text.index(anchor) + len(anchor)
        counter[0] += 1
        number = counter[0]
        call = (
            f'<text:note text:id="ftn{number}" text:note-class="footnote">'
            f"<text:note-citation>{number}</text:note-citation><text:note-body>"
            f'<text:p text:style-name="Footnote">{escape(note.text)}</text:p>'
            "</text:note-body></text:note>"
        )
        text = text[:at] + call + text[at:]
    return f'<text:p text:style-name="{style}">{text}</text:p>'


def fodt(blocks: Iterable[Block], *, lang: str, symbol: str = SYMBOL, job: str = JOB) -> str:
    """The flat OpenDocument text of *blocks*, laid out like a UN document."""
    country = {"fr": "FR", "en": "GB", "es": "ES"}[lang]
    counter = [0]
    body = "\n".join(_paragraph(b, counter, i == 0) for i, b in enumerate(blocks))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_NS} office:version="1.3"'
        ' office:mimetype="application/vnd.oasis.opendocument.text">'
        f"{_styles(lang, country)}{_masters(symbol, job, lang[0].upper())}"
        f"\n <office:body><office:text>\n{body}\n </office:text></office:body>\n</office:document>\n"
    )


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_pdf(blocks: Iterable[Block], path: Path, *, lang: str) -> Path:
    """Write *blocks* as ``.fodt`` beside *path*, convert it with LibreOffice; return *path*."""
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    source = path.with_suffix(".fodt")
    source.write_text(fodt(blocks, lang=lang), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(path.parent),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return path


# -- the French addendum of the 7th meeting, with made-up footnotes ----------------------------

FRENCH_NOTES = {
    # recommendation number -> its footnotes (made up for the tests: not in the report)
    2: (Note("COVID-19", "Voir la résolution 10/4 de la Conférence des Parties (note d’essai)."),),
    6: (
        Note("soins de santé", "Note d’essai : les services de santé de base."),
        Note(
            "protection sociale",
            "Note d’essai longue, qui occupe plusieurs lignes au pied de la page pour que le"
            " texte de la recommandation et celui de la note se suivent dans le fichier PDF"
            " comme dans un rapport réel ; elle cite www.unodc.org/unodc/en/treaties/CTOC/.",
        ),
    ),
    11: (Note("droits humains", "Note d’essai sur les normes internationales."),),
    16: (Note("public", "Note d’essai : campagnes d’information."),),
}
"""The footnotes the French fixture adds to the 7th meeting's recommendations."""

_BEFORE_NOTES = (
    Note("septembre 2020", "Note d’essai hors de la section des recommandations."),
    Note(
        "réunion",
        "www.unodc.org/unodc/en/treaties/CTOC/working-group-on-the-smuggling-of-migrants-2020.html.",
    ),
)
_AFTER_NOTE = Note("travaux", "Note d’essai du chapitre III, hors de la section.")

_FILLER = (
    "Le présent paragraphe est un texte d’essai placé là pour remplir la page, comme le sont"
    " les paragraphes d’un rapport qui précèdent ses recommandations ; il ne fait partie"
    " d’aucun document officiel et n’est lu par aucun des analyseurs."
)


def _seed_blocks(seed: str) -> list[tuple[str, str]]:
    """(kind, text) of the seed's sections and recommendations, verbatim."""
    blocks: list[tuple[str, str]] = []
    for raw in seed.splitlines():
        line = raw.strip()
        plain = line.lstrip("#").strip().replace("*", "")
        if not plain:
            continue
        if re.match(r"^(II\.|[BC]\.) ", plain) or re.match(r"^Recommandation \d+$", plain):
            blocks.append(("heading", plain))
        elif blocks:
            blocks.append(("para", plain))
    return blocks


def french_report() -> list[Block]:
    """The blocks of the French fixture (the seed's recommendations with made-up notes)."""
    seed = (DATA / "recommendations-7th-meeting-2020.fr.md").read_text(encoding="utf-8")
    blocks = [
        Block("title", "Projet de rapport (document d’essai)"),
        Block("heading", "I. Introduction"),
        Block(
            "para",
            "La septième réunion du Groupe de travail s’est tenue à Vienne les 8 et 9 septembre"
            " 2020. On trouvera des précisions sur la page Web de la réunion.",
            _BEFORE_NOTES,
        ),
        *(Block("para", _FILLER) for _ in range(8)),
    ]
    number = 0
    for kind, text in _seed_blocks(seed):
        if kind == "heading" and text.startswith("Recommandation "):
            number = int(text.split()[1])
        notes = FRENCH_NOTES.get(number, ()) if kind == "para" else ()
        blocks.append(Block(kind, text, notes))
    blocks += [
        Block("heading", "III. Organisation de la réunion"),
        Block(
            "para", "Le Groupe de travail a adopté l’organisation de ses travaux.", (_AFTER_NOTE,)
        ),
        *(Block("para", _FILLER) for _ in range(3)),
    ]
    return blocks


# -- a made-up English report that numbers its paragraphs --------------------------------------

ENGLISH_NOTES = {
    4: (Note("Convention", "A made-up footnote in the recommendations section."),),
    6: (Note("evidence", "Another made-up footnote, at the foot of a later page."),),
}
"""The footnotes of the English fixture's paragraphs."""

ENGLISH_PARAGRAPHS = {
    3: "States parties should make better use of the Protocol against the Smuggling of Migrants"
    " by Land, Sea and Air as a basis for international cooperation in criminal matters.",
    4: "States parties should ensure that their legislation criminalizes the smuggling of"
    " migrants in line with article 6 of the Protocol and the Convention, and that the"
    " penalties take into account the gravity of the offence.",
    5: "States parties are encouraged to exchange information on the routes and methods used"
    " by smugglers, through the central authorities and the liaison officers they designate.",
    6: "States parties should consider training prosecutors and judges in the use of"
    " electronic evidence obtained from other States, in particular in urgent cases.",
    7: "States should consider establishing joint investigation teams where smuggling"
    " networks operate in several States at once.",
}
"""The made-up recommendations of the English fixture, by paragraph number."""


def english_report() -> list[Block]:
    """The blocks of the English fixture: a report numbering its paragraphs, with notes."""
    filler = (
        "This paragraph is made-up test text that fills the page, as the paragraphs of a"
        " report that come before its recommendations do; it is part of no official document."
    )
    blocks = [
        Block("title", "Draft report (test document)"),
        Block("heading", "I. Introduction"),
        Block("para", "1. The Working Group met in Vienna.", (Note("Vienna", "Made-up note."),)),
        Block("para", "2. " + filler),
        *(Block("para", filler) for _ in range(14)),
        Block("heading", "II. Recommendations adopted by the Working Group"),
        Block("heading", "A. Recommendations on international cooperation"),
        Block("heading", "1. General recommendations"),
    ]
    for number, text in ENGLISH_PARAGRAPHS.items():
        if number == 6:
            blocks.append(Block("heading", "2. Evidence"))
        blocks.append(Block("para", f"{number}. {text}", ENGLISH_NOTES.get(number, ())))
        if number == 5:
            blocks += [Block("para", filler + " " + filler) for _ in range(0)]
    blocks += [
        Block("heading", "III. Organization of the meeting"),
        Block("para", "8. The meeting was opened by its Chair.", (Note("Chair", "Made-up."),)),
    ]
    return blocks


def main() -> int:
    """Write the committed fixtures (LibreOffice needed) and name them."""
    OFFICE.mkdir(exist_ok=True)
    office_pdf(french_report(), OFFICE / "rapport-notes.fr.pdf", lang="fr")
    office_pdf(english_report(), OFFICE / "report-notes.en.pdf", lang="en")
    for made in sorted(OFFICE.glob("*.pdf")):
        sys.stdout.write(f"{made.relative_to(DATA.parent.parent)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
