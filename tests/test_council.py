"""Tests of the council workbook, and of formula neutralisation across every data output."""
from __future__ import annotations

import csv
from datetime import date

import openpyxl
import pytest

from report.publication import aggregate
from report.config import load_config
from report.files import FORMULA_PREFIXES
from report.outputs import write_activities_csv, write_validation_csv
from report.intake.year import load_year
from report.schema import COUNCIL_OUTPUT_COLUMNS, SHEET_ACTIVITIES, output_label
from report.workbooks import styles
from report.texts import pair
from report.workbooks.council import BREAKDOWNS, SHEET_TABLE, build_council, write_council
from report.workbooks.feedback import write_feedback
from workbook_samples import ROWS, YEAR, filled_template

FORMULA = '=HYPERLINK("http://x","y")'
CULTURA_ROWS = (
    ROWS[0],  # the same activity as AMBIENTE's first: a joint activity, counted once
    {"title_it": "Festival delle luci", "title_en": "Festival of lights", "description_it": "Luci.",
     "description_en": "Lights.", "type": "Evento internazionale", "countries": "Giappone; Brasile",
     "start_date": date(2026, 5, 1), "budget_eur": 50000, "notes": "nota interna"},
)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    filled_template(folder)
    filled_template(folder, rows=CULTURA_ROWS, department="CULTURA")
    return load_year(folder, YEAR, load_config())


@pytest.fixture(scope="module")
def workbook(data, tmp_path_factory):
    path = write_council(data.frame(), data.config, YEAR, tmp_path_factory.mktemp("out") / "activities.xlsx")
    return openpyxl.load_workbook(path)


def test_activities_table(data, workbook):
    frame = data.frame()
    assert workbook.sheetnames == [SHEET_TABLE, *(name for name, _ in BREAKDOWNS)]
    ws = workbook[SHEET_TABLE]
    (table,) = ws.tables.values()
    assert table.ref == f"A1:{openpyxl.utils.get_column_letter(len(COUNCIL_OUTPUT_COLUMNS))}{len(frame) + 1}"
    assert table.tableStyleInfo.name and ws.freeze_panes == "E2"
    header = [c.value for c in ws[1]]
    for key, label, cell in zip(COUNCIL_OUTPUT_COLUMNS, header, ws[1]):
        assert output_label(key, "it") in label and output_label(key, "en") in label
        assert cell.comment.text.startswith(key)
    col = {key: i for i, key in enumerate(COUNCIL_OUTPUT_COLUMNS, start=1)}
    first = {key: ws.cell(row=2, column=i) for key, i in col.items()}
    assert first["type"].value == "Progetto europeo / EU-funded project"
    assert first["countries"].value == "Francia; Spagna"
    assert first["start_date"].is_date and first["start_date"].number_format == styles.DATE_FORMAT
    assert first["budget_eur"].value == 1250000 and first["budget_eur"].number_format == styles.AMOUNT_FORMAT
    assert first["joint"].value == "sì / yes" and first["notes"].value == "verificare il cofinanziamento"


def test_breakdowns_match_aggregate(data, workbook):
    frame = data.frame()
    once = aggregate.unique(frame)
    for name, key in BREAKDOWNS:
        ws = workbook[name]
        rows = [r for r in ws.iter_rows(min_row=6, values_only=True)]
        amounts = rows[-1][-4:-1]
        counts = {r[-1]: r[-5] for r in rows if r[-1]}
        expected = aggregate.count_by(frame, key)
        assert {k: v for k, v in counts.items() if v} == {k: int(v) for k, v in expected.items()}, name
        budgets = aggregate.sum_by(frame, key, "budget_eur")
        unknown = {v for v, n in aggregate.missing_count(frame, key).items() if n >= expected.get(v, 0)}
        assert {r[-1] for r in rows if r[-4] == "n.d."} == unknown, name  # unknown is not zero
        assert {r[-1]: r[-4] for r in rows if r[-1] in budgets.index and r[-1] not in unknown} == \
            pytest.approx({k: v for k, v in budgets.to_dict().items() if k not in unknown})
        total = rows[-1]
        assert total[0:2] == pair("council.total") and total[-1] is None
        if key == "countries":
            assert total[-5] == sum(1 for c in once["countries"] if c)
        else:
            assert total[-5] == len(once) == 4
            assert amounts[0] == pytest.approx(once["budget_eur"].fillna(0).sum())
        if key not in ("countries", "department"):  # single-valued: the rows add up to the total
            assert sum(r[-5] for r in rows[:-1]) == total[-5], name


def test_department_sheet_lists_every_department_in_chapter_order(data, workbook):
    ws = workbook["Per settore - By department"]
    codes = [r[-1] for r in ws.iter_rows(min_row=6, values_only=True) if r[-1]]
    assert codes == list(data.config.codes)


def test_empty_year_still_makes_a_valid_table(data, tmp_path):
    wb = build_council(data.frame().iloc[0:0], data.config, YEAR)
    wb.save(tmp_path / "empty.xlsx")
    reread = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert list(reread[SHEET_TABLE].tables.values())[0].ref.endswith("2")


def test_formulas_from_data_arrive_as_text_in_every_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "SPORT.csv").write_text(
        "Titolo (IT);Titolo (EN);Tipologia;Paesi;Data inizio;Partner\n"
        f'"{FORMULA.replace(chr(34), chr(34) * 2)}";Cup;Evento internazionale;Francia;01/05/2026;"@SUM(A1); -x"\n'
        f'Torneo;Tournament;"{FORMULA.replace(chr(34), chr(34) * 2)}";Francia;2026;+1\n', encoding="utf-8")
    path = filled_template(folder, rows=({**ROWS[0], "notes": "placeholder"},))
    wb = openpyxl.load_workbook(path)
    cell = wb[SHEET_ACTIVITIES.name]["W2"]
    cell.value, cell.data_type = FORMULA, "s"  # a text cell, as a spreadsheet keeps "'=..." typed by a person
    wb.save(path)
    data = load_year(folder, YEAR, load_config())
    out = tmp_path / "out"
    write_activities_csv(data.frame(), out / "activities.csv")
    write_validation_csv(data.findings, out / "validation.csv")
    write_council(data.frame(), data.config, YEAR, out / "activities.xlsx")
    feedback = write_feedback(data, out)

    seen = []
    for name in ("activities.csv", "validation.csv"):
        with (out / name).open(encoding="utf-8") as handle:
            fields = [f for row in csv.reader(handle) for f in row]
        assert not [f for f in fields if f.startswith(FORMULA_PREFIXES)], name
        seen += [name for f in fields if "HYPERLINK" in f]
    for path in [out / "activities.xlsx", *feedback]:
        for ws in openpyxl.load_workbook(path).worksheets:
            for row in ws.iter_rows():
                for c in row:
                    assert c.data_type != "f", (path.name, c.coordinate, c.value)
                    if isinstance(c.value, str) and c.value.startswith(FORMULA_PREFIXES):
                        assert c.data_type == "s" and c.quotePrefix, (path.name, c.coordinate)
                    if isinstance(c.value, str) and "HYPERLINK" in c.value:
                        seen.append(path.name)
    assert {"activities.csv", "validation.csv", "activities.xlsx", f"SPORT_{YEAR}.xlsx"} <= set(seen)
    council = openpyxl.load_workbook(out / "activities.xlsx")[SHEET_TABLE]
    assert f"'{FORMULA}" in [c.value for row in council.iter_rows() for c in row]
