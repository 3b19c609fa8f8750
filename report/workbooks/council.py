"""The council workbook `activities_Y.xlsx`: the accepted activities as an Excel table plus summary sheets."""
from __future__ import annotations

import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from report import filenames
from report import countries
from report.publication import aggregate
from report.config import Config
from report.files import atomic_path
from report.missing import is_missing
from report.schema import (AMOUNT, COLUMN_BY_KEY, COLUMNS, COUNCIL_OUTPUT_COLUMNS, EXTRA_OUTPUT_FIELDS,
                           VOCABULARIES, output_kind, output_label)
from report.texts import pair
from report.workbooks import styles

SHEET_TABLE = pair("council.activities").both(" - ")
AMOUNT_KEYS = tuple(c.key for c in COLUMNS if c.kind is AMOUNT)
# Widths of the table's columns, in characters: narrow enough that the table prints one page wide on A3
# landscape at a readable size (long texts wrap); columns not named keep the schema's template width.
WIDTHS = {"department": 11, "ref": 11, "title_it": 18, "title_en": 18, "description_it": 28, "description_en": 28,
          "type": 13, "theme": 13, "countries": 14, "area": 11, "partners": 16, "programme": 12, "role": 10,
          "start_date": 11, "end_date": 11, "status": 9, "budget_eur": 15, "city_funding_eur": 15,
          "external_funding_eur": 15, "funding_source": 14, "sdgs": 10, "participants": 13, "url": 16, "notes": 16,
          "joint": 10, "source_file": 12, "source_row": 9, "activity_id": 21}
YES_NO = (pair("council.yes").both(), "no")
# (sheet name, breakdown key): the sheet's name is council.sheet.<key>
BREAKDOWNS = tuple((pair(f"council.sheet.{key}").both(" - "), key)
                   for key in ("area", "department", "type", "countries", "funding_source"))


def council_name(year: int) -> str:
    return filenames.council(year)


def write_council(frame, config: Config, year: int, path: Path) -> Path:
    with atomic_path(path) as tmp:
        build_council(frame, config, year).save(tmp)
    return path


def build_council(frame, config: Config, year: int) -> Workbook:
    """The table of accepted activities (with notes) first, then one sheet per breakdown."""
    wb = Workbook()
    _table_sheet(wb.active, frame)
    for name, key in BREAKDOWNS:
        _breakdown_sheet(wb.create_sheet(name), frame, key, config, year)
    wb.properties.title = pair("product.year_city").it.format(year=year, city=config.city_it)
    wb.properties.creator = config.author_it or config.city_it
    return wb


# ---- the activities table ----------------------------------------------------------------------------

def cell_value(key: str, value):
    """A typed frame value as the council table shows it: labels for codes, names for countries, lists
    joined by `; `, dates and numbers as such (the cell format shows them)."""
    if is_missing(value):
        return None
    if key == "joint":
        return YES_NO[0] if value else YES_NO[1]
    return output_kind(key).council(value, COLUMN_BY_KEY.get(key))


def _number_format(key: str) -> str | None:
    column = COLUMN_BY_KEY.get(key)  # the added columns (source_row...) keep the general format
    return styles.FORMATS.get(column.kind.number_format) if column is not None else None


def _key_note(key: str) -> str:
    """The header's comment: the column key (as in activities_Y.csv) and what the column holds."""
    if key in EXTRA_OUTPUT_FIELDS:
        _, _, it, en = EXTRA_OUTPUT_FIELDS[key]
    else:
        column = COLUMN_BY_KEY[key]
        it, en = column.help_it, column.help_en
    return f"{key}\n\nIT: {it}\nEN: {en}"


def _table_sheet(ws, frame) -> None:
    ws.title = SHEET_TABLE
    keys = COUNCIL_OUTPUT_COLUMNS
    labels = [output_label(k, "it") if output_label(k, "it") == output_label(k, "en")
              else f"{output_label(k, 'it')}\n{output_label(k, 'en')}" for k in keys]
    styles.header(ws, 1, labels)
    sizes = [WIDTHS.get(key) or COLUMN_BY_KEY[key].width for key in keys]
    for c, key in enumerate(keys, start=1):
        ws.cell(row=1, column=c).comment = Comment(_key_note(key), "city-report", width=300, height=140)
    styles.widths(ws, sizes)
    ws.row_dimensions[1].height = styles.fitted_height(labels, sizes) + styles.LINE_HEIGHT  # bold runs wider
    formats = {key: _number_format(key) for key in keys}
    records = frame[list(keys)].to_dict("records")
    for r, record in enumerate(records, start=2):
        for c, key in enumerate(keys, start=1):
            cell = styles.put(ws, r, c, cell_value(key, record[key]), alignment=styles.WRAP_TOP)
            if formats[key]:
                cell.number_format = formats[key]
        styles.fit_height(ws, r, len(keys))
    last = max(2, len(records) + 1)  # a table needs one data row, even an empty one
    table = Table(displayName="Attivita", ref=f"A1:{get_column_letter(len(keys))}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = "E2"
    styles.print_setup(ws, "1:1", one_page_wide=True)  # one page wide, as many pages down as the rows need
    ws.page_setup.paperSize = ws.PAPERSIZE_A3


# ---- breakdowns --------------------------------------------------------------------------------------

def _values(key: str, config: Config, counts, frame) -> list[tuple[object, str, str]]:
    """(value, Italian label, English label) of the rows of a breakdown, in its order."""
    if key == "department":  # every department of the configuration, in chapter order
        known = [(d.code, d.it, d.en) for d in config.departments]
        others = [(code, code, code) for code in counts.index if not config.department(code)]
        return known + others
    if key == "countries":  # by area, then as the PDF's annex lists them
        order = list(aggregate.by_country(frame)["country"]) if len(frame) else []
        return [(code, countries.name(code, "it"), countries.name(code, "en")) for code in order]
    vocabulary = VOCABULARIES[key]
    return [(code, vocabulary.label(code, "it"), vocabulary.label(code, "en")) for code in counts.index]


def _breakdown_sheet(ws, frame, key: str, config: Config, year: int) -> None:
    """Activities and amounts per value of `key` (report.publication.aggregate's rules, as in the PDF), with a total
    that counts each activity once and, for single-valued keys, a row for the activities without a value.
    Each row leads with the value's Italian and English labels; its code (as in activities_Y.csv) comes last."""
    counts = aggregate.count_by(frame, key)
    sums = {amount: aggregate.sum_by(frame, key, amount) for amount in AMOUNT_KEYS}
    # unknown is not zero: a value none of whose activities gives the amount shows n.d. (not available)
    unknown = {a: {v for v, n in aggregate.missing_count(frame, key, a).items() if n >= counts.get(v, 0)}
               for a in AMOUNT_KEYS}
    name_it, name_en = (output_label(key, "it"), output_label(key, "en"))
    area = [f"{output_label('area', 'it')}\n{output_label('area', 'en')}"] if key == "countries" else []
    heads = [name_it, name_en, *area, styles.both(pair("council.activities")),
             *(f"{output_label(a, 'it')}\n{output_label(a, 'en')}" for a in AMOUNT_KEYS), styles.both(pair("council.code"))]
    styles.put(ws, 1, 1, f"{ws.title} · {year}", font=styles.TITLE_FONT)
    note = "council.note_many" if key in aggregate.PER_ROW_KEYS else "council.note_once"
    head = 5
    styles.header(ws, head, heads)
    row = head
    for value, it, en in _values(key, config, counts, frame):
        row += 1
        area = [_area_label(countries.area_of(value))] if key == "countries" else []
        _data_row(ws, row, [it, en, *area], int(counts.get(value, 0)),
                  ["n.d." if value in unknown[a] else float(sums[a].get(value, 0.0)) for a in AMOUNT_KEYS], value)
    first = aggregate.unique(frame)
    blank = [""] if key == "countries" else []
    if key not in aggregate.PER_ROW_KEYS:
        given = first[first[key].map(lambda v: not is_missing(v))] if len(first) else first
        if len(given) < len(first):
            row += 1
            missing = first[~first.index.isin(given.index)]
            _data_row(ws, row, [*pair("council.not_given"), *blank], len(missing), [_sum(missing, a) for a in AMOUNT_KEYS])
    if key == "countries":
        first = first[first["countries"].map(lambda v: not is_missing(v) and len(v) > 0)] if len(first) else first
    row += 1
    _data_row(ws, row, [*pair("council.total"), *blank], len(first), [_sum(first, a) for a in AMOUNT_KEYS], bold=True)
    rows = range(head + 1, row + 1)
    name_width = max(_longest(ws, 1, rows, 24, 50), _longest(ws, 2, rows, 24, 50))
    sizes = [name_width, name_width, *([_longest(ws, 3, rows, 20, 70)] if key == "countries" else []), 12,
             *([18] * len(AMOUNT_KEYS)), _longest(ws, len(heads), rows, 12, 30)]
    styles.widths(ws, sizes)
    ws.row_dimensions[head].height = styles.fitted_height(heads, sizes)
    for r in rows:  # a label longer than its column wraps, its row grows
        styles.fit_height(ws, r, len(heads))
    last = get_column_letter(len(heads))
    for r, text in ((2, pair(note).it), (3, pair(note).en)):  # the notes wrap across the table's width
        styles.put(ws, r, 1, text, alignment=styles.WRAP_TOP)
        ws.merge_cells(f"A{r}:{last}{r}")
        ws.row_dimensions[r].height = styles.fitted_height([text], [sum(sizes)])
    ws.freeze_panes = ws.cell(row=head + 1, column=1)
    ws.auto_filter.ref = f"A{head}:{last}{max(row - 1, head + 1)}"
    styles.print_setup(ws, f"{head}:{head}", one_page_wide=True)


def _longest(ws, column: int, rows: range, least: int, most: int) -> int:
    """The width (between least and most) that shows a column's texts on these rows on one line each."""
    return min(most, max([least, *(math.ceil(len(str(ws.cell(row=r, column=column).value or "")) * 1.1) + 1
                                    for r in rows)]))


def _area_label(code) -> str:
    return "" if is_missing(code) else cell_value("area", code)


def _sum(frame, amount: str) -> float:
    return float(frame[amount].map(lambda v: 0.0 if is_missing(v) else float(v)).sum()) if len(frame) else 0.0


def _data_row(ws, row: int, labels: list, count: int, amounts: list, code="", bold: bool = False) -> None:
    """A row of a breakdown: its labels, the count of activities, the amounts and the value's code."""
    values = [*labels, count, *amounts, code]
    for c, value in enumerate(values, start=1):
        cell = styles.put(ws, row, c, value, border=styles.THIN_BORDER, alignment=styles.WRAP_TOP)
        if c == len(labels) + 1:
            cell.number_format = styles.INTEGER_FORMAT
        elif len(labels) + 1 < c < len(values):
            cell.number_format = styles.AMOUNT_FORMAT
        if bold:
            cell.font, cell.fill = styles.BOLD, styles.SECTION_FILL
