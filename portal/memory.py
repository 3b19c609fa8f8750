"""The serving process's memory: fewer malloc arenas.

glibc gives each thread that allocates at once its own arena (up to 8 per core). waitress hands each request to
one of its threads, so a large file checked by one thread, its chapter rendered by another, leaves each arena
holding its own high-water mark, resident for good: 290 MB after a few 2,000-row uploads against 240 MB with
two arenas (benchmarks/portal.py, portal/NOTES.md). Python's own allocator is not concerned (it serves small
objects under the GIL); the large buffers of pandas, the workbooks and the rendered pages are malloc's.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)
M_ARENA_MAX = -8   # glibc's malloc.h
ARENAS = 2


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Ask glibc's malloc for at most `arenas` arenas (as MALLOC_ARENA_MAX would); False where malloc is not
    glibc's or refuses. Call it before the threads start."""
    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c")).mallopt
    except (OSError, AttributeError, TypeError):
        return False
    done = bool(mallopt(M_ARENA_MAX, arenas))
    log.debug("malloc arenas limited to %d: %s", arenas, done)
    return done
