"""How much of the machine one web process gives to the heavy part of a request. Checking a file is CPU-bound
Python (one GIL per process): at most as many files are checked at once as the machine has cores, the others
wait their turn without holding the GIL, so that the light requests (the desk polled every few seconds, pages)
are answered at once among many uploads instead of sharing the interpreter with all of them
(benchmarks/desk_load.py). The web server's threads are many more (THREADS): a request never queues behind
uploads for a thread."""
from __future__ import annotations

import importlib
import logging
import os
import threading

log = logging.getLogger(__name__)

CORES = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
CHECKS = threading.BoundedSemaphore(CORES)   # `with slots.CHECKS:` around a check
THREADS = 24   # waitress: every department of the sample year uploading at once, the desk and a build's page
# What the library's checks import on their first file of a kind (the .ods/.csv readers' pandas, the xlsx reader,
# the country names): imported when the server starts, not by the first uploads of a busy morning, each of which
# would hold a check slot for a second.
WARM = ("python_calamine", "openpyxl", "pandas", "pycountry")


def warm_up() -> None:
    """Before the first request: the URLconf (the views, DRF and their imports, two seconds the first requests
    would wait for together) and the readers the checks import."""
    from django.urls import get_resolver

    get_resolver().url_patterns
    for name in WARM:
        try:
            importlib.import_module(name)
        except ImportError:   # the library no longer needs it: nothing to warm
            log.info("not warmed up: %s", name)
