"""The published activities_Y.csv adds up: distinct `activity_id`s give the report's totals, on the sample year
and on generated years, and the identifiers do not depend on the order files and rows are read in."""
from __future__ import annotations

import csv
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import YEAR, examples, headers
from report.publication import aggregate
from report.outputs import write_activities_csv

SAMPLES = Path(__file__).resolve().parents[1] / "inputs" / "2025"
SUMMED = ("budget_eur", "city_funding_eur", "participants")


def published(data, path: Path) -> list[dict]:
    """The rows of activities_Y.csv as a reader of the open data gets them."""
    write_activities_csv(data.frame(), path)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def distinct_totals(rows: list[dict]) -> dict[str, Decimal | int]:
    """What a reader computes: each activity_id once, with the figures of its first row in the file."""
    first: dict[str, dict] = {}
    for row in rows:
        first.setdefault(row["activity_id"], row)
    totals = {key: sum((Decimal(r[key] or "0") for r in first.values()), Decimal(0)) for key in SUMMED}
    return {"activities": len(first), **totals}


def report_totals(frame) -> dict[str, Decimal | int]:
    figures = aggregate.key_figures(frame)
    return {"activities": figures["activities"],
            **{key: Decimal(str(figures[key])).quantize(Decimal("0.01")) for key in SUMMED}}


def assert_reconciles(data, rows: list[dict]) -> None:
    frame = data.frame()
    assert distinct_totals(rows) == report_totals(frame)
    # one identifier per group of report.publication.aggregate, and one group per identifier
    pairs = set(zip(frame["activity_id"], frame["group"]))
    assert len(pairs) == len(set(frame["activity_id"])) == len(set(frame["group"]))
    assert [r["activity_id"] for r in rows] == list(frame["activity_id"])
    assert all(r["activity_id"].startswith("act-") and len(r["activity_id"]) == 20 for r in rows)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the sample inputs are not generated (make samples)")
def test_sample_year_distinct_activity_ids_give_the_report_totals(load, tmp_path):
    data = load(SAMPLES, 2025)
    rows = published(data, tmp_path / "activities_2025.csv")
    assert_reconciles(data, rows)
    assert distinct_totals(rows)["budget_eur"] == Decimal("52065701.50")  # the report's total budget
    assert sum(Decimal(r["budget_eur"] or "0") for r in rows) > Decimal("52065701.50")  # joint rows repeat it
    joint = [r for r in rows if r["joint"] == "true"]
    assert joint and all(sum(r["activity_id"] == j["activity_id"] for r in rows) > 1 for j in joint)


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the sample inputs are not generated (make samples)")
def test_sample_year_ids_survive_a_rebuild_without_one_department(load, tmp_path):
    """Group numbers shift when a file goes; the identifiers of the activities it had no part in do not."""
    before = load(SAMPLES, 2025).frame()
    folder = tmp_path / "2025"
    shutil.copytree(SAMPLES, folder)
    gone = "AMBIENTE"
    next(folder.glob(f"{gone}_*")).unlink()
    after = load(folder, 2025).frame()
    touched = set(before.loc[before["department"] == gone, "activity_id"])
    kept = before[~before["activity_id"].isin(touched)]
    ids = dict(zip(zip(after["source_file"], after["source_row"]), after["activity_id"]))
    assert len(kept) == len(after) and len(kept) > 0
    assert all(ids[(f, r)] == i for f, r, i in zip(kept["source_file"], kept["source_row"], kept["activity_id"]))
    assert list(kept["group"]) != list(after["group"])  # the numbers moved, the identifiers did not


# ---- generated years --------------------------------------------------------------------------------------------

TITLES = ("Foreste urbane", "Rete delle città", "Festival delle luci", "Scambio giovani")
DEPARTMENTS = ("AMBIENTE", "CULTURA", "SPORT", "GIOVENTU")
KEYS = ("title_it", "title_en", "type", "countries", "start_date", "budget_eur", "city_funding_eur",
        "participants")
amounts = st.one_of(st.none(), st.integers(0, 10**8).map(lambda cents: f"{cents // 100},{cents % 100:02d}"))

activity = st.fixed_dictionaries({
    "title": st.sampled_from(TITLES),
    # the same title as another department types it: other case and spacing
    "spelling": st.sampled_from((str, str.upper, lambda t: f"  {t.replace(' ', '  ')} ")),
    "languages": st.sampled_from(("it", "en", "both")),
    "start": st.integers(0, 2).map(lambda d: date(YEAR, 3, 1) + timedelta(days=d)),
    "budget": amounts, "city": st.booleans(),
    "participants": st.one_of(st.none(), st.integers(0, 5000).map(str)),
})


def _cells(a: dict) -> dict:
    title = a["spelling"](a["title"])
    return {"title_it": title if a["languages"] in ("it", "both") else None,
            "title_en": title if a["languages"] in ("en", "both") else None,
            "type": "Evento internazionale", "countries": "Francia", "start_date": a["start"].strftime("%d/%m/%Y"),
            "budget_eur": a["budget"], "city_funding_eur": a["budget"] if a["city"] else None, "participants": a["participants"]}


def write_year(folder: Path, year: dict[str, list[dict]], order: list[str]) -> None:
    """One CSV file per department; `order` decides the names, so the order in which files are read."""
    for rank, department in enumerate(order):
        with (folder / f"{department}_{rank}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(headers(KEYS))
            for a in year[department]:
                cells = _cells(a)
                writer.writerow(["" if cells[k] is None else cells[k] for k in KEYS])


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(year=st.fixed_dictionaries({d: st.lists(activity, max_size=5) for d in DEPARTMENTS}),
       order=st.permutations(DEPARTMENTS))
def test_generated_years_reconcile_and_ids_do_not_depend_on_reading_order(year, order, load, tmp_path_factory):
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    write_year(first, year, list(DEPARTMENTS))
    write_year(second, year, list(order))
    data = load(first)
    assert len(data.accepted) == sum(map(len, year.values()))
    assert_reconciles(data, published(data, first / "activities.csv"))
    again = load(second)
    by_row = {(a.department, a.source_row): a.activity_id for a in again.accepted}
    assert {(a.department, a.source_row): a.activity_id for a in data.accepted} == by_row
