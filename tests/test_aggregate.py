"""Figures and tables from the accepted activities: joint activities once, exploded breakdowns, year-on-year changes."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from activity_frames import sample_year
from report.publication import aggregate


@pytest.fixture
def year():
    return sample_year()


def test_unique_keeps_the_first_row_of_each_group(year):
    first = aggregate.unique(year)
    assert list(first["group"]) == [1, 2, 3, 4]
    assert first.loc[0, "department"] == "REL_INT"
    assert aggregate.unique(year.iloc[:0]).empty


def test_key_figures_count_the_joint_activity_once(year):
    figures = aggregate.key_figures(year)
    assert list(figures) == list(aggregate.FIGURES)
    assert figures == {
        "activities": 4, "departments": 3, "countries": 6,  # FR ES KE DE CN IT
        "partner_cities": 4,  # Lione (3 spellings), Barcellona, Shenzhen, Monaco di Baviera
        "budget_eur": 1_070_000.0, "eu_funding_eur": 940_000.0,  # 900k (source eu) + 40k (eu_project, no source)
        "city_funding_eur": 130_000.0, "participants": 1320,
    }
    assert isinstance(figures["activities"], int) and isinstance(figures["budget_eur"], float)


def test_key_figures_of_an_empty_year_are_zero(year):
    figures = aggregate.key_figures(year.iloc[:0])
    assert figures == dict.fromkeys(aggregate.FIGURES, 0)


def test_eu_funding_ignores_other_sources_and_budgets(year):
    only_city = year[year["group"] == 4]
    assert aggregate.eu_funding(only_city) == 0.0
    mixed = year.assign(funding_source=year["funding_source"].replace({"eu": "mixed"}))
    assert aggregate.eu_funding(mixed) == 40_000.0


@pytest.mark.parametrize("key, expected", [
    ("area", {"italy": 2, "multi": 1, "asia_oceania": 1}),
    ("type", {"eu_project": 2, "event": 1, "delegation": 1}),
    ("theme", {"environment": 2, "culture": 1}),
    ("role", {"lead": 1}),  # the joint activity's first row says lead; the second row's 'partner' is not counted
    ("status", {"ongoing": 3}),  # '' is dropped
    ("funding_source", {"eu": 1, "municipal": 1}),
    ("department", {"REL_INT": 2, "AMBIENTE": 2, "CULTURA": 1}),  # the joint activity once per department
    ("countries", {"FR": 1, "ES": 1, "IT": 2, "KE": 1, "DE": 1, "CN": 1}),  # union over the joint rows, once
    ("sdgs", {11: 2, 13: 1, 15: 1, 17: 1}),
    ("partners", {"Lione": 2, "Barcellona": 1, "Shenzhen": 1, "Monaco di Baviera": 1}),
])
def test_count_by(year, key, expected):
    counts = aggregate.count_by(year, key)
    assert counts.to_dict() == expected
    assert list(counts) == sorted(counts, reverse=True)
    assert counts.dtype.kind == "i"


def test_count_by_breaks_ties_in_vocabulary_order(year):
    assert list(aggregate.count_by(year, "area").index) == ["italy", "asia_oceania", "multi"]
    assert list(aggregate.count_by(year, "sdgs").index) == [11, 13, 15, 17]


def test_count_by_rejects_unknown_keys(year):
    with pytest.raises(ValueError, match="unknown breakdown key"):
        aggregate.count_by(year, "title_it")


def test_count_by_on_an_empty_frame(year):
    assert aggregate.count_by(year.iloc[:0], "area").empty
    assert aggregate.sum_by(year.iloc[:0], "countries").empty


def test_sum_by_counts_each_activity_once_per_value(year):
    assert aggregate.sum_by(year, "area").to_dict() == {"multi": 1_000_000.0, "italy": 70_000.0,
                                                        "asia_oceania": 0.0}
    by_department = aggregate.sum_by(year, "department")
    assert by_department.to_dict() == {"AMBIENTE": 1_050_000.0, "REL_INT": 1_000_000.0, "CULTURA": 20_000.0}
    assert aggregate.sum_by(year, "countries")["FR"] == 1_000_000.0  # not 2 000 000: the joint rows once
    assert aggregate.sum_by(year, "sdgs", "participants").to_dict() == {11: 1300.0, 13: 300.0, 15: 300.0,
                                                                        17: 20.0}
    with pytest.raises(ValueError, match="unknown amount"):
        aggregate.sum_by(year, "area", "title_it")


def test_single_valued_totals_add_up_to_the_key_figures(year):
    figures = aggregate.key_figures(year)
    for key in ("area", "type"):
        assert aggregate.count_by(year, key).sum() == figures["activities"]
        assert aggregate.sum_by(year, key).sum() == figures["budget_eur"]


def test_by_country(year):
    table = aggregate.by_country(year)
    assert list(table.columns) == ["country", "area", "activities", "budget_eur", "budget_missing"]
    assert list(table["country"]) == ["IT", "DE", "ES", "FR", "KE", "CN"]
    assert list(table["area"]) == ["italy", "europe", "europe", "europe", "sub_saharan_africa", "asia_oceania"]
    assert table.set_index("country").loc["IT", "activities"] == 2
    assert table.set_index("country").loc["IT", "budget_eur"] == 70_000.0


def test_partner_list(year):
    table = aggregate.partner_list(year)
    assert list(table.columns) == ["partner", "activities", "departments", "countries"]
    lione = table.iloc[0]
    assert lione["partner"] == "Lione" and lione["activities"] == 2
    assert lione["departments"] == ["AMBIENTE", "CULTURA", "REL_INT"]
    assert lione["countries"] == ["DE", "ES", "FR", "IT", "KE"]
    assert list(table["partner"]) == ["Lione", "Barcellona", "Monaco di Baviera", "Shenzhen"]
    assert len(table) == aggregate.key_figures(year)["partner_cities"]


def test_compare_with_a_previous_year():
    result = aggregate.compare({"activities": 120, "budget_eur": 50.0, "countries": 3},
                               {"activities": 100, "budget_eur": 0.0})
    assert result["activities"] == {"value": 120, "previous": 100, "change": 20, "change_pct": 20.0,
                                     "change_ratio": 0.2}
    assert result["budget_eur"]["change"] == 50.0 and result["budget_eur"]["change_pct"] is None
    assert result["countries"] == {"value": 3, "previous": None, "change": None, "change_pct": None,
                                   "change_ratio": None}


def test_compare_without_a_previous_year():
    result = aggregate.compare({"activities": 5}, None)
    assert result == {"activities": {"value": 5, "previous": None, "change": None, "change_pct": None,
                                     "change_ratio": None}}


def test_compare_a_decrease():
    change = aggregate.compare({"activities": 75}, {"activities": 100})["activities"]
    assert change["change"] == -25 and math.isclose(change["change_pct"], -25.0)


def test_by_year_counts_joint_activities_once(year):
    history = {2025: year, 2023: year.iloc[:1], 2024: year.iloc[:3]}
    series = aggregate.by_year(history)
    assert list(series.index) == [2023, 2024, 2025]
    assert list(series) == [1, 2, 4]


SAMPLES = Path(__file__).resolve().parents[1] / "inputs" / "2025"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the sample inputs are not generated")
def test_sample_year_totals_agree_with_the_accepted_records(load):
    data = load(SAMPLES)
    frame = data.frame()
    first = {}
    for act in data.accepted:
        first.setdefault(act.group, act)
    figures = aggregate.key_figures(frame)
    assert figures["activities"] == len(first) < len(data.accepted)  # the samples hold joint activities
    assert figures["budget_eur"] == pytest.approx(sum(a.values["budget_eur"] or 0 for a in first.values()))
    assert figures["departments"] == len({a.department for a in data.accepted})
    assert aggregate.count_by(frame, "area").sum() == figures["activities"]
    assert aggregate.count_by(frame, "department").sum() == len({(a.group, a.department) for a in data.accepted})
    assert aggregate.by_country(frame)["activities"].sum() == aggregate.count_by(frame, "countries").sum()
