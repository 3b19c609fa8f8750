"""Build a year's report editions: previous year and history, charts once per language, the HTML page and the
three PDFs (two at a time on two cores)."""
from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from report import i18n
from report.outputs import atomic_path
from report.pipeline import YearData, load_year, timed
from report.render import PDF, WEB, context, render, stable_moment

log = logging.getLogger(__name__)

CHARTS_DIR = "charts"
EDITION_FILES = {"both": "report_{year}.pdf", "it": "report_{year}_it.pdf", "en": "report_{year}_en.pdf"}
HTML_FILE = "report_{year}.html"
WORKERS = 2


def wanted(lang: str) -> tuple[str, ...]:
    """The editions built for --lang: both builds all three PDFs and the web page; it/en one PDF each."""
    return i18n.EDITIONS if lang == "both" else (lang,)


def earlier_years(data: YearData, inputs_root: Path) -> tuple[YearData | None, dict[int, object]]:
    """The previous year's data (inputs/Y-1, when it exists) and the frames of every earlier year found."""
    history: dict[int, object] = {}
    previous = None
    for folder in sorted(p for p in Path(inputs_root).iterdir() if p.is_dir() and p.name.isdigit()):
        year = int(folder.name)
        if year >= data.year or folder.resolve() == data.inputs_dir.resolve():
            continue
        loaded = load_year(folder, year, data.config)
        history[year] = loaded.frame()
        if year == data.year - 1:
            previous = loaded
    return previous, history


def build_report(data: YearData, outputs: Path, lang: str = "both", inputs_root: Path | None = None,
                 workers: int = WORKERS) -> list[Path]:
    """Charts, HTML and PDFs of the year into `outputs`; returns the files written. Stage times go to data.timings."""
    outputs = Path(outputs)
    charts_dir = outputs / CHARTS_DIR
    charts_dir.mkdir(parents=True, exist_ok=True)
    with timed(data.timings, "aggregate"):
        frame = data.frame()
        root = Path(inputs_root) if inputs_root else data.inputs_dir.parent
        previous, history = earlier_years(data, root) if root.is_dir() else (None, {})
        history[data.year] = frame
        prev_frame = previous.frame() if previous is not None else None
    editions = wanted(lang)
    charts = {}
    with timed(data.timings, "charts"):
        from report.charts import make_charts

        names = {d.code: (d.it, d.en) for d in data.config.departments}
        for edition in editions:
            charts[edition] = make_charts(frame, edition, charts_dir, history=history if len(history) > 1 else None,
                                          department_names=names)
    written = [c.path for edition in editions for c in charts[edition]]
    pages = {}
    with timed(data.timings, "html"):
        for edition in editions:
            pages[edition] = render(context(data, edition, charts[edition], previous=prev_frame, frame=frame))
        if "both" in editions:
            path = outputs / HTML_FILE.format(year=data.year)
            page = render(context(data, "both", charts["both"], previous=prev_frame, frame=frame, medium=WEB))
            with atomic_path(path) as tmp:
                tmp.write_text(page, encoding="utf-8")
            written.append(path)
    csv_path = outputs / f"activities_{data.year}.csv"
    attachment = (csv_path.name, csv_path.read_bytes()) if csv_path.is_file() else None
    options = {"charts_dir": charts_dir, "moment": stable_moment(data), "attachment": attachment,
               "attachment_description": " / ".join(i18n.STRINGS["attachment"])}
    jobs = [(outputs / EDITION_FILES[e].format(year=data.year), pages[e], e) for e in editions]
    written += _write_pdfs(jobs, options, workers, data.timings)
    return written


def _one_pdf(path: Path, html: str, options: dict) -> tuple[Path, float]:
    import time

    from report.pdf import write_pdf

    start = time.perf_counter()
    write_pdf(path, html, **options)
    return path, time.perf_counter() - start


def _write_pdfs(jobs, options: dict, workers: int, timings: dict) -> list[Path]:
    """Render the PDFs, in a pool of `workers` processes when there are several; time each edition."""
    written = []
    with timed(timings, "pdf"):
        if workers > 1 and len(jobs) > 1:
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
            with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=ctx) as pool:
                futures = [(edition, pool.submit(_one_pdf, path, html, options)) for path, html, edition in jobs]
                results = [(edition, future.result()) for edition, future in futures]
        else:
            results = [(edition, _one_pdf(path, html, options)) for path, html, edition in jobs]
    for edition, (path, seconds) in results:
        timings[f"pdf_{edition}"] = seconds
        written.append(path)
    return written
