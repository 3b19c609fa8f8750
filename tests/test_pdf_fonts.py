"""Rendering reads only the project's fonts: what departments type beyond Titillium Web (symbols, arrows,
mathematical letters, emoji) comes from the shipped fallback (Symbola), never from a system font such as DejaVu;
characters no shipped font has are reported."""
from __future__ import annotations

import logging
import shutil
import subprocess
from datetime import datetime

import pytest

from report.publication.fonts import missing_characters
from report.publication.pdf import render_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) missing")
TYPED = "Città ✓ → ★ ☎ ⚠ ½ ‰ 5\u202f000 € 𝐀𝐁 😀 🎉 👍🏽 ❤️"
UNSHOWABLE = "北京"


def test_only_the_project_fonts_are_embedded_and_missing_characters_are_reported(tmp_path, caplog, weasyprint_logs):
    html = (f'<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>t</title></head><body>'
            f'<p>{TYPED}</p><p><b>{TYPED}</b> <i>{TYPED}</i></p><p>{UNSHOWABLE}</p></body></html>')
    with caplog.at_level(logging.WARNING, logger="report.publication.pdf"):
        body = render_pdf(html, charts_dir=tmp_path, moment=datetime(2026, 1, 15))
    path = tmp_path / "fonts.pdf"
    path.write_bytes(body)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    names = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]}
    assert names and all(n.startswith(("Titillium", "Symbola")) for n in names), names
    assert any(n.startswith("Symbola") for n in names)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "✓ → ★" in text and "😀" in text
    assert [r for r in caplog.records if "京 北" in r.getMessage() and "U+5317" in r.getMessage()]


def test_missing_characters_leave_out_what_the_fonts_draw():
    assert missing_characters(TYPED) == []
    assert missing_characters(f"a{UNSHOWABLE}b北") == ["北", "京"]
