"""Tests of the department template: layout generated from the schema, validations, protection, round trip."""
from __future__ import annotations

import openpyxl
import pytest

from report.cli import parser as cli
from report.config import load_config
from report.intake.year import load_year
from report.schema import (AMOUNT, COLUMNS, DATE, INFO_FIELDS, INTEGER, SHEET_ACTIVITIES, SHEET_INFO,
                           SHEET_INSTRUCTIONS, SHEET_LISTS, SHEETS, VOCAB, VOCABULARIES)
from report.intake.values import parse_vocabulary
from report.workbooks.template import (FORMATTED_ROWS, PROMPT_MAX, PROMPT_TITLE_MAX, example_row, prompt,
                                      write_template)
from workbook_samples import DEPARTMENT, ROWS, YEAR, filled_template


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    config = load_config()
    path = write_template(config, config.department(DEPARTMENT), YEAR, tmp_path_factory.mktemp("tpl") / "t.xlsx")
    return openpyxl.load_workbook(path)


def _validations(ws) -> dict[str, object]:
    """First column letter of each validation's range -> the validation."""
    return {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation}


def _letter(i: int) -> str:
    return openpyxl.utils.get_column_letter(i)


def test_sheets_follow_the_contract(workbook):
    assert workbook.sheetnames == [SHEET_INSTRUCTIONS.name, SHEET_ACTIVITIES.name, SHEET_INFO.name, SHEET_LISTS.name]
    assert {s.name for s in SHEETS} == set(workbook.sheetnames)
    assert workbook[SHEET_LISTS.name].sheet_state == "hidden"
    assert workbook.active.title == SHEET_ACTIVITIES.name


def test_activities_header_widths_and_freeze(workbook):
    ws = workbook[SHEET_ACTIVITIES.name]
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]
    assert all("\n" in c.header or c.header_it == c.header_en for c in COLUMNS)
    assert [ws.column_dimensions[_letter(i)].width for i in range(1, len(COLUMNS) + 1)] == [c.width for c in COLUMNS]
    assert ws.freeze_panes == "C2"
    assert ws.print_title_rows == "$1:$1" and ws.page_setup.orientation == "landscape"


def test_every_column_has_an_input_message_within_excels_limits(workbook):
    found = _validations(workbook[SHEET_ACTIVITIES.name])
    for i, column in enumerate(COLUMNS, start=1):
        dv = found[_letter(i)]
        assert dv.showInputMessage and dv.prompt == f"{column.help_it}\n{column.help_en}"
        assert len(dv.prompt) <= PROMPT_MAX and len(dv.promptTitle) <= PROMPT_TITLE_MAX
        assert str(dv.sqref) == f"{_letter(i)}2:{_letter(i)}1048576"  # the whole column


def test_dropdowns_come_from_the_hidden_lists_sheet(workbook):
    found = _validations(workbook[SHEET_ACTIVITIES.name])
    lists = workbook[SHEET_LISTS.name]
    vocab_columns = [(i, c) for i, c in enumerate(COLUMNS, start=1) if c.kind == VOCAB]
    assert {c.vocabulary for _, c in vocab_columns} == set(VOCABULARIES)
    for i, column in vocab_columns:
        dv = found[_letter(i)]
        assert dv.type == "list" and dv.formula1.startswith(f"'{SHEET_LISTS.name}'!$")
        cells = lists[dv.formula1.split("!")[1].replace("$", "")]
        offered = [row[0].value for row in cells]
        vocabulary = VOCABULARIES[column.vocabulary]
        assert offered == [t.it for t in vocabulary.terms]
        assert [parse_vocabulary(v, vocabulary)[0] for v in offered] == list(vocabulary.codes)


def test_typed_columns_are_validated_and_formatted(workbook):
    ws = workbook[SHEET_ACTIVITIES.name]
    found = _validations(ws)
    expected = {DATE: ("date", "dd/mm/yyyy"), AMOUNT: ("decimal", "€"), INTEGER: ("whole", "#,##0")}
    for i, column in enumerate(COLUMNS, start=1):
        dv = found[_letter(i)]
        if column.kind in expected:
            kind, fmt = expected[column.kind]
            assert dv.type == kind
            assert fmt in ws.cell(row=2, column=i).number_format
            assert fmt in ws.cell(row=FORMATTED_ROWS + 1, column=i).number_format
        if column.kind in (AMOUNT, INTEGER):
            assert (dv.operator, dv.formula1, dv.errorStyle) == ("greaterThanOrEqual", "0", "stop")
        if column.max_length:
            assert (dv.type, dv.formula1) == ("textLength", str(column.max_length))
    sdgs = found[_letter(next(i for i, c in enumerate(COLUMNS, start=1) if c.key == "sdgs"))]
    assert sdgs.type == "custom" and "ISNUMBER" in sdgs.formula1


def test_header_locked_data_editable_no_password(workbook):
    ws = workbook[SHEET_ACTIVITIES.name]
    assert ws.protection.sheet and not ws.protection.password
    assert all(cell.protection.locked for cell in ws[1])
    assert not any(ws.cell(row=r, column=c).protection.locked for r in (2, FORMATTED_ROWS + 1)
                   for c in range(1, len(COLUMNS) + 1))
    assert not ws.column_dimensions["A"].protection.locked  # rows beyond the formatted ones too
    assert not ws.protection.insertRows and not ws.protection.formatColumns  # False = allowed


def test_info_sheet_prefilled(workbook):
    ws = workbook[SHEET_INFO.name]
    assert [ws.cell(row=r, column=1).value for r in range(1, len(INFO_FIELDS) + 1)] == [f.label for f in INFO_FIELDS]
    assert (ws["B1"].value, ws["B2"].value) == (YEAR, DEPARTMENT)
    assert not ws["B3"].protection.locked and ws["B1"].protection.locked


def test_instructions_explain_the_example_row(workbook):
    ws = workbook[SHEET_INSTRUCTIONS.name]
    text = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    example = example_row(load_config().department(DEPARTMENT), YEAR)
    for column in COLUMNS:
        assert column.header.replace("\n", " / ") in text
        if column.example:
            assert example[column.key] in text
        assert f"{column.help_it}\n({column.rule_it})" in text and f"{column.help_en}\n({column.rule_en})" in text
    assert str(YEAR) in ws["A1"].value and DEPARTMENT in ws["A3"].value


def test_prompt_is_cut_to_excels_limit():
    column = COLUMNS[0].__class__(**{**COLUMNS[0].__dict__, "help_it": "x" * 300})
    title, text = prompt(column)
    assert len(text) == PROMPT_MAX and text.endswith("…")


def test_filled_template_reads_back_without_findings(tmp_path):
    path = filled_template(tmp_path)
    data = load_year(path.parent, YEAR, load_config())
    assert data.findings == []
    assert len(data.accepted) == len(ROWS)
    assert {a.department for a in data.accepted} == {DEPARTMENT}


def test_cli_writes_templates(tmp_path, capsys):
    assert cli.main(["template", "--year", "2026", "--department", "ambiente", "--department", "SPORT",
                     "--outputs", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["AMBIENTE_2026.xlsx", "SPORT_2026.xlsx"]
    assert "AMBIENTE_2026.xlsx" in capsys.readouterr().out
    assert cli.main(["template", "--year", "2026", "--outputs", str(tmp_path / "all")]) == 0
    assert len(list((tmp_path / "all").glob("*.xlsx"))) == len(load_config().departments)


def test_cli_rejects_an_unknown_department(tmp_path, capsys):
    assert cli.main(["template", "--year", "2026", "--department", "NOPE", "--outputs", str(tmp_path)]) == 2
    assert "NOPE" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_the_example_row_belongs_to_the_department_and_the_year(tmp_path):
    config = load_config()
    path = write_template(config, config.department("CULTURA"), 2031, tmp_path / "CULTURA_2031.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET_INSTRUCTIONS.name]
    example = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0] and r[1] is not None}
    header = {c.key: c.header.replace("\n", " / ") for c in COLUMNS}
    assert example[header["ref"]] == "CULTURA-2031-01"
    assert example[header["start_date"]] == "01/03/2031" and example[header["end_date"]] == "28/02/2033"
    text = " ".join(str(v) for r in ws.iter_rows(values_only=True) for v in r if v is not None)
    assert "AMB-" not in text and "2025" not in text
