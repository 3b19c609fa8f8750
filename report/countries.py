"""Country names and codes to ISO alpha-2, their display names in Italian and English, and their report area."""
from __future__ import annotations

import csv
import difflib
import gettext
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from report.assets import data_path

LANGS = ("it", "en")
AREAS = ("italy", "europe", "mediterranean_middle_east", "sub_saharan_africa", "latin_america",
         "north_america", "asia_oceania")
MULTI = "multi"

# The report area of each M49 code; the most specific code of a country wins (subregion, then region).
_AREA_BY_M49 = {
    "015": "mediterranean_middle_east", "145": "mediterranean_middle_east",
    "202": "sub_saharan_africa", "419": "latin_america", "021": "north_america",
    "150": "europe", "142": "asia_oceania", "009": "asia_oceania",
}

# Codes people use that ISO 3166-1 does not assign: the EU's codes for the United Kingdom and Greece.
_CODE_ALIASES = {"UK": "GB", "EL": "GR"}

# Names the standard sources lack, by language: abbreviations, old and informal names, parts for the whole.
_ALIASES = {
    "it": {
        "AE": ["EAU", "Emirati"],
        "BA": ["Bosnia-Erzegovina", "Bosnia"],
        "BY": ["Bielorussia"],
        "CV": ["Capoverde"],
        "CD": ["RDC", "RD Congo", "Repubblica Democratica del Congo"],
        "CN": ["Repubblica Popolare Cinese"],
        "CZ": ["Repubblica Ceca"],
        "GB": ["Gran Bretagna", "Inghilterra", "Scozia", "Galles", "Irlanda del Nord"],
        "GN": ["Guinea-Conakry"],
        "KP": ["Nord Corea"],
        "KR": ["Repubblica di Corea", "Sud Corea"],
        "LC": ["Santa Lucia"],
        "MK": ["Macedonia", "ex Repubblica jugoslava di Macedonia"],
        "MM": ["Birmania"],
        "NL": ["Olanda"],
        "PS": ["Palestina", "Territori palestinesi", "Territori palestinesi occupati", "Stato di Palestina",
               "Cisgiordania", "Gaza", "Striscia di Gaza"],
        "RU": ["Federazione Russa"],
        "US": ["Stati Uniti d'America"],
        "TL": ["Timor orientale"],
        "VA": ["Vaticano", "Santa Sede", "Stato della Città del Vaticano"],
        "XK": ["Repubblica del Kosovo"],
        "ZA": ["Sud Africa"],
    },
    "en": {
        "AE": ["UAE"],
        "BA": ["Bosnia-Herzegovina", "Bosnia"],
        "BY": ["Byelorussia", "Belorussia"],
        "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Zaire", "Democratic Republic of Congo"],
        "CG": ["Congo-Brazzaville", "Republic of Congo"],
        "CI": ["Ivory Coast"],
        "CN": ["PRC"],
        "GB": ["Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland"],
        "KP": ["North Korea"],
        "MK": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
        "MM": ["Burma"],
        "NL": ["Holland"],
        "PS": ["Palestine", "Occupied Palestinian Territories", "State of Palestine", "West Bank", "Gaza Strip"],
        "SZ": ["Swaziland"],
        "TL": ["East Timor"],
        "TR": ["Turkey"],
        "US": ["United States of America"],
        "VA": ["Vatican", "Holy See", "Vatican City State"],
        "XK": ["Republic of Kosovo"],
    },
}

# Display names that read better in a report than CLDR's short forms.
_DISPLAY = {
    "PS": {"it": "Palestina", "en": "Palestine"},
    "CD": {"it": "Repubblica Democratica del Congo", "en": "Democratic Republic of the Congo"},
    "CG": {"it": "Repubblica del Congo", "en": "Republic of the Congo"},
    "MM": {"it": "Myanmar", "en": "Myanmar"},
    "HK": {"it": "Hong Kong", "en": "Hong Kong"},
    "MO": {"it": "Macao", "en": "Macao"},
}

_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ı": "i", "&": " and ", ".": ""})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_TOKENS = {"st": "saint", "ste": "sainte", "ed": "e"}
_DROPPED = {"the"}
_LEADING_ARTICLES = {"il", "lo", "la", "l", "i", "gli", "le"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})


def fold(text: str) -> str:
    """The comparison form of a name: no case, accents or punctuation, 'St.' = 'Saint', no 'the' nor leading article."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_LETTERS)
    words = _NON_ALNUM.sub(" ", text).split()
    if len(words) > 1:  # one word may be a code: 'ST' is São Tomé, 'LA' Laos
        words = [_TOKENS.get(w, w) for w in words if w not in _DROPPED]
        if len(words) > 1 and words[0] in _LEADING_ARTICLES:
            words = words[1:]
    return " ".join(words)


@cache
def _table() -> dict[str, dict[str, str]]:
    """The rows of report/data/m49.csv by alpha-2 code."""
    with open(data_path("m49.csv"), newline="", encoding="utf-8") as f:
        return {row["alpha2"]: row for row in csv.DictReader(f)}


def codes() -> list[str]:
    """Every known alpha-2 code (ISO 3166-1 plus XK), sorted."""
    return sorted(_table())


def _variants(name: str) -> list[str]:
    """A source name and its readable variants: 'Korea, Republic of' -> 'Republic of Korea'; 'X (Y)' -> 'X'.

    The words in brackets alone are not a name of the country: 'Saint-Martin (Francia)' is not France.
    """
    out = [name]
    if ", " in name:
        head, _, tail = name.partition(", ")
        out.append(f"{tail} {head}")
    bare = re.sub(r"\s*\([^)]*\)", "", name)
    if bare != name:
        out.append(bare)
    return out


def _source_names() -> Iterable[tuple[str, str, str]]:
    """(alpha2, language, name) from pycountry (English and its Italian translation) and Babel (CLDR)."""
    import pycountry
    from babel import Locale

    italian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["it"])
    known = _table()
    for country in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            value = getattr(country, field, None)
            if value:
                yield country.alpha_2, "en", value
                yield country.alpha_2, "it", italian.gettext(value)
    for lang in LANGS:
        for code, value in Locale(lang).territories.items():
            if code in known:
                yield code, lang, value


@cache
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name or code -> alpha2, folded name -> language it is written in); ambiguous names are left out."""
    found: dict[str, set[str]] = {}
    lang_of: dict[str, str] = {}
    for code, lang, value in _source_names():
        for variant in _variants(value):
            key = fold(variant)
            found.setdefault(key, set()).add(code)
            if lang_of.get(key) != "en":  # a name written the same in both languages counts as English
                lang_of[key] = lang
    index = {key: next(iter(found_codes)) for key, found_codes in found.items() if len(found_codes) == 1}
    for lang, aliases in _ALIASES.items():
        for code, names in aliases.items():
            for alias in names:
                index[fold(alias)] = code
                lang_of.setdefault(fold(alias), lang)
    for code in _table().values():  # codes last: a 2- or 3-letter input is a code first
        index[code["alpha2"].casefold()] = code["alpha2"]
        index[code["alpha3"].casefold()] = code["alpha2"]
    for alias, code in _CODE_ALIASES.items():
        index[alias.casefold()] = code
    index.pop("", None)
    return index, {key: lang for key, lang in lang_of.items() if key in index}


def resolve(text: str) -> str | None:
    """ISO alpha-2 code for a country written as alpha-2/alpha-3 code or English/Italian name; None when unknown."""
    if not isinstance(text, str):
        return None
    return _resolve(text)


@lru_cache(maxsize=8192)
def _resolve(text: str) -> str | None:
    return _index()[0].get(fold(text))


def suggest(text: str, limit: int = 3) -> list[str]:
    """The display names of the known countries closest to `text`, best first, in the language they match in."""
    if not isinstance(text, str) or limit <= 0:
        return []
    return list(_suggest(fold(text), limit))


@lru_cache(maxsize=1024)
def _suggest(query: str, limit: int) -> tuple[str, ...]:
    """Score every known name against the folded query; a name containing the query as words ranks high."""
    if len(query) < 2:
        return ()
    index, lang_of = _index()
    matcher = difflib.SequenceMatcher(b=query, autojunk=False)
    scored = []
    for key in lang_of:  # names only: codes make poor suggestions
        matcher.set_seq1(key)
        if f" {query} " in f" {key} ":  # 'burkina' in 'burkina faso'
            scored.append((max(matcher.ratio(), 0.8 + 0.2 * len(query) / len(key)), key))
        elif matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6 and matcher.ratio() >= 0.6:
            scored.append((matcher.ratio(), key))
    scored.sort(key=lambda item: (-item[0], item[1]))
    best: dict[str, str] = {}  # alpha2 -> display name, one per country, best first
    for score, key in scored:
        if score < scored[0][0] - 0.1 or len(best) == limit:  # the rest is far behind the best
            break
        best.setdefault(index[key], name(index[key], lang_of[key]))
    return tuple(best.values())


@cache
def name(alpha2: str, lang: str) -> str:
    """Display name of a country in 'it' or 'en' (CLDR's, with plain apostrophes and a few report-friendly forms)."""
    from babel import Locale

    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {LANGS}")
    code = alpha2.upper()
    if code in _DISPLAY:
        return _DISPLAY[code][lang]
    value = Locale(lang).territories.get(code)
    if value is None or code not in _table():
        raise KeyError(f"unknown country code {alpha2!r}")
    if lang == "en":
        value = value.replace(" & ", " and ")
    return value.translate(_APOSTROPHES)


def _row(alpha2: str) -> dict[str, str]:
    try:
        return _table()[alpha2.upper()]
    except KeyError:
        raise KeyError(f"unknown country code {alpha2!r}") from None


def numeric(alpha2: str) -> str:
    """ISO 3166-1 numeric code, 3 digits (Kosovo: 412, in common use though not ISO)."""
    return _row(alpha2)["numeric"]


def area_of(alpha2: str) -> str:
    """The report area of one country: 'italy' for IT, else from its UN M49 subregion and region."""
    row = _row(alpha2)
    if row["alpha2"] == "IT":
        return "italy"
    return _AREA_BY_M49.get(row["subregion_code"]) or _AREA_BY_M49[row["region_code"]]


def area_for(codes: Iterable[str]) -> str | None:
    """The area of a list of alpha-2 codes: the single area, 'multi' for two or more, None for none."""
    areas = {area_of(code) for code in codes}
    if not areas:
        return None
    return areas.pop() if len(areas) == 1 else MULTI
