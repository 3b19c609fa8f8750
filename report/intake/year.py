"""The library API: read, validate and account for a year's submissions (`load_year`), write the data outputs."""
from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from report.config import Config
from report.findings import Finding, sort_key
from report.intake.ingest import Submission, read_year
from report.intake.ledger import Ledger, build_ledger
from report.schema import COUNCIL_OUTPUT_COLUMNS
from report.intake.validate import ACCEPTED, Activity, mark_joint, validate_submission

log = logging.getLogger(__name__)


@dataclass
class YearData:
    """Everything read for one report year."""
    year: int
    config: Config
    inputs_dir: Path
    submissions: list[Submission]
    activities: list[Activity]
    findings: list[Finding]
    ledger: Ledger
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def accepted(self) -> list[Activity]:
        return [a for a in self.activities if a.outcome == ACCEPTED]

    def frame(self):
        """The accepted activities as a DataFrame: the council columns (typed values) plus `group`,
        the joint-group number that totals use to count a joint activity once. Chapter order."""
        import pandas as pd

        order = {code: i for i, code in enumerate(self.config.codes)}
        rows = [{**a.values, "department": a.department, "joint": a.joint, "source_file": a.source_file,
                 "source_row": a.source_row, "activity_id": a.activity_id, "group": a.group} for a in self.accepted]
        rows.sort(key=lambda r: (order.get(r["department"], len(order)), r["source_file"], r["source_row"]))
        return pd.DataFrame(rows, columns=[*COUNCIL_OUTPUT_COLUMNS, "group"])


@contextmanager
def timed(timings: dict, stage: str):
    start = time.perf_counter()
    yield
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


@contextmanager
def collector_paused():
    """Python's cycle collector off meanwhile. Reading and validating build long-lived records without cycles,
    hundreds of thousands of them for a large year, and each full collection walked them all again: a quarter
    of the time of a 300-workbook year, for nothing collected."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_year(inputs_dir: Path, year: int, config: Config, progress=None) -> YearData:
    """Read every submission of the folder, validate each row, mark joint activities, count the ledger."""
    timings: dict[str, float] = {}
    with collector_paused(), timed(timings, "read"):
        submissions = read_year(Path(inputs_dir), config, year, progress)
    data = check_submissions(submissions, year, config, Path(inputs_dir), timings)
    log.debug("read %d files, %d rows in %.3fs", len(submissions), len(data.activities), sum(timings.values()))
    return data


def check_submissions(submissions: list[Submission], year: int, config: Config, inputs_dir: Path,
                      timings: dict[str, float] | None = None) -> YearData:
    """Validate each row of submissions already read, mark joint activities, count the ledger."""
    timings = {} if timings is None else timings
    with collector_paused(), timed(timings, "validate"):
        codes = set(config.codes)
        activities = [a for sub in submissions for a in validate_submission(sub, year, codes)]
        mark_joint(activities)
        found = [f for sub in submissions for f in sub.findings] + [f for a in activities for f in a.findings]
        found.sort(key=sort_key)
        ledger = build_ledger(submissions, activities)
    return YearData(year, config, Path(inputs_dir), submissions, activities, found, ledger, timings)
