"""The library API: read, validate and account for a year's submissions (`load_year`), write the data outputs."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from report.config import Config
from report.timing import collector_paused, timed
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


def load_year(inputs_dir: Path, year: int, config: Config, progress=None, workers: int | None = None,
              stage=None) -> YearData:
    """Read every submission of the folder, validate each row, mark joint activities, count the ledger.
    `progress(done, total, name)` is called as each file is read; `stage(name)` as reading and checking start."""
    timings: dict[str, float] = {}
    if stage:
        stage("reading")
    with collector_paused(), timed(timings, "read"):
        submissions = read_year(Path(inputs_dir), config, year, progress, workers)
    if stage:
        stage("checking")
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


@dataclass
class Earlier:
    """The years before the report year: the previous year's data (for the comparison) and the activities of
    every earlier year found, by year (for the history charts)."""
    previous: YearData | None = None
    history: dict[int, object] = field(default_factory=dict)


def load_earlier(data: YearData, inputs_root: Path, workers: int | None = None) -> Earlier:
    """The earlier years beside the report year's folder (inputs_root/Y-1, Y-2...), each read and checked."""
    earlier = Earlier()
    root = Path(inputs_root)
    if not root.is_dir():
        return earlier
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit()):
        year = int(folder.name)
        if year >= data.year or folder.resolve() == data.inputs_dir.resolve():
            continue
        loaded = load_year(folder, year, data.config, workers=workers)
        earlier.history[year] = loaded.frame()
        if year == data.year - 1:
            earlier.previous = loaded
    return earlier
