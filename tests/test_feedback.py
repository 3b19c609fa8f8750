"""Tests of the feedback workbooks: the department's own file back, findings marked and listed, resubmission."""
from __future__ import annotations

import zipfile

import openpyxl
import pandas as pd
import pytest

from report.config import load_config
from report.intake.year import load_year
from report.schema import SHEET_ACTIVITIES
from report.workbooks import styles
from report.workbooks.feedback import FEEDBACK_DIR, SHEET_FINDINGS, write_feedback
from workbook_samples import ROWS, YEAR, filled_template

CSV = ("Titolo (IT);Titolo (EN);Tipologia;Paesi;Data inizio;Budget totale (EUR)\n"
       "Coppa delle città;City cup;Evento internazionale;Francia;01/05/2026;12.000\n"
       "Torneo;;Boh;Narnia;2026;-3\n")


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """A year's folder: a template with errors, a CSV, an ODS, an unreadable file, a clean file; and its feedback."""
    folder = tmp_path_factory.mktemp("inputs")
    path = filled_template(folder)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_ACTIVITIES.name]
    ws["F3"], ws["P3"], ws["M4"], ws["H2"] = "Progetto spaziale", -5, "31/02/2026", "Atlantide; Francia"
    ws["H2"].comment = openpyxl.comments.Comment("verificare", "Maria")
    wb.save(path)
    (folder / "SPORT.csv").write_text(CSV, encoding="utf-8")
    (folder / "CULTURA.xlsx").write_bytes(b"not a zip")
    filled_template(folder, rows=ROWS[:1], department="GIOVENTU")  # clean: no feedback
    frame = pd.DataFrame([["Titolo", "Tipologia", "Paesi", "Data inizio"], ["Mostra", "Mostra", "Francia", "2026"]])
    with pd.ExcelWriter(folder / "TEMPI.ods", engine="odf") as writer:
        pd.DataFrame([["x"]]).to_excel(writer, sheet_name="Note", header=False, index=False)
        frame.to_excel(writer, sheet_name="Dati", header=False, index=False, startrow=2, startcol=1)
    out = tmp_path_factory.mktemp("outputs")
    (out / FEEDBACK_DIR).mkdir()
    (out / FEEDBACK_DIR / f"GIOVENTU_{YEAR}.xlsx").write_bytes(b"stale")
    data = load_year(folder, YEAR, load_config())
    written = write_feedback(data, out)
    return data, {p.name: p for p in written}, out


def _findings(data, name):
    return [f for f in data.findings if f.source_file == name]


def test_one_feedback_per_file_with_findings(year):
    data, written, out = year
    assert sorted(written) == [f"{code}_{YEAR}.xlsx" for code in ("AMBIENTE", "CULTURA", "SPORT", "TEMPI")]
    assert sorted(p.name for p in (out / FEEDBACK_DIR).iterdir()) == sorted(written)  # the stale one is gone


def test_findings_sheet_lists_every_finding_with_links(year):
    data, written, _ = year
    wb = openpyxl.load_workbook(written[f"AMBIENTE_{YEAR}.xlsx"])
    assert wb.sheetnames[0] == SHEET_FINDINGS and wb.active.title == SHEET_FINDINGS
    ws = wb[SHEET_FINDINGS]
    found = _findings(data, f"AMBIENTE_{YEAR}.xlsx")
    rows = [r for r in ws.iter_rows(values_only=True) if r[-1] in {f.code for f in found}]
    assert len(rows) == len(found) == 4
    assert {(r[2], r[4], r[5]) for r in rows} == {(f.cell, f.message_it, f.message_en) for f in found}
    counts = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(4, 7)}
    assert counts == {styles.SEVERITY_LABEL["error"]: 4, styles.SEVERITY_LABEL["warning"]: 0, "Info": 0}
    links = {c.value: c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink}
    assert links["H2"] == f"'{SHEET_ACTIVITIES.name}'!H2" and len(links) == 4


def test_cells_are_marked_with_colour_and_bilingual_comment(year):
    data, written, _ = year
    ws = openpyxl.load_workbook(written[f"AMBIENTE_{YEAR}.xlsx"])[SHEET_ACTIVITIES.name]
    for f in _findings(data, f"AMBIENTE_{YEAR}.xlsx"):
        cell = ws[f.cell]
        assert cell.fill.fgColor.rgb.endswith(styles.SEVERITY_FILL[f.severity].fgColor.rgb[-6:])
        assert f.message_it in cell.comment.text and f.message_en in cell.comment.text
    assert ws["H2"].comment.text.endswith("verificare")  # the department's own comment is kept
    assert ws["A2"].fill.fgColor.rgb in (None, "00000000") and ws["A2"].comment is None


def test_own_values_are_kept_so_the_file_can_be_sent_again(year, tmp_path):
    data, written, _ = year
    for name, source in ((f"AMBIENTE_{YEAR}.xlsx", f"AMBIENTE_{YEAR}.xlsx"), (f"SPORT_{YEAR}.xlsx", "SPORT.csv"),
                         (f"TEMPI_{YEAR}.xlsx", "TEMPI.ods")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / name).write_bytes(written[name].read_bytes())
        again = load_year(folder, YEAR, load_config())
        before = [(f.code, f.cell, f.message_en) for f in _findings(data, source)]
        assert [(f.code, f.cell, f.message_en) for f in again.findings] == before


def test_csv_and_ods_are_rebuilt_at_the_same_positions(year):
    data, written, _ = year
    ws = openpyxl.load_workbook(written[f"SPORT_{YEAR}.xlsx"])[SHEET_ACTIVITIES.name]
    assert ws["C3"].value == "Boh" and ws["C3"].comment is not None and ws["A1"].font.bold
    assert ws["F3"].value == "-3" and ws["F3"].data_type == "s"  # text stays text, unchanged
    wb = openpyxl.load_workbook(written[f"TEMPI_{YEAR}.xlsx"])
    assert wb.sheetnames == [SHEET_FINDINGS, "Note", "Dati"]
    type_finding = next(f for f in _findings(data, "TEMPI.ods") if f.code == "vocabulary_unknown")
    assert type_finding.cell == "C4" and wb["Dati"]["C4"].value == "Mostra" and wb["Dati"]["C4"].comment


def test_unreadable_file_gets_the_reason_and_what_to_do(year):
    data, written, _ = year
    wb = openpyxl.load_workbook(written[f"CULTURA_{YEAR}.xlsx"])
    assert wb.sheetnames == [SHEET_FINDINGS]
    text = [c for row in wb[SHEET_FINDINGS].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    (finding,) = _findings(data, "CULTURA.xlsx")
    assert finding.code == "file_unreadable" and finding.message_it in text and finding.message_en in text
    assert any("non si è potuto leggere" in t for t in text) and any("could not be read" in t for t in text)


def test_xlsm_comes_back_as_xlsx_without_macros(tmp_path):
    source = filled_template(tmp_path / "in", rows=({"title_it": "Solo titolo"},))
    xlsm = source.with_suffix(".xlsm")
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(xlsm, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("xl/vbaProject.bin", b"macro")
    source.unlink()
    data = load_year(xlsm.parent, YEAR, load_config())
    (path,) = write_feedback(data, tmp_path / "out")
    assert path.suffix == ".xlsx"
    with zipfile.ZipFile(path) as archive:
        assert "xl/vbaProject.bin" not in archive.namelist()
        assert b"macroEnabled" not in archive.read("[Content_Types].xml")
    assert openpyxl.load_workbook(path).sheetnames[0] == SHEET_FINDINGS


def test_unchanged_feedback_is_not_written_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    path = filled_template(folder)
    wb = openpyxl.load_workbook(path)
    wb[SHEET_ACTIVITIES.name]["P2"] = -5
    wb.save(path)
    out = tmp_path / "out"
    first = write_feedback(load_year(folder, YEAR, load_config()), out)
    stamp = first[0].stat().st_mtime_ns
    first[0].write_bytes(first[0].read_bytes())  # same bytes, new time: a rewrite would change it again
    stamp = first[0].stat().st_mtime_ns
    again = write_feedback(load_year(folder, YEAR, load_config()), out)
    assert again == first and first[0].stat().st_mtime_ns == stamp
    wb[SHEET_ACTIVITIES.name]["P2"] = -6  # the department changed its file: the feedback follows
    wb.save(path)
    write_feedback(load_year(folder, YEAR, load_config()), out)
    marked = openpyxl.load_workbook(first[0])[SHEET_ACTIVITIES.name]["P2"]
    assert marked.value == -6 and marked.comment is not None


def test_workers_write_the_same_workbooks_as_one_process(tmp_path, monkeypatch):
    from report.workbooks import feedback

    folder = tmp_path / "in"
    for code in ("AMBIENTE", "CULTURA", "GIOVENTU", "SPORT"):
        filled_template(folder, rows=(*ROWS[:1], {"title_it": "Solo titolo", "type": "Boh"}), department=code)
    data = load_year(folder, YEAR, load_config())
    monkeypatch.setattr(feedback, "PARALLEL_MIN", 2)
    written = {n: write_feedback(data, tmp_path / f"out{n}", workers=n) for n in (1, 2)}
    assert [p.name for p in written[1]] == [p.name for p in written[2]] and len(written[1]) == 4
    assert [p.read_bytes() for p in written[1]] == [p.read_bytes() for p in written[2]]


def test_a_feedback_sent_back_corrected_carries_only_the_new_marks(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    path = filled_template(folder)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_ACTIVITIES.name]
    ws["P2"], ws["F3"], ws["H2"] = -5, "Progetto spaziale", "Atlantide; Francia"
    ws["H2"].comment = openpyxl.comments.Comment("verificare", "Maria")
    wb.save(path)
    (first,) = write_feedback(load_year(folder, YEAR, load_config()), tmp_path / "out1")
    sent = openpyxl.load_workbook(first)  # the department corrects P2 in the feedback itself and sends it back
    sent[SHEET_ACTIVITIES.name]["P2"] = 1250000
    again = tmp_path / "again"
    again.mkdir()
    sent.save(again / path.name)
    data = load_year(again, YEAR, load_config())
    assert {f.cell for f in data.findings} == {"F3", "H2"}
    (second,) = write_feedback(data, tmp_path / "out2")
    wb = openpyxl.load_workbook(second)
    assert wb.sheetnames == [SHEET_FINDINGS, *openpyxl.load_workbook(path).sheetnames]
    ws = wb[SHEET_ACTIVITIES.name]
    assert ws["P2"].comment is None and ws["P2"].fill.fgColor.rgb in (None, "00000000")
    for f in data.findings:
        assert ws[f.cell].comment.text.count(f.message_en) == 1
    assert ws["H2"].comment.text.endswith("\nverificare") and ws["H2"].comment.text.count("verificare") == 1


def test_the_findings_sheet_puts_the_technical_code_last(year):
    _, written, _ = year
    ws = openpyxl.load_workbook(written[f"SPORT_{YEAR}.xlsx"])[SHEET_FINDINGS]
    head = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Gravità / Severity")
    assert head == ("Gravità / Severity", "Foglio / Sheet", "Cella / Cell", "Colonna / Column", "Messaggio",
                    "Message", "Codice / Code")


def test_a_file_whose_department_is_a_column_gets_the_departments_name(tmp_path):
    """No Info sheet and no code in the file name: the rows' `department` column names it (contract: the
    feedback is feedback/<CODE>_Y.xlsx)."""
    from conftest import row, write_activities

    write_activities(tmp_path / "attivita.xlsx", [row(department="cultura"), row(ref="A-2", department="CULTURA",
                                                                                 budget_eur="abc")],
                     keys=["department", *row()])
    data = load_year(tmp_path, YEAR, load_config())
    assert {a.department for a in data.activities} == {"CULTURA"}
    (path,) = write_feedback(data, tmp_path / "out")
    assert path.name == f"CULTURA_{YEAR}.xlsx"
    about = openpyxl.load_workbook(path)[SHEET_FINDINGS]["A2"].value
    assert about.startswith("Settore CULTURA ·")


def test_a_file_of_several_departments_by_column_keeps_its_own_name(tmp_path):
    from conftest import row, write_activities

    write_activities(tmp_path / "attivita.xlsx", [row(department="CULTURA", budget_eur="abc"),
                                                  row(ref="A-2", department="SPORT")], keys=["department", *row()])
    (path,) = write_feedback(load_year(tmp_path, YEAR, load_config()), tmp_path / "out")
    assert path.name == f"attivita_{YEAR}.xlsx"
