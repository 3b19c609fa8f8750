"""Cell parsers (report.intake.values) on the contract's examples (section 3), edge cases, and arbitrary input."""
from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report.intake import values as v
from report.schema import VOCABULARIES
from conftest import examples

START, END = v.START, v.END


def codes(problems) -> list[str]:
    return [p.code for p in problems]


# ---- amounts ------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("12000", 12000), ("12.000", 12000), ("12.000,50", 12000.5), ("12,000.50", 12000.5),
    ("€ 12 000", 12000), ("12.000 €", 12000), ("1.500", 1500), ("1,500", 1500), ("1,5", 1.5), ("1.5", 1.5),
    ("0.500", 0.5), ("0,500", 0.5), ("12,50", 12.5), ("1.250.000", 1250000), ("1,250,000.00", 1250000),
    ("12 000,00 EUR", 12000), ("EUR 1.000", 1000), ("12\u00a0000", 12000), ("1\u202f000", 1000), ("1'000", 1000),
    ("0", 0), ("-0", 0), (".5", 0.5), ("12.00", 12), ("1.0000", 1), (12000, 12000), (2.5, 2.5), (0, 0),
    ("  7  ", 7), ("+5", 5),
])
def test_amount_reads(raw, expected):
    value, problems = v.parse_amount(raw)
    assert (value, problems) == (expected, ())
    assert not math.copysign(1, value) < 0  # never -0.0


@pytest.mark.parametrize("raw", ["-5", "- 1.000", "\u22125", -3, -0.01])
def test_negative_amount_is_an_error(raw):
    assert codes(v.parse_amount(raw)[1]) == ["amount_negative"]
    assert v.parse_amount(raw)[0] is None


@pytest.mark.parametrize("raw", [
    "circa 5000", "abc", "EUR", "1.2.3", "12.000.5", "1e5", "nan", "inf", "5-6", "1,2,3", "12..0", "€",
    float("inf"), float("-inf"), True, False, "9" * 400,
])
def test_non_numeric_amount_is_an_error(raw):
    value, problems = v.parse_amount(raw)
    assert value is None and codes(problems) == ["amount_invalid"]


@pytest.mark.parametrize("parse", [v.parse_amount, v.parse_date, v.parse_integer])
@pytest.mark.parametrize("raw", [None, "", " ", "   ", float("nan")])
def test_a_blank_number_or_date_is_nothing(parse, raw):
    assert parse(raw) == (None, ())


def test_amount_problem_quotes_the_cell():
    assert v.parse_amount(" circa 5000 ")[1][0].params == {"value": "circa 5000"}


@pytest.mark.parametrize("raw, expected", [("120", 120), ("1.500", 1500), (3.0, 3), (0, 0), ("", None)])
def test_integer_reads(raw, expected):
    assert v.parse_integer(raw) == (expected, ())


@pytest.mark.parametrize("raw", ["12,5", 2.5, "-1", -1, "abc", True, "9" * 400])
def test_integer_invalid(raw):
    assert v.parse_integer(raw)[0] is None and codes(v.parse_integer(raw)[1]) == ["integer_invalid"]


# ---- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, start, end", [
    (date(2025, 3, 1), date(2025, 3, 1), date(2025, 3, 1)),
    (datetime(2025, 3, 1, 10, 30), date(2025, 3, 1), date(2025, 3, 1)),
    ("2025-03-01", date(2025, 3, 1), date(2025, 3, 1)),
    ("2025-03-01 00:00:00", date(2025, 3, 1), date(2025, 3, 1)),
    ("2025-3-1", date(2025, 3, 1), date(2025, 3, 1)),
    ("01/03/2025", date(2025, 3, 1), date(2025, 3, 1)),
    ("03/04/2025", date(2025, 4, 3), date(2025, 4, 3)),  # day first, never month first
    ("12/01/2025", date(2025, 1, 12), date(2025, 1, 12)),
    ("01-03-2025", date(2025, 3, 1), date(2025, 3, 1)),
    ("1.3.2025", date(2025, 3, 1), date(2025, 3, 1)),
    (" 01 / 03 / 2025 ", date(2025, 3, 1), date(2025, 3, 1)),
    ("03/2025", date(2025, 3, 1), date(2025, 3, 31)),
    ("3-2025", date(2025, 3, 1), date(2025, 3, 31)),
    ("02/2024", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
    ("02/2025", date(2025, 2, 1), date(2025, 2, 28)),
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    (2025, date(2025, 1, 1), date(2025, 12, 31)),
    (2025.0, date(2025, 1, 1), date(2025, 12, 31)),
])
def test_date_reads(raw, start, end):
    assert v.parse_date(raw, START) == (start, ())
    assert v.parse_date(raw, END) == (end, ())


@pytest.mark.parametrize("raw", [
    "31/02/2025", "29/02/2025", "2025/03/01", "marzo 2025", "March 2025", "13/2025", "00/2025", "2025-13-01",
    "32/01/2025", "2025-03-01 10:00", "01/03/25", "0202", "01/03/0202", "1/3", "ieri", 45000, 3.5, True,
    "2025-03-01x",
])
def test_invalid_date_is_an_error(raw):
    value, problems = v.parse_date(raw)
    assert value is None and codes(problems) == ["date_invalid"]


# ---- lists, texts -------------------------------------------------------------------------------

def test_lists_split_on_semicolons_and_line_breaks():
    assert v.split_list("a; b\nc\r\nd;; ;") == ["a", "b", "c", "d"]
    assert v.parse_text_list("Lione; Lione;Barcellona") == (("Lione", "Barcellona"), ())
    assert v.parse_text_list(None) == ((), ())
    assert v.split_list("Roma, Parigi") == ["Roma, Parigi"]  # a comma is not a list separator


def test_text_is_trimmed_and_never_cut():
    assert v.parse_text("  ciao \r\n mondo ") == ("ciao \n mondo", ())
    text, problems = v.parse_text("x" * 201, 200)
    assert len(text) == 201 and codes(problems) == ["text_too_long"]
    assert problems[0].params == {"length": 201, "limit": 200}
    assert v.parse_text("x" * 200, 200) == ("x" * 200, ())


@pytest.mark.parametrize("raw, text", [
    (None, ""), (float("nan"), ""), (12.0, "12"), (12.5, "12.5"), (True, "TRUE"),
    (datetime(2025, 3, 1), "2025-03-01"), (date(2025, 3, 1), "2025-03-01"), (" a ", "a"),
])
def test_as_text(raw, text):
    assert v.as_text(raw) == text


# ---- countries ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("Palestina", ("PS",)), ("Regno Unito", ("GB",)), ("UK", ("GB",)), ("USA", ("US",)),
    ("Corea del Sud", ("KR",)), ("Costa d'Avorio", ("CI",)), ("costa d’avorio", ("CI",)),
    ("FRA", ("FR",)), ("fr", ("FR",)), ("Francia; Spagna", ("FR", "ES")), ("France\nGermania", ("FR", "DE")),
    ("Italia; italy; IT", ("IT",)), ("Côte d'Ivoire", ("CI",)), ("Cote d Ivoire", ("CI",)), ("", ()),
])
def test_countries_read(raw, expected):
    assert v.parse_countries(raw) == (expected, ())


def test_unknown_country_suggests_close_names():
    found, problems = v.parse_countries("Francia; Frnace")
    assert found == ("FR",)
    assert codes(problems) == ["country_unknown"]
    assert problems[0].params["value"] == "Frnace" and "France" in problems[0].params["hint_en"]
    assert "Forse intendevate" in problems[0].params["hint_it"]


@pytest.mark.parametrize("raw, expected", [
    ("Austria, Germania", ("AT", "DE")), ("Germany, France", ("DE", "FR")), ("Italia; Austria, Germania, FR",
                                                                               ("IT", "AT", "DE", "FR")),
    ("Francia, Francia", ("FR",)),
])
def test_comma_separated_countries_are_read_with_a_warning(raw, expected):
    found, problems = v.parse_countries(raw)
    assert found == expected and codes(problems) == ["countries_comma"]
    item = raw.split("; ")[-1]
    assert problems[0].params == {"value": item, "joined": item.replace(", ", "; ")}


@pytest.mark.parametrize("raw, expected", [
    ("Korea, Republic of", ("KR",)), ("Virgin Islands, British", ("VG",)),
    ("Bonaire, Sint Eustatius and Saba", ("BQ",)), ("Congo, The Democratic Republic of the", ("CD",)),
    ("Korea, Republic of; Francia", ("KR", "FR")),
])
def test_a_name_with_a_comma_is_still_one_country(raw, expected):
    assert v.parse_countries(raw) == (expected, ())


def test_a_comma_list_with_an_unknown_part_stays_an_error():
    found, problems = v.parse_countries("Austria, Narnia")
    assert found == () and codes(problems) == ["country_unknown"] and problems[0].params["value"] == "Austria, Narnia"


def test_country_with_nothing_close_has_no_hint():
    _, problems = v.parse_countries("zzzzzzzzzzzz")
    assert problems[0].params["hint_en"] == "" and problems[0].params["hint_it"] == ""


# ---- vocabularies -------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["eu_project", "EU_PROJECT", "Progetto europeo", "progetto EUROPEO",
                                 " EU-funded project ", "eu funded project", "Progetto  Europeo"])
def test_vocabulary_in_either_language_code_and_case(raw):
    assert v.parse_vocabulary(raw, VOCABULARIES["type"]) == ("eu_project", ())


def test_vocabulary_with_accents_or_apostrophes():
    assert v.parse_vocabulary("Missione all’estero", VOCABULARIES["type"])[0] == "mission"
    assert v.parse_vocabulary("PIU AREE", VOCABULARIES["area"])[0] == "multi"
    assert v.parse_vocabulary("inclusione sociale e pari opportunita", VOCABULARIES["theme"])[0] == "inclusion"


def test_every_term_reads_in_every_form():
    for vocabulary in VOCABULARIES.values():
        for term in vocabulary.terms:
            for form in (term.code, term.it, term.en, term.it.upper(), term.en.lower()):
                assert v.parse_vocabulary(form, vocabulary) == (term.code, ()), (vocabulary.key, form)


def test_unknown_vocabulary_value_suggests():
    value, problems = v.parse_vocabulary("progetto europe", VOCABULARIES["type"])
    assert value is None and codes(problems) == ["vocabulary_unknown"]
    params = problems[0].params
    assert params["value"] == "progetto europe" and "«Progetto europeo»" in params["hint_it"]
    assert "'Progetto europeo'" in params["hint_en"]
    assert v.parse_vocabulary("xyz", VOCABULARIES["type"])[1][0].params["hint_en"] == ""
    assert v.parse_vocabulary(None, VOCABULARIES["type"]) == (None, ())


# ---- SDGs, URLs --------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("11; 13", (11, 13)), ("11, 13", (11, 13)), ("13;11", (11, 13)), ("SDG 11", (11,)), ("sdg11", (11,)),
    ("Goal 11", (11,)), ("Obiettivo 11", (11,)), ("SDG 3, SDG 4", (3, 4)), ("3;3", (3,)), (11.0, (11,)),
    (7, (7,)), ("1\n17", (1, 17)), ("", ()),
])
def test_sdgs_read(raw, expected):
    assert v.parse_sdgs(raw) == (expected, ())


@pytest.mark.parametrize("raw", ["18", "0", "abc", "11.5", 99])
def test_invalid_sdg_is_an_error(raw):
    assert codes(v.parse_sdgs(raw)[1]) == ["sdg_invalid"]


def test_invalid_sdg_keeps_the_valid_ones():
    assert v.parse_sdgs("11; 18; 13") == ((11, 13), (v.Problem("sdg_invalid", {"value": "18"}),))


@pytest.mark.parametrize("raw", ["http://x.org", "https://www.comune.torino.it/x?a=1#b", "HTTPS://X.ORG"])
def test_url_reads(raw):
    assert v.parse_url(raw) == (raw, ())


@pytest.mark.parametrize("raw", ["javascript:alert(1)", "ftp://x.org", "www.x.org", "x.org", "http://localhost",
                                 "https://x.org/a b", "http://[::1", "https://", "mailto:a@b.org",
                                 "data:text/html,<script>"])
def test_invalid_url_is_an_error(raw):
    assert v.parse_url(raw) == (None, (v.Problem("url_invalid", {"value": raw}),))


# ---- no parser raises -----------------------------------------------------------------------------

PARSERS = [
    v.parse_amount, v.parse_integer, v.parse_countries, v.parse_sdgs, v.parse_url, v.parse_text_list,
    lambda raw: v.parse_text(raw, 200), lambda raw: v.parse_date(raw, START), lambda raw: v.parse_date(raw, END),
    *(lambda raw, voc=voc: v.parse_vocabulary(raw, voc) for voc in VOCABULARIES.values()),
]
CELLS = st.one_of(st.text(), st.floats(), st.integers(), st.dates(), st.datetimes(), st.booleans(), st.none(),
                  st.from_regex(r"[0-9 .,€'\-/]{0,14}", fullmatch=True))


@settings(max_examples=examples(300), deadline=None)
@given(CELLS)
def test_no_parser_raises(raw):
    for parse in PARSERS:
        value, problems = parse(raw)
        assert isinstance(problems, tuple)
        assert all(isinstance(p, v.Problem) for p in problems)


@settings(max_examples=examples(200), deadline=None)
@given(st.text(alphabet="0123456789.,€ '-", max_size=16))
def test_amounts_are_finite_non_negative_or_a_problem(raw):
    value, problems = v.parse_amount(raw)
    if v.is_blank(raw):
        assert (value, problems) == (None, ())
    else:
        assert (value is None) == bool(problems)
    if value is not None:
        assert math.isfinite(value) and value >= 0


@settings(max_examples=examples(200), deadline=None)
@given(st.dates(min_value=date(v.MIN_YEAR, 1, 1), max_value=date(v.MAX_YEAR, 12, 31)))
def test_dates_written_any_accepted_way_read_back(day):
    for text in (day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%d-%m-%Y"), day.strftime("%d.%m.%Y")):
        assert v.parse_date(text) == (day, ())


@settings(max_examples=examples(200), deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_integers_written_with_thousands_groups_read_back(n):
    assert v.parse_amount(f"{n:,}".replace(",", "."))[0] == n
    assert v.parse_amount(f"{n:,}")[0] == n
    assert v.parse_amount(f"€ {n:,}".replace(",", " "))[0] == n
