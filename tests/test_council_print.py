"""The council workbook reads and prints well: summary sheets lead with bilingual labels, every sheet has a print
set-up a person would choose, and real LibreOffice prints the activities one page wide with the header on each page."""
from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest

from report.config import load_config
from report.intake.year import load_year
from report.schema import VOCABULARIES, output_label
from report.texts import pair
from report.workbooks.council import BREAKDOWNS, SHEET_TABLE, write_council
from test_libreoffice import SOFFICE, convert

SAMPLES = Path(__file__).resolve().parents[1] / "inputs" / "2025"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="the sample inputs are not generated (make samples)")
HEAD = 5  # the header row of a summary sheet


@pytest.fixture(scope="module")
def council(tmp_path_factory) -> Path:
    data = load_year(SAMPLES, 2025, load_config())
    return write_council(data.frame(), data.config, 2025, tmp_path_factory.mktemp("council") / "activities_2025.xlsx")


@pytest.fixture(scope="module")
def workbook(council):
    return openpyxl.load_workbook(council)


def test_every_sheet_prints_landscape_one_page_wide_with_its_header_repeated(workbook):
    for ws in workbook.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title  # fit to width, as many pages down as needed
        header = 1 if ws.title == SHEET_TABLE else HEAD
        assert ws.print_title_rows == f"${header}:${header}", ws.title
        assert ws.freeze_panes is not None


def test_activities_sheet_wraps_its_texts_in_columns_a_page_can_hold(workbook):
    ws = workbook[SHEET_TABLE]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, ws.max_column + 1)]
    assert sum(widths) <= 420 and max(widths) <= 30  # the wide template widths (50 for a description) made 4 pages
    assert all(cell.alignment.wrap_text for cell in ws[2])
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A3  # 28 columns want the larger sheet


@pytest.mark.parametrize(("name", "key"), BREAKDOWNS)
def test_summary_sheets_lead_with_labels_in_both_languages_and_end_with_the_code(workbook, name, key):
    ws = workbook[name]
    heads = [c.value for c in ws[HEAD]]
    assert heads[:2] == [output_label(key, "it"), output_label(key, "en")] and heads[-1] == "Codice / Code"
    rows = [r for r in ws.iter_rows(min_row=HEAD + 1, values_only=True)]
    assert rows[-1][:2] == pair("council.total")
    for it, en, *_, code in rows[:-1]:
        if key in VOCABULARIES and code:
            assert (it, en) == (VOCABULARIES[key].label(code, "it"), VOCABULARIES[key].label(code, "en"))
    for column in (1, 2, len(heads)):  # no label nor code is cut off by its column
        letter = openpyxl.utils.get_column_letter(column)
        longest = max(len(str(ws.cell(row=r, column=column).value or "")) for r in range(HEAD + 1, ws.max_row + 1))
        assert ws.column_dimensions[letter].width >= min(longest, 50), (name, letter)


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: run `sh scripts/ensure-tools.sh "
                                            "libreoffice` to print the council workbook")
def test_libreoffice_prints_the_activities_one_page_wide(council, tmp_path):
    pdf = convert(council, "pdf", tmp_path / "pdf", tmp_path / "profile")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    table = [p for p in pages if "Settore" in p and "Per " not in p.split("\n", 3)[0] + p.split("\n", 3)[1]]
    summaries = [p for p in pages if any(f"{name} · 2025" in p for name, _ in BREAKDOWNS)]
    assert len(table) + len(summaries) == len(pages)
    # every page of the table holds the first and the last column, under the repeated header
    assert table and all("Department" in p and "Activity identifier" in p for p in table)
    assert len(table) <= 12  # was 32 pages, four across for each band of rows
    assert len(summaries) == len(BREAKDOWNS)  # each summary on one page
    area = next(p for p in summaries if "Per area" in p)
    assert "Mediterraneo e Medio Oriente" in area and "mediterranean_middle_east" in area
