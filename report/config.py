"""The city configuration: name, departments in chapter order, report texts (the run-time settings: report.settings)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from report.assets import asset_path
from report.texts import Pair, pair

class ConfigError(ValueError):
    """The configuration file is missing or malformed (a usage error: exit 2)."""


@dataclass(frozen=True)
class Department:
    code: str
    it: str
    en: str

    def name(self, lang: str) -> str:
        return Pair(self.it, self.en).get(lang)


@dataclass(frozen=True)
class Config:
    city_it: str
    city_en: str
    author_it: str
    author_en: str
    departments: tuple[Department, ...]
    base_dir: Path
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    def department(self, code: str) -> Department | None:
        return self._by_code().get(code.upper())

    def _by_code(self) -> dict[str, Department]:
        return {d.code: d for d in self.departments}

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(d.code for d in self.departments)

    def city(self, lang: str) -> str:
        return Pair(self.city_it, self.city_en).get(lang)

    def path(self, relative: str) -> Path | None:
        """A file named in the configuration, relative to the configuration file; None when unset."""
        return (self.base_dir / relative) if relative else None


DEFAULT_CONFIG = "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Read the configuration file (the packaged default when path is None)."""
    path = Path(path) if path else asset_path(DEFAULT_CONFIG)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{pair('config.unreadable').both()} {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{pair('config.not_toml').both()} ({path}): {exc}") from exc
    try:
        city = data["city"]
        departments = tuple(Department(d["code"].upper(), d["it"], d["en"]) for d in data["departments"])
        config = Config(city["name_it"], city["name_en"], city.get("author_it", ""), city.get("author_en", ""),
                        departments, path.parent, data)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{pair('config.lacks').both()} {exc} ({path})") from exc
    if len(set(config.codes)) != len(config.codes):
        raise ConfigError(f"{pair('config.code_twice').both()}: {path}")
    return config
