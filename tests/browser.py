"""Debian's Chromium driven by Playwright, for the tests that look at the HTML edition and the charts as a browser
shows them. Never `playwright install`: the browser is the system's (scripts/ensure-tools.sh chromium)."""
from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def skip_reason() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -c constraints.txt -e '.[test]')"
    if not shutil.which(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (sh scripts/ensure-tools.sh chromium)"
    return None


@contextmanager
def chromium():
    """A headless Chromium browser (Playwright's Browser); the test is skipped, saying why, without one."""
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
