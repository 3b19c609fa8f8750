"""Validation end to end: every error and warning the contract names, where it is reported, joint activities."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import VALID, row, write_activities
from report.intake.ingest import column_letter
from report.intake.validate import derived_status, overlaps_year

KEYS = list(VALID)


def cell(key: str, source_row: int = 2) -> str:
    return f"{column_letter(KEYS.index(key))}{source_row}"


def one_row(tmp_path, load, name="SPORT.xlsx", **changes):
    write_activities(tmp_path / name, [row(**changes)])
    data = load(tmp_path)
    (act,) = data.activities
    return data, act


ERRORS = [  # (cells changed, the error code, the column it is reported on)
    ({"title_it": None, "title_en": None}, "title_missing", "title_it"),
    ({"title_it": "x" * 201}, "text_too_long", "title_it"),
    ({"description_en": "x" * 3001}, "text_too_long", "description_en"),
    ({"type": None}, "required_missing", "type"),
    ({"type": "Progetto"}, "vocabulary_unknown", "type"),
    ({"theme": "Ambiente"}, "vocabulary_unknown", "theme"),
    ({"role": "Capo"}, "vocabulary_unknown", "role"),
    ({"status": "finito"}, "vocabulary_unknown", "status"),
    ({"funding_source": "UE"}, "vocabulary_unknown", "funding_source"),
    ({"area": "Oceania"}, "vocabulary_unknown", "area"),
    ({"countries": "Francia; Narnia"}, "country_unknown", "countries"),
    ({"countries": None, "area": None}, "location_missing", "countries"),
    ({"budget_eur": "-100"}, "amount_negative", "budget_eur"),
    ({"external_funding_eur": "circa 5000"}, "amount_invalid", "external_funding_eur"),
    ({"city_funding_eur": "2.000.000"}, "city_funding_above_budget", "city_funding_eur"),
    ({"start_date": None}, "required_missing", "start_date"),
    ({"start_date": "marzo 2025"}, "date_invalid", "start_date"),
    ({"end_date": "31/02/2026"}, "date_invalid", "end_date"),
    ({"end_date": "01/01/2025"}, "date_order", "end_date"),
    ({"sdgs": "11; 18"}, "sdg_invalid", "sdgs"),
    ({"participants": "molti"}, "integer_invalid", "participants"),
    ({"url": "www.x.org"}, "url_invalid", "url"),
    ({"url": "javascript:alert(1)"}, "url_invalid", "url"),
]


@pytest.mark.parametrize("changes, code, key", ERRORS, ids=[e[1] + "-" + e[2] for e in ERRORS])
@pytest.mark.parametrize("name", ["SPORT.xlsx", "SPORT.csv"])
def test_every_error_rejects_the_row_and_says_where(tmp_path, load, name, changes, code, key):
    data, act = one_row(tmp_path, load, name, **changes)
    assert act.outcome == "rejected"
    errors = [f for f in act.findings if f.severity == "error"]
    assert [(f.code, f.column) for f in errors] == [(code, key)]
    (f,) = errors
    assert f.source_file == name and f.source_row == 2 and f.cell == cell(key) and f.department == "SPORT"
    assert f.sheet == ("" if name.endswith(".csv") else "Attività - Activities")
    assert f.message_it and f.message_en and f.message_it != f.message_en and "{" not in f.message_it + f.message_en
    assert data.ledger.lines[0].rejected == 1 and data.ledger.lines[0].reasons == {code: 1}
    assert data.frame().empty


def test_a_row_collects_every_error(tmp_path, load):
    _, act = one_row(tmp_path, load, budget_eur="abc", start_date="x", url="ftp://a.org", sdgs="99")
    assert sorted(f.code for f in act.findings if f.severity == "error") == [
        "amount_invalid", "date_invalid", "sdg_invalid", "url_invalid"]


def test_repeated_reference_rejects_the_later_row(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [row(), row(title_it="Altro", title_en="Other")])
    data = load(tmp_path)
    assert [a.outcome for a in data.activities] == ["accepted", "rejected"]
    (f,) = data.activities[1].findings
    assert (f.code, f.cell, f.severity) == ("ref_repeated", "A3", "error") and "2" in f.message_en


def test_messages_name_the_value_and_suggest(tmp_path, load):
    _, act = one_row(tmp_path, load, type="progetto europe", countries="Frnace")
    by_code = {f.code: f for f in act.findings}
    assert "«progetto europe»" in by_code["vocabulary_unknown"].message_it
    assert "'Progetto europeo'" in by_code["vocabulary_unknown"].message_en
    assert "«Tipologia»" in by_code["vocabulary_unknown"].message_it
    assert "'Type'" in by_code["vocabulary_unknown"].message_en
    assert "France" in by_code["country_unknown"].message_en


WARNINGS = [
    ({"title_en": None}, "title_language_missing", "title_en"),
    ({"title_it": None}, "title_language_missing", "title_it"),
    ({"description_en": None}, "description_language_missing", "description_en"),
    ({"description_it": None, "description_en": None}, "description_missing", "description_it"),
    ({"area": "Asia e Oceania"}, "area_mismatch", "area"),
    ({"status": "Concluso"}, "status_mismatch", "status"),
    ({"external_funding_eur": "1.100.000"}, "funding_above_budget", "external_funding_eur"),
]


@pytest.mark.parametrize("changes, code, key", WARNINGS, ids=[w[1] + "-" + w[2] for w in WARNINGS])
def test_warnings_never_block_a_row(tmp_path, load, changes, code, key):
    data, act = one_row(tmp_path, load, **changes)
    assert act.outcome == "accepted"
    assert [(f.code, f.column, f.cell, f.severity) for f in act.findings] == [(code, key, cell(key), "warning")]
    assert len(data.frame()) == 1


def test_given_area_and_status_are_kept_with_their_warnings(tmp_path, load):
    _, act = one_row(tmp_path, load, area="asia_oceania", status="completed")
    assert act.values["area"] == "asia_oceania" and act.values["status"] == "completed"
    assert "«Asia e Oceania»" in act.findings[0].message_it and "'Europe'" in act.findings[0].message_en


@pytest.mark.parametrize("countries, area", [
    ("Italia", "italy"), ("Francia; Germania", "europe"), ("Marocco; Libano", "mediterranean_middle_east"),
    ("Senegal", "sub_saharan_africa"), ("Brasile", "latin_america"), ("Canada; USA", "north_america"),
    ("Giappone; Australia", "asia_oceania"), ("Francia; Senegal", "multi"),
])
def test_area_is_derived_from_the_countries(tmp_path, load, countries, area):
    _, act = one_row(tmp_path, load, countries=countries)
    assert act.values["area"] == area and act.outcome == "accepted"


def test_area_alone_is_enough(tmp_path, load):
    _, act = one_row(tmp_path, load, countries=None, area="Europa")
    assert act.values["area"] == "europe" and act.outcome == "accepted" and act.values["countries"] == ()


@pytest.mark.parametrize("start, end, status", [
    (date(2026, 1, 1), None, "planned"), (date(2025, 3, 1), date(2025, 12, 31), "completed"),
    (date(2025, 3, 1), date(2026, 1, 1), "ongoing"), (date(2025, 3, 1), None, "ongoing"), (None, None, None),
])
def test_status_as_of_the_end_of_the_year(start, end, status):
    assert derived_status(start, end, 2025) == status


@pytest.mark.parametrize("start, end, inside", [
    (date(2025, 12, 31), None, True), (date(2024, 1, 1), date(2025, 1, 1), True), (date(2020, 1, 1), None, True),
    (date(2024, 1, 1), date(2024, 12, 31), False), (date(2026, 1, 1), date(2026, 2, 1), False),
])
def test_overlaps_year(start, end, inside):
    assert overlaps_year(start, end, 2025) is inside


def test_rows_outside_the_year_are_info(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [
        row(), row(ref="A-2", start_date="2023", end_date="12/2024"), row(ref="A-3", start_date="01/2026", end_date=None),
        row(ref="A-4", start_date="2020", end_date=None)])
    data = load(tmp_path)
    assert [a.outcome for a in data.activities] == ["accepted", "outside", "outside", "accepted"]
    outside = [f for f in data.findings if f.code == "outside_year"]
    assert [(f.source_row, f.severity, f.cell) for f in outside] == [(3, "info", cell("start_date", 3)),
                                                                      (4, "info", cell("start_date", 4))]
    assert "1 Jan 2023 – 31 Dec 2024" in outside[0].message_en and "1 gen 2023 – 31 dic 2024" in outside[0].message_it
    line = data.ledger.lines[0]
    assert (line.read, line.accepted, line.rejected, line.outside) == (4, 2, 0, 2)


def test_a_row_with_an_error_outside_the_year_is_rejected(tmp_path, load):
    data, act = one_row(tmp_path, load, start_date="2023", end_date="2023", budget_eur="abc")
    assert act.outcome == "rejected" and [f.code for f in act.findings] == ["amount_invalid"]
    assert data.ledger.lines[0].outside == 0


# ---- joint activities ----------------------------------------------------------------------------

def test_joint_activity_is_listed_once_per_department_and_warned_on_both(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [row(), row(ref="A-2", title_it="Solo sport", title_en=None)])
    write_activities(tmp_path / "CULTURA.csv", [row(title_it="  foreste   URBANE ", title_en=None, ref="C-1")])
    data = load(tmp_path)
    frame = data.frame()
    joint = frame[frame["joint"]]
    assert sorted(joint["department"]) == ["CULTURA", "SPORT"] and joint["group"].nunique() == 1
    assert list(frame.loc[~frame["joint"], "title_it"]) == ["Solo sport"]
    assert frame["group"].nunique() == 2  # totals count each group once
    warned = [f for f in data.findings if f.code == "joint_activity"]
    assert sorted((f.source_file, f.severity, f.source_row) for f in warned) == [
        ("CULTURA.csv", "warning", 2), ("SPORT.xlsx", "warning", 2)]
    assert "SPORT" in next(f for f in warned if f.source_file == "CULTURA.csv").message_en
    assert [f.department for f in data.findings if f.code == "joint_activity"].count("SPORT") == 1


def test_different_start_date_or_language_is_not_joint(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [row(title_en=None)])
    write_activities(tmp_path / "CULTURA.xlsx", [row(title_en=None, start_date="02/03/2025")])
    write_activities(tmp_path / "TEMPI.xlsx", [row(title_it=None, title_en="Foreste urbane")])
    frame = load(tmp_path).frame()
    assert not frame["joint"].any() and frame["group"].nunique() == 3


def test_repeated_activity_within_a_department_is_a_warning(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [row(), row(ref="A-2")])
    data = load(tmp_path)
    assert [a.outcome for a in data.activities] == ["accepted", "accepted"]
    (f,) = [f for f in data.findings if f.code == "activity_repeated"]
    assert (f.source_row, f.severity) == (3, "warning") and "SPORT.xlsx" in f.message_en
    assert not data.frame()["joint"].any() and data.frame()["group"].nunique() == 1


def test_rejected_rows_are_never_joint(tmp_path, load):
    write_activities(tmp_path / "SPORT.xlsx", [row()])
    write_activities(tmp_path / "CULTURA.xlsx", [row(budget_eur="abc")])
    data = load(tmp_path)
    assert not [f for f in data.findings if f.code == "joint_activity"]
    assert list(data.frame()["department"]) == ["SPORT"]


def test_frame_is_in_chapter_order_with_typed_values(tmp_path, load, config):
    write_activities(tmp_path / "URBAN_CENTER.xlsx", [row(title_it="U", title_en="U")])
    write_activities(tmp_path / "AMBIENTE.xlsx", [row(end_date=None, budget_eur=None)])
    frame = load(tmp_path).frame()
    assert list(frame["department"]) == ["AMBIENTE", "URBAN_CENTER"]
    first = frame.iloc[0]
    assert first["end_date"] is None and first["countries"] == ("FR", "ES") and first["sdgs"] == (11, 13)
    assert first["partners"] == ("Lione", "Barcellona") and first["status"] == "ongoing" and first["type"] == "eu_project"
    assert first["start_date"] == date(2025, 3, 1)


def test_countries_written_with_commas_are_accepted_with_a_warning(tmp_path, load):
    _, act = one_row(tmp_path, load, countries="Austria, Germania", area=None)
    assert act.outcome == "accepted" and act.values["countries"] == ("AT", "DE") and act.values["area"] == "europe"
    (f,) = [f for f in act.findings if f.code == "countries_comma"]
    assert f.severity == "warning" and f.column == "countries"
    assert "«Austria; Germania»" in f.message_it and "'Austria; Germania'" in f.message_en
