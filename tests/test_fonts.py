"""The report's typeface: merged Titillium Web TTFs and their registration in matplotlib."""
from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from report.publication import fonts

FACES = ["TitilliumWeb-Regular.ttf", "TitilliumWeb-SemiBold.ttf", "TitilliumWeb-Bold.ttf", "TitilliumWeb-Italic.ttf"]
NEEDED = "àèéìòùÀÈÉ€łśŒ"


@pytest.mark.parametrize("name", FACES)
def test_face_has_latin_and_latin_ext_glyphs(name):
    path = fonts.fonts_dir() / name
    assert path.is_file()
    with TTFont(path, lazy=True) as font:
        cmap = font.getBestCmap()
    assert [ch for ch in NEEDED if ord(ch) not in cmap] == []


def test_css_and_licence_ship_with_the_fonts():
    css = (fonts.fonts_dir().parent / "fonts.css").read_text(encoding="utf-8")
    for name in FACES:
        assert f'url("fonts/{name}")' in css
    assert "SIL OPEN FONT LICENSE" in (fonts.fonts_dir() / "OFL.txt").read_text(encoding="utf-8")


def test_register_matplotlib_fonts():
    from matplotlib import font_manager

    assert fonts.register_matplotlib_fonts() == "Titillium Web"
    assert fonts.register_matplotlib_fonts() == "Titillium Web"
    found = font_manager.findfont(font_manager.FontProperties(family="Titillium Web", weight=600),
                                  fallback_to_default=False)
    assert found.endswith("TitilliumWeb-SemiBold.ttf")
