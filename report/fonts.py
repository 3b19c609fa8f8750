"""The report's typeface, Titillium Web: where its TTF files are and how matplotlib gets them."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from report.assets import templates_dir

FAMILY = "Titillium Web"


def fonts_dir() -> Path:
    """The folder of the TTF files (templates/fonts), in a checkout or installed."""
    return templates_dir() / "fonts"


@cache
def register_matplotlib_fonts() -> str:
    """Add the Titillium Web TTFs to matplotlib's font manager (once) and return the family name."""
    from matplotlib import font_manager

    paths = sorted(fonts_dir().glob("TitilliumWeb-*.ttf"))
    if not paths:
        raise FileNotFoundError(f"no TitilliumWeb-*.ttf in {fonts_dir()}")
    for path in paths:
        font_manager.fontManager.addfont(str(path))
    return FAMILY
