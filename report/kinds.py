"""Column kinds: what a kind of column means, in one place.

A kind says how a submitted cell is read (a parser of report.intake.values), how the department template
checks and formats it in Excel, how the docs name it, and how each output writes it: the council workbook's
cell, the Table Schema type of the data package. report.schema gives every column a kind; the validator,
the template, the council workbook, the docs and the data package ask the kind instead of testing its name.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from report import countries
from report.texts import Pair, pair

# A template validation's formulas are formatted with {cell} (the range's first cell), {list} (the
# vocabulary's range on the Lists sheet), {first_year}, {last_year} and {max_length}.
LENGTH_CHECK = {"type": "textLength", "operator": "lessThanOrEqual", "formula1": "{max_length}", "errorStyle": "stop"}


def _sdg_formula(cell: str) -> str:
    """A number 1-17, or text made only of digits and separators (the validator checks each goal)."""
    stripped = cell
    for char in "0123456789;, ":
        stripped = f'SUBSTITUTE({stripped},"{char}","")'
    return f"IF(ISNUMBER({cell}),AND({cell}>=1,{cell}<=17,{cell}=INT({cell})),LEN({stripped})=0)"


def _values():
    from report.intake import values  # imported late: the parsers import report.schema, which imports this module
    return values


def _parse_text(raw, column):
    return _values().parse_text(raw, column.max_length)


def _parse_vocabulary(raw, column):
    from report.schema import VOCABULARIES
    return _values().parse_vocabulary(raw, VOCABULARIES[column.vocabulary])


def _parse_date(raw, column):
    return _values().parse_date(raw, column.bound)


@dataclass(frozen=True)
class _Parser:
    """A parser of report.intake.values that needs the cell only."""
    name: str

    def __call__(self, raw, column):
        return getattr(_values(), self.name)(raw)


def _parser(name: str) -> Callable:
    return _Parser(name)


def _same(value, column):
    return value.item() if hasattr(value, "item") else value  # numpy scalars as Python ones


def _joined(value, column):
    return "; ".join(str(v) for v in value)


def _country_names(value, column):
    return "; ".join(countries.name(code, "it") for code in value)


def _label(value, column):
    from report.schema import VOCABULARIES
    term = VOCABULARIES[column.vocabulary].term(value)
    return term.it if term.it == term.en else f"{term.it} / {term.en}"


def _whole(value, column):
    return int(value)


@dataclass(frozen=True, eq=False)  # a kind is one object, compared and hashed by identity
class Kind:
    name: str
    words: Pair             # the docs' name of the kind
    form: Pair              # how activities_Y.csv writes it
    parse: Callable | None = None      # (raw cell, column) -> (typed value, problems); None: output only
    multi: bool = False                # several values in a cell: breakdowns count an activity once per value
    validation: dict | None = None     # the template's Excel data validation (see LENGTH_CHECK)
    number_format: str | None = None   # "amount", "date" or "integer": report.workbooks.styles.FORMATS
    council: Callable = _same          # (typed value, column) -> the council table's cell
    table_type: str = "string"         # Frictionless Table Schema type in datapackage.json
    table_pattern: str | None = None
    minimum: int | None = None         # the Table Schema's minimum of a number

    @property
    def empty(self):
        """The value of a cell left unread (too long to parse)."""
        return () if self.multi else None

    def __str__(self) -> str:
        return self.name

    def __reduce__(self):  # pickled by name: a worker process compares kinds by identity too
        return kind_named, (self.name,)


def kind_named(name: str) -> Kind:
    return next(kind for kind in KINDS if kind.name == name)


TEXT = Kind("text", pair("docs.kind.text"), pair("docs.form.text"), parse=_parse_text, validation=None)
VOCAB = Kind("vocabulary", pair("docs.kind.vocabulary"), pair("docs.form.vocabulary"),
             parse=_parse_vocabulary, council=_label,
             validation={"type": "list", "formula1": "{list}", "errorStyle": "warning"})
COUNTRIES = Kind("countries", pair("docs.kind.countries"),
                 pair("docs.form.countries"),
                 parse=_parser("parse_countries"), multi=True, council=_country_names,
                 table_pattern="[A-Z]{2}(;[A-Z]{2})*")
TEXT_LIST = Kind("text_list", pair("docs.kind.text_list"),
                 pair("docs.form.text_list"),
                 parse=_parser("parse_text_list"), multi=True, council=_joined)
DATE = Kind("date", pair("docs.kind.date"), pair("docs.form.date"),
            parse=_parse_date,
            validation={"type": "date", "operator": "between", "formula1": "DATE({first_year},1,1)",
                        "formula2": "DATE({last_year},12,31)", "errorStyle": "warning"},
            number_format="date", table_type="date")
AMOUNT = Kind("amount", pair("docs.kind.amount"),
              pair("docs.form.amount"),
              parse=_parser("parse_amount"),
              validation={"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0", "errorStyle": "stop"},
              number_format="amount", table_type="number", minimum=0)
SDGS = Kind("sdgs", pair("docs.kind.sdgs"),
            pair("docs.form.sdgs"),
            parse=_parser("parse_sdgs"), multi=True, council=_joined,
            validation={"type": "custom", "formula1": _sdg_formula("{cell}"), "errorStyle": "warning"},
            table_pattern="(1[0-7]|[1-9])(;(1[0-7]|[1-9]))*")
INTEGER = Kind("integer", pair("docs.kind.integer"), pair("docs.form.integer"),
               parse=_parser("parse_integer"), council=_whole,
               validation={"type": "whole", "operator": "greaterThanOrEqual", "formula1": "0", "errorStyle": "stop"},
               number_format="integer", table_type="integer", minimum=0)
URL = Kind("url", pair("docs.kind.url"), pair("docs.form.url"),
           parse=_parser("parse_url"),
           validation={"type": "custom", "formula1": 'OR(LEFT({cell},7)="http://",LEFT({cell},8)="https://")',
                       "errorStyle": "warning"})
BOOLEAN = Kind("boolean", pair("docs.kind.boolean"), pair("docs.form.boolean"),
               table_type="boolean")  # output only: `joint`
KINDS: tuple[Kind, ...] = (TEXT, VOCAB, COUNTRIES, TEXT_LIST, DATE, AMOUNT, SDGS, INTEGER, URL, BOOLEAN)
