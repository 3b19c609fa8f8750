"""Test helpers shared by the workbook tests: a template filled in the way a department would."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from report.config import load_config
from report.schema import COLUMNS
from report.workbooks.template import build_template, fill_template, template_name

YEAR = 2026
DEPARTMENT = "AMBIENTE"

# Three valid activities: typed cells, the schema's own example (text as people type it), an area only.
ROWS = (
    {"ref": "AMB-1", "title_it": "Foreste urbane per il clima", "title_en": "Urban forests for the climate",
     "description_it": "Nuovi alberi in tre quartieri.", "description_en": "New trees in three neighbourhoods.",
     "type": "Progetto europeo", "theme": "Ambiente e verde", "countries": "Francia; Spagna",
     "partners": "Città di Lione; Comune di Danzica", "programme": "Horizon Europe", "role": "Capofila",
     "start_date": date(2026, 3, 1), "end_date": date(2027, 2, 28), "budget_eur": 1250000.0,
     "city_funding_eur": 180000.0, "external_funding_eur": 1070000.0, "funding_source": "Unione europea",
     "sdgs": "11; 13", "participants": 350, "url": "https://www.comune.torino.it/foreste",
     "notes": "verificare il cofinanziamento"},
    {c.key: c.example for c in COLUMNS if c.example},
    {"ref": "AMB-3", "title_it": "Rete delle città verdi", "title_en": "Green cities network",
     "description_it": "Partecipazione alla rete.", "description_en": "Taking part in the network.",
     "type": "Rete internazionale", "area": "Europa", "role": "Membro", "start_date": date(2026, 1, 1),
     "status": "In corso", "funding_source": "Comune", "sdgs": 11},
)


def filled_template(folder: Path, rows=ROWS, department: str = DEPARTMENT, year: int = YEAR) -> Path:
    """A department's template for the year with rows written from row 2, as a person fills it in."""
    config = load_config()
    path = Path(folder) / template_name(department, year)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = fill_template(build_template(config, config.department(department), year), rows,
                       {"contact": "Maria Rossi", "email": "maria.rossi@example.org", "date": date(year + 1, 1, 20)})
    wb.save(path)
    return path
