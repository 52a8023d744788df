"""Workbook benchmark: reading 100,000 responses from ``.xlsx`` against the same rows from CSV.

Target: ``read_workbook`` costs at most twice ``read_csv`` on the same rows. Both files are
written by smomtrack from one synthetic tracker; the two reads are timed side by side in one
run (best of three each), and the ratio is what counts (the machines are noisy).

Run it on demand, and write the figures into the docs with::

    .venv/bin/python benchmarks/bench_workbooks.py --write
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from smomtrack import synthetic, synthetic_catalogue
from smomtrack._interchange.csv_format import read_csv, write_csv
from smomtrack._interchange.workbooks import read_workbook
from smomtrack._interchange.xlsx_writer import write_xlsx

STATES = 190
RECOMMENDATIONS = 53
ROUNDS = [f"{year}-06-30" for year in range(2014, 2024)]
PAGE = Path(__file__).parent.parent / "docs" / "performance-workbooks.md"
TARGET = 2.0


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The best wall-clock time of *runs* calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _cells(path: Path) -> object:
    import python_calamine  # noqa: PLC0415 (the extra, as the reader imports it)

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)


def main() -> None:
    """Run the benchmark; print the figures and, with --write, put them in the docs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"write docs/{PAGE.name}")
    args = parser.parse_args()
    catalogue = synthetic_catalogue(RECOMMENDATIONS)
    tracker = synthetic(
        states=STATES,
        catalogue=catalogue,
        rounds=ROUNDS,
        response_rate=1.0,
        participation=1.0,
    )
    count = len(tracker.responses())
    with tempfile.TemporaryDirectory() as folder:
        csv_path, xlsx_path = Path(folder) / "r.csv", Path(folder) / "r.xlsx"
        write_csv(tracker, csv_path)
        start = time.perf_counter()
        write_xlsx(tracker, xlsx_path)
        written = time.perf_counter() - start
        read = read_workbook(xlsx_path, catalogue=catalogue)
        if len(read.batch) != count or read.errors:
            raise SystemExit(f"the workbook did not read back: {read.errors[:3]}")
        csv_time = best_of(3, lambda: read_csv(csv_path, catalogue=catalogue))
        xlsx_time = best_of(3, lambda: read_workbook(xlsx_path, catalogue=catalogue))
        calamine_time = best_of(3, lambda: _cells(xlsx_path))
        size = xlsx_path.stat().st_size
    ratio = xlsx_time / csv_time
    rows = [
        ("responses", f"{count:,}", ""),
        ("`read_csv` of the CSV file", f"{csv_time:.2f} s", ""),
        ("`read_workbook` of the `.xlsx` file", f"{xlsx_time:.2f} s", ""),
        ("**ratio, `.xlsx` / CSV**", f"**{ratio:.2f}**", f"≤ {TARGET:g}"),
        ("python-calamine alone, cells of the sheet, no processing", f"{calamine_time:.2f} s", ""),
        ("ratio, calamine alone / `read_csv`", f"{calamine_time / csv_time:.2f}", ""),
        ("`write_xlsx` of the same responses", f"{written:.2f} s", ""),
        ("size of the `.xlsx` file", f"{size / 1e6:.1f} MB", ""),
    ]
    table = "\n".join(
        ["| what | figure | target |", "| --- | --- | --- |"]
        + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    )
    print(table)
    if args.write:
        PAGE.write_text(
            _PAGE.format(
                table=table,
                machine=f"{platform.python_implementation()} {platform.python_version()},"
                f" {platform.system()} {platform.machine()}",
                verdict="met" if ratio <= TARGET else "**not met**",
            ),
            encoding="utf-8",
        )


_PAGE = """# Performance: workbooks

Written by `benchmarks/bench_workbooks.py --write`; do not edit by hand.

Reading 100,000 responses from an `.xlsx` workbook costs at most twice reading the same
rows from a CSV file (target {verdict} in the run below). Both files are written by
smomtrack from one synthetic tracker (190 States, 53 recommendations, 10 rounds); each read
is the best of three, side by side in one run on {machine}.

{table}

How: python-calamine reads the workbook's cells in compiled code; the cells then go through
the same reading as a CSV file's, each distinct value once. Looking for formulas costs one
search of the sheet's XML when it holds none.

Why the target is missed: decompressing and parsing the sheet's XML (python-calamine alone,
with no processing at all, in the table) already takes several times what `read_csv` takes
for the whole job, because `read_csv` reads each distinct value once and a CSV file needs no
decompression; the rest is smomtrack's reading of the cells. python-calamine is the
fastest reader of these formats for Python (openpyxl's read-only mode is slower still), so
meeting the target would take a different target (against pandas' `read_excel`, say) or
not reading `.xlsx` at all; the team should decide which.
"""


if __name__ == "__main__":
    main()
