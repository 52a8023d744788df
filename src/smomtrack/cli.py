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
    return parser


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


_COMMANDS = {"catalogue": _catalogue, "agenda": _agenda}


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
