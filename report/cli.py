"""The command line: parse arguments, call the library, print bilingual summaries, set the exit code."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from report import __version__

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
MIN_YEAR, MAX_YEAR = 2000, 2100


class UsageError(Exception):
    """Bad usage: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not the usage block
        raise UsageError(message)


def _year(text: str) -> int:
    if not text.isdigit() or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise argparse.ArgumentTypeError(
            f"anno non valido / invalid year: {text!r} (use a year between {MIN_YEAR} and {MAX_YEAR})")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="generate.py",
        description="Relazione annuale sulle attività internazionali / Annual report on international activities.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(p: argparse.ArgumentParser, with_inputs: bool = True, outputs: str = "outputs/YEAR") -> None:
        p.add_argument("--year", type=_year, required=True, help="report year, e.g. 2025")
        if with_inputs:
            p.add_argument("--inputs", type=Path, help="folder of the department workbooks (default: inputs/YEAR)")
        p.add_argument("--outputs", type=Path, help=f"output folder (default: {outputs})")
        p.add_argument("--config", type=Path, help="city configuration file (default: the packaged Turin one)")
        p.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
        p.add_argument("--no-color", action="store_true", help="plain text even on a terminal")
        p.add_argument("--verbose", "-v", action="store_true", help="also list the info findings one by one")
        if with_inputs:
            p.add_argument("--timings", action="store_true", help="also print the seconds of each stage")

    p = sub.add_parser("validate", help="check the workbooks and write validation_YEAR.csv")
    common(p)
    p.add_argument("--strict", action="store_true", help="exit 1 when any error is found")
    p = sub.add_parser("build", help="validate, then write the data files and the report")
    common(p)
    p.add_argument("--strict", action="store_true", help="exit 1 when any error is found")
    p.add_argument("--lang", choices=("both", "it", "en"), default="both",
                   help="report editions: both (the bilingual PDF, the Italian and English PDFs and the web page), "
                        "it or en (that PDF only)")
    p = sub.add_parser("template", help="write each department's blank workbook for a year")
    common(p, with_inputs=False, outputs="outputs/templates")
    p.add_argument("--department", action="append", default=[], metavar="CODE",
                   help="only this department (repeatable; default: every department of the configuration)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["portal"]:  # the department portal (Django): its own command line
        from portal.cli import main as portal_main

        return portal_main(argv[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return EXIT_USAGE
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        from report import commands  # heavy imports only once the arguments are good

        return commands.run(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrotto / interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into one line
        if args.debug:
            raise
        print(f"errore interno / internal error: {type(exc).__name__}: {exc} "
              "(run again with --debug for details and report it)", file=sys.stderr)
        return EXIT_INTERNAL


def use_color(args) -> bool:
    return not args.no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
