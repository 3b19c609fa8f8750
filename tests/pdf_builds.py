"""Whole builds for the publication tests (validators, glyph frame, cover, missing values), made once per test
session: the sample year (inputs/2025) and a generated year of twelve departments, four of which type long names,
some budgets left empty. Each build runs the real command line into a temporary folder."""
from __future__ import annotations

import ctypes
import functools
import math
import random
import re
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


DEPARTMENTS = ("REL_INT", "AMBIENTE", "CULTURA", "LAVORO")
# The session's generated year: seed 7's rows with long names for DEPARTMENTS, and the generator's ordinary names
# from two other seeds for eight other departments, so that the page breaks fall in other places too. One year
# of twelve departments built once, not one build a seed: a build's fixed part (the cover, contents, charts,
# sixteen chapters and annexes) is most of a small year's time.
SEEDS = ((7, True, DEPARTMENTS), (11, False, ("COOP_PACE", "COMUNICAZIONE", "SIST_INFO", "PARI_OPP")),
         (23, False, ("EDUCATIVI", "GIOVENTU", "SPORT", "POLIZIA")))


def generated_year(folder: Path, year: int = GENERATED_YEAR, seed: int = 7, long_names: bool = True,
                   departments: tuple[str, ...] = DEPARTMENTS) -> Path:
    """A year of four departments (CSV files) with long titles, partners and programmes (or the generator's own
    when not `long_names`), some budgets missing; other departments' files may be added to it by another call."""
    from benchmarks.inputs import activities, write_csv

    rng = random.Random(seed)
    folder = folder / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    for code in departments:
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


def session_year(folder: Path, year: int = GENERATED_YEAR) -> Path:
    """The session's generated year (SEEDS) in folder/YEAR."""
    for seed, long_names, departments in SEEDS:
        inputs = generated_year(folder, year, seed=seed, long_names=long_names, departments=departments)
    return inputs


def build(inputs: Path, outputs: Path, year: int) -> dict[str, Path]:
    """Run `build` on a folder of inputs; the three PDF editions by edition."""
    code = main(["build", "--year", str(year), "--inputs", str(inputs), "--outputs", str(outputs)])
    assert code == 0, f"build of {inputs} exited {code}"
    return {edition: outputs / name.format(year=year) for edition, name in EDITIONS.items()}


# ---- the printed pages measured (PDFium: every page object's box and size, with its marked-content tags) ----
# PDFium (pypdfium2) reads a 50-page edition in under half a second; pdfplumber (pdfminer, pure Python) took 10 to
# 17 s for the same glyphs, boxes and tags, and gave the same fills and sizes.

MM = 72 / 25.4
FRAME_TOP, FRAME_BOTTOM = 22 * MM, 20 * MM  # templates/report.css, @page margins
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def page_fills(path: Path) -> dict[int, float]:
    """How far down each page's content reaches (its lowest glyph, rule, chart or image that is not page furniture),
    as a share of the text frame's height: {page number: 0.0 to 1.0}."""
    return _measured(Path(path))[0]


def chart_text_sizes(path: Path) -> dict[int, set[float]]:
    """The printed size in points of every glyph inside a figure (a chart), by page: {page: {size, ...}}. A glyph
    turned a quarter (an axis title) is measured across its baseline."""
    return _measured(Path(path))[1]


def margin_text(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """(page, marked-content tags) of every text object wholly in the top or bottom margin of the pages after the
    cover (a large heading's glyphs at the top of the frame may reach into the margin); an artifact's tags name
    the keys of its properties: "Artifact", "Artifact/Subtype,Type"."""
    return _measured(Path(path))[2]


@functools.lru_cache(maxsize=None)
def _measured(path: Path) -> tuple[dict[int, float], dict[int, set[float]], list[tuple[int, tuple[str, ...]]]]:
    """page_fills, chart_text_sizes and margin_text of one PDF, from one reading of it (the session's PDFs never
    change)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    fills: dict[int, float] = {}
    sizes: dict[int, set[float]] = {}
    margins: list[tuple[int, tuple[str, ...]]] = []
    pdf = pdfium.PdfDocument(path)
    try:
        for number, page in enumerate(pdf, start=1):
            height = page.get_height()
            bottom = height - FRAME_BOTTOM
            lowest = []
            for obj, form, tags in _objects(raw, page.raw, False, IDENTITY, ()):
                box = [ctypes.c_float() for _ in range(4)]   # left, bottom, right, top in the form's space
                raw.FPDFPageObj_GetBounds(obj, *box)
                ys = [_apply(form, x.value, y.value)[1] for x in box[::2] for y in box[1::2]]
                low, high = height - min(ys), height - max(ys)   # from the top of the page
                if "Artifact" not in tags and low <= bottom + 1:
                    lowest.append(low)
                if (number > 1 and raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_TEXT
                        and (low < FRAME_TOP or high > bottom)):
                    margins.append((number, tags))
                if "Figure" in tags and raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_TEXT:
                    size = ctypes.c_float()
                    raw.FPDFTextObj_GetFontSize(obj, size)
                    a, b, c, d, e, f = _times(_matrix(raw, obj), form)
                    sizes.setdefault(number, set()).add(round(size.value * math.hypot(c, d), 2))
            fills[number] = max(0.0, (max(lowest, default=FRAME_TOP) - FRAME_TOP) / (bottom - FRAME_TOP))
            page.close()
    finally:
        pdf.close()
    return fills, sizes, margins


def _objects(raw, parent, in_form: bool, form: tuple, tags: tuple):
    """(object, the matrix of the forms it is drawn in, its marked-content tags with those of its forms) of every
    object drawn on a page, the objects of its forms (charts) included."""
    count = raw.FPDFFormObj_CountObjects(parent) if in_form else raw.FPDFPage_CountObjects(parent)
    for i in range(count):
        obj = raw.FPDFFormObj_GetObject(parent, i) if in_form else raw.FPDFPage_GetObject(parent, i)
        own = tags + _tags(raw, obj)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
            yield from _objects(raw, obj, True, _times(_matrix(raw, obj), form), own)
        else:
            yield obj, form, own


def _tags(raw, obj) -> tuple[str, ...]:
    """The names of an object's marked-content tags; an artifact's also with the keys of its properties, as
    "Artifact/Subtype,Type" (PDFium reads no name value, such as the type's /Pagination: see artifact_types)."""
    names = []
    buffer, length = (ctypes.c_ushort * 64)(), ctypes.c_ulong()

    def text() -> str:
        return bytes(buffer)[:max(0, length.value - 2)].decode("utf-16-le")   # less the final NUL

    for i in range(raw.FPDFPageObj_CountMarks(obj)):
        mark = raw.FPDFPageObj_GetMark(obj, i)
        if raw.FPDFPageObjMark_GetName(mark, buffer, ctypes.sizeof(buffer), ctypes.byref(length)):
            names.append(text())
            if names[-1] == "Artifact":
                keys = []
                for k in range(raw.FPDFPageObjMark_CountParams(mark)):
                    if raw.FPDFPageObjMark_GetParamKey(mark, k, buffer, ctypes.sizeof(buffer), ctypes.byref(length)):
                        keys.append(text())
                names.append("Artifact/" + ",".join(sorted(keys)))
    return tuple(names)


ARTIFACT = re.compile(rb"/Artifact\s*<<(.*?)>>\s*BDC", re.S)


@functools.lru_cache(maxsize=None)
def artifact_types(path: Path) -> set[bytes]:
    """The property lists of the PDF's artifacts that have a /Subtype (Header, Footer), as written in its content
    streams, spaces normalised: {b"/Subtype /Header /Type /Pagination", ...}."""
    import pikepdf

    found = set()
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for properties in ARTIFACT.findall(page.Contents.read_bytes()):
                if b"/Subtype" in properties:
                    found.add(b" ".join(sorted(re.findall(rb"/\w+\s*/\w+", properties))))
    return found


def _matrix(raw, obj) -> tuple:
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _times(m: tuple, n: tuple) -> tuple:
    """The matrix m, then n (PDF's row-vector order)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f
