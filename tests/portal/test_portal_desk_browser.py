"""Browser journeys of the coordinator and the council (Playwright on Debian's Chromium, axe-core on each page):
the coordinator watches a department go from `none yet` to `clean` on the dashboard without reloading, sends the
reminders, builds the report (followed live), downloads the bilingual PDF and publishes it; a council user opens
the published edition from its shelf and is refused a department's file. Screenshots as test_portal_browser's (shot)."""
from __future__ import annotations

import threading

import pytest
from django.core import mail as outbox
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from portal import builds
from portal.models import Submission
from portal_helpers import PASSWORD, data_dir, fixed, login, make_user, with_mistakes  # noqa: F401 - fixture
from test_portal_browser import ARGS, CHROMIUM, axe, browser, shot  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db(transaction=True)


def context(browser, live_server, width: int = 1300):
    return browser.new_context(base_url=live_server.url, bypass_csp=True, accept_downloads=True,
                               viewport={"width": width, "height": 900}, locale="it-IT")


def log_in(page, email: str) -> None:
    page.goto("/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]:has-text('Accedi')")
    page.wait_for_load_state()


def test_the_coordinator_follows_reminds_builds_publishes_and_the_council_reads(browser, live_server, settings,
                                                                               tmp_path):
    from playwright.sync_api import expect

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cultura = make_user("cultura@example.org", "department", "CULTURA")
    make_user("sport@example.org", "department", "SPORT")
    make_user("coord@example.org", "coordinator")
    make_user("council@example.org", "council")
    ctx = context(browser, live_server)
    page = ctx.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(page, "coord@example.org")
    page.click("a:has-text('Cruscotto del coordinamento')")
    page.wait_for_url("**/desk/2025/")
    row = page.locator("tr[data-code=CULTURA]")
    expect(row.locator("[data-status]")).to_have_text("nessun invio")
    assert "attention" in row.get_attribute("class")
    axe(page)
    shot(page, "desk")

    # The department uploads from elsewhere: the dashboard shows it without a reload.
    client = login(Client(), cultura)
    client.post("/years/2025/CULTURA/upload", {"file": SimpleUploadedFile("c.xlsx", fixed(tmp_path).read_bytes())})
    assert Submission.objects.get().status == "clean"
    expect(row.locator("[data-status]")).to_have_text("corretto", timeout=20_000)
    assert "attention" not in (row.get_attribute("class") or "")
    page.click("button[data-sort=status]")   # sortable: by status, the ones with nothing first
    assert page.locator("tbody tr").first.get_attribute("data-code") != "CULTURA"
    shot(page, "desk-live")

    outbox.outbox.clear()
    page.click("button:has-text(\"Ricorda l'invio\")")
    page.wait_for_load_state()
    expect(page.locator(".alert-success")).to_contain_text("sport@example.org")
    assert [m.to for m in outbox.outbox] == [["sport@example.org"]]
    axe(page)

    # The build, followed live on its page while the worker runs it.
    page.click("a:has-text('Composizioni della relazione')")
    page.click("button:has-text('Componi la relazione')")
    page.wait_for_url("**/builds/1/")
    axe(page)
    worker = threading.Thread(target=builds.work_once)
    worker.start()
    expect(page.locator("[data-state-label]")).to_have_text("completata", timeout=600_000)
    worker.join()
    shot(page, "build")
    pdf = page.request.get(page.locator("a:has-text('report_2025.pdf')").get_attribute("href"))
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    page.click("button:has-text('Pubblica questa composizione')")
    page.wait_for_load_state()
    expect(page.locator("strong:has-text('Pubblicata')")).to_be_visible()
    axe(page)
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    ctx.close()

    # The council: its shelf, the published edition in the browser; a department's file is not found.
    ctx = context(browser, live_server)
    page = ctx.new_page()
    log_in(page, "council@example.org")
    page.wait_for_url("**/shelf/2025/")
    axe(page)
    shot(page, "shelf")
    page.click("a:has-text('Composizione 1')")
    page.wait_for_url("**/builds/1/")
    axe(page)
    html = page.locator("a:has-text('report_2025.html')").get_attribute("href")
    page.goto(html)
    assert page.locator("h1").count() >= 1
    sub = Submission.objects.get()
    assert page.request.get(f"/years/2025/CULTURA/submissions/{sub.pk}/file").status == 404
    assert page.request.get("/desk/2025/").status == 404
    ctx.close()


@pytest.mark.parametrize("width", [1300, 1024, 390])
def test_the_desk_s_table_fits_the_window(browser, live_server, settings, tmp_path, width):
    """Every column of the desk, the links of the last one included, within the window: a wide screen, a tablet, a
    phone (each department a card there); nothing cut, no sideways scrolling. Its screenshots: desk-WIDTH.png."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    email = "coordinamento.relazione.internazionale@example.org"   # a long address, shown in the table
    login(Client(), make_user(email, "coordinator")).post(   # on the department's behalf, with findings: every link
        "/years/2025/CULTURA/upload", {"file": SimpleUploadedFile("c.xlsx", with_mistakes(tmp_path).read_bytes())})
    ctx = context(browser, live_server, width)
    page = ctx.new_page()
    log_in(page, email)
    page.goto("/desk/2025/")
    links = page.locator("tr[data-code=CULTURA] [data-links] a")
    assert links.count() == 4
    page.wait_for_selector("[data-refreshed]:not(:empty)")   # desk.js has refreshed the rows once
    shot(page, f"desk-{width}")
    sizes = page.evaluate("""() => {
        const wrap = document.querySelector(".desk-wrap"), root = document.documentElement;
        const wider = [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right >
                                                                          root.clientWidth + 1);
        return {wrap: wrap.scrollWidth - wrap.clientWidth, page: root.scrollWidth - root.clientWidth,
                wider: wider.slice(0, 5).map(e => e.tagName + "." + e.className)};
    }""")
    assert sizes == {"wrap": 0, "page": 0, "wider": []}, sizes
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (links.nth(i).text_content(), box)
    axe(page)
    ctx.close()
