"""The hostile and damaged inputs of issue 10 (tests/data/regressions, copied from ../shared/regressions): whatever
one file does, it ends as findings on that file, the intact files beside it come out unchanged and the ledger adds
up. Plus the cases made on the fly (links, FIFOs, huge and oddly named files, a file gone before rendering)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from library_run import INTACT, YEAR, counts, ledger_adds_up, run
from report.publication import html as render
from report.intake.ingest import MAX_FILE_BYTES
from report.intake.ingest import read_submission
from report.schema import COLUMNS, DEPARTMENT_COLUMN, EXCEL_CELL_MAX, INFO_MAX, TEXT, TEXT_LIST
from report.workbooks.feedback import FEEDBACK_DIR

DATA = Path(__file__).parent / "data" / "regressions"
ROOT = Path(__file__).parent.parent
VALIDATE = sorted(p.name for p in DATA.iterdir() if p.name.startswith(("fuzz_", "csv_", "hostile_")))
BUILD = ["xlsx_vertical_tab_accepted_build", "csv_control_char_accepted_build", "size_cell5MB_programme",
         "xlsx_text_truncated_32767"]


def codes(data, name_part: str) -> list[str]:
    return [f.code for f in data.findings if name_part in f.source_file]


def check(data, outputs: Path) -> None:
    """The promise: intact files exactly so, ledger balanced, every file with findings has a feedback that opens,
    no feedback part carries a DOCTYPE."""
    found = counts(data)
    for name, expected in INTACT.items():
        if name in found:
            assert found[name] == expected, name
    assert ledger_adds_up(data)
    written = sorted((outputs / FEEDBACK_DIR).glob("*.xlsx"))
    assert len(written) == len({f.source_file for f in data.findings})
    for path in written:
        openpyxl.load_workbook(path).close()
        with zipfile.ZipFile(path) as archive:
            assert not any(b"<!DOCTYPE" in archive.read(m) for m in archive.namelist()), path


@pytest.mark.parametrize("case", VALIDATE + BUILD)
def test_regression_case(case, tmp_path, config):
    data = run(DATA / case / "2025", tmp_path, config, build=case in BUILD)
    check(data, tmp_path)
    for act in data.activities:  # control characters never reach a writer
        assert not any(isinstance(v, str) and ("\x0b" in v or "\x01" in v) for v in act.values.values())


@pytest.mark.parametrize("case", ["csv_vertical_tab_in_cell", "csv_control_char_in_cell", "csv_ods_control_char",
                                  "xlsx_vertical_tab_accepted_build", "csv_control_char_accepted_build"])
def test_control_characters_removed_with_a_warning(case, tmp_path, config):
    data = run(DATA / case / "2025", tmp_path, config)
    warned = [f for f in data.findings if f.code == "control_characters_removed"]
    assert warned and all(f.cell and f.severity == "warning" for f in warned)


def test_cell_beyond_the_last_column(tmp_path, config):
    data = run(DATA / "csv_cell_beyond_column_18278" / "2025", tmp_path, config)
    assert [f.source_row for f in data.findings if f.code == "cells_beyond_last_column"] == [4]


def test_one_invalid_utf8_byte_is_reported_where_it_is(tmp_path, config):
    data = run(DATA / "csv_utf8_one_invalid_byte" / "2025", tmp_path, config)
    bad = [f for f in data.findings if f.code == "text_bytes_invalid"]
    assert [(f.source_row, f.cell) for f in bad] == [(2, "W2")]
    titles = [a.values["title_it"] for a in data.activities]
    assert all("Città" in t and "Ã" not in t for t in titles), titles  # never Windows-1252 mojibake
    assert [a.outcome for a in data.activities] == ["rejected", "accepted", "accepted"]


def test_unclosed_quote_names_the_rows_it_absorbed(tmp_path, config):
    data = run(DATA / "csv_unclosed_quote_rows_swallowed" / "2025", tmp_path, config)
    (finding,) = [f for f in data.findings if f.code == "quote_unclosed"]
    assert finding.source_row == 2 and "3–6" in finding.message_en and "3–6" in finding.message_it
    assert counts(data)["CULTURA_unclosed_quote_in_notes.csv"] == (1, 0, 1, 0)


def test_huge_cells_are_limited_never_cut(tmp_path, config):
    for case in ("size_cell5MB_programme", "xlsx_text_truncated_32767"):
        data = run(DATA / case / "2025", tmp_path / case, config, build=True)
        assert "text_too_long" in codes(data, "CULTURA")
        assert all(len(v) <= 5000 for a in data.accepted for v in a.values.values() if isinstance(v, str))


def test_every_text_column_has_a_limit_below_excels():
    limited = [c for c in (*COLUMNS, DEPARTMENT_COLUMN) if c.kind in (TEXT, TEXT_LIST)]
    assert all(c.max_length and c.max_length < EXCEL_CELL_MAX for c in limited)
    assert INFO_MAX < EXCEL_CELL_MAX


def test_long_info_value_is_left_out_with_a_warning(tmp_path, config):
    from conftest import info_rows, row, table, write

    info = info_rows("SPORT")
    info.append(["Referente", "x" * (INFO_MAX + 1)])
    info.append(["Settore", "SPORT"])
    write(tmp_path / "SPORT.xlsx", table([row()]), info=[*info_rows("SPORT")[:1], ["Referente", "x" * 5000],
                                                          *info_rows("SPORT")[1:]])
    sub = read_submission(tmp_path / "SPORT.xlsx", config, YEAR)
    assert not any(isinstance(v, str) and len(v) > INFO_MAX for v in sub.info.values())


def test_file_deleted_before_render_keeps_the_hash_read(tmp_path, config):
    inputs = tmp_path / "2025"
    shutil.copytree(ROOT / "inputs" / "2025", inputs)
    gone = inputs / "URBAN_CENTER_2025.xlsx"
    digest = hashlib.sha256(gone.read_bytes()).hexdigest()
    data = run(inputs, tmp_path / "out", config)
    gone.unlink()
    source = {s.name: s for s in render.sources(data)}["URBAN_CENTER_2025.xlsx"]
    assert source.sha256 == digest


# ---- the file walk ---------------------------------------------------------------------------------

def intact_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "2025"
    folder.mkdir()
    for name in INTACT:
        shutil.copy(DATA / "fuzz_m0060" / "2025" / name, folder / name)
    return folder


def test_huge_file_rejected_by_its_size_without_reading_it(tmp_path, config):
    folder = intact_folder(tmp_path)
    run(folder, tmp_path / "warm", config)  # imports and caches out of the figure
    with (folder / "CULTURA_huge.xlsx").open("wb") as handle:
        handle.truncate(3 * 1024 ** 3)  # sparse: 3 GiB on paper
    tracemalloc.start()
    try:
        data = run(folder, tmp_path / "out", config)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * MAX_FILE_BYTES, f"{peak / 2**20:.0f} MB"  # reading it whole would take 3,072 MB
    assert codes(data, "CULTURA_huge") == ["file_too_large"]
    check(data, tmp_path / "out")


def test_links_fifos_and_loops_get_a_ledger_line(tmp_path, config):
    folder = intact_folder(tmp_path)
    outside = tmp_path / "secret.csv"
    outside.write_text("ref;title_it\n1;x\n", encoding="utf-8")
    (folder / "CULTURA_out.csv").symlink_to(outside)
    (folder / "CULTURA_passwd.csv").symlink_to("/etc/passwd")
    (folder / "SPORT_dangling.csv").symlink_to(folder / "nowhere.csv")
    (folder / "SPORT_loop.csv").symlink_to(folder / "SPORT_loop.csv")
    (folder / "LAVORO_inside.csv").symlink_to(folder / "TEMPI_intact.csv")
    os.mkfifo(folder / "GIOVENTU_fifo.csv")
    data = run(folder, tmp_path / "out", config)
    assert codes(data, "CULTURA_out") == ["file_link_outside"]
    assert codes(data, "CULTURA_passwd") == ["file_link_outside"]
    assert codes(data, "SPORT_dangling") == ["file_not_regular"]
    assert codes(data, "SPORT_loop") == ["file_not_regular"]
    assert codes(data, "GIOVENTU_fifo") == ["file_not_regular"]
    assert counts(data)["LAVORO_inside.csv"] == INTACT["TEMPI_intact.csv"]  # a link inside the folder is read
    sources = {s.name: s for s in render.sources(data)}
    assert sources["CULTURA_passwd.csv"].sha256 == "" and sources["CULTURA_passwd.csv"].size == 0
    check(data, tmp_path / "out")


def test_odd_file_names(tmp_path, config):
    folder = intact_folder(tmp_path)
    body = (folder / "TEMPI_intact.csv").read_bytes()
    with open(os.fsencode(folder) + b"/CULTURA_\xff\xfe_bad.csv", "wb") as handle:
        handle.write(body)
    (folder / ("x" * 246 + ".csv")).write_bytes(body)
    data = run(folder, tmp_path / "out", config)
    for sub in data.submissions:
        sub.name.encode("utf-8")  # printable: no lone surrogates
    assert len(data.submissions) == 4
    check(data, tmp_path / "out")


def test_unreadable_file_rejected_once(tmp_path, config):
    """A file without read permission: rejected with the system's reason, never read again (the feedback key and
    the sources annex use what was read). Root reads it anyway, so as root the CLI runs without the capabilities
    that allow it (setpriv), as the kernel's permission checks apply them to everyone else."""
    folder = intact_folder(tmp_path)
    locked = folder / "CULTURA_locked.csv"
    shutil.copy(folder / "TEMPI_intact.csv", locked)
    locked.chmod(0)
    if os.geteuid() != 0:
        data = run(folder, tmp_path / "out", config, build=True)
        assert codes(data, "CULTURA_locked") == ["file_unreadable"]
        check(data, tmp_path / "out")
        return
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: the file would be readable")
    done = subprocess.run([setpriv, "--bounding-set", "-dac_override,-dac_read_search", sys.executable,
                           str(ROOT / "generate.py"), "validate", "--year", str(YEAR), "--inputs", str(folder),
                           "--outputs", str(tmp_path / "out"), "--no-color"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "CULTURA_locked.csv    CULTURA                0                   0                  0" in done.stdout
    assert "[file_unreadable]" in done.stdout and "Permission denied" in done.stdout
