"""Hand-made frames of accepted activities, shaped like `YearData.frame()`, for the aggregate and chart tests."""
from __future__ import annotations

from datetime import date

import pandas as pd

from report.schema import COUNCIL_OUTPUT_COLUMNS


def activity(group: int, department: str = "REL_INT", **values) -> dict:
    """One accepted row as `YearData.frame()` holds it (typed values)."""
    base = {key: None for key in COUNCIL_OUTPUT_COLUMNS}
    base.update(title_it=f"Attività {group}", title_en=f"Activity {group}", type="event", area="europe",
                countries=("FR",), partners=(), sdgs=(), start_date=date(2025, 3, 1), status="ongoing",
                joint=False, source_file=f"{department}.xlsx", source_row=group + 1)
    base.update(values, department=department, group=group)
    return base


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=[*COUNCIL_OUTPUT_COLUMNS, "group"])


def sample_year() -> pd.DataFrame:
    """Four activities, one of them joint between REL_INT and AMBIENTE (reported twice, slightly differently)."""
    return frame(
        activity(1, "REL_INT", type="eu_project", theme="environment", area="multi", countries=("FR", "ES", "KE"),
                 partners=("Lione", "Barcellona"), sdgs=(11, 13), budget_eur=1_000_000.0, city_funding_eur=100_000.0,
                 external_funding_eur=900_000.0, funding_source="eu", participants=300, joint=True, role="lead"),
        activity(2, "REL_INT", type="delegation", area="asia_oceania", countries=("CN",), partners=("Shenzhen",),
                 sdgs=(17,), budget_eur=float("nan"), participants=20),
        activity(1, "AMBIENTE", type="eu_project", theme="environment", area="multi", countries=("FR", "ES", "DE"),
                 partners=("lione ", "Monaco di Baviera"), sdgs=(11, 15), budget_eur=1_000_000.0,
                 city_funding_eur=100_000.0, external_funding_eur=900_000.0, funding_source="eu", participants=300,
                 joint=True, role="partner"),
        activity(3, "AMBIENTE", type="eu_project", theme="environment", area="italy", countries=("IT",),
                 budget_eur=50_000.0, city_funding_eur=10_000.0, external_funding_eur=40_000.0, funding_source=None,
                 participants=None),
        activity(4, "CULTURA", type="event", theme="culture", area="italy", countries=("IT",), partners=("LIONE",),
                 sdgs=(11,), budget_eur=20_000.0, city_funding_eur=20_000.0, external_funding_eur=5_000.0,
                 funding_source="municipal", participants=1000, status=""),
    )
