"""Write the sample department submissions: inputs/2025 (with planted deviations and mistakes) and inputs/2024.

The content lives in scripts/samples (one module per two or three departments); this script only lays it
out as the departments would send it. Deterministic: no clock, no randomness, byte-identical files.
Run with `make samples` (or `.venv/bin/python scripts/make_samples.py`).
"""
from __future__ import annotations

import csv
import io
import re
import shutil
import sys
import zipfile
import zlib
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from babel.numbers import format_decimal  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Font  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

from report.config import load_config  # noqa: E402
from report.schema import (AMOUNT, COLUMN_BY_KEY, COLUMNS, DATE, INFO_FIELDS, SHEET_ACTIVITIES,  # noqa: E402
                           SHEET_INFO, VOCAB, VOCABULARIES)
from report.workbooks.template import build_template, fill_template  # noqa: E402
from samples import DEPARTMENTS  # noqa: E402
from samples.record import EXPECT, NOTE, RAW, RECURRING, Y2024, Department  # noqa: E402

INPUTS = ROOT / "inputs"
YEAR, PREVIOUS = 2025, 2024
FIXED_TIME = (2026, 1, 31, 12, 0, 0)  # zip member times and document dates, so reruns change no byte
KEYS = [c.key for c in COLUMNS]
CONFIG = load_config()
LOCKED_INFO = ("year", "department")  # the template writes them itself

# ---- cell values ------------------------------------------------------------------------------------

def amount_text(value: float) -> str:
    """An amount as an Italian office worker types it: 12.000 or 12.000,50."""
    return format_decimal(value, format="#,##0.##", locale="it_IT")


def cell(a: dict, key: str, labels: str = "it", as_text: bool = False):
    """The cell of one column as the 2025 file carries it: the raw override, or the clean value laid out."""
    if key in a[RAW]:
        return a[RAW][key]
    value, column = a[key], COLUMN_BY_KEY[key]
    if value is None or value == "" or value == []:
        return None
    if column.kind == VOCAB:
        return value if labels == "code" else VOCABULARIES[column.vocabulary].label(value, labels)
    if column.kind == DATE:
        return value.strftime("%d/%m/%Y") if as_text else value
    if column.kind == AMOUNT:
        return amount_text(value) if as_text else (int(value) if float(value).is_integer() else value)
    if column.kind.multi:  # countries, partners, SDGs
        return "; ".join(str(v) for v in value)
    return str(value) if as_text else value


# ---- 2024 from 2025 -----------------------------------------------------------------------------------

def _factor(a: dict, choices=(0.7, 0.8, 0.85, 0.9, 1.1)) -> float:
    return choices[zlib.crc32(a["ref"].encode()) % len(choices)]


def _back_one_year(day: date | None) -> date | None:
    return day.replace(year=day.year - 1) if day else None


def edition_2024(a: dict) -> dict | None:
    """The 2024 row of a 2025 activity: a recurring event one year earlier, a multi-year project as it was,
    None when the activity did not run in 2024. Clean: no raw overrides, status derived."""
    b = {**a, RAW: {}, "status": None}
    if a[RECURRING]:
        b["start_date"], b["end_date"] = _back_one_year(a["start_date"]), _back_one_year(a["end_date"])
        for key in ("title_it", "title_en", "description_it", "description_en", "url"):
            b[key] = (a[key] or "").replace(str(YEAR), str(PREVIOUS))
        f = _factor(a, (0.9, 0.95, 1.05))
        parts = [None if a[k] is None else round(a[k] * f, -2)
                 for k in ("city_funding_eur", "external_funding_eur")]
        b["city_funding_eur"], b["external_funding_eur"] = parts
        if a["budget_eur"] is not None:
            b["budget_eur"] = sum(parts) if None not in parts else max(round(a["budget_eur"] * f, -2), parts[0] or 0)
    elif not (a["start_date"] <= date(PREVIOUS, 12, 31) and (a["end_date"] is None or a["end_date"].year >= PREVIOUS)):
        return None
    if a["participants"]:
        b["participants"] = int(round(a["participants"] * _factor(a)))
    b.update(a[Y2024])
    return b


# ---- workbooks ------------------------------------------------------------------------------------------

def _normalise_zip(path: Path) -> None:
    """Fixed member times and document dates: the same content gives the same bytes."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    stamp = "%04d-%02d-%02dT%02d:%02d:%02d" % FIXED_TIME
    with zipfile.ZipFile(path, "w") as archive:
        for info, data in members:
            if info.filename in ("docProps/core.xml", "meta.xml"):
                data = re.sub(rb"(<(dcterms:(?:created|modified)|meta:creation-date|dc:date)[^>]*>)[^<]*",
                              lambda m: m[1] + stamp.encode() + (b"Z" if b"dcterms" in m[1] else b""), data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            archive.writestr(fixed, data)


def _info_values(dept: Department, year: int, index: int) -> dict:
    return {"year": year, "department": dept.code, "contact": dept.contact, "email": dept.email,
            "date": date(year + 1, 1, 12 + index)}


def _info_rows(dept: Department, year: int, index: int) -> list[list]:
    """The Info sheet of a home-made layout: labels in column A, values in B."""
    values = _info_values(dept, year, index)
    return [[f.label, values[f.key]] for f in INFO_FIELDS]


def _add_activities_sheet(ws, header: list[str], rows: list[list], keys: list[str]) -> None:
    ws.append(header)
    for cell_ in ws[1]:
        cell_.font = Font(bold=True)
        cell_.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append(row)
    for c, key in enumerate(keys, start=1):
        column = COLUMN_BY_KEY.get(key)
        ws.column_dimensions[get_column_letter(c)].width = column.width if column else 22
        if column and column.kind == DATE:
            for (cell_,) in ws.iter_rows(min_row=2, min_col=c, max_col=c):
                cell_.number_format = "DD/MM/YYYY"


def filled_template(dept: Department, activities: list[dict], year: int, index: int, labels: str = "it") -> Workbook:
    """The real template of the department for the year (report.workbooks.template, as `generate.py template`
    writes it), filled in: the activities from row 2, the Info sheet's contact, e-mail and date."""
    wb = build_template(CONFIG, CONFIG.department(dept.code), year)
    rows = ({k: cell(a, k, labels) for k in KEYS} for a in activities)
    return fill_template(wb, rows, {k: v for k, v in _info_values(dept, year, index).items() if k not in LOCKED_INFO})


def write_template(path: Path, dept: Department, activities: list[dict], year: int, index: int,
                   labels: str = "it") -> list[int]:
    """The template as the project hands it out, filled in."""
    _save(filled_template(dept, activities, year, index, labels), path)
    return list(range(2, 2 + len(activities)))


def _save(wb: Workbook, path: Path) -> None:
    wb.properties.creator = "Città di Torino"
    wb.save(path)
    _normalise_zip(path)


def write_ods(path: Path, dept: Department, activities: list[dict], year: int, index: int,
              labels: str = "it") -> list[int]:
    """The filled template saved from LibreOffice: its sheets' cells, kept by name (the Lists sheet is not hidden)."""
    import pandas as pd

    wb = filled_template(dept, activities, year, index, labels)
    with pd.ExcelWriter(path, engine="odf") as writer:
        for ws in wb.worksheets:
            rows = [list(row) for row in ws.iter_rows(values_only=True)]
            while rows and all(v is None for v in rows[-1]):  # the template's formatted empty rows
                rows.pop()
            pd.DataFrame(rows, dtype=object).to_excel(writer, sheet_name=ws.title, header=False, index=False)
    _normalise_zip(path)
    return list(range(2, 2 + len(activities)))


def write_csv(path: Path, dept: Department, activities: list[dict], year: int, index: int,
              labels: str = "it") -> list[int]:
    """Exported from a spreadsheet program: `;`, Windows-1252, Italian headers, dates and amounts as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.header_it for c in COLUMNS])
    for a in activities:
        writer.writerow(["" if (v := cell(a, k, labels, as_text=True)) is None else v for k in KEYS])
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    return list(range(2, 2 + len(activities)))


def write_no_info(path: Path, dept: Department, activities: list[dict], year: int, index: int,
                  labels: str = "it") -> list[int]:
    """Activities copied into a fresh workbook: one sheet, no Info; the department is in the file name."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_ACTIVITIES.name
    _add_activities_sheet(ws, [c.header for c in COLUMNS],
                          [[cell(a, k, labels) for k in KEYS] for a in activities], KEYS)
    _save(wb, path)
    return list(range(2, 2 + len(activities)))


TITLE_ROWS_ORDER = ("ref", "type", "title_en", "title_it", "", "start_date", "end_date", "countries", "area",
                    "partners", "programme", "role", "theme", "description_en", "description_it", "budget_eur",
                    "external_funding_eur", "city_funding_eur", "funding_source", "sdgs", "participants", "url",
                    "status", "notes")
EXTRA_COLUMN, EXTRA_PEOPLE = "Responsabile interno", ("Comm. Bruno Ferrero", "Isp. Laura Gallo", "Vice Comm. Paolo Greco")


def write_title_rows(path: Path, dept: Department, activities: list[dict], year: int, index: int,
                     labels: str = "it") -> list[int]:
    """A home-made layout: a title line and a blank line above the header, English headers only, columns
    reordered, an extra internal column, the activities sheet renamed."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_INFO.name
    for row in _info_rows(dept, year, index):
        ws.append(row)
    ws = wb.create_sheet(f"Attività {year}")
    ws.append([f"Corpo di Polizia Municipale - attività internazionali {year}"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append([COLUMN_BY_KEY[k].header_en if k else EXTRA_COLUMN for k in TITLE_ROWS_ORDER])
    for i, a in enumerate(activities):
        ws.append([cell(a, k, labels) if k else EXTRA_PEOPLE[i % len(EXTRA_PEOPLE)] for k in TITLE_ROWS_ORDER])
    for c, key in enumerate(TITLE_ROWS_ORDER, start=1):
        if key and COLUMN_BY_KEY[key].kind == DATE:
            for (cell_,) in ws.iter_rows(min_row=4, min_col=c, max_col=c):
                cell_.number_format = "DD/MM/YYYY"
    _save(wb, path)
    return list(range(4, 4 + len(activities)))


TYPED_HEADERS = {
    "ref": "codice", "title_it": "titolo  it", "title_en": "Titolo en", "description_it": "descrizione it",
    "description_en": "DESCRIZIONE EN", "type": "tipologia ", "theme": "Ambito", "countries": "PAESI",
    "area": "area geografica", "partners": "partner", "programme": "Programma / rete", "role": "ruolo citta",
    "start_date": "DATA INIZIO", "end_date": "data  fine", "status": "stato", "budget_eur": "budget totale EUR",
    "city_funding_eur": "Quota città", "external_funding_eur": "finanziamento esterno",
    "funding_source": "Fonte  di finanziamento", "sdgs": "obiettivi SDG", "participants": "numero  partecipanti",
    "url": "LINK", "notes": "note",
}


def write_typed_headers(path: Path, dept: Department, activities: list[dict], year: int, index: int,
                        labels: str = "it") -> list[int]:
    """The template's header retyped by hand (odd case and spacing) and a blank row after every second
    activity."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_INFO.name
    for row in _info_rows(dept, year, index):
        ws.append(row)
    ws = wb.create_sheet(SHEET_ACTIVITIES.name)
    ws.append([TYPED_HEADERS[k] for k in KEYS])
    rows = []
    for i, a in enumerate(activities):
        ws.append([cell(a, k, labels) for k in KEYS])
        rows.append(ws.max_row)
        if i % 2 == 1:
            ws.append([None])
            ws.append([])
    for c, key in enumerate(KEYS, start=1):
        if COLUMN_BY_KEY[key].kind == DATE:
            for (cell_,) in ws.iter_rows(min_row=2, min_col=c, max_col=c):
                cell_.number_format = "DD/MM/YYYY"
    _save(wb, path)
    return rows


LAYOUTS = {
    "template": (write_template, ".xlsx", "the template as handed out, filled in"),
    "ods": (write_ods, ".ods", "saved as OpenDocument (.ods) from LibreOffice, the template's sheet names kept"),
    "csv": (write_csv, ".csv", "CSV export: `;` delimiter, Windows-1252, Italian headers only, dates as "
                               "DD/MM/YYYY text, amounts as Italian text (12.000,50)"),
    "no_info": (write_no_info, ".xlsx", "no Info sheet (one sheet only): the department comes from the file name"),
    "title_rows": (write_title_rows, ".xlsx", "header on row 3 under a title line and a blank line, English "
                                              "headers only, columns reordered, extra column «Responsabile "
                                              "interno», activities sheet renamed «Attività 2025»"),
    "typed_headers": (write_typed_headers, ".xlsx", "headers retyped by hand in odd case and spacing "
                                                    "(«titolo  it», «DATA INIZIO»), blank rows between activities"),
}
LABELS = {"it": "Italian labels", "en": "English labels", "code": "codes"}


# ---- the run -----------------------------------------------------------------------------------------

def _fresh(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def write_year_2025(departments: list[Department]) -> list[tuple[Department, str, list[tuple[int, dict]]]]:
    folder = INPUTS / str(YEAR)
    _fresh(folder)
    written = []
    for index, dept in enumerate(departments):
        writer, suffix, _ = LAYOUTS[dept.layout]
        name = dept.file_name or f"{dept.code}_{YEAR}{suffix}"
        rows = writer(folder / name, dept, dept.activities, YEAR, index, dept.labels)
        written.append((dept, name, list(zip(rows, dept.activities))))
    return written


def write_year_2024(departments: list[Department]) -> list[tuple[str, int]]:
    folder = INPUTS / str(PREVIOUS)
    _fresh(folder)
    written = []
    for index, dept in enumerate(departments):
        rows = [b for a in dept.activities if (b := edition_2024(a))] + dept.only_2024
        name = f"{dept.code}_{PREVIOUS}.xlsx"
        write_template(folder / name, dept, rows, PREVIOUS, index)
        written.append((name, len(rows)))
    return written


def _joint(written) -> list[str]:
    """The activities reported by several departments (same Italian title and start date)."""
    groups: dict[tuple, list[str]] = {}
    for dept, _, rows in written:
        for _, a in rows:
            groups.setdefault((a["title_it"].casefold(), a["start_date"]), []).append(dept.code)
    titles = {(a["title_it"].casefold(), a["start_date"]): a["title_it"] for _, _, rows in written for _, a in rows}
    return [f"{' + '.join(codes)} («{titles[key]}»)" for key, codes in groups.items() if len(set(codes)) > 1]


def readme(written, previous: list[tuple[str, int]]) -> str:
    """inputs/README.md: each 2025 file with the deviations and mistakes it deliberately carries."""
    expected = Counter(code for _, _, rows in written for _, a in rows for code in a[EXPECT])
    rejected = sum(any(c not in WARNING_OR_INFO for c in a[EXPECT]) for _, _, rows in written for _, a in rows)
    outside = sum("outside_year" in a[EXPECT] and len(a[EXPECT]) == 1 for _, _, rows in written for _, a in rows)
    total = sum(len(rows) for _, _, rows in written)
    lines = [
        "# Sample submissions", "",
        "Generated by `make samples` (`scripts/make_samples.py`, content in `scripts/samples/`): do not edit by hand.",
        "The files are fictitious but believable reports of the City of Turin's departments.", "",
        f"- `{PREVIOUS}/`: {len(previous)} clean template files, {sum(n for _, n in previous)} rows, all accepted: "
        "the multi-year projects and memberships that also ran in 2024, the recurring events one year earlier, a "
        "few 2024-only events. The only findings are the `joint_activity` warnings of the joint activities.",
        f"- `{YEAR}/`: one file per department, most of them clean; the ones below deliberately deviate from the "
        "template the way real submissions do, and some rows carry mistakes the validator must catch.", "",
        f"Expected for {YEAR}: {len(written)} files, {total} rows read, {rejected} rejected, {outside} outside the "
        f"year, {total - rejected - outside} accepted.", "",
        "Joint activities (same title and start date from two departments, counted once, a `joint_activity` "
        "warning on each row): " + "; ".join(_joint(written)) + ".", "",
        f"## {YEAR} files", "",
    ]
    for dept, name, rows in written:
        marked = [(r, a) for r, a in rows if a[NOTE] or a[EXPECT]]
        if dept.layout == "template" and dept.labels == "it" and not marked:
            continue
        lines.append(f"### `{name}` ({dept.code})")
        lines.append("")
        lines.append(f"- Layout: {LAYOUTS[dept.layout][2]}; vocabulary cells as {LABELS[dept.labels]}.")
        for r, a in marked:
            codes = ", ".join(f"`{c}`" for c in a[EXPECT]) or "accepted, no finding"
            lines.append(f"- Row {r} ({a['ref']}): {a[NOTE]} → {codes}.")
        lines.append("")
    clean = [name for dept, name, rows in written
             if dept.layout == "template" and dept.labels == "it" and not any(a[NOTE] or a[EXPECT] for _, a in rows)]
    lines += ["### Clean files", "", ", ".join(f"`{n}`" for n in clean) + ".", "",
              f"## Expected findings by code ({YEAR})", "",
              "- File level: `column_unknown` (info) once, for «Responsabile interno» in the POLIZIA file.",
              *(f"- `{code}`: {n} row{'s' if n > 1 else ''}" for code, n in sorted(expected.items())), ""]
    return "\n".join(lines)


WARNING_OR_INFO = {"title_language_missing", "description_language_missing", "area_mismatch", "joint_activity",
                   "outside_year", "funding_above_budget", "status_mismatch", "activity_repeated"}


def main() -> int:
    codes = CONFIG.codes
    departments = sorted(DEPARTMENTS, key=lambda d: codes.index(d.code))
    missing = set(codes) - {d.code for d in departments}
    if missing:
        raise SystemExit(f"no sample content for {sorted(missing)}")
    written = write_year_2025(departments)
    previous = write_year_2024(departments)
    (INPUTS / "README.md").write_text(readme(written, previous), encoding="utf-8")
    for year, files in ((YEAR, [(name, len(rows)) for _, name, rows in written]), (PREVIOUS, previous)):
        print(f"inputs/{year}: {len(files)} files, {sum(n for _, n in files)} rows")
        for name, n in files:
            print(f"  {name:<32} {n:>3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
