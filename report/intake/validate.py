"""Validate and normalise the rows of the submissions: typed activities, findings and each row's outcome.

Column rules come from report.schema; each cross-field or cross-row rule is a small function that
yields problems. Nothing here raises for bad data.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from report import countries
from report import findings as fnd
from report.findings import Finding
from report.intake.ingest import Submission, column_letter
from report.texts import pair
from report.schema import (CELL_MAX, COLUMN_BY_KEY, COLUMNS, LOCATION_REQUIRED, TEXT, TITLE_REQUIRED, VOCABULARIES,
                           AtLeastOne)
from report.intake.values import Problem, as_text

ACCEPTED, REJECTED, OUTSIDE = "accepted", "rejected", "outside"
LANGUAGES = {lang: pair(f"language.{lang}") for lang in ("it", "en")}


@dataclass
class Activity:
    """One row read from a submission, typed, with its findings and outcome."""
    source_file: str
    sheet: str
    source_row: int
    department: str
    values: dict = field(default_factory=dict)   # column key -> typed value
    findings: list[Finding] = field(default_factory=list)
    columns: dict = field(default_factory=dict, repr=False)  # column key -> 0-based index in the sheet
    outcome: str = ACCEPTED
    joint: bool = False
    group: int = 0  # activities of one joint group share it; totals count each group once
    activity_id: str = ""  # the group's stable identifier, published in activities_Y.csv (see `activity_id`)

    @property
    def has_error(self) -> bool:
        return any(f.severity == fnd.ERROR for f in self.findings)

    def cell(self, key: str) -> str:
        """The cell reference of a column on this row (F12), or '' when the sheet has no such column."""
        col = self.columns.get(key)
        return f"{column_letter(col)}{self.source_row}" if col is not None else ""

    def flag(self, code: str, key: str, **params) -> None:
        """Add a finding of a catalogue code on this row's cell of a column."""
        self.findings.append(fnd.make(code, source_file=self.source_file, sheet=self.sheet,
                                      source_row=self.source_row, column=key, cell=self.cell(key),
                                      department=self.department, **params))


def _parse_cell(key: str, raw):
    """Typed value and problems of one cell; repeated values of the non-text columns are parsed once."""
    column = COLUMN_BY_KEY[key]
    if column.kind is TEXT:
        return column.kind.parse(raw, column)
    limit = column.max_length or CELL_MAX
    if isinstance(raw, str) and len(raw) > limit:  # never parsed: no cell can make reading slow
        return column.kind.empty, (Problem("text_too_long", {"length": len(raw), "limit": limit}),)
    try:  # the type is part of the key: 1, 1.0 and True are equal as keys but not as cells
        return _parse_repeatable(key, type(raw), raw)
    except TypeError:  # an unhashable cell value: parse it directly
        return _parse_repeatable.__wrapped__(key, type(raw), raw)


@lru_cache(maxsize=16384)
def _parse_repeatable(key: str, _type: type, raw):
    column = COLUMN_BY_KEY[key]
    return column.kind.parse(raw, column)


def _column_params(key: str) -> dict:
    column = COLUMN_BY_KEY[key]
    return {"column_it": column.header_it, "column_en": column.header_en}


# ---- row rules: each gets the typed values and the keys whose cell could not be read, -------------
# ---- and yields (column key, Problem) --------------------------------------------------------------

def rule_required(v: dict, invalid: set):
    for column in COLUMNS:
        if column.required and column.key not in invalid and v.get(column.key) in (None, ""):
            yield column.key, Problem("required_missing")


def at_least_one(group: AtLeastOne):
    """The row rule of a schema declaration: at least one of the group's columns is filled (a cell that could
    not be read counts as filled: it has its own finding)."""
    def rule(v: dict, invalid: set):
        if not any(v.get(key) for key in group.keys) and not invalid & set(group.keys):
            yield group.keys[0], Problem(group.code)
    rule.__name__ = f"rule_{group.keys[0]}_or_other"
    return rule


def rule_titles(v: dict, invalid: set):
    """Each title language missing, when the other is given (TITLE_REQUIRED reports both missing)."""
    if not v["title_it"] and not v["title_en"]:
        return
    for lang in ("it", "en"):
        if not v[f"title_{lang}"]:
            yield f"title_{lang}", Problem("title_language_missing", _lang_params(lang))


def rule_descriptions(v: dict, invalid: set):
    if not v["description_it"] and not v["description_en"]:
        yield "description_it", Problem("description_missing")
        return
    for lang in ("it", "en"):
        if not v[f"description_{lang}"]:
            yield f"description_{lang}", Problem("description_language_missing", _lang_params(lang))


def _lang_params(lang: str) -> dict:
    return {"lang_it": LANGUAGES[lang][0], "lang_en": LANGUAGES[lang][1]}


@lru_cache(maxsize=4096)
def derived_area(codes: tuple[str, ...]) -> str | None:
    """The area of a tuple of countries (cached: the same lists recur across rows)."""
    return countries.area_for(codes)


def rule_location(v: dict, invalid: set):
    derived = derived_area(v["countries"])
    if v["area"] and derived and v["area"] != derived:
        area = VOCABULARIES["area"]
        yield "area", Problem("area_mismatch", {
            "given_it": area.label(v["area"], "it"), "given_en": area.label(v["area"], "en"),
            "derived_it": area.label(derived, "it"), "derived_en": area.label(derived, "en")})


def rule_date_order(v: dict, invalid: set):
    if v["start_date"] and v["end_date"] and v["end_date"] < v["start_date"]:
        yield "end_date", Problem("date_order", {"start": v["start_date"], "end": v["end_date"]})


def rule_funding(v: dict, invalid: set):
    budget, city, external = v["budget_eur"], v["city_funding_eur"], v["external_funding_eur"]
    if budget is None:
        return
    if city is not None and city > budget:
        yield "city_funding_eur", Problem("city_funding_above_budget", {"city": city, "budget": budget})
    elif city is not None and external is not None and city + external > budget + 0.5:
        yield "external_funding_eur", Problem("funding_above_budget", {"total": city + external, "budget": budget})


ROW_RULES = (rule_required, at_least_one(TITLE_REQUIRED), rule_titles, rule_descriptions,
             at_least_one(LOCATION_REQUIRED), rule_location, rule_date_order, rule_funding)


def derived_status(start: date | None, end: date | None, year: int) -> str | None:
    """Status as of 31 December of the report year."""
    if start is None:
        return None
    reference = date(year, 12, 31)
    if start > reference:
        return "planned"
    return "completed" if end is not None and end <= reference else "ongoing"


def overlaps_year(start: date, end: date | None, year: int) -> bool:
    return start <= date(year, 12, 31) and (end is None or end >= date(year, 1, 1))


# ---- validation ------------------------------------------------------------------------------------

def validate_submission(sub: Submission, year: int, department_codes: set[str]) -> list[Activity]:
    """Typed activities of one submission, each with its findings and outcome."""
    activities = []
    for source_row, cells in sub.rows:
        activities.append(_validate_row(sub, source_row, cells, year, department_codes))
    _rule_unique_refs(sub, activities)
    return activities


def _validate_row(sub: Submission, source_row: int, cells: dict, year: int, codes: set[str]) -> Activity:
    department = sub.department
    if "department" in cells and as_text(cells["department"]).upper() in codes:
        department = as_text(cells["department"]).upper()
    act = Activity(sub.name, sub.sheet, source_row, department, columns=sub.columns)
    act.findings.extend(sub.row_errors.get(source_row, ()))

    def add(key: str, problem: Problem) -> None:
        act.flag(problem.code, key, **_column_params(key), **problem.params)

    invalid: set[str] = set()
    for column in COLUMNS:
        value, problems = _parse_cell(column.key, cells.get(column.key))
        act.values[column.key] = value
        for problem in problems:
            if fnd.CATALOGUE[problem.code].severity == fnd.ERROR:  # a warning keeps the value read
                invalid.add(column.key)
            add(column.key, problem)
    v = act.values
    for rule in ROW_RULES:
        for key, problem in rule(v, invalid):
            add(key, problem)
    if not department:
        act.flag("department_unknown", "department", detail=sub.name, example=min(codes, default="REL_INT"))
    _derive(act, year, add)
    if act.has_error:
        act.outcome = REJECTED
    elif not overlaps_year(v["start_date"], v["end_date"], year):
        act.outcome = OUTSIDE
        act.flag("outside_year", "start_date", year=year, start=v["start_date"], end=v["end_date"] or "…")
    return act


def _derive(act: Activity, year: int, add) -> None:
    """Fill area and status from countries and dates, warning when a given value contradicts them."""
    v = act.values
    if not v["area"]:
        v["area"] = derived_area(v["countries"])
    status = derived_status(v["start_date"], v["end_date"], year)
    if not v["status"]:
        v["status"] = status
    elif status and v["status"] != status:
        vocab = VOCABULARIES["status"]
        add("status", Problem("status_mismatch", {
            "given_it": vocab.label(v["status"], "it"), "given_en": vocab.label(v["status"], "en"),
            "derived_it": vocab.label(status, "it"), "derived_en": vocab.label(status, "en"), "year": year}))


def _rule_unique_refs(sub: Submission, activities: list[Activity]) -> None:
    first_row: dict[str, int] = {}
    for act in activities:
        ref = act.values.get("ref")
        if not ref:
            continue
        if ref in first_row:
            act.flag("ref_repeated", "ref", value=ref, other_row=first_row[ref])
            act.outcome = REJECTED
        else:
            first_row[ref] = act.source_row


# ---- joint activities (across departments) ----------------------------------------------------------

def _title_key(title: str) -> str:
    return re.sub(r"\s+", " ", title.strip()).casefold()


def joint_keys(act: Activity) -> list[tuple]:
    """The keys under which two rows are the same activity: (language, folded title, start date), one per
    title given. Rows sharing a key, directly or through other rows, are one group."""
    return [(lang, _title_key(title), act.values["start_date"])
            for lang in ("it", "en") if (title := act.values[f"title_{lang}"])]


def activity_id(keys) -> str:
    """A group's identifier, from its smallest key: two groups never share a key (they would be one), so the
    identifiers differ, and the same rows give the same identifier on every build and in every report year."""
    lang, title, start = min(keys, key=lambda k: (k[0], k[1], str(k[2])))
    digest = hashlib.sha256(f"{lang}\n{title}\n{start}".encode()).hexdigest()
    return f"act-{digest[:16]}"


def mark_joint(activities: list[Activity]) -> None:
    """Group accepted activities with the same title (same language) and start date: across departments
    they are joint (a warning on each row); within one department they are a likely duplicate."""
    accepted = [a for a in activities if a.outcome == ACCEPTED]
    parent = list(range(len(accepted)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple, int] = {}
    for i, act in enumerate(accepted):
        for key in joint_keys(act):
            j = seen.setdefault(key, i)
            if j != i:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(accepted)):
        groups[find(i)].append(i)
    for number, members in enumerate(groups.values(), start=1):
        acts = [accepted[i] for i in members]
        departments = {a.department for a in acts}
        identifier = activity_id([key for a in acts for key in joint_keys(a)])
        for act in acts:
            act.group = number
            act.activity_id = identifier
            if len(departments) > 1:
                act.joint = True
                others = ", ".join(sorted(departments - {act.department}))
                act.flag("joint_activity", _title_column(act), others=others)
        for department in departments:
            same = [a for a in acts if a.department == department]
            for act in same[1:]:
                act.flag("activity_repeated", _title_column(act), other_row=same[0].source_row,
                         other_file=same[0].source_file)


def _title_column(act: Activity) -> str:
    return "title_it" if act.values["title_it"] else "title_en"
