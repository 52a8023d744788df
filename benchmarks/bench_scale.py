"""Scale benchmark: one million responses (190 States x 530 recommendations x 10 rounds).

Measures, in one run on this machine, each comparison as a ratio of two timings taken
side by side (the machines are noisy: a ratio within one run is what holds):

- a CSV file to a tracker to a summary by theme, against pandas doing the same job, with
  the synthetic rows' shared texts and with a free text of its own on every row;
- ``read_csv`` against ``csv.reader`` on the same file with no processing;
- loading the tracker from JSON against loading it from the SQLite store (fresh processes);
- the memory per response after each way of loading (CSV with shared and with distinct
  texts, JSON, SQLite, ``record()``, ``synthetic``), with tracemalloc, each in a fresh
  process;
- ``summarize`` as of a date: the first call, the second (another date), the first after a
  ``record()``, and any later one, with numpy (the ``fast`` extra) and in pure Python,
  against pandas' as-of group-by on a frame built beforehand; the matrix, the follow-up
  lists and progress;
- whole reports (193 States x 18 and x 530 recommendations) in each format, twice;
- ``import smomtrack`` against ``python -c pass``;
- the command line on a million-row file whose rows are all refused.

Run it on demand (it takes a few minutes), and write the figures into the docs with::

    .venv/bin/python -m pip install pandas
    .venv/bin/python benchmarks/bench_scale.py --write
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import smomtrack
from smomtrack import (
    Catalogue,
    Tracker,
    follow_up,
    matrix,
    progress,
    report,
    save,
    summarize,
    synthetic,
    synthetic_catalogue,
)
from smomtrack._extras import optional
from smomtrack._interchange.csv_format import read_csv, write_csv
from smomtrack._interchange.rows import Engine
from smomtrack._summaries import timeline

STATES = 190
RECOMMENDATIONS = 530
ROUNDS = [f"{year}-06-30" for year in range(2014, 2024)]
AS_OF = dt.date(2023, 12, 31)
DATES = [dt.date(year, month, 1) for year in range(2014, 2024) for month in (1, 7)]
PERFORMANCE_PAGE = Path(__file__).parent.parent / "docs" / "performance.md"


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The best wall-clock time of *runs* calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def side_by_side(runs: int, *jobs: Callable[[], object]) -> list[float]:
    """The best time of each job, the jobs run in turn (so that all see the same machine)."""
    times: list[list[float]] = [[] for _ in jobs]
    for _ in range(runs):
        for job, taken in zip(jobs, times, strict=True):
            taken.append(best_of(1, job))
    return [min(taken) for taken in times]


def in_fresh_process(code: str, *args: str) -> str:
    """What *code* prints, run by this interpreter in a new process."""
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


# -- the CSV pipeline ------------------------------------------------------------------


def ours_pipeline(path: Path, catalogue: Catalogue, engine: Engine) -> object:
    """CSV file -> tracker -> summary by theme as of the date, read by *engine*."""
    read = read_csv(path, catalogue=catalogue, engine=engine)
    tracker = Tracker(catalogue, read.batch.states)
    tracker.add_many(read)
    return summarize(tracker, "theme", as_of=AS_OF)


def pandas_pipeline(path: Path, theme_of: dict[str, str]) -> object:
    """The same job in pandas: read, keep each pair's latest row as of the date, count."""
    import pandas as pd  # noqa: PLC0415 (optional: only the comparison needs it)

    frame = pd.read_csv(path, encoding="utf-8-sig")
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    current = frame[frame["as_of"] <= pd.Timestamp(AS_OF)].sort_values("as_of", kind="stable")
    latest = current.groupby(["state", "recommendation"], sort=False).tail(1)
    return latest.groupby(latest["recommendation"].map(theme_of))["status"].value_counts()


def floor(path: Path) -> None:
    """``csv.reader`` over the file, doing nothing with the rows."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for _ in csv.reader(handle):
            pass


def with_distinct_texts(source: Path, target: Path) -> None:
    """*source*'s rows, each with measures and notes of its own (as focal points write them)."""
    with (
        source.open(encoding="utf-8-sig", newline="") as given,
        target.open("w", encoding="utf-8", newline="") as made,
    ):
        rows = csv.reader(given)
        writer = csv.writer(made)
        header = next(rows)
        writer.writerow(header)
        measures, notes = header.index("measures"), header.index("notes")
        for number, row in enumerate(rows):
            row[measures] = (
                f"Mesure {number} : loi adoptée par le parlement, décret d'application en"
                f" cours de rédaction (réf. {number * 7919 % 100_003})"
            )
            row[notes] = f"Note {number * 31}" if number % 3 else ""
            writer.writerow(row)


# -- loading in fresh processes --------------------------------------------------------

_LOAD = """
import sys, time
from smomtrack import load
times = []
for _ in range(2):
    start = time.perf_counter()
    tracker = load(sys.argv[1])
    loaded = time.perf_counter() - start
    tracker.status(tracker.states[0], next(iter(tracker.catalogue)).key)
    times.append((loaded, time.perf_counter() - start))
    tracker.close()
    del tracker
print(min(t[0] for t in times), min(t[1] for t in times))
"""

_MEMORY = """
import gc, sys, tracemalloc
import numpy, pyarrow, pyarrow.csv, pyarrow.compute
import smomtrack
from smomtrack import (Tracker, load, synthetic, synthetic_catalogue)
from smomtrack._interchange.csv_format import read_csv
how, path = sys.argv[1], sys.argv[2]
catalogue = synthetic_catalogue(530)
rounds = [f"{year}-06-30" for year in range(2014, 2024)]
months = [f"{year}-{month:02}-01" for year in range(2014, 2024) for month in (1, 7)]
if how.endswith("pyarrow"):  # what the first reading imports is not counted
    import io
    read_csv(io.BytesIO(b"state,recommendation,status,as_of\\nMEX,SYN1-1,planned,2020-01-01\\n"),
             catalogue=catalogue, engine="pyarrow")
gc.collect()
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
if how.startswith(("csv", "distinct")):
    engine = "pyarrow" if how.endswith("pyarrow") else "python"
    read = read_csv(path, catalogue=catalogue, engine=engine)
    # pyarrow's buffers are not traced: the peak while reading is the two peaks added
    reading = tracemalloc.get_traced_memory()[1] + pyarrow.default_memory_pool().max_memory()
    arrow_left = pyarrow.total_allocated_bytes()
    tracemalloc.reset_peak()
    tracker = Tracker(catalogue, read.batch.states)
    tracker.add_many(read)
    del read
elif how == "synthetic":
    tracker = synthetic(
        states=190, catalogue=catalogue, rounds=rounds, response_rate=1.0, participation=1.0
    )
elif how == "record":
    tracker = Tracker(catalogue, ["MEX", "DEU", "FRA", "MAR", "NGA"])
    keys = [r.key for r in catalogue]
    for day in months:
        for state in tracker.states:
            for key in keys:
                tracker.record(state, key, "planned", as_of=day, source="round", notes="same")
else:
    tracker = load(path)
tracker.status(tracker.states[0], next(iter(tracker.catalogue)).key)
gc.collect()
current, peak = tracemalloc.get_traced_memory()
if how.startswith(("csv", "distinct")):  # the peak of reading, or of taking the rows in
    peak = max(reading, peak + arrow_left)
    current += pyarrow.total_allocated_bytes()  # texts still pyarrow's are kept there
log = tracker.log
texts = {id(t): t for column in (log.measures, log.responsible, log.source, log.notes)
         for t in column}
own = sum(map(sys.getsizeof, texts.values()))
print(len(tracker), (current - base) / len(tracker), (peak - base) / len(tracker),
      own / len(tracker))
"""


def memory(how: str, path: Path) -> tuple[int, float, float, float]:
    """Records, bytes per response kept, at the peak, and of the free texts themselves."""
    count, kept, peak, texts = in_fresh_process(_MEMORY, how, str(path)).split()
    return int(count), float(kept), float(peak), float(texts)


# -- summaries as of any date ----------------------------------------------------------


def summary_calls(tracker: Tracker, *, fast: bool) -> dict[str, float]:
    """Seconds of each kind of ``summarize`` call, with numpy's timelines or without."""
    keep = timeline.numpy
    if not fast:
        timeline.numpy = lambda: None
    try:
        tracker.derived.clear()
        tracker.lasting.clear()
        found = {
            "first": best_of(1, lambda: summarize(tracker, "theme", as_of=AS_OF)),
            "second": best_of(1, lambda: summarize(tracker, "theme", as_of=DATES[5])),
        }
        keys = [r.key for r in tracker.catalogue]
        rounds = []
        for number in range(5 if fast else 10, 10 if fast else 15):
            tracker.record(tracker.states[number], keys[number], "implemented", as_of=AS_OF)
            rounds.append(best_of(1, lambda: summarize(tracker, "theme", as_of=AS_OF)))
        found["after record()"] = statistics.mean(rounds)
        start = time.perf_counter()
        for day in DATES:
            summarize(tracker, "theme", as_of=day)
        found["any later"] = (time.perf_counter() - start) / len(DATES)
        found["matrix"] = best_of(1, lambda: matrix(tracker, as_of=DATES[7]))
        found["follow_up"] = best_of(1, lambda: follow_up(tracker, as_of=DATES[9]))
        found["progress"] = best_of(1, lambda: progress(tracker, DATES[3], DATES[11], by="theme"))
        return found
    finally:
        timeline.numpy = keep


def pandas_frame(tracker: Tracker) -> Any:
    """The tracker's records as a pandas frame, categories and dates, sorted by date."""
    import pandas as pd  # noqa: PLC0415

    theme_of = {r.key: r.theme for r in tracker.catalogue}
    records = list(tracker)
    frame = pd.DataFrame(
        {
            "state": [r.state for r in records],
            "recommendation": [r.recommendation for r in records],
            "theme": [theme_of[r.recommendation] for r in records],
            "status": [r.status.value for r in records],
            "as_of": pd.to_datetime([r.as_of for r in records]),
        }
    )
    for column in ("state", "recommendation", "theme", "status"):
        frame[column] = frame[column].astype("category")
    return frame.sort_values("as_of", kind="stable")


def pandas_by_date(frame: Any) -> float:
    """Mean seconds of the same as-of group-by in pandas, on a frame built beforehand."""
    import pandas as pd  # noqa: PLC0415

    def grouped(day: dt.date) -> object:
        current = frame[frame["as_of"] <= pd.Timestamp(day)]
        latest = current.groupby(["state", "recommendation"], observed=True).tail(1)
        return latest.groupby("theme", observed=True)["status"].value_counts()

    start = time.perf_counter()
    for day in DATES:
        grouped(day)
    return (time.perf_counter() - start) / len(DATES)


def pandas_pivot(frame: Any) -> float:
    """Seconds of the State x recommendation matrix in pandas (latest per pair, pivoted)."""
    import pandas as pd  # noqa: PLC0415

    def pivoted() -> object:
        current = frame[frame["as_of"] <= pd.Timestamp(DATES[7])]
        latest = current.groupby(["state", "recommendation"], observed=True).tail(1)
        return latest.pivot(index="state", columns="recommendation", values="status")  # noqa: PD010 (one value a cell)

    return best_of(3, pivoted)


# -- whole reports ------------------------------------------------------------------------


def report_times(recommendations: int) -> list[tuple[str, float, float]]:
    """Each format's first and second report of 193 States x *recommendations*, in seconds."""
    tracker = synthetic(
        states=193,
        rounds=["2021-06-30", "2022-06-30", "2023-06-30"],
        response_rate=0.9,
        catalogue=None if recommendations == 18 else synthetic_catalogue(recommendations),
    )
    found = []
    for form in ("markdown", "html", "docx"):

        def made(form: str = form) -> object:
            return report(tracker, format=form, lang="fr", as_of=AS_OF)

        found.append((form, best_of(1, made), best_of(1, made)))
    return found


# -- import time and the command line --------------------------------------------------


def import_cost(runs: int = 15) -> tuple[float, float]:
    """Median seconds of ``python -c pass`` and of ``python -c 'import smomtrack'``."""
    bare: list[float] = []
    ours: list[float] = []
    for _ in range(runs):
        for code, into in (("pass", bare), ("import smomtrack", ours)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603
            into.append(time.perf_counter() - start)
    return statistics.median(bare), statistics.median(ours)


def refused_command(path: Path) -> tuple[float, int, str]:
    """Time, exit status and last line of ``smomtrack summary`` on a file of refused rows."""
    command = Path(sys.executable).with_name("smomtrack")
    start = time.perf_counter()
    result = subprocess.run(  # noqa: S603 (our own command)
        [str(command), "summary", str(path)], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    return seconds, result.returncode, result.stderr.strip().splitlines()[-1]


def main() -> int:  # noqa: C901, PLR0915 (one run, every figure)
    """Run the benchmark; print the figures and, with --write, put them in the docs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {PERFORMANCE_PAGE.name}")
    args = parser.parse_args()
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError:
        print("pandas is needed for the comparisons: pip install pandas", file=sys.stderr)
        return 2
    rows: list[tuple[str, str, str]] = []

    def add(what: str, figure: str, target: str = "") -> None:
        rows.append((what, figure, target))
        print(f"{what}: {figure}", file=sys.stderr)

    catalogue = synthetic_catalogue(RECOMMENDATIONS)
    tracker = synthetic(
        states=STATES, catalogue=catalogue, rounds=ROUNDS, response_rate=1.0, participation=1.0
    )
    theme_of = {r.key: r.theme for r in catalogue}
    add("responses", f"{len(tracker):,}")
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "responses.csv"
        write_csv(tracker, csv_path)
        distinct_path = Path(folder) / "distinct.csv"
        with_distinct_texts(csv_path, distinct_path)
        json_path, store_path = Path(folder) / "tracker.json", Path(folder) / "tracker.sqlite"
        save(tracker, json_path)
        save(tracker, store_path)

        arrow = "installed" if optional("pyarrow") else "not installed"
        add("the comparison: pandas, with pyarrow", f"pandas {pd.__version__}, pyarrow {arrow}")
        for label, path, targets in (
            ("shared texts", csv_path, ("no slower than 1.93 s, its time before", "≤ 2")),
            ("a free text of its own on every row", distinct_path, ("≤ 3", "≤ 2")),
        ):

            def python_job(path: Path = path) -> object:
                return ours_pipeline(path, catalogue, "python")

            def arrow_job(path: Path = path) -> object:
                return ours_pipeline(path, catalogue, "pyarrow")

            def pandas_job(path: Path = path) -> object:
                return pandas_pipeline(path, theme_of)

            python, compiled, theirs = side_by_side(3, python_job, arrow_job, pandas_job)
            add(f"CSV file → tracker → summary by theme, {label}: pandas", f"{theirs:.2f} s")
            add("… smomtrack, the standard library's reader", f"{python:.2f} s")
            add("**ratio, smomtrack / pandas**", f"**{python / theirs:.2f}**", targets[0])
            add('… smomtrack, pyarrow\'s reader (`engine="pyarrow"`)', f"{compiled:.2f} s")
            add(
                "**ratio, smomtrack with pyarrow / pandas**",
                f"**{compiled / theirs:.2f}**",
                targets[1],
            )
        read, bare = side_by_side(
            3,
            lambda: read_csv(csv_path, catalogue=catalogue, engine="python"),
            lambda: floor(csv_path),
        )
        add(
            "`read_csv` of the file with shared texts (the standard library's reader)",
            f"{read:.2f} s",
        )
        add("`csv.reader` over the same file, no processing", f"{bare:.2f} s")
        add("**ratio, `read_csv` / `csv.reader`**", f"**{read / bare:.2f}**", "≤ 2")
        _, theirs = side_by_side(1, lambda: None, lambda: pandas_pipeline(csv_path, theme_of))
        add("`csv.reader` alone, over pandas' whole job", f"{bare / theirs:.2f}")

        json_load, json_query = map(float, in_fresh_process(_LOAD, str(json_path)).split())
        store_load, store_query = map(float, in_fresh_process(_LOAD, str(store_path)).split())
        add("`load()` of the JSON document (new process)", f"{json_load:.2f} s")
        add("`open_tracker()` of the SQLite store (new process)", f"{store_load:.2f} s")
        add("**ratio, JSON / SQLite**", f"**{json_load / store_load:.2f}**", "≤ 1.5")
        add("the same, up to the first `status()` answered", f"{json_query / store_query:.2f}")
        for how, path in (
            ("csv", csv_path),
            ("distinct", distinct_path),
            ("csv-pyarrow", csv_path),
            ("distinct-pyarrow", distinct_path),
            ("json", json_path),
            ("sqlite", store_path),
            ("synthetic", csv_path),
            ("record", csv_path),
        ):
            count, kept, peak, texts = memory(how, path)
            label = {
                "record": f"`record()`, {count:,} calls",
                "synthetic": "`synthetic()`",
                "distinct": "loading the CSV with a free text of its own on every row",
                "csv-pyarrow": "loading the CSV with pyarrow's reader",
                "distinct-pyarrow": "the same with a free text of its own on every row",
                "sqlite": "loading the SQLite store",
            }.get(how, f"loading the {how.upper()}")
            add(
                f"memory per response, {label} (peak while loading)",
                f"{kept:.0f} B ({peak:.0f} B)",
                "≤ 100 B + texts (≤ 200 B)",
            )
            if how == "distinct":
                add("… of which the free texts themselves (their strings)", f"{texts:.0f} B")

        frame = pandas_frame(tracker)
        by_date = pandas_by_date(frame)
        pivot = pandas_pivot(frame)
        add(
            "pandas' as-of group-by for a date, on a frame built beforehand"
            f" (mean of {len(DATES)})",
            f"{by_date * 1e3:.1f} ms",
        )
        add("pandas' State × recommendation pivot for a date", f"{pivot * 1e3:.1f} ms")
        for fast in (True, False):
            way = "with numpy (`fast`)" if fast else "in pure Python"
            calls = summary_calls(tracker, fast=fast)
            for call in ("first", "second", "after record()", "any later"):
                seconds = calls[call]
                target = "" if call == "first" else "≤ 1"
                add(
                    f"`summarize` by theme, {call} call, {way}",
                    f"{seconds * 1e3:.1f} ms ({seconds / by_date:.2f} × pandas)",
                    target,
                )
            add(
                f"`matrix`, {way}",
                f"{calls['matrix'] * 1e3:.0f} ms ({calls['matrix'] / pivot:.2f} × pandas' pivot)",
            )
            add(f"`follow_up`, {way}", f"{calls['follow_up'] * 1e3:.0f} ms")
            add(f"`progress` by theme, {way}", f"{calls['progress'] * 1e3:.0f} ms")

        for recommendations, html_target, docx_target in (
            (18, "≤ 1 s", "≤ 2 s"),
            (530, "≤ 10 s", "≤ 10 s"),
        ):
            for form, first, second in report_times(recommendations):
                target = {"html": html_target, "docx": docx_target}.get(form, "")
                add(
                    f"report, 193 States × {recommendations} recommendations, {form}"
                    " (first, second)",
                    f"{first:.2f} s, {second:.2f} s",
                    target,
                )

        bare_start, ours_start = import_cost()
        add("`python -c pass`", f"{bare_start * 1e3:.0f} ms")
        add("`python -c 'import smomtrack'`", f"{ours_start * 1e3:.0f} ms")
        add(
            "**`import smomtrack`, over a bare interpreter**",
            f"**{(ours_start - bare_start) * 1e3:.0f} ms**",
            "≤ 60 ms",
        )
        seconds, status, last = refused_command(csv_path)
        add(
            "`smomtrack summary` on the file, against the built-in catalogue (all refused)",
            f"{seconds:.2f} s, exit {status}",
            "fails fast, non-zero",
        )
    table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    print(table)
    print(last)
    if args.write:
        write_page(table, last)
    return 0


def write_page(table: str, refused: str) -> None:
    """Write the figures into docs/performance.md."""
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" smomtrack {smomtrack.__version__}"
    )
    PERFORMANCE_PAGE.write_text(
        PAGE.format(
            date=dt.datetime.now(dt.UTC).date().isoformat(),
            machine=machine,
            states=STATES,
            recommendations=RECOMMENDATIONS,
            rounds=len(ROUNDS),
            as_of=AS_OF.isoformat(),
            dates=len(DATES),
            table=table,
            refused=re.sub(r"\S*/responses\.csv", "responses.csv", refused),
        ),
        encoding="utf-8",
    )


PAGE = (Path(__file__).parent / "performance.md.in").read_text(encoding="utf-8")
"""The page around the figures (``str.format`` fields in braces)."""


if __name__ == "__main__":
    sys.exit(main())
