"""Browser journeys: Playwright driving Debian's Chromium against a live portal. A department logs in, uploads a
workbook with mistakes, reads the findings (and the other language), downloads the feedback, fixes the file,
uploads again and sees `clean` and its chapter preview; an upload with the keyboard alone; the language switch.
axe-core (vendored, tests/portal/vendor) finds no violation on any page. Screenshots go to outputs/portal-screenshots/
(git-ignored); `make screenshots` (PORTAL_SCREENSHOTS=docs) writes them to docs/portal/, the README's, on purpose."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from portal_helpers import PASSWORD, data_dir, fixed, make_user, with_mistakes  # noqa: F401 - fixture

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ROOT = Path(__file__).resolve().parents[2]
# The README's screenshots are rewritten only on purpose (`make screenshots`); a test run keeps its own.
SHOTS = ROOT / ("docs/portal" if os.environ.get("PORTAL_SCREENSHOTS") == "docs" else "outputs/portal-screenshots")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Debian's Chromium is not installed (scripts/ensure-tools.sh chromium installs it)"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the test extra installs Playwright")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"   # Playwright's sync API runs an event loop in this thread
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_user("cultura@example.org", "department", "CULTURA")
    # bypass_csp: only so that the test may inject axe-core; the portal's own pages run under their CSP
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, accept_downloads=True,
                                  viewport={"width": 1200, "height": 900}, locale="it-IT")
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors


def axe(page) -> None:
    """axe-core on the page: no violation of WCAG 2.2 AA or best practice."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], json.dumps(violations, indent=1)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def log_in(page) -> None:
    page.goto("/login/")
    axe(page)
    page.fill("#id_username", "cultura@example.org")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]:has-text('Accedi')")
    page.wait_for_url("**/years/2025/CULTURA/")


def test_a_department_uploads_fixes_and_previews(page, tmp_path):
    page.goto("/login/")
    shot(page, "login")
    log_in(page)
    axe(page)
    shot(page, "year")
    page.set_input_files("#id_file", str(with_mistakes(tmp_path)))
    page.click("button:has-text('Invia e controlla')")
    page.wait_for_url("**/submissions/*/")
    assert page.locator(".status").first.inner_text() == "con errori"
    assert page.locator("table.findings tbody tr").count() >= 2
    first_severity = page.locator("table.findings tbody tr td").first.inner_text()
    assert first_severity == "errore"                                    # errors first
    summary = page.locator("table.findings details summary").first
    summary.click()
    assert page.locator("table.findings details p[lang=en]").first.is_visible()   # the other language
    axe(page)
    shot(page, "findings")
    with page.expect_download() as info:
        page.click("a:has-text('Scarica il file con le segnalazioni')")
    feedback = tmp_path / "feedback.xlsx"
    info.value.save_as(feedback)
    assert "Segnalazioni - Findings" in openpyxl.load_workbook(feedback).sheetnames

    page.goto("/years/2025/CULTURA/")
    (tmp_path / "fixed").mkdir()
    page.set_input_files("#id_file", str(fixed(tmp_path / "fixed")))
    page.click("button:has-text('Invia e controlla')")
    page.wait_for_url("**/submissions/*/")
    assert page.locator(".status").first.inner_text() == "corretto"
    axe(page)
    page.click("a:has-text('Anteprima del capitolo')")
    page.wait_for_url("**/preview")
    frame = page.frame_locator("iframe.preview-frame")
    assert frame.locator("h2.department-name").inner_text().startswith("Divisione Servizi Culturali")
    assert frame.locator(".activity").count() == 2
    axe(page)
    shot(page, "preview")
    page.goto("/years/2025/CULTURA/preview/chapter")   # the framed chapter, as a page of its own
    axe(page)
    page.goto("/years/2025/CULTURA/")
    assert page.locator("table.history tbody tr").count() == 2       # both uploads in the history
    shot(page, "history")


def _chooser_by_key(page, key: str):
    """The file chooser a key opens on the focused file field, or None (a loaded machine may miss one press)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        with page.expect_file_chooser(timeout=15_000) as chooser:
            page.keyboard.press(key)
        return chooser.value
    except PlaywrightTimeout:
        return None


def test_an_upload_with_the_keyboard_alone(page, tmp_path):
    log_in(page)
    path = fixed(tmp_path)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_file":
            break
    assert page.evaluate("document.activeElement.id") == "id_file"
    chooser = _chooser_by_key(page, "Space") or _chooser_by_key(page, "Enter")  # either key opens it
    assert chooser is not None, "the file chooser did not open from the keyboard"
    chooser.set_files(str(path))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Invia e controlla"
    page.keyboard.press("Enter")
    page.wait_for_url("**/submissions/*/")
    assert page.locator(".status").first.inner_text() == "corretto"


def test_the_language_switch(page):
    log_in(page)
    assert page.evaluate("document.documentElement.lang") == "it"
    page.click("button[value=en]")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h2#history-title").inner_text() == "Upload history"
    axe(page)
    shot(page, "year-en")
    page.click("button[value=it]")
    page.wait_for_load_state()
    assert page.locator("h2#history-title").inner_text() == "Storico degli invii"
