"""The English catalogue: every Italian text of the portal translated, placeholders kept, the .mo current."""
from __future__ import annotations

import re

from portal import i18n

PLACEHOLDER = re.compile(r"%\(\w+\)s")


def test_every_message_of_the_portal_has_its_english_translation():
    catalogue = {m.id: m.string for m in i18n.catalogue("en") if m.id}
    assert i18n.message_ids() == set(catalogue)   # none missing, none unused
    for it, en in catalogue.items():
        assert en, it
        assert sorted(PLACEHOLDER.findall(it)) == sorted(PLACEHOLDER.findall(en)), it


def test_the_compiled_catalogue_is_current():
    mo = i18n.LOCALE / "en" / "LC_MESSAGES" / "django.mo"
    before = mo.read_bytes()
    i18n.compile_catalogues()
    assert mo.read_bytes() == before, "run: python -c 'from portal.i18n import compile_catalogues as c; c()'"
