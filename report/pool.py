"""Forked worker processes: numbered jobs run in a pool, their results handed back in order."""
from __future__ import annotations

import gc
import logging
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

_JOB: list[Callable] = []  # the job of the running in_order, inherited by the forked workers


def _run(index: int):
    return _JOB[0](index)


def in_order(job: Callable[[int], T], count: int, workers: int) -> Iterator[T]:
    """job(0), ..., job(count - 1), yielded in that order as they are done: by `workers` forked processes, or
    here when workers < 2 or the system cannot fork. The job and its data reach the workers by fork (nothing of
    them is pickled); only the results travel back. When a worker dies, the jobs not yet handed back are run
    here."""
    if workers < 2 or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(job, range(count))
        return
    done = 0
    _JOB[:] = [job]
    gc.freeze()  # the workers' garbage collector leaves the inherited objects alone: their pages stay shared
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            # about 50 chunks per worker: even shares to the end, and results back from the start
            results = pool.map(_run, range(count), chunksize=max(1, count // (50 * workers)))
            gc.unfreeze()  # the workers are forked once the jobs are submitted
            for result in results:
                yield result
                done += 1
    except BrokenProcessPool:
        log.warning("a worker process stopped; %d of %d jobs run again in this process", count - done, count)
        yield from map(job, range(done, count))
    finally:
        _JOB.clear()
        gc.unfreeze()
