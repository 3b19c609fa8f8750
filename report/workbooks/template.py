"""The department template workbook, generated from report.schema: instructions, Info, Activities, Lists."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from report import filenames
from report.config import Config, Department
from report.files import atomic_path
from report.kinds import DATE, LENGTH_CHECK
from report.schema import (AT_LEAST_ONE, COLUMN_BY_KEY, COLUMNS, INFO_FIELDS, SHEET_ACTIVITIES, SHEET_INFO,
                           SHEET_INSTRUCTIONS, SHEET_LISTS, VOCABULARIES, Column)
from report.settings import DEFAULTS
from report.texts import pair
from report.workbooks import styles

log = logging.getLogger(__name__)

FORMATTED_ROWS = 300           # data rows pre-formatted below the header
LAST_ROW = 1_048_576           # validations and input messages cover the whole column
PROMPT_MAX, PROMPT_TITLE_MAX = 255, 32   # Excel's limits for an input message
FIRST_YEAR, LAST_YEAR = DEFAULTS.first_year, DEFAULTS.last_year  # dates outside are surely typing mistakes

STEPS = 9  # the instructions: template.step.1 to .9, their {placeholders} filled from the schema and the year
INFO_NOTES = {"year": "template.coordination", "department": "template.coordination", "contact": "template.contact",
              "email": "template.email", "date": "template.date"}
# The headers darkened: required columns, and those required in combination (schema.AT_LEAST_ONE).
REQUIRED_LOOK = {key for group in AT_LEAST_ONE for key in group.keys}


def template_name(code: str, year: int) -> str:
    """The file name of a department's template; ingest reads the department back from it."""
    return filenames.workbook(code, year)


def build_template(config: Config, department: Department, year: int) -> Workbook:
    """The template workbook of one department for one report year."""
    wb = Workbook()
    instructions = wb.active
    instructions.title = SHEET_INSTRUCTIONS.name
    _instructions(instructions, department, year)
    _info(wb.create_sheet(SHEET_INFO.name), department, year)
    lists = _lists(wb.create_sheet(SHEET_LISTS.name))
    activities = wb.create_sheet(SHEET_ACTIVITIES.name, index=1)
    _activities(activities, lists)
    wb.active = 1
    wb.properties.title = f"{pair('template.title').it.format(year=year)} - {department.code}"
    wb.properties.creator = config.author_it or config.city_it
    wb.properties.language = "it-IT"
    return wb


def write_template(config: Config, department: Department, year: int, path: Path) -> Path:
    with atomic_path(path) as tmp:
        build_template(config, department, year).save(tmp)
    return path


def fill_template(wb: Workbook, rows: Iterable[dict], info: dict | None = None) -> Workbook:
    """A template filled in as a department does it: each row's cells (by column key) from row 2 of the activities
    sheet, in the template's own formats; `info` (by Info field key) in column B of the Info sheet."""
    position = {c.key: i for i, c in enumerate(COLUMNS, start=1)}
    ws = wb[SHEET_ACTIVITIES.name]
    for r, row in enumerate(rows, start=2):
        for key, value in row.items():
            ws.cell(row=r, column=position[key], value=value)
    line = {f.key: r for r, f in enumerate(INFO_FIELDS, start=1)}
    for key, value in (info or {}).items():
        wb[SHEET_INFO.name].cell(row=line[key], column=2, value=value)
    return wb


# ---- sheets -----------------------------------------------------------------------------------------

def _step_params(year: int, lang: str) -> dict:
    """Sheet names, the year and every column's header in one language, as {key}."""
    params = {"year": year, "activities": SHEET_ACTIVITIES.name, "info": SHEET_INFO.name,
              "findings": pair("feedback.sheet").both(" - ")}
    for column in COLUMNS:
        params[column.key] = column.label(lang)
    params["required"] = required_text(lang)
    return params


def required_text(lang: str) -> str:
    """The required columns in a language: the named groups of schema.AT_LEAST_ONE ("at least one title (Title
    (IT) or Title (EN))"), the columns required alone in sheet order, then the plain alternatives ("Countries
    or Geographic area")."""
    within, between, last = (pair(f"template.required.{word}").get(lang) for word in ("within", "between", "last"))

    def headers(group, word):
        return word.join(COLUMN_BY_KEY[key].label(lang) for key in group.keys)

    named = [(group.name.get(lang) if group.name else "", group) for group in AT_LEAST_ONE]
    items = [*(f"{name} ({headers(group, within)})" for name, group in named if name),
             *(column.label(lang) for column in COLUMNS if column.required),
             *(headers(group, between) for name, group in named if not name)]
    return ", ".join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)


def _instructions(ws, department: Department, year: int) -> None:
    """Bilingual steps, the example row explained column by column, the lists: Italian in C, English in D."""
    styles.widths(ws, (30, 30, 58, 58))
    styles.put(ws, 1, 1, pair("template.title").it.format(year=year), font=styles.TITLE_FONT)
    styles.put(ws, 2, 1, pair("template.title").en.format(year=year), font=styles.SUBTITLE_FONT)
    styles.put(ws, 3, 1, pair("template.department").it.format(name=department.it) + f" ({department.code})")
    styles.put(ws, 4, 1, pair("template.department").en.format(name=department.en) + f" ({department.code})")
    row = 6
    row = _section(ws, row, styles.both(pair("template.steps")), ("", "", *pair("template.languages")))
    for number in range(1, STEPS + 1):
        step = pair(f"template.step.{number}")
        _line(ws, row, (f"{number}.", "", *(step.get(lang).format(**_step_params(year, lang)) for lang in ("it", "en"))))
        row += 1
    row = _section(ws, row + 1, styles.both(pair("template.example")), (*pair("template.example_head"), *pair("template.languages")))
    example = example_row(department, year)
    for column in COLUMNS:
        _line(ws, row, (column.header.replace("\n", " / "), example[column.key],
                        f"{column.help_it}\n({column.rule_it})", f"{column.help_en}\n({column.rule_en})"),
              bold_first=column.required)
        row += 1
    row = _section(ws, row + 1, styles.both(pair("template.lists")), (*pair("template.lists_head"), *pair("template.languages")))
    for vocabulary in VOCABULARIES.values():
        for i, term in enumerate(vocabulary.terms):
            name = f"{vocabulary.name_it} / {vocabulary.name_en}" if i == 0 else ""
            _line(ws, row, (name, term.code, term.it, term.en), bold_first=True)
            row += 1
    ws.sheet_view.showGridLines = False
    styles.print_setup(ws, landscape=False)


def example_row(department: Department, year: int) -> dict[str, str]:
    """The schema's example activity made the department's and the year's: its reference starts with the
    department's code and the year, and it starts in March of the year (as long as the schema's example)."""
    row = {column.key: column.example for column in COLUMNS}
    row["ref"] = f"{department.code}-{year}-01"
    start, end = (_example_date(row[key]) for key in ("start_date", "end_date"))
    if start:
        shift = year - start[2]
        row["start_date"] = f"{start[0]:02d}/{start[1]:02d}/{year}"
        if end:
            row["end_date"] = f"{end[0]:02d}/{end[1]:02d}/{end[2] + shift}"
    return row


def _example_date(text: str) -> tuple[int, int, int] | None:
    """Day, month and year of a DD/MM/YYYY example."""
    parts = text.split("/")
    return tuple(int(p) for p in parts) if len(parts) == 3 and all(p.isdigit() for p in parts) else None


def _section(ws, row: int, title: str, heads: tuple) -> int:
    styles.put(ws, row, 1, title, font=styles.TITLE_FONT)
    styles.header(ws, row + 1, heads)
    return row + 2


def _line(ws, row: int, values: tuple, bold_first: bool = False) -> None:
    for c, value in enumerate(values, start=1):
        cell = styles.put(ws, row, c, value, alignment=styles.WRAP_TOP, border=styles.THIN_BORDER)
        if c == 1 and bold_first:
            cell.font = styles.BOLD
    styles.fit_height(ws, row, len(values))


def _info(ws, department: Department, year: int) -> None:
    """Labels in column A, values in B (year and department pre-filled and locked), a note in C."""
    styles.widths(ws, (36, 30, 60))
    values = {"year": year, "department": department.code}
    dates = _checked(DATE.validation, {})
    dates.allow_blank = True
    ws.add_data_validation(dates)
    for r, field in enumerate(INFO_FIELDS, start=1):
        styles.put(ws, r, 1, field.label, font=styles.BOLD, border=styles.THIN_BORDER)
        cell = styles.put(ws, r, 2, values.get(field.key), border=styles.THIN_BORDER,
                          protection=styles.LOCKED if field.key in values else styles.UNLOCKED)
        if field.key in values:
            cell.fill = styles.BAND_FILL
        if field.key == "date":
            cell.number_format = styles.FORMATS[DATE.number_format]
            dates.add(cell.coordinate)
        note = styles.both(pair(INFO_NOTES[field.key]))
        if field.key == "department":
            note = f"{department.it} / {department.en}"
        styles.put(ws, r, 3, note, alignment=styles.WRAP_TOP, border=styles.THIN_BORDER)
        styles.fit_height(ws, r, 3)
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = ws.protection.formatCells = False
    styles.print_setup(ws, landscape=False)


def _lists(ws) -> dict[str, str]:
    """One column per vocabulary (Italian labels, the values the dropdowns offer); hidden.
    Returns vocabulary key -> the absolute range of its labels."""
    ranges = {}
    for c, vocabulary in enumerate(VOCABULARIES.values(), start=1):
        letter = get_column_letter(c)
        styles.put(ws, 1, c, vocabulary.key, font=styles.BOLD)
        for r, term in enumerate(vocabulary.terms, start=2):
            styles.put(ws, r, c, term.it)
        ranges[vocabulary.key] = styles.sheet_ref(SHEET_LISTS.name,
                                                  f"${letter}$2:${letter}${len(vocabulary.terms) + 1}")
        ws.column_dimensions[letter].width = max(len(t.it) for t in vocabulary.terms) + 2
    ws.sheet_state = "hidden"
    return ranges


def _activities(ws, lists: dict[str, str]) -> None:
    """The header (bilingual, frozen, locked) and the pre-formatted, validated data rows (unlocked)."""
    fills = [styles.REQUIRED_FILL if c.required or c.key in REQUIRED_LOOK else styles.HEADER_FILL for c in COLUMNS]
    styles.header(ws, 1, [c.header for c in COLUMNS], fills)
    ws.row_dimensions[1].height = 48
    for i, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.cell(row=1, column=i).protection = styles.LOCKED
        dimension = ws.column_dimensions[letter]
        dimension.width = column.width
        number_format = _number_format(column)
        for target in (dimension, *(ws.cell(row=r, column=i) for r in range(2, FORMATTED_ROWS + 2))):
            target.protection = styles.UNLOCKED
            target.alignment = styles.WRAP_TOP
            if number_format:
                target.number_format = number_format
        ws.add_data_validation(validation(column, f"{letter}2:{letter}{LAST_ROW}", lists))
    ws.freeze_panes = "C2"
    ws.protection.sheet = True
    for permission in ("formatCells", "formatColumns", "formatRows", "insertRows", "deleteRows",
                       "insertHyperlinks", "sort", "autoFilter"):
        setattr(ws.protection, permission, False)  # False = allowed
    styles.print_setup(ws, "1:1", title_columns="A:C")


def _number_format(column: Column) -> str | None:
    return styles.FORMATS.get(column.kind.number_format)


def prompt(column: Column) -> tuple[str, str]:
    """The input message (title, text) shown when a cell of the column is selected, within Excel's limits."""
    title = f"{column.header_it} / {column.header_en}" if column.header_it != column.header_en else column.header_it
    if len(title) > PROMPT_TITLE_MAX:
        title = column.header_it[:PROMPT_TITLE_MAX]
    text = f"{column.help_it}\n{column.help_en}"
    if len(text) > PROMPT_MAX:
        log.warning("help of column %s is longer than Excel's %d characters: cut", column.key, PROMPT_MAX)
        text = text[:PROMPT_MAX - 1] + "…"
    return title, text


def _first(rng: str) -> str:
    return rng.split(":")[0]


def _checked(spec: dict, fields: dict) -> DataValidation:
    """A kind's validation (report.kinds), its formulas filled in: {cell}, {list}, {max_length} from `fields`."""
    fields = {"first_year": FIRST_YEAR, "last_year": LAST_YEAR, **fields}
    return DataValidation(**{name: value.format(**fields) if name.startswith("formula") else value
                             for name, value in spec.items()})


def validation(column: Column, rng: str, lists: dict[str, str]) -> DataValidation:
    """The column's validation over a range: a dropdown, a date, number or length check, or only the input
    message. Dropdowns and formats warn but accept other values (the validator reads English labels, codes,
    MM/YYYY dates...); numbers and lengths stop, since nothing else would be accepted."""
    spec = column.kind.validation or (LENGTH_CHECK if column.max_length else None)
    if spec:
        dv = _checked(spec, {"cell": _first(rng), "list": lists.get(column.vocabulary),
                             "max_length": column.max_length})
    else:
        dv = DataValidation()
    dv.allow_blank = True
    dv.promptTitle, dv.prompt = prompt(column)
    dv.showInputMessage = True
    if dv.type:
        dv.showErrorMessage = True
        dv.errorTitle = styles.both(pair("template.list_error" if dv.type == "list" else "template.value_error"))[:PROMPT_TITLE_MAX]
        dv.error = f"{column.rule_it}\n{column.rule_en}"[:PROMPT_MAX]
    dv.add(rng)
    return dv

