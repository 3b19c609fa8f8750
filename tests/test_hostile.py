"""Hostile and broken files: rejected before parsing, in bounded memory, with one clear reason; outputs written
atomically. No test here times anything (speed is measured by `make bench`)."""
from __future__ import annotations

import shutil
import struct
import tracemalloc
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from conftest import row, table, write_activities
from report import files, outputs
from report.intake.ingest import (MAX_FILE_BYTES, MAX_UNPACKED_BYTES, OLE_MAGIC, column_letter, read_submission,
                                  read_workbook_sheets)
from report.schema import SHEET_ACTIVITIES

MB = 1024 * 1024


@pytest.fixture
def no_parsing(monkeypatch):
    """Count the parses of a file's content (workbook or CSV): a file rejected by its size must have none."""
    from report.intake import ingest

    parses: list[str] = []
    for name in ("read_workbook_sheets", "read_csv_rows"):
        real = getattr(ingest, name)

        def counted(path, _real=real, _name=name):
            parses.append(_name)
            return _real(path)

        monkeypatch.setattr(ingest, name, counted)
    return parses


def rejected_before_parsing(path: Path, config, code: str, parses: list, peak_mb: float = 10):
    """Read one file, checking that its content was never parsed and the Python memory it took; its findings."""
    tracemalloc.start()
    try:
        sub = read_submission(path, config, 2025)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert sub.rejected and [f.code for f in sub.findings] == [code]
    assert parses == [], parses
    assert peak < peak_mb * MB, f"{peak / MB:.1f} MB"
    return sub.findings


def test_file_over_the_size_limit(tmp_path, config, no_parsing):
    path = tmp_path / "SPORT.xlsx"
    with path.open("wb") as handle:  # a sparse file: large on paper, nothing written
        handle.truncate(MAX_FILE_BYTES + MB)
    (f,) = rejected_before_parsing(path, config, "file_too_large", no_parsing)
    assert "21 MB" in f.message_en and "20 MB" in f.message_it and f.severity == "error"


def test_csv_over_the_size_limit(tmp_path, config, no_parsing):
    path = tmp_path / "SPORT.csv"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    rejected_before_parsing(path, config, "file_too_large", no_parsing)


def test_zip_bomb_that_really_unpacks_large(tmp_path, config, no_parsing):
    path = tmp_path / "SPORT.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            zeros = bytes(MB)
            for _ in range(MAX_UNPACKED_BYTES // MB + 10):
                member.write(zeros)
    assert path.stat().st_size < 2 * MB
    (f,) = rejected_before_parsing(path, config, "file_zip_bomb", no_parsing)
    assert "210 MB" in f.message_en and "200 MB" in f.message_it


def test_zip_whose_directory_declares_huge_members(tmp_path, config, no_parsing):
    path = tmp_path / "SPORT.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = struct.pack("<I", 0xF0000000)  # uncompressed size: ~3.8 GB
    path.write_bytes(bytes(data))
    rejected_before_parsing(path, config, "file_zip_bomb", no_parsing)


ROOT_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
    'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Attività - Activities" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '</Relationships>',
    "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1">'
    '<border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf numFmtId="14" '
    'applyNumberFormat="1"/></cellXfs></styleSheet>',
}


def write_formatted_sheet(path: Path, cells: list[list], total_rows: int) -> None:
    """An .xlsx whose sheet holds `cells`, then empty but formatted rows down to `total_rows`."""
    def xml_row(r: int, values: list) -> str:
        return f'<row r="{r}">' + "".join(
            f'<c r="{column_letter(i)}{r}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>'
            for i, v in enumerate(values) if v is not None) + "</row>"

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in ROOT_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                        b'spreadsheetml/2006/main"><dimension ref="A1:W%d"/><sheetData>' % total_rows)
            sheet.write("".join(xml_row(r, v) for r, v in enumerate(cells, 1)).encode())
            for first in range(len(cells) + 1, total_rows + 1, 50_000):
                sheet.write("".join(f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="W{r}" s="1"/>'
                                    f"</row>" for r in range(first, min(first + 50_000, total_rows + 1))).encode())
            sheet.write(b"</sheetData></worksheet>")


def test_a_million_empty_formatted_rows_are_read_by_the_real_extent(tmp_path, load):
    path = tmp_path / "SPORT.xlsx"
    write_formatted_sheet(path, table([row(), row(ref="A-2", title_it="Due", title_en="Two")]), 1_000_000)
    tracemalloc.start()
    try:
        data = load(tmp_path)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert [a.outcome for a in data.activities] == ["accepted", "accepted"]
    assert data.ledger.total.read == 2 and not [f for f in data.findings if f.severity == "error"]
    # The rows reach Python by the real extent: a million rows of 23 empty cells would take hundreds of MB.
    assert len(read_workbook_sheets(path)[SHEET_ACTIVITIES.name]) == 3
    assert peak < 40 * MB, f"{peak / MB:.1f} MB"  # the file's bytes, read once, and its few rows


# ---- broken files: each rejected whole with one reason, the others still read --------------------

def make_broken(folder: Path) -> dict[str, str]:
    """Broken files next to good ones; returns file name -> the one expected finding code."""
    good = write_activities(folder / "good_source.xlsx", [row()])
    whole = good.read_bytes()
    (folder / "SPORT.xlsx").write_bytes(whole[: len(whole) // 2])                   # truncated mid-way
    (folder / "CULTURA.xlsx").write_text("Questo non è un foglio di calcolo", encoding="utf-8")
    (folder / "TEMPI.ods").write_bytes(b"%PDF-1.7\n" + bytes(200))                    # a PDF renamed
    (folder / "LAVORO.xlsx").write_bytes(OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le"))
    (folder / "POLIZIA.xlsx").write_bytes(OLE_MAGIC + bytes(1000))                     # an old .xls renamed
    (folder / "EDILIZIA.csv").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)      # binary, not text
    write_activities(folder / "GIOVENTU.xlsx", [], keys=["Nome", "Cognome", "Telefono"])  # no header
    (folder / "SOCIALI.xlsx").write_bytes(b"")                                         # empty file
    good.unlink()
    write_activities(folder / "AMBIENTE.xlsx", [row()])
    write_activities(folder / "SPORT_bis.csv", [row(title_it="Altro", title_en="Other")])
    return {"SPORT.xlsx": "file_unreadable", "CULTURA.xlsx": "file_unreadable", "TEMPI.ods": "file_unreadable",
            "LAVORO.xlsx": "file_encrypted", "POLIZIA.xlsx": "file_unreadable", "EDILIZIA.csv": "file_unreadable",
            "GIOVENTU.xlsx": "file_no_header", "SOCIALI.xlsx": "file_unreadable"}


def test_broken_files_are_rejected_whole_and_the_others_read(tmp_path, load):
    expected = make_broken(tmp_path)
    data = load(tmp_path)
    by_file: dict[str, list] = {}
    for f in data.findings:
        by_file.setdefault(f.source_file, []).append(f)
    for name, code in expected.items():
        found = by_file[name]
        assert [(f.code, f.severity, f.source_row) for f in found] == [(code, "error", None)], name
        assert found[0].message_it and found[0].message_en and "Traceback" not in found[0].message_en
        assert "\n" not in found[0].message_en and len(found[0].message_en) < 400  # one short line
    lines = {line.source_file: line for line in data.ledger.lines}
    assert all(lines[name].file_rejected and lines[name].read == 0 for name in expected)
    assert lines["AMBIENTE.xlsx"].accepted == 1 and lines["SPORT_bis.csv"].accepted == 1
    assert data.ledger.files_rejected == len(expected) and data.ledger.balanced
    assert by_file["LAVORO.xlsx"][0].department == "LAVORO"  # the file name still tells whose it is
    assert "Excel 97-2003" in by_file["POLIZIA.xlsx"][0].message_en and ".xls)" in by_file["POLIZIA.xlsx"][0].message_it


# ---- atomic outputs ------------------------------------------------------------------------------

def test_a_failure_mid_write_leaves_the_previous_file_untouched(tmp_path):
    path = tmp_path / "validation_2025.csv"
    outputs.write_csv(path, ("a", "b"), [{"a": 1, "b": 2}])
    before = path.read_bytes()

    def rows():
        yield {"a": "new", "b": "row"}
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        outputs.write_csv(path, ("a", "b"), rows())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_failed_rename_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "activities_2025.csv"
    path.write_text("old\n", encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError("locked by Excel")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(PermissionError):
        outputs.write_csv(path, ("a",), [{"a": "new"}])
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_run_failing_while_writing_keeps_the_previous_outputs(tmp_path, monkeypatch, capsys):
    from report.cli.parser import main

    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_activities(inputs / "SPORT.xlsx", [row()])
    argv = ["validate", "--year", "2025", "--inputs", str(inputs), "--outputs", str(out)]
    assert main(argv) == 0

    def files():
        return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    before = files()
    shutil.copy(inputs / "SPORT.xlsx", inputs / "CULTURA.xlsx")
    real = outputs.plain

    def failing(value):
        if value == "CULTURA.xlsx":
            raise OSError("disk full")
        return real(value)

    monkeypatch.setattr(outputs, "plain", failing)
    assert main(argv) == 3
    assert files() == before
    assert "disk full" in capsys.readouterr().err
