"""Generated benchmark inputs: department workbooks (.xlsx or .csv) of plausible, varied activities at any size.

One generator for every benchmark. `generate(folder, year, codes, per_department)` writes one file per
department code; with `flaws` about one row in twenty carries a mistake a department makes (an unknown
country, an impossible date, a text amount, a missing English title, a row of another year), so validation
and the feedback workbooks have work to do. `prepare(size, root)` makes (once, then reuses) the inputs of
a named size, with a configuration listing their departments.
"""
from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from report.assets import asset_path
from report.config import load_config
from report.schema import COLUMNS, INFO_FIELDS, SHEET_ACTIVITIES, SHEET_INFO, VOCABULARIES

VERSION = 2  # bump when the generated content changes: prepared inputs of another version are rebuilt

COUNTRIES = ["FR", "ES", "DE", "PL", "PT", "BR", "AR", "SN", "KE", "MA", "TN", "LB", "US", "CA", "CN", "JP",
             "IN", "AU", "GB", "NL", "BE", "AT", "RO", "AL", "CO", "MX", "ZA", "ET", "VN", "TR"]
PROGRAMMES = ["Horizon Europe", "URBACT", "Eurocities", "ESF+", "ERDF", "Interreg Europe", "LIFE", "Erasmus+"]
WORDS_IT = "la città ha lavorato con i partner europei per migliorare servizi spazi verdi e scuole nei quartieri".split()
WORDS_EN = "the city worked with european partners to improve services green spaces and schools in districts".split()
# Mistakes departments make (cells as typed), one of them on every FLAW_EVERY-th row when flaws are wanted.
FLAWS = ({"budget_eur": "circa 5000"}, {"start_date": "31/02/{year}"}, {"countries": "Narnia"},
         {"title_en": None}, {"start_date": "{before}", "end_date": "{before}"}, {"url": "www.example.org"})
FLAW_EVERY = 20
FLAW_OFFSET = 7  # the first flawed row of a file: even a file of ten activities has one


@dataclass(frozen=True)
class Size:
    name: str
    departments: int
    activities: int  # per department
    network: bool    # departments of a generated network configuration, not the default one

    @property
    def label(self) -> str:
        return f"{self.departments} x {self.activities}"


SIZES = {s.name: s for s in (Size("small", 16, 10, False), Size("medium", 16, 200, False),
                             Size("large", 300, 200, True))}


def _text(rng: random.Random, words: list[str], length: int) -> str:
    out: list[str] = []
    size = 0
    while size < length:
        out.append(rng.choice(words))
        size += len(out[-1]) + 1
    return " ".join(out).capitalize() + "."


def _day(rng: random.Random, year: int) -> date:
    day = rng.randint(1, 28)
    return date(year, rng.randint(1, 12), day)


def activities(rng: random.Random, code: str, year: int, count: int) -> list[dict[str, object]]:
    """`count` varied activities of a department, cells by column key (dates as dates, amounts as numbers)."""
    rows = []
    for i in range(count):  # the random draws in this order keep the content of earlier benchmark runs
        budget = rng.choice([None, rng.randrange(5_000, 2_000_000, 500)])
        city = None if budget is None else round(budget * rng.random() * 0.4)
        length = rng.choice([150, 300, 600, 1200, 2400])
        rows.append({
            "ref": f"{code}-{i + 1}", "title_it": f"{_text(rng, WORDS_IT, 40)[:-1]} {code} {i + 1}",
            "title_en": f"{_text(rng, WORDS_EN, 40)[:-1]} {code} {i + 1}",
            "description_it": _text(rng, WORDS_IT, length), "description_en": _text(rng, WORDS_EN, length),
            "type": rng.choice(VOCABULARIES["type"].codes), "theme": rng.choice(VOCABULARIES["theme"].codes),
            "countries": ";".join(rng.sample(COUNTRIES, rng.randint(1, 4))),
            "partners": ";".join(f"Città partner {rng.randint(1, 400)}" for _ in range(rng.randint(0, 4))),
            "programme": rng.choice(PROGRAMMES), "role": rng.choice(VOCABULARIES["role"].codes),
            "start_date": _day(rng, year),
            "end_date": rng.choice([None, date(year + 1, 12, 31)]),
            "budget_eur": budget, "city_funding_eur": city,
            "external_funding_eur": None if budget is None else budget - city,
            "funding_source": rng.choice(VOCABULARIES["funding_source"].codes),
            "sdgs": ";".join(str(n) for n in rng.sample(range(1, 18), rng.randint(0, 3))),
            "participants": rng.randint(0, 500), "url": f"https://www.example.org/{code.lower()}/{i + 1}",
        })
    return rows


def _flaw(row: dict[str, object], number: int, year: int) -> dict[str, object]:
    changes = FLAWS[number % len(FLAWS)]
    return {**row, **{k: v.format(year=year, before=year - 2) if isinstance(v, str) else v
                      for k, v in changes.items()}}


def _csv_cell(value) -> object:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else value


def write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    """Header = column keys, `,` delimited, dates DD/MM/YYYY."""
    keys = [c.key for c in COLUMNS]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(keys)
        writer.writerows([_csv_cell(r.get(k)) for k in keys] for r in rows)


def write_xlsx(path: Path, rows: list[dict[str, object]], code: str, year: int) -> None:
    """The template's Info and Activities sheets (bilingual headers), written in openpyxl's streaming mode."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    info = book.create_sheet(SHEET_INFO.name)
    values = {"year": year, "department": code, "contact": "Mario Rossi", "email": "m.rossi@example.org"}
    for field in INFO_FIELDS:
        info.append([field.label, values.get(field.key)])
    sheet = book.create_sheet(SHEET_ACTIVITIES.name)
    sheet.append([c.header for c in COLUMNS])
    for r in rows:
        sheet.append([r.get(c.key) for c in COLUMNS])
    book.save(path)


def generate(folder: Path, year: int, codes: list[str], per_department: int, *, suffix: str = ".xlsx",
             flaws: bool = False, seed: int = 1) -> list[Path]:
    """One file per department code (`<CODE>.xlsx` or `.csv`) of `per_department` activities; returns them."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for code in codes:
        rows = activities(rng, code, year, per_department)
        if flaws:
            rows = [_flaw(r, i // FLAW_EVERY + len(written), year) if i % FLAW_EVERY == FLAW_OFFSET else r
                    for i, r in enumerate(rows)]
        path = folder / f"{code}{suffix}"
        if suffix == ".csv":
            write_csv(path, rows)
        else:
            write_xlsx(path, rows, code, year)
        written.append(path)
    return written


def network_config(path: Path, count: int) -> Path:
    """A configuration of `count` municipalities of a network (codes M001...), the default city's texts."""
    lines = ['[city]', 'name_it = "Rete delle città"', 'name_en = "Network of cities"',
             'author_it = "Segreteria della rete"', 'author_en = "Network secretariat"',
             f'foreword_it = {json.dumps(str(asset_path("foreword_it.md")))}',
             f'foreword_en = {json.dumps(str(asset_path("foreword_en.md")))}', '']
    for n in range(1, count + 1):
        lines += ['[[departments]]', f'code = "M{n:03d}"', f'it = "Comune della rete n. {n}"',
                  f'en = "Network municipality no. {n}"', '']
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def prepare(size: Size, root: Path, year: int) -> tuple[Path, Path | None]:
    """The inputs folder of a size (generated under root/<name>/<year> unless already there, same version)
    and the configuration to use with it (None: the default one)."""
    base = root / size.name
    inputs = base / str(year)
    config = base / "config.toml" if size.network else None
    stamp = base / "inputs.json"
    wanted = {"version": VERSION, "year": year, "departments": size.departments, "activities": size.activities}
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted and inputs.is_dir():
        return inputs, config
    if inputs.is_dir():
        for old in inputs.iterdir():
            old.unlink()
    base.mkdir(parents=True, exist_ok=True)
    if config:
        network_config(config, size.departments)
    codes = list(load_config(config).codes)[: size.departments]
    generate(inputs, year, codes, size.activities, flaws=True)
    stamp.write_text(json.dumps(wanted))
    return inputs, config
