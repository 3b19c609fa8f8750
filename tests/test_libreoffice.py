"""A filled template survives real LibreOffice: .xlsx -> .ods -> .xlsx reads back without findings, dropdowns kept.

Needs headless LibreOffice (`soffice`; `.ci/run` installs Debian's package); skipped where it is missing.
One conversion chain per test session (module fixture): LibreOffice takes a few seconds to start.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from report.config import load_config
from report.intake.year import load_year
from report.schema import COLUMNS, SHEET_ACTIVITIES, SHEET_LISTS, VOCAB
from workbook_samples import ROWS, YEAR, filled_template

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TIMEOUT = 180  # seconds for one conversion, first start of a fresh profile included

pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: run `sh scripts/ensure-tools.sh libreoffice` "
                            "(Debian package libreoffice-calc-nogui) to run the round-trip tests")


def convert(source: Path, target_format: str, outdir: Path, profile: Path) -> Path:
    """Convert a file with headless LibreOffice, in its own user profile; the converted file's path."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", target_format, "--outdir", str(outdir), str(source)],
                   check=True, timeout=TIMEOUT, capture_output=True)
    converted = outdir / f"{source.stem}.{target_format}"
    assert converted.is_file(), f"LibreOffice did not write {converted}"
    return converted


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The filled template, its .ods and the .xlsx LibreOffice makes from the .ods, each in its own folder."""
    root = tmp_path_factory.mktemp("libreoffice")
    filled = filled_template(root / "xlsx")
    profile = root / "profile"
    ods = convert(filled, "ods", root / "ods", profile)
    back = convert(ods, "xlsx", root / "back", profile)
    return {"xlsx": filled, "ods": ods, "back": back}


@pytest.mark.parametrize("kind", ["ods", "back"])
def test_reads_back_without_findings(converted, kind):
    data = load_year(converted[kind].parent, YEAR, load_config())
    assert data.findings == []
    assert len(data.accepted) == len(ROWS)
    original = load_year(converted["xlsx"].parent, YEAR, load_config())
    assert data.frame().drop(columns="source_file").equals(original.frame().drop(columns="source_file"))


def test_dropdowns_survive(converted):
    wb = openpyxl.load_workbook(converted["back"])
    ws = wb[SHEET_ACTIVITIES.name]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    letters = {str(dv.sqref).split(":")[0].rstrip("0123456789") for dv in lists}
    expected = {openpyxl.utils.get_column_letter(i) for i, c in enumerate(COLUMNS, start=1) if c.kind == VOCAB}
    assert letters == expected
    assert all(SHEET_LISTS.name in dv.formula1 for dv in lists)
    assert wb[SHEET_LISTS.name].sheet_state == "hidden"
    prompts = {dv.prompt for dv in ws.data_validations.dataValidation if dv.prompt}
    assert {f"{c.help_it}\n{c.help_en}" for c in COLUMNS} <= prompts


@pytest.fixture(scope="module")
def feedback_back(tmp_path_factory):
    """A feedback workbook (the department's .xlsx edited in place) and the .xlsx LibreOffice saves from it."""
    from report.workbooks.feedback import write_feedback

    root = tmp_path_factory.mktemp("feedback")
    path = filled_template(root / "in")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_ACTIVITIES.name]
    ws["F3"], ws["P3"], ws["H2"] = "Progetto spaziale", -5, "Atlantide; Francia"
    ws["H2"].comment = openpyxl.comments.Comment("verificare", "Maria")
    wb.save(path)
    data = load_year(path.parent, YEAR, load_config())
    (feedback,) = write_feedback(data, root / "out")
    back = convert(feedback, "xlsx", root / "back", root / "profile")
    return data, back


def test_feedback_opens_in_libreoffice_with_marks_comments_and_links(feedback_back):
    from report.workbooks import styles
    from report.workbooks.feedback import SHEET_FINDINGS

    data, back = feedback_back
    wb = openpyxl.load_workbook(back)
    assert wb.sheetnames[0] == SHEET_FINDINGS and wb.active.title == SHEET_FINDINGS
    assert wb[SHEET_LISTS.name].sheet_state == "hidden"
    ws = wb[SHEET_ACTIVITIES.name]
    assert len(data.findings) >= 3
    for f in data.findings:
        cell = ws[f.cell]
        assert cell.fill.fgColor.rgb[-6:] == styles.SEVERITY_FILL[f.severity].fgColor.rgb[-6:]
        assert f.message_it in cell.comment.text and f.message_en in cell.comment.text
    assert ws["H2"].comment.text.rstrip().endswith("verificare")
    links = {c.hyperlink.location.replace("'", "").replace("$", "") for row in wb[SHEET_FINDINGS].iter_rows()
             for c in row if c.hyperlink}
    assert links == {f"{SHEET_ACTIVITIES.name}!{f.cell}" for f in data.findings}


def test_feedback_saved_by_libreoffice_reads_back_with_the_same_findings(feedback_back, tmp_path):
    data, back = feedback_back
    again = load_year(back.parent, YEAR, load_config())
    assert [(f.code, f.cell) for f in again.findings] == [(f.code, f.cell) for f in data.findings]
