"""Compile the word catalogues: each ``smomtrack.po`` into the ``smomtrack.mo`` beside it.

Translators edit the ``.po`` files under ``src/smomtrack/locale/<lang>/LC_MESSAGES/``; the
library reads the compiled ``.mo`` files with the standard library's :mod:`gettext`, so
that using smomtrack needs no compiler. The tests fail when a ``.mo`` file is not the
compilation of its ``.po`` file, or when a language lacks an entry.

    .venv/bin/python scripts/catalogues.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "src" / "smomtrack" / "locale"


def compiled(po: Path) -> bytes:
    """The ``.mo`` file of *po*, as bytes."""
    with po.open("rb") as source:
        catalogue = read_po(source, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    return buffer.getvalue()


def sources() -> list[Path]:
    """Every catalogue's ``.po`` file: smomtrack's words, and argparse's."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def main() -> int:
    """Write each ``.mo`` file; print what changed."""
    for po in sources():
        mo = po.with_suffix(".mo")
        data = compiled(po)
        if not mo.exists() or mo.read_bytes() != data:
            mo.write_bytes(data)
            print(f"compiled {mo.relative_to(LOCALE.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
