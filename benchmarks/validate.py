"""Time reading and validating a year: the sample inputs, a cold CLI run, and 16 generated workbooks x 200 rows.

Run: `.venv/bin/python benchmarks/validate.py [--runs 5]`. Prints seconds; the budget is under 2 s for the
16 sample-sized workbooks.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import inputs  # noqa: E402  (the benchmarks' one generator)
from report import api  # noqa: E402
from report.config import load_config  # noqa: E402

YEAR = 2025
BUDGET_SECONDS = 2.0


def generate(folder: Path, files: int = 16, rows: int = 200) -> None:
    """`files` department workbooks of `rows` activities each, about one in twenty with a flaw."""
    inputs.generate(folder, YEAR, list(load_config().codes)[:files], rows, flaws=True)


def timed_runs(inputs: Path, runs: int) -> tuple[float, int]:
    """Median seconds of validate_year (read, check, validation CSV and feedback workbooks into an empty
    folder), after one warm-up; and the rows read."""
    times = []
    with tempfile.TemporaryDirectory() as out:
        for i in range(runs + 1):
            start = time.perf_counter()
            data = api.validate_year(api.Settings(YEAR, inputs=inputs, outputs=Path(out) / str(i))).data
            if i:
                times.append(time.perf_counter() - start)
    return statistics.median(times), data.ledger.total.read


def cold_cli(inputs: Path) -> float:
    """Seconds of a fresh `python generate.py validate` process (imports included)."""
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "generate.py"), "validate", "--year", str(YEAR), "--inputs",
                        str(inputs), "--outputs", out, "--no-color"], check=False, capture_output=True, cwd=ROOT)
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    sample = ROOT / "inputs" / str(YEAR)
    if sample.is_dir() and any(sample.iterdir()):
        median, read = timed_runs(sample, args.runs)
        print(f"inputs/{YEAR}: validate_year, median of {args.runs}: {median:.3f} s ({read} rows)")
        print(f"inputs/{YEAR}: cold `generate.py validate` (new process): {cold_cli(sample):.3f} s")
    else:
        print(f"inputs/{YEAR}: not there (make samples)")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        generate(Path(tmp))
        print(f"generated 16 workbooks x 200 activities in {time.perf_counter() - start:.1f} s")
        median, read = timed_runs(Path(tmp), args.runs)
        verdict = "within" if median < BUDGET_SECONDS else "OVER"
        print(f"16 x 200: validate_year, median of {args.runs}: {median:.3f} s ({read} rows; "
              f"{verdict} the {BUDGET_SECONDS:.0f} s budget)")
        print(f"16 x 200: cold `generate.py validate` (new process): {cold_cli(Path(tmp)):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
