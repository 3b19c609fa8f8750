"""Build a year's report editions (the earlier years given): charts once per language, the HTML page and the
three PDFs, each PDF started as soon as its HTML is ready (two at a time on two cores, the longest first; the
other editions' charts are drawn by the idle PDF workers while the first edition's HTML is made)."""
from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from report import filenames
from report import i18n
from report.outputs import atomic_path
from report.intake.year import Earlier, YearData
from report.timing import timed
from report.pool import fork_pool
from report.settings import DEFAULTS
from report.publication.html import WEB, context, render, stable_moment

log = logging.getLogger(__name__)

CHARTS_DIR = filenames.CHARTS_DIR
WORKERS = DEFAULTS.edition_workers


def wanted(lang: str) -> tuple[str, ...]:
    """The editions built for --lang: both builds all three PDFs and the web page; it/en one PDF each.
    The bilingual edition, the longest to lay out, comes first so that it starts first."""
    return i18n.EDITIONS if lang == "both" else (lang,)


def pages(data: YearData, outputs: Path, editions: tuple[str, ...], earlier: Earlier | None = None,
          written: list[Path] | None = None, pool: ProcessPoolExecutor | None = None) -> Iterator[tuple[str, str]]:
    """(edition, HTML for the PDF) of each edition in turn; after the bilingual one, the web page. The first
    edition's charts are drawn here, the others' in `pool` (when given) meanwhile. Charts and the web page are
    written under `outputs` (and added to `written`). `earlier`: the earlier years (intake.year.load_earlier)."""
    outputs = Path(outputs)
    written = [] if written is None else written
    charts_dir = outputs / CHARTS_DIR
    charts_dir.mkdir(parents=True, exist_ok=True)
    with timed(data.timings, "aggregate"):
        frame = data.frame()
        history = dict(earlier.history) if earlier else {}
        history[data.year] = frame
        prev_frame = earlier.previous.frame() if earlier and earlier.previous is not None else None
    with timed(data.timings, "charts"):
        from report.publication.charts import make_edition_charts

        options = {"history": history if len(history) > 1 else None,
                   "department_names": {d.code: (d.it, d.en) for d in data.config.departments}}
        # with a pool, the later editions' charts are drawn together in a worker; alone, every edition's
        # charts are drawn here at once (each chart's figure is then made once for all the editions)
        later = pool.submit(make_edition_charts, frame, editions[1:], charts_dir, **options) \
            if pool and len(editions) > 1 else None
        drawn = make_edition_charts(frame, editions[:1] if later else editions, charts_dir, **options)
    for edition in editions:
        if edition not in drawn:
            with timed(data.timings, "charts"):
                drawn.update(later.result())
        charts = drawn[edition]
        written += [c.path for c in charts]
        with timed(data.timings, "html"):
            page = render(context(data, edition, charts, previous=prev_frame, frame=frame))
        yield edition, page
        if edition == "both":
            with timed(data.timings, "html"):
                path = outputs / filenames.web_page(data.year)
                web = render(context(data, "both", charts, previous=prev_frame, frame=frame, medium=WEB))
                with atomic_path(path) as tmp:
                    tmp.write_text(web, encoding="utf-8")
            written.append(path)


def start_workers(lang: str = "both", workers: int = WORKERS) -> ProcessPoolExecutor | None:
    """The worker processes of build_report, forked now, before the year is read: they do not carry this
    process's data (a forked process's memory counts what it inherits), and they load WeasyPrint while the
    year is read. None when the editions are made in this process."""
    count = min(workers, len(wanted(lang)))
    if count < 2:
        return None
    _chart_imports()  # before the workers fork: they inherit matplotlib and the fonts
    pool = _pool(count)
    for _ in range(count):
        pool.submit(_pdf_imports)
    return pool


def build_report(data: YearData, outputs: Path, lang: str = "both", earlier: Earlier | None = None,
                 workers: int = WORKERS, pool: ProcessPoolExecutor | None = None) -> list[Path]:
    """Charts, HTML and PDFs of the year into `outputs`; returns the files written. Stage times go to data.timings:
    aggregate, charts, html (main process), pdf (wall time from the first PDF started to the last one done,
    overlapping the charts and HTML of the later editions) and pdf_<edition> (each PDF's own seconds).
    `earlier`: the earlier years (intake.year.load_earlier) for the comparison and the history charts.
    `pool`: workers from start_workers (shut down here), else started here when `workers` > 1."""
    outputs = Path(outputs)
    editions = wanted(lang)
    csv_path = outputs / filenames.activities(data.year)
    attachment = (csv_path.name, csv_path.read_bytes()) if csv_path.is_file() else None
    options = {"charts_dir": outputs / CHARTS_DIR, "moment": stable_moment(data), "attachment": attachment,
               "attachment_description": " / ".join(i18n.STRINGS["attachment"])}
    written: list[Path] = []
    jobs: list[tuple[str, Path, Future | tuple[Path, float]]] = []
    if pool is None:
        with timed(data.timings, "charts"):
            pool = start_workers(lang, workers)
    started = None
    try:
        for edition, page in pages(data, outputs, editions, earlier, written, pool):
            path = outputs / filenames.edition(edition, data.year)
            started = started or time.perf_counter()
            jobs.append((edition, path, pool.submit(_one_pdf, path, page, options) if pool
                         else _one_pdf(path, page, options)))
        for edition, path, job in jobs:
            _, data.timings[f"pdf_{edition}"] = job.result() if isinstance(job, Future) else job
            written.append(path)
    except BaseException:
        if pool:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    if pool:
        pool.shutdown()
    if started is not None:
        data.timings["pdf"] = data.timings.get("pdf", 0.0) + time.perf_counter() - started
    return written


def _chart_imports() -> None:
    """matplotlib (Agg) and the report's fonts, loaded once here: forked workers start with them."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.figure  # noqa: F401
    import matplotlib.backends.backend_svg  # noqa: F401

    from report.publication.fonts import register_matplotlib_fonts

    register_matplotlib_fonts()


def _pool(workers: int) -> ProcessPoolExecutor | None:
    """A pool of worker processes for the later editions' charts and for the PDFs; None for one worker
    (everything is then made in this process)."""
    if workers < 2:
        return None
    if "fork" in multiprocessing.get_all_start_methods():
        return fork_pool(workers)
    return ProcessPoolExecutor(max_workers=workers)


def _pdf_imports() -> None:
    import report.publication.pdf  # noqa: F401  (WeasyPrint)


def _one_pdf(path: Path, html: str, options: dict) -> tuple[Path, float]:
    from report.publication.pdf import write_pdf

    start = time.perf_counter()
    write_pdf(path, html, **options)
    return path, time.perf_counter() - start
