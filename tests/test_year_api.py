"""The library API of a whole year (report.validate_year, report.build_year), called in this process as the
CLI, the benchmarks and the portal call it: the stages reported as they start, the files written, kept and
removed, the stage timings, and bad folders as one bilingual UsageError."""
from __future__ import annotations

import subprocess
import sys

import pytest

import report
from conftest import row, write_activities
from report import api
from report.errors import UsageError

YEAR = 2025


@pytest.fixture
def inputs(tmp_path):
    """Two departments' files for 2025, with findings in each (so each gets a feedback workbook)."""
    folder = tmp_path / "in" / str(YEAR)
    folder.mkdir(parents=True)
    write_activities(folder / "AMBIENTE.xlsx", [row(), row(ref="A-2", budget_eur="abc")], department="AMBIENTE")
    write_activities(folder / "CULTURA.csv", [row(ref="C-1", title_en=None), row(ref="C-2", countries="Atlantide")])
    return folder


def test_validate_year_reports_stages_files_and_timings(inputs, tmp_path):
    settings = report.Settings(YEAR, inputs=inputs, outputs=tmp_path / "out")
    stages: list[str] = []
    outcome = report.validate_year(settings, progress=stages.append)
    assert stages == [api.READING, api.CHECKING, api.DATA_FILES, api.FEEDBACK]
    names = [p.relative_to(tmp_path / "out").as_posix() for p in outcome.written]
    assert names == [f"validation_{YEAR}.csv", f"feedback/AMBIENTE_{YEAR}.xlsx", f"feedback/CULTURA_{YEAR}.xlsx"]
    assert all(p.is_file() for p in outcome.written) and outcome.unchanged == [] and outcome.removed == []
    assert {"read", "validate", "data", "feedback"} <= set(outcome.timings)
    assert outcome.errors == sum(f.severity == "error" for f in outcome.data.findings) > 0
    assert outcome.data.ledger.total.read == 4

    again: list[str] = []
    second = report.validate_year(settings, progress=again.append)
    assert again == [api.READING, api.CHECKING]      # nothing changed: the year is read, nothing written
    assert second.written == [] and second.unchanged == outcome.written


def test_validate_year_removes_the_feedback_of_a_file_now_clean(inputs, tmp_path):
    settings = report.Settings(YEAR, inputs=inputs, outputs=tmp_path / "out")
    report.validate_year(settings)
    write_activities(inputs / "CULTURA.csv", [row(ref="C-1", title_it="Mostra", title_en="Exhibition")])
    outcome = report.validate_year(settings)
    assert outcome.removed == [tmp_path / "out" / "feedback" / f"CULTURA_{YEAR}.xlsx"]
    assert not outcome.removed[0].exists()


def test_build_year_writes_the_data_files_and_the_edition(inputs, tmp_path):
    earlier = tmp_path / "in" / str(YEAR - 1)
    earlier.mkdir()
    write_activities(earlier / "CULTURA.csv", [row(ref="C-9", year=YEAR - 1)])
    settings = report.Settings(YEAR, inputs=inputs, outputs=tmp_path / "out", lang="it", workers=1)
    stages: list[str] = []
    outcome = report.build_year(settings, progress=stages.append)
    assert stages == [api.READING, api.CHECKING, api.DATA_FILES, api.FEEDBACK, api.EARLIER, api.EDITIONS]
    names = {p.name for p in outcome.written}
    assert {f"validation_{YEAR}.csv", f"activities_{YEAR}.csv", f"activities_{YEAR}.xlsx", "datapackage.json",
            f"report_{YEAR}_it.pdf"} <= names
    assert (tmp_path / "out" / f"report_{YEAR}_it.pdf").read_bytes().startswith(b"%PDF-")
    assert {"read", "validate", "data", "feedback", "aggregate", "charts", "html", "pdf", "pdf_it"} <= set(
        outcome.timings)


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "nowhere", "inputs folder not found"),
    (lambda tmp: tmp, "no department workbook"),
])
def test_a_folder_that_cannot_be_used_is_a_usage_error(tmp_path, make, message):
    with pytest.raises(UsageError, match=message):
        report.validate_year(report.Settings(YEAR, inputs=make(tmp_path), outputs=tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_importing_report_leaves_the_api_unloaded():
    """`import report` (what --help pays) does not load the library; the API is loaded on first use."""
    code = ("import sys, report; before = 'report.api' in sys.modules; report.build_year; "
            "print(before, 'report.api' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]
