"""The portal's bilingual texts, a view of the one catalogue (report/texts.py, keys portal.*): the API's
error_it and error_en, refused uploads, the e-mails. The HTML pages' wording is Django's gettext catalogue
(portal/locale)."""
from __future__ import annotations

from report.api import MAX_BYTES, SUFFIXES
from report.texts import CATALOGUE, Pair, pair

LIMIT_MB = MAX_BYTES // (1024 * 1024)
# The errors' fixed values: the size limit and the accepted types
_ERROR_VALUES = {"limit_mb": LIMIT_MB, "types": ", ".join(SUFFIXES)}
ERRORS: dict[str, Pair] = {key.removeprefix("portal.error."): text.fill(**_ERROR_VALUES)
                           for key, text in CATALOGUE.items() if key.startswith("portal.error.")}


def error(key: str) -> Pair:
    """An error in (Italian, English)."""
    return ERRORS[key]


# A department's status in each language; the e-mails in both languages (Italian first, then English, in the
# same message), {placeholders} filled by portal.mail, a value named `x_it` / `x_en` filling {x} in that language.
STATUS: dict[str, Pair] = {key.removeprefix("portal.status."): text
                           for key, text in CATALOGUE.items() if key.startswith("portal.status.")}
MAIL: dict[str, dict[str, Pair]] = {
    kind: {part: pair(f"portal.mail.{kind}.{part}") for part in parts}
    for kind, parts in (("reminder", ("subject", "body", "deadline")), ("receipt", ("subject", "body")))}
SEPARATOR = f"\n---- {pair('language.en').en} ----\n\n"


def _values(lang: str, values: dict) -> dict:
    """The values of one language: `x_<lang>` fills {x}."""
    own = {key.removesuffix(f"_{lang}"): value for key, value in values.items() if key.endswith(f"_{lang}")}
    return {**values, **own}


def mail(kind: str, **values) -> tuple[str, str]:
    """The subject and body of one e-mail, both in Italian then English."""
    text = MAIL[kind]
    subject = " / ".join(part.format(**_values(lang, values)) for lang, part in zip(("it", "en"), text["subject"]))
    it, en = (part.format(**_values(lang, values)) for lang, part in zip(("it", "en"), text["body"]))
    return subject, it + SEPARATOR + en
