"""The PDF editions: text in both languages, escaping, outline, metadata, tagging, fonts, attachment,
reproducibility and the URL fetcher. The editions of a small fixture year as `build` makes them (the session's
`built`: publication.editions.build_report with its worker processes), and the files it says it wrote."""
from __future__ import annotations

import functools
import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from conftest import HOSTILE, MOMENT, YEAR
from report import filenames
from report.config import load_config
from report.publication.html import stable_moment
from report.publication.pdf import ForbiddenResource, render_pdf, report_html, safe_fetcher, user_agent_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")


@functools.lru_cache(maxsize=None)
def _pages(path: Path) -> tuple[str, ...]:
    """pdftotext's text of each page of a PDF, read once (the session's PDFs never change)."""
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return tuple(result.stdout.decode("utf-8").split("\f"))


def _text(path: Path) -> str:
    return " ".join(" ".join(_pages(path)).split())


def _bilingual(built) -> Path:
    """The bilingual edition of the session's build."""
    return built["root"] / filenames.edition("both", YEAR)


def test_every_activity_in_both_languages(built):
    text = _text(_bilingual(built))
    frame = built["data"].frame()
    for title_it, title_en in zip(frame["title_it"], frame["title_en"]):
        assert " ".join(str(title_it).split()) in text
        if isinstance(title_en, str):
            assert title_en in text
    assert "pagina 3 di" in text and "page 3 of" in text


def test_hostile_value_appears_literally(built):
    assert HOSTILE in _text(_bilingual(built))


def test_outline_metadata_and_pages(built):
    with pikepdf.open(_bilingual(built)) as pdf:
        assert 10 <= len(pdf.pages) <= 20
        with pdf.open_outline() as outline:
            top = [item.title for item in outline.root]
            departments = next(item for item in outline.root if item.title.startswith("Le attività dei settori"))
            assert len(departments.children) == len(load_config().departments)
        assert top[0] == "Indice / Contents" and top[-1] == "Allegati / Annexes"
        info = pdf.docinfo
        assert str(info["/Title"]).startswith("Relazione annuale sulle attività internazionali")
        assert "Città di Torino" in str(info["/Author"]) and str(info["/Subject"])
        assert str(info["/CreationDate"]).startswith(f"D:{stable_moment(built['data']):%Y%m%d%H%M%S}")
        assert str(pdf.Root.Lang) == "it"
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "3" and meta["pdfuaid:part"] == "1"
        assert f"activities_{YEAR}.csv" in pdf.attachments


def _struct_elements(pdf):
    stack, seen = [pdf.Root.StructTreeRoot], set()
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and node.objgen not in seen:
            seen.add(node.objgen)
            if node.get("/Type") == "/StructElem":
                yield node
            if "/K" in node:
                stack.append(node.K)


def test_english_passages_are_tagged_english(built):
    with pikepdf.open(_bilingual(built)) as pdf:
        elements = list(_struct_elements(pdf))
        english = [e for e in elements if str(e.get("/Lang", "")) == "en"]
        assert len(english) >= 10
        assert {str(e.S) for e in english} == {"/Span", "/Art"}
        # the runs of text are /Span too (WeasyPrint): they take their element's language, Italian ones included
        runs = [e for e in elements if e.S == "/Span" and all(isinstance(k, int) for k in e.K)]
        assert runs and not any("/Lang" in run for run in runs)
        assert all(any(isinstance(k, pikepdf.Dictionary) for k in e.K) for e in english if e.S == "/Span")
        figures = [e for e in elements if e.S == "/Figure"]
        assert figures and all(str(f.get("/Alt", "")) for f in figures)


def test_only_titillium_is_embedded(built):
    result = subprocess.run(["pdffonts", str(_bilingual(built))], capture_output=True, text=True, check=True)
    names = {line.split()[0].split("+")[-1] for line in result.stdout.splitlines()[2:]}
    assert names and all(n.replace("-", "").startswith("TitilliumWeb") for n in names), names


def test_same_inputs_same_bytes(built):
    """The English edition laid out by a worker process and again in this process: the same bytes."""
    assert built["pdf"]["en"] == built["pdf"]["again"]


def test_build_report_writes_the_three_editions_the_web_page_and_the_charts(built):
    from report.publication.editions import CHARTS_DIR

    outputs, written, csv = built["root"], built["written"], built["attached"]
    assert len(written) == len(set(written))
    on_disk = {p for p in outputs.rglob("*") if p.is_file()} - {csv}
    assert set(written) == on_disk
    pdfs = {p.name for p in written if p.suffix == ".pdf"}
    assert pdfs == {f"report_{YEAR}.pdf", f"report_{YEAR}_it.pdf", f"report_{YEAR}_en.pdf"}
    assert outputs / f"report_{YEAR}.html" in written
    charts = [p for p in written if p.parent == outputs / CHARTS_DIR]
    assert charts and all(p.suffix == ".svg" for p in charts)
    for edition, lang in (("both", "it"), ("it", "it"), ("en", "en")):
        with pikepdf.open(io.BytesIO(built["pdf"][edition])) as pdf:
            assert str(pdf.Root.Lang) == lang and len(pdf.pages) >= 5, edition
            assert pdf.attachments[csv.name].get_file().read_bytes() == csv.read_bytes(), edition
    assert {"aggregate", "charts", "html", "pdf", "pdf_both", "pdf_it", "pdf_en"} <= set(built["timings"])


def test_fetcher_serves_only_project_assets(tmp_path):
    (tmp_path / "ok.svg").write_text("<svg/>", encoding="utf-8")
    fetcher = safe_fetcher(tmp_path)
    assert fetcher.fetch((tmp_path / "ok.svg").as_uri()).read() == b"<svg/>"
    for url in ("file:///etc/passwd", (tmp_path / ".." / "x").as_uri(), "https://example.org/x.png",
                "data:text/plain,hello", "ftp://example.org/x"):
        with pytest.raises(ForbiddenResource):
            fetcher.fetch(url)


def test_a_forbidden_resource_stops_the_rendering(tmp_path):
    from weasyprint.urls import FatalURLFetchingError

    html = '<html lang="it"><head><title>t</title></head><body><img src="file:///etc/passwd" alt="x"></body></html>'
    with pytest.raises(FatalURLFetchingError):
        render_pdf(html, charts_dir=tmp_path, moment=MOMENT)


def test_departments_share_pages(built):
    """Departments follow one another on the same pages: the four activities of the fixture and the sixteen
    department heads take a few pages (counted by their running header), not a page or more each."""
    pages = _pages(_bilingual(built))
    heads = [next((line for line in page.splitlines() if line.strip()), "") for page in pages]
    chapter = [i for i, head in enumerate(heads) if head.startswith("Le attività dei settori")]
    assert 1 <= len(chapter) <= 4, heads
    assert any("Settore Relazioni Internazionali" in pages[i] and "Divisione Ambiente e Verde" in pages[i]
               for i in chapter), "two departments never share a page"


def test_our_user_agent_stylesheet_changes_nothing_on_the_page():
    """The user-agent stylesheet without the notes' pseudo-elements and with ::marker on <li> only (fewer computed
    styles) gives the same PDF as WeasyPrint's own, list markers included."""
    from weasyprint import HTML

    html = ('<html lang="it"><head><title>t</title></head><body><h1>Titolo</h1><ol><li>uno</li><li>due</li></ol>'
            '<ul><li>tre</li></ul><p>Testo <b>grassetto</b> e <span>altro</span>.</p></body></html>')
    stock = HTML(string=html).write_pdf(pdf_identifier=False)
    ours = report_html(string=html).write_pdf(pdf_identifier=False)
    assert ours == stock
    text = user_agent_text()
    assert "\nli::marker {" in text and "\n::marker" not in text
    assert not any(f"::{name}" in text for name in ("footnote-call", "footnote-marker", "note-call", "note-marker",
                                                     "note-callback"))
