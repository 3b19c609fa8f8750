"""Helpers and fixtures of the portal tests (imported by each test module: tests/conftest.py is the `conftest`
module): a fresh data folder per test, the accounts of each role, workbooks to upload."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from conftest import YEAR, row, write_activities

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "inputs" / "2025"
PASSWORD = "una-password-lunga-1"


def make_user(email: str, role: str, department: str = ""):
    from portal import accounts

    return accounts.add(email, role, department, PASSWORD)


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def sample(tmp_path: Path, name: str = "CULTURA_2025.xlsx") -> Path:
    """A copy of a sample-year workbook."""
    return Path(shutil.copy(SAMPLES / name, tmp_path / name))


def with_mistakes(tmp_path: Path, name: str = "cultura.xlsx") -> Path:
    """A CULTURA workbook with one valid row, one rejected (no type) and one with a warning (no English title)."""
    return write_activities(tmp_path / name, [row(), row(ref="A-2", type=None), row(ref="A-3", title_en=None)],
                            department="CULTURA")


def fixed(tmp_path: Path, name: str = "cultura.xlsx") -> Path:
    return write_activities(tmp_path / name, [row(), row(ref="A-2", title_it="Scambi", title_en="Exchanges")],
                            department="CULTURA")


def at_once(job, items) -> list[Exception]:
    """job(item) for every item, each in a thread of its own, all released at the same moment (as uploads arriving
    together); each thread closes its database connection. The exceptions the jobs raised."""
    from django.db import connection

    barrier, errors = threading.Barrier(len(items)), []

    def run(item):
        try:
            barrier.wait()
            job(item)
        except Exception as exc:  # noqa: BLE001 - returned to the test, which asserts on them
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    """Uploads, feedback and temporary files of the test under its own folder."""
    settings.DATA_DIR = tmp_path / "data"
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "data" / "tmp"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir(parents=True)
    settings.PORTAL_YEAR = YEAR
    settings.AXES_ENABLED = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]   # fast accounts in tests
    return settings.DATA_DIR


@pytest.fixture
def cultura(db):
    return make_user("cultura@example.org", "department", "CULTURA")


@pytest.fixture
def sport(db):
    return make_user("sport@example.org", "department", "SPORT")


@pytest.fixture
def coordinator(db):
    return make_user("coord@example.org", "coordinator")


@pytest.fixture
def council(db):
    return make_user("council@example.org", "council")


@pytest.fixture
def as_cultura(client, cultura):
    return login(client, cultura)
