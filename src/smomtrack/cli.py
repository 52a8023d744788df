"""The ``smomtrack`` command line: a thin shell over the library."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from smomtrack._catalogue.builtin import builtin_catalogue
from smomtrack._catalogue.catalogue import Catalogue
from smomtrack._interchange.atomic import write_atomically
from smomtrack._interchange.files import SUFFIXES, load, load_catalogue, save
from smomtrack._interchange.json_format import to_json
from smomtrack._interchange.report_text import parse_report
from smomtrack._interchange.rows import ENGINES, Progress, ReadOptions
from smomtrack._interchange.spreadsheets import questionnaire, read_responses, write_responses
from smomtrack._interchange.sqlite_store import open_tracker
from smomtrack._interchange.system import reason
from smomtrack._presentation.tables import check_format
from smomtrack._rendering.catalogue_tables import agenda_table, recommendations_table
from smomtrack._rendering.report import masthead, report
from smomtrack._rendering.writers import WRITERS
from smomtrack._summaries.follow_up import follow_up
from smomtrack._summaries.scope import Scope
from smomtrack._summaries.summary import GROUPINGS, summarize
from smomtrack._tracking.imports import ImportResult
from smomtrack._tracking.synthetic import synthetic
from smomtrack._tracking.tracker import Tracker
from smomtrack._vocabulary.states import UN_MEMBERS
from smomtrack._words import (
    MESSAGE_LANGUAGES,
    Listed,
    Message,
    Quoted,
    argparse_catalogue,
    environment_language,
    word,
)
from smomtrack.exceptions import InvalidDataError, SmomtrackError, StorageError

__all__ = ["DEMO_DATE", "main"]

DEMO_DATE = "2023-12-31"
"""The demo reports as of this date, so that its output is the same every day."""


def _parser(lang: str) -> argparse.ArgumentParser:
    """The command line's parser, its help in *lang*."""
    h = Help(lang)

    parser = argparse.ArgumentParser(prog="smomtrack", description=h("description"))
    parser.add_argument("--version", action="version", version=_version(), help=h("version"))
    commands = parser.add_subparsers(
        dest="command", required=True, metavar=word("cli_value_command", lang)
    )

    catalogue = commands.add_parser("catalogue", help=h("catalogue"), description=h("catalogue"))
    catalogue.add_argument("--meeting", help=h("meeting_only"))
    catalogue.add_argument("--theme", help=h("theme_only"))
    catalogue.add_argument("--topic", help=h("topic_only"))
    catalogue.add_argument("--text", action="store_true", help=h("with_text"))
    _catalogue_option(catalogue, h)
    _table_options(catalogue, h)

    agenda = commands.add_parser("agenda", help=h("agenda"), description=h("agenda"))
    agenda.add_argument("meeting", help=h("agenda_meeting"))
    _catalogue_option(agenda, h)
    _table_options(agenda, h)

    summary = commands.add_parser("summary", help=h("summary"), description=h("summary"))
    summary.add_argument("--by", choices=GROUPINGS, default="theme", help=h("by"))
    summary.add_argument("--meeting", help=h("summary_meeting"))
    summary.add_argument("--theme", help=h("summary_theme"))
    _source_options(summary, h, meeting=False)
    _view_options(summary, h)
    _table_options(summary, h)

    report_command = commands.add_parser("report", help=h("report"), description=h("report"))
    _source_options(report_command, h)
    _view_options(report_command, h)
    _report_options(report_command, h, lang)

    follow = commands.add_parser("follow-up", help=h("follow_up"), description=h("follow_up"))
    _source_options(follow, h)
    _view_options(follow, h)
    follow.add_argument("--stale-after", default="12 months", help=h("stale_after"))
    _table_options(follow, h)

    demo = commands.add_parser("demo", help=h("demo"), description=h("demo"))
    _report_options(demo, h, lang)

    _file_commands(commands, h)
    for command in commands.choices.values():
        _name_values(command, lang)
    return parser


def _name_values(command: argparse.ArgumentParser, lang: str) -> None:
    """Name each value the usage line shows in *lang* (``--sheet FEUILLE``, ``FICHIER``).

    argparse names a value by its option's destination unless told otherwise; the names
    are set once the command's options are all made (argparse keeps them in ``_actions``).
    """
    for action in command._actions:  # noqa: SLF001 (argparse's list of a parser's options)
        if action.metavar is None and action.choices is None and action.nargs != 0:
            action.metavar = word(f"cli_value_{action.dest}", lang)


class Help:
    """The command line's help texts (and value checks) in its language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str) -> str:
        """The help text *key* (``cli_{key}`` in the catalogues), escaped for argparse."""
        return word(f"cli_{key}", self.lang).replace("%", "%%")

    def count(self, text: str) -> int:
        """A number of rows on the command line: 0 or more.

        Raises:
            argparse.ArgumentTypeError: Not one, said in the command line's language.
        """
        if not (text.isascii() and text.isdigit() and len(text) <= 12):
            message = Message("msg_not_count", text=Quoted(text)).text(self.lang)
            raise argparse.ArgumentTypeError(message)
        return int(text)


def _file_commands(commands: Any, h: Help) -> None:
    """The commands that read or write spreadsheets and catalogues."""
    import_command = commands.add_parser("import", help=h("import"), description=h("import"))
    import_command.add_argument("file", type=Path, help=h("spreadsheet"))
    _reading_options(import_command, h)
    import_command.add_argument("--into", type=Path, required=True, help=h("into"))
    import_command.add_argument("--catalogue", type=Path, help=h("catalogue_new"))
    import_command.add_argument("--corrections", action="store_true", help=h("corrections"))
    import_command.add_argument("--states", help=h("states_import"))
    _language_option(import_command, h)

    validate = commands.add_parser("validate", help=h("validate"), description=h("validate"))
    validate.add_argument("file", type=Path, help=h("spreadsheet"))
    _reading_options(validate, h)
    validate.add_argument("--catalogue", type=Path, help=h("catalogue_rows"))
    validate.add_argument("--states", help=h("states_validate"))
    _language_option(validate, h)

    export = commands.add_parser("export", help=h("export"), description=h("export"))
    export.add_argument("tracker", type=Path, help=h("tracker"))
    export.add_argument("-o", "--output", type=Path, required=True, help=h("output_export"))
    _force_option(export, h)
    _language_option(export, h)
    export.add_argument("--codes", action="store_true", help=h("codes"))

    ingest = commands.add_parser("ingest", help=h("ingest"), description=h("ingest"))
    ingest.add_argument("report", type=Path, help=h("ingest_report"))
    ingest.add_argument("--meeting", required=True, help=h("ingest_meeting"))
    ingest.add_argument("--lang", choices=MESSAGE_LANGUAGES, help=h("ingest_lang"))
    ingest.add_argument("--document", help=h("document"))
    ingest.add_argument("--catalogue", dest="base", type=Path, help=h("base"))
    ingest.add_argument("-o", "--output", type=Path, required=True, help=h("output_catalogue"))
    _force_option(ingest, h)

    template = commands.add_parser("template", help=h("template"), description=h("template"))
    template.add_argument("-o", "--output", type=Path, required=True, help=h("output_template"))
    _force_option(template, h)
    _language_option(template, h)
    template.add_argument("--states", help=h("states_template"))
    template.add_argument("--meeting", help=h("template_meeting"))
    template.add_argument("--as-of", help=h("template_as_of"))
    template.add_argument("--deadline", help=h("deadline"))
    template.add_argument("--contact", help=h("contact"))
    _catalogue_option(template, h)


def _language_option(command: argparse.ArgumentParser, h: Help) -> None:
    command.add_argument("--lang", choices=MESSAGE_LANGUAGES, help=h("lang"))


def _catalogue_option(command: argparse.ArgumentParser, h: Help) -> None:
    command.add_argument("--catalogue", type=Path, help=h("catalogue_show"))


def _reading_options(command: argparse.ArgumentParser, h: Help, *, meeting: bool = True) -> None:
    command.add_argument("--sheet", help=h("sheet"))
    command.add_argument("--engine", choices=ENGINES, default="auto", help=h("engine"))
    if meeting:
        command.add_argument("--meeting", help=h("reading_meeting"))
    _max_errors_option(command, h)
    command.add_argument("--quiet", action="store_true", help=h("quiet"))


def _table_options(command: argparse.ArgumentParser, h: Help) -> None:
    _language_option(command, h)
    command.add_argument(
        "--format", dest="fmt", default="simple_grid", metavar="FORMAT", help=h("table_format")
    )


def _force_option(command: argparse.ArgumentParser, h: Help) -> None:
    command.add_argument("--force", action="store_true", help=h("force"))


def _report_options(command: argparse.ArgumentParser, h: Help, lang: str) -> None:
    _language_option(command, h)
    formats = "; ".join(f"{name}: {word(w.describe, lang)}" for name, w in WRITERS.items())
    command.add_argument(
        "--format",
        dest="report_format",
        choices=tuple(WRITERS),
        default="markdown",
        help=word("cli_report_format", lang, formats=formats).replace("%", "%%"),
    )
    command.add_argument("-o", "--output", type=Path, help=h("output_report"))
    _force_option(command, h)
    document = command.add_argument_group(h("document_group"))
    document.add_argument("--symbol", help=h("symbol"))
    document.add_argument("--author", help=h("author"))
    document.add_argument("--issued", help=h("issued"))


def _view_options(command: argparse.ArgumentParser, h: Help) -> None:
    command.add_argument("--region", help=h("region"))
    command.add_argument("--reporter", help=h("reporter"))
    command.add_argument("--known-at", help=h("known_at"))


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


def _source_options(command: argparse.ArgumentParser, h: Help, *, meeting: bool = True) -> None:
    command.add_argument("source", nargs="?", type=Path, help=h("source"))
    command.add_argument("--catalogue", type=Path, help=h("catalogue_spreadsheet"))
    command.add_argument("--as-of", help=h("as_of"))
    command.add_argument("--states", help=h("states_source"))
    _reading_options(command, h, meeting=meeting)
    synthetic_data = command.add_argument_group(h("synthetic"))
    synthetic_data.add_argument(
        "--synthetic-states", type=int, default=150, help=h("synthetic_states")
    )
    synthetic_data.add_argument("--seed", type=int, default=0, help=h("seed"))


def _max_errors_option(command: argparse.ArgumentParser, h: Help) -> None:
    command.add_argument(
        "--max-errors", type=h.count, default=1000, metavar="N", help=h("max_errors")
    )


def _version() -> str:
    from smomtrack import __version__  # noqa: PLC0415 (the package imports this module last)

    return f"smomtrack {__version__}"


def _say(args: argparse.Namespace, message: Message) -> None:
    """*message* on standard error, in the command line's language."""
    print(f"smomtrack: {message.text(args.words)}", file=sys.stderr)


def _tell(args: argparse.Namespace, message: Message, out: TextIO) -> None:
    """*message* on *out*, in the command line's language."""
    print(message.text(args.words), file=out)


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
        raise InvalidDataError(Message("msg_states_none", text=Quoted(text)))
    return states


SHOWN_ERRORS = 20
"""Refused rows listed one by one on standard error; the rest are counted per reason."""


def _print_errors(
    args: argparse.Namespace, result: ImportResult, name: Path, shown: int | None = SHOWN_ERRORS
) -> None:
    lang = args.words
    for warning in result.warnings[: shown or len(result.warnings)]:
        text = Message("msg_warning", message=warning.describe(lang)).text(lang)
        print(_in_file(name, text, lang), file=sys.stderr)
    errors = result.errors if shown is None else result.errors[:shown]
    for error in errors:
        print(_in_file(name, error.describe(lang), lang), file=sys.stderr)
    more = len(result.errors) - len(errors)
    if more > 0:
        print(_in_file(name, Message("msg_and_more", more).text(lang), lang), file=sys.stderr)
    if len(result.errors) > 1:
        print(_in_file(name, _refused(result).text(lang), lang), file=sys.stderr)


def _in_file(name: Path | str, text: str, lang: str) -> str:
    return Message("msg_in_file", file=str(name), message=text).text(lang)


def _refused(result: ImportResult) -> Message:
    """How many rows were refused, and for what, in people's words."""
    said: dict[str, Message] = {}
    for error in result.errors:
        said.setdefault(error.reason, error.said_reason)
    counts = [(said[reason], n) for reason, n in result.reasons().items()]
    return Message("msg_rows_refused_for", len(result.errors), counts=_Counts(counts))


class _Counts:
    """``3 × reason; 1 × other reason``, in the language asked."""

    __slots__ = ("counts",)

    def __init__(self, counts: list[tuple[Message, int]]) -> None:
        self.counts = counts

    def label(self, lang: str) -> str:
        return word("list_semicolon", lang).join(
            Message("msg_times", n, reason=reason).text(lang) for reason, n in self.counts
        )


def _max_errors(args: argparse.Namespace) -> int | None:
    limit: int = args.max_errors
    return None if limit == 0 else limit


def _tracker(args: argparse.Namespace) -> tuple[Tracker, int]:
    """The tracker the command works on, and how many rows of its spreadsheet were refused."""
    source: Path | None = args.source
    if source is None:
        _say(args, Message("msg_synthetic", args.synthetic_states, seed=args.seed))
        return synthetic(states=args.synthetic_states, seed=args.seed), 0
    if source.suffix.lower() in SUFFIXES:
        return load(source), 0
    catalogue = _catalogue_of(args)
    read = _read(args, source, catalogue)
    if not len(read.batch):
        _print_errors(args, read, source)
        raise InvalidDataError(Message("msg_no_valid_row", file=str(source)))
    population = _population(args.states) if args.states else _states_in(read)
    if not args.states:
        _say(args, Message("msg_population_from_file", len(population), file=source.name))
    tracker = Tracker(catalogue, population)
    imported = tracker.add_many(read)
    _print_errors(args, imported, source)
    return tracker, len(imported.errors)


def _catalogue_of(args: argparse.Namespace) -> Catalogue:
    """The catalogue --catalogue names, or the built-in one."""
    path: Path | None = getattr(args, "catalogue", None)
    return load_catalogue(path) if path is not None else builtin_catalogue()


def _read(
    args: argparse.Namespace,
    path: Path,
    catalogue: Catalogue,
    states: list[str] | str | None = None,
    *,
    corrections: bool = False,
) -> ImportResult:
    """Read a spreadsheet as the command line's options say, with progress on a terminal."""
    progress = None if args.quiet else _progress(args, path)
    try:
        options = ReadOptions(
            sheet=args.sheet,
            meeting=args.meeting,
            corrections=corrections,
            max_errors=_max_errors(args),
            progress=progress,
            lang=args.given_lang,
            engine=args.engine,
        )
        return read_responses(path, options, catalogue=catalogue, states=states)
    finally:
        if progress is not None:
            progress(-1, None)


def _progress(args: argparse.Namespace, path: Path) -> Progress | None:
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
        message = (
            Message("msg_progress_of", rows, total=total, file=path.name)
            if total
            else Message("msg_progress", rows, file=path.name)
        )
        print(f"\rsmomtrack: {message.text(args.words)}", end="", file=sys.stderr)

    return show


def _states_in(read: ImportResult) -> list[str]:
    """The States that rows of *read* name."""
    batch = read.batch
    return sorted({batch.states[code] for code in set(batch.state)})


def _catalogue(args: argparse.Namespace, out: TextIO) -> int:
    recommendations = _catalogue_of(args).recommendations(
        meeting=args.meeting, theme=args.theme, topic=args.topic
    )
    table = recommendations_table(
        recommendations, lang=args.lang, format=args.fmt, with_text=args.text
    )
    print(table, file=out)
    return 0


def _agenda(args: argparse.Namespace, out: TextIO) -> int:
    meeting = _catalogue_of(args).meeting(args.meeting)
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
        text = report(
            tracker,
            scope,
            lang=args.lang,
            format=args.report_format,
            symbol=args.symbol,
            author=args.author,
            issued=args.issued,
        )
    _emit(args, text, out)
    return 1 if refused else 0


def _check_output(args: argparse.Namespace) -> None:
    """Refuse a binary report (Word) without a file to write it to, before any work."""
    writer = WRITERS[args.report_format]
    what = Message("msg_report_format", what=Message(writer.describe), format=args.report_format)
    if writer.binary and args.output is None:
        raise InvalidDataError(
            Message("msg_needs_file", what=what, example=f"report{writer.suffixes[0]}")
        )
    _guard_output(args, writer.suffixes, what)
    masthead(args.lang, symbol=args.symbol, author=args.author, issued=args.issued)


def _guard_output(
    args: argparse.Namespace, suffixes: Sequence[str], what: Message, *, replaces: str = ""
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
            Message(
                "msg_wrong_suffix", file=str(output), what=what, suffixes=Listed(suffixes, "or")
            )
        )
    for name in ("source", "tracker", "report", "base", "catalogue", "file"):
        given = getattr(args, name, None)
        if isinstance(given, Path) and _same_file(output, given):
            raise InvalidDataError(Message("msg_output_is_input", file=str(output)))
    held = _holds(output)
    if held and held != replaces and not args.force:
        raise InvalidDataError(
            Message("msg_would_replace", file=str(output), held=Message(f"held_{held}"))
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

    ``"store"``, ``"tracker"`` or ``"catalogue"``.

    A store, a tracker document or a catalogue document, seen by what the file holds; a
    tracker is looked for to the end (a text inside it may name a catalogue).
    """
    try:
        with path.open("rb") as file:
            chunk = file.read(1 << 16)
            if chunk.startswith(b"SQLite format 3\x00"):
                return "store"
            if not chunk.lstrip().startswith(b"{"):
                return None
            catalogue, tail = False, b""
            while chunk:
                window = tail + chunk
                if b'"smomtrack.tracker"' in window:
                    return "tracker"
                catalogue = catalogue or b'"smomtrack.catalogue"' in window
                tail, chunk = window[-32:], file.read(1 << 20)
    except OSError:
        return None
    return "catalogue" if catalogue else None


def _emit(args: argparse.Namespace, text: str | bytes, out: TextIO) -> None:
    """The report to its file (said on standard output), or on standard output."""
    output: Path | None = args.output
    if output is None:
        print(text, file=out, end="")
        return
    write_atomically(output, text)
    _tell(args, Message("msg_report_written", file=str(output)), out)


def _follow_up(args: argparse.Namespace, out: TextIO) -> int:
    scope = _scope(args)
    tracker, refused = _tracker(args)
    with tracker:
        result = follow_up(tracker, scope, stale_after=args.stale_after)
    print(result.render(args.fmt, args.lang), file=out)
    return 1 if refused else 0


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    _check_output(args)
    text = report(
        synthetic(),
        lang=args.lang,
        format=args.report_format,
        as_of=DEMO_DATE,
        symbol=args.symbol,
        author=args.author,
        issued=args.issued,
    )
    _emit(args, text, out)
    return 0


def _import(args: argparse.Namespace, out: TextIO) -> int:
    target: Path = args.into
    _check_target(target)
    exists = target.exists() and target.stat().st_size > 0
    if exists and args.states is not None:
        raise InvalidDataError(Message("msg_population_own", file=str(target)))
    if exists:
        tracker = load(target)
        read = _read(args, args.file, tracker.catalogue, corrections=args.corrections)
    elif args.states is None:
        raise InvalidDataError(Message("msg_population_needed", file=str(target)))
    else:
        catalogue = _catalogue_of(args)
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
    _print_errors(args, result, args.file)
    _tell(
        args,
        Message(
            "msg_imported",
            file=str(args.file),
            recorded=Message("count_recorded", len(result.batch)),
            unchanged=Message("count_unchanged", len(result.unchanged)),
            refused=Message("count_refused", len(result.errors)),
            blank=Message("count_blank", result.skipped),
            target=str(target),
            records=Message("count_records", len(tracker)),
        ),
        out,
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
            Message("msg_tracker_suffix", file=str(target), suffixes=Listed(SUFFIXES, "or"))
        )
    folder = target.parent if str(target.parent) else Path()
    if target.is_dir():
        raise StorageError(target, Message("msg_target_folder"))
    if not folder.is_dir():
        raise StorageError(target, Message("msg_target_no_folder"))
    writable = os.access(target, os.W_OK) if target.exists() else os.access(folder, os.W_OK)
    if not writable:
        raise StorageError(target, Message("msg_target_read_only"))


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    catalogue = _catalogue_of(args)
    states = _population(args.states) if args.states else None
    result = _read(args, args.file, catalogue, states)
    lang = args.words
    for warning in result.warnings:
        text = Message("msg_warning", message=warning.describe(lang)).text(lang)
        print(_in_file(args.file, text, lang), file=out)
    for error in result.errors:
        print(_in_file(args.file, error.describe(lang), lang), file=out)
    if result.ignored_columns:
        columns = Listed(map(Quoted, result.ignored_columns))
        _tell(args, Message("msg_columns_not_read", file=str(args.file), columns=columns), out)
    _tell(
        args,
        Message(
            "msg_validated",
            file=str(args.file),
            valid=Message("count_valid_rows", len(result.batch)),
            bad=Message("count_bad_rows", len(result.errors)),
            blank=Message("count_blank_rows", result.skipped),
        ),
        out,
    )
    return 1 if result.errors else 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    _guard_output(args, (".csv", ".tsv", ".xlsx"), Message("what_export"))
    with load(args.tracker) as tracker:
        count = write_responses(tracker, args.output, lang=args.lang, codes=args.codes)
    _tell(args, Message("msg_exported", count, file=str(args.output)), out)
    return 0


def _ingest(args: argparse.Namespace, out: TextIO) -> int:
    _guard_output(args, (".json",), Message("what_catalogue"), replaces="catalogue")
    parsed = parse_report(args.report, meeting=args.meeting, lang=args.lang, document=args.document)
    base = load_catalogue(args.base) if args.base else builtin_catalogue()
    extended = base.with_report(parsed)
    # What was read, before anything is written.
    _tell(
        args,
        Message(
            "msg_ingested",
            file=str(args.report),
            themes=Message("count_themes", len(parsed.themes)),
            recommendations=Message("count_recommendations", len(parsed.recommendations)),
            meeting=parsed.meeting,
            lang=parsed.lang,
        ),
        out,
    )
    added = {rec.key: rec for rec in extended}
    for theme in parsed.themes:
        numbers = [r.number for r in parsed.recommendations if r.theme == theme.key]
        span = (
            Message("msg_no_recommendation")
            if not numbers
            else Message("msg_recommendations_span", 1, first=numbers[0], last=numbers[0])
            if len(numbers) == 1
            else Message("msg_recommendations_span", 2, first=numbers[0], last=numbers[-1])
        )
        _tell(
            args,
            Message("msg_ingested_theme", key=theme.key, section=theme.section, span=span),
            out,
        )
    for rec in parsed.recommendations:
        if rec.footnotes:
            called = Listed(note.number for note in rec.footnotes)
            _tell(
                args,
                Message("msg_footnotes_kept", len(rec.footnotes), key=rec.key, numbers=called),
                out,
            )
        suggested = added[rec.key].suggested_topics
        if suggested:
            topics = ", ".join(
                Message(
                    "msg_topic_confidence",
                    tag=s.tag,
                    percent=round(100 * s.confidence) if s.confidence is not None else "?",
                ).text(args.words)
                for s in suggested
            )
            _tell(args, Message("msg_topics_suggested", key=rec.key, topics=topics), out)
    for warning in parsed.warnings:
        print(_in_file(args.report, warning.describe(args.words), args.words), file=out)
    write_atomically(args.output, to_json(extended))
    _tell(args, Message("msg_catalogue_written", len(extended), file=str(args.output)), out)
    return 0


def _template(args: argparse.Namespace, out: TextIO) -> int:
    _guard_output(args, (".csv", ".xlsx"), Message("what_questionnaire"))
    states = _population(args.states) if args.states else None
    if args.output.suffix.lower() == ".xlsx" and states is None:
        raise InvalidDataError(Message("msg_questionnaire_states"))
    count = questionnaire(
        args.output,
        states=states,
        lang=args.lang,
        catalogue=_catalogue_of(args),
        meeting=args.meeting,
        as_of=args.as_of,
        deadline=args.deadline,
        contact=args.contact,
    )
    _tell(args, Message("msg_rows_to_fill", count, file=str(args.output)), out)
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


def _language(argv: Sequence[str]) -> str:
    """The language of the command line: its ``--lang``, else the environment's locale."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = (
            arg.partition("=")[2]
            if arg.startswith("--lang=")
            else argv[index + 1]
            if arg == "--lang" and index + 1 < len(argv)
            else None
        )
        if value in MESSAGE_LANGUAGES:
            return value
    return environment_language()


@contextlib.contextmanager
def _argparse_speaks(lang: str) -> Iterator[None]:
    """Argparse's own words (usage, errors, headings) in *lang* while the parser works.

    argparse asks the standard library's :mod:`gettext` for every word it writes, through
    its module's ``_`` and ``ngettext``; smomtrack's ``argparse`` catalogues answer.
    """
    translations = argparse_catalogue(lang)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translations.gettext, translations.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with *argv* (``sys.argv[1:]`` by default); return the exit status.

    Everything it says is in the language of ``--lang``, or else of the environment's
    locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), or else English.

    Exit status: 0 on success; 1 when some rows of a spreadsheet were refused (``import``,
    ``validate``, ``summary``, ``report``, ``follow-up``: the rest was done); 2 when the
    command line or its input is wrong, or a spreadsheet has no valid row or more refused
    rows than ``--max-errors`` (the error is printed on standard error, without a traceback);
    141 when the output was closed before the end (``… | head``), as for other tools.
    """
    out = out or sys.stdout
    for stream in (out, sys.stderr):
        _tolerant(stream)
    argv = list(sys.argv[1:] if argv is None else argv)
    words = _language(argv)
    with _argparse_speaks(words):
        args = _parser(words).parse_args(argv)
    args.words = words
    args.given_lang = args.lang  # a file is read in its own language unless --lang says
    if args.command != "ingest":  # ingest's --lang is the report's language
        args.lang = args.lang or words
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
        _say(args, Message("msg_error", message=exc.describe(words)))
        return 2
    except OSError as exc:  # a file the library did not open itself (an output, say)
        problem = reason(exc)
        if exc.filename:
            problem = Message("msg_in_file", file=str(exc.filename), message=problem)
        _say(args, Message("msg_error", message=problem))
        return 2
