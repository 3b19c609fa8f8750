"""What each CLI command does: resolve folders, run the library, write outputs, print, choose the exit code."""
from __future__ import annotations

import sys
from pathlib import Path

from babel.numbers import format_decimal

from report import buildkeys
from report.cli import console
from report.cli.parser import EXIT_ERRORS, EXIT_OK, UsageError, use_color
from report.config import PROGRESS_MIN_FILES, ConfigError, load_config
from report.publication.datapackage import write_datapackage
from report.findings import ERROR
from report.intake.ingest import ACCEPTED_SUFFIXES, discover
from report.outfolder import Build, locked, place_errors
from report.outputs import write_activities_csv, write_validation_csv
from report.texts import pair
from report.intake.year import YearData, load_year, timed


def run(args) -> int:
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc
    return COMMANDS[args.command](args, config)


def _folders(args) -> tuple[Path, Path]:
    """The inputs and outputs folders; a default one is absolute, so that every printed path says where."""
    inputs = args.inputs or Path("inputs").absolute() / str(args.year)
    outputs = args.outputs or Path("outputs").absolute() / str(args.year)
    if not inputs.is_dir():
        raise UsageError(f"cartella degli input assente / inputs folder not found: {inputs.absolute()}")
    if not _workbooks(inputs):
        raise UsageError(_no_workbook(inputs, args.year))
    if outputs.exists() and not outputs.is_dir():
        raise UsageError(f"la destinazione non è una cartella / outputs is not a folder: {outputs}")
    return inputs, outputs


def _workbooks(folder: Path) -> list[Path]:
    return [p for p in discover(folder) if p.suffix.lower() in ACCEPTED_SUFFIXES]


def _no_workbook(inputs: Path, year: int) -> str:
    """A folder with no workbook is a mistake (the wrong folder, the files not yet copied), not an empty year."""
    folder = inputs.absolute()
    text = (f"nessun file dei settori ({', '.join(ACCEPTED_SUFFIXES)}) nella cartella / no department workbook "
            f"in the folder {folder}")
    below = folder / str(year)
    if below.is_dir() and _workbooks(below):
        text += (f"; la sottocartella ne contiene {len(_workbooks(below))}: usate / the sub-folder holds "
                 f"{len(_workbooks(below))}: use --inputs {below}")
    return text


def _load(args, config, inputs: Path) -> YearData:
    many = len(discover(inputs)) >= PROGRESS_MIN_FILES
    progress = console.Progress(enabled=many and sys.stderr.isatty())
    return load_year(inputs, args.year, config, progress)


def _report(data: YearData, args, written: list[Path], unchanged: list[Path] = (), removed: list[Path] = ()) -> int:
    style = console.Style(use_color(args))
    lines = console.summary(data.findings, list(data.config.codes), style)
    if data.findings:
        lines += ["", *console.details(data.findings, style, args.verbose)]
    lines += ["", *console.ledger_table(data.ledger, style, data.config.codes), ""]
    lines += (console.written(written) + console.written(list(unchanged), ("Invariato", "Unchanged"))
              + console.removed(list(removed)))
    if getattr(args, "timings", False):
        lines += ["", *timings_table(data.timings)]
    print("\n".join(lines))
    errors = sum(f.severity == ERROR for f in data.findings)
    return EXIT_ERRORS if args.strict and errors else EXIT_OK


# The stages of data.timings in the order they run: key, Italian, English (--timings prints them).
STAGES = (("read", "lettura", "read"), ("validate", "controlli", "validate"), ("data", "file di dati", "data files"),
          ("feedback", "riscontri", "feedback"), ("aggregate", "aggregazione", "aggregate"),
          ("charts", "grafici", "charts"), ("html", "HTML", "HTML"), ("pdf", "PDF (in parallelo)", "PDF (parallel)"),
          ("pdf_both", "PDF bilingue", "bilingual PDF"), ("pdf_it", "PDF italiano", "Italian PDF"),
          ("pdf_en", "PDF inglese", "English PDF"))


def timings_table(timings: dict[str, float]) -> list[str]:
    """Seconds of each stage that ran (--timings); the PDFs' own seconds overlap the parallel wall time."""
    rows = [[f"{it} / {en}", format_decimal(timings[key], "0.00", locale="en")]
            for key, it, en in STAGES if key in timings]
    rows.append(["Totale / Total", format_decimal(sum(timings.get(k, 0.0) for k in TOTAL_STAGES), "0.00",
                                                  locale="en")])
    return ["Tempi in secondi / Timings in seconds",
            *("  " + line for line in console.table(["Fase / Stage", "s"], rows, "lr"))]


TOTAL_STAGES = ("read", "validate", "data", "feedback", "aggregate", "charts", "html", "pdf")


def cmd_validate(args, config) -> int:
    inputs, outputs = _folders(args)
    return _in_folder(args, config, inputs, outputs, _validate)


def _validate(args, config, inputs: Path, build: Build) -> int:
    from report.workbooks.feedback import write_feedback  # the writers: imported only when there is work for them

    data = _load(args, config, inputs)
    staging = build.start()
    with timed(data.timings, "data"):
        if build.redo("validation"):
            write_validation_csv(data.findings, staging / f"validation_{args.year}.csv")
            build.record("validation")
    removed: list[Path] = []
    with timed(data.timings, "feedback"):
        if build.redo("feedback"):
            write_feedback(data, staging, removed=removed)
            build.record("feedback")
    return _finish(data, args, build, removed)


def cmd_build(args, config) -> int:
    inputs, outputs = _folders(args)
    return _in_folder(args, config, inputs, outputs, _build)


def _in_folder(args, config, inputs: Path, outputs: Path, make) -> int:
    """Run `make(args, config, inputs, build)` holding the outputs folder's lock, into a staging folder swapped
    in at the end (report.outfolder); with nothing to redo, the folder is left as it is. A place that cannot be
    written (read-only, full disk, a file in the way) is a usage error. A folder given as a symbolic link is
    built where the link points (the swap would replace the link itself)."""
    outputs = outputs.resolve() if outputs.is_symlink() else outputs
    with place_errors(outputs), locked(outputs):
        build = Build(outputs, buildkeys.keys(args.command, args.year, inputs, config, getattr(args, "lang", "both")))
        if build.unchanged():
            return _report(_load(args, config, inputs), args, [], _shown(build.kept_files()))
        try:
            return make(args, config, inputs, build)
        except BaseException:
            build.abandon()
            raise


def _finish(data: YearData, args, build: Build, removed: list[Path] = ()) -> int:
    """Swap the staging folder in, then print: the outputs made again as written, the others as unchanged, and
    the feedback workbooks removed because their department's file has no findings any more."""
    build.commit()
    written = [build.folder / name for group in build.keys if build.needs(group) for name in build.files.get(group, {})]
    gone = [build.folder / path.relative_to(build.staging) for path in removed]
    return _report(data, args, _shown(written), _shown(build.kept_files()), gone)


def _shown(paths: list[Path]) -> list[Path]:
    """The outputs a person looks for (not the hidden bookkeeping files), the data files first."""
    return sorted((p for p in paths if not p.name.startswith(".")),
                  key=lambda p: (len(p.parts), p.suffix != ".csv", str(p)))


def _build(args, config, inputs: Path, build: Build) -> int:
    from report.publication import editions  # charts, HTML and PDFs: heavy imports only for build

    pool = editions.start_workers(args.lang, editions.WORKERS) if build.needs("editions") else None
    try:
        return _build_in(args, config, inputs, build, pool)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)


def _build_in(args, config, inputs: Path, build: Build, pool) -> int:
    from report.workbooks.council import council_name, write_council
    from report.workbooks.feedback import write_feedback

    data = _load(args, config, inputs)
    staging = build.start()
    year = args.year
    with timed(data.timings, "data"):
        if build.redo("validation"):
            write_validation_csv(data.findings, staging / f"validation_{year}.csv")
            build.record("validation")
        if build.redo("data"):
            write_activities_csv(data.frame(), staging / f"activities_{year}.csv")
            write_datapackage(config, year, staging, f"activities_{year}.csv")
            write_council(data.frame(), config, year, staging / council_name(year))
            build.record("data")
    removed: list[Path] = []
    with timed(data.timings, "feedback"):
        if build.redo("feedback"):
            write_feedback(data, staging, removed=removed)
            build.record("feedback")
    if build.redo("editions"):
        from report.publication import editions

        editions.build_report(data, staging, args.lang, inputs_root=inputs.parent, workers=editions.WORKERS,
                              pool=pool)
        build.record("editions")
    return _finish(data, args, build, removed)


def cmd_template(args, config) -> int:
    from report.workbooks.template import template_name, write_template

    outputs = args.outputs or Path("outputs").absolute() / "templates"
    codes = [code.upper() for code in args.department] or list(config.codes)
    unknown = [code for code in codes if not config.department(code)]
    if unknown:
        raise UsageError(f"settore sconosciuto / unknown department: {', '.join(unknown)} "
                         f"(use one of {', '.join(config.codes)})")
    written = [write_template(config, config.department(code), args.year, outputs / template_name(code, args.year))
               for code in dict.fromkeys(codes)]
    print("\n".join(f"{pair('cli.written').both()}: {path}" for path in written))
    return EXIT_OK


COMMANDS = {"validate": cmd_validate, "build": cmd_build, "template": cmd_template}
