"""The portal's e-mails through Django's mail framework (SMTP from settings, the console backend by default):
the reminder to each department without a clean submission, and the receipt after every upload. Each is bilingual,
its texts in portal.texts."""
from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from portal import desk, store, texts
from portal.models import DEPARTMENT, Submission

log = logging.getLogger(__name__)


def _link(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def _names(year: int, code: str) -> tuple[str, str]:
    dept = store.report_settings(year).config.department(code)
    return (dept.name("it"), dept.name("en")) if dept else (code, code)


def recipients(code: str) -> list[str]:
    """The active department accounts of a department."""
    users = get_user_model().objects.filter(is_active=True, profile__role=DEPARTMENT, profile__department=code)
    return sorted(u.email for u in users if u.email)


def remind(year: int) -> list[dict]:
    """One e-mail to each department whose current submission is not clean (or that has none); returns what was
    sent (department, status, recipients). Departments without an account are listed with no recipient."""
    record = store.year_record(year)
    sent, messages = [], []
    for row in desk.rows(year):
        if row["status"] == "clean":
            continue
        to = recipients(row["code"])
        name_it, name_en = _names(year, row["code"])
        status_it, status_en = texts.STATUS.get(row["status"], (row["status"], row["status"]))
        deadline_it = deadline_en = ""
        if record.deadline:
            deadline_it = texts.MAIL["reminder"]["deadline"][0].format(deadline=record.deadline.strftime("%d/%m/%Y"))
            deadline_en = texts.MAIL["reminder"]["deadline"][1].format(deadline=record.deadline.isoformat())
        subject, body = texts.mail("reminder", year=year, department=row["code"], name=name_it, name_en=name_en,
                                   status_it=status_it, status_en=status_en, deadline_it=deadline_it,
                                   deadline_en=deadline_en, link=_link(row["links"]["history"]))
        if to:
            messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to))
        sent.append({"department": row["code"], "status": row["status"], "to": to})
    if messages:
        with connection() as open_connection:
            open_connection.send_messages(messages)
    return sent


def connection():
    """The default mailer: Django 6.1's `mailers.default` (MAILERS), or get_connection() on Django 5.2."""
    from django.core import mail

    return mail.mailers.default if hasattr(mail, "mailers") else mail.get_connection()


def receipt(sub: Submission) -> bool:
    """The bilingual receipt to the uploader: status and counts of the checked file. A mail failure is logged,
    never lost upload: the file is already kept and checked."""
    user = sub.uploaded_by
    if user is None or not user.email:
        return False
    name_it, name_en = _names(sub.year, sub.department)
    status_it, status_en = texts.STATUS.get(sub.status, (sub.status, sub.status))
    path = reverse("portal:submission", kwargs={"year": sub.year, "code": sub.department, "pk": sub.pk})
    subject, body = texts.mail(
        "receipt", year=sub.year, department=sub.department, name=name_it, name_en=name_en, file=sub.file_name,
        sha256=sub.sha256, at=timezone.localtime(sub.uploaded_at).strftime("%Y-%m-%d %H:%M"),
        status_it=status_it, status_en=status_en, link=_link(path),
        **{k: int(sub.counts.get(k, 0)) for k in desk.COUNTS})
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
    except Exception:  # noqa: BLE001 - SMTP down: the upload stands, the log says the receipt was not sent
        log.exception("receipt of submission %s not sent to %s", sub.pk, user.email)
        return False
    return True
