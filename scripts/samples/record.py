"""The shape of the sample content: one activity as a dict of schema keys, one department's submission."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

# Keys of an activity dict that are not schema columns: how the 2025 file deviates and how 2024 is derived.
RAW = "raw"            # column key -> cell written verbatim in the 2025 file instead of the clean value
EXPECT = "expect"      # finding codes the 2025 row should raise (errors, warnings, outside_year)
NOTE = "note"          # what the row deliberately carries, for inputs/README.md
RECURRING = "recurring"  # a yearly event: the 2024 edition is derived by moving it back one year
Y2024 = "y2024"        # column key -> clean value for the 2024 file (participants, description...)
META_KEYS = (RAW, EXPECT, NOTE, RECURRING, Y2024)


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def activity(ref: str, it: tuple[str, str], en: tuple[str, str], *, type: str, start: str, end: str | None = None,
             theme: str | None = None, countries: str = "", area: str | None = None, partners: str = "",
             programme: str = "", role: str | None = None, budget: tuple = (None, None, None),
             source: str | None = None, sdgs: tuple[int, ...] = (), people: int | None = None, url: str = "",
             notes: str = "", status: str | None = None, raw: dict | None = None, expect: tuple[str, ...] = (),
             note: str = "", recurring: bool = False, y2024: dict | None = None) -> dict:
    """An activity keyed by schema column keys, with clean typed values (codes for vocabularies, dates,
    numbers, lists); `budget` is (total, City contribution, external funding)."""
    total, city, external = budget
    return {
        "ref": ref, "title_it": it[0], "title_en": en[0], "description_it": it[1], "description_en": en[1],
        "type": type, "theme": theme, "countries": [c.strip() for c in countries.split(";") if c.strip()],
        "area": area, "partners": [p.strip() for p in partners.split(";") if p.strip()],
        "programme": programme, "role": role, "start_date": _day(start), "end_date": _day(end),
        "status": status, "budget_eur": total, "city_funding_eur": city, "external_funding_eur": external,
        "funding_source": source, "sdgs": list(sdgs), "participants": people, "url": url, "notes": notes,
        RAW: raw or {}, EXPECT: tuple(expect), NOTE: note, RECURRING: recurring, Y2024: y2024 or {},
    }


@dataclass
class Department:
    """One department's submission: its contact person, its activities and how its 2025 file is written."""
    code: str
    contact: str                      # Italian name; the e-mail is nome.cognome@comune.torino.it
    activities: list[dict]
    layout: str = "template"          # see make_samples.LAYOUTS
    labels: str = "it"                # vocabulary cells as Italian labels ("it"), English labels ("en") or codes
    file_name: str = ""               # the 2025 file name; default <CODE>_2025.xlsx
    only_2024: list[dict] = field(default_factory=list)  # events of 2024 that did not recur in 2025

    @property
    def email(self) -> str:
        plain = unicodedata.normalize("NFKD", self.contact.lower()).encode("ascii", "ignore").decode()
        first, last = plain.replace("'", "").split(" ", 1)
        return f"{first}.{last.replace(' ', '')}@comune.torino.it"
