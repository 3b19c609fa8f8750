"""Charts: every SVG written, valid, labelled in the edition's language, reproducible byte for byte, with real alt text."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from activity_frames import activity, frame, sample_year
from report.publication import charts
from report.config import load_config
from report.i18n import EDITIONS

NAMES = ["by_area", "by_department", "by_type", "by_theme", "budget_by_area", "budget_by_funding", "sdgs",
         "world_map", "by_year"]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def departments():
    return charts.department_names(load_config())


@pytest.fixture(scope="module")
def drawn(tmp_path_factory, departments):
    """Every chart of the three editions of the sample year, with two years of history."""
    year = sample_year()
    history = {2024: year.iloc[:2], 2025: year}
    out = tmp_path_factory.mktemp("charts")
    return {lang: charts.make_charts(year, lang, out, history, departments) for lang in EDITIONS}


def texts(path: Path) -> str:
    """All the text of an SVG (text stays text: svg.fonttype none), one string per <text>, joined by '|'."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return "|".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))


def by_name(drawn, lang):
    return {chart.name: chart for chart in drawn[lang]}


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_chart_is_written_as_valid_svg(drawn, lang):
    made = drawn[lang]
    assert [c.name for c in made] == NAMES
    for chart in made:
        assert chart.path.name == f"{chart.name}_{lang}.svg"
        assert chart.path.stat().st_mode & 0o777 == 0o644
        assert texts(chart.path)
        assert chart.title_it and chart.title_en and chart.title_it != chart.title_en
        assert chart.alt_it and chart.alt_en and chart.alt_it != chart.alt_en


def test_svg_keeps_text_as_text_in_the_report_font_without_a_date(drawn):
    for chart in drawn["it"]:
        svg = chart.path.read_text(encoding="utf-8")
        assert "'Titillium Web'" in svg
        assert "<dc:date>" not in svg
        assert chart.path.stat().st_size < 40_000 or chart.name == "world_map"
    assert drawn["it"][NAMES.index("world_map")].path.stat().st_size < 250_000


@pytest.mark.parametrize("lang, present, absent", [
    ("it", ["Più aree", "Italia", "Asia e Oceania", "Attività"], ["Several areas", "Italy", "Activities"]),
    ("en", ["Several areas", "Italy", "Asia and Oceania", "Activities"], ["Più aree", "Italia", "Attività"]),
    ("both", ["Più aree / Several areas", "Italia / Italy", "Attività / Activities"], []),
])
def test_area_labels_in_the_edition_language(drawn, lang, present, absent):
    text = texts(by_name(drawn, lang)["by_area"].path)
    labels = text.split("|")
    for label in present:
        assert label in labels, (label, labels)
    for label in absent:
        assert label not in labels


def test_department_names_are_shortened_from_the_configuration(drawn):
    assert "Relazioni Internazionali" in texts(by_name(drawn, "it")["by_department"].path).split("|")
    assert "International Relations" in texts(by_name(drawn, "en")["by_department"].path).split("|")
    assert "Servizi Culturali / Cultural Services" in texts(by_name(drawn, "both")["by_department"].path).split("|")


def test_department_codes_without_names(tmp_path):
    made = charts.make_charts(sample_year(), "en", tmp_path)
    labels = texts(next(c for c in made if c.name == "by_department").path).split("|")
    assert {"REL_INT", "AMBIENTE", "CULTURA"} <= set(labels)


def test_vocabulary_sdg_and_map_labels(drawn):
    assert "Progetto europeo" in texts(by_name(drawn, "it")["by_type"].path)
    assert "EU-funded project" in texts(by_name(drawn, "en")["by_type"].path)
    assert "11 · Città e comunità sostenibili" in texts(by_name(drawn, "it")["sdgs"].path)
    assert "11 · Sustainable cities and communities" in texts(by_name(drawn, "en")["sdgs"].path)
    both = texts(by_name(drawn, "both")["sdgs"].path)
    assert "11 · Città e comunità sostenibili|Sustainable cities and communities|" in both  # two lines, number once
    assert "nessuna" in texts(by_name(drawn, "it")["world_map"].path)
    assert "Activities per country" in texts(by_name(drawn, "en")["world_map"].path)
    assert "Europa / Europe" in texts(by_name(drawn, "both")["world_map"].path)


def test_numbers_on_bars_and_axes_are_babel_formatted(drawn):
    it = texts(by_name(drawn, "it")["budget_by_area"].path).split("|")
    en = texts(by_name(drawn, "en")["budget_by_area"].path).split("|")
    assert "1 Mln\xa0€" in it or "1\xa0Mln\xa0€" in it  # the joint project, once
    assert "70.000\xa0€" in it  # Italian has no compact form under a million
    assert "€1M" in en and "€70K" in en
    years = texts(by_name(drawn, "it")["by_year"].path).split("|")
    assert "2025" in years and "2.025" not in years


def test_alt_text_names_every_bar_with_its_number(drawn):
    chart = by_name(drawn, "it")["by_area"]
    assert chart.alt_it == ("Attività per area geografica, grafico a barre orizzontali (4 in tutto). "
                            "Italia: 2; Asia e Oceania: 1; Più aree: 1.")
    assert chart.alt_en.startswith("Activities by geographic area, horizontal bar chart (4 in total). Italy: 2;")
    budget = by_name(drawn, "en")["budget_by_area"]
    assert "(€1,070,000 in total)" in budget.alt_en and "Italy: €70,000" in budget.alt_en
    assert "(1.070.000\xa0€ in tutto)" in budget.alt_it
    department = by_name(drawn, "en")["by_department"]
    assert "Environment, Parks and Gardens: 2; International Relations: 2; Cultural Services: 1." in department.alt_en
    assert "joint activity counts for each" in department.alt_en and "in total" not in department.alt_en
    world = by_name(drawn, "it")["world_map"]
    assert world.alt_it.startswith("Mappa del mondo: 6 Paesi") and "Italia: 2" in world.alt_it
    years = by_name(drawn, "en")["by_year"]
    assert years.alt_en.endswith("2024: 2; 2025: 4.")


def test_alt_texts_do_not_depend_on_the_edition(drawn):
    for lang in ("en", "both"):
        for first, other in zip(drawn["it"], drawn[lang]):
            assert (first.alt_it, first.alt_en) == (other.alt_it, other.alt_en)


def test_same_input_same_bytes(drawn, tmp_path, departments):
    year = sample_year()
    again = charts.make_charts(year, "both", tmp_path, {2024: year.iloc[:2], 2025: year}, departments)
    for first, second in zip(drawn["both"], again):
        assert first.path.read_bytes() == second.path.read_bytes(), first.name


def test_by_year_needs_two_years(tmp_path):
    year = sample_year()
    assert "by_year" not in [c.name for c in charts.make_charts(year, "it", tmp_path)]
    assert "by_year" not in [c.name for c in charts.make_charts(year, "it", tmp_path, {2025: year})]


def test_charts_without_data_are_left_out(tmp_path):
    bare = frame(activity(1, countries=(), area="europe"), activity(2, countries=(), area="italy"))
    made = charts.make_charts(bare, "en", tmp_path)
    assert [c.name for c in made] == ["by_area", "by_department", "by_type"]
    assert not (tmp_path / "world_map_en.svg").exists()


def test_unknown_edition_language(tmp_path):
    with pytest.raises(ValueError, match="edition language"):
        charts.make_charts(sample_year(), "fr", tmp_path)


@pytest.mark.parametrize("value, lang, expected", [
    (950_000, "it", "950.000\xa0€"),
    (1_250_000, "it", "1,2\xa0Mln\xa0€"),
    (950_000, "en", "€950K"),
    (1_250_000, "en", "€1.2M"),
    (1_250_000, "both", "1,2\xa0Mln\xa0€"),
    (0, "en", "€0"),
])
def test_money_short(value, lang, expected):
    assert charts.money_short(value, lang) == expected


def test_money_text_is_whole_euros():
    assert charts.money_text(1_234_567.4, "it") == "1.234.567\xa0€"
    assert charts.money_text(1_234_567.4, "en") == "€1,234,567"


@pytest.mark.parametrize("counts, expected", [
    ([1], [(1, 1)]),
    ([1, 3], [(1, 1), (2, 2), (3, 3)]),
    ([1, 4, 36], [(1, 1), (2, 2), (3, 4), (5, 9), (10, 19), (20, 36)]),
    ([2, 700], [(1, 1), (2, 4), (5, 9), (10, 19), (20, 49), (50, 700)]),
])
def test_map_bins(counts, expected):
    bins = charts._bins(counts)
    assert bins == expected
    assert len(bins) <= charts.MAP_MAX_BINS


@pytest.mark.parametrize("name, lang, short", [
    ("Settore Relazioni Internazionali", "it", "Relazioni Internazionali"),
    ("Servizio Centrale Comunicazione, Olimpiadi, Promozione", "it", "Comunicazione, Olimpiadi, Promozione"),
    ("Corpo di Polizia Municipale", "it", "Polizia Municipale"),
    ("International Relations Department", "en", "International Relations"),
    ("Central Service for Communication, Olympics and Promotion", "en", "Communication, Olympics and Promotion"),
    ("Municipal Police", "en", "Municipal Police"),
    ("Settore", "it", "Settore"),
])
def test_short_department(name, lang, short):
    assert charts.short_department(name, lang) == short


def test_svg_files_carry_their_title_and_description(drawn):
    root = ET.parse(by_name(drawn, "both")["by_area"].path).getroot()
    assert root.find(f"{SVG}title").text == "Attività per area geografica / Activities by geographic area"
    descs = {d.get("{http://www.w3.org/XML/1998/namespace}lang"): d.text for d in root.findall(f"{SVG}desc")}
    chart = by_name(drawn, "both")["by_area"]
    assert descs == {"it": chart.alt_it, "en": chart.alt_en}
    root = ET.parse(by_name(drawn, "en")["world_map"].path).getroot()
    assert root.find(f"{SVG}title").text == "Countries of the activities"
    assert [d.text for d in root.findall(f"{SVG}desc")] == [by_name(drawn, "en")["world_map"].alt_en]


def test_weasyprint_draws_every_chart_in_the_report_font_without_a_warning(drawn):
    """Text stays text in the SVG: WeasyPrint must lay it out in Titillium Web, not a fallback font (and warn of
    nothing: the autouse guard in conftest.py)."""
    import io

    import pikepdf
    import weasyprint

    from report.publication.fonts import fonts_dir
    from report.publication.pdf import safe_fetcher

    css = (fonts_dir().parent / "fonts.css").as_uri()
    images = "".join(f'<img src="{c.path.as_uri()}" alt="{c.alt_en}">' for c in drawn["both"])
    html = f'<html lang="en"><head><link rel="stylesheet" href="{css}"></head><body>{images}</body></html>'
    fetcher = safe_fetcher(fonts_dir().parent, drawn["both"][0].path.parent)  # as the report's: no data: URI
    pdf = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        fonts = {str(obj.get("/BaseFont")) for obj in doc.objects
                 if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"}
    assert fonts and all("Titillium" in font for font in fonts), fonts


def test_editions_drawn_together_are_each_edition_drawn_alone(drawn, tmp_path, departments):
    """make_edition_charts makes each figure once and relabels it: nothing of one language may stay in the next."""
    year = sample_year()
    together = charts.make_edition_charts(year, EDITIONS, tmp_path, {2024: year.iloc[:2], 2025: year}, departments)
    assert list(together) == list(EDITIONS)
    for lang in EDITIONS:
        assert [c.name for c in together[lang]] == [c.name for c in drawn[lang]]
        for alone, made in zip(drawn[lang], together[lang]):
            assert (made.title_it, made.title_en, made.alt_it, made.alt_en) == \
                (alone.title_it, alone.title_en, alone.alt_it, alone.alt_en)
            assert made.path.read_bytes() == alone.path.read_bytes(), (lang, made.name)


def svgs(figures) -> list[str]:
    import io

    out = []
    for _, fig in figures:
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        out.append(buffer.getvalue())
    return out


@pytest.mark.parametrize("order", [1, -1])
def test_bar_charts_sharing_one_axes_are_the_charts_on_their_own(departments, order):
    """The bar charts are drawn in turn on one axes: each must come out as if drawn on fresh axes
    (more or fewer bars, counts or amounts, in either order)."""
    import matplotlib

    from report.publication.fonts import register_matplotlib_fonts

    year = sample_year()
    langs = ("both", "en")
    with matplotlib.rc_context(charts.style(register_matplotlib_fonts())):
        shared = charts._bar_axes()
        sizes = set()
        for bars in charts.BARS[::order]:
            series = bars.series(year)
            series = series[series > 0]
            names = charts._namer(bars.key, departments)
            sizes.add(len(series))
            on_shared = svgs(charts._draw_bars(bars, series, names, langs, shared))
            assert on_shared == svgs(charts._draw_bars(bars, series, names, langs)), bars.name
        assert not shared.patches and not shared.texts  # each chart takes its bars and values away
    assert len(sizes) > 1


# ---- the same chart everywhere: the SVG carries its typeface ------------------------------------------

def embedded_fonts(path: Path) -> list:
    """The fonts of an SVG's @font-face data: URIs, as fontTools TTFonts."""
    import base64
    import io
    import re

    from fontTools.ttLib import TTFont

    svg = path.read_text(encoding="utf-8")
    return [TTFont(io.BytesIO(base64.b64decode(data)))
            for data in re.findall(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", svg)]


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_svg_carries_the_glyphs_of_its_text(drawn, lang):
    """An SVG shown as an <img> or opened alone cannot use the page's fonts: it embeds Titillium Web, a subset
    holding every character it sets (and little more)."""
    for chart in drawn[lang]:
        fonts = embedded_fonts(chart.path)
        assert len(fonts) == 1, chart.name
        font = fonts[0]
        assert font["name"].getDebugName(1) == "Titillium Web"
        used = set(texts(chart.path).replace("|", ""))
        assert used <= set(map(chr, font.getBestCmap())), (chart.name, used - set(map(chr, font.getBestCmap())))
        assert len(font.getGlyphOrder()) <= len(used) + 5, chart.name  # a subset, not the whole face


@pytest.mark.browser
def test_charts_in_a_browser_are_drawn_as_measured(drawn):
    """Each SVG opened on its own in Chromium: its text is set in the embedded Titillium Web, as wide as
    matplotlib measured it, and inside the picture (a fallback font ran labels into the bars and off the edge)."""
    from browser import chromium

    family = ("Titillium Web",)
    with chromium() as browser:
        page = browser.new_page()
        for chart in drawn["both"]:
            page.goto(chart.path.as_uri())
            page.evaluate("document.fonts.ready")
            assert page.evaluate("document.fonts.check(\"8px 'Titillium Web'\")"), chart.name
            boxes = page.evaluate("""() => {
                const edge = document.documentElement.getBoundingClientRect();
                return {left: edge.left, right: edge.right, texts: [...document.querySelectorAll('text')].map(
                    t => ({text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize),
                           length: t.getComputedTextLength(),
                           box: (b => ({left: b.left, right: b.right}))(t.getBoundingClientRect())}))};
            }""")
            assert boxes["texts"], chart.name
            for text in boxes["texts"]:
                measured = charts._line_width(text["text"], text["size"], family) / charts.TEXT_SLACK * 72
                assert abs(text["length"] - measured) <= 0.02 * measured + 0.5, (chart.name, text, measured)
                box = text["box"]
                assert box["left"] >= boxes["left"] - 0.5 and box["right"] <= boxes["right"] + 0.5, (chart.name, text)


# ---- one type scale --------------------------------------------------------------------------------

def printed_sizes(paths: list[Path]) -> dict[str, set[float]]:
    """The font sizes in points of each chart's text as the report prints it: each chart laid out by WeasyPrint
    in the report's stylesheets and figure markup, its font sizes times the scale its image is drawn at."""
    import re

    import weasyprint
    from weasyprint.formatting_structure import boxes

    from report.publication.html import STYLESHEETS
    from report.assets import templates_dir

    links = "".join(f'<link rel="stylesheet" href="{(templates_dir() / name).as_uri()}">' for name in STYLESHEETS)
    figures = "".join(f'<figure class="chart"><img src="{p.as_uri()}" alt="{p.stem}"></figure>' for p in paths)
    html = f'<html lang="en"><head>{links}</head><body><main>{figures}</main></body></html>'
    document = weasyprint.HTML(string=html, base_url=str(templates_dir())).render()
    scale = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            if isinstance(box, boxes.ReplacedBox) and box.element_tag == "img":
                width = float(re.search(r'<svg[^>]*width="([\d.]+)pt"', Path(
                    box.element.get("src").removeprefix("file://")).read_text(encoding="utf-8")).group(1))
                scale[box.element.get("alt")] = box.width * 0.75 / width  # CSS px to pt
    out = {}
    for path in paths:
        root = ET.parse(path).getroot()
        sizes = {float(re.search(r"font-size:\s*([\d.]+)px", t.get("style")).group(1))
                 for t in root.iter(f"{SVG}text")}
        out[path.stem] = {round(size * scale[path.stem], 2) for size in sizes}
    return out


def test_every_chart_prints_its_text_on_one_type_scale(drawn):
    """The same role has the same printed size in every chart, tall or short (labels were 5.3 pt in the SDG
    chart and 8.5 pt in the area chart, the tall chart scaled down to a height)."""
    scale = set(charts.TYPE.values())
    sizes = printed_sizes([c.path for lang in EDITIONS for c in drawn[lang]])
    for name, found in sizes.items():
        assert found <= scale, (name, found, scale)
    labels = {name: min(found) for name, found in sizes.items()}
    assert len(set(labels.values())) == 1, labels


# ---- where the charts are printed: drawn at the height they print at, every page of the chapter filled ------------

from report.publication import chartpages  # noqa: E402


def page_fill(placed, sizes, edition):
    """Each planned page's fill (share of the text frame) from the planned heights."""
    pages = []
    for place in placed:
        if place.page_start or not pages:
            pages.append(chartpages.FRAME - chartpages.room(edition, first=not pages))
        pages[-1] += place.height + chartpages.FIGURE_EXTRA[edition]
    return [used / chartpages.FRAME for used in pages]


@pytest.mark.parametrize("edition", ["both", "it"])
@pytest.mark.parametrize("naturals", [
    [6.3, 5.3, 5.3, 3.45, 3.45, 6.6, 4.0, 2.6],   # the sample year's bilingual charts, in inches
    [2.2, 2.2, 2.2, 2.2, 2.2, 4.0],               # a small year: short charts, three or four a page
    [5.3, 4.0, 5.3, 4.0, 2.2],                     # charts that pair badly
])
def test_chart_pages_are_filled_without_scaling(edition, naturals):
    """Every planned page but the last holds its charts whole and is at least FLOOR full; a chart only grows
    (never below its natural height, at most STRETCH times it) and keeps its order."""
    sizes = [chartpages.Size(n, n * chartpages.STRETCH) for n in naturals]
    placed = chartpages.plan(sizes, edition)
    assert len(placed) == len(sizes) and not placed[0].page_start
    for size, place in zip(sizes, placed):
        assert size.natural - 1e-9 <= place.height <= size.most + 1e-9
    fills = page_fill(placed, sizes, edition)
    assert all(fill <= 1 - chartpages.SLACK / chartpages.FRAME + 1e-9 for fill in fills), fills
    assert all(fill >= chartpages.FLOOR - 1e-9 for fill in fills[:-1]), fills


def test_a_chart_that_cannot_grow_is_never_stretched():
    """The map keeps its proportions: a page it is alone on is left as it is rather than the map drawn taller."""
    fixed = chartpages.Size(4.0, 4.0)
    placed = chartpages.plan([chartpages.Size(6.6, 6.6), fixed, chartpages.Size(6.6, 6.6)], "both")
    assert [p.height for p in placed] == [6.6, 4.0, 6.6]


def test_charts_are_drawn_at_their_planned_height(drawn):
    """Each SVG is as tall as planned: a bar chart's natural height (its labels' lines, the bars' pitch) or more
    when its page needs filling, never less (nothing scales it down in print)."""
    import re

    for lang in EDITIONS:
        for chart in drawn[lang]:
            svg = chart.path.read_text(encoding="utf-8")
            width, height = (float(v) for v in re.search(r'<svg[^>]*width="([\d.]+)pt" height="([\d.]+)pt"',
                                                           svg).groups())
            assert width == pytest.approx(charts.FIGSIZE[0] * 72)
            assert height >= charts.MIN_HEIGHT * 72 - 0.01, (lang, chart.name)
            if chart.lead:
                assert height <= chartpages.LEAD_ROOM * 72 + 0.01, (lang, chart.name)
