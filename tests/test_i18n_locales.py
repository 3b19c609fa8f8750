"""Formatting numbers, amounts and dates parses no locale name again: Babel parses a locale given by its name on
every call, most of the time of formatting an amount, which a large chapter (the portal's preview) does
thousands of times. An operation count, not a timing."""
from __future__ import annotations

from datetime import date
from unittest import mock

from babel.core import Locale

from report import i18n


def test_formatting_parses_no_locale_name_again():
    for lang in i18n.LANGS:   # the first call of each language may parse its locale
        i18n.money(1234, lang, whole=True), i18n.money(12.5, lang), i18n.number(7, lang)
    parse = Locale.parse.__func__
    names = []

    def counted(cls, identifier, *args, **kwargs):
        if isinstance(identifier, str):
            names.append(identifier)
        return parse(cls, identifier, *args, **kwargs)

    with mock.patch.object(Locale, "parse", classmethod(counted)):
        for lang in i18n.LANGS:
            out = (i18n.money(15000, lang, whole=True), i18n.money(12.5, lang), i18n.number(1234, lang),
                   i18n.signed_number(3, lang), i18n.signed_money(-2.5, lang), i18n.percent(0.125, lang, True),
                   i18n.day(date(2025, 3, 1), lang), i18n.period(date(2025, 3, 1), date(2025, 4, 2), lang),
                   i18n.period(date(2025, 3, 1), None, lang))
            assert all(out)
    assert names == []
    assert i18n.money(15000, "it", whole=True) == "15.000\u00a0€"
    assert i18n.money(15000, "en", whole=True) == "€15,000"


def test_whole_amounts_are_written_as_babel_writes_them():
    """whole_euros writes most whole amounts from the pieces of Babel's own output (prefix, suffix, group
    separator): the same text as Babel's pattern, in the report's locales and in others (another separator, a
    narrow space, Indian grouping, which is left to Babel), from 0 to beyond a float's exact integers."""
    import random
    from decimal import Decimal

    import numpy as np

    rng = random.Random(13)
    values = [0, 0.0, -0.0, 1, 7, -7, 12, 999, 1000, -1000, 1001, 12345.0, Decimal("5000.00"), np.float64(250500.0),
              np.int64(1234567), 10 ** 15 - 1, 10 ** 15, -(10 ** 15) + 1, 2.0 ** 60, 1e20, -3.0e16,
              1234.5, 1235.5, -7.5, 0.4, 52065701.5, Decimal("999.99")]   # a fraction: Babel rounds it
    values += [rng.randrange(1, 10 ** rng.randint(1, 16)) * rng.choice((1, -1)) for _ in range(250)]
    values += [float(rng.randrange(5_000, 2_000_000, 500)) for _ in range(50)]
    for locale in {*i18n.LOCALES.values(), "de_CH", "fr_FR", "hi_IN", "ar_EG", "pt_PT"}:
        pattern, where = i18n._whole_pattern(locale), i18n.babel_locale(locale)
        for value in values:
            expected = pattern.apply(value, where, currency="EUR", currency_digits=False)
            assert i18n.whole_euros(value, locale) == expected, (locale, value)
