"""Render the French demo report, as HTML and as Word, to PNG pages: look at it as people will.

The HTML document is printed to PDF by Chromium (headless), as a browser prints it; the
Word document is turned into PDF by LibreOffice Writer, as an office opens it; poppler's
``pdftoppm`` turns the first pages into PNG pictures in ``docs/images/``. Needs
``chromium``, ``libreoffice-writer`` and ``poppler-utils`` (Debian packages); not run by CI.

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

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
PAGES = 4


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


def main() -> None:
    """Write the report twice, render both to PDF, and the first pages to PNG."""
    mpl.use("Agg")
    for tool in ("chromium", "soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(
                f"{tool} is needed (apt-get install chromium libreoffice-writer poppler-utils)"
            )
    tracker = synthetic()
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        page = work / "rapport.html"
        page.write_text(report(tracker, lang="fr", format="html", as_of=DEMO_DATE), "utf-8")
        document = work / "rapport.docx"
        document.write_bytes(report(tracker, lang="fr", format="docx", as_of=DEMO_DATE))
        html_pdf = work / "rapport-html.pdf"
        _run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={html_pdf}", page.as_uri())  # fmt: skip
        _run("soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(document))
        for name, pdf in (("html", html_pdf), ("docx", work / "rapport.pdf")):
            for old in IMAGES.glob(f"rapport-fr-{name}-*.png"):
                old.unlink()
            _run("pdftoppm", "-r", "45", "-png", "-f", "1", "-l", str(PAGES), str(pdf),
                 str(IMAGES / f"rapport-fr-{name}"))  # fmt: skip
    for picture in sorted(IMAGES.glob("rapport-fr-*.png")):
        print(picture.relative_to(IMAGES.parent.parent))


if __name__ == "__main__":
    main()
