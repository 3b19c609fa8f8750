"""Write the data outputs (activities and validation CSV) atomically, with formulas neutralised."""
from __future__ import annotations

import csv
import math
import os
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from report.schema import ACTIVITY_OUTPUT_COLUMNS, VALIDATION_OUTPUT_COLUMNS

FORMULA_PREFIXES = ("=", "+", "-", "@")


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe, so it stays text."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


@contextmanager
def atomic_path(path: Path):
    """Yield a temporary path beside `path`; on success it replaces `path` in one rename, durably: the file's
    bytes are flushed to the disk before the rename, and the folder's entry after it, so a crash or a power cut
    leaves the old file or the new one whole, never an empty or half-written one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; outputs are ordinary files
    try:
        yield Path(tmp)
        fsync(tmp)
        os.replace(tmp, path)
        fsync(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fsync(path) -> None:
    """Flush a file's bytes, or a folder's entries, to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def plain(value) -> str:
    """A value as the data files write it: ISO dates, plain decimals, `;`-joined lists, true/false."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return ";".join(neutralise(str(v)) for v in value)
    if isinstance(value, str):
        return neutralise(value)
    try:
        import pandas as pd
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def write_csv(path: Path, columns: tuple[str, ...], rows) -> None:
    """UTF-8, `,`-delimited, header = columns; rows are mappings of column -> value."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([plain(row.get(c)) for c in columns])


def write_activities_csv(frame, path: Path) -> None:
    write_csv(path, ACTIVITY_OUTPUT_COLUMNS, frame.to_dict("records"))


def write_validation_csv(found, path: Path) -> None:
    write_csv(path, VALIDATION_OUTPUT_COLUMNS, (f.as_dict() for f in found))
