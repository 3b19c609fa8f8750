"""Rules the test suite keeps: no test times anything (speed belongs to `make bench`), every skip says why."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
# This file names the clocks; costs.py measures what each test costs for the tiers (make costs) and bounds nothing.
MEASURERS = {Path(__file__).name, "costs.py"}
CLOCKS = re.compile(r"\b(perf_counter|monotonic|process_time|time\.time|timeit)\b|\belapsed\b")


def test_no_test_reads_a_clock():
    """A wall-clock limit fails on a loaded machine (5.90 s against 5 s on two busy cores): a test bounds memory
    or a count of operations instead."""
    found = [f"{path.name}:{n}: {line.strip()}" for path in sorted(TESTS.glob("*.py"))
             if path.name not in MEASURERS for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if CLOCKS.search(line)]
    assert found == []


def test_every_skip_gives_its_reason():
    calls = [f"{path.name}:{n}" for path in sorted(TESTS.glob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\b(skipif|importorskip)\(", line) and "reason=" not in line
             and "reason=" not in path.read_text(encoding="utf-8").splitlines()[n]]
    assert calls == []


def test_a_skipped_test_prints_why(tmp_path):
    """The project's pytest options report each skip with its reason, also in quiet mode."""
    (tmp_path / "test_x.py").write_text(
        "import pytest\n\n@pytest.mark.skipif(True, reason='the widget tool is not installed')\n"
        "def test_x():\n    pass\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir",
                           str(tmp_path), "-p", "no:cacheprovider", "-p", "no:randomly", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SKIPPED [1] test_x.py:3: the widget tool is not installed" in done.stdout, done.stdout


def test_a_group_of_tests_runs_in_one_worker(tmp_path):
    """`make test` runs `--dist loadgroup` so that one worker lays out a session's PDFs for every test of its group
    (xdist_group); with pytest 9.2, pytest-xdist 3.8 stopped grouping without a word (its issue #1386) and both
    workers laid out the same editions."""
    (tmp_path / "test_x.py").write_text(
        "import os\nimport pytest\n\npytestmark = pytest.mark.xdist_group('one')\n\n"
        "@pytest.mark.parametrize('i', range(8))\ndef test_x(i):\n    print('WORKER', os.getpid())\n",
        encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "--rootdir", str(tmp_path), "-p", "no:cacheprovider",
                           "-p", "xdist.plugin", "-n", "2", "--dist", "loadgroup", "-rA", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"})   # xdist alone: quicker
    assert done.returncode == 0, done.stdout + done.stderr
    workers = set(re.findall(r"WORKER (\d+)", done.stdout))
    assert len(workers) == 1, done.stdout
