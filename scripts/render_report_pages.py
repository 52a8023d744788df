"""Render the demo report in English, French and Spanish, as Word and HTML, to PNG pages.

Look at it as people will: each Word document is turned into PDF by LibreOffice Writer,
as an office opens it; each web page is printed to PDF by Chromium (headless), as a
browser prints it; poppler's ``pdftoppm`` turns the pages into PNG pictures. Every page of
every report goes to ``build/report-pages/`` (to look at); every page of the French Word
document and the first pages of the French web page go to ``docs/images/`` (the how-to
shows them). The reports are those of ``smomtrack demo`` (150 States, as of 31 December
2023) with a document symbol and a date of issue. Needs ``chromium``,
``libreoffice-writer`` and ``poppler-utils`` (Debian packages); not run by CI.

    .venv/bin/python scripts/render_report_pages.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import matplotlib as mpl

from smomtrack import report, synthetic
from smomtrack.cli import DEMO_DATE

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
PAGES = ROOT / "build" / "report-pages"
SYMBOL = "CTOC/COP/WG.7/2024/2"
"""A symbol of the form the Working Group's documents take, for the pictures only (the demo
report is not a document of the Organization)."""
ISSUED = "2024-02-15"
HTML_PAGES_SHOWN = 4


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


def _pictures(pdf: Path, prefix: Path, resolution: int, last: int | None = None) -> list[Path]:
    for old in prefix.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    pages = ["-l", str(last)] if last else []
    _run("pdftoppm", "-r", str(resolution), "-png", *pages, str(pdf), str(prefix))
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def main() -> None:
    """Write the six reports, render them to PDF, and their pages to PNG."""
    mpl.use("Agg")
    for tool in ("chromium", "soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(
                f"{tool} is needed (apt-get install chromium libreoffice-writer poppler-utils)"
            )
    tracker = synthetic()
    IMAGES.mkdir(parents=True, exist_ok=True)
    PAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for lang in ("fr", "en", "es"):
            page = work / f"report-{lang}.html"
            page.write_text(
                report(tracker, lang=lang, format="html", as_of=DEMO_DATE, symbol=SYMBOL,
                       issued=ISSUED),
                "utf-8",
            )  # fmt: skip
            document = work / f"report-{lang}.docx"
            document.write_bytes(
                report(tracker, lang=lang, format="docx", as_of=DEMO_DATE, symbol=SYMBOL,
                       issued=ISSUED)
            )  # fmt: skip
            html_pdf = work / f"report-{lang}-html.pdf"
            _run("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                 "--no-pdf-header-footer", f"--print-to-pdf={html_pdf}",
                 page.as_uri())  # fmt: skip
            _run("soffice", "--headless", f"-env:UserInstallation=file://{work / 'office'}",
                 "--convert-to", "pdf", "--outdir", str(work), str(document))  # fmt: skip
            for kind, pdf in (("html", html_pdf), ("docx", work / f"report-{lang}.pdf")):
                shown = _pictures(pdf, PAGES / f"report-{lang}-{kind}", 60)
                print(f"{lang} {kind}: {len(shown)} pages in {PAGES.relative_to(ROOT)}")
            if lang == "fr":
                _pictures(work / "report-fr.pdf", IMAGES / "rapport-fr-docx", 45)
                _pictures(html_pdf, IMAGES / "rapport-fr-html", 45, HTML_PAGES_SHOWN)
    for picture in sorted(IMAGES.glob("rapport-fr-*.png")):
        print(picture.relative_to(ROOT))


if __name__ == "__main__":
    main()
