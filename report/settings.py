"""The one frozen settings object of a run: the year, the folders and their defaults, the editions, the worker
processes and parallel thresholds, the file limits, the plausible years and the locales; loadable from the
`[settings]` table of the configuration file (what a run passes on: LOADABLE). DEFAULTS holds the values the
modules use when nobody says."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from report.config import Config, ConfigError, load_config
from report.texts import pair

MB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """What a caller chooses (the year; the city configuration file, None: the packaged one; the folders, None:
    inputs/YEAR and outputs/YEAR of the current folder; the editions: both, it or en), and how a run is carried
    out. `workers`, when given, is every stage's number of worker processes (1: all in this process)."""
    year: int
    config_path: Path | None = None
    inputs: Path | None = None
    outputs: Path | None = None
    lang: str = "both"
    workers: int | None = None
    read_workers: int = 2                  # processes reading the files of a large year
    read_parallel_min: int = 8             # a year is read in parallel from this many files...
    read_parallel_min_bytes: int = 3_000_000   # ...and bytes (~200 ms of reading; below, sending rows back costs more)
    feedback_workers: int = 2              # processes writing the feedback workbooks of a large year
    feedback_parallel_min: int = 24        # files from which they are written in parallel (~10 ms a workbook)
    edition_workers: int = 2               # processes drawing the later editions' charts and laying out the PDFs
    progress_min_files: int = 8            # a progress bar on a terminal from this many files on
    large_edition: int = 1000              # activities from which an edition is laid out lean (README)
    max_file_bytes: int = 20 * MB          # larger files are rejected before parsing
    max_unpacked_bytes: int = 200 * MB     # zip-based workbooks that would unpack to more are rejected
    first_year: int = 2000                 # the plausible years: of a report, and of a date in a workbook
    last_year: int = 2100
    locales: tuple[tuple[str, str], ...] = (("it", "it_IT"), ("en", "en_GB"))   # language, Babel locale

    @property
    def config(self) -> Config:
        """The city configuration (read once per path and kept: the portal asks for it at every request)."""
        return _config(self.config_path)

    def load_config(self) -> Config:
        """The configuration read now (a run reads it once, and sees a file just changed)."""
        return load_config(self.config_path)

    @property
    def inputs_dir(self) -> Path:
        """The department workbooks' folder; a default one is absolute, so that every message says where."""
        return Path(self.inputs) if self.inputs else Path("inputs").absolute() / str(self.year)

    @property
    def outputs_dir(self) -> Path:
        return Path(self.outputs) if self.outputs else Path("outputs").absolute() / str(self.year)

    def stage_workers(self, stage_default: int) -> int:
        """A stage's worker processes: `workers` when given, else the stage's own setting."""
        return stage_default if self.workers is None else self.workers

    @classmethod
    def load(cls, config_path: Path | None = None, **given) -> Settings:
        """The settings of the configuration file's `[settings]` table (the LOADABLE fields),
        then the values `given` (None: not given). A key that is not a setting is a ConfigError."""
        table = _table(load_config(config_path).raw, config_path)
        chosen = {**table, **{k: v for k, v in given.items() if v is not None}}
        return cls(config_path=config_path, **chosen)

    def plausible(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


DEFAULTS = Settings(year=0)
# What the configuration file's [settings] may set: what a run passes on to its stages. The thresholds, limits,
# years and locales are the defaults the modules read (ingest, feedback, html, values, i18n), fixed here.
LOADABLE = ("inputs", "outputs", "lang", "workers", "read_workers", "feedback_workers", "edition_workers",
            "progress_min_files")
_PATHS = ("inputs", "outputs")


def _table(raw: dict, config_path: Path | None) -> dict:
    table = raw.get("settings", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{pair('settings.not_table').both()}: {config_path}")
    unknown = sorted(set(table) - set(LOADABLE))
    if unknown:
        raise ConfigError(f"{pair('settings.unknown').both()} {config_path} [settings]: "
                          f"{', '.join(unknown)} ({pair('settings.use').both()} {', '.join(LOADABLE)})")
    out = dict(table)
    for key in _PATHS:
        if key in out:  # relative to the configuration file, as every path it names
            out[key] = load_config(config_path).path(out[key])
    if "locales" in out:
        out["locales"] = tuple((str(lang), str(locale)) for lang, locale in dict(out["locales"]).items())
    return out


@functools.lru_cache(maxsize=8)
def _config(path: Path | None) -> Config:
    return load_config(path)
