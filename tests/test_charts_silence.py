"""A build is silent on a machine with no system fonts, with a fresh or an old matplotlib cache: the charts use only
the typeface the project ships (issue 9, "Silence on a fresh machine")."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import YEAR, row, write_activities

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """A small year of two departments, enough for every chart (areas, budgets, SDGs, countries)."""
    folder = tmp_path_factory.mktemp("inputs") / str(YEAR)
    folder.mkdir()
    write_activities(folder / "REL_INT.csv", [row(), row(ref="A-2", title_it="Gemellaggio", countries="FR")])
    write_activities(folder / "AMBIENTE.csv", [row(ref="B-1", countries="Kenya")])
    return folder


def build(inputs: Path, outputs: Path, config_dir: Path) -> subprocess.CompletedProcess:
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}, "MPLCONFIGDIR": str(config_dir)}
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), "build", "--year", str(YEAR), "--inputs",
                           str(inputs), "--outputs", str(outputs), "--lang", "en", "--no-color"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)


def no_system_fonts(cache: Path) -> None:
    """Make a matplotlib font cache say what a machine without system fonts has: matplotlib's own fonts only,
    and (as an old cache does) a font since removed. matplotlib trusts a cache of its own version."""
    import matplotlib

    own = str(Path(matplotlib.get_data_path()).resolve())
    data = json.loads(cache.read_text(encoding="utf-8"))
    fonts = [f for f in data["ttflist"]  # matplotlib writes its own fonts' paths relative to its data folder
             if not Path(f["fname"]).is_absolute() or str(Path(f["fname"]).resolve()).startswith(own)]
    assert fonts, "matplotlib's own fonts are in its cache"
    gone = {**fonts[0], "fname": "/usr/share/fonts/truetype/removed/Arial.ttf", "name": "Arial"}
    data["ttflist"] = [*fonts, gone]
    data["afmlist"] = []
    cache.write_text(json.dumps(data), encoding="utf-8")


def assert_silent(run: subprocess.CompletedProcess) -> None:
    assert run.returncode in (0, 1), run.stderr[-2000:]
    assert "findfont" not in run.stdout + run.stderr, run.stderr[:2000]
    assert "Warning" not in run.stderr and "WARNING" not in run.stderr, run.stderr[:2000]  # stdout: the findings


def test_a_build_is_silent_with_a_fresh_and_with_an_old_font_cache(inputs, tmp_path):
    config_dir = tmp_path / "mpl"
    first = build(inputs, tmp_path / "first", config_dir)   # a fresh MPLCONFIGDIR: matplotlib builds its cache
    assert_silent(first)
    assert list((tmp_path / "first" / "charts").glob("*.svg"))
    caches = list(config_dir.glob("fontlist-*.json"))
    assert len(caches) == 1, caches
    no_system_fonts(caches[0])
    again = build(inputs, tmp_path / "again", config_dir)   # the old cache, no system font
    assert_silent(again)
    assert list((tmp_path / "again" / "charts").glob("*.svg"))
