"""Seconds of each stage of the report (read, validate, aggregate, charts, HTML, PDF per edition) and peak memory,
for the sample year (inputs/2025, when present) and for 16 departments x 200 generated activities.

    .venv/bin/python benchmarks/report.py [--year 2025] [--departments 16] [--activities 200] [--workers 2]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import inputs  # noqa: E402  (the benchmarks' one generator)

from report import api  # noqa: E402
from report.config import load_config  # noqa: E402


def generate(folder: Path, year: int, departments: list[str], per_department: int, seed: int = 1) -> None:
    """One CSV per department, headers = column keys, plausible varied activities (some long texts)."""
    inputs.generate(folder, year, departments, per_department, suffix=".csv", seed=seed)


def measure(label: str, inputs: Path, year: int, outputs: Path, workers: int) -> None:
    start = time.perf_counter()
    data = api.build_year(api.Settings(year, inputs=inputs, outputs=outputs, workers=workers)).data
    total = time.perf_counter() - start
    pages = {}
    for pdf in sorted(outputs.glob("report_*.pdf")):
        import pikepdf

        with pikepdf.open(pdf) as doc:
            pages[pdf.name] = len(doc.pages)
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\n{label}: {len(data.accepted)} accepted activities, {len(data.submissions)} files")
    for stage in ("read", "validate", "data", "feedback", "aggregate", "charts", "html", "pdf", "pdf_both", "pdf_it", "pdf_en"):
        if stage in data.timings:
            note = " (wall time, editions in parallel)" if stage == "pdf" and workers > 1 else ""
            print(f"  {stage:<10} {data.timings[stage]:8.2f} s{note}")
    print(f"  {'total':<10} {total:8.2f} s")
    print("  pages      " + ", ".join(f"{name}: {n}" for name, n in pages.items()))
    print(f"  peak memory: {peak_self:.0f} MB (this process), {peak_children:.0f} MB (largest PDF worker)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--departments", type=int, default=16)
    parser.add_argument("--activities", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-sample", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sample = ROOT / "inputs" / str(args.year)
        if sample.is_dir() and not args.skip_sample:
            (tmp / "sample").mkdir()
            measure(f"sample year {args.year}", sample, args.year, tmp / "sample", args.workers)
        codes = list(load_config().codes)[: args.departments]
        generated = tmp / "inputs" / str(args.year)
        generate(generated, args.year, codes, args.activities)
        (tmp / "big").mkdir()
        measure(f"{len(codes)} departments x {args.activities} activities", generated, args.year, tmp / "big",
                args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
