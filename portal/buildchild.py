"""The child process of a portal build (portal.builds): no Django here, only the library, so that a spawned
interpreter imports nothing of the server."""
from __future__ import annotations

import logging
import sys
from pathlib import Path


def run(year: int, config: str | None, inputs_dir: str, outputs_dir: str, log_path: str, queue) -> None:
    """The build in its own process: report.build_year, its progress sent to the worker, its log in a file."""
    logging.basicConfig(filename=log_path, level=logging.INFO, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from report import api

    settings = api.Settings(year, Path(config) if config else None, inputs=Path(inputs_dir),
                            outputs=Path(outputs_dir))
    try:
        api.build_year(settings, progress=queue.put)
    except Exception as exc:  # noqa: BLE001 - the one line the build's page shows, the traceback in its log
        logging.getLogger("portal.builds").exception("build failed")
        queue.put(("failed", str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__))
        sys.exit(1)
