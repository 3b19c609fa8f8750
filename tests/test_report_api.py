"""report.api: one file checked (status, counts, findings errors first, feedback), the template, and the chapter
preview, which is the report's own department section."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import YEAR, row, write_activities
from report import api
from report.publication import html as render
from report.intake.year import load_year

SAMPLES = Path(__file__).resolve().parents[1] / "inputs" / "2025"


@pytest.mark.parametrize("rows, status", [
    ([row()], api.CLEAN),
    ([row(), row(ref="A-2", title_en=None)], api.WARNINGS),
    ([row(), row(ref="A-2", type=None)], api.ERRORS),
])
def test_check_file_status_counts_and_findings(tmp_path, rows, status):
    path = write_activities(tmp_path / "upload.xlsx", rows, department="CULTURA")
    result = api.check_file(path, api.Settings(YEAR), name="Il mio file.xlsx", feedback_dir=tmp_path / "out")
    assert result.status == status and result.department == "CULTURA"
    assert result.counts["read"] == len(rows) == sum(result.counts[k] for k in ("accepted", "rejected", "outside"))
    order = [f.severity for f in result.findings]
    assert order == sorted(order, key=["error", "warning", "info"].index)
    assert all(f.source_file == "Il mio file.xlsx" for f in result.findings)
    assert (result.feedback is not None) == bool(result.findings)


def test_an_unreadable_file_is_rejected(tmp_path):
    path = tmp_path / "CULTURA.xlsx"
    path.write_bytes(b"not a workbook")
    result = api.check_file(path, api.Settings(YEAR))
    assert result.status == api.REJECTED and result.findings[0].severity == "error"


def test_the_department_template(tmp_path):
    path = api.write_department_template(api.Settings(2026), "cultura", tmp_path)
    assert path.name.startswith("CULTURA") and path.read_bytes()[:2] == b"PK"


def test_the_chapter_preview_is_the_report_s_own_department_section(tmp_path):
    shutil.copy(SAMPLES / "CULTURA_2025.xlsx", tmp_path / "CULTURA_2025.xlsx")
    result = api.check_file(tmp_path / "CULTURA_2025.xlsx", api.Settings(YEAR))
    chapter = api.chapter_html(result.data, "CULTURA", "/report.css")
    report = render.render(render.context(load_year(tmp_path, YEAR, result.data.config), "both", [],
                                          medium=render.WEB))
    head = '<section class="department has-activities" aria-labelledby="d-cultura">'
    own = chapter[chapter.index(head):chapter.index("</section>\n</main>")]   # up to the part's end
    rest = report[report.index(head):]
    assert own.rstrip() == rest[:rest.index('<section class="department', 1)].rstrip()   # up to the next one
    assert '<link rel="stylesheet" href="/report.css">' in chapter and "<script" not in chapter
    api.write_chapter_html(result.data, "CULTURA", "/report.css", tmp_path / "chapter.html")   # the portal's
    assert (tmp_path / "chapter.html").read_text(encoding="utf-8") == chapter
    assert "@font-face" in api.report_css()


def test_a_chapter_preview_keeps_no_data_alive(tmp_path):
    """A long-running process (the portal) previews many files: each one's data, frame and chapters go when the
    preview is made; a build's editions still share the chapters of one data and frame."""
    import gc
    import weakref

    shutil.copy(SAMPLES / "CULTURA_2025.xlsx", tmp_path / "CULTURA_2025.xlsx")
    result = api.check_file(tmp_path / "CULTURA_2025.xlsx", api.Settings(YEAR))
    frame = result.data.frame()
    assert render.departments(result.data, frame) is render.departments(result.data, frame)
    assert 'aria-labelledby="d-cultura"' in api.chapter_html(result.data, "CULTURA", "/report.css")
    data = weakref.ref(result.data)
    del result, frame
    gc.collect()
    assert data() is None


def test_the_kept_chapter_data_render_the_chapter_of_the_check(tmp_path):
    """keep_chapter_data / kept_chapter_data: the chapter rendered from the kept data is the one rendered from
    the check; data of another year are not used."""
    shutil.copy(SAMPLES / "CULTURA_2025.xlsx", tmp_path / "CULTURA_2025.xlsx")
    settings = api.Settings(YEAR)
    result = api.check_file(tmp_path / "CULTURA_2025.xlsx", settings)
    api.keep_chapter_data(result.data, tmp_path / "kept" / "chapter.data")
    kept = api.kept_chapter_data(tmp_path / "kept" / "chapter.data", settings)
    assert kept is not None and len(kept.frame()) == result.counts["accepted"] == 12
    assert api.chapter_html(kept, "CULTURA", "/report.css") == api.chapter_html(result.data, "CULTURA", "/report.css")
    assert api.kept_chapter_data(tmp_path / "kept" / "chapter.data", api.Settings(YEAR + 1)) is None
    assert api.kept_chapter_data(tmp_path / "kept" / "none.data", settings) is None
