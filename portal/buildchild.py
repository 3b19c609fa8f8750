"""The child process of a portal build (portal.builds): no Django here, only the library, so that a spawned
interpreter imports nothing of the server. It runs at the lowest CPU priority (NICE): WeasyPrint takes what the
web process leaves, so that uploads and the desk keep their answer times while a build runs
(benchmarks/desk_load.py)."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

NICE = 19   # the most a process may lower its own priority (its workers, WeasyPrint's, inherit it)


def run(year: int, config: str | None, inputs_dir: str, outputs_dir: str, log_path: str, queue) -> None:
    """The build in its own process: report.build_year, its progress sent to the worker, its log in a file."""
    os.nice(NICE - os.nice(0))   # up to the lowest priority, from whatever the server runs at
    logging.basicConfig(filename=log_path, level=logging.INFO, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("portal.builds").info("build process %d at CPU priority nice %d", os.getpid(), os.nice(0))
    from report import api

    settings = api.Settings(year, Path(config) if config else None, inputs=Path(inputs_dir),
                            outputs=Path(outputs_dir))
    try:
        api.build_year(settings, progress=queue.put)
    except Exception as exc:  # noqa: BLE001 - the one line the build's page shows, the traceback in its log
        logging.getLogger("portal.builds").exception("build failed")
        queue.put(("failed", str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__))
        sys.exit(1)
