"""What counts as a missing value once a cell is read: one test for the report, the charts and the workbooks."""
from __future__ import annotations

import math

import pandas as pd


def is_missing(value) -> bool:
    """True for no value: None, NaN, pandas' NA and NaT, text of white space only, an empty list of values."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, tuple | list) and not value
