"""The report's HTML: i18n catalogue and formats, context, escaping, accessibility of the markup."""
from __future__ import annotations

import difflib
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import HOSTILE, YEAR, fixture_year
from report import i18n
from report.publication.charts import Chart
from report.config import load_config
from report.findings import CATALOGUE, ERROR
from report.intake.year import load_year
from report.publication.html import PDF, WEB, context, css_string, render, stable_moment

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50"/></svg>'


@pytest.fixture(scope="module")
def year_data(tmp_path_factory):
    root = tmp_path_factory.mktemp("inputs")
    return load_year(fixture_year(root), YEAR, load_config())


@pytest.fixture(scope="module")
def charts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("charts")
    (folder / "by_area_both.svg").write_text(SVG, encoding="utf-8")
    return [Chart("by_area", folder / "by_area_both.svg", "Attività per area", "Activities by area",
                  "Barre: Europa 2", "Bars: Europe 2", lead=True)]


@pytest.fixture(scope="module")
def pages(year_data, charts):
    return {edition: render(context(year_data, edition, charts if edition == "both" else []))
            for edition in i18n.EDITIONS} | {"web": render(context(year_data, "both", charts, medium=WEB))}


# ---- catalogue and formats ------------------------------------------------------------------------

def test_every_string_has_both_languages():
    for key, (it, en) in i18n.STRINGS.items():
        assert it.strip() and en.strip(), key
        assert re.findall(r"{\w+}", it) == re.findall(r"{\w+}", en), key


def test_every_rejecting_code_has_a_short_reason_label():
    errors = {c.code for c in CATALOGUE.values() if c.severity == ERROR}
    assert all(CATALOGUE[code].short_it and CATALOGUE[code].short_en for code in errors)


@pytest.mark.parametrize("lang, money, number", [("it", "1.234,56\xa0€", "12.345"), ("en", "€1,234.56", "12,345")])
def test_babel_formats(lang, money, number):
    assert i18n.money(1234.56, lang) == money
    assert i18n.number(12345, lang) == number
    assert i18n.money(None, lang) == ""
    assert i18n.percent(0.125, lang, signed=True).startswith("+12")


def test_period_of_an_ongoing_activity():
    from datetime import date

    assert i18n.period(date(2025, 3, 1), None, "it") == "dal 1 mar 2025"
    assert i18n.period(date(2025, 3, 1), None, "en") == "from 1 Mar 2025"


def test_css_string_escapes_quotes_and_backslashes():
    assert css_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'


# ---- the pages against their golden files ----------------------------------------------------------------
# What each edition and the web page say and how (facts, joint activities, missing translations, the figures, the
# annexes) is checked whole against tests/golden/: `make golden` rewrites them after an intended change.

GOLDEN = Path(__file__).parent / "golden"


def _stable(page: str, charts_dir: Path) -> str:
    """The page without what changes from run to run (the charts' temporary folder); long data: URIs (the web
    page's fonts and charts) as their digest, so a golden file stays readable and still catches a change."""
    page = page.replace(charts_dir.as_uri(), "file:///CHARTS")
    return re.sub(r"data:[^\"')\s]{200,}",
                  lambda m: "data:…sha256=" + hashlib.sha256(m.group(0).encode()).hexdigest()[:16], page)


@pytest.mark.parametrize("name", ["both", "it", "en", "web"])
def test_page_matches_its_golden_file(pages, charts, name, request):
    page, golden = _stable(pages[name], charts[0].path.parent), GOLDEN / f"{name}.html"
    if request.config.getoption("update_golden"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(page, encoding="utf-8")
        return
    assert golden.exists(), f"{golden.name} missing: run `make golden`"
    expected = golden.read_text(encoding="utf-8")
    if page != expected:
        diff = difflib.unified_diff(expected.splitlines(), page.splitlines(), f"golden/{name}.html", "rendered",
                                    lineterm="", n=1)
        pytest.fail(f"{name} page differs from tests/golden/{name}.html (`make golden` if intended):\n"
                    + "\n".join(list(diff)[:80]), pytrace=False)


# ---- context and HTML -------------------------------------------------------------------------------

def test_spreadsheet_text_is_escaped_and_notes_never_printed(pages):
    for name, page in pages.items():
        assert HOSTILE not in page
        assert ("Gemellaggio &lt;img src=&#34;file:///etc/passwd&#34;&gt;" in page) == (name != "en")
        assert "NOTA-INTERNA-SEGRETA" not in page


def test_every_accepted_activity_is_in_its_edition(pages, year_data):
    frame = year_data.frame()
    for title in frame["title_it"]:
        assert str(title).split(" <")[0] in pages["it"]
        assert str(title).split(" <")[0] in pages["both"]
    for title in frame["title_en"].dropna():
        assert title in pages["en"] and title in pages["both"]




def test_english_markers_only_in_the_bilingual_edition(pages):
    """pdf.py tags <span> and <article> as English: the Italian edition uses them only for English text."""
    assert all('lang="en"' in m.group(2) for m in re.finditer(r"<(span|article)\b([^>]*)>", pages["it"]))
    for match in re.finditer(r"<(span|article)\b([^>]*)>", pages["both"]):
        assert 'lang="en"' in match.group(2)


class _Outline(HTMLParser):
    """Collects headings, images and table cells of a page."""

    def __init__(self):
        super().__init__()
        self.headings, self.images, self.cells, self.urls = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "img":
            self.images.append(attrs)
        if tag == "th":
            self.cells.append(attrs)
        for key in ("src", "href"):
            if key in attrs and tag != "a":
                self.urls.append(attrs[key])


def test_markup_is_accessible(pages):
    for name, page in pages.items():
        outline = _Outline()
        outline.feed(page)
        assert outline.headings[0] == 1
        assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:])), name
        assert all(img.get("alt") is not None for img in outline.images), name
        assert all(th.get("scope") in ("row", "col") for th in outline.cells), name
        # every data table is named: by its caption, or by the heading just above it (no caption repeating it)
        assert page.count("<table class=\"data") == page.count("<caption>") + len(
            re.findall(r'<table class="data[^"]*" aria-labelledby="', page)), name
        assert re.search(r'<html lang="(it|en)"', page)


def test_web_page_is_self_contained(pages):
    outline = _Outline()
    outline.feed(pages["web"])
    assert outline.urls and all(u.startswith("data:") for u in outline.urls)
    assert "<style>" in pages["web"] and "@font-face" in pages["web"]
    assert 'url("fonts/' not in pages["web"]



def test_previous_year_gives_changes(year_data):
    ctx = context(year_data, "it", [], previous=year_data.frame().iloc[:1])
    activities = next(f for f in ctx["figures"] if f["key"] == "activities")
    assert activities["previous"]["it"] == "1" and activities["change"]["it"].startswith("+2")
    assert all(f["change"] is None for f in context(year_data, "it", [])["figures"])


def test_foreword_markdown_escapes_raw_html(tmp_path, year_data):
    from dataclasses import replace

    (tmp_path / "f.md").write_text("# Titolo\n\n<script>alert(1)</script> *ciao*\n", encoding="utf-8")
    config = replace(year_data.config, base_dir=tmp_path,
                     raw={"city": {"foreword_it": "f.md", "foreword_en": "f.md"}})
    page = render(context(replace(year_data, config=config), "it", [], medium=PDF))
    assert "&lt;script&gt;" in page and "<script>" not in page and "<em>ciao</em>" in page


def test_stable_moment_does_not_depend_on_file_times(year_data):
    import os

    first = stable_moment(year_data)
    for sub in year_data.submissions:
        os.utime(sub.path, (0, 0))
    assert stable_moment(year_data) == first


# ---- the compact activity block -----------------------------------------------------------------------

def test_whole_amounts_lose_their_cents_only_when_asked():
    assert i18n.money(28000, "it", whole=True) == "28.000\xa0€"
    assert i18n.money(28000, "en", whole=True) == "€28,000"
    assert i18n.money(28000.5, "it", whole=True) == "28.000,50\xa0€"
    assert i18n.money(28000, "it") == "28.000,00\xa0€"


def _block(page: str, anchor: str | None) -> str:
    """The markup of one activity, from its anchor (None: the first activity's title, for a very large edition's
    PDF, which has no anchors) to the next activity or the end of its department."""
    start = page.index(f'id="{anchor}"' if anchor else 'class="activity-title"')
    title_end = page.index("</h3>", start)
    ends = [i for i in (page.find("</section>", start), page.find("<h3 ", title_end)) if i != -1]
    return page[start:min(ends)]




def test_short_activities_stay_whole_long_ones_may_flow(year_data):
    ctx = context(year_data, "both", [])
    acts = {a["title"]["en"]: a for d in ctx["departments"] for a in d["activities"]}
    assert acts["Twinning with Lyon"]["short"] is False      # 2,500-character descriptions
    assert acts["Urban forests"]["short"] is True


def test_area_not_repeated_after_a_country_of_the_same_name(year_data):
    from report.publication.html import _places

    assert _places({"countries": ("IT",), "area": "italy"}) == {"it": "Italia", "en": "Italy"}
    assert _places({"countries": (), "area": "europe"}) == {"it": "Europa", "en": "Europe"}



def test_partners_annex_names_departments_briefly(pages):
    annex = pages["it"][pages["it"].index('id="annex-partners"'):]
    row = re.search(r"<th scope=\"row\">Lione</th>.*?</tr>", annex, re.S).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert cells[1] == "Ambiente e Verde; Relazioni Internazionali"   # short names, no "Settore ...", sorted
    assert "Settore " not in row


def test_activity_blocks_stay_lean(pages):
    """WeasyPrint's time and memory grow with the number of elements: an activity keeps to a handful."""
    for edition, most in (("both", 24), ("it", 12), ("en", 12)):
        block = _block(pages[edition], "a1")
        assert len(re.findall(r"<[a-z][a-z0-9]*\b", block)) <= most, edition


def test_very_large_editions_trade_badges_and_bold_labels_for_fewer_elements(year_data, monkeypatch):
    import report.publication.html

    monkeypatch.setattr(report.publication.html, "LARGE_EDITION", 1)
    for edition, most in (("both", 10), ("it", 4)):
        page = render(context(year_data, edition, []))
        assert re.search(r'<html lang="it" class="pdf edition-\w+ large">', page)
        block = _block(page, None)
        assert len(re.findall(r"<[a-z][a-z0-9]*\b", block)) <= most, edition
        assert "Paesi: Francia, Spagna (Europa)" in block and "SDG 11 · 13" in block
        assert 'class="sdg"' not in block and 'class="k"' not in block and "<a " not in block
        assert "Partner: Lione; Barcellona" in block and "https://www.comune.torino.it/x" in block
    assert "Partners: Lione; Barcellona" in _block(page_both := render(context(year_data, "both", [])), None)
    assert '<section class="activity' not in page_both
    monkeypatch.setattr(report.publication.html, "LARGE_EDITION", 1000)
    assert " large" not in render(context(year_data, "it", []))[:200]


def test_very_large_editions_pdf_has_no_lang_or_id_in_activities(year_data, monkeypatch):
    """In a very large edition's PDF, the activities' elements have no lang or id attribute (each would give them
    their own computed styles in WeasyPrint); English passages keep their element (<span>, <article>), by which
    they are tagged English. The web page keeps both attributes, and so does the foreword."""
    import report.publication.html

    monkeypatch.setattr(report.publication.html, "LARGE_EDITION", 1)
    page = render(context(year_data, "both", []))
    block = _block(page, None)
    assert " lang=" not in block and " id=" not in block
    assert '<span class="en">' in block and '<article class="col col-en">' in block
    departments = page[page.index('<section class="departments"'):page.index('<section class="annexes"')]
    assert 'lang="en"' not in departments
    assert re.search(r'<div class="pair prose">\s*<div class="col col-it" lang="it">', page)
    web = render(context(year_data, "both", [], medium="web"))
    assert 'lang="en"' in _block(web, "a1") and 'id="a1"' in web


def test_funding_source_alone_is_not_called_a_budget():
    from report.publication.html import activity

    row = {"title_it": "T", "funding_source": "municipal", "budget_eur": None, "city_funding_eur": float("nan")}
    facts = {f["key"]: f["value"]["it"] for f in activity(row, 1, None)["facts"]}
    assert facts == {"funding_source": "Comune"}
    row = {"title_it": "T", "budget_eur": 1000.0}
    assert {f["key"]: f["value"]["en"] for f in activity(row, 1, None)["facts"]} == {"budget_short": "€1,000"}


def test_css_string_cannot_leave_its_style_element():
    from report.publication.html import css_string

    assert css_string('Città "di" <Torino>\n</style>') == '"Città \\"di\\" \\3c Torino>\\a \\3c /style>"'


def test_the_chapters_read_the_frame_s_rows_as_pandas_gives_them(year_data):
    """The chapters read the frame column by column (html._records), the values and their Python types as
    `to_dict("records")`'s, missing ones included."""
    import math

    from report.publication.html import _records

    frame = year_data.frame()
    expected, rows = frame.to_dict("records"), _records(frame)
    assert len(rows) == len(expected) > 0 and [list(r) for r in rows] == [list(r) for r in expected]
    for row, want in zip(rows, expected):
        for key, value in want.items():
            assert type(row[key]) is type(value), key
            assert row[key] == value or (isinstance(value, float) and math.isnan(value) and math.isnan(row[key]))
    assert _records(frame.iloc[:0]) == []
