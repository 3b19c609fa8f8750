"""Seconds of each stage of the report (read, validate, aggregate, charts, HTML, PDF per edition) and peak memory,
for the sample year (inputs/2025, when present) and for 16 departments x 200 generated activities.

    .venv/bin/python benchmarks/report.py [--year 2025] [--departments 16] [--activities 200] [--workers 2]
"""
from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from report.config import load_config  # noqa: E402
from report.editions import build_report  # noqa: E402
from report.outputs import write_activities_csv  # noqa: E402
from report.pipeline import load_year  # noqa: E402
from report.schema import COLUMNS, VOCABULARIES  # noqa: E402

COUNTRIES = ["FR", "ES", "DE", "PL", "PT", "BR", "AR", "SN", "KE", "MA", "TN", "LB", "US", "CA", "CN", "JP",
             "IN", "AU", "GB", "NL", "BE", "AT", "RO", "AL", "CO", "MX", "ZA", "ET", "VN", "TR"]
PROGRAMMES = ["Horizon Europe", "URBACT", "Eurocities", "ESF+", "ERDF", "Interreg Europe", "LIFE", "Erasmus+"]
WORDS_IT = "la città ha lavorato con i partner europei per migliorare servizi spazi verdi e scuole nei quartieri".split()
WORDS_EN = "the city worked with european partners to improve services green spaces and schools in districts".split()


def _text(rng: random.Random, words: list[str], length: int) -> str:
    out = []
    while sum(len(w) + 1 for w in out) < length:
        out.append(rng.choice(words))
    return " ".join(out).capitalize() + "."


def generate(folder: Path, year: int, departments: list[str], per_department: int, seed: int = 1) -> None:
    """One CSV per department, headers = column keys, plausible varied activities (some long texts)."""
    rng = random.Random(seed)
    keys = [c.key for c in COLUMNS]
    folder.mkdir(parents=True, exist_ok=True)
    for code in departments:
        with (folder / f"{code}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(keys)
            for i in range(per_department):
                budget = rng.choice([None, rng.randrange(5_000, 2_000_000, 500)])
                city = None if budget is None else round(budget * rng.random() * 0.4)
                length = rng.choice([150, 300, 600, 1200, 2400])
                values = {
                    "ref": f"{code}-{i + 1}", "title_it": f"{_text(rng, WORDS_IT, 40)[:-1]} {code} {i + 1}",
                    "title_en": f"{_text(rng, WORDS_EN, 40)[:-1]} {code} {i + 1}",
                    "description_it": _text(rng, WORDS_IT, length), "description_en": _text(rng, WORDS_EN, length),
                    "type": rng.choice(VOCABULARIES["type"].codes), "theme": rng.choice(VOCABULARIES["theme"].codes),
                    "countries": ";".join(rng.sample(COUNTRIES, rng.randint(1, 4))),
                    "partners": ";".join(f"Città partner {rng.randint(1, 400)}" for _ in range(rng.randint(0, 4))),
                    "programme": rng.choice(PROGRAMMES), "role": rng.choice(VOCABULARIES["role"].codes),
                    "start_date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}",
                    "end_date": rng.choice(["", f"31/12/{year + 1}"]),
                    "budget_eur": budget, "city_funding_eur": city,
                    "external_funding_eur": None if budget is None else budget - city,
                    "funding_source": rng.choice(VOCABULARIES["funding_source"].codes),
                    "sdgs": ";".join(str(n) for n in rng.sample(range(1, 18), rng.randint(0, 3))),
                    "participants": rng.randint(0, 500), "url": f"https://www.example.org/{code.lower()}/{i + 1}",
                }
                writer.writerow(["" if values.get(k) is None else values[k] for k in keys])


def measure(label: str, inputs: Path, year: int, outputs: Path, workers: int) -> None:
    config = load_config()
    start = time.perf_counter()
    data = load_year(inputs, year, config)
    write_activities_csv(data.frame(), outputs / f"activities_{year}.csv")
    build_report(data, outputs, "both", inputs_root=inputs.parent, workers=workers)
    total = time.perf_counter() - start
    pages = {}
    for pdf in sorted(outputs.glob("report_*.pdf")):
        import pikepdf

        with pikepdf.open(pdf) as doc:
            pages[pdf.name] = len(doc.pages)
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\n{label}: {len(data.accepted)} accepted activities, {len(data.submissions)} files")
    for stage in ("read", "validate", "aggregate", "charts", "html", "pdf", "pdf_both", "pdf_it", "pdf_en"):
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
