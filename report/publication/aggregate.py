"""Figures and tables computed from a year's accepted activities, each joint activity counted once.

Input is `YearData.frame()`: one row per accepted activity per reporting department, rows of one
joint activity (and a department's repeated rows) sharing a `group` number. The rules, the same for
the PDF, the HTML, the charts and the council workbook:

- An activity is a group. Single-valued fields (area, type, theme, role, status, funding source)
  and amounts are read from the group's first row (`unique`).
- Multi-valued fields (countries, SDGs, partners) and the department count a group once per value,
  taking the union over the group's rows: a joint activity counts once for each of its departments,
  a project in France and Spain once for France and once for Spain. Bars of such a breakdown
  therefore add up to more than the number of activities; that is what they mean.
- Missing values (None, NaN, "") are left out of breakdowns; missing amounts count as 0 in sums.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from report.countries import area_of
from report.missing import is_missing
from report.schema import AMOUNT, COLUMNS, INTEGER, VOCAB, VOCABULARIES

# Breakdown keys, from the columns' kinds: a list column counts an activity once per value, like the departments.
SINGLE_KEYS = ("department", *(c.key for c in COLUMNS if c.kind is VOCAB))
MULTI_KEYS = tuple(c.key for c in COLUMNS if c.kind.multi)
KEYS = (*SINGLE_KEYS, *MULTI_KEYS)
PER_ROW_KEYS = (*MULTI_KEYS, "department")  # read from every row of a joint activity, not only its first
AMOUNTS = tuple(c.key for c in COLUMNS if c.kind in (AMOUNT, INTEGER))

FIGURES = ("activities", "departments", "countries", "partner_cities", "budget_eur", "eu_funding_eur",
           "city_funding_eur", "participants")


def _items(value) -> tuple:
    """The values of a list cell (tuple of codes, numbers or names); a lone scalar is a list of one."""
    if is_missing(value):
        return ()
    if isinstance(value, (tuple, list, set, frozenset)):
        return tuple(v for v in value if not is_missing(v))
    return (value,)


def unique(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per activity: the first row of each `group` (joint activities and repeated rows once), in frame order."""
    if frame.empty:
        return frame.copy()
    return frame.loc[~frame["group"].duplicated()].reset_index(drop=True)


def _amount(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce").fillna(0.0).astype(float)


def _pairs(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Distinct (group, value) pairs of a breakdown key, in frame order (see the module's rules)."""
    if key not in KEYS:
        raise ValueError(f"unknown breakdown key {key!r}: use one of {', '.join(KEYS)}")
    source = frame if key in PER_ROW_KEYS else unique(frame)
    if source.empty:
        return pd.DataFrame(columns=["group", "value"])
    rows = [(group, item) for group, value in zip(source["group"], source[key]) for item in _items(value)]
    pairs = pd.DataFrame(rows, columns=["group", "value"])
    if key == "partners":  # one spelling per partner: the first one met
        pairs["value"] = pairs["value"].map(_partner_name)
        pairs = pairs[pairs["value"] != ""]
        spelling = dict(zip(pairs["value"].map(_partner_key)[::-1], pairs["value"][::-1]))
        pairs["value"] = pairs["value"].map(lambda v: spelling[_partner_key(v)])
    return pairs.drop_duplicates().reset_index(drop=True)


def _partner_name(name) -> str:
    return re.sub(r"\s+", " ", str(name)).strip()


def _partner_key(name: str) -> str:
    return _partner_name(name).casefold()


def _order(index: Iterable, key: str) -> list:
    """A stable tie-break: vocabulary order for vocabulary keys, natural order otherwise."""
    vocabulary = VOCABULARIES.get(key)
    if vocabulary is not None:
        rank = {code: i for i, code in enumerate(vocabulary.codes)}
        return sorted(index, key=lambda v: (rank.get(v, len(rank)), str(v)))
    return sorted(index, key=lambda v: (isinstance(v, str), v))


def _descending(series: pd.Series, key: str) -> pd.Series:
    """Largest first; ties in vocabulary (or natural) order, so the result never depends on dict order."""
    ordered = series.reindex(_order(series.index, key))
    return ordered.sort_values(ascending=False, kind="stable")


def count_by(frame: pd.DataFrame, key: str) -> pd.Series:
    """Activities per value of `key`, largest first (ties in vocabulary order); int counts.

    key: area, department, type, theme, role, status, funding_source (codes), or countries (alpha-2),
    sdgs (int goal), partners (name): an activity counts once per value it has (module docstring).
    """
    pairs = _pairs(frame, key)
    counts = pairs.groupby("value", sort=False).size().astype(int) if len(pairs) else pd.Series(dtype=int)
    counts.index.name = key
    return _descending(counts.rename("activities"), key)


def sum_by(frame: pd.DataFrame, key: str, amount: str = "budget_eur") -> pd.Series:
    """Sum of an amount (budget_eur, city_funding_eur, external_funding_eur, participants) per value of
    `key`, largest first; each activity's amount is its first row's, counted once per value it has.
    Values whose activities give no amount appear with 0."""
    if amount not in AMOUNTS:
        raise ValueError(f"unknown amount {amount!r}: use one of {', '.join(AMOUNTS)}")
    pairs = _pairs(frame, key)
    first = unique(frame)
    by_group = dict(zip(first["group"], _amount(first, amount))) if len(first) else {}
    if not len(pairs):
        return pd.Series(dtype=float, name=amount).rename_axis(key)
    pairs = pairs.assign(amount=pairs["group"].map(by_group).astype(float))
    sums = pairs.groupby("value", sort=False)["amount"].sum()
    sums.index.name = key
    return _descending(sums.rename(amount), key)


def eu_funding(frame: pd.DataFrame) -> float:
    """EU funding: the external funding of the activities whose funding source is the EU, plus that of
    EU-funded projects (type eu_project) that give no funding source. The total budget is never used:
    an EU project's budget includes the other partners' shares and the City's own contribution."""
    first = unique(frame)
    if first.empty:
        return 0.0
    source = first["funding_source"].map(lambda v: "" if is_missing(v) else v)
    is_eu = (source == "eu") | ((source == "") & (first["type"] == "eu_project"))
    return float(_amount(first, "external_funding_eur")[is_eu].sum())


def key_figures(frame: pd.DataFrame) -> dict[str, float | int]:
    """The year in figures (keys in FIGURES order), each joint activity counted once.

    activities: distinct groups; departments: departments with at least one accepted activity;
    countries: distinct countries of any activity; partner_cities: distinct partners (names compared
    without case and extra spaces) of any activity; budget_eur, city_funding_eur, participants: sums
    over activities (a missing amount counts as 0); eu_funding_eur: see `eu_funding`.
    """
    first = unique(frame)
    return {
        "activities": int(len(first)),
        "departments": int(len(count_by(frame, "department"))),
        "countries": int(len(count_by(frame, "countries"))),
        "partner_cities": int(len(partner_list(frame))),
        "budget_eur": float(_amount(first, "budget_eur").sum()) if len(first) else 0.0,
        "eu_funding_eur": eu_funding(frame),
        "city_funding_eur": float(_amount(first, "city_funding_eur").sum()) if len(first) else 0.0,
        "participants": int(_amount(first, "participants").sum()) if len(first) else 0,
    }


def compare(current: dict, previous: dict | None) -> dict[str, dict]:
    """Each figure with its previous year's value and the change.

    key -> {"value", "previous", "change" (value - previous), "change_pct" (percent, 12.5 = +12.5 %),
    "change_ratio" (the same as a fraction, 0.125, for babel.numbers.format_percent)}; previous,
    change and the percentages are None without a previous year (or when it lacks the key); the
    percentages are None when the previous value is 0.
    """
    out: dict[str, dict] = {}
    for key, value in current.items():
        before = None if previous is None else previous.get(key)
        change = ratio = None
        if before is not None and value is not None:
            change = value - before
            ratio = change / before if before else None
        out[key] = {"value": value, "previous": before, "change": change,
                    "change_pct": None if ratio is None else ratio * 100.0, "change_ratio": ratio}
    return out


def by_country(frame: pd.DataFrame) -> pd.DataFrame:
    """Activities and budget per country: columns country (alpha-2), area (the country's own area),
    activities, budget_eur (0 when none of them gives one), budget_missing (activities without a budget); sorted by area (vocabulary order), then activities descending, then code."""
    counts = count_by(frame, "countries")
    budgets = sum_by(frame, "countries")
    table = pd.DataFrame({"country": list(counts.index), "activities": counts.to_numpy(dtype=int)})
    table["area"] = table["country"].map(area_of)
    table["budget_eur"] = table["country"].map(budgets).astype(float)
    table["budget_missing"] = table["country"].map(missing_count(frame, "countries")).fillna(0).astype(int)
    rank = {code: i for i, code in enumerate(VOCABULARIES["area"].codes)}
    table["_rank"] = table["area"].map(rank)
    table = table.sort_values(["_rank", "activities", "country"], ascending=[True, False, True], kind="stable")
    return table[["country", "area", "activities", "budget_eur", "budget_missing"]].reset_index(drop=True)


def missing_count(frame: pd.DataFrame, key: str, amount: str = "budget_eur") -> pd.Series:
    """Activities per value of `key` that give no `amount` (the sums of sum_by leave them out)."""
    first = unique(frame)
    if not len(first):
        return pd.Series(dtype=int)
    without = set(first.loc[pd.to_numeric(first[amount], errors="coerce").isna(), "group"])
    return count_by(frame[frame["group"].isin(without)], key) if without else pd.Series(dtype=int)


def activities_without(frame: pd.DataFrame, amount: str = "budget_eur") -> int:
    """How many activities give no `amount`."""
    first = unique(frame)
    return int(pd.to_numeric(first[amount], errors="coerce").isna().sum()) if len(first) else 0


def partner_list(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct partner (names compared without case and extra spaces; the first spelling
    is shown): partner, activities (distinct activities naming it), departments (sorted list of the
    departments reporting them), countries (sorted list of those activities' countries). Sorted by
    activities descending, then name."""
    rows: dict[str, dict] = {}
    for group, department, partners, countries in zip(frame["group"], frame["department"], frame["partners"],
                                                      frame["countries"]):
        for partner in _items(partners):
            name = _partner_name(partner)
            if not name:
                continue
            entry = rows.setdefault(_partner_key(name), {"partner": name, "groups": set(), "departments": set(),
                                                         "countries": set()})
            entry["groups"].add(group)
            if not is_missing(department):
                entry["departments"].add(department)
            entry["countries"].update(_items(countries))
    table = pd.DataFrame(
        [{"partner": e["partner"], "activities": len(e["groups"]), "departments": sorted(e["departments"]),
          "countries": sorted(e["countries"])} for e in rows.values()],
        columns=["partner", "activities", "departments", "countries"])
    if table.empty:
        return table
    table["_key"] = table["partner"].map(_partner_key)
    table = table.sort_values(["activities", "_key"], ascending=[False, True], kind="stable")
    return table.drop(columns="_key").reset_index(drop=True)


def by_year(history: dict[int, pd.DataFrame]) -> pd.Series:
    """Activities per report year (joint once), index = year ascending."""
    years = sorted(history)
    return pd.Series([len(unique(history[y])) for y in years], index=pd.Index(years, name="year"),
                     name="activities", dtype=int)
