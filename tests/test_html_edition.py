"""The web page holds what a browser uses: no paged-media CSS (WeasyPrint's), no <article> without a heading;
the PDF's HTML keeps both (checked by validators in tests/test_html_validators.py when Java and Chromium are here)."""
from __future__ import annotations

from report.publication.html import inline_css, web_css


def test_web_css_drops_paged_media_and_keeps_the_rest():
    css = """h1 { color: red; string-set: chapter attr(x); bookmark-level: 1 }
    @page { size: A4 } @media print { h2 { bookmark-label: "x" } }
    @media screen { body { margin: 0 } h3 { bookmark-level: none } }
    .only-print { bookmark-level: none } p { hyphens: auto !important }"""
    out = web_css(css)
    for gone in ("string-set", "bookmark-", "@page", "print", ".only-print"):
        assert gone not in out, (gone, out)
    for kept in ("h1 { color: red; }", "@media screen", "body { margin: 0; }", "hyphens: auto !important"):
        assert kept in out, (kept, out)


def test_the_web_pages_stylesheets_hold_no_paged_media():
    css = inline_css()
    assert "@font-face" in css and "Titillium Web" in css
    for gone in ("string-set", "bookmark-", "@page", "@media print", "leader("):
        assert gone not in css, gone
