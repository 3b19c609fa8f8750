"""The report's texts by language (from the one catalogue, report/texts.py) and Babel formatting helpers."""
from __future__ import annotations

import copy
from datetime import date, datetime
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_interval
from babel.numbers import (format_currency, format_decimal, format_percent, get_group_symbol,
                           get_plus_sign_symbol)

from report.texts import CATALOGUE, Pair
from report.missing import is_missing
from report.settings import DEFAULTS

LANGS = ("it", "en")
EDITIONS = ("both", "it", "en")   # "both": the bilingual edition, Italian and English side by side
LOCALES = dict(DEFAULTS.locales)  # language -> Babel locale

# The report's own texts: the catalogue's "report." keys, named here (and in templates/) without the namespace.
STRINGS: dict[str, Pair] = {key.removeprefix("report."): value for key, value in CATALOGUE.items()
                            if key.startswith("report.")}


@cache
def babel_locale(code: str) -> Locale:
    """A Babel locale, parsed once: Babel's functions given a locale's name parse it on every call (most of the
    time of formatting an amount, which a large chapter does thousands of times)."""
    return Locale.parse(code)


def _locale(lang: str) -> Locale:
    return babel_locale(LOCALES[lang])


def text(key: str, lang: str, **params) -> str:
    """A UI string in one language, its fields filled."""
    return STRINGS[key].get(lang).format(**params)


# Spaces CLDR puts in some patterns that the typeface lacks (templates/fonts/README.md): without this
# WeasyPrint would draw them with a fallback font.
_SPACES = str.maketrans({"\u2009": " ", "\u202f": "\u00a0"})


def fit(value: str) -> str:
    """A formatted string with the characters the typeface lacks replaced by ones it has."""
    return value.translate(_SPACES)


def number(value, lang: str) -> str:
    """An integer or decimal number: 1.234 / 1,234."""
    if type(value) is int:   # counts repeat (participants, activities): each formatted once
        return _integer(value, lang)
    return "" if is_missing(value) else format_decimal(value, locale=_locale(lang))


@lru_cache(maxsize=4096)
def _integer(value: int, lang: str) -> str:
    return format_decimal(value, locale=_locale(lang))


def money(value, lang: str, whole: bool = False) -> str:
    """An amount in euros: 1.234,56 € / €1,234.56; with `whole`, a whole amount without cents (1.234 €)."""
    if is_missing(value):
        return ""
    if whole and float(value).is_integer():
        return fit(whole_euros(value, LOCALES[lang]))
    return fit(format_currency(value, "EUR", locale=_locale(lang)))


def whole_euros(amount, locale: str) -> str:
    """A whole amount in euros in a Babel locale, the locale's own pattern without decimals: 1.234 € / €1,234."""
    affixes = _whole_affixes(locale)
    if affixes is None or not float(amount).is_integer() or not 0 < abs(amount) < WHOLE_EXACT:   # Babel rounds
        return _whole_pattern(locale).apply(amount, babel_locale(locale), currency="EUR", currency_digits=False)
    whole = int(amount)
    (prefix, suffix), (minus_prefix, minus_suffix), group = affixes
    digits = f"{abs(whole):,}".replace(",", group)
    return f"{prefix}{digits}{suffix}" if whole > 0 else f"{minus_prefix}{digits}{minus_suffix}"


# Whole amounts from 1 to this (either sign) are written by whole_euros from the pieces of Babel's own output for
# the locale (_whole_affixes), as Babel writes them (tests/test_i18n_locales.py), at a tenth of the time (a
# large chapter has thousands); 0 and larger amounts, where a float's digits and Babel's may part, by Babel.
WHOLE_EXACT = 10 ** 15


@cache
def _whole_affixes(locale: str) -> tuple | None:
    """What Babel writes around a whole amount's digits in the locale, before and after, for a positive and a
    negative amount, and its group separator; None when its pattern does not group digits by threes (then
    every amount is Babel's)."""
    pattern, where = _whole_pattern(locale), babel_locale(locale)
    if pattern.grouping != (3, 3) or pattern.int_prec[0] != 1 or pattern.scale or pattern.exp_prec:
        return None
    plus, minus = (pattern.apply(value, where, currency="EUR", currency_digits=False).split("7") for value in (7, -7))
    if len(plus) != 2 or len(minus) != 2:
        return None
    return tuple(plus), tuple(minus), get_group_symbol(where)


@cache
def _whole_pattern(locale: str):
    """The locale's own currency pattern without its decimals."""
    pattern = copy.copy(Locale.parse(locale).currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    return pattern


def percent(ratio, lang: str, signed: bool = False) -> str:
    """A fraction as a percentage (0.125 -> 12,5%); with signed, a plus sign before a positive change."""
    if is_missing(ratio):
        return ""
    out = fit(format_percent(ratio, locale=_locale(lang)))
    if signed and ratio > 0:
        out = get_plus_sign_symbol(_locale(lang)) + out
    return out


def signed_number(value, lang: str) -> str:
    """A change in a count, with its sign: +12 / −3."""
    if is_missing(value):
        return ""
    out = format_decimal(value, locale=_locale(lang))
    return get_plus_sign_symbol(_locale(lang)) + out if value > 0 else out


def signed_money(value, lang: str) -> str:
    """A change in an amount, with its sign."""
    if is_missing(value):
        return ""
    out = format_currency(value, "EUR", locale=_locale(lang))
    return get_plus_sign_symbol(_locale(lang)) + out if value > 0 else out


def day(value: date | datetime | None, lang: str, length: str = "long") -> str:
    """A date: 1 marzo 2025 / 1 March 2025."""
    return "" if value is None else fit(format_date(value, length, locale=_locale(lang)))


@lru_cache(maxsize=4096)
def period(start: date | None, end: date | None, lang: str) -> str:
    """The dates of an activity: an interval, or 'from <start>' when it has no end."""
    if start is None:
        return ""
    if end is None:
        return text("since", lang, date=format_date(start, "medium", locale=_locale(lang)))
    return fit(format_interval(start, end, "yMMMd", locale=_locale(lang)))
