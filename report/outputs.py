"""The data files: activities and validation CSV, written atomically with formulas neutralised (report.files)."""
from __future__ import annotations

import csv
import math
from datetime import date
from pathlib import Path

from report.files import atomic_path, neutralise
from report.schema import ACTIVITY_OUTPUT_COLUMNS, VALIDATION_OUTPUT_COLUMNS

def plain(value) -> str:
    """A value as the data files write it: ISO dates, plain decimals, `;`-joined lists, true/false."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return ";".join(neutralise(str(v)) for v in value)
    if isinstance(value, str):
        return neutralise(value)
    try:
        import pandas as pd
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def write_csv(path: Path, columns: tuple[str, ...], rows) -> None:
    """UTF-8, `,`-delimited, header = columns; rows are mappings of column -> value."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([plain(row.get(c)) for c in columns])


def write_activities_csv(frame, path: Path) -> None:
    write_csv(path, ACTIVITY_OUTPUT_COLUMNS, frame.to_dict("records"))


def write_validation_csv(found, path: Path) -> None:
    write_csv(path, VALIDATION_OUTPUT_COLUMNS, (f.as_dict() for f in found))
