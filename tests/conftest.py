"""Shared test helpers: a valid activity row and writers of small workbooks in every accepted format."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from report.config import load_config
from report.schema import COLUMN_BY_KEY, COLUMNS, INFO_FIELDS, SHEET_ACTIVITIES, SHEET_INFO

YEAR = 2025

# One valid activity, as a department would type it (cells by column key, every column in template order).
VALID = {c.key: None for c in COLUMNS} | {
    "ref": "A-1", "title_it": "Foreste urbane", "title_en": "Urban forests",
    "description_it": "Piantati alberi.", "description_en": "Trees planted.", "type": "Progetto europeo",
    "theme": "Ambiente e verde", "countries": "Francia; Spagna", "partners": "Lione; Barcellona",
    "programme": "Horizon Europe", "role": "Capofila", "start_date": "01/03/2025", "end_date": "28/02/2027",
    "budget_eur": "1.250.000", "city_funding_eur": "180.000", "external_funding_eur": "1.070.000",
    "funding_source": "Unione europea", "sdgs": "11; 13", "participants": "350",
    "url": "https://www.comune.torino.it/x",
}


def row(**changes) -> dict[str, object]:
    """A valid activity with some cells changed (None empties a cell)."""
    return {**VALID, **changes}


def headers(keys, lang: str = "it") -> list[str]:
    """Headers for column keys: 'it', 'en', 'key', or 'template' (both languages)."""
    if lang == "key":
        return list(keys)
    if lang == "template":
        return [COLUMN_BY_KEY[k].header if k in COLUMN_BY_KEY else k for k in keys]
    return [COLUMN_BY_KEY[k].label(lang) if k in COLUMN_BY_KEY else k for k in keys]


def table(rows: list[dict], keys=None, lang: str = "it") -> list[list]:
    """Header row plus one list of cells per activity (a None row is a blank row)."""
    keys = list(keys or VALID)
    return [headers(keys, lang), *([None] * len(keys) if r is None else [r.get(k) for k in keys] for r in rows)]


def info_rows(department: str | None = None, year: int = YEAR) -> list[list]:
    """The Info sheet of the template, labels in column A and values in column B."""
    values = {"year": year, "department": department, "contact": "Mario Rossi", "email": "m.rossi@example.org"}
    return [[f.label, values.get(f.key)] for f in INFO_FIELDS]


def write(path: Path, cells: list[list], *, sheet: str = SHEET_ACTIVITIES.name, info: list[list] | None = None,
          skip: int = 0, encoding: str = "utf-8", delimiter: str = ";") -> Path:
    """Write rows of cells as a workbook whose format follows the suffix (.xlsx, .xlsm, .ods, .csv);
    `skip` blank rows come before them, `info` becomes the Info sheet (workbooks only)."""
    path = Path(path)
    cells = [[None]] * skip + cells
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerows([["" if c is None else c for c in r] for r in cells])
    elif suffix == ".ods":
        import pandas as pd

        with pd.ExcelWriter(path, engine="odf") as writer:
            if info is not None:
                pd.DataFrame(info).to_excel(writer, sheet_name=SHEET_INFO.name, header=False, index=False)
            pd.DataFrame(cells).to_excel(writer, sheet_name=sheet, header=False, index=False)
    else:
        from openpyxl import Workbook

        book = Workbook()
        book.active.title = sheet
        for r in cells:
            book.active.append(r)
        if info is not None:
            info_sheet = book.create_sheet(SHEET_INFO.name, 0)
            for r in info:
                info_sheet.append(r)
        book.save(path)
    return path


def write_activities(path: Path, rows: list[dict], department: str | None = None, **kw) -> Path:
    """A workbook of activities with Italian headers; with an Info sheet naming `department` when given."""
    info = info_rows(department) if department and Path(path).suffix.lower() != ".csv" else None
    return write(path, table(rows, kw.pop("keys", None), kw.pop("lang", "it")), info=info, **kw)


@pytest.fixture(scope="session")
def config():
    return load_config()


@pytest.fixture
def load(config):
    """load_year on a folder for the test year."""
    from report.intake.year import load_year

    return lambda folder, year=YEAR: load_year(Path(folder), year, config)


@pytest.fixture(scope="session")
def publication(tmp_path_factory):
    """The three PDF editions (and the HTML) of the sample year and of a generated year with long names and
    missing budgets, built once per session by the real command line: {"sample": {...}, "generated": {...}}."""
    from pdf_builds import GENERATED_YEAR, YEAR as SAMPLE_YEAR, ROOT, build, generated_year

    root = tmp_path_factory.mktemp("publication")
    inputs = generated_year(root / "inputs")
    return {"sample": build(ROOT / "inputs" / str(SAMPLE_YEAR), root / "sample", SAMPLE_YEAR),
            "generated": build(inputs, root / "generated", GENERATED_YEAR)}
