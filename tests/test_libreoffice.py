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
from report.pipeline import load_year
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
