"""The shared look of the generated workbooks: palette, cell styles, number formats, safe cell writes, print set-up."""
from __future__ import annotations

import math
import re

from babel import Locale
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter

from report.findings import ERROR, INFO, WARNING
from report.files import neutralise
from report.texts import severity

# Colours: the report's dark blue for headers; severities from the Okabe-Ito colour-blind-safe palette
# (vermillion, yellow, sky blue) as light tints, so text stays readable, each with its own border
# style, so the severity does not rest on colour alone.
INK = "1A2B3C"
HEADER_FILL = PatternFill("solid", fgColor="3A6EA5")
REQUIRED_FILL = PatternFill("solid", fgColor="102E50")
BAND_FILL = PatternFill("solid", fgColor="EAF1F8")
SECTION_FILL = PatternFill("solid", fgColor="D6E4F0")
SEVERITY_FILL = {
    ERROR: PatternFill("solid", fgColor="F5C0A3"),
    WARNING: PatternFill("solid", fgColor="FBEFA0"),
    INFO: PatternFill("solid", fgColor="CDE6F7"),
}
SEVERITY_BORDER = {
    ERROR: Border(*(Side("medium", "D55E00"),) * 4),
    WARNING: Border(*(Side("dashed", "B38F00"),) * 4),
    INFO: Border(*(Side("dotted", "0072B2"),) * 4),
}
SEVERITY_LABEL = {name: severity(name).both() for name in (ERROR, WARNING, INFO)}

FONT = "Calibri"  # the spreadsheet programs' default; LibreOffice substitutes a metric-compatible font
TITLE_FONT = Font(FONT, size=14, bold=True, color=INK)
SUBTITLE_FONT = Font(FONT, size=12, bold=True, color="4A5A6A")
HEADER_FONT = Font(FONT, size=11, bold=True, color="FFFFFF")
BOLD = Font(FONT, size=11, bold=True)
LINK_FONT = Font(FONT, size=11, color="0563C1", underline="single")
LINE_HEIGHT = 15  # points per line of 11-point text
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
THIN_BORDER = Border(bottom=Side("thin", "9FB3C8"))
LOCKED, UNLOCKED = Protection(locked=True), Protection(locked=False)
NUMBER_LOCALE = "it"  # the coordination team's locale for number and date formats


def amount_format(locale: str = NUMBER_LOCALE) -> str:
    """The locale's currency pattern (Babel/CLDR) as an Excel number format in euros."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    symbol = Locale.parse(locale).currency_symbols.get("EUR", "EUR")
    return pattern.replace("¤", f'"{symbol}"')


def integer_format(locale: str = NUMBER_LOCALE) -> str:
    """The locale's decimal pattern (Babel/CLDR) without decimals, as an Excel number format."""
    return Locale.parse(locale).decimal_formats[None].pattern.split(";")[0].split(".")[0]


def date_format(locale: str = NUMBER_LOCALE) -> str:
    """The locale's short date pattern (Babel/CLDR) with a four-digit year, as an Excel number format."""
    pattern = Locale.parse(locale).date_formats["short"].pattern
    fields = {"y": lambda run: "yyyy", "M": lambda run: "m" * min(len(run), 4), "d": lambda run: "d" * min(len(run), 2)}
    return re.sub(r"y+|M+|d+", lambda m: fields[m[0][0]](m[0]), pattern)


AMOUNT_FORMAT, INTEGER_FORMAT, DATE_FORMAT = amount_format(), integer_format(), date_format()
FORMATS = {"amount": AMOUNT_FORMAT, "integer": INTEGER_FORMAT, "date": DATE_FORMAT}  # by report.kinds.Kind.number_format


def both(pair: tuple[str, str], sep: str = " / ", **params) -> str:
    """An (Italian, English) text pair as one bilingual string, its placeholders filled."""
    return f"{pair[0].format(**params)}{sep}{pair[1].format(**params)}"


def put(ws, row: int, column: int, value, **style):
    """Write a value; text that a spreadsheet would run as a formula is neutralised and stored as text."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = neutralise(value)
        cell.data_type = "s"
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def header(ws, row: int, labels, fills=None) -> None:
    """A header row: bold white on dark blue, wrapped and centred."""
    for c, label in enumerate(labels, start=1):
        put(ws, row, c, label, font=HEADER_FONT, fill=(fills[c - 1] if fills else HEADER_FILL),
            alignment=HEADER_ALIGN, border=THIN_BORDER)


def widths(ws, sizes) -> None:
    """Column widths in characters, from column A."""
    for c, size in enumerate(sizes, start=1):
        ws.column_dimensions[get_column_letter(c)].width = size


def fitted_height(values, sizes) -> float:
    """The height in points of a row of these values in columns of these widths, wrapped text shown whole."""
    lines = 1
    for value, width in zip(values, sizes):
        if isinstance(value, str):
            lines = max(lines, sum(max(1, math.ceil(len(part) * 1.1 / (width or 10))) for part in value.split("\n")))
    return LINE_HEIGHT * lines + 2


def fit_height(ws, row: int, columns: int) -> None:
    """Set a row's height to show its wrapped text (spreadsheet programs do not grow rows written by openpyxl)."""
    ws.row_dimensions[row].height = fitted_height(
        [ws.cell(row=row, column=c).value for c in range(1, columns + 1)],
        [ws.column_dimensions[get_column_letter(c)].width for c in range(1, columns + 1)])


PAGE_CHARACTERS = 190  # about what fits across a landscape A4 page at a readable size


def print_setup(ws, title_rows: str | None = None, landscape: bool = True, title_columns: str | None = None,
                one_page_wide: bool = False) -> None:
    """A4, landscape, fit to the page width (wide sheets over as many pages as they need, with their first
    columns repeated, unless one_page_wide), the header rows repeated on every printed page."""
    total = sum(ws.column_dimensions[get_column_letter(c)].width or 10 for c in range(1, ws.max_column + 1))
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1 if one_page_wide or not landscape else max(1, math.ceil(total / PAGE_CHARACTERS))
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.gridLines = False
    if title_rows:
        ws.print_title_rows = title_rows
    if title_columns and ws.page_setup.fitToWidth > 1:
        ws.print_title_cols = title_columns


def sheet_ref(sheet: str, cell: str) -> str:
    """A reference to a cell of a sheet, quoted as formulas and hyperlinks want it: 'My sheet'!F12."""
    return "'{}'!{}".format(sheet.replace("'", "''"), cell)
