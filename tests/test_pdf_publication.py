"""The published editions as a reader, a printer and an archive see them: the independent validator `page`
(PDF/A-3b, PDF/UA-1), every word inside the page's text frame, a clean cover, missing amounts shown as missing.
All on the three editions of the sample year and of a generated year (the session's `publication` builds)."""
from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest

page = pytest.importorskip("page", reason="page-validation (the `page` PDF validator) missing")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")

CASES = [(year, edition) for year in ("sample", "generated") for edition in ("both", "it", "en")]
MM = 72 / 25.4
# templates/report.css, @page: 22 mm top, 18 mm left and right, 20 mm bottom; running heads and page numbers sit in
# the top and bottom margins, inside the left and right margins like the text.
SIDE = 18 * MM
EDGE = 6 * MM  # nothing closer than this to the top or bottom edge (the margin boxes are centred in 22 / 20 mm)
TOLERANCE = 0.5


def _failures(path, profile):
    report = page.validate_pdf(path, profile=profile)
    return sorted({f"{f.rule_id}: {f.message}" for f in report.failures})


@pytest.mark.parametrize("year,edition", CASES)
@pytest.mark.parametrize("profile", ["3b", "ua1"])
def test_page_validator_finds_no_failed_rule(publication, year, edition, profile):
    assert _failures(publication[year][edition], profile) == []


def _words(path):
    """(page number, page width, page height, xMin, yMin, xMax, yMax, word) of every word of the PDF."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    number, words = 0, []
    for line in out.splitlines():
        if m := re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line):
            number, width, height = number + 1, float(m[1]), float(m[2])
        elif m := re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line):
            words.append((number, width, height, *map(float, m.groups()[:4]), unescape(m[5])))
    return words


@pytest.mark.parametrize("year,edition", CASES)
def test_every_word_lies_inside_the_text_frame(publication, year, edition):
    outside = [(n, word, round(x0), round(x1)) for n, w, h, x0, y0, x1, y1, word in _words(publication[year][edition])
               if x0 < SIDE - TOLERANCE or x1 > w - SIDE + TOLERANCE or y0 < EDGE or y1 > h - EDGE]
    assert outside == []


@pytest.mark.parametrize("year,edition", CASES)
def test_the_cover_has_no_running_head_or_page_number(publication, year, edition):
    words = [w for w in _words(publication[year][edition]) if w[0] == 1]
    assert words, "the cover has text"
    height = words[0][2]
    in_margins = [w[-1] for w in words if w[4] < 22 * MM or w[6] > height - 20 * MM]
    assert in_margins == []
    text = " ".join(w[-1] for w in words)
    assert not re.search(r"\b(pagina|page) 1\b", text)
