"""Nobody let in: every URL and API endpoint walked as another department, a council user and anonymously;
file names, sheet names and cells escaped everywhere; CSRF, cookies, headers, lockout and the audit log."""
from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from conftest import row, write_activities
from portal.models import AuditEvent, Submission
from portal_helpers import (PASSWORD, YEAR, as_cultura, coordinator, council, cultura, data_dir,  # noqa: F401
                            login, sample, sport, with_mistakes)

pytestmark = pytest.mark.django_db
OPEN = {"login", "logout", "set_language", "report_css", "api_schema"}   # reachable without an account
HOSTILE = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>']


def patterns():
    """Every named portal URL: (name, the kwargs it takes)."""
    resolver = get_resolver()
    found = []
    for entry in resolver.url_patterns:
        for sub in getattr(entry, "url_patterns", []):
            if isinstance(sub, URLPattern) and sub.name:
                found.append((sub.name, list(sub.pattern.converters)))
    return found


def address(name, params, sub):
    values = {"year": YEAR, "code": sub.department, "pk": sub.pk, "number": 1, "name": "report_2025.pdf"}
    return reverse(f"portal:{name}", kwargs={key: values[key] for key in params})


@pytest.fixture
def cultura_submission(as_cultura, tmp_path):
    as_cultura.post(reverse("portal:upload", kwargs={"year": YEAR, "code": "CULTURA"}),
                    {"file": SimpleUploadedFile("c.xlsx", with_mistakes(tmp_path).read_bytes())})
    as_cultura.logout()
    return Submission.objects.get()


def test_every_url_is_walked():
    names = {name for name, _ in patterns()}
    assert {"year", "upload", "submission", "feedback", "file", "retry", "preview", "chapter", "template",
            "api_submissions", "api_submission", "api_feedback", "api_file", "desk", "desk_rows", "remind",
            "year_settings", "builds", "build_new", "build", "build_status", "build_file", "build_mark", "shelf",
            "published_zip", "api_departments", "api_builds", "api_build"} <= names


@pytest.mark.parametrize("who", ["anonymous", "sport", "council"])
def test_nobody_else_reaches_a_department_s_pages_or_data(who, cultura_submission, request):
    client = Client()
    if who != "anonymous":
        login(client, request.getfixturevalue(who))
    for name, params in patterns():
        if name in OPEN or name == "home":
            continue
        url = address(name, params, cultura_submission)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            body = (response.content if not response.streaming else b"").replace(url.encode(), b"")  # the form's next
            if who == "anonymous":
                expected = (401,) if url.startswith("/api/") else (302, 405)
                assert response.status_code in expected, (method, url, response.status_code)
                if response.status_code == 302:
                    assert response["Location"].startswith(reverse("portal:login"))
            elif url.endswith("/submissions") and url.startswith("/api/"):
                if method == "get":
                    assert response.status_code == 200 and response.json() == [], url
                else:   # an upload without a file: 403 for the council, a file missing for a department
                    assert response.status_code in (400, 403), url
            elif url.startswith("/api/") and ("/builds" in url or url.endswith("/departments")):
                assert response.status_code in (403, 404, 405), (who, method, url, response.status_code)
            elif who == "council" and name == "shelf" and method == "get":
                assert response.status_code == 200   # its own shelf, empty: nothing shared with it yet
            else:
                assert response.status_code in (404, 405), (who, method, url, response.status_code)
            assert cultura_submission.sha256.encode() not in body and b"cultura" not in body.lower(), url
    assert Submission.objects.count() == 1


def test_a_department_cannot_reach_another_s_submission_through_its_own_code(sport, cultura_submission):
    client = login(Client(), sport)
    for name in ("submission", "feedback", "file", "retry"):
        url = reverse(f"portal:{name}", kwargs={"year": YEAR, "code": "SPORT", "pk": cultura_submission.pk})
        assert client.get(url).status_code in (404, 405)
        assert client.post(url).status_code in (404, 405)


def test_the_coordinator_sees_every_department(coordinator, cultura_submission):
    client = login(Client(), coordinator)
    for name, params in patterns():
        if name in OPEN or name in ("upload", "retry", "api_submissions", "remind", "year_settings", "build_new",
                                    "build_mark", "api_builds"):
            continue
        response = client.get(address(name, params, cultura_submission))
        expected = 404 if name in ("build", "build_status", "build_file", "published_zip", "api_build") else 200
        assert response.status_code == expected, name   # no build yet: the build's pages are not found


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_file_names_sheet_names_and_cells_are_escaped(as_cultura, tmp_path, hostile):
    path = write_activities(tmp_path / "x.xlsx", [row(title_it=hostile, type=hostile, partners=hostile)],
                            department="CULTURA", sheet=hostile.replace("/", "")[:31])
    response = as_cultura.post(reverse("portal:upload", kwargs={"year": YEAR, "code": "CULTURA"}),
                               {"file": SimpleUploadedFile(hostile.replace("/", "") + ".xlsx", path.read_bytes())},
                               follow=True)
    sub = Submission.objects.get()
    assert sub.findings and any(hostile.replace("/", "")[:31] in f["sheet"] for f in sub.findings)
    pages = [response.content.decode(),
             as_cultura.get(reverse("portal:year", kwargs={"year": YEAR, "code": "CULTURA"})).content.decode()]
    ok = write_activities(tmp_path / "y.xlsx", [row(title_it=hostile, partners=hostile)], department="CULTURA")
    as_cultura.post(reverse("portal:upload", kwargs={"year": YEAR, "code": "CULTURA"}),
                    {"file": SimpleUploadedFile(hostile.replace("/", "") + ".xlsx", ok.read_bytes())})
    pages.append(as_cultura.get(reverse("portal:chapter", kwargs={"year": YEAR, "code": "CULTURA"})).content.decode())
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page or "&lt;img src=x onerror" in page


def test_forms_need_the_csrf_token(cultura, tmp_path):
    client = Client(enforce_csrf_checks=True)
    login(client, cultura)
    response = client.post(reverse("portal:upload", kwargs={"year": YEAR, "code": "CULTURA"}),
                           {"file": SimpleUploadedFile("c.xlsx", sample(tmp_path).read_bytes())})
    assert response.status_code == 403 and not Submission.objects.exists()


def test_cookies_and_headers(cultura):
    client = Client()
    page = client.get(reverse("portal:login"))
    csp = page["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'self'" in csp
    assert page["X-Content-Type-Options"] == "nosniff" and page["Referrer-Policy"] == "same-origin"
    assert page["X-Frame-Options"] == "DENY"
    assert "<script>" not in page.content.decode() and " style=" not in page.content.decode()
    csrf = page.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Strict"
    response = client.post(reverse("portal:login"), {"username": cultura.email, "password": PASSWORD})
    session = response.cookies["sessionid"]
    assert response.status_code == 302 and session["httponly"] and session["samesite"] == "Lax"


def test_repeated_failed_logins_lock_the_account_and_are_audited(cultura):
    client = Client()
    for _ in range(5):
        client.post(reverse("portal:login"), {"username": cultura.email, "password": "wrong-password"})
    response = client.post(reverse("portal:login"), {"username": cultura.email, "password": PASSWORD})
    assert response.status_code == 429 and "bloccato" in response.content.decode()
    assert AuditEvent.objects.filter(action="login_failed", email=cultura.email).count() >= 5
    from portal import accounts

    accounts.reset(cultura.email, PASSWORD + "x")
    response = Client().post(reverse("portal:login"), {"username": cultura.email, "password": PASSWORD + "x"})
    assert response.status_code == 302
    assert {"login", "login_failed", "account_add", "account_reset"} <= set(
        AuditEvent.objects.values_list("action", flat=True))


def test_an_implausible_year_is_not_found(as_cultura):
    assert as_cultura.get(reverse("portal:year", kwargs={"year": 9999, "code": "CULTURA"})).status_code == 404
    assert as_cultura.get("/api/v1/years/1/submissions").status_code == 404
