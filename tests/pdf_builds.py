"""Whole builds for the publication tests (validators, glyph frame, cover, missing values), made once per test
session: the sample year (inputs/2025) and a generated year whose departments type long names and leave
budgets empty. Each build runs the real command line into a temporary folder."""
from __future__ import annotations

import functools
import random
from pathlib import Path

from report.cli.parser import main
from report.schema import VOCABULARIES

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2025
GENERATED_YEAR = 2027
EDITIONS = {"both": "report_{year}.pdf", "it": "report_{year}_it.pdf", "en": "report_{year}_en.pdf"}

# What departments type in long cells: compound names without spaces, long partner lists, long programmes.
LONG_WORDS = ["Internazionalizzazione", "Rigenerazione", "Partecipazione", "Interistituzionale",
              "Metropolitana", "Sostenibilità", "Amministrazione", "Decarbonizzazione"]


def _long_name(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(LONG_WORDS) for _ in range(words))


def generated_year(folder: Path, year: int = GENERATED_YEAR, seed: int = 7, long_names: bool = True) -> Path:
    """A year of four departments (CSV files) with long titles, partners and programmes (or the generator's own
    when not `long_names`), some budgets missing."""
    from benchmarks.inputs import activities, write_csv

    rng = random.Random(seed)
    folder = folder / str(year)
    folder.mkdir(parents=True)
    for code in ("REL_INT", "AMBIENTE", "CULTURA", "LAVORO"):
        rows = activities(rng, code, year, 6)
        for i, r in enumerate(rows):
            if long_names:
                r["title_it"] = f"{_long_name(rng, 9)} {code} {i + 1}"
                r["partners"] = ";".join(f"Associazione {_long_name(rng, 3)} di Sviluppo" for _ in range(4))
                r["programme"] = "Programma " + _long_name(rng, 6)
            r["type"] = VOCABULARIES["type"].codes[i % len(VOCABULARIES["type"].codes)]
            if i % 3 == 0:
                r["budget_eur"] = r["city_funding_eur"] = r["external_funding_eur"] = None
        write_csv(folder / f"{code}_{year}.csv", rows)
    return folder


def build(inputs: Path, outputs: Path, year: int) -> dict[str, Path]:
    """Run `build` on a folder of inputs; the three PDF editions by edition."""
    code = main(["build", "--year", str(year), "--inputs", str(inputs), "--outputs", str(outputs)])
    assert code == 0, f"build of {inputs} exited {code}"
    return {edition: outputs / name.format(year=year) for edition, name in EDITIONS.items()}


# ---- the printed pages measured (pdfplumber: every glyph's and every drawing's box, with its marked-content tag) ----

MM = 72 / 25.4
FRAME_TOP, FRAME_BOTTOM = 22 * MM, 20 * MM  # templates/report.css, @page margins


def page_fills(path: Path) -> dict[int, float]:
    """How far down each page's content reaches (its lowest glyph, rule, chart or image that is not page furniture),
    as a share of the text frame's height: {page number: 0.0 to 1.0}."""
    return _measured(Path(path))[0]


def chart_text_sizes(path: Path) -> dict[int, set[float]]:
    """The printed size in points of every glyph inside a figure (a chart), by page: {page: {size, ...}}. A glyph
    turned a quarter (an axis title) is measured across its baseline."""
    return _measured(Path(path))[1]


@functools.lru_cache(maxsize=None)
def _measured(path: Path) -> tuple[dict[int, float], dict[int, set[float]]]:
    """page_fills and chart_text_sizes of one PDF, from one reading of it: pdfplumber takes seconds a page, and the
    session's PDFs never change."""
    import pdfplumber

    fills: dict[int, float] = {}
    sizes: dict[int, set[float]] = {}
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            bottom = page.height - FRAME_BOTTOM
            lowest = [o["bottom"] for o in page.chars + page.rects + page.curves + page.lines + page.images
                      if o.get("tag") != "Artifact" and o["bottom"] <= bottom + 1]
            fills[number] = max(0.0, (max(lowest, default=FRAME_TOP) - FRAME_TOP) / (bottom - FRAME_TOP))
            for char in page.chars:
                if char.get("tag") == "Figure" and char["text"].strip():
                    size = char["size"] if char["upright"] else char["x1"] - char["x0"]
                    sizes.setdefault(number, set()).add(round(size, 2))
            page.close()   # drop the page's parsed objects (tens of thousands of glyphs in a long edition)
    return fills, sizes
