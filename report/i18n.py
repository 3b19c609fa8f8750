"""The report's UI strings in Italian and English (data, one row per string) and Babel formatting helpers."""
from __future__ import annotations

import copy
import math
from datetime import date, datetime
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval
from babel.numbers import format_currency, format_decimal, format_percent, get_plus_sign_symbol

from report.settings import DEFAULTS

LANGS = ("it", "en")
EDITIONS = ("both", "it", "en")   # "both": the bilingual edition, Italian and English side by side
LOCALES = dict(DEFAULTS.locales)  # language -> Babel locale

# key: (Italian, English). Placeholders are str.format fields filled by `text`.
STRINGS: dict[str, tuple[str, str]] = {
    "title": ("Relazione annuale sulle attività internazionali", "Annual report on international activities"),
    "edition_both": ("Edizione bilingue italiano e inglese", "Bilingual edition, Italian and English"),
    "edition_it": ("Edizione italiana", "Italian edition"),
    "edition_en": ("Edizione inglese", "English edition"),
    "page_of": ("pagina {page} di {pages}", "page {page} of {pages}"),
    "contents": ("Indice", "Contents"),
    "foreword": ("Presentazione", "Foreword"),
    "figures": ("L'anno in cifre", "The year in figures"),
    "figures_intro": ("Le attività congiunte di più settori sono contate una volta sola.",
                      "Joint activities of several departments are counted once."),
    "figures_caption": ("Indicatori principali del {year}", "Key figures for {year}"),
    "indicator": ("Indicatore", "Indicator"),
    "change": ("Variazione", "Change"),
    "no_previous": ("Dati dell'anno precedente non disponibili.", "No data for the previous year."),
    "fig_activities": ("Attività", "Activities"),
    "fig_departments": ("Settori coinvolti", "Departments involved"),
    "fig_countries": ("Paesi", "Countries"),
    "fig_partner_cities": ("Città ed enti partner", "Partner cities and organisations"),
    "fig_budget_eur": ("Budget complessivo", "Total budget"),
    "fig_eu_funding_eur": ("Finanziamenti europei", "EU funding"),
    "fig_city_funding_eur": ("Quota della Città", "City contribution"),
    "fig_participants": ("Persone coinvolte", "People involved"),
    "charts": ("Grafici", "Charts"),
    "departments": ("Le attività dei settori", "Activities by department"),
    "department_count": ("{count} attività", "{count} activities"),
    "department_count_one": ("1 attività", "1 activity"),
    "department_none": ("Nessuna attività segnalata per il {year}.", "No activities reported for {year}."),
    "joint": ("Attività congiunta con: {departments}", "Joint activity with: {departments}"),
    "type": ("Tipologia", "Type"),
    "theme": ("Ambito", "Theme"),
    "role": ("Ruolo della Città", "City's role"),
    "countries": ("Paesi", "Countries"),
    "area": ("Area geografica", "Geographic area"),
    "partners": ("Partner", "Partners"),
    "programme": ("Programma o rete", "Programme or network"),
    "dates": ("Periodo", "Period"),
    "since": ("dal {date}", "from {date}"),
    "status": ("Stato", "Status"),
    "budget": ("Budget totale", "Total budget"),
    "city_funding": ("Quota Città", "City contribution"),
    "external_funding": ("Finanziamento esterno", "External funding"),
    "funding_source": ("Fonte di finanziamento", "Funding source"),
    "sdgs": ("Obiettivi SDG", "SDGs"),
    "sdg": ("SDG", "SDG"),
    "participants_count": ("{count} partecipanti", "{count} participants"),
    "participants_one": ("1 partecipante", "1 participant"),
    "budget_short": ("Budget", "Budget"),
    "share_city": ("Città {amount}", "City {amount}"),
    "share_external": ("esterno {amount}", "external {amount}"),
    "share_source": ("fonte: {source}", "source: {source}"),
    "participants": ("Partecipanti", "Participants"),
    "link": ("Link", "Link"),
    "details": ("Scheda dell'attività", "Activity details"),
    "only_other_language": ("Testo disponibile solo in inglese.", "Text available in Italian only."),
    "annexes": ("Allegati", "Annexes"),
    "annex_countries": ("Attività per area e Paese", "Activities by area and country"),
    "annex_countries_note": ("Un'attività in più Paesi è contata in ciascuno.",
                             "An activity in several countries is counted in each."),
    "country": ("Paese", "Country"),
    "activities": ("Attività", "Activities"),
    "annex_partners": ("Città ed enti partner", "Partner cities and organisations"),
    "partner": ("Partner", "Partner"),
    "department": ("Settore", "Department"),
    "annex_ledger": ("Il conto delle righe ricevute", "The ledger of rows received"),
    "annex_ledger_note": ("Ogni riga ricevuta è accettata, respinta o fuori dall'anno. Le righe respinte sono "
                          "elencate con i motivi in validation_{year}.csv.",
                          "Every row received is accepted, rejected or outside the year. Rejected rows are "
                          "listed with their reasons in validation_{year}.csv."),
    "received": ("Ricevute", "Received"),
    "accepted": ("Accettate", "Accepted"),
    "rejected": ("Respinte", "Rejected"),
    "outside": ("Fuori anno", "Outside the year"),
    "reasons": ("Motivi", "Reasons"),
    "total": ("Totale", "Total"),
    "annex_sources": ("Fonti", "Sources"),
    "annex_sources_note": ("I file letti per questa relazione. La data è quella dichiarata dal settore nel foglio "
                           "«Scheda - Info» (non la data del file, che cambia a ogni copia); l'impronta SHA-256 "
                           "identifica il contenuto esatto.",
                           "The files read for this report. The date is the one the department gave in the "
                           "'Scheda - Info' sheet (not the file date, which changes with every copy); the "
                           "SHA-256 fingerprint identifies the exact content."),
    "file": ("File", "File"),
    "size": ("Dimensione", "Size"),
    "date": ("Data", "Date"),
    "bytes": ("{size} byte", "{size} bytes"),
    "attachment": ("Le attività accettate, in formato CSV", "The accepted activities, as CSV"),
    "not_given": ("—", "—"),
    "not_available": ("—", "—"),
    "not_available_short": ("n.d.", "n.a."),
    "missing_legend": ("— = n.d., non disponibile: nessuna attività ha indicato l'importo; "
                       "(2 n.d.) = attività che non hanno indicato l'importo, escluse dalla somma.",
                       "— = n.a., not available: no activity gave the amount; "
                       "(2 n.a.) = activities that gave no amount, left out of the sum."),
    "chart_note": ("Grafico", "Chart"),
}


def text(key: str, lang: str, **params) -> str:
    """A UI string in one language, its fields filled."""
    it, en = STRINGS[key]
    return (it if lang == "it" else en).format(**params)


# Spaces CLDR puts in some patterns that the typeface lacks (templates/fonts/README.md): without this
# WeasyPrint would draw them with a fallback font.
_SPACES = str.maketrans({"\u2009": " ", "\u202f": "\u00a0"})


def fit(value: str) -> str:
    """A formatted string with the characters the typeface lacks replaced by ones it has."""
    return value.translate(_SPACES)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value, lang: str) -> str:
    """An integer or decimal number: 1.234 / 1,234."""
    return "" if _missing(value) else format_decimal(value, locale=LOCALES[lang])


def money(value, lang: str, whole: bool = False) -> str:
    """An amount in euros: 1.234,56 € / €1,234.56; with `whole`, a whole amount without cents (1.234 €)."""
    if _missing(value):
        return ""
    if whole and float(value).is_integer():
        return fit(_whole_pattern(lang).apply(value, LOCALES[lang], currency="EUR", currency_digits=False))
    return fit(format_currency(value, "EUR", locale=LOCALES[lang]))


@cache
def _whole_pattern(lang: str):
    """The locale's own currency pattern without its decimals."""
    pattern = copy.copy(Locale.parse(LOCALES[lang]).currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    return pattern


def percent(ratio, lang: str, signed: bool = False) -> str:
    """A fraction as a percentage (0.125 -> 12,5%); with signed, a plus sign before a positive change."""
    if _missing(ratio):
        return ""
    out = fit(format_percent(ratio, locale=LOCALES[lang]))
    if signed and ratio > 0:
        out = get_plus_sign_symbol(LOCALES[lang]) + out
    return out


def signed_number(value, lang: str) -> str:
    """A change in a count, with its sign: +12 / −3."""
    if _missing(value):
        return ""
    out = format_decimal(value, locale=LOCALES[lang])
    return get_plus_sign_symbol(LOCALES[lang]) + out if value > 0 else out


def signed_money(value, lang: str) -> str:
    """A change in an amount, with its sign."""
    if _missing(value):
        return ""
    out = format_currency(value, "EUR", locale=LOCALES[lang])
    return get_plus_sign_symbol(LOCALES[lang]) + out if value > 0 else out


def day(value: date | datetime | None, lang: str, length: str = "long") -> str:
    """A date: 1 marzo 2025 / 1 March 2025."""
    return "" if value is None else fit(format_date(value, length, locale=LOCALES[lang]))


def period(start: date | None, end: date | None, lang: str) -> str:
    """The dates of an activity: an interval, or 'from <start>' when it has no end."""
    if start is None:
        return ""
    if end is None:
        return text("since", lang, date=format_date(start, "medium", locale=LOCALES[lang]))
    return fit(format_interval(start, end, "yMMMd", locale=LOCALES[lang]))
