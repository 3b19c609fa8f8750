"""Cell value parsers: each turns one raw cell into a typed value plus problems, and never raises.

A problem is a catalogue code with its message parameters (see report.findings); the validator adds
the where (file, sheet, row, cell). The parsers follow contract section 3 ("How values are read").
"""
from __future__ import annotations

import calendar
import difflib
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from report import countries
from report.schema import LIST_SEPARATORS, Vocabulary, fold
from report.settings import DEFAULTS
from report.texts import pair


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict = field(default_factory=dict)


NO_PROBLEMS: tuple[Problem, ...] = ()

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


# Characters an XML workbook cannot hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates).
# A vertical tab pasted from a word processor is one (Excel stores it as `_x000B_`). They are removed when a
# cell is read, with a warning (docs/rules.md), so no writer ever meets one.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def without_controls(text: str) -> tuple[str, int]:
    """The text without control characters, and how many were removed."""
    if CONTROL_CHARACTERS.search(text) is None:
        return text, 0
    return CONTROL_CHARACTERS.subn("", text)


def scrub_rows(rows: list[list]) -> list[tuple[int, int, int]]:
    """Remove control characters from the text cells of rows, in place; (row index, column index, count
    removed) of each cell changed."""
    changed = []
    for r, row in enumerate(rows):
        if not CONTROL_CHARACTERS.search("\n".join(cell for cell in row if type(cell) is str)):
            continue  # one search a row: most rows have none
        for c, cell in enumerate(row):
            if type(cell) is str and CONTROL_CHARACTERS.search(cell):
                row[c], count = CONTROL_CHARACTERS.subn("", cell)
                changed.append((r, c, count))
    return changed


def is_blank(raw) -> bool:
    """True for an empty cell: None, NaN, or text of white space only."""
    if type(raw) is str:
        return not raw or raw.isspace()
    if raw is None:
        return True
    if isinstance(raw, float):
        return math.isnan(raw)
    if isinstance(raw, str):
        return not raw.strip()
    return False


def as_text(raw) -> str:
    """The cell as text, trimmed: whole floats lose their '.0', dates become ISO."""
    if type(raw) is str:
        text = raw.strip()
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if is_blank(raw):
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw).replace("\r\n", "\n").replace("\r", "\n").strip()


def parse_text(raw, max_length: int | None = None) -> tuple[str, tuple[Problem, ...]]:
    text = as_text(raw)
    if max_length is not None and len(text) > max_length:
        return text, (Problem("text_too_long", {"length": len(text), "limit": max_length}),)
    return text, NO_PROBLEMS


def split_list(raw) -> list[str]:
    """Items of a list cell: separated by ';' or line breaks, trimmed, empties dropped."""
    return [item.strip() for item in re.split(LIST_SEPARATORS, as_text(raw)) if item.strip()]


def parse_text_list(raw) -> tuple[tuple[str, ...], tuple[Problem, ...]]:
    return tuple(dict.fromkeys(split_list(raw))), NO_PROBLEMS


# ---- amounts --------------------------------------------------------------------------------------

_CURRENCY = re.compile(r"(?i)€|\beur(o|os)?\b|\$")
_PLAIN = re.compile(r"\d+")
_GROUPED = r"\d{{1,3}}(?:{sep}\d{{3}})+"


def _number(text: str) -> float | None:
    """A non-negative decimal written with '.' or ',' as decimal or thousands separator; None if not one."""
    if _PLAIN.fullmatch(text):
        return float(text)
    dots, commas = text.count("."), text.count(",")
    if dots and commas:  # the last separator is the decimal one, the other groups thousands
        decimal, group = (".", ",") if text.rfind(".") > text.rfind(",") else (",", ".")
        whole, _, frac = text.rpartition(decimal)
        if (re.fullmatch(_GROUPED.format(sep=re.escape(group)), whole) or _PLAIN.fullmatch(whole)) \
                and _PLAIN.fullmatch(frac):
            return float(whole.replace(group, "") + "." + frac)
        return None
    sep = "." if dots else ","
    count = dots or commas
    if count > 1:  # 1.250.000: thousands groups only
        return float(text.replace(sep, "")) if re.fullmatch(_GROUPED.format(sep=re.escape(sep)), text) else None
    whole, _, frac = text.partition(sep)
    if not (_PLAIN.fullmatch(frac) and (_PLAIN.fullmatch(whole) or whole == "")):
        return None
    if len(frac) == 3 and whole and len(whole) <= 3 and whole[0] != "0":  # 1.500 = 1500: a thousands group
        return float(whole + frac)
    return float((whole or "0") + "." + frac)


def parse_amount(raw) -> tuple[float | None, tuple[Problem, ...]]:
    """An amount in euros ≥ 0 from a number cell or text such as `12.000,50` or `€ 12 000`."""
    if is_blank(raw):
        return None, NO_PROBLEMS
    if isinstance(raw, bool):
        return None, (Problem("amount_invalid", {"value": as_text(raw)}),)
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and not math.isfinite(raw):
            return None, (Problem("amount_invalid", {"value": as_text(raw)}),)
        value = float(raw)
    else:
        text = _SPACES.sub("", _CURRENCY.sub("", str(raw))).replace("'", "").replace("’", "")
        negative = text.startswith(("-", "−"))
        if negative or text.startswith("+"):
            text = text[1:]
        number = _number(text) if text else None
        if number is None:
            return None, (Problem("amount_invalid", {"value": as_text(raw)}),)
        value = -number if negative and number else number
    if not math.isfinite(value):  # more digits than a float holds
        return None, (Problem("amount_invalid", {"value": as_text(raw)}),)
    if value < 0:
        return None, (Problem("amount_negative", {"value": as_text(raw)}),)
    return value, NO_PROBLEMS


def parse_integer(raw) -> tuple[int | None, tuple[Problem, ...]]:
    """A whole number ≥ 0 (participants); text may carry thousands separators."""
    value, problems = parse_amount(raw)
    if problems or (value is not None and not float(value).is_integer()):
        return None, (Problem("integer_invalid", {"value": as_text(raw)}),)
    return (None if value is None else int(value)), NO_PROBLEMS


# ---- dates ----------------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?")
_DAY_FIRST = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.\-](\d{4})")
_YEAR = re.compile(r"(\d{4})")
START, END = "start", "end"
MIN_YEAR, MAX_YEAR = DEFAULTS.first_year, DEFAULTS.last_year  # a date outside these years is a typo


def _month_bound(year: int, month: int, bound: str) -> date:
    return date(year, month, 1 if bound == START else calendar.monthrange(year, month)[1])


def parse_date(raw, bound: str = START) -> tuple[date | None, tuple[Problem, ...]]:
    """A date cell or text in one of the contract's forms; MM/YYYY and YYYY take the first or last day
    depending on whether the date starts or ends a period (`bound`)."""
    if is_blank(raw):
        return None, NO_PROBLEMS
    invalid = (Problem("date_invalid", {"value": as_text(raw)}),)
    if isinstance(raw, datetime):
        return raw.date(), NO_PROBLEMS
    if isinstance(raw, date):
        return raw, NO_PROBLEMS
    if isinstance(raw, bool):
        return None, invalid
    if isinstance(raw, (int, float)):
        if float(raw).is_integer() and MIN_YEAR <= raw <= MAX_YEAR:
            return _month_bound(int(raw), 1 if bound == START else 12, bound), NO_PROBLEMS
        return None, invalid
    text = str(raw).strip()
    if not _ISO.fullmatch(text):  # an ISO date keeps the space before its midnight time
        text = _SPACES.sub("", text)
    found = None
    try:
        if m := _ISO.fullmatch(text):
            found = date(int(m[1]), int(m[2]), int(m[3]))
        elif m := _DAY_FIRST.fullmatch(text):
            found = date(int(m[4]), int(m[3]), int(m[1]))
        elif m := _MONTH_YEAR.fullmatch(text):
            found = _month_bound(int(m[2]), int(m[1]), bound)
        elif m := _YEAR.fullmatch(text):
            found = _month_bound(int(m[1]), 1 if bound == START else 12, bound)
    except ValueError:  # 31/02/2025, month 13
        pass
    if found is None or not MIN_YEAR <= found.year <= MAX_YEAR:  # 01/03/0202 is a typo, not a date
        return None, invalid
    return found, NO_PROBLEMS


# ---- vocabularies, countries, SDGs, URLs ----------------------------------------------------------

def closest(text: str, choices: dict[str, str], limit: int = 3) -> list[str]:
    """Display forms of the choices (folded form -> display) closest to text, best first."""
    matches = difflib.get_close_matches(fold(text), list(choices), n=limit, cutoff=0.6)
    return list(dict.fromkeys(choices[m] for m in matches))


def hint(suggestions: list[str]) -> dict[str, str]:
    """The 'did you mean' part of a message, in both languages (empty when there is nothing to suggest)."""
    if not suggestions:
        return {"hint_it": "", "hint_en": ""}
    quoted_it = ", ".join(f"«{s}»" for s in suggestions)
    quoted_en = ", ".join(f"'{s}'" for s in suggestions)
    it, en = pair("intake.hint")
    return {"hint_it": it.format(suggestions=quoted_it), "hint_en": en.format(suggestions=quoted_en)}


def parse_vocabulary(raw, vocabulary: Vocabulary) -> tuple[str | None, tuple[Problem, ...]]:
    """The code of a vocabulary term given as code, Italian or English label in any case."""
    if is_blank(raw):
        return None, NO_PROBLEMS
    text = as_text(raw)
    code = vocabulary.lookup(text)
    if code:
        return code, NO_PROBLEMS
    labels = {fold(label): label for t in vocabulary.terms for label in (t.it, t.en)}
    return None, (Problem("vocabulary_unknown", {"value": text, "vocabulary": vocabulary.key,
                                                 **hint(closest(text, labels))}),)


def parse_countries(raw) -> tuple[tuple[str, ...], tuple[Problem, ...]]:
    """ISO alpha-2 codes of the countries in a list cell; each unknown name is a problem with suggestions.
    An item that is no country but whose comma-separated parts all are ('Austria, Germania') gives those
    countries, with a warning: a name with a comma ('Korea, Republic of') is looked up whole first."""
    codes: list[str] = []
    problems: list[Problem] = []
    for item in split_list(raw):
        code = countries.resolve(item)
        parts = [p.strip() for p in item.split(",") if p.strip()] if not code else []
        found = [countries.resolve(p) for p in parts]
        if code or (len(parts) > 1 and all(found)):
            codes.extend(c for c in ([code] if code else found) if c not in codes)
            if not code:
                problems.append(Problem("countries_comma", {"value": item, "joined": "; ".join(parts)}))
        else:
            problems.append(Problem("country_unknown", {"value": item, **hint(countries.suggest(item))}))
    return tuple(codes), tuple(problems)


_SDG_ITEM = re.compile(r"(?i)(?:sdgs?|goal|obiettivo|ob\.?|#)?\s*(\d{1,2})")


def parse_sdgs(raw) -> tuple[tuple[int, ...], tuple[Problem, ...]]:
    """SDG numbers 1–17 from a number cell or a list such as `11; 13` (commas are accepted too)."""
    if is_blank(raw):
        return (), NO_PROBLEMS
    items = re.split(r"[;,\n\r]+", as_text(raw))
    goals: list[int] = []
    problems: list[Problem] = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        m = _SDG_ITEM.fullmatch(item)
        if m and 1 <= int(m[1]) <= 17:
            if int(m[1]) not in goals:
                goals.append(int(m[1]))
        else:
            problems.append(Problem("sdg_invalid", {"value": item}))
    return tuple(sorted(goals)), tuple(problems)


def parse_url(raw) -> tuple[str | None, tuple[Problem, ...]]:
    """An http or https address with a host; anything else (other schemes, no scheme) is a problem."""
    if is_blank(raw):
        return None, NO_PROBLEMS
    text = as_text(raw)
    try:
        parts = urlsplit(text)
        valid = parts.scheme.lower() in ("http", "https") and bool(parts.hostname) \
            and "." in parts.hostname and not _SPACES.search(text)
    except ValueError:
        valid = False
    return (text, NO_PROBLEMS) if valid else (None, (Problem("url_invalid", {"value": text}),))
