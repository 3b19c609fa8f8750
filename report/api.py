"""The library's public API for callers other than the CLI (the department portal): one frozen settings object,
check one submitted file (findings, ledger, status, feedback workbook), a department's blank template, and the
preview of a department's chapter as the report prints it. It only calls the library; it reads, checks and
renders nothing itself."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from report.config import MAX_FILE_BYTES, Config, Department, load_config
from report.findings import ERROR, SEVERITY_ORDER, WARNING, Finding
from report.intake.ingest import ACCEPTED_SUFFIXES, read_submission
from report.intake.ledger import LedgerLine
from report.intake.year import YearData, check_submissions, collector_paused, timed
from report.workbooks.feedback import write_feedback
from report.workbooks.template import template_name, write_template

# The status of a checked file, worst first: the file could not be read; some rows are rejected; every row
# accepted, some with warnings; nothing to say.
REJECTED, ERRORS, WARNINGS, CLEAN = "rejected", "errors", "warnings", "clean"
STATUSES = (REJECTED, ERRORS, WARNINGS, CLEAN)
SUFFIXES = ACCEPTED_SUFFIXES
MAX_BYTES = MAX_FILE_BYTES


@dataclass(frozen=True)
class Settings:
    """What a caller chooses: the report year and the city configuration file (None: the packaged one)."""
    year: int
    config_path: Path | None = None

    @property
    def config(self) -> Config:
        return _config(self.config_path)


@functools.lru_cache(maxsize=8)
def _config(path: Path | None) -> Config:
    return load_config(path)


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


def chapter_html(data: YearData, code: str, stylesheet: str) -> str:
    """The department's chapter as the bilingual report prints it (the report's own templates), alone in an HTML
    page whose stylesheet is linked from `stylesheet` (the report's CSS: `report_css()`)."""
    from report.publication import html as render

    ctx = render.context(data, "both", [], medium=render.PDF)
    ctx.update(medium=render.WEB, lean=False, stylesheet=stylesheet,
               departments=[d for d in ctx["departments"] if d["code"] == code.upper()])
    return render.environment().get_template("chapter.html").render(**ctx)


@functools.lru_cache(maxsize=1)
def report_css() -> str:
    """The report's stylesheets, fonts inlined (what the web edition embeds)."""
    from report.publication import html as render

    return render.inline_css()
