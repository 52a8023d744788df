"""Write the type stub of smomtrack's top level (``src/smomtrack/__init__.pyi``) from its table.

The package imports each public name when it is first used (a module ``__getattr__``), so
type checkers learn its names from this stub. Both come from the one table,
``smomtrack._PUBLIC``; the tests fail when the stub is not the one this script writes.

    .venv/bin/python scripts/stubs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import smomtrack

STUB = Path(__file__).resolve().parent.parent / "src" / "smomtrack" / "__init__.pyi"


def stub() -> str:
    """The stub's text."""
    table: dict[str, str] = smomtrack._PUBLIC  # type: ignore[attr-defined]  # noqa: SLF001
    lines = [
        "# The type stub of smomtrack's top level, written by scripts/stubs.py from the table",
        "# smomtrack._PUBLIC: do not edit it, edit the table and run the script.",
        "",
    ]
    for name, module in sorted(table.items(), key=lambda item: (item[1], item[0])):
        lines.append(f"from {module} import {name} as {name}")
    lines += ["", "__version__: str", "", "__all__ = ["]
    lines += [f'    "{name}",' for name in smomtrack.__all__]
    lines += ["]", ""]
    return "\n".join(lines)


def main() -> int:
    """Write the stub if it changed."""
    text = stub()
    if not STUB.exists() or STUB.read_text(encoding="utf-8") != text:
        STUB.write_text(text, encoding="utf-8")
        print(f"wrote {STUB.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
