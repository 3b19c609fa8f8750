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
