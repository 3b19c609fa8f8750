"""The command line: parse arguments, call the library, print bilingual summaries, set the exit code."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from report import __version__
from report.cli.exits import EXIT_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError  # noqa: F401
from report.settings import DEFAULTS

MIN_YEAR, MAX_YEAR = DEFAULTS.first_year, DEFAULTS.last_year  # the plausible report years


PROG = "city-report"                     # the console script's name
PROG_NAMES = (PROG, "generate.py")       # the names the program is run by: --help says the one used

# argparse's own messages (English only) as the start of a bilingual line: (English start, Italian).
ARGPARSE_ERRORS = (
    ("the following arguments are required", "mancano argomenti obbligatori"),
    ("unrecognized arguments", "argomenti non riconosciuti"),
    ("invalid choice", "scelta non valida"),
    ("expected one argument", "manca il valore"),
    ("expected at least one argument", "manca almeno un valore"),
    ("ignored explicit argument", "valore non previsto"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not the usage block; argparse's English gets its Italian
        if " / " not in message:
            italian = next((it for en, it in ARGPARSE_ERRORS if en in message), "uso non valido")
            message = f"{italian} / {message}"
        raise UsageError(message)


class _Formatter(argparse.HelpFormatter):
    """argparse's help with a bilingual usage line, at a given width."""

    def __init__(self, prog: str, width: int | None = None):
        super().__init__(prog, width=width)

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "uso / usage: " if prefix is None else prefix)


def program_name(argv0: str | None = None) -> str:
    """The name --help shows: the one the program was run by (`generate.py`, `city-report`), else city-report."""
    name = Path(sys.argv[0] if argv0 is None and sys.argv else argv0 or "").name.removesuffix(".exe")
    return name if name in PROG_NAMES else PROG


def _year(text: str) -> int:
    if not text.isdigit() or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise argparse.ArgumentTypeError(
            f"anno non valido / invalid year: {text!r} (usate un anno tra / use a year between {MIN_YEAR} "
            f"and {MAX_YEAR})")
    return int(text)


HELP = "mostra questo aiuto ed esce / show this help and exit"
OPTIONS = "opzioni / options"


def _parser(prog: str, description: str, width: int | None, **kw) -> dict:
    """The keyword arguments of a bilingual parser: our formatter, our own -h (argparse's is English)."""
    return dict(prog=prog, description=description, add_help=False,
                formatter_class=lambda prog: _Formatter(prog, width), **kw)


def build_parser(prog: str | None = None, width: int | None = None) -> argparse.ArgumentParser:
    """The parser of the whole program; every help text is bilingual (Italian / English)."""
    parser = _Parser(**_parser(
        prog or program_name(), "Relazione annuale sulle attività internazionali / "
                                "Annual report on international activities.", width))
    options = parser.add_argument_group(OPTIONS)
    options.add_argument("-h", "--help", action="help", help=HELP)
    options.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                         help="mostra la versione ed esce / show the version and exit")
    sub = parser.add_subparsers(title="comandi / commands", dest="command", metavar="COMMAND",
                                parser_class=_Parser)

    def command(name: str, text: str):
        p = sub.add_parser(name, help=text, **_parser(f"{parser.prog} {name}", text, width))
        group = p.add_argument_group(OPTIONS)
        group.add_argument("-h", "--help", action="help", help=HELP)
        return group

    def common(p, outputs_it: str = "outputs/ANNO", outputs_en: str = "outputs/YEAR", reads: bool = True) -> None:
        p.add_argument("--year", type=_year, required=True,
                       help="anno della relazione, es. 2025 / report year, e.g. 2025")
        if reads:
            p.add_argument("--inputs", type=Path, metavar="DIR",
                           help="cartella dei file dei settori (predefinita: inputs/ANNO) / folder of the "
                                "department workbooks (default: inputs/YEAR)")
        p.add_argument("--outputs", type=Path, metavar="DIR",
                       help=f"cartella dei risultati (predefinita: {outputs_it}) / output folder (default: "
                            f"{outputs_en})")
        p.add_argument("--config", type=Path, metavar="FILE",
                       help="configurazione della città (predefinita: quella di Torino inclusa) / city "
                            "configuration file (default: the packaged Turin one)")
        p.add_argument("--debug", action="store_true",
                       help="mostra i dettagli degli errori interni / show tracebacks and debug logging")
        if reads:  # the options about the findings and the stages: only where there are some
            p.add_argument("--no-color", action="store_true",
                           help="testo semplice anche su un terminale / plain text even on a terminal")
            p.add_argument("--verbose", "-v", action="store_true",
                           help="elenca anche le segnalazioni informative una per una / also list the info "
                                "findings one by one")
            p.add_argument("--timings", action="store_true",
                           help="stampa anche i secondi di ogni fase / also print the seconds of each stage")
            p.add_argument("--strict", action="store_true",
                           help="esce con 1 se c'è almeno un errore / exit 1 when any error is found")

    common(command("validate", "controlla i file e scrive validation_ANNO.csv / check the workbooks and write "
                               "validation_YEAR.csv"))
    p = command("build", "controlla, poi scrive i file di dati e la relazione / validate, then write the data "
                         "files and the report")
    common(p)
    p.add_argument("--lang", choices=("both", "it", "en"), default="both",
                   help="edizioni: both (il PDF bilingue, i PDF italiano e inglese e la pagina web), it o en "
                        "(solo quel PDF) / report editions: both (the bilingual PDF, the Italian and English PDFs "
                        "and the web page), it or en (that PDF only)")
    p = command("template", "scrive il modello vuoto di ogni settore per un anno / write each department's "
                            "blank workbook for a year")
    common(p, "outputs/templates", "outputs/templates", reads=False)
    p.add_argument("--department", action="extend", nargs="+", default=[], metavar="CODE",
                   help="solo questi settori, uno o più codici (predefinito: tutti quelli della configurazione) "
                        "/ only these departments, one or more codes (default: every department of the "
                        "configuration)")
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
        print(f"errore / error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        from report.cli import commands  # heavy imports only once the arguments are good

        return commands.run(args)
    except UsageError as exc:
        print(f"errore / error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrotto / interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into one line
        if args.debug:
            raise
        print(f"errore interno / internal error: {type(exc).__name__}: {exc} (rilanciate con --debug per i "
              "dettagli e segnalatelo / run again with --debug for details and report it)", file=sys.stderr)
        return EXIT_INTERNAL

