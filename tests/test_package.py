"""Feedback workbooks edited in place (package) equal those made from openpyxl's rewrite of the same file."""
from __future__ import annotations

import io
import zipfile
from collections import defaultdict

import openpyxl
import pytest

from report.config import load_config
from report.intake.year import load_year
from report.schema import SHEET_ACTIVITIES
from report.workbooks import feedback
from report.workbooks.xlsx.ooxml import Unsupported
from report.workbooks.xlsx.package import Package
from workbook_samples import ROWS, YEAR, filled_template


def snapshot(wb) -> dict:
    """Everything a person sees in a workbook: sheets, values, formats, comments, links, merges, sizes, prints."""
    out = {"sheets": wb.sheetnames, "active": wb.active.title}
    for ws in wb.worksheets:
        cells = {c.coordinate: (c.value, c.data_type, c.number_format, repr(c.font), repr(c.fill), repr(c.border),
                                repr(c.alignment), repr(c.protection), c.quotePrefix,
                                c.comment.text if c.comment else None, c.hyperlink.location if c.hyperlink else None)
                 for row in ws.iter_rows() for c in row if c.value is not None or c.has_style or c.comment}
        out[ws.title] = (cells, sorted(map(str, ws.merged_cells.ranges)), len(ws.data_validations.dataValidation),
                         {k: v.width for k, v in ws.column_dimensions.items() if v.width},
                         ws.sheet_state, ws.freeze_panes, ws.print_title_rows, ws.auto_filter.ref,
                         ws.protection.sheet, ws.sheet_view.tabSelected,
                         {k: v.height for k, v in ws.row_dimensions.items() if v.height})
    return out


@pytest.fixture
def job(tmp_path):
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
    data = load_year(tmp_path, YEAR, load_config())
    found = defaultdict(list)
    for f in data.findings:
        found[f.source_file].append(f)
    (sub,) = data.submissions
    return sub, found[sub.name]


def _annotated(source: bytes, sub, found) -> openpyxl.Workbook:
    workbook = Package(source)
    feedback._annotate(workbook, sub, found, YEAR)
    return openpyxl.load_workbook(io.BytesIO(workbook.to_bytes()))


def test_edited_in_place_equals_the_rewritten_copy(job):
    sub, found = job
    rewritten = io.BytesIO()
    openpyxl.load_workbook(sub.path).save(rewritten)
    direct, copy = _annotated(sub.path.read_bytes(), sub, found), _annotated(rewritten.getvalue(), sub, found)
    assert snapshot(direct) == snapshot(copy)
    cells = snapshot(direct)[SHEET_ACTIVITIES.name][0]
    assert cells["B5"][0] == "=1+1" and cells["B5"][8]  # still text, with the quote prefix
    assert cells["H2"][9].endswith("verificare") and "Atlantide" in cells["H2"][9]
    assert direct[SHEET_ACTIVITIES.name].print_title_rows  # the template's print titles still on their sheet


def test_the_department_values_are_unchanged(job):
    sub, found = job
    before = openpyxl.load_workbook(sub.path)
    after = openpyxl.load_workbook(io.BytesIO(feedback.feedback_workbook(sub, found, YEAR)))
    assert after.sheetnames == [feedback.SHEET_FINDINGS, *before.sheetnames]
    for ws in before.worksheets:
        assert [[c.value for c in row] for row in ws.iter_rows()] == \
               [[c.value for c in row] for row in after[ws.title].iter_rows(max_row=ws.max_row, max_col=ws.max_column)]


def test_reads_back_with_the_same_findings(job, tmp_path):
    sub, found = job
    folder = tmp_path / "again"
    folder.mkdir()
    (folder / sub.name).write_bytes(feedback.feedback_workbook(sub, found, YEAR))
    again = load_year(folder, YEAR, load_config())
    assert [(f.code, f.cell) for f in again.findings] == [(f.code, f.cell) for f in found]


def test_spreadsheet_text_in_messages_stays_text(job):
    sub, found = job
    hostile = "<b>Rossi & figli</b> \x0b =HYPERLINK(\"http://x\")"
    found = [found[0].__class__(**{**found[0].__dict__, "message_it": hostile, "message_en": hostile})] + found[1:]
    wb = openpyxl.load_workbook(io.BytesIO(feedback.feedback_workbook(sub, found, YEAR)))
    texts = [c.value for row in wb[feedback.SHEET_FINDINGS].iter_rows() for c in row if isinstance(c.value, str)]
    assert "<b>Rossi & figli</b> \ufffd =HYPERLINK(\"http://x\")" in texts


def test_workbooks_with_macros_and_other_files_are_not_edited_in_place(job):
    sub, _ = job
    source = io.BytesIO()
    with zipfile.ZipFile(sub.path) as zin, zipfile.ZipFile(source, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("xl/vbaProject.bin", b"macro")
    with pytest.raises(Unsupported):
        Package(source.getvalue())
    with pytest.raises(Unsupported):
        Package(b"not a zip")


def test_a_package_it_cannot_edit_falls_back_and_loses_nothing(job, tmp_path):
    sub, found = job
    source = io.BytesIO()
    with zipfile.ZipFile(sub.path) as zin, zipfile.ZipFile(source, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "xl/styles.xml":
                body = body.replace(b"<fills", b"<fillz").replace(b"</fills>", b"</fillz>")
            zout.writestr(item, body)
    with pytest.raises(Unsupported):
        Package(source.getvalue())
    damaged = tmp_path / "damaged" / sub.name
    damaged.parent.mkdir()
    damaged.write_bytes(source.getvalue())
    data = load_year(damaged.parent, YEAR, load_config())
    (again,) = data.submissions
    wb = openpyxl.load_workbook(io.BytesIO(feedback.feedback_workbook(again, data.findings, YEAR)))
    assert wb.sheetnames[0] == feedback.SHEET_FINDINGS and SHEET_ACTIVITIES.name in wb.sheetnames
    marked = [f for f in data.findings if f.cell]
    assert marked and all(wb[SHEET_ACTIVITIES.name][f.cell].comment for f in marked)


SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
         b'spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
         b'<dimension ref="A1:C5"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
         b'<row r="3" x14ac:dyDescent="0.25"><c r="A3"><v>1</v></c><c r="C3" s="0"/></row><row r="5"/></sheetData>'
         b'<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')


@pytest.mark.parametrize("refs", [{"B3"}, {"A2", "B3", "A6"}, {"A1", "C5"}, {"D4"}, {"B1", "A3", "B5", "Z9"}])
def test_a_sheet_edited_by_its_rows_equals_the_sheet_parsed_whole(refs):
    from lxml import etree

    from report.workbooks.xlsx.ooxml import NS
    from report.workbooks.xlsx.sheetxml import PartSheet, find_cells

    whole = etree.fromstring(SHEET)
    for cell in find_cells(whole.find("m:sheetData", NS), refs).values():
        cell.set("s", "7")
    partial = PartSheet(SHEET)
    for cell in partial.cells(refs).values():
        cell.set("s", "7")
    spliced = etree.fromstring(partial.to_bytes())
    assert etree.tostring(spliced, method="c14n") == etree.tostring(whole, method="c14n")
    rows = [int(r.get("r")) for r in spliced.iterfind("m:sheetData/m:row", NS)]
    assert rows == sorted(rows) and {f"{c.get('r')}" for c in spliced.iter() if c.get("s") == "7"} == refs
