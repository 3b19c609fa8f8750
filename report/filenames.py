"""Every output file's name in one place: the data files, the report's editions, the feedback and template
workbooks, and the folders beside them (the build cache recognises its files by these names too)."""
from __future__ import annotations

VALIDATION = "validation_{year}.csv"          # one row per finding
ACTIVITIES = "activities_{year}.csv"          # the open data: the accepted activities
COUNCIL = "activities_{year}.xlsx"            # the council's workbook of the same activities
DATAPACKAGE = "datapackage.json"              # the Frictionless descriptor of the open data
EDITIONS = {"both": "report_{year}.pdf", "it": "report_{year}_it.pdf", "en": "report_{year}_en.pdf"}
WEB_PAGE = "report_{year}.html"
WORKBOOK = "{stem}_{year}.xlsx"               # a department's feedback or blank template: <CODE>_Y.xlsx
CHARTS_DIR = "charts"                         # the charts of the editions, beside them
FEEDBACK_DIR = "feedback"                     # the feedback workbooks, one per file with findings
TEMPLATES_DIR = "templates"                   # the `template` command's default folder, under outputs/


def validation(year: int | str) -> str:
    return VALIDATION.format(year=year)


def activities(year: int | str) -> str:
    return ACTIVITIES.format(year=year)


def council(year: int | str) -> str:
    return COUNCIL.format(year=year)


def edition(name: str, year: int | str) -> str:
    """The PDF of an edition: both (the bilingual one), it or en."""
    return EDITIONS[name].format(year=year)


def web_page(year: int | str) -> str:
    return WEB_PAGE.format(year=year)


def workbook(stem: str, year: int | str) -> str:
    return WORKBOOK.format(stem=stem, year=year)
