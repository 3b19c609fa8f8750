"""Where the run-time assets are: package data (config, M49 table) and the Jinja templates, installed or not."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def asset_path(name: str) -> Path:
    """A file of report/assets."""
    return PACKAGE_DIR / "assets" / name


def data_path(name: str) -> Path:
    """A file of report/data (reference tables shipped with the package)."""
    return PACKAGE_DIR / "data" / name


def templates_dir() -> Path:
    """The Jinja templates and their CSS and fonts: the installed copy (report/templates, see pyproject's
    package-dir), or `templates/` beside the package in a checkout and an editable install."""
    installed = PACKAGE_DIR / "templates"
    return installed if installed.is_dir() else PACKAGE_DIR.parent / "templates"
