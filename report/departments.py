"""Department names as the report shows them: the short form without the word for the kind of office."""
from __future__ import annotations

import re

_OFFICE_WORDS = {
    "it": re.compile(r"^(Servizio Centrale|Settore|Divisione|Servizio|Ufficio|Area|Direzione|Corpo di)\s+", re.I),
    "en": re.compile(r"^(Central Service for|Service for|Office for)\s+|\s+(Department|Division|Service|Office)$",
                     re.I),
}


def short_department(name: str, lang: str) -> str:
    """A department's name without the word for the kind of office: 'Settore Gioventù' -> 'Gioventù'."""
    short = _OFFICE_WORDS[lang].sub("", name).strip()
    return (short[:1].upper() + short[1:]) if short else name
