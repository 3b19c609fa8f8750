"""Contact sheets of a built year, for a person to look at the whole report in a minute (`make review`).

Every page of every PDF edition in outputs/YEAR is rendered with pdftoppm and laid out, 24 pages a sheet, into
outputs/review/<edition>-<n>.png; the HTML edition becomes one full-page Chromium screenshot,
outputs/review/html.png. Needs poppler-utils (`make tools`) and, for the screenshot, Chromium.

    .venv/bin/python scripts/review.py --year 2025 [--outputs outputs/2025] [--review outputs/review]
"""
from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

log = logging.getLogger("review")
DPI = 40
COLUMNS, ROWS = 6, 4
GAP = 12
HTML_WIDTH = 1200
HTML_HEIGHT = 16000  # Chromium's largest screenshot; a longer page is cut there


def pages(pdf: Path, folder: Path) -> list[Path]:
    """The pages of a PDF as PNGs at DPI, in order."""
    prefix = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(prefix)], check=True)
    return sorted(folder.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def sheets(images: list[Path], out: Path, name: str) -> list[Path]:
    """Contact sheets of COLUMNS x ROWS pages, each page numbered; returns the files written."""
    written = []
    per = COLUMNS * ROWS
    for start in range(0, len(images), per):
        chunk = [Image.open(p) for p in images[start:start + per]]
        width, height = max(i.width for i in chunk), max(i.height for i in chunk)
        sheet = Image.new("RGB", (COLUMNS * (width + GAP) + GAP, ROWS * (height + GAP + 14) + GAP), "#9aa5ae")
        draw = ImageDraw.Draw(sheet)
        for k, image in enumerate(chunk):
            x = GAP + (k % COLUMNS) * (width + GAP)
            y = GAP + (k // COLUMNS) * (height + GAP + 14)
            sheet.paste(image, (x, y + 14))
            draw.text((x, y), str(start + k + 1), fill="black")
        path = out / f"{name}-{start // per + 1}.png"
        sheet.save(path)
        written.append(path)
    return written


def screenshot(html: Path, out: Path) -> Path | None:
    browser = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)),
                   None)
    if browser is None:
        log.warning("Chromium non trovato: nessuna schermata dell'edizione HTML / Chromium not found: "
                    "no screenshot of the HTML edition")
        return None
    path = out / "html.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={path}", f"--window-size={HTML_WIDTH},{HTML_HEIGHT}", html.resolve().as_uri()],
                   check=True, capture_output=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--outputs", type=Path)
    parser.add_argument("--review", type=Path, default=Path("outputs/review"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    outputs = args.outputs or Path("outputs") / str(args.year)
    pdfs = sorted(outputs.glob(f"report_{args.year}*.pdf"))
    if not pdfs:
        log.error("nessun PDF in %s: eseguire prima `make report` / no PDF in %s: run `make report` first",
                  outputs, outputs)
        return 2
    args.review.mkdir(parents=True, exist_ok=True)
    for old in args.review.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            folder = Path(tmp) / pdf.stem
            folder.mkdir()
            for path in sheets(pages(pdf, folder), args.review, pdf.stem):
                log.info("%s", path)
    html = outputs / f"report_{args.year}.html"
    if html.is_file() and (shot := screenshot(html, args.review)):
        log.info("%s", shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
