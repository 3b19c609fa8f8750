"""The sample year against the mistakes planted in it: scripts/samples says, activity by activity, which findings a
row must raise (`expect`); inputs/2025 must raise exactly those, on their file and row, and nothing else."""
from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from pathlib import Path

import pytest

from report.config import load_config
from report.schema import SHEET_ACTIVITIES, SHEET_INFO
from report.intake.year import load_year

ROOT = Path(__file__).resolve().parent.parent
# A layout that deviates from the template as a whole: its file-level findings (no row).
LAYOUT_FINDINGS = {"title_rows": {"column_unknown"}}   # the extra column «Responsabile interno»


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The 2025 files as scripts/make_samples.py writes them (into a temporary folder) and, per file, the row
    each activity landed on with the findings it was planted to raise."""
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts" / "make_samples.py")
    make_samples = importlib.util.module_from_spec(spec)
    path = sys.path[:]
    try:
        spec.loader.exec_module(make_samples)   # puts scripts/ first on sys.path, for its `samples` package
        from samples import DEPARTMENTS
        from samples.record import EXPECT
    finally:
        sys.path[:] = path

    make_samples.INPUTS = tmp_path_factory.mktemp("samples")
    written = make_samples.write_year_2025(DEPARTMENTS)
    rows = {(name, row, code) for _, name, placed in written for row, activity in placed for code in activity[EXPECT]}
    files = {(name, None, code) for dept, name, _ in written for code in LAYOUT_FINDINGS.get(dept.layout, ())}
    return {"folder": make_samples.INPUTS / "2025", "names": [name for _, name, _ in written], "expected": rows | files,
            "layouts": {name: (dept.code, dept.layout) for dept, name, _ in written}}


@pytest.fixture(scope="module")
def sample_year():
    return load_year(ROOT / "inputs" / "2025", 2025, load_config())


def test_the_sample_files_are_what_the_script_writes(planted):
    """inputs/2025 is generated (make samples): the planted mistakes below are the ones in the committed files."""
    assert sorted(p.name for p in (ROOT / "inputs" / "2025").iterdir()) == sorted(planted["names"])
    for name in planted["names"]:
        assert _content(planted["folder"] / name) == _content(ROOT / "inputs" / "2025" / name), name


def _content(path: Path):
    """A file's bytes; for an .xlsx package, each member's bytes (a member's date in the zip directory is the moment
    it was written, not content); for an .ods file, its cells."""
    if path.suffix == ".ods":   # odfpy names its automatic styles in no fixed order: the cells are the content
        from report.intake.ingest import read_workbook_sheets

        return read_workbook_sheets(path)
    if not zipfile.is_zipfile(path):
        return path.read_bytes()
    with zipfile.ZipFile(path) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


@pytest.mark.parametrize("layout", ["template", "ods"])
def test_the_template_samples_are_the_real_template_filled_in(planted, layout):
    """scripts/make_samples.py fills the template `generate.py template` writes (report.workbooks.template), not a
    copy of its own: every sheet and cell but the filled ones is the real template's."""
    from report.intake.ingest import read_workbook_sheets
    from report.workbooks.template import build_template

    config = load_config()
    name, code = next((n, c) for n, (c, lay) in planted["layouts"].items() if lay == layout)
    template = build_template(config, config.department(code), 2025)
    sample = read_workbook_sheets(planted["folder"] / name)
    assert list(sample) == template.sheetnames
    for sheet in template.worksheets:
        cells = [[v for v in row] for row in sheet.iter_rows(values_only=True)]
        cells = [row for row in cells if any(v is not None for v in row)]
        got = [row for row in sample[sheet.title] if any(v is not None and v != "" for v in row)]
        if sheet.title == SHEET_ACTIVITIES.name:
            cells, got = cells[:1], got[:1]   # the header; the rows below are the activities
        elif sheet.title == SHEET_INFO.name:
            cells, got = [r[:1] + r[2:] for r in cells], [r[:1] + r[2:] for r in got]   # column B is filled in
        assert [_row(row) for row in got] == [_row(row) for row in cells], sheet.title


def _row(row) -> list:
    """A row's cells as both readers give them: an empty cell as None, no empty cells at the end."""
    cells = [None if v == "" else v for v in row]
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def test_each_planted_mistake_is_found_on_its_row_and_nothing_else(planted, sample_year):
    found = {(f.source_file, f.source_row, f.code) for f in sample_year.findings}
    assert not planted["expected"] - found, "planted but not found"
    assert not found - planted["expected"], "found but not planted"
    assert len(sample_year.findings) == len(found)   # one finding per planted mistake, none twice


def test_a_row_finding_names_the_cell_of_its_row(sample_year):
    for f in sample_year.findings:
        if f.source_row is not None:
            assert f.cell and re.fullmatch(rf"[A-Z]+{f.source_row}", f.cell), f


def test_the_counts_in_inputs_readme_are_the_sample_years(sample_year):
    text = (ROOT / "inputs" / "README.md").read_text(encoding="utf-8")
    counts = re.search(r"Expected for 2025: (\d+) files, (\d+) rows read, (\d+) rejected, (\d+) outside the year, "
                       r"(\d+) accepted\.", text)
    outcomes = [a.outcome for a in sample_year.activities]
    accepted = len(sample_year.accepted)
    outside = sum(f.code == "outside_year" for f in sample_year.findings)
    assert tuple(map(int, counts.groups())) == (len(sample_year.submissions), len(outcomes),
                                                len(outcomes) - accepted - outside, outside, accepted)
