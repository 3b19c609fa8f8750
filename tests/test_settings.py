"""The one settings object: its defaults are what the modules use, the configuration file's [settings] table
and the caller's values override them, an unknown setting is a usage error, and one plausible-year range
serves the command line, the template's date validation and the value parser."""
from __future__ import annotations

import pytest

from report.assets import asset_path
from report.cli import parser
from report.config import ConfigError
from report.intake import ingest, values
from report.publication import editions, html
from report.settings import DEFAULTS, Settings
from report.workbooks import feedback, template


def config_with(tmp_path, table: str):
    path = tmp_path / "city.toml"
    path.write_text(asset_path("config.toml").read_text(encoding="utf-8") + "\n[settings]\n" + table,
                    encoding="utf-8")
    return path


def test_the_modules_use_the_defaults_of_the_settings():
    assert (ingest.WORKERS, ingest.PARALLEL_MIN, ingest.MAX_FILE_BYTES) == (
        DEFAULTS.read_workers, DEFAULTS.read_parallel_min, DEFAULTS.max_file_bytes)
    assert (feedback.WORKERS, feedback.PARALLEL_MIN) == (DEFAULTS.feedback_workers, DEFAULTS.feedback_parallel_min)
    assert editions.WORKERS == DEFAULTS.edition_workers and html.LARGE_EDITION == DEFAULTS.large_edition


def test_one_plausible_year_range():
    assert (parser.MIN_YEAR, parser.MAX_YEAR) == (template.FIRST_YEAR, template.LAST_YEAR) == (
        values.MIN_YEAR, values.MAX_YEAR) == (DEFAULTS.first_year, DEFAULTS.last_year)
    before = f"15/03/{DEFAULTS.first_year - 1}"
    assert values.parse_date(before)[0] is None and values.parse_date(before)[1][0].code == "date_invalid"
    assert values.parse_date(f"15/03/{DEFAULTS.first_year}")[0].year == DEFAULTS.first_year


def test_the_configuration_file_and_the_caller_set_the_settings(tmp_path):
    path = config_with(tmp_path, 'edition_workers = 1\nprogress_min_files = 50\ninputs = "data/in"\nlang = "it"\n')
    settings = Settings.load(path, year=2025, lang=None, outputs=tmp_path / "out")
    assert settings.edition_workers == 1 and settings.progress_min_files == 50 and settings.lang == "it"
    assert settings.inputs == tmp_path / "data" / "in"   # relative to the configuration file
    assert settings.outputs_dir == tmp_path / "out" and settings.read_workers == DEFAULTS.read_workers
    assert Settings.load(path, year=2025, lang="en").lang == "en"
    assert settings.stage_workers(settings.edition_workers) == 1
    assert Settings(2025, workers=3).stage_workers(DEFAULTS.read_workers) == 3


def test_an_unknown_setting_is_a_usage_error(tmp_path, capsys):
    path = config_with(tmp_path, "large_edition = 4\n")   # a module default, not a run's setting
    with pytest.raises(ConfigError, match="unknown setting .*large_edition"):
        Settings.load(path, year=2025)
    assert parser.main(["validate", "--year", "2025", "--config", str(path)]) == parser.EXIT_USAGE
    assert "impostazione sconosciuta / unknown setting" in capsys.readouterr().err
