"""The one missing-value test (report/missing.py) shared by the report, the charts and the workbooks."""
import math

import pandas as pd
import pytest

from report.missing import is_missing


@pytest.mark.parametrize("value", [None, math.nan, float("nan"), pd.NA, pd.NaT, "", "  \n", (), []])
def test_missing(value):
    assert is_missing(value)


@pytest.mark.parametrize("value", [0, 0.0, "0", "n.d.", ("IT",), False, pd.Timestamp("2025-01-01")])
def test_given(value):
    assert not is_missing(value)
