"""Feedback workbooks made with the unchanged cells set aside (sheetdata) equal those made by loading every cell."""
from __future__ import annotations

import io
from collections import defaultdict

import openpyxl
import pytest

from report.config import load_config
from report.outputs import FORMULA_PREFIXES
from report.pipeline import load_year
from report.schema import SHEET_ACTIVITIES
from report.workbooks import sheetdata
from report.workbooks.feedback import _light_feedback, build_feedback
from workbook_samples import ROWS, YEAR, filled_template


def snapshot(wb) -> dict:
    """Everything a person sees in a workbook: sheets, values, formats, comments, links, merges, sizes."""
    out = {"sheets": wb.sheetnames, "active": wb.active.title}
    for ws in wb.worksheets:
        cells = {c.coordinate: (c.value, c.data_type, c.number_format, repr(c.font), repr(c.fill), repr(c.border),
                                repr(c.alignment), c.quotePrefix, c.comment.text if c.comment else None,
                                c.hyperlink.location if c.hyperlink else None)
                 for row in ws.iter_rows() for c in row if c.value is not None or c.has_style or c.comment}
        out[ws.title] = (cells, sorted(map(str, ws.merged_cells.ranges)), len(ws.data_validations.dataValidation),
                         {k: v.width for k, v in ws.column_dimensions.items()}, ws.sheet_state, ws.freeze_panes,
                         {k: (v.height, v.hidden) for k, v in ws.row_dimensions.items() if v.height or v.hidden})
    return out


@pytest.fixture
def year(tmp_path):
    """A filled template with errors, a department's comment, a merged range and a formula-looking text."""
    path = filled_template(tmp_path, rows=(*ROWS, {"title_it": "x", "type": "Boh", "start_date": "31/02/2026"}))
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_ACTIVITIES.name]
    ws["B5"].value, ws["B5"].data_type = "=1+1", "s"  # a text that a spreadsheet would run
    ws["F3"], ws["P3"], ws["H2"] = "Progetto spaziale", -5, "Atlantide; Francia"
    ws["H2"].comment = openpyxl.comments.Comment("verificare", "Maria")
    ws["Z2"], ws["AA2"] = "nota", "altra"
    ws.merge_cells("Z2:AA2")
    wb.save(path)
    return load_year(tmp_path, YEAR, load_config())


def _found(data):
    found = defaultdict(list)
    for f in data.findings:
        found[f.source_file].append(f)
    (sub,) = data.submissions
    return sub, found[sub.name]


def test_light_feedback_equals_the_full_one(year):
    sub, found = _found(year)
    body = _light_feedback(sub, found, YEAR)
    assert body is not None  # the light path was taken
    full = io.BytesIO()
    build_feedback(sub, found, YEAR).save(full)
    light, whole = snapshot(openpyxl.load_workbook(io.BytesIO(body))), snapshot(openpyxl.load_workbook(full))
    assert light == whole
    cells = light[SHEET_ACTIVITIES.name][0]
    assert cells["B5"][0] == "=1+1" and cells["B5"][7]  # still text, with the quote prefix
    assert cells["H2"][8].endswith("verificare") and "Atlantide" in cells["H2"][8]


def test_light_feedback_reads_back_the_same_findings(year, tmp_path):
    sub, found = _found(year)
    folder = tmp_path / "again"
    folder.mkdir()
    (folder / sub.name).write_bytes(_light_feedback(sub, found, YEAR))
    again = load_year(folder, YEAR, load_config())
    assert [(f.code, f.cell) for f in again.findings] == [(f.code, f.cell) for f in found]


def test_shared_formulas_fall_back_to_the_whole_workbook(year, tmp_path):
    sub, found = _found(year)
    source = sub.path.read_bytes()
    assert sheetdata.lighten(source, {}, FORMULA_PREFIXES) is not None
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename.endswith("sheet3.xml"):
                body = body.replace(b"<v>", b'<f t="shared" si="0">A1</f><v>', 1)
            zout.writestr(item.filename, body)
    assert sheetdata.lighten(out.getvalue(), {}, FORMULA_PREFIXES) is None
