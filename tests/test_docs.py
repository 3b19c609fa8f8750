"""The generated reference docs (columns, findings, CLI) are current and cover everything they document."""
from __future__ import annotations

import pytest

from report import docs, schema
from report.findings import CATALOGUE

RENDERED = docs.render()


@pytest.mark.parametrize("name", sorted(docs.GENERATORS))
def test_committed_doc_is_current(name):
    committed = (docs.DOCS_DIR / name).read_text(encoding="utf-8")
    assert committed == RENDERED[name], f"docs/{name} is stale: run `make docs` (python -m report.docs)"


def test_columns_doc_names_every_column_vocabulary_term_and_output_column():
    text = RENDERED["columns.md"]
    for column in schema.COLUMNS:
        assert f"| `{column.key}` | {column.header_it} | {column.header_en} |" in text
        assert column.help_it in text and column.help_en in text
        assert column.rule_it in text and column.rule_en in text
    for vocabulary in schema.VOCABULARIES.values():
        for term in vocabulary.terms:
            assert f"| `{term.code}` | {term.it} | {term.en} |" in text
    for field in schema.INFO_FIELDS:
        assert field.label in text
    for key in (*schema.ACTIVITY_OUTPUT_COLUMNS, *schema.VALIDATION_OUTPUT_COLUMNS):
        assert f"| `{key}` |" in text


def test_findings_doc_lists_every_code_with_both_messages():
    text = RENDERED["findings.md"]
    for code in CATALOGUE.values():
        assert f"| `{code.code}` |" in text
        assert docs.md(code.message_it) in text and docs.md(code.message_en) in text


def test_cli_doc_has_the_help_of_every_command():
    text = RENDERED["cli.md"]
    for name in docs._subparsers(__import__("report.cli.parser", fromlist=["build_parser"]).build_parser()):
        assert f"## `{name}`" in text and f"usage: generate.py {name}" in text
    assert "--strict" in text and "--year YEAR" in text


def test_markdown_cells_cannot_break_the_table():
    assert docs.md("a|b\nc <x>") == "a\\|b<br>c &lt;x>"


def test_main_writes_every_doc(tmp_path):
    assert docs.main([str(tmp_path)]) == 0
    assert {p.name for p in tmp_path.iterdir()} == set(docs.GENERATORS)
    assert (tmp_path / "findings.md").read_text(encoding="utf-8") == RENDERED["findings.md"]
