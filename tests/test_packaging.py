"""The wheel carries every run-time asset, and the asset lookup finds them where an installed package keeps them."""
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from report import assets

ROOT = Path(__file__).resolve().parent.parent
NEEDED = ("report/templates/report.html", "report/templates/report.css", "report/templates/fonts.css",
          "report/templates/fonts/TitilliumWeb-Regular.ttf", "report/templates/fonts/OFL.txt",
          "report/assets/config.toml", "report/assets/foreword_it.md", "report/assets/foreword_en.md",
          "report/data/m49.csv", "report/data/countries-110m.json", "report/workbooks/template.py",
          "report/templates/department.html", "report/templates/chapter.html", "portal/templates/404.html",
          "portal/templates/portal/base.html", "portal/locale/en/LC_MESSAGES/django.mo",
          "portal/static/vendor/bootstrap-italia/css/bootstrap-italia.min.css", "portal/static/portal/upload.js",
          "portal/migrations/0001_initial.py")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT), "-w", str(out)],
                          capture_output=True, text=True, timeout=300)
    if done.returncode:
        pytest.skip(f"cannot build a wheel here: {done.stderr.strip().splitlines()[-1:]}")
    return zipfile.ZipFile(next(out.glob("*.whl")))


def test_wheel_carries_every_runtime_asset(wheel):
    names = set(wheel.namelist())
    assert [n for n in NEEDED if n not in names] == []
    assert any(n.endswith("entry_points.txt") and b"city-report" in wheel.read(n) for n in names)


def test_templates_found_installed_or_in_a_checkout(tmp_path, monkeypatch):
    assert assets.templates_dir() == ROOT / "templates"  # this checkout
    (tmp_path / "report" / "templates").mkdir(parents=True)
    monkeypatch.setattr(assets, "PACKAGE_DIR", tmp_path / "report")
    assert assets.templates_dir() == tmp_path / "report" / "templates"  # an installed package
