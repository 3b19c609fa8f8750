"""Timing the stages of a run (seconds added up by stage name) and pausing Python's cycle collector meanwhile."""
from __future__ import annotations

import gc
import time
from contextlib import contextmanager


@contextmanager
def timed(timings: dict, stage: str):
    start = time.perf_counter()
    yield
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


@contextmanager
def collector_paused():
    """Python's cycle collector off meanwhile. Reading and validating build long-lived records without cycles,
    hundreds of thousands of them for a large year, and each full collection walked them all again: a quarter
    of the time of a 300-workbook year, for nothing collected."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
