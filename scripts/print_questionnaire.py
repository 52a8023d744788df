"""Print the French questionnaire as LibreOffice prints it, to PNG: look at it as a ministry will.

The workbook is written as ``smomtrack template`` writes it (Morocco, the 7th meeting's
recommendations, a deadline and a return address), turned into PDF by LibreOffice Calc
as an office prints it (each sheet with its own page setup: the Instructions on A4 in
portrait, the responses on A4 in landscape), and poppler's ``pdftoppm`` turns the first
pages into PNG pictures in ``docs/images/``. Needs ``libreoffice-calc`` and
``poppler-utils`` (Debian packages); not run by CI.

    .venv/bin/python scripts/print_questionnaire.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from smomtrack import questionnaire

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
PAGES = 3
"""The Instructions sheet (one page), then the first two pages of the responses (the
questions, then the answers, side by side when the sheet is laid out)."""


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


def main() -> None:
    """Write the questionnaire, print it to PDF, and its first pages to PNG."""
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (apt-get install libreoffice-calc poppler-utils)")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        workbook = work / "questionnaire-fr.xlsx"
        questionnaire(
            workbook,
            states=["Maroc"],
            lang="fr",
            meeting="SOM7",
            as_of="2024-06-30",
            deadline="31 mars 2025",
            contact="Secrétariat du Groupe de travail — adresse@exemple.org (adresse d’exemple)",
        )
        _run(
            "soffice", "--headless", f"-env:UserInstallation=file://{work / 'profile'}",
            "--convert-to", "pdf", "--outdir", str(work), str(workbook),
        )  # fmt: skip
        for old in IMAGES.glob("questionnaire-fr-*.png"):
            old.unlink()
        _run(
            "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", str(PAGES),
            str(workbook.with_suffix(".pdf")), str(IMAGES / "questionnaire-fr"),
        )  # fmt: skip
    for page in sorted(IMAGES.glob("questionnaire-fr-*.png")):
        print(page.relative_to(IMAGES.parent.parent))


if __name__ == "__main__":
    main()
