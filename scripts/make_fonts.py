"""Build templates/fonts/*.ttf from the @fontsource/titillium-web npm package.

Fontsource ships every weight split into a `latin` and a `latin-ext` subset
(WOFF/WOFF2). Declared as two @font-face rules with one family name,
WeasyPrint 70 draws glyphs from the wrong subset ("Łódź" printed as "ŀódu",
"Mobilità" as "Mobiliśà"), so each weight/style is merged here into a single
TrueType file with fontTools.merge. See templates/fonts/README.md.

Usage (run from the repository root; needs network access to the npm registry):

    mkdir -p /tmp/fontsource && (cd /tmp/fontsource && npm pack @fontsource/titillium-web@5.3.0 \
      && tar xzf fontsource-titillium-web-5.3.0.tgz)
    .venv/bin/python scripts/make_fonts.py /tmp/fontsource/package

The argument is the unpacked package folder (the one holding package.json and
files/). Needs fontTools and brotli (for WOFF2).
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from fontTools.merge import Merger, Options
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "templates" / "fonts"
FAMILY = "Titillium Web"
SUBSETS = ("latin", "latin-ext")

# (output file, CSS font-weight, CSS font-style)
FACES = (
    ("TitilliumWeb-Light.ttf", 300, "normal"),
    ("TitilliumWeb-Regular.ttf", 400, "normal"),
    ("TitilliumWeb-SemiBold.ttf", 600, "normal"),
    ("TitilliumWeb-Bold.ttf", 700, "normal"),
    ("TitilliumWeb-Italic.ttf", 400, "italic"),
)


def subset_file(package: Path, subset: str, weight: int, style: str) -> Path:
    """The WOFF2 file of one subset, weight and style in the unpacked package."""
    path = package / "files" / f"titillium-web-{subset}-{weight}-{style}.woff2"
    if not path.is_file():
        raise SystemExit(f"Error: {path} not found; pass the unpacked @fontsource/titillium-web folder.")
    return path


def merge_face(package: Path, weight: int, style: str, target: Path) -> None:
    """Merge the latin and latin-ext subsets of one face into one TTF."""
    with tempfile.TemporaryDirectory() as tmp:
        ttfs = []
        for subset in SUBSETS:
            font = TTFont(subset_file(package, subset, weight, style))
            font.flavor = None  # WOFF2 -> plain sfnt
            font.recalcTimestamp = False
            ttf = Path(tmp) / f"{subset}.ttf"
            font.save(ttf)
            ttfs.append(ttf)
        merged = Merger(options=Options(drop_tables=["DSIG"])).merge([str(p) for p in ttfs])
        # Reproducible output: keep the source's timestamps instead of "now".
        source_head = TTFont(subset_file(package, SUBSETS[0], weight, style))["head"]
        merged["head"].created = source_head.created
        merged["head"].modified = source_head.modified
        set_typographic_names(merged)
        merged.recalcTimestamp = False
        merged.save(target)


def set_typographic_names(font: TTFont) -> None:
    """Give Light and SemiBold the family "Titillium Web" for matplotlib.

    Their legacy family name (name ID 1) is "Titillium Web Light"/"... SemiBold"
    and matplotlib (FreeType) reads it as a separate family unless the
    typographic family and subfamily (IDs 16 and 17) are present.
    """
    name = font["name"]
    family = name.getDebugName(1)
    if family == FAMILY:
        return
    subfamily = family.removeprefix(FAMILY).strip()
    for platform in ((3, 1, 0x409), (1, 0, 0)):
        if name.getName(1, *platform) is not None:
            name.setName(FAMILY, 16, *platform)
            name.setName(subfamily, 17, *platform)


def check_face(target: Path, package: Path, weight: int, style: str) -> None:
    """Every code point of both subsets must be in the merged cmap."""
    cmap = TTFont(target).getBestCmap()
    wanted: set[int] = set()
    for subset in SUBSETS:
        wanted |= set(TTFont(subset_file(package, subset, weight, style)).getBestCmap())
    missing = wanted - set(cmap)
    if missing:
        raise SystemExit(f"Error: {target.name} lacks {len(missing)} code points, e.g. U+{min(missing):04X}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="unpacked @fontsource/titillium-web folder (holds package.json)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=f"output folder (default {OUT_DIR})")
    args = parser.parse_args(argv)

    manifest = args.package / "package.json"
    if not manifest.is_file():
        raise SystemExit(f"Error: {manifest} not found; pass the unpacked @fontsource/titillium-web folder.")
    meta = json.loads(manifest.read_text(encoding="utf-8"))
    if meta.get("name") != "@fontsource/titillium-web":
        raise SystemExit(f"Error: {args.package} holds {meta.get('name')!r}, not @fontsource/titillium-web.")
    args.out.mkdir(parents=True, exist_ok=True)
    for filename, weight, style in FACES:
        target = args.out / filename
        merge_face(args.package, weight, style, target)
        check_face(target, args.package, weight, style)
        print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
              f"{len(TTFont(target).getBestCmap())} code points, {target.stat().st_size} bytes")
    shutil.copyfile(args.package / "LICENSE", args.out / "OFL.txt")
    print(f"source: {meta['name']} {meta['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
