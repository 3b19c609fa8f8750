"""`make bench`: time `validate` and `build` at every size, compare the read with openpyxl and the PDF stage with
bare WeasyPrint, and check the budgets of the README's "Performance" section.

    .venv/bin/python benchmarks/run.py [--sizes sample,small,medium,large] [--runs 3] [--large-build]

Sizes: `sample` is the sample year (inputs/2025, with inputs/2024 as the previous year); `small` (16 departments
x 10 activities), `medium` (16 x 200) and `large` (300 workbooks x 200, a network of municipalities) are
generated once by benchmarks/inputs.py under outputs/bench/inputs and reused. Every run is a fresh process
(report.api validate_year or build_year) writing into an empty folder, but for "build again": the same build
into the folder the build left, with nothing changed (the build cache: nothing to redo); the figures are
medians of --runs runs for sample and small, one run for medium and large. The large build (60,000 activities, a report of tens of
thousands of pages) runs only with --large-build.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from inputs import SIZES, prepare  # noqa: E402

YEAR = 2025
BENCH = ROOT / "outputs" / "bench"
ONCE = ("medium", "large")  # sizes measured by one run (minutes each)
STAGE_ROWS = ("read", "validate", "data", "feedback", "aggregate", "charts", "html", "pdf", "pdf_both", "pdf_it",
              "pdf_en")
NOT_LAYOUT = ("read", "validate", "data", "feedback", "aggregate", "charts", "html")


# ---- the child process: one command, its stage times and peak memory --------------------------------------

def child(command: str, inputs: str, outputs: str, config: str) -> None:
    """Run one command through the library API in this (fresh) process and print a JSON line of what it
    measured. `build1` is `build` in this one process (no reading, feedback or PDF workers): each stage's cost
    without sharing the cores."""
    start = time.perf_counter()
    from report import api  # start-up: the imports every command pays

    if command.startswith("build"):
        import report.publication.editions  # noqa: F401  (imported by build itself)
    settings = api.Settings(YEAR, Path(config) if config else None, Path(inputs), Path(outputs),
                            workers=1 if command == "build1" else None)
    started = time.perf_counter()
    outcome = (api.build_year if command.startswith("build") else api.validate_year)(settings)
    done = time.perf_counter()
    print(json.dumps({"startup": started - start, "run": done - started, "timings": outcome.timings,
                      "written": len(outcome.written), "unchanged": len(outcome.unchanged),
                      "rss_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "rss_children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def measure(command: str, inputs: Path, config: Path | None, outputs: Path, again: bool = False) -> dict:
    """One fresh process running `command` into an emptied `outputs` (with `again`: into `outputs` as the last run
    left it, so that an unchanged build has nothing to do); its JSON, plus the wall time seen from here."""
    if not again:
        shutil.rmtree(outputs, ignore_errors=True)
        outputs.mkdir(parents=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", command, str(inputs), str(outputs), str(config or "")],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{command} on {inputs} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {**result, "wall": wall}


def median_of(results: list[dict]) -> dict:
    """Medians of every figure over the runs."""
    keys = {k for r in results for k in r["timings"]}
    return {"timings": {k: statistics.median(r["timings"].get(k, 0.0) for r in results) for k in keys},
            **{k: statistics.median(r[k] for r in results) for k in ("startup", "run", "wall")},
            **{k: max(r[k] for r in results) for k in ("rss_self", "rss_children", "written", "unchanged")},
            "runs": len(results)}


# ---- comparisons ----------------------------------------------------------------------------------------------

def read_times(inputs: Path, runs: int) -> dict[str, float] | None:
    """Seconds to read every workbook of the folder with pandas, calamine and openpyxl engines (medians)."""
    import pandas as pd

    books = sorted(p for p in inputs.iterdir() if p.suffix.lower() in (".xlsx", ".xlsm"))
    if not books:
        return None
    out = {}
    for engine in ("calamine", "openpyxl"):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            for book in books:
                pd.read_excel(book, sheet_name=None, header=None, dtype=object, engine=engine)
            times.append(time.perf_counter() - start)
        out[engine] = statistics.median(times)
    out["files"] = len(books)
    return out


def layout_child(mode: str, outputs: str) -> None:
    """The bilingual edition's final HTML of the sample year, laid out by bare WeasyPrint (mode 'bare') or by our
    PDF stage (mode 'ours'), timed after the imports; prints JSON."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from report.assets import templates_dir
    from report.config import load_config
    from report.publication.editions import CHARTS_DIR, pages
    from report.publication.pdf import PDF_VARIANT, render_pdf
    from report.intake.year import load_earlier, load_year
    from report.publication.html import STYLESHEETS, stable_moment

    data = load_year(ROOT / "inputs" / str(YEAR), YEAR, load_config())
    edition, html = next(pages(data, Path(outputs), ("both",), load_earlier(data, ROOT / "inputs")))
    start = time.perf_counter()
    pickle.dumps(html)
    pickled = time.perf_counter() - start
    start = time.perf_counter()
    if mode in ("bare", "bare-same"):  # 'bare-same': WeasyPrint alone, asked for the same PDF/A-3b with tags
        root = templates_dir()
        fonts = FontConfiguration()
        sheets = [CSS(filename=str(root / name), font_config=fonts) for name in STYLESHEETS]
        same = {"pdf_variant": PDF_VARIANT, "pdf_tags": True} if mode == "bare-same" else {}
        body = HTML(string=html, base_url=root.as_uri() + "/").write_pdf(stylesheets=sheets, font_config=fonts,
                                                                        **same)
    else:
        body = render_pdf(html, charts_dir=Path(outputs) / CHARTS_DIR, moment=stable_moment(data))
    print(json.dumps({"seconds": time.perf_counter() - start, "bytes": len(body), "html": len(html),
                      "pickle": pickled}))


def layout(mode: str, outputs: Path) -> dict:
    shutil.rmtree(outputs, ignore_errors=True)
    outputs.mkdir(parents=True)
    done = subprocess.run([sys.executable, __file__, "--layout", mode, str(outputs)], capture_output=True,
                          text=True, cwd=ROOT, check=False)
    if done.returncode:
        raise SystemExit(f"layout {mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def help_seconds(runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "generate.py"), "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pdf_facts(outputs: Path) -> list[tuple[str, int, int]]:
    """(file, pages, bytes) of every PDF written."""
    import pikepdf

    facts = []
    for pdf in sorted(outputs.glob("report_*.pdf")):
        with pikepdf.open(pdf) as doc:
            facts.append((pdf.name, len(doc.pages), pdf.stat().st_size))
    return facts


# ---- printing --------------------------------------------------------------------------------------------------

def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "?")
    memory = next((int(line.split()[1]) / 1024 ** 2 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores, {model}, {memory:.0f} GB RAM, Python {platform.python_version()}"


def seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def stage_table(validate: dict | None, build: dict | None) -> list[str]:
    """Markdown rows: one per stage, the validate and build columns."""
    lines = ["| stage | validate (s) | build (s) |", "|---|--:|--:|"]
    for stage in STAGE_ROWS:
        v = validate["timings"].get(stage) if validate else None
        b = build["timings"].get(stage) if build else None
        if v is not None or b is not None:
            note = " (wall, overlapping charts/HTML of later editions)" if stage == "pdf" else ""
            lines.append(f"| {stage}{note} | {seconds(v)} | {seconds(b)} |")
    for label, key in (("not WeasyPrint (read to HTML, data files, feedback)", None), ("start-up (imports)", "startup"),
                       ("command after start-up", "run"), ("process wall", "wall")):
        def value(result):
            if not result:
                return None
            return sum(result["timings"].get(s, 0.0) for s in NOT_LAYOUT) if key is None else result[key]
        lines.append(f"| {label} | {seconds(value(validate))} | {seconds(value(build))} |")
    rss = [(r["rss_self"], r["rss_children"]) if r else None for r in (validate, build)]
    lines.append("| peak memory, main / workers (MB) | " + " | ".join(
        "" if m is None else f"{m[0]:.0f} / {m[1]:.0f}" for m in rss) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="sample,small,medium,large",
                        help="comma-separated: sample, small (16x10), medium (16x200), large (300x200)")
    parser.add_argument("--runs", type=int, default=3, help="runs for sample and small (medians); others run once")
    parser.add_argument("--large-build", action="store_true", help="also build the large size's report")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--layout", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    if args.layout:
        layout_child(*args.layout)
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s != "sample" and s not in SIZES]
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}: use sample, {', '.join(SIZES)}")
    print(f"Machine: {machine()}")
    results: dict[str, dict] = {}
    for name in sizes:
        if name == "sample":
            inputs, config, label = ROOT / "inputs" / str(YEAR), None, f"sample year {YEAR}"
            if not inputs.is_dir():
                print(f"\n## {label}: inputs/{YEAR} missing (make samples): skipped")
                continue
        else:
            size = SIZES[name]
            start = time.perf_counter()
            inputs, config = prepare(size, BENCH / "inputs", YEAR)
            label = f"{name}: {size.label} activities"
            print(f"\n(inputs of {name} ready in {time.perf_counter() - start:.1f} s: {inputs})", flush=True)
        runs = 1 if name in ONCE else args.runs
        outputs = BENCH / "run" / name
        validate = median_of([measure("validate", inputs, config, outputs) for _ in range(runs)])
        build = None
        if name != "large" or args.large_build:
            build = median_of([measure("build", inputs, config, outputs) for _ in range(runs)])
        facts = pdf_facts(outputs) if build else []
        unchanged = median_of([measure("build", inputs, config, outputs, again=True) for _ in range(runs)]) \
            if build and name != "large" else None
        alone = measure("build1", inputs, config, BENCH / "run" / "alone") if name == "sample" and build else None
        reads = read_times(inputs, runs)
        results[name] = {"validate": validate, "build": build, "reads": reads, "facts": facts, "alone": alone,
                         "unchanged": unchanged,
                         "label": "inputs/2025" if name == "sample" else SIZES[name].label}
        print(f"\n## {label} ({'median of ' + str(runs) + ' runs' if runs > 1 else 'one run'})\n")
        print("\n".join(stage_table(validate, build)))
        if alone:
            cost = sum(alone["timings"].get(s, 0.0) for s in NOT_LAYOUT)
            print(f"\nthe same build in one process (no workers, one run): {alone['wall']:.1f} s wall; everything but "
                  f"WeasyPrint (read to HTML, data files, feedback) {cost:.2f} s: "
                  + ", ".join(f"{s} {alone['timings'][s]:.2f}" for s in NOT_LAYOUT if s in alone["timings"]))
        if unchanged:
            print(f"\nthe same build again with nothing changed: {unchanged['wall']:.2f} s wall "
                  f"({unchanged['startup']:.2f} s start-up), {unchanged['written']} output lines written, "
                  f"{unchanged['unchanged']} unchanged")
        if facts:
            print("\n" + "; ".join(f"{n}: {p} pages, {b / 1024 ** 2:.1f} MB" for n, p, b in facts))
        elif name == "large":
            print("\nbuild not run: a report of 60,000 activities is tens of thousands of pages (--large-build to try)")
        if reads:
            ratio = reads["openpyxl"] / reads["calamine"]
            ours = reads["openpyxl"] / validate["timings"]["read"]
            print(f"\nread of {reads['files']} workbooks: pandas+calamine {reads['calamine']:.2f} s, pandas+openpyxl "
                  f"{reads['openpyxl']:.2f} s ({ratio:.1f}x); our read stage is {ours:.1f}x faster than openpyxl")
        sys.stdout.flush()
    layouts = None
    if "sample" in results and results["sample"]["build"]:
        layouts = {mode: layout(mode, BENCH / "run" / f"layout_{mode}") for mode in ("bare", "bare-same", "ours")}
        ours = layouts["ours"]["seconds"]
        print(f"\n## PDF stage against bare WeasyPrint (bilingual edition of the sample year, one run each)\n\n"
              f"bare WeasyPrint, plain PDF {layouts['bare']['seconds']:.2f} s ({ours / layouts['bare']['seconds']:.2f}x); "
              f"bare WeasyPrint asked for the same PDF/A-3b with tags {layouts['bare-same']['seconds']:.2f} s "
              f"({ours / layouts['bare-same']['seconds']:.2f}x); ours {ours:.2f} s (adds the attachment, the "
              f"English /Lang and PDF/UA declaration by pikepdf and the safe fetcher). "
              f"HTML {layouts['ours']['html'] / 1024:.0f} kB, pickled for a PDF worker in "
              f"{layouts['ours']['pickle'] * 1000:.1f} ms.")
    print("\n## Summary (seconds; validate after start-up; build as process wall)\n")
    print("\n".join(summary(results)))
    print("\n## Budgets\n")
    print("\n".join(budgets(results, layouts, help_seconds())))
    return 0


def summary(results: dict) -> list[str]:
    """Markdown: one column per size measured, the figures that matter side by side."""
    names = list(results)
    rows = [("inputs", lambda r: r["label"]),
            ("validate command", lambda r: seconds(r["validate"]["run"])),
            ("build command (wall)", lambda r: seconds(r["build"]["wall"]) if r["build"] else "not run"),
            ("build again, nothing changed (wall)",
             lambda r: seconds(r["unchanged"]["wall"]) if r.get("unchanged") else "not run")]
    rows += [(f"build: {stage}", lambda r, s=stage: seconds(r["build"]["timings"].get(s)) if r["build"] else "")
             for stage in STAGE_ROWS]
    rows += [("pages (bilingual, it, en)", lambda r: ", ".join(str(p) for _, p, _ in r["facts"])),
             ("bilingual PDF (MB)", lambda r: f"{r['facts'][0][2] / 1024 ** 2:.1f}" if r["facts"] else ""),
             ("peak MB, validate (main / workers)",
              lambda r: f"{r['validate']['rss_self']:.0f} / {r['validate']['rss_children']:.0f}"),
             ("peak MB, build (main / workers)",
              lambda r: f"{r['build']['rss_self']:.0f} / {r['build']['rss_children']:.0f}" if r["build"] else ""),
             ("read: openpyxl / our read stage", lambda r: f"{r['reads']['openpyxl'] / r['validate']['timings']['read']:.1f}x"
              if r["reads"] else ""),
             ("runs", lambda r: str(r["validate"]["runs"]))]
    lines = ["| | " + " | ".join(names) + " |", "|---|" + "--:|" * len(names)]
    lines += [f"| {label} | " + " | ".join(value(results[n]) for n in names) + " |" for label, value in rows]
    return lines


def budgets(results: dict, layouts: dict | None, help_time: float) -> list[str]:
    """Markdown rows: budget, measured, holds."""
    rows = ["| budget | measured | holds |", "|---|---|---|"]

    def row(text: str, measured: str, ok: bool | None) -> None:
        rows.append(f"| {text} | {measured} | {'n/a' if ok is None else ('yes' if ok else 'NO')} |")

    sample, medium, large = (results.get(k) for k in ("sample", "medium", "large"))
    if sample:
        v, b = sample["validate"], sample["build"]
        row("validate, sample year, after start-up < 1 s", f"{v['run']:.2f} s", v["run"] < 1)
        if b:
            row("build, sample year, wall < 30 s", f"{b['wall']:.1f} s", b["wall"] < 30)
            other = sum(b["timings"].get(s, 0.0) for s in NOT_LAYOUT)
            row("build, sample year, all but WeasyPrint < 3 s (stage wall times, sharing 2 cores with the PDF workers)",
                f"{other:.2f} s", other < 3)
            if sample.get("alone"):
                alone = sum(sample["alone"]["timings"].get(s, 0.0) for s in NOT_LAYOUT)
                row("build, sample year, all but WeasyPrint < 3 s (one process: the work itself)", f"{alone:.2f} s",
                    alone < 3)
    for name, result in results.items():
        again = result.get("unchanged")
        if again and name in ("sample", "small"):
            ok = again["wall"] < 2 and again["written"] == 0 and again["unchanged"] > 0
            row(f"build again with nothing changed, {result['label']}, wall < 2 s, every output said unchanged",
                f"{again['wall']:.2f} s, {again['written']} written", ok)
    if layouts:
        same = layouts["ours"]["seconds"] / layouts["bare-same"]["seconds"]
        plain = layouts["ours"]["seconds"] / layouts["bare"]["seconds"]
        row("our PDF stage <= 1.1x bare WeasyPrint making the same PDF/A-3b with tags", f"{same:.2f}x", same <= 1.1)
        row("(for reference: against bare WeasyPrint making a plain, untagged PDF)", f"{plain:.2f}x", None)
    if large:
        v, reads = large["validate"], large["reads"]
        read_validate = v["timings"].get("read", 0) + v["timings"].get("validate", 0)
        row("300 x 200: read + validation < 8 s", f"{read_validate:.1f} s", read_validate < 8)
        row("300 x 200: whole validate command (with 300 feedback workbooks) < 8 s", f"{v['run']:.1f} s",
            v["run"] < 8)
        if reads:
            ours = reads["openpyxl"] / v["timings"]["read"]
            row("300 x 200: read >= 8x faster than openpyxl", f"{ours:.1f}x", ours >= 8)
    if medium and medium["build"]:
        b = medium["build"]
        peak = max(b["rss_self"], b["rss_children"])
        row("16 x 200: build < 5 min", f"{b['wall']:.0f} s", b["wall"] < 300)
        row("16 x 200: peak memory < 2 GB (largest process)", f"{peak:.0f} MB", peak < 2048)
    small = results.get("small")
    for command in ("validate", "build"):
        low, high = (small or {}).get(command), (medium or {}).get(command)
        if low and high:
            growth = high["run"] / low["run"]
            row(f"{command}: 20x the activities (small to medium) <= 22x the time", f"{growth:.1f}x", growth <= 22)
    if medium and large:
        growth = large["validate"]["run"] / medium["validate"]["run"]
        row("validate: 18.75x the activities (medium to large) <= 20.6x the time", f"{growth:.1f}x", growth <= 20.6)
    row("`generate.py --help` < 0.3 s", f"{help_time:.2f} s", help_time < 0.3)
    return rows


if __name__ == "__main__":
    sys.exit(main())
