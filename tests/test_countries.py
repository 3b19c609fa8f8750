"""Tests of report.countries: name and code matching, suggestions, display names, M49 areas."""
from __future__ import annotations

import csv

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report import countries
from report.assets import data_path
from conftest import examples

RESOLVES = {
    # the contract's examples
    "Palestina": "PS", "Regno Unito": "GB", "UK": "GB", "USA": "US", "Corea del Sud": "KR",
    "Costa d'Avorio": "CI",
    # codes, any case
    "DEU": "DE", "de": "DE", " it ": "IT", "EL": "GR", "XK": "XK", "xkx": "XK", "U.S.A.": "US",
    # names in English and Italian, official or common, accents and apostrophes or not
    "Stati Uniti": "US", "Stati Uniti d'America": "US", "Stati Uniti d’America": "US",
    "United States of America": "US", "  stati   UNITI ": "US", "Germania": "DE", "germany": "DE",
    "Côte d'Ivoire": "CI", "Côte d’Ivoire": "CI", "Cote d Ivoire": "CI", "COSTA D’AVORIO": "CI",
    "Bosnia-Erzegovina": "BA", "Bosnia ed Erzegovina": "BA", "Bosnia and Herzegovina": "BA",
    "Russia": "RU", "Federazione Russa": "RU", "Russian Federation": "RU",
    "Vietnam": "VN", "Viet Nam": "VN", "Turchia": "TR", "Türkiye": "TR", "Turkiye": "TR", "Turkey": "TR",
    "Repubblica Ceca": "CZ", "Cechia": "CZ", "Czechia": "CZ", "Czech Republic": "CZ",
    "Kosovo": "XK", "Palestine": "PS", "Palestinian Territories": "PS", "Territori palestinesi": "PS",
    "State of Palestine": "PS", "Holy See": "VA", "Vaticano": "VA", "Città del Vaticano": "VA",
    "Capo Verde": "CV", "Cabo Verde": "CV", "Cape Verde": "CV", "Macedonia del Nord": "MK",
    "North Macedonia": "MK", "eSwatini": "SZ", "Swaziland": "SZ", "Myanmar": "MM", "Birmania": "MM",
    "Burma": "MM", "Congo": "CG", "Repubblica del Congo": "CG", "Repubblica Democratica del Congo": "CD",
    "Democratic Republic of the Congo": "CD", "Republic of Korea": "KR", "South Korea": "KR",
    "Corea del Nord": "KP", "Francia": "FR", "la Francia": "FR", "the Netherlands": "NL", "Paesi Bassi": "NL",
    "The Gambia": "GM", "St. Lucia": "LC", "Saint Lucia": "LC", "Trinidad & Tobago": "TT",
    "Sint Maarten": "SX", "Moldavia": "MD", "Bolivia": "BO", "Iran": "IR", "Sudafrica": "ZA",
    "Regno Unito di Gran Bretagna e d'Irlanda del Nord": "GB", "Emirati Arabi Uniti": "AE",
    "Italia": "IT", "Italy": "IT", "Guinea": "GN", "Guinea-Bissau": "GW", "Niger": "NE", "Nigeria": "NG",
}


@pytest.mark.parametrize(("text", "code"), RESOLVES.items())
def test_resolve(text, code):
    assert countries.resolve(text) == code


@pytest.mark.parametrize("text", ["Burkina", "Korea", "Corea", "Virgin Islands", "Isole Vergini", "America",
                                  "", "   ", "xyz", "ZZ", "Europa", "Atlantide", "12", "Burkina;Mali"])
def test_resolve_unknown_or_ambiguous(text):
    assert countries.resolve(text) is None


def test_every_code_resolves_from_its_codes_and_names():
    for code in countries.codes():
        row = countries._table()[code]
        assert countries.resolve(row["alpha2"]) == code
        assert countries.resolve(row["alpha3"].lower()) == code
        assert countries.resolve(countries.name(code, "it")) == code, countries.name(code, "it")
        assert countries.resolve(countries.name(code, "en")) == code, countries.name(code, "en")


def test_no_alias_hides_another_country():
    """An alias never takes a name that the standard sources give to another country."""
    by_key: dict[str, set[str]] = {}
    for code, _, value in countries._source_names():
        for variant in countries._variants(value):
            by_key.setdefault(countries.fold(variant), set()).add(code)
    for aliases in countries._ALIASES.values():
        for code, names in aliases.items():
            for alias in names:
                assert by_key.get(countries.fold(alias), {code}) == {code}, alias


def test_suggest():
    assert countries.suggest("Burkina")[0] == "Burkina Faso"
    assert set(countries.suggest("Korea")) == {"South Korea", "North Korea"}
    assert set(countries.suggest("Corea")) == {"Corea del Sud", "Corea del Nord"}
    assert countries.suggest("Germani") == ["Germania"]
    assert countries.suggest("Frnace") == ["France"]
    assert countries.suggest("Untied Kingdom") == ["United Kingdom"]
    assert len(countries.suggest("Virgin Islands", limit=1)) == 1
    assert countries.suggest("qwxz") == []
    assert countries.suggest("") == []


@given(st.text())
@settings(max_examples=examples(300), deadline=None)
def test_never_raises_on_text(text):
    assert countries.resolve(text) in (None, *countries.codes())
    assert isinstance(countries.suggest(text), list)


@pytest.mark.parametrize("value", [None, 3, 2.5, float("nan"), b"IT", ["IT"]])
def test_never_raises_on_other_values(value):
    assert countries.resolve(value) is None
    assert countries.suggest(value) == []


@pytest.mark.parametrize(("code", "it", "en"), [
    ("IT", "Italia", "Italy"), ("PS", "Palestina", "Palestine"), ("CI", "Costa d'Avorio", "Côte d'Ivoire"),
    ("GB", "Regno Unito", "United Kingdom"), ("US", "Stati Uniti", "United States"),
    ("BA", "Bosnia ed Erzegovina", "Bosnia and Herzegovina"), ("XK", "Kosovo", "Kosovo"),
    ("CD", "Repubblica Democratica del Congo", "Democratic Republic of the Congo"),
    ("DE", "Germania", "Germany"), ("BF", "Burkina Faso", "Burkina Faso"),
])
def test_name(code, it, en):
    assert countries.name(code, "it") == it
    assert countries.name(code, "en") == en
    assert countries.name(code.lower(), "en") == en


def test_every_code_has_plain_names():
    for code in countries.codes():
        for lang in countries.LANGS:
            value = countries.name(code, lang)
            assert value and "’" not in value and " & " not in value, (code, lang, value)


def test_name_errors():
    with pytest.raises(ValueError):
        countries.name("IT", "fr")
    with pytest.raises(KeyError):
        countries.name("ZZ", "it")


AREAS = {
    "IT": "italy", "FR": "europe", "RU": "europe", "UA": "europe", "SM": "europe", "VA": "europe",
    "XK": "europe", "GB": "europe", "GG": "europe",
    "EG": "mediterranean_middle_east", "MA": "mediterranean_middle_east", "TN": "mediterranean_middle_east",
    "SD": "mediterranean_middle_east", "IL": "mediterranean_middle_east", "PS": "mediterranean_middle_east",
    "LB": "mediterranean_middle_east", "TR": "mediterranean_middle_east", "CY": "mediterranean_middle_east",
    "BF": "sub_saharan_africa", "ML": "sub_saharan_africa", "SN": "sub_saharan_africa",
    "MZ": "sub_saharan_africa", "CV": "sub_saharan_africa", "ZA": "sub_saharan_africa",
    "MX": "latin_america", "HT": "latin_america", "BR": "latin_america", "CU": "latin_america",
    "US": "north_america", "CA": "north_america", "GL": "north_america",
    "IN": "asia_oceania", "LK": "asia_oceania", "CN": "asia_oceania", "JP": "asia_oceania",
    "KZ": "asia_oceania", "AU": "asia_oceania", "FJ": "asia_oceania", "TW": "asia_oceania",
}


@pytest.mark.parametrize(("code", "area"), AREAS.items())
def test_area_of(code, area):
    assert countries.area_of(code) == area


def test_every_code_has_an_area_and_a_numeric_code():
    for code in countries.codes():
        assert countries.area_of(code) in countries.AREAS
        assert len(countries.numeric(code)) == 3 and countries.numeric(code).isdigit()


def test_area_for():
    assert countries.area_for([]) is None
    assert countries.area_for(["BF", "ML", "SN"]) == "sub_saharan_africa"
    assert countries.area_for(["IT"]) == "italy"
    assert countries.area_for(["IT", "FR"]) == "multi"
    assert countries.area_for(["MX", "US"]) == "multi"
    assert countries.area_for(iter(["de", "FR"])) == "europe"


def test_area_of_unknown_code():
    with pytest.raises(KeyError):
        countries.area_of("ZZ")


def test_numeric():
    assert countries.numeric("IT") == "380"
    assert countries.numeric("AF") == "004"
    assert countries.numeric("XK") == "412"


def test_m49_table_covers_iso_3166():
    with open(data_path("m49.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {row["alpha2"] for row in rows} == {c.alpha_2 for c in pycountry.countries} | {"XK"}
    for row in rows:
        if row["intermediate_code"] in ("005", "013", "029"):
            assert row["subregion_code"] == "419"
        if row["intermediate_code"] in ("011", "014", "017", "018"):
            assert row["subregion_code"] == "202"
        assert row["region_name"] and (row["subregion_name"] or row["alpha2"] == "AQ")
