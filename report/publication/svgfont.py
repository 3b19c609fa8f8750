"""A chart carries its typeface: the glyphs its text uses, subset from the TTFs the project ships and embedded
in the SVG as an @font-face data: URI (WOFF). The SVG then looks the same wherever it is opened: in the PDF, in
the HTML page as an <img> (an image cannot use the page's web fonts) and as a file on its own, on a machine
without the font. Text stays text (selectable, searchable, read by assistive technology when inlined); the
subset adds a few kilobytes per chart."""
from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET
from functools import lru_cache

SVG_NS = "{http://www.w3.org/2000/svg}"
# matplotlib (svg.fonttype none) writes a text's font in its style attribute:
# style="font-size: 8px; font-family: 'Titillium Web'; font-weight: 600; text-anchor: end" (weight and style
# only when not normal)
_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]+)")
_WEIGHTS = {"normal": 400, "bold": 700}
_DEFS = "<defs>"


def _face(style: str) -> tuple[str, int, str] | None:
    """(family, weight, style) of a text's style attribute; None without a font family."""
    declared = {name: value.strip() for name, value in _DECLARATION.findall(style)}
    family = declared.get("font-family", "").split(",")[0].strip().strip("'\"")
    if not family:
        return None
    weight = declared.get("font-weight", "normal")
    return family, int(_WEIGHTS.get(weight, weight)), declared.get("font-style", "normal")


def _faces(root: ET.Element) -> dict[tuple[str, int, str], set[str]]:
    """(family, weight, style) -> the characters set in that face."""
    faces: dict[tuple[str, int, str], set[str]] = {}
    for node in root.iter(f"{SVG_NS}text"):
        face = _face(node.get("style", ""))
        if face is not None:
            faces.setdefault(face, set()).update("".join(node.itertext()))
    return faces


@lru_cache(maxsize=512)
def _subset(path: str, text: str) -> str:
    """The glyphs of `text` from the TTF at `path`, as a base64 WOFF (the same text gives the same bytes)."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"  # zlib: three times faster to write than WOFF2 (brotli), 1 KB larger
    options.hinting = False          # browsers and WeasyPrint draw outlines unhinted at these sizes
    options.desubroutinize = True
    # no kerning or ligatures: matplotlib laid the text out without them (the TTFs have no 'kern' table), so the
    # browser draws each label exactly as wide as it was measured; and subsetting is three times faster
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and the licence (SIL OFL)
    buffer = io.BytesIO()
    with subset.load_font(path, options) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        subset.save_font(font, buffer, options)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _face_path(family: str, weight: int, style: str) -> str:
    """The TTF matplotlib measured the text with (the project's own, registered in report/publication/fonts.py)."""
    from matplotlib import font_manager

    props = font_manager.FontProperties(family=[family], weight=weight, style=style)
    return font_manager.findfont(props, fallback_to_default=False)


def font_faces(svg: str) -> str:
    """The @font-face rules for the text of an SVG: one per face used, holding only the characters used."""
    rules = []
    for (family, weight, style), chars in sorted(_faces(ET.fromstring(svg)).items()):
        data = _subset(_face_path(family, weight, style), "".join(sorted(chars)))
        rules.append(f"@font-face {{ font-family: '{family}'; font-weight: {weight}; font-style: {style}; "
                     f"src: url(data:font/woff;base64,{data}) format('woff'); }}")
    return "\n".join(rules)


def embed_fonts(svg: str) -> str:
    """The SVG with its fonts embedded in a <style> at the start of its <defs> (or of the document)."""
    rules = font_faces(svg)
    if not rules:
        return svg
    # inside `@media all`, which browsers apply and WeasyPrint's SVG renderer (70) skips: the PDF sets chart
    # text in the document's own Titillium Web, never loads a data: URI (report/publication/pdf.py forbids them) and never
    # gets a second, partial face of the same family
    style = f'<style type="text/css">\n@media all {{\n{rules}\n}}\n</style>'
    at = svg.find(_DEFS)
    if at >= 0:
        at += len(_DEFS)
        return f"{svg[:at]}\n  {style}{svg[at:]}"
    opening = re.search(r"<svg\b[^>]*>", svg)
    return f"{svg[:opening.end()]}\n<defs>{style}</defs>{svg[opening.end():]}"
