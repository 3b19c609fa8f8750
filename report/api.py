"""The library's public API, which the CLI, the benchmarks and the department portal call: one frozen settings
object; validate or build a whole year (validate_year, build_year: the year's data, the files written, kept and
removed, the stage timings); check one submitted file (findings, ledger, status, feedback workbook); a
department's blank template; the preview of a department's chapter as the report prints it. It only calls the
library; it reads, checks and renders nothing itself."""
from __future__ import annotations

import functools
import logging
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from report import buildkeys, filenames
from report.config import Config, ConfigError, Department
from report.errors import UsageError
from report.files import atomic_path
from report.findings import ERROR, SEVERITY_ORDER, WARNING, Finding
from report.intake.ingest import ACCEPTED_SUFFIXES, discover, read_submission
from report.intake.ledger import LedgerLine
from report.intake.year import YearData, check_submissions, load_earlier, load_year
from report.outfolder import Build, locked, place_errors
from report.outputs import write_activities_csv, write_validation_csv
from report.settings import DEFAULTS, Settings
from report.texts import pair
from report.timing import collector_paused, timed
from report.workbooks.feedback import write_feedback
from report.workbooks.template import template_name, write_template

log = logging.getLogger(__name__)

# The status of a checked file, worst first: the file could not be read; some rows are rejected; every row
# accepted, some with warnings; nothing to say.
REJECTED, ERRORS, WARNINGS, CLEAN = "rejected", "errors", "warnings", "clean"
STATUSES = (REJECTED, ERRORS, WARNINGS, CLEAN)
SUFFIXES = ACCEPTED_SUFFIXES
MAX_BYTES = DEFAULTS.max_file_bytes


@dataclass
class Check:
    """One file checked: the year's data of that file alone, its status, counts, findings and feedback."""
    data: YearData
    feedback: Path | None = None
    findings: list[Finding] = field(default_factory=list)   # errors first, then warnings, then infos

    @property
    def line(self) -> LedgerLine:
        return self.data.ledger.total

    @property
    def counts(self) -> dict[str, int]:
        """Rows read = accepted + rejected + outside the report year."""
        line = self.line
        return {"read": line.read, "accepted": line.accepted, "rejected": line.rejected, "outside": line.outside}

    @property
    def department(self) -> str:
        return self.data.submissions[0].department if self.data.submissions else ""

    @property
    def status(self) -> str:
        return status_of(self.data)


def status_of(data: YearData) -> str:
    if data.ledger.files_rejected:
        return REJECTED
    if any(f.severity == ERROR for f in data.findings):
        return ERRORS
    if any(f.severity == WARNING for f in data.findings):
        return WARNINGS
    return CLEAN


def check_file(path: Path, settings: Settings, *, name: str | None = None, feedback_dir: Path | None = None
               ) -> Check:
    """Read and validate one file (shown to people as `name`, default its own); with feedback_dir, write its
    feedback workbook there (the one `validate` writes) when it has findings. Never raises for a bad file."""
    path = Path(path)
    timings: dict[str, float] = {}
    with collector_paused(), timed(timings, "read"):   # as load_year reads
        sub = read_submission(path, settings.config, settings.year, display_name=name)
    data = check_submissions([sub], settings.year, settings.config, path.parent, timings)
    with timed(timings, "feedback"):
        written = write_feedback(data, Path(feedback_dir)) if feedback_dir is not None else []
    ordered = sorted(data.findings, key=lambda f: SEVERITY_ORDER[f.severity])  # stable: file order kept within
    return Check(data, written[0] if written else None, ordered)


def department(settings: Settings, code: str) -> Department | None:
    return settings.config.department(code)


def write_department_template(settings: Settings, code: str, folder: Path) -> Path:
    """The department's blank workbook for the year (the `template` command's), written in folder."""
    dept = settings.config.department(code)
    if dept is None:
        raise KeyError(code)
    return write_template(settings.config, dept, settings.year, Path(folder) / template_name(dept.code, settings.year))


def chapter_html(data: YearData | ChapterData, code: str, stylesheet: str) -> str:
    """The department's chapter as the bilingual report prints it (the report's own templates), alone in an HTML
    page whose stylesheet is linked from `stylesheet` (the report's CSS: `report_css()`)."""
    return _chapter_template().render(**_chapter_context(data, code, stylesheet))


def write_chapter_html(data: YearData | ChapterData, code: str, stylesheet: str, path: Path) -> None:
    """chapter_html written into `path` as it is rendered: a 2,000-activity chapter is 5 MB of text, never whole
    in memory (nor its hundreds of thousands of pieces before they are joined)."""
    with open(path, "w", encoding="utf-8") as out:
        _chapter_template().stream(**_chapter_context(data, code, stylesheet)).dump(out)


def _chapter_context(data: YearData | ChapterData, code: str, stylesheet: str) -> dict:
    from report.publication import html as render

    return {**render.chapter_context(data, code), "stylesheet": stylesheet}


@dataclass(eq=False)
class ChapterData:
    """What the chapters of a checked file are made of, as the report reads it from a YearData: the year, the
    configuration and the accepted activities (`frame()`). Kept beside the file (keep_chapter_data) when it is
    checked, its chapter's preview is rendered later without reading and checking the file again."""
    year: int
    config: Config
    rows: object   # the pandas DataFrame of YearData.frame()

    def frame(self):
        return self.rows


# The kept form of a ChapterData: a pickle of {"version": ..., "year": ..., "frame": ...}, made and read only by
# this library, in the caller's own folder (never a file that came from outside). Another version is not read.
CHAPTER_DATA_VERSION = 1


def keep_chapter_data(data: YearData, path: Path) -> None:
    """Keep what the chapters of a checked file are made of (its year and accepted activities) in `path`, whole or
    not at all, for kept_chapter_data. The configuration is not kept: it is the one given when read back."""
    kept = {"version": CHAPTER_DATA_VERSION, "year": data.year, "frame": data.frame()}
    with atomic_path(path) as tmp, open(tmp, "wb") as out:
        pickle.dump(kept, out, protocol=pickle.HIGHEST_PROTOCOL)


def kept_chapter_data(path: Path, settings: Settings) -> ChapterData | None:
    """The ChapterData kept in `path` by keep_chapter_data, with the settings' configuration; None when there is
    none, or it cannot be read, or it is of another version or year (the caller checks the file again)."""
    try:
        with open(path, "rb") as source:
            kept = pickle.load(source)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged or outdated copy is only a slower preview
        log.warning("the kept chapter data %s cannot be read: the file is checked again", path, exc_info=True)
        return None
    if not isinstance(kept, dict) or kept.get("version") != CHAPTER_DATA_VERSION or kept.get("year") != settings.year:
        log.warning("the kept chapter data %s is of another version or year: the file is checked again", path)
        return None
    return ChapterData(settings.year, settings.config, kept["frame"])


def _chapter_template():
    """The chapter page's template (compiled once a process by the report's one Jinja environment)."""
    from report.publication import html as render

    return render.environment().get_template("chapter.html")


@functools.lru_cache(maxsize=1)
def report_css() -> str:
    """The report's stylesheets, fonts inlined (what the web edition embeds)."""
    from report.publication import html as render

    return render.inline_css()


# ---- a whole year: validate, build ----------------------------------------------------------------------------

# The stages of validate_year and build_year, in the order they start: `progress(stage)` is called with each.
READING, CHECKING, EARLIER, DATA_FILES, FEEDBACK, EDITIONS, CHARTS, PAGES = (
    "reading", "checking", "earlier years", "data files", "feedback", "editions", "charts", "pages")


@dataclass
class Outcome:
    """A year validated or built: its data, the outputs written now, the ones kept as they were (nothing of
    theirs changed) and the feedback workbooks removed (their file has no findings any more). The paths are
    in the outputs folder, the visible ones only, the data files first."""
    data: YearData
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    @property
    def timings(self) -> dict[str, float]:
        """Seconds of each stage that ran: read, validate, data, feedback, aggregate, charts, html, pdf (wall
        time of the PDFs, in parallel) and pdf_<edition> (each PDF's own seconds)."""
        return self.data.timings

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.data.findings)


def validate_year(settings: Settings, progress=None, file_progress=None) -> Outcome:
    """Read and check every workbook of the inputs folder; write validation_YEAR.csv and the feedback workbooks
    into the outputs folder. `progress(stage)` is called as each stage starts; `file_progress(done, total,
    name)` as each file is read. Raises UsageError when the folders or the configuration cannot be used."""
    return _year(settings, "validate", _validate, progress, file_progress)


def build_year(settings: Settings, progress=None, file_progress=None) -> Outcome:
    """validate_year, then the data files (activities CSV, data package, council workbook) and the report's
    editions (charts, web page, PDFs). Arguments and errors as validate_year's."""
    return _year(settings, "build", _build, progress, file_progress)


def workbooks(folder: Path) -> list[Path]:
    """The department workbooks of a folder."""
    return [p for p in discover(folder) if p.suffix.lower() in ACCEPTED_SUFFIXES]


def _folders(settings: Settings) -> tuple[Path, Path]:
    inputs, outputs = settings.inputs_dir, settings.outputs_dir
    if not inputs.is_dir():
        raise UsageError(f"{pair('api.no_inputs').both()}: {inputs.absolute()}")
    if not workbooks(inputs):
        raise UsageError(_no_workbook(inputs, settings.year))
    if outputs.exists() and not outputs.is_dir():
        raise UsageError(f"{pair('api.outputs_not_folder').both()}: {outputs}")
    return inputs, outputs


def _no_workbook(inputs: Path, year: int) -> str:
    """A folder with no workbook is a mistake (the wrong folder, the files not yet copied), not an empty year."""
    folder = inputs.absolute()
    text = f"{pair('api.no_workbook').fill(suffixes=', '.join(ACCEPTED_SUFFIXES)).both()} {folder}"
    below = folder / str(year)
    if below.is_dir() and workbooks(below):
        text += f"; {pair('api.sub_folder').fill(count=len(workbooks(below))).both()} --inputs {below}"
    return text


def _stage(progress, name: str) -> None:
    if progress:
        progress(name)


class _Run:
    """One validate or build in progress: its settings, configuration, folders, callbacks and output folder."""

    def __init__(self, settings: Settings, config: Config, inputs: Path, build: Build, progress, file_progress):
        self.settings, self.config, self.inputs, self.build = settings, config, inputs, build
        self.progress, self.file_progress = progress, file_progress

    def load(self) -> YearData:
        settings = self.settings
        return load_year(self.inputs, settings.year, self.config, self.file_progress,
                         settings.stage_workers(settings.read_workers), self.progress)

    def stage(self, name: str) -> None:
        _stage(self.progress, name)


def _year(settings: Settings, command: str, make, progress, file_progress) -> Outcome:
    """Run `make(run)` holding the outputs folder's lock, into a staging folder swapped in at the end
    (report.outfolder); with nothing to redo, the folder is left as it is. A place that cannot be written
    (read-only, full disk, a file in the way) is a UsageError. A folder given as a symbolic link is built where
    the link points (the swap would replace the link itself)."""
    try:
        config = settings.load_config()
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc
    inputs, outputs = _folders(settings)
    outputs = outputs.resolve() if outputs.is_symlink() else outputs
    with place_errors(outputs), locked(outputs):
        build = Build(outputs, buildkeys.keys(command, settings.year, inputs, config, settings.lang))
        run = _Run(settings, config, inputs, build, progress, file_progress)
        if build.unchanged():
            return Outcome(run.load(), [], _shown(build.kept_files()))
        try:
            return make(run)
        except BaseException:
            build.abandon()
            raise


def _validate(run: _Run) -> Outcome:
    data = run.load()
    run.build.start()
    run.stage(DATA_FILES)
    with timed(data.timings, "data"):
        _validation_file(run, data)
    return _finish(data, run.build, _feedback(run, data))


def _validation_file(run: _Run, data: YearData) -> None:
    if run.build.redo("validation"):
        write_validation_csv(data.findings, run.build.staging / filenames.validation(data.year))
        run.build.record("validation")


def _feedback(run: _Run, data: YearData) -> list[Path]:
    removed: list[Path] = []
    run.stage(FEEDBACK)
    with timed(data.timings, "feedback"):
        if run.build.redo("feedback"):
            write_feedback(data, run.build.staging, workers=run.settings.stage_workers(run.settings.feedback_workers),
                          removed=removed)
            run.build.record("feedback")
    return removed


def _finish(data: YearData, build: Build, removed: list[Path] = ()) -> Outcome:
    """Swap the staging folder in: the outputs made again are written, the others unchanged."""
    build.commit()
    written = [build.folder / name for group in build.keys if build.needs(group) for name in build.files.get(group, {})]
    gone = [build.folder / path.relative_to(build.staging) for path in removed]
    return Outcome(data, _shown(written), _shown(build.kept_files()), gone)


def _shown(paths: list[Path]) -> list[Path]:
    """The outputs a person looks for (not the hidden bookkeeping files), the data files first."""
    return sorted((p for p in paths if not p.name.startswith(".")),
                  key=lambda p: (len(p.parts), p.suffix != ".csv", str(p)))


def _build(run: _Run) -> Outcome:
    from report.publication import editions  # charts, HTML and PDFs: heavy imports only for build

    workers = run.settings.stage_workers(run.settings.edition_workers)
    pool = editions.start_workers(run.settings.lang, workers) if run.build.needs("editions") else None
    try:
        return _build_in(run, pool, workers)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)


def _build_in(run: _Run, pool, workers: int) -> Outcome:
    from report.publication import editions
    from report.publication.datapackage import write_datapackage
    from report.workbooks.council import write_council

    data = run.load()
    build, staging, year, config = run.build, run.build.start(), data.year, run.config
    run.stage(DATA_FILES)
    with timed(data.timings, "data"):
        _validation_file(run, data)
        if build.redo("data"):
            write_activities_csv(data.frame(), staging / filenames.activities(year))
            write_datapackage(config, year, staging, filenames.activities(year))
            write_council(data.frame(), config, year, staging / filenames.council(year))
            build.record("data")
    removed = _feedback(run, data)
    if build.redo("editions"):
        run.stage(EARLIER)
        with timed(data.timings, "aggregate"):
            earlier = load_earlier(data, run.inputs.parent, run.settings.stage_workers(run.settings.read_workers))
        run.stage(EDITIONS)
        editions.build_report(data, staging, run.settings.lang, earlier, workers=workers, pool=pool,
                              stage=run.progress)
        build.record("editions")
    return _finish(data, build, removed)
