"""The command line's arguments: the parser with bilingual help and errors, and main(), which runs a command and
turns what goes wrong into one line and an exit code."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from report import __version__
from report.cli.exits import EXIT_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError  # noqa: F401
from report.settings import DEFAULTS
from report.texts import CATALOGUE, Pair, pair

MIN_YEAR, MAX_YEAR = DEFAULTS.first_year, DEFAULTS.last_year  # the plausible report years


PROG = "city-report"                     # the console script's name
PROG_NAMES = (PROG, "generate.py")       # the names the program is run by: --help says the one used

# argparse's own messages (English only) as the start of a bilingual line: their Italian is cli.argparse.*.
ARGPARSE_ERRORS = tuple(text for key, text in CATALOGUE.items() if key.startswith("cli.argparse."))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not the usage block; argparse's English gets its Italian
        if " / " not in message:
            italian = next((it for it, en in ARGPARSE_ERRORS if en in message), pair("cli.usage_invalid").it)
            message = f"{italian} / {message}"
        raise UsageError(message)


class _Formatter(argparse.HelpFormatter):
    """argparse's help with a bilingual usage line, at a given width."""

    def __init__(self, prog: str, width: int | None = None):
        super().__init__(prog, width=width)

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, f"{pair('cli.usage').both()}: " if prefix is None else prefix)


def program_name(argv0: str | None = None) -> str:
    """The name --help shows: the one the program was run by (`generate.py`, `city-report`), else city-report."""
    name = Path(sys.argv[0] if argv0 is None and sys.argv else argv0 or "").name.removesuffix(".exe")
    return name if name in PROG_NAMES else PROG


def _year(text: str) -> int:
    if not text.isdigit() or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise argparse.ArgumentTypeError(
            f"{pair('cli.invalid_year').both()}: {text!r} ({pair('cli.year_range').both()} {MIN_YEAR} "
            f"and {MAX_YEAR})")
    return int(text)


HELP = pair("cli.help.help").both()
OPTIONS = pair("cli.help.options").both()


def _help(key: str, **params) -> str:
    """A help text of cli.help.*, Italian / English."""
    return pair(f"cli.help.{key}").fill(**params).both()


def _parser(prog: str, description: str, width: int | None, **kw) -> dict:
    """The keyword arguments of a bilingual parser: our formatter, our own -h (argparse's is English)."""
    return dict(prog=prog, description=description, add_help=False,
                formatter_class=lambda prog: _Formatter(prog, width), **kw)


def _outputs_help(folder_it: str, folder_en: str) -> str:
    """The help of --outputs: its default folder named in each language."""
    it, en = pair("cli.help.outputs")
    return Pair(it.format(folder=folder_it), en.format(folder=folder_en)).both()


def build_parser(prog: str | None = None, width: int | None = None) -> argparse.ArgumentParser:
    """The parser of the whole program; every help text is bilingual (Italian / English)."""
    parser = _Parser(**_parser(
        prog or program_name(), f"{pair('report.title').both()}.", width))
    options = parser.add_argument_group(OPTIONS)
    options.add_argument("-h", "--help", action="help", help=HELP)
    options.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                         help=_help("version"))
    sub = parser.add_subparsers(title=_help("commands"), dest="command", metavar="COMMAND",
                                parser_class=_Parser)

    def command(name: str, text: str):
        p = sub.add_parser(name, help=text, **_parser(f"{parser.prog} {name}", text, width))
        group = p.add_argument_group(OPTIONS)
        group.add_argument("-h", "--help", action="help", help=HELP)
        return group

    def common(p, outputs_it: str = "outputs/ANNO", outputs_en: str = "outputs/YEAR", reads: bool = True) -> None:
        p.add_argument("--year", type=_year, required=True,
                       help=_help("year"))
        if reads:
            p.add_argument("--inputs", type=Path, metavar="DIR",
                           help=_help("inputs"))
        p.add_argument("--outputs", type=Path, metavar="DIR",
                       help=_outputs_help(outputs_it, outputs_en))
        p.add_argument("--config", type=Path, metavar="FILE",
                       help=_help("config"))
        p.add_argument("--debug", action="store_true",
                       help=_help("debug"))
        if reads:  # the options about the findings and the stages: only where there are some
            p.add_argument("--no-color", action="store_true",
                           help=_help("no_color"))
            p.add_argument("--verbose", "-v", action="store_true",
                           help=_help("verbose"))
            p.add_argument("--timings", action="store_true",
                           help=_help("timings"))
            p.add_argument("--strict", action="store_true",
                           help=_help("strict"))

    common(command("validate", _help("validate")))
    p = command("build", _help("build"))
    common(p)
    p.add_argument("--lang", choices=("both", "it", "en"), default="both",
                   help=_help("lang"))
    p = command("template", _help("template"))
    common(p, "outputs/templates", "outputs/templates", reads=False)
    p.add_argument("--department", action="extend", nargs="+", default=[], metavar="CODE",
                   help=_help("department"))
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
        print(f"{pair('cli.error').both()}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        from report.cli import commands  # heavy imports only once the arguments are good

        return commands.run(args)
    except UsageError as exc:
        print(f"{pair('cli.error').both()}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(pair("cli.interrupted").both(), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into one line
        if args.debug:
            raise
        print(f"{pair('cli.internal_error').both()}: {type(exc).__name__}: {exc} "
              f"({pair('cli.internal_error_hint').both()})", file=sys.stderr)
        return EXIT_INTERNAL

