"""The coordinator's desk: one row per department of the configuration, in chapter order, with the status of its
current submission, its last upload (when, by whom), its counts and number of uploads; the year's deadline, the
days left and the ledger of the current submissions. The page, its JSON (polled by desk.js) and the API share it."""
from __future__ import annotations

import hashlib
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext as _

from portal import store
from portal.models import PENDING, STATUSES, UNCHECKED, Submission

NONE_YET = "none"
COUNTS = ("read", "accepted", "rejected", "outside")
ATTENTION = {NONE_YET, "rejected", "errors", "unchecked"}   # the rows that stand out
CACHE_SECONDS = 600   # a kept copy of the rows outlives no change (its key is the fingerprint); this frees memory


def _links(year: int, code: str, current: Submission | None) -> dict[str, str]:
    kw = {"year": year, "code": code}
    links = {"history": reverse("portal:year", kwargs=kw), "preview": reverse("portal:preview", kwargs=kw)}
    if current is not None:
        sub = {**kw, "pk": current.pk}
        links.update(submission=reverse("portal:submission", kwargs=sub), file=reverse("portal:file", kwargs=sub))
        if current.feedback_name:
            links["feedback"] = reverse("portal:feedback", kwargs=sub)
    return links


def _current(year: int) -> dict[str, Submission]:
    """Each department's current submission (its latest upload) with its uploader and its number of uploads, in
    one query whatever the number of uploads: the year's rows are never all read (nor their findings)."""
    of_department = Submission.objects.filter(year=year, department=OuterRef("department"))
    latest = of_department.order_by("-uploaded_at", "-id").values("pk")[:1]
    uploads = of_department.order_by().values("department").annotate(n=Count("id")).values("n")
    current = (Submission.objects.filter(year=year, pk=Subquery(latest)).select_related("uploaded_by")
               .defer("findings").annotate(uploads=Subquery(uploads)))
    return {sub.department: sub for sub in current}


def fingerprint(year: int) -> tuple:
    """What changes when a row of the desk changes: an upload (count, last id and time) or a check (last check,
    the files still pending or left unchecked). One aggregate query."""
    found = Submission.objects.filter(year=year).aggregate(
        n=Count("id"), last=Max("id"), at=Max("uploaded_at"), checked=Max("checked_at"),
        pending=Count("id", filter=Q(status=PENDING)), unchecked=Count("id", filter=Q(status=UNCHECKED)))
    return tuple(str(found[k]) for k in ("n", "last", "at", "checked", "pending", "unchecked"))


def rows(year: int) -> list[dict]:
    """The departments in chapter order with their current submission (the latest upload). The rows are kept in
    Django's cache between uploads (the desk polls them every few seconds): one query when nothing changed."""
    config = store.report_settings(year).config
    lang = get_language() or "it"
    key = f"portal-desk-rows:{year}:{lang}:" + hashlib.sha256(repr(fingerprint(year)).encode()).hexdigest()
    kept = cache.get(key)
    if kept is not None:
        return kept
    latest = _current(year)
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
            "uploads": current.uploads if current else 0,
            "attention": (current.status if current else NONE_YET) in ATTENTION,
            "links": _links(year, code, current),
        })
    cache.set(key, out, CACHE_SECONDS)
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
