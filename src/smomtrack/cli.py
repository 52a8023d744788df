"""The ``smomtrack`` command line: a thin shell over the library."""

from __future__ import annotations

import argparse
import codecs
import io
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from smomtrack._catalogue.builtin import builtin_catalogue
from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._interchange.atomic import write_atomically
from smomtrack._interchange.files import SUFFIXES, load, save
from smomtrack._interchange.json_format import from_json, to_json
from smomtrack._interchange.report_text import parse_report
from smomtrack._interchange.rows import Progress, ReadOptions
from smomtrack._interchange.spreadsheets import questionnaire, read_responses, write_responses
from smomtrack._interchange.sqlite_store import open_tracker
from smomtrack._presentation.labels import OUTPUT_LANGUAGES
from smomtrack._presentation.tables import check_format
from smomtrack._rendering.catalogue_tables import agenda_table, recommendations_table
from smomtrack._rendering.report import report
from smomtrack._rendering.writers import WRITERS
from smomtrack._summaries.follow_up import follow_up
from smomtrack._summaries.scope import Scope
from smomtrack._summaries.summary import GROUPINGS, summarize
from smomtrack._tracking.imports import ImportResult
from smomtrack._tracking.synthetic import synthetic
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.states import UN_MEMBERS
from smomtrack.exceptions import InvalidDataError, SmomtrackError, StorageError

__all__ = ["DEMO_DATE", "main"]

DEMO_DATE = "2023-12-31"
"""The demo reports as of this date, so that its output is the same every day."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smomtrack",
        description="Track the implementation of the recommendations of the UN Working Group"
        " on the Smuggling of Migrants.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    catalogue = commands.add_parser("catalogue", help="list the recommendations of the catalogue")
    catalogue.add_argument("--meeting", help="only this meeting (e.g. SOM7)")
    catalogue.add_argument("--theme", help="only this theme (e.g. SOM7-B)")
    catalogue.add_argument("--topic", help="only this topic tag (e.g. capacity-building)")
    catalogue.add_argument("--text", action="store_true", help="show the official texts")
    _table_options(catalogue)

    agenda = commands.add_parser("agenda", help="print a meeting's organization of work")
    agenda.add_argument("meeting", help="the meeting (e.g. SOM8)")
    _table_options(agenda)

    summary = commands.add_parser("summary", help="a compliance summary table")
    summary.add_argument(
        "--by", choices=GROUPINGS, default="theme", help="grouping (default: theme)"
    )
    summary.add_argument(
        "--meeting",
        help="only this meeting's recommendations (and a spreadsheet's '8' is its 8th)",
    )
    summary.add_argument("--theme", help="only this theme's recommendations")
    _source_options(summary, meeting=False)
    _view_options(summary)
    _table_options(summary)

    report_command = commands.add_parser("report", help="a whole compliance report")
    _source_options(report_command)
    _view_options(report_command)
    _report_options(report_command)

    follow = commands.add_parser(
        "follow-up", help="what needs following up: overdue, stale, never reported"
    )
    _source_options(follow)
    _view_options(follow)
    follow.add_argument(
        "--stale-after",
        default="12 months",
        help="when a response is stale: '12 months', '18 mois', '1 year' (default: 12 months)",
    )
    _table_options(follow)

    demo = commands.add_parser(
        "demo", help="the whole loop on synthetic data, as of 31 December 2023"
    )
    _report_options(demo)

    _file_commands(commands)
    return parser


def _file_commands(commands: Any) -> None:
    """The commands that read or write spreadsheets and catalogues."""
    import_command = commands.add_parser(
        "import", help="record a spreadsheet's responses in a tracker file"
    )
    import_command.add_argument("file", type=Path, help=_SPREADSHEET)
    _reading_options(import_command)
    import_command.add_argument(
        "--into", type=Path, required=True, help="tracker file: .sqlite or .json"
    )
    import_command.add_argument(
        "--catalogue",
        type=Path,
        help="for a new tracker file: its catalogue (JSON, e.g. from 'ingest'); default: built-in",
    )
    import_command.add_argument(
        "--corrections",
        action="store_true",
        help="every row corrects what is recorded for its State, recommendation and date",
    )
    import_command.add_argument(
        "--states",
        help="the population, for a new tracker file: comma-separated codes or names,"
        " 'un-members' for the 193 Member States of the United Nations,"
        " or 'from-file' for the States that appear in the spreadsheet",
    )

    validate = commands.add_parser("validate", help="check a spreadsheet; list every bad row")
    validate.add_argument("file", type=Path, help=_SPREADSHEET)
    _reading_options(validate)
    validate.add_argument(
        "--catalogue", type=Path, help="the catalogue (JSON) rows refer to; default: built-in"
    )
    validate.add_argument(
        "--states", help="the States rows may name (comma-separated, or 'un-members')"
    )

    export = commands.add_parser(
        "export", help="write a tracker's current responses as a workbook (.xlsx) or CSV"
    )
    export.add_argument("tracker", type=Path, help="tracker file: .sqlite or .json")
    export.add_argument(
        "-o", "--output", type=Path, required=True, help="the file to write: .xlsx, .csv or .tsv"
    )
    _force_option(export)
    export.add_argument("--lang", choices=OUTPUT_LANGUAGES, default="en", help="headers and labels")

    ingest = commands.add_parser(
        "ingest", help="read a report's recommendations and write the extended catalogue"
    )
    ingest.add_argument(
        "report", type=Path, help="the report: its PDF file, or its text (Markdown or plain)"
    )
    ingest.add_argument("--meeting", required=True, help="the meeting's key (e.g. SOM9)")
    ingest.add_argument("--lang", choices=("en", "fr", "es"), help="the report's language")
    ingest.add_argument("--document", help="the report's symbol, for the citations")
    ingest.add_argument(
        "--catalogue",
        dest="base",
        type=Path,
        help="the catalogue (JSON) to extend (default: the built-in one)",
    )
    ingest.add_argument(
        "-o", "--output", type=Path, required=True, help="the catalogue JSON to write"
    )
    _force_option(ingest)

    template = commands.add_parser(
        "template",
        help="write a questionnaire to fill in (.xlsx, with drop-downs) or a blank CSV template",
    )
    template.add_argument(
        "-o", "--output", type=Path, required=True, help="the file to write: .xlsx or .csv"
    )
    _force_option(template)
    template.add_argument(
        "--lang", choices=OUTPUT_LANGUAGES, default="en", help="headers, names and texts"
    )
    template.add_argument(
        "--states",
        help="comma-separated codes or names, or 'un-members': one row per State × recommendation",
    )
    template.add_argument("--meeting", help="only this meeting's recommendations (.xlsx)")
    template.add_argument(
        "--as-of", help="the date of the reporting round, filled in (.xlsx; default: today)"
    )


_SPREADSHEET = "the spreadsheet: .xlsx, .ods, .xls, .csv, .tsv or Excel 'Unicode text' (.txt)"


def _reading_options(command: argparse.ArgumentParser, *, meeting: bool = True) -> None:
    command.add_argument(
        "--sheet", help="for a workbook: the sheet's name or number (default: the first table)"
    )
    if meeting:
        command.add_argument(
            "--meeting",
            help="the meeting the file is about: recommendations may be written '8', 'Rec. 8'…",
        )
    _max_errors_option(command)
    command.add_argument(
        "--quiet", action="store_true", help="no progress on standard error while reading"
    )


def _table_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", choices=OUTPUT_LANGUAGES, default="en", help="output language")
    command.add_argument(
        "--format",
        dest="fmt",
        default="simple_grid",
        metavar="FORMAT",
        help="any tabulate format: github, grid, html, latex, … (default: simple_grid)",
    )


def _force_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--force",
        action="store_true",
        help="replace the output even if it holds a tracker or a store",
    )


def _report_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", choices=OUTPUT_LANGUAGES, default="en", help="report language")
    command.add_argument(
        "--format",
        dest="report_format",
        choices=tuple(WRITERS),
        default="markdown",
        help="; ".join(f"{name}: {writer.describe}" for name, writer in WRITERS.items())
        + " (default: markdown; a binary format needs -o)",
    )
    command.add_argument(
        "-o",
        "--output",
        type=Path,
        help="write the report to this file (default: standard output; docx needs one)",
    )
    _force_option(command)


def _view_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--region",
        help="only the States of one UN regional group (e.g. 'African States', GRULAC, WEOG)",
    )
    command.add_argument(
        "--reporter",
        help="whose word counts: one reporter, or several in order of precedence"
        " (comma-separated; default: the State's own, then Secretariat, civil society, other)",
    )
    command.add_argument(
        "--known-at",
        help="count only the records recorded by then (a date or an ISO date-time), to give"
        " a published figure again",
    )


def _scope(args: argparse.Namespace) -> Scope:
    """The scope --as-of, --meeting, --theme, --region, --reporter and --known-at give.

    Made, and so checked, before any file is read.
    """
    return Scope.of(
        as_of=args.as_of,
        meeting=getattr(args, "meeting", None),
        theme=getattr(args, "theme", None),
        region=args.region,
        reporter=None if args.reporter is None else _states(args.reporter),
        known_at=args.known_at,
    )


def _source_options(command: argparse.ArgumentParser, *, meeting: bool = True) -> None:
    command.add_argument(
        "source",
        nargs="?",
        type=Path,
        help="a tracker file (.sqlite, .json) or a spreadsheet (.xlsx, .ods, .csv…);"
        " synthetic data if omitted",
    )
    command.add_argument(
        "--catalogue", type=Path, help="for a spreadsheet: the catalogue (JSON); default: built-in"
    )
    command.add_argument("--as-of", help="the date to report on (any written date; default: today)")
    command.add_argument(
        "--states",
        help="for a spreadsheet: the population (comma-separated, or 'un-members');"
        " by default the States in the file",
    )
    _reading_options(command, meeting=meeting)
    synthetic_data = command.add_argument_group("synthetic data, when no source is given")
    synthetic_data.add_argument("--synthetic-states", type=int, default=150, help="how many States")
    synthetic_data.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")


def _max_errors_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--max-errors",
        type=_count,
        default=1000,
        metavar="N",
        help="stop reading a spreadsheet once more than N rows are refused"
        " (default: 1000; 0: never)",
    )


def _version() -> str:
    from smomtrack import __version__  # noqa: PLC0415 (the package imports this module last)

    return f"smomtrack {__version__}"


def _say(text: str) -> None:
    print(f"smomtrack: {text}", file=sys.stderr)


def _count(text: str) -> int:
    """A number of rows on the command line: 0 or more."""
    if not (text.isascii() and text.isdigit() and len(text) <= 12):
        raise argparse.ArgumentTypeError(f"expected a number of rows (0 or more), got {text!r}")
    return int(text)


def _states(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _population(text: str) -> list[str] | str:
    """The population --states gives: ``"un-members"`` or the States listed.

    Raises:
        InvalidDataError: It names no State.
    """
    if text.strip().casefold() == UN_MEMBERS:
        return UN_MEMBERS
    states = _states(text)
    if not states:
        raise InvalidDataError(f"--states {text!r} names no State: a population needs one")
    return states


SHOWN_ERRORS = 20
"""Refused rows listed one by one on standard error; the rest are counted per reason."""


def _print_errors(result: ImportResult, name: Path, shown: int | None = SHOWN_ERRORS) -> None:
    for warning in result.warnings[: shown or len(result.warnings)]:
        print(f"{name}: warning: {warning}", file=sys.stderr)
    errors = result.errors if shown is None else result.errors[:shown]
    for error in errors:
        print(f"{name}: {error}", file=sys.stderr)
    if len(result.errors) > len(errors):
        print(f"{name}: … and {len(result.errors) - len(errors):,} more", file=sys.stderr)
    if len(result.errors) > 1:
        counts = "; ".join(f"{n:,} × {reason}" for reason, n in result.reasons().items())
        print(f"{name}: {len(result.errors):,} rows refused ({counts})", file=sys.stderr)


def _max_errors(args: argparse.Namespace) -> int | None:
    limit: int = args.max_errors
    return None if limit == 0 else limit


def _tracker(args: argparse.Namespace) -> tuple[Tracker, int]:
    """The tracker the command works on, and how many rows of its spreadsheet were refused."""
    source: Path | None = args.source
    if source is None:
        _say(
            f"synthetic data ({args.synthetic_states} States, seed {args.seed}), not real responses"
        )
        return synthetic(states=args.synthetic_states, seed=args.seed), 0
    if source.suffix.lower() in SUFFIXES:
        return load(source), 0
    catalogue = _catalogue_file(args.catalogue) if args.catalogue else builtin_catalogue()
    read = _read(args, source, catalogue)
    if not len(read.batch):
        _print_errors(read, source)
        raise InvalidDataError(f"{source}: no valid row: nothing to summarize")
    population = _population(args.states) if args.states else _states_in(read)
    if not args.states:
        _say(f"population: the {len(population)} States in {source.name}")
    tracker = Tracker(catalogue, population)
    imported = tracker.add_many(read)
    _print_errors(imported, source)
    return tracker, len(imported.errors)


def _read(
    args: argparse.Namespace,
    path: Path,
    catalogue: Catalogue,
    states: list[str] | str | None = None,
    *,
    corrections: bool = False,
) -> ImportResult:
    """Read a spreadsheet as the command line's options say, with progress on a terminal."""
    progress = None if args.quiet else _progress(path)
    try:
        options = ReadOptions(
            sheet=args.sheet,
            meeting=args.meeting,
            corrections=corrections,
            max_errors=_max_errors(args),
            progress=progress,
        )
        return read_responses(path, options, catalogue=catalogue, states=states)
    finally:
        if progress is not None:
            progress(-1, None)


def _progress(path: Path) -> Progress | None:
    """Rows read so far on standard error, twice a second, when it is a terminal."""
    if not sys.stderr.isatty():
        return None
    last = [0.0, 0.0]  # when the last line was written, and whether one is showing

    def show(rows: int, total: int | None) -> None:
        if rows < 0:  # the end: leave the terminal on a new line
            if last[1]:
                print(file=sys.stderr)
            return
        now = time.monotonic()
        if now - last[0] < 0.5:
            return
        last[0], last[1] = now, 1.0
        of = f" of {total:,}" if total else ""
        print(f"\rsmomtrack: {path.name}: {rows:,}{of} rows read…", end="", file=sys.stderr)

    return show


def _states_in(read: ImportResult) -> list[str]:
    """The States that rows of *read* name."""
    batch = read.batch
    return sorted({batch.states[code] for code in set(batch.state)})


def _catalogue(args: argparse.Namespace, out: TextIO) -> int:
    recommendations = builtin_catalogue().recommendations(
        meeting=args.meeting, theme=args.theme, topic=args.topic
    )
    table = recommendations_table(
        recommendations, lang=args.lang, format=args.fmt, with_text=args.text
    )
    print(table, file=out)
    return 0


def _agenda(args: argparse.Namespace, out: TextIO) -> int:
    meeting = builtin_catalogue().meeting(args.meeting)
    print(agenda_table(meeting, lang=args.lang, format=args.fmt), file=out)
    return 0


def _summary(args: argparse.Namespace, out: TextIO) -> int:
    scope = _scope(args)
    tracker, refused = _tracker(args)
    with tracker:
        result = summarize(tracker, args.by, scope)
    print(result.render(args.fmt, args.lang), file=out)
    return 1 if refused else 0


def _report(args: argparse.Namespace, out: TextIO) -> int:
    _check_output(args)
    scope = _scope(args)
    tracker, refused = _tracker(args)
    with tracker:
        text = report(tracker, scope, lang=args.lang, format=args.report_format)
    _emit(text, args.output, out)
    return 1 if refused else 0


def _check_output(args: argparse.Namespace) -> None:
    """Refuse a binary report (Word) without a file to write it to, before any work."""
    writer = WRITERS[args.report_format]
    if writer.binary and args.output is None:
        raise InvalidDataError(
            f"{writer.describe} (--format {args.report_format}) needs a file:"
            f" -o report{writer.suffixes[0]}"
        )
    _guard_output(args, writer.suffixes, f"{writer.describe} (--format {args.report_format})")


def _guard_output(
    args: argparse.Namespace, suffixes: Sequence[str], what: str, *, replaces: str = ""
) -> None:
    """Refuse, before any work, an output that this command does not mean to write.

    An output of another kind than the command writes (by its suffix), one of the
    command's inputs, or (without ``--force``) a file that holds a store, a tracker or a
    catalogue (but the kind the command makes, *replaces*).
    """
    output: Path | None = args.output
    if output is None:
        return
    if output.suffix.lower() not in suffixes:
        raise InvalidDataError(
            f"{output}: {what} is written to a file ending in {' or '.join(suffixes)};"
            " nothing was written"
        )
    for name in ("source", "tracker", "report", "base", "catalogue", "file"):
        given = getattr(args, name, None)
        if isinstance(given, Path) and _same_file(output, given):
            raise InvalidDataError(
                f"{output}: is also what this command reads; choose another file to write"
            )
    held = _holds(output)
    if held and held != replaces and not args.force:
        raise InvalidDataError(
            f"{output}: holds {held}, which this command would replace; nothing was written"
            " (give --force to replace it)"
        )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or (
            one.exists() and other.exists() and one.samefile(other)
        )
    except OSError:
        return False


def _holds(path: Path) -> str | None:
    """What *path* holds that must not be replaced by mistake, or ``None``.

    A store, a tracker document or a catalogue document, seen by what the file holds; a
    tracker is looked for to the end (a text inside it may name a catalogue).
    """
    try:
        with path.open("rb") as file:
            chunk = file.read(1 << 16)
            if chunk.startswith(b"SQLite format 3\x00"):
                return "an SQLite database (a tracker's store?)"
            if not chunk.lstrip().startswith(b"{"):
                return None
            catalogue, tail = False, b""
            while chunk:
                window = tail + chunk
                if b'"smomtrack.tracker"' in window:
                    return "a smomtrack tracker"
                catalogue = catalogue or b'"smomtrack.catalogue"' in window
                tail, chunk = window[-32:], file.read(1 << 20)
    except OSError:
        return None
    return "a smomtrack catalogue" if catalogue else None


def _emit(text: str | bytes, output: Path | None, out: TextIO) -> None:
    """The report to its file (said on standard output), or on standard output."""
    if output is None:
        print(text, file=out, end="")
        return
    write_atomically(output, text)
    print(f"{output}: report written", file=out)


def _follow_up(args: argparse.Namespace, out: TextIO) -> int:
    scope = _scope(args)
    tracker, refused = _tracker(args)
    with tracker:
        result = follow_up(tracker, scope, stale_after=args.stale_after)
    print(result.render(args.fmt, args.lang), file=out)
    return 1 if refused else 0


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    _check_output(args)
    text = report(synthetic(), lang=args.lang, format=args.report_format, as_of=DEMO_DATE)
    _emit(text, args.output, out)
    return 0


def _import(args: argparse.Namespace, out: TextIO) -> int:
    target: Path = args.into
    _check_target(target)
    exists = target.exists() and target.stat().st_size > 0
    if exists and args.states is not None:
        raise InvalidDataError(
            f"{target} exists: its population is its own; --states is for a new tracker file"
            " (nothing was read or written)"
        )
    if exists:
        tracker = load(target)
        read = _read(args, args.file, tracker.catalogue, corrections=args.corrections)
    elif args.states is None:
        raise InvalidDataError(
            f"{target} does not exist yet: give its population with --states"
            " (codes or names, 'un-members', or 'from-file')"
        )
    else:
        catalogue = _catalogue_file(args.catalogue) if args.catalogue else builtin_catalogue()
        read = _read(args, args.file, catalogue, corrections=args.corrections)
        from_file = args.states == "from-file"
        states = _states_in(read) if from_file else _population(args.states)
        if target.suffix.lower() == ".sqlite":
            tracker = open_tracker(target, catalogue=catalogue, states=states)
        else:
            tracker = Tracker(catalogue, states)
    with tracker:
        result = tracker.add_many(read)
        if target.suffix.lower() == ".json":
            save(tracker, target)
    _print_errors(result, args.file)
    print(
        f"{args.file}: {len(result.batch)} recorded, {len(result.unchanged)} already there,"
        f" {len(result.errors)} refused, {result.skipped} blank;"
        f" {target} holds {len(tracker)} records",
        file=out,
    )
    return 1 if result.errors else 0


def _check_target(target: Path) -> None:
    """Refuse a tracker file that cannot be written, before anything is read.

    Raises:
        InvalidDataError: Not a tracker file's suffix.
        StorageError: A folder that does not exist or cannot be written, a file that is
            read-only or a folder.
    """
    if target.suffix.lower() not in SUFFIXES:
        raise InvalidDataError(
            f"{target}: a tracker file ends in {' or '.join(SUFFIXES)}; nothing was read or written"
        )
    folder = target.parent if str(target.parent) else Path()
    if target.is_dir():
        raise StorageError(target, "is a folder, not a tracker file; nothing was read or written")
    if not folder.is_dir():
        raise StorageError(target, "its folder does not exist; nothing was read or written")
    writable = os.access(target, os.W_OK) if target.exists() else os.access(folder, os.W_OK)
    if not writable:
        raise StorageError(target, "cannot be written; nothing was read or written")


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    catalogue = _catalogue_file(args.catalogue) if args.catalogue else builtin_catalogue()
    states = _population(args.states) if args.states else None
    result = _read(args, args.file, catalogue, states)
    for warning in result.warnings:
        print(f"{args.file}: warning: {warning}", file=out)
    for error in result.errors:
        print(f"{args.file}: {error}", file=out)
    if result.ignored_columns:
        print(f"{args.file}: columns not read: {', '.join(result.ignored_columns)}", file=out)
    print(
        f"{args.file}: {len(result.batch)} valid rows, {len(result.errors)} bad rows,"
        f" {result.skipped} blank rows",
        file=out,
    )
    return 1 if result.errors else 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    _guard_output(args, (".csv", ".tsv", ".xlsx"), "an export of responses")
    with load(args.tracker) as tracker:
        count = write_responses(tracker, args.output, lang=args.lang)
    print(f"{args.output}: {count} responses written", file=out)
    return 0


def _catalogue_file(path: Path) -> Catalogue:
    try:
        loaded = from_json(path.read_bytes())
    except OSError as exc:
        raise InvalidDataError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not isinstance(loaded, Catalogue):
        raise InvalidDataError(f"{path}: a tracker, not a catalogue")
    return loaded


def _ingest(args: argparse.Namespace, out: TextIO) -> int:
    _guard_output(args, (".json",), "a catalogue", replaces="a smomtrack catalogue")
    parsed = parse_report(args.report, meeting=args.meeting, lang=args.lang, document=args.document)
    base = _catalogue_file(args.base) if args.base else builtin_catalogue()
    extended = base.with_report(parsed)
    # What was read, before anything is written.
    print(
        f"{args.report}: {len(parsed.themes)} themes and {len(parsed.recommendations)}"
        f" recommendations of {parsed.meeting} ({parsed.lang})",
        file=out,
    )
    added = {rec.key: rec for rec in extended}
    for theme in parsed.themes:
        numbers = [r.number for r in parsed.recommendations if r.theme == theme.key]
        span = (
            "none"
            if not numbers
            else f"{numbers[0]}"
            if len(numbers) == 1
            else f"{numbers[0]}–{numbers[-1]}"
        )
        print(f"  {theme.key} ({theme.section}): recommendations {span}", file=out)
    for rec in parsed.recommendations:
        topics = added[rec.key].suggested_topics
        if topics:
            print(f"  {rec.key}: topics suggested: {', '.join(topics)}", file=out)
    for warning in parsed.warnings:
        print(f"{args.report}: {warning}", file=out)
    write_atomically(args.output, to_json(extended))
    print(f"{args.output}: a catalogue of {len(extended)} recommendations", file=out)
    return 0


def _template(args: argparse.Namespace, out: TextIO) -> int:
    _guard_output(args, (".csv", ".xlsx"), "a questionnaire")
    states = _population(args.states) if args.states else None
    if args.output.suffix.lower() == ".xlsx" and states is None:
        raise InvalidDataError("a questionnaire (.xlsx) needs its States: give --states")
    count = questionnaire(
        args.output, states=states, lang=args.lang, meeting=args.meeting, as_of=args.as_of
    )
    print(f"{args.output}: {count} rows to fill in", file=out)
    return 0


_COMMANDS = {
    "catalogue": _catalogue,
    "agenda": _agenda,
    "summary": _summary,
    "report": _report,
    "follow-up": _follow_up,
    "demo": _demo,
    "import": _import,
    "validate": _validate,
    "export": _export,
    "template": _template,
    "ingest": _ingest,
}


def _tolerant(stream: TextIO) -> None:
    """A terminal or file that is not UTF-8 shows what it cannot encode as ``?``."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if isinstance(stream, io.TextIOWrapper) and codecs.lookup(encoding).name != "utf-8":
        stream.reconfigure(errors="replace")


def _draws(stream: TextIO, characters: str) -> bool:
    """Whether *stream*'s encoding has *characters*."""
    try:
        characters.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _silence(stream: TextIO) -> None:
    """Send what is left for *stream* nowhere (Python flushes it on exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with *argv* (``sys.argv[1:]`` by default); return the exit status.

    Exit status: 0 on success; 1 when some rows of a spreadsheet were refused (``import``,
    ``validate``, ``summary``, ``report``, ``follow-up``: the rest was done); 2 when the
    command line or its input is wrong, or a spreadsheet has no valid row or more refused
    rows than ``--max-errors`` (the error is printed on standard error, without a traceback);
    141 when the output was closed before the end (``… | head``), as for other tools.
    """
    out = out or sys.stdout
    for stream in (out, sys.stderr):
        _tolerant(stream)
    args = _parser().parse_args(argv)
    if getattr(args, "fmt", None) == "simple_grid" and not _draws(out, "─│"):
        args.fmt = "grid"  # the output cannot show box characters: draw with ASCII
    try:
        if hasattr(args, "fmt"):
            check_format(args.fmt)
        return _COMMANDS[args.command](args, out)
    except BrokenPipeError:  # the reader went away (`… | head`): stop quietly, as others do
        _silence(out)
        return 141
    except SmomtrackError as exc:
        _say(f"error: {exc}")
        return 2
    except OSError as exc:  # a file the library did not open itself (an output, say)
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"error: {where}{exc.strerror or exc}")
        return 2
