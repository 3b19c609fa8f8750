"""The published editions as a reader, a printer and an archive see them: the independent validator `page`
(PDF/A-3b, PDF/UA-1), every word inside the page's text frame, a clean cover, missing amounts shown as missing.
All on the three editions of the sample year and of a generated year (the session's `publication` builds)."""
from __future__ import annotations

import functools
import re
import shutil
import subprocess

import pytest

page = pytest.importorskip("page", reason="page-validation (the `page` PDF validator) missing")
# one worker builds the session's years once (make test runs pytest-xdist with --dist loadgroup)
pytestmark = [pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing"),
              pytest.mark.xdist_group("publication")]

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


@functools.lru_cache(maxsize=None)
def _layout(path) -> list[tuple[float, float, list[list[tuple[float, float, float, float, str]]]]]:
    """pdftotext's one reading of the PDF (-bbox-layout), for every test that asks (the session's PDFs never change;
    a copy made by a test has a path of its own): each page's width, height and lines in reading order, each line
    its words (xMin, yMin, xMax, yMax, text)."""
    import xml.etree.ElementTree as ET

    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True).stdout
    ns = "{http://www.w3.org/1999/xhtml}"
    pages = []
    for page in ET.fromstring(out).iter(f"{ns}page"):
        lines = [[(*(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")), w.text or "")
                  for w in line.iter(f"{ns}word")] for line in page.iter(f"{ns}line")]
        pages.append((float(page.get("width")), float(page.get("height")), lines))
    return pages


def _words(path):
    """(page number, page width, page height, xMin, yMin, xMax, yMax, word) of every word of the PDF."""
    return [(number, width, height, *word) for number, (width, height, lines) in enumerate(_layout(path), start=1)
            for line in lines for word in line]


def _lines(path) -> list[list[str]]:
    """The text of each page's lines, in reading order, by page."""
    return [[" ".join(word[-1] for word in line) for line in lines] for _, _, lines in _layout(path)]


def _rows(path) -> list[list[str]]:
    """The text of each page's rows, top to bottom, as pdftotext -layout prints them: the lines side by side (the
    cells of a table row) joined left to right, by page."""
    out = []
    for _, _, lines in _layout(path):
        rows: list[list] = []   # [top, bottom, words]
        for line in sorted((ln for ln in lines if ln), key=lambda ln: min(w[1] for w in ln)):
            top, bottom = min(w[1] for w in line), max(w[3] for w in line)
            if rows and top < (rows[-1][0] + rows[-1][1]) / 2 < bottom:
                rows[-1][1] = max(rows[-1][1], bottom)
                rows[-1][2].extend(line)
            else:
                rows.append([top, bottom, list(line)])
        out.append([" ".join(w[-1] for w in sorted(words, key=lambda w: w[0])) for _, _, words in rows])
    return out


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


def _chapter_pages(path) -> set[int]:
    """The pages (1-based) where a chapter (first-level bookmark) starts."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        index = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        with pdf.open_outline() as outline:
            out = set()
            for item in outline.root:
                dest = item.destination
                if isinstance(dest, pikepdf.Array) and len(dest):
                    out.add(index.get(dest[0].objgen))
                elif isinstance(dest, (str, pikepdf.String)):
                    names = pikepdf.NameTree(pdf.Root.Names.Dests)
                    out.add(index.get(names[str(dest)][0].objgen))
    return out


# A page may end early only before a new chapter (which starts on a new page) or at the end; any other is at least
# about two thirds full (a run of empty departments' heads kept together left a page a third full before them; a
# chart that did not fit left its page half blank).
LEAST_FILLED = 2 / 3


def short_pages(path) -> dict[int, float]:
    """The pages filled less than LEAST_FILLED (pdf_builds.page_fills) other than the cover, the last page and the
    last page of each chapter: {page: fill}."""
    from pdf_builds import page_fills

    fills = page_fills(path)
    exempt = {p - 1 for p in _chapter_pages(path)} | {1, max(fills)}
    return {n: round(fill, 2) for n, fill in fills.items() if n not in exempt and fill < LEAST_FILLED}


@pytest.mark.parametrize("year,edition", CASES)
def test_no_page_is_left_mostly_blank(publication, year, edition):
    assert short_pages(publication[year][edition]) == {}


@pytest.mark.parametrize("year,edition", CASES)
def test_every_chart_prints_its_text_on_the_one_type_scale(publication, year, edition):
    """Every glyph of every chart, as printed in the edition, has a size of the charts' type scale (charts.TYPE): no
    chart is scaled to fit a page (the tall charts' labels printed at 4.7 to 6 pt, the lead chart's at 7.4 pt)."""
    from pdf_builds import chart_text_sizes

    from report.publication.charts import TYPE

    sizes = chart_text_sizes(publication[year][edition])
    assert len(sizes) >= 3, "the charts' pages"
    scale = set(TYPE.values())
    off = {page: sorted(found) for page, found in sizes.items()
           if any(min(abs(size - step) for step in scale) > 0.02 for size in found)}
    assert off == {}


@pytest.mark.parametrize("year,edition", CASES)
def test_the_sources_heading_shares_its_page_with_the_table(publication, year, edition):
    pages = [page for page in _rows(publication[year][edition]) if any(row in ("Fonti", "Sources") for row in page)]
    assert pages and all(any("SHA-256" in row for row in page) for page in pages)


@pytest.mark.parametrize("year,edition", CASES)
def test_no_table_caption_repeats_the_heading_above_it(publication, year, edition):
    rows = [row for page in _rows(publication[year][edition]) for row in page]
    repeated = [a for a, b in zip(rows, rows[1:]) if a == b and len(a) > 3 and not a[0].isdigit()]
    assert repeated == []


@pytest.mark.parametrize("year,edition", CASES)
def test_each_heading_is_one_heading_element(publication, year, edition):
    """A bilingual heading is one heading element (its English part a span), never a heading in a heading."""
    import pikepdf

    nested = 0
    with pikepdf.open(publication[year][edition]) as pdf:
        stack = [(pdf.Root.StructTreeRoot.K, None)]
        while stack:
            node, heading = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend((kid, heading) for kid in node)
            elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/StructElem":
                tag = str(node.S)
                is_heading = re.fullmatch(r"/H[1-6]", tag) is not None
                nested += is_heading and heading is not None
                stack.append((node.get("/K"), tag if is_heading else heading))
    assert nested == 0


@pytest.mark.parametrize("year,edition", CASES)
def test_running_heads_and_page_numbers_are_pagination_artifacts(publication, year, edition):
    """Every text in the top or bottom margin of the pages after the cover (the running heads and page numbers) is
    marked content /Artifact of /Type /Pagination, which assistive technology skips. PDFium reads which marks hold
    the text and the keys of their properties; the content streams, what those properties say."""
    from pdf_builds import artifact_types, margin_text

    path = publication[year][edition]
    furniture = margin_text(path)
    assert len({page for page, _ in furniture}) > 2, "the pages have running heads and numbers"
    assert [(page, tags) for page, tags in furniture if "Artifact/Subtype,Type" not in tags] == []
    assert artifact_types(path) <= {b"/Subtype /Header /Type /Pagination", b"/Subtype /Footer /Type /Pagination"}
    assert artifact_types(path)


@pytest.mark.parametrize("year,edition", CASES)
def test_every_marked_content_is_in_the_structure_tree_or_an_artifact(publication, year, edition):
    """PDF/UA 7.1: each marked-content sequence of every page belongs to a structure element that the structure
    tree reaches (through the parent tree), or is an artifact."""
    import pikepdf

    from report.publication.pdf import _reachable  # the structure tree's walk, as the PDF stage prunes it

    with pikepdf.open(publication[year][edition]) as pdf:
        root = pdf.Root.StructTreeRoot
        reachable = _reachable(root)
        nums = root.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        stray, marked = [], 0
        for number, page in enumerate(pdf.pages, start=1):
            mcids = parents.get(int(page.get("/StructParents", -1)))
            for instruction in pikepdf.parse_content_stream(page):
                if str(instruction.operator) != "BDC" or str(instruction.operands[0]) == "/Artifact":
                    continue
                marked += 1
                mcid = int(instruction.operands[1].MCID)
                element = mcids[mcid] if mcids is not None and mcid < len(mcids) else None
                if not isinstance(element, pikepdf.Dictionary) or element.objgen not in reachable:
                    stray.append((number, mcid))
    assert marked > 100
    assert stray == []


@pytest.mark.parametrize("year,edition", CASES)
def test_no_word_is_split_by_a_line_end_hyphen(publication, year, edition):
    """A word broken at the end of a line ("cit-" / "tà") reads whole: its marked content carries the whole word
    as /ActualText, which pdftotext reads as assistive technology does."""
    lines = [line for page in _lines(publication[year][edition]) for line in page]
    assert [(a, b) for a, b in zip(lines, lines[1:]) if re.search(r"\w-$", a) and re.match(r"\w", b)] == []
