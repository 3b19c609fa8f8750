"""The coordinator's desk: one row per department of the configuration, in chapter order, with the status of its
current submission, its last upload (when, by whom), its counts and number of uploads; the year's deadline, the
days left and the ledger of the current submissions. The page, its JSON (polled by desk.js) and the API share it."""
from __future__ import annotations

from datetime import date

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext as _

from portal import store
from portal.models import STATUSES, Submission

NONE_YET = "none"
COUNTS = ("read", "accepted", "rejected", "outside")
ATTENTION = {NONE_YET, "rejected", "errors", "unchecked"}   # the rows that stand out


def _links(year: int, code: str, current: Submission | None) -> dict[str, str]:
    kw = {"year": year, "code": code}
    links = {"history": reverse("portal:year", kwargs=kw), "preview": reverse("portal:preview", kwargs=kw)}
    if current is not None:
        sub = {**kw, "pk": current.pk}
        links.update(submission=reverse("portal:submission", kwargs=sub), file=reverse("portal:file", kwargs=sub))
        if current.feedback_name:
            links["feedback"] = reverse("portal:feedback", kwargs=sub)
    return links


def rows(year: int) -> list[dict]:
    """The departments in chapter order with their current submission (the latest upload)."""
    config = store.report_settings(year).config
    lang = get_language() or "it"
    uploads = dict(Submission.objects.filter(year=year).values_list("department").annotate(n=Count("id")))
    latest: dict[str, Submission] = {}
    for sub in Submission.objects.filter(year=year).select_related("uploaded_by").order_by("-uploaded_at", "-id"):
        latest.setdefault(sub.department, sub)
    out = []
    for position, code in enumerate(config.codes, start=1):
        dept = config.department(code)
        current = latest.get(code)
        out.append({
            "order": position, "code": code, "name": dept.name(lang) if dept else code,
            "status": current.status if current else NONE_YET,
            "status_label": str(dict(STATUSES)[current.status]) if current else _("nessun invio"),
            "submission": current.pk if current else None,
            "uploaded_at": current.uploaded_at.isoformat() if current else None,
            "uploaded_at_text": (timezone.localtime(current.uploaded_at).strftime("%Y-%m-%d %H:%M") if current
                                 else "—"),
            "uploaded_by": (current.uploaded_by.email if current and current.uploaded_by else ""),
            "on_behalf": bool(current and current.on_behalf),
            "counts": {k: int(current.counts.get(k, 0)) if current else 0 for k in COUNTS},
            "uploads": uploads.get(code, 0),
            "attention": (current.status if current else NONE_YET) in ATTENTION,
            "links": _links(year, code, current),
        })
    return out


def summary(year: int, today: date | None = None) -> dict:
    """The year's deadline, days left (negative once past), whether uploads are open, and the overall ledger."""
    record = store.year_record(year)
    today = today or timezone.localdate()
    table = rows(year)
    ledger = {k: sum(r["counts"][k] for r in table) for k in COUNTS}
    by_status: dict[str, int] = {}
    for r in table:
        by_status[r["status"]] = by_status.get(r["status"], 0) + 1
    return {"year": year, "deadline": record.deadline.isoformat() if record.deadline else None,
            "days_left": (record.deadline - today).days if record.deadline else None,
            "open": record.open, "ledger": ledger, "by_status": by_status, "departments": table}
