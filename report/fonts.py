"""The report's typeface, Titillium Web: where its TTF files are and how matplotlib gets them."""
from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from report.assets import templates_dir

FAMILY = "Titillium Web"


class _FontCacheNotice(logging.Filter):
    """matplotlib says 'building the font cache' as a warning when its scan of the system fonts (which the
    charts never use) takes over 5 seconds, e.g. on a first run on a busy machine: a build prints no warning
    that asks nothing of the user, so the notice is logged at debug level instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and "building the font cache" in record.getMessage():
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)
        return True


# before matplotlib is imported (report.charts imports this module first): its font manager builds the cache
# when it is imported
logging.getLogger("matplotlib.font_manager").addFilter(_FontCacheNotice())


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
