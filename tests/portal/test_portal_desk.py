"""The coordinator's desk: one row per department in chapter order, its JSON and API, the deadline and opening of
a year, uploads on a department's behalf; reminders and receipts by e-mail (Django's outbox, and one real SMTP
server)."""
from __future__ import annotations

import socket
import threading
import time
from datetime import date, timedelta

import pytest
from django.core import mail as outbox
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal import desk, slots, store
from portal.models import AuditEvent, Submission, Year
from portal_helpers import (YEAR, as_cultura, at_once, coordinator, council, cultura, data_dir, fixed,  # noqa: F401
                            login, sample, sport, with_mistakes)

pytestmark = pytest.mark.django_db


def upload(client, path, code="CULTURA", name=None):
    return client.post(reverse("portal:upload", kwargs={"year": YEAR, "code": code}),
                       {"file": SimpleUploadedFile(name or path.name, path.read_bytes())})


def test_one_row_per_department_in_chapter_order_with_the_current_submission(as_cultura, coordinator, tmp_path):
    upload(as_cultura, with_mistakes(tmp_path))
    upload(as_cultura, fixed(tmp_path, "fixed.xlsx"))
    rows = desk.rows(YEAR)
    assert [r["code"] for r in rows] == list(store.report_settings(YEAR).config.codes)
    cultura_row = next(r for r in rows if r["code"] == "CULTURA")
    assert cultura_row["status"] == "clean" and cultura_row["uploads"] == 2 and not cultura_row["attention"]
    assert cultura_row["uploaded_by"] == "cultura@example.org" and not cultura_row["on_behalf"]
    assert cultura_row["counts"] == {"read": 2, "accepted": 2, "rejected": 0, "outside": 0}
    others = [r for r in rows if r["code"] != "CULTURA"]
    assert all(r["status"] == "none" and r["attention"] and r["uploads"] == 0 for r in others)


def test_the_dashboard_page_json_and_api_agree(coordinator, cultura, tmp_path):
    client = login(Client(), cultura)
    upload(client, with_mistakes(tmp_path))
    Year.objects.update_or_create(year=YEAR, defaults={"deadline": timezone.localdate() + timedelta(days=10)})
    client = login(Client(), coordinator)
    page = client.get(reverse("portal:desk", kwargs={"year": YEAR}))
    text = page.content.decode()
    assert page.status_code == 200 and "con errori" in text and 'class="attention"' in text
    assert "giorni mancanti: 10" in text and "desk.js" in text and "<script>" not in text
    rows = client.get(reverse("portal:desk_rows", kwargs={"year": YEAR})).json()
    api = client.get(f"/api/v1/years/{YEAR}/departments").json()
    assert rows == api and rows["days_left"] == 10 and rows["ledger"]["rejected"] == 1
    assert next(r for r in rows["departments"] if r["code"] == "CULTURA")["status"] == "errors"


def poll(client) -> tuple[dict, list[str]]:
    """The desk's API as desk.js polls it: its rows and the SQL it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/v1/years/{YEAR}/departments")
    assert response.status_code == 200
    return response.json(), [q["sql"] for q in queries.captured_queries]


def test_the_desk_reads_a_bounded_number_of_queries_and_never_the_findings(coordinator, sport, tmp_path):
    """The dashboard is polled every second while the departments upload: its queries do not grow with the
    uploads of the year, and it reads neither every submission nor their findings (benchmarks/desk_load.py)."""
    client, department = login(Client(), coordinator), login(Client(), sport)
    upload(client, fixed(tmp_path), "CULTURA")
    cache.clear()
    _, few = poll(client)
    for n in range(3):
        upload(client, with_mistakes(tmp_path), "CULTURA", name=f"cultura-{n}.xlsx")
        upload(department, fixed(tmp_path), "SPORT", name=f"sport-{n}.xlsx")
    cache.clear()
    rows, many = poll(client)
    assert len(many) == len(few) <= 6, many   # session, user, profile, year; fingerprint, rows
    assert not [sql for sql in many if "findings" in sql], many
    counts = {r["code"]: r["uploads"] for r in rows["departments"] if r["uploads"]}
    assert counts == {"CULTURA": 4, "SPORT": 3}
    assert next(r for r in rows["departments"] if r["code"] == "CULTURA")["status"] == "errors"


def test_the_desk_s_rows_are_kept_between_uploads_and_never_stale(coordinator, tmp_path):
    client = login(Client(), coordinator)
    upload(client, with_mistakes(tmp_path), "CULTURA")
    first, cold = poll(client)
    again, warm = poll(client)
    assert again == first
    on_submissions = [sql for sql in warm if "portal_submission" in sql]
    assert len(on_submissions) == 1 and len(warm) < len(cold), warm   # only the fingerprint of the year's uploads
    upload(client, fixed(tmp_path), "CULTURA")
    after, _ = poll(client)
    cultura_row = next(r for r in after["departments"] if r["code"] == "CULTURA")
    assert cultura_row["status"] == "clean" and cultura_row["uploads"] == 2
    sub = Submission.objects.get(pk=cultura_row["submission"])
    Submission.objects.filter(pk=sub.pk).update(status="unchecked", checked_at=None)   # a check that crashed
    assert next(r for r in poll(client)[0]["departments"] if r["code"] == "CULTURA")["status"] == "unchecked"


@pytest.mark.parametrize("who", ["cultura", "council"])
def test_only_the_coordinator_has_a_desk(who, request):
    client = login(Client(), request.getfixturevalue(who))
    for name in ("desk", "desk_rows"):
        assert client.get(reverse(f"portal:{name}", kwargs={"year": YEAR})).status_code == 404
    assert client.post(reverse("portal:remind", kwargs={"year": YEAR})).status_code == 404
    assert client.get(f"/api/v1/years/{YEAR}/departments").status_code == 403
    assert not outbox.outbox


def test_the_coordinator_sets_the_deadline_and_closes_uploads(coordinator, as_cultura, tmp_path):
    client = login(Client(), coordinator)
    response = client.post(reverse("portal:year_settings", kwargs={"year": YEAR}),
                           {"deadline": "2026-03-31", "open": "0"})
    assert response.status_code == 302
    record = Year.objects.get(year=YEAR)
    assert record.deadline == date(2026, 3, 31) and not record.open
    assert upload(as_cultura, sample(tmp_path)).status_code == 403 and not Submission.objects.exists()
    assert AuditEvent.objects.filter(action="year_settings").exists()
    client.post(reverse("portal:year_settings", kwargs={"year": YEAR}), {"deadline": "", "open": "1"})
    assert upload(as_cultura, sample(tmp_path)).status_code == 302


def test_an_upload_on_a_department_s_behalf_is_recorded_as_such(coordinator, tmp_path):
    client = login(Client(), coordinator)
    assert upload(client, sample(tmp_path, "SPORT_2025.ods"), code="SPORT").status_code == 302
    sub = Submission.objects.get()
    assert sub.department == "SPORT" and sub.on_behalf and sub.uploaded_by == coordinator
    row = next(r for r in desk.rows(YEAR) if r["code"] == "SPORT")
    assert row["on_behalf"] and row["uploaded_by"] == "coord@example.org"
    assert "per conto del settore" in client.get(reverse("portal:desk", kwargs={"year": YEAR})).content.decode()


def test_every_upload_sends_the_uploader_a_bilingual_receipt(as_cultura, tmp_path):
    upload(as_cultura, with_mistakes(tmp_path))
    sub = Submission.objects.get()
    (message,) = outbox.outbox
    assert message.to == ["cultura@example.org"]
    assert "con errori" in message.subject and "errors" in message.subject
    assert "Righe lette 3, accettate 2, scartate 1" in message.body
    assert "Rows read 3, accepted 2, rejected 1" in message.body
    assert sub.sha256 in message.body and f"/submissions/{sub.pk}/" in message.body


def test_reminders_go_to_the_departments_without_a_clean_submission(coordinator, cultura, sport, tmp_path):
    client = login(Client(), cultura)
    upload(client, fixed(tmp_path))   # CULTURA is clean: no reminder
    outbox.outbox.clear()
    Year.objects.filter(year=YEAR).update(deadline=date(2026, 3, 31))
    client = login(Client(), coordinator)
    response = client.post(reverse("portal:remind", kwargs={"year": YEAR}), follow=True)
    (message,) = outbox.outbox   # SPORT has an account and nothing sent; the others have no account
    assert message.to == ["sport@example.org"]
    assert "nessun invio" in message.body and "none yet" in message.body and "31/03/2026" in message.body
    assert "2026-03-31" in message.body and f"/years/{YEAR}/SPORT/" in message.body
    assert "sport@example.org" in response.content.decode()
    assert AuditEvent.objects.filter(action="reminders").get().detail["departments"] == ["SPORT"]


def test_a_reminder_is_delivered_through_a_real_smtp_server(settings, sport, coordinator):
    """aiosmtpd on 127.0.0.1 receives the message over SMTP; the test reads it back as the server got it."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message
    import email

    received = []

    class Keep(Message):
        def handle_message(self, message):
            received.append(message)

    with socket.socket() as probe:   # a free port (aiosmtpd's controller connects to itself to start)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        smtp = "django.core.mail.backends.smtp.EmailBackend"
        if hasattr(settings, "MAILERS"):   # Django 6.1
            settings.MAILERS = {"default": {"BACKEND": smtp, "OPTIONS": {"host": "127.0.0.1", "port": port}}}
        else:                              # Django 5.2 (Python 3.11)
            settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT = smtp, "127.0.0.1", port
        from portal import mail

        sent = mail.remind(YEAR)
    finally:
        controller.stop()
    assert [s["to"] for s in sent if s["to"]] == [["sport@example.org"]]
    (message,) = received
    assert message["To"] == "sport@example.org" and message["X-RcptTo"] == "sport@example.org"
    body = message.get_payload(decode=True).decode("utf-8")
    assert "nessun invio" in body and "none yet" in body and "---- English ----" in body
    assert "Relazione 2025" in str(email.header.make_header(email.header.decode_header(message["Subject"])))


@pytest.mark.django_db(transaction=True)
def test_no_more_files_are_checked_at_once_than_the_machine_has_cores(cultura, tmp_path, monkeypatch):
    """Many uploads at once (the desk's load): the checks, CPU-bound under one GIL, go at most `slots.CORES` at a
    time, the others wait their turn, and every one of them ends checked. The library's check really runs; the
    wrapper only counts the checks in flight and holds each a moment, so that they would overlap if allowed to."""
    from report import api

    real, lock, state = api.check_file, threading.Lock(), {"now": 0, "most": 0}

    def counted(*args, **kwargs):
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        try:
            time.sleep(0.05)
            return real(*args, **kwargs)
        finally:
            with lock:
                state["now"] -= 1

    monkeypatch.setattr(api, "check_file", counted)
    subs = []
    for n in range(slots.CORES + 3):
        (tmp_path / str(n)).mkdir()
        path = fixed(tmp_path / str(n))
        subs.append(store.store(SimpleUploadedFile(path.name, path.read_bytes()), user=cultura,
                                department="CULTURA", year=YEAR))
    assert at_once(store.check, subs) == []
    assert state["most"] == slots.CORES
    assert set(Submission.objects.values_list("status", flat=True)) == {"clean"}
