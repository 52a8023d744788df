"""The ``smomtrack`` command line: a thin shell over the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from smomtrack.catalogue.builtin import builtin_catalogue
from smomtrack.exceptions import SmomtrackError
from smomtrack.rendering.catalogue_tables import (
    agenda_table,
    check_format,
    recommendations_table,
)
from smomtrack.rendering.labels import OUTPUT_LANGUAGES
from smomtrack.rendering.report import REPORT_FORMATS, report
from smomtrack.summaries.summary import GROUPINGS, summarize
from smomtrack.tracking.synthetic import synthetic
from smomtrack.tracking.tracker import Tracker

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smomtrack",
        description="Track the implementation of the recommendations of the UN Working Group"
        " on the Smuggling of Migrants.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def output_options(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--lang", choices=OUTPUT_LANGUAGES, default="en", help="output language (default: en)"
        )
        command.add_argument(
            "--format",
            dest="fmt",
            default="simple_grid",
            metavar="FORMAT",
            help="any tabulate format: github, grid, html, latex, … (default: simple_grid)",
        )

    catalogue = commands.add_parser(
        "catalogue", help="list the recommendations of the built-in catalogue"
    )
    catalogue.add_argument("--meeting", help="only this meeting (e.g. SOM7)")
    catalogue.add_argument("--theme", help="only this theme (e.g. SOM7-B)")
    catalogue.add_argument("--topic", help="only this topic tag (e.g. capacity-building)")
    catalogue.add_argument(
        "--text", action="store_true", help="show each recommendation's official text"
    )
    output_options(catalogue)

    agenda = commands.add_parser("agenda", help="print a meeting's organization of work")
    agenda.add_argument("meeting", help="the meeting (e.g. SOM8)")
    output_options(agenda)

    def data_options(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--as-of", help="the date to report on (any written date; default: today)"
        )
        synthetic_data = command.add_argument_group(
            "synthetic data", "the made-up tracker the command works on (see smomtrack.synthetic)"
        )
        synthetic_data.add_argument(
            "--states", type=int, default=150, help="how many States (default: 150)"
        )
        synthetic_data.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")

    summary = commands.add_parser("summary", help="a compliance summary table")
    summary.add_argument(
        "--by", choices=GROUPINGS, default="theme", help="how to group (default: theme)"
    )
    summary.add_argument("--meeting", help="only this meeting's recommendations")
    summary.add_argument("--theme", help="only this theme's recommendations")
    data_options(summary)
    output_options(summary)

    report = commands.add_parser("report", help="a whole compliance report")
    report_options(report)
    data_options(report)

    demo = commands.add_parser(
        "demo", help="the whole loop on synthetic data: a report as of 31 December 2023"
    )
    report_options(demo)
    return parser


def report_options(command: argparse.ArgumentParser) -> None:
    """The options of the commands that print a report."""
    command.add_argument(
        "--lang", choices=OUTPUT_LANGUAGES, default="en", help="report language (default: en)"
    )
    command.add_argument(
        "--format",
        dest="report_format",
        choices=REPORT_FORMATS,
        default="markdown",
        help="markdown, html or text (default: markdown)",
    )


def _version() -> str:
    from smomtrack import __version__  # noqa: PLC0415 (the package imports this module's layer last)

    return f"smomtrack {__version__}"


def _catalogue(args: argparse.Namespace, out: TextIO) -> int:
    recommendations = builtin_catalogue().recommendations(
        meeting=args.meeting, theme=args.theme, topic=args.topic
    )
    print(
        recommendations_table(recommendations, lang=args.lang, fmt=args.fmt, with_text=args.text),
        file=out,
    )
    return 0


def _agenda(args: argparse.Namespace, out: TextIO) -> int:
    meeting = builtin_catalogue().meeting(args.meeting)
    print(agenda_table(meeting, lang=args.lang, fmt=args.fmt), file=out)
    return 0


def _synthetic(args: argparse.Namespace) -> Tracker:
    print(
        f"smomtrack: synthetic data ({args.states} States, seed {args.seed}), not real responses",
        file=sys.stderr,
    )
    return synthetic(states=args.states, seed=args.seed)


def _summary(args: argparse.Namespace, out: TextIO) -> int:
    result = summarize(
        _synthetic(args), args.by, as_of=args.as_of, meeting=args.meeting, theme=args.theme
    )
    print(result.render(args.fmt, args.lang), file=out)
    return 0


def _report(args: argparse.Namespace, out: TextIO) -> int:
    text = report(_synthetic(args), lang=args.lang, fmt=args.report_format, as_of=args.as_of)
    print(text, file=out, end="")
    return 0


DEMO_DATE = "2023-12-31"
"""The demo reports as of this date, so that its output is the same every day."""


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    tracker = synthetic()
    print(
        report(tracker, lang=args.lang, fmt=args.report_format, as_of=DEMO_DATE), file=out, end=""
    )
    return 0


_COMMANDS = {
    "catalogue": _catalogue,
    "agenda": _agenda,
    "summary": _summary,
    "report": _report,
    "demo": _demo,
}


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with *argv* (``sys.argv[1:]`` by default); return the exit status.

    Exit status: 0 on success, 2 when the command line or its input is wrong
    (the error is printed on standard error, without a traceback).
    """
    out = out or sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if hasattr(args, "fmt"):
            check_format(args.fmt)
        return _COMMANDS[args.command](args, out)
    except SmomtrackError as exc:
        print(f"smomtrack: error: {exc}", file=sys.stderr)
        return 2
