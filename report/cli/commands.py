"""What each CLI command does: turn the arguments into settings, call the library API (report.api), print,
choose the exit code."""
from __future__ import annotations

import sys
from pathlib import Path

from babel.numbers import format_decimal

from report import api
from report import filenames
from report.cli import console
from report.cli.exits import EXIT_ERRORS, EXIT_OK, UsageError
from report.config import ConfigError
from report.intake.ingest import discover
from report.texts import pair


def run(args) -> int:
    return COMMANDS[args.command](args, settings(args))


def settings(args) -> api.Settings:
    """The arguments given over the configuration file's settings over the defaults."""
    try:
        return api.Settings.load(args.config, year=args.year, inputs=getattr(args, "inputs", None),
                                 outputs=args.outputs, lang=getattr(args, "lang", None))
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc


def _report(outcome: api.Outcome, args) -> int:
    data = outcome.data
    style = console.Style(console.use_color(args))
    lines = console.summary(data.findings, list(data.config.codes), style)
    if data.findings:
        lines += ["", *console.details(data.findings, style, args.verbose)]
    lines += ["", *console.ledger_table(data.ledger, style, data.config.codes), ""]
    lines += (console.written(outcome.written) + console.written(outcome.unchanged, pair("cli.unchanged"))
              + console.removed(outcome.removed))
    if getattr(args, "timings", False):
        lines += ["", *timings_table(outcome.timings)]
    print("\n".join(lines))
    return EXIT_ERRORS if args.strict and outcome.errors else EXIT_OK


def _file_progress(settings: api.Settings) -> console.Progress:
    """A progress bar on a terminal, for a year of many files."""
    folder = settings.inputs_dir
    many = folder.is_dir() and len(discover(folder)) >= settings.progress_min_files
    return console.Progress(enabled=many and sys.stderr.isatty())


# The stages of data.timings in the order they run (--timings prints them; their names are cli.stage.<key>).
STAGES = ("read", "validate", "data", "feedback", "aggregate", "charts", "html", "pdf", "pdf_both", "pdf_it",
          "pdf_en")


def timings_table(timings: dict[str, float]) -> list[str]:
    """Seconds of each stage that ran (--timings); the PDFs' own seconds overlap the parallel wall time."""
    rows = [[pair(f"cli.stage.{key}").both(), format_decimal(timings[key], "0.00", locale="en")]
            for key in STAGES if key in timings]
    rows.append([pair("cli.total").both(), format_decimal(sum(timings.get(k, 0.0) for k in TOTAL_STAGES), "0.00",
                                                  locale="en")])
    return [pair("cli.timings").both(),
            *("  " + line for line in console.table([pair("cli.stage").both(), "s"], rows, "lr"))]


TOTAL_STAGES = ("read", "validate", "data", "feedback", "aggregate", "charts", "html", "pdf")


def cmd_validate(args, settings: api.Settings) -> int:
    return _report(api.validate_year(settings, file_progress=_file_progress(settings)), args)


def cmd_build(args, settings: api.Settings) -> int:
    return _report(api.build_year(settings, file_progress=_file_progress(settings)), args)


def cmd_template(args, settings: api.Settings) -> int:
    from report.workbooks.template import template_name, write_template

    config = settings.load_config()
    outputs = args.outputs or Path("outputs").absolute() / filenames.TEMPLATES_DIR
    codes = [code.upper() for code in args.department] or list(config.codes)
    unknown = [code for code in codes if not config.department(code)]
    if unknown:
        raise UsageError(f"{pair('cli.unknown_department').both()}: {', '.join(unknown)} "
                         f"({pair('cli.use_one_of').both()} {', '.join(config.codes)})")
    written = [write_template(config, config.department(code), args.year, outputs / template_name(code, args.year))
               for code in dict.fromkeys(codes)]
    print("\n".join(f"{pair('cli.written').both()}: {path}" for path in written))
    return EXIT_OK


COMMANDS = {"validate": cmd_validate, "build": cmd_build, "template": cmd_template}
