"""Column kinds and the schema's cross-column declarations: every dispatcher asks the kind or the declaration."""
from __future__ import annotations

import openpyxl
import pytest

from report import kinds
from report.intake.validate import ROW_RULES, at_least_one
from report.intake.values import Problem
from report.publication import aggregate
from report.publication.datapackage import field
from report.schema import (ACTIVITY_OUTPUT_COLUMNS, AT_LEAST_ONE, COLUMN_BY_KEY, COLUMNS, COUNCIL_OUTPUT_COLUMNS,
                           SHEET_ACTIVITIES, SHEET_INSTRUCTIONS, AtLeastOne, output_kind)
from report.texts import Pair
from report.workbooks import council, styles
from report.workbooks.template import REQUIRED_LOOK, required_text, validation
from workbook_samples import filled_template


def test_every_column_has_a_kind_that_parses_it():
    for column in COLUMNS:
        assert column.kind in kinds.KINDS
        assert column.kind.parse is not None, column.key


def test_every_output_column_has_a_kind_with_a_table_type_and_a_form():
    for key in (*ACTIVITY_OUTPUT_COLUMNS, *COUNCIL_OUTPUT_COLUMNS):
        kind = output_kind(key)
        assert kind.table_type in ("string", "number", "integer", "date", "boolean")
        assert kind.form.it and kind.form.en and kind.words.it and kind.words.en


def test_the_kind_parses_the_cell():
    assert kinds.AMOUNT.parse("1.250.000", COLUMN_BY_KEY["budget_eur"]) == (1250000.0, ())
    assert kinds.VOCAB.parse("Capofila", COLUMN_BY_KEY["role"]) == ("lead", ())
    # the column says which end of a month a date means
    assert str(kinds.DATE.parse("02/2025", COLUMN_BY_KEY["start_date"])[0]) == "2025-02-01"
    assert str(kinds.DATE.parse("02/2025", COLUMN_BY_KEY["end_date"])[0]) == "2025-02-28"


def test_the_kind_gives_the_template_validation_and_the_table_type():
    dv = validation(COLUMN_BY_KEY["participants"], "V2:V9", {})
    assert (dv.type, dv.operator, dv.formula1, dv.errorStyle) == ("whole", "greaterThanOrEqual", "0", "stop")
    dv = validation(COLUMN_BY_KEY["url"], "W2:W9", {})
    assert dv.formula1 == 'OR(LEFT(W2,7)="http://",LEFT(W2,8)="https://")'
    assert "{" not in validation(COLUMN_BY_KEY["sdgs"], "T2:T9", {}).formula1
    assert field("participants")["type"] == "integer" and field("participants")["constraints"]["minimum"] == 0
    assert field("countries")["constraints"]["pattern"] == kinds.COUNTRIES.table_pattern


def test_aggregation_and_council_keys_come_from_the_kinds():
    assert set(aggregate.MULTI_KEYS) == {"countries", "sdgs", "partners"}
    assert set(aggregate.MULTI_KEYS) == {c.key for c in COLUMNS if c.kind.multi}
    assert aggregate.AMOUNTS == ("budget_eur", "city_funding_eur", "external_funding_eur", "participants")
    assert council.AMOUNT_KEYS == ("budget_eur", "city_funding_eur", "external_funding_eur")
    assert council.cell_value("countries", ("FR", "ES")) == "Francia; Spagna"
    assert council.cell_value("role", "lead") == "Capofila / Lead partner"


@pytest.mark.parametrize("group", AT_LEAST_ONE, ids=lambda g: g.code)
def test_each_declared_group_is_a_row_rule(group):
    rule = at_least_one(group)
    empty = dict.fromkeys(group.keys, None)
    assert list(rule(empty, set())) == [(group.keys[0], Problem(group.code))]
    assert list(rule(empty, {group.keys[-1]})) == []  # an unreadable cell has its own finding
    assert list(rule({**empty, group.keys[-1]: "x"}, set())) == []
    assert any(r.__name__ == rule.__name__ for r in ROW_RULES)


def test_a_new_declaration_needs_no_new_code():
    group = AtLeastOne(("ref", "programme"), "required_missing", Pair("un riferimento", "a reference"))
    assert list(at_least_one(group)({"ref": "", "programme": ""}, set())) == [("ref", Problem("required_missing"))]


def test_the_template_darkens_and_names_the_declared_groups(tmp_path):
    assert REQUIRED_LOOK == {key for group in AT_LEAST_ONE for key in group.keys}
    for lang in ("it", "en"):
        text = required_text(lang)
        for group in AT_LEAST_ONE:
            for key in group.keys:
                assert COLUMN_BY_KEY[key].label(lang) in text
    wb = openpyxl.load_workbook(filled_template(tmp_path, []))
    head = wb[SHEET_ACTIVITIES.name][1]
    dark = {c.key for c, cell in zip(COLUMNS, head) if cell.fill.fgColor.rgb == styles.REQUIRED_FILL.fgColor.rgb}
    assert dark == REQUIRED_LOOK | {c.key for c in COLUMNS if c.required}
    steps = [row[2] for row in wb[SHEET_INSTRUCTIONS.name].iter_rows(values_only=True)]
    assert f"Obbligatori: {required_text('it')}. Le loro intestazioni sono più scure." in steps


def test_a_kind_survives_pickling_as_itself():
    import pickle
    column = pickle.loads(pickle.dumps(COLUMN_BY_KEY["sdgs"]))
    assert column.kind is kinds.SDGS
    assert column.kind.parse("11; 13", column) == ((11, 13), ())
