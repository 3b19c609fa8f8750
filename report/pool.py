"""Forked worker processes: numbered jobs run in a pool, their results handed back in order."""
from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

_JOB: list[Callable] = []  # the job of the running in_order, inherited by the forked workers


PR_SET_PDEATHSIG = 1  # prctl option: the signal this process gets when its parent dies (Linux)


def die_with_parent(parent: int) -> None:
    """Worker initializer: this process is killed (SIGKILL) as soon as its parent `parent` ends, however it ends
    (a SIGKILL, the out-of-memory killer), so no worker goes on writing outputs for a run that is over. On systems
    without prctl the worker ends when it next finds its pipe to the parent closed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before prctl took effect
        os.kill(os.getpid(), signal.SIGKILL)


def fork_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` forked processes that die with this one."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))


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
        with fork_pool(workers) as pool:
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
