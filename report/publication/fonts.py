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


# before matplotlib is imported (report.publication.charts imports this module first): its font manager builds the cache
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


# The fallback typeface for what Titillium Web lacks (symbols, arrows, mathematical letters, emoji drawn as
# black-and-white text): Symbola, shipped in templates/fonts (see its README).
FALLBACK = "Symbola"


def project_font_config():
    """A WeasyPrint FontConfiguration that knows only the @font-face fonts of the stylesheets (the project's
    TTFs), never the system's: a character missing from Titillium Web comes from Symbola or shows as a box,
    and is reported by `missing_characters`, instead of WeasyPrint embedding a system font such as DejaVu."""
    from weasyprint.text.ffi import ffi, fontconfig, gobject, pangoft2
    from weasyprint.text.fonts import FontConfiguration

    if not hasattr(fontconfig, "FcConfigCreate"):
        ffi.cdef("FcConfig * FcConfigCreate (void);")

    class ProjectFonts(FontConfiguration):
        def __init__(self):  # FontConfiguration.__init__ with an empty configuration instead of the system's
            self._config = fontconfig.FcConfigCreate()
            self.font_map = ffi.gc(pangoft2.pango_ft2_font_map_new(), gobject.g_object_unref)
            pangoft2.pango_fc_font_map_set_config(ffi.cast("PangoFcFontMap *", self.font_map), self._config)
            fontconfig.FcConfigDestroy(self._config)
            self._folder = None
            self.strut_layouts = {}
            self.font_features = {}

    return ProjectFonts()


@cache
def covered() -> frozenset[int]:
    """The code points some font of templates/fonts can draw."""
    from fontTools.ttLib import TTFont

    points: set[int] = set()
    for path in sorted(fonts_dir().glob("*.ttf")):
        points.update(TTFont(path, lazy=True).getBestCmap())
    return frozenset(points)


def missing_characters(text: str) -> list[str]:
    """The characters of `text` no font of the project can draw (controls and spaces aside), in order, once each."""
    have = covered()
    out: dict[str, None] = {}
    for char in text:
        if ord(char) not in have and not char.isspace() and char.isprintable() and ord(char) not in VARIATION:
            out[char] = None
    return list(out)


# Variation selectors and the zero-width joiner: they shape emoji sequences, draw nothing themselves.
VARIATION = frozenset([*range(0xFE00, 0xFE10), 0x200D, *range(0xE0100, 0xE01F0)])
