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
    """The Jinja templates and their CSS and fonts: `templates/` of a checkout, or the installed copy."""
    checkout = PACKAGE_DIR.parent / "templates"
    if checkout.is_dir():
        return checkout
    import importlib.resources

    return Path(str(importlib.resources.files("report.templates")))
