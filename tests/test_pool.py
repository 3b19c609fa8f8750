"""Forked worker pools: results in order, work really done elsewhere, nothing lost when a worker dies."""
from __future__ import annotations

import os
import time

from report import pool


def _slow(i: int) -> tuple[int, int]:
    time.sleep(0.02)  # long enough that both workers get jobs (an instant job may all go to the first one)
    return i, os.getpid()


def test_results_come_back_in_order_from_the_workers():
    parent = os.getpid()
    results = list(pool.in_order(_slow, 40, 2))
    assert [i for i, _ in results] == list(range(40))
    assert parent not in {pid for _, pid in results} and len({pid for _, pid in results}) == 2


def test_one_worker_or_one_job_run_here():
    parent = os.getpid()
    assert list(pool.in_order(lambda i: (i, os.getpid()), 40, 1)) == [(i, parent) for i in range(40)]
    assert list(pool.in_order(lambda i: (i, os.getpid()), 1, 2)) == [(0, parent)]
    assert list(pool.in_order(lambda i: i, 0, 2)) == []


def test_jobs_need_not_be_picklable():
    unpicklable = [lambda n=n: n for n in range(20)]  # closures reach the workers by fork, not by pickling
    assert list(pool.in_order(lambda i: unpicklable[i]() * 2, 20, 2)) == [n * 2 for n in range(20)]


def test_jobs_of_a_dead_worker_are_run_here(caplog):
    parent = os.getpid()

    def job(i: int) -> int:
        if i == 25 and os.getpid() != parent:
            os._exit(1)  # a worker killed mid-way (out of memory, a crash in a native library)
        return i * i

    assert list(pool.in_order(job, 40, 2)) == [i * i for i in range(40)]
    assert "a worker process stopped" in caplog.text
