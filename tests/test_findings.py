"""The finding catalogue: every code has both messages with the same placeholders, and every code is used."""
from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import report
from report import findings
from report.findings import CATALOGUE, SEVERITY_ORDER
from report.schema import AT_LEAST_ONE

SOURCES = sorted(Path(report.__file__).parent.rglob("*.py"))  # every module, sub-packages included
CALLS = {"make", "flag", "Problem", "reject", "add", "Unreadable", "flag_row"}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def codes_used() -> dict[str, list[str]]:
    """Catalogue-like string literals passed first to the calls that raise findings, by source file."""
    used: dict[str, list[str]] = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            if name == "add" and len(node.args) > 1:  # validate's add(column key, Problem(code, ...))
                continue
            if name in CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                used.setdefault(first.value, []).append(path.name)
    return used


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_code_is_complete(code):
    entry = CATALOGUE[code]
    assert entry.code == code
    assert entry.message_it.strip() and entry.message_en.strip()
    assert entry.message_it != entry.message_en
    assert entry.severity in SEVERITY_ORDER
    assert entry.scope in ("file", "row")


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_both_languages_have_the_same_placeholders(code):
    entry = CATALOGUE[code]
    it = {p.removesuffix("_it").removesuffix("_en") for p in placeholders(entry.message_it)}
    en = {p.removesuffix("_it").removesuffix("_en") for p in placeholders(entry.message_en)}
    assert it == en
    assert not {p for p in placeholders(entry.message_it) if p.endswith("_en")}, "English value in Italian text"
    assert not {p for p in placeholders(entry.message_en) if p.endswith("_it")}, "Italian value in English text"


def declared_codes() -> set[str]:
    """Codes the schema declares for its cross-column rules (the validator raises them from there)."""
    return {group.code for group in AT_LEAST_ONE}


def test_every_code_used_in_the_sources_is_in_the_catalogue():
    unknown = {code: where for code, where in codes_used().items() if code not in CATALOGUE}
    assert not unknown
    assert declared_codes() <= set(CATALOGUE)


def test_every_catalogue_code_is_used():
    assert set(CATALOGUE) - set(codes_used()) - declared_codes() == set()


def test_the_scan_finds_calls():  # guards the scan itself: it must see the codes the ingest module raises
    used = codes_used()
    assert "file_too_large" in used and "outside_year" in used and "amount_invalid" in used


def test_make_fills_both_messages():
    f = findings.make("amount_invalid", source_file="a.xlsx", sheet="S", source_row=3, column="budget_eur",
                      cell="P3", department="SPORT", value="abc")
    assert f.severity == "error" and "«abc»" in f.message_it and "'abc'" in f.message_en
    assert f.where == "a.xlsx › S › P3"
    assert list(f.as_dict()) == list(report.schema.VALIDATION_OUTPUT_COLUMNS)


def test_every_message_formats_with_its_placeholders():
    for entry in CATALOGUE.values():
        params = {p: "X" for p in placeholders(entry.message_it) | placeholders(entry.message_en)}
        f = findings.make(entry.code, source_file="f.csv", **params)
        assert "{" not in f.message_it and "{" not in f.message_en
