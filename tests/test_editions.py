"""The build of the editions (publication/editions.py, build_report) on the small fixture year, with its two
worker processes as `build` runs it: the three PDFs, the web page and the charts, every file it says it wrote."""
from __future__ import annotations

import pikepdf

from conftest import YEAR, fixture_year
from report.config import load_config
from report.intake.year import load_year
from report.publication.editions import CHARTS_DIR, build_report


def test_build_report_writes_the_three_editions_the_web_page_and_the_charts(tmp_path):
    data = load_year(fixture_year(tmp_path / "inputs"), YEAR, load_config())
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    csv = outputs / f"activities_{YEAR}.csv"
    csv.write_bytes(b"department;title_it\nREL_INT;Foreste urbane\n")

    written = build_report(data, outputs, "both", workers=2)

    assert len(written) == len(set(written))
    on_disk = {p for p in outputs.rglob("*") if p.is_file()} - {csv}
    assert set(written) == on_disk
    pdfs = {p.name for p in written if p.suffix == ".pdf"}
    assert pdfs == {f"report_{YEAR}.pdf", f"report_{YEAR}_it.pdf", f"report_{YEAR}_en.pdf"}
    assert outputs / f"report_{YEAR}.html" in written
    charts = [p for p in written if p.parent == outputs / CHARTS_DIR]
    assert charts and all(p.suffix == ".svg" for p in charts)
    for name, lang in ((f"report_{YEAR}.pdf", "it"), (f"report_{YEAR}_it.pdf", "it"), (f"report_{YEAR}_en.pdf", "en")):
        with pikepdf.open(outputs / name) as pdf:
            assert str(pdf.Root.Lang) == lang and len(pdf.pages) >= 5, name
            assert pdf.attachments[csv.name].get_file().read_bytes() == csv.read_bytes(), name
    assert {"aggregate", "charts", "html", "pdf", "pdf_both", "pdf_it", "pdf_en"} <= set(data.timings)
