"""The coordinator's desk (dashboard, year settings, reminders, builds, publication) and the council's shelf.
The desk is the coordinator's only; the shelf shows the council the builds shared with it and nothing else.
Anything out of reach is a 404."""
from __future__ import annotations

import io
import mimetypes
import zipfile
from datetime import date

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from csp.decorators import csp_replace

from portal import access, audit, builds, desk, mail, store
from portal.models import COORDINATOR, COUNCIL, DONE, STAGES, Build
from report.texts import pair


def _coordinator(request, year: int) -> None:
    store.report_settings(year)
    if access.role(request.user) != COORDINATOR:
        raise Http404


def _council_or_coordinator(request, year: int) -> str:
    store.report_settings(year)
    role = access.role(request.user)
    if role not in (COORDINATOR, COUNCIL):
        raise Http404
    return role


@login_required
@require_GET
def dashboard(request, year: int):
    _coordinator(request, year)
    return render(request, "portal/desk.html", {
        "year": year, "summary": desk.summary(year), "record": store.year_record(year),
        "rows_url": reverse("portal:desk_rows", kwargs={"year": year}),
        "sent": request.session.pop("reminders_sent", None)})


@login_required
@require_GET
def rows(request, year: int):
    _coordinator(request, year)
    return JsonResponse(desk.summary(year))


@login_required
@require_POST
def year_settings(request, year: int):
    _coordinator(request, year)
    record = store.year_record(year)
    text = request.POST.get("deadline", "").strip()
    try:
        record.deadline = date.fromisoformat(text) if text else None
    except ValueError:
        return HttpResponse(pair("portal.invalid_date").both(), status=400,
                            content_type="text/plain; charset=utf-8")
    record.open = request.POST.get("open") == "1"
    record.save()
    audit.record("year_settings", user=request.user, request=request, year=year,
                 deadline=record.deadline.isoformat() if record.deadline else None, open=record.open)
    return redirect("portal:desk", year=year)


@login_required
@require_POST
def remind(request, year: int):
    _coordinator(request, year)
    sent = mail.remind(year)
    audit.record("reminders", user=request.user, request=request, year=year,
                 departments=[s["department"] for s in sent if s["to"]])
    request.session["reminders_sent"] = sent
    return redirect("portal:desk", year=year)


# Builds ------------------------------------------------------------------------------------------------------

def _build(request, year: int, number: int) -> Build:
    role = _council_or_coordinator(request, year)
    build = Build.objects.filter(year=year, number=number).first()
    if build is None or (role == COUNCIL and not build.for_council):
        raise Http404
    return build


def build_json(build: Build, file_url) -> dict:
    return {"id": build.pk, "year": build.year, "number": build.number, "state": build.state,
            "stage": build.stage, "state_label": str(build.get_state_display()), "reason_it": build.reason_it,
            "reason_en": build.reason_en,
            "published": build.published, "shared": build.shared,
            "requested_at": build.requested_at.isoformat(),
            "finished_at": build.finished_at.isoformat() if build.finished_at else None,
            "submissions": build.submissions,
            "files": [{**f, "url": file_url(build, f["name"])} for f in build.files]}


def file_url(build: Build, name: str) -> str:
    return reverse("portal:build_file", kwargs={"year": build.year, "number": build.number, "name": name})


@login_required
@require_GET
def build_list(request, year: int):
    _coordinator(request, year)
    return render(request, "portal/builds.html", {"year": year, "builds": Build.objects.filter(year=year),
                                                  "running": builds.active(year),
                                                  "refused": request.session.pop("build_refused", None)})


@login_required
@require_POST
def build_new(request, year: int):
    _coordinator(request, year)
    try:
        build = builds.request(year, request.user)
    except builds.Running as exc:
        request.session["build_refused"] = exc.build.number
        return redirect("portal:builds", year=year)
    audit.record("build", user=request.user, request=request, year=year, build=build.number)
    return redirect("portal:build", year=year, number=build.number)


@login_required
@require_GET
def build_page(request, year: int, number: int):
    build = _build(request, year, number)
    role = access.role(request.user)
    files = [{**f, "url": file_url(build, f["name"]), "public": builds.is_public(f["name"], year)}
             for f in build.files if role == COORDINATOR or _council_may_open(f["name"], year)]
    return render(request, "portal/build.html", {
        "year": year, "build": build, "files": files, "coordinator": role == COORDINATOR, "stages": STAGES,
        "status_url": reverse("portal:build_status", kwargs={"year": year, "number": number})})


@login_required
@require_GET
def build_status(request, year: int, number: int):
    build = _build(request, year, number)
    body = build_json(build, file_url)
    if access.role(request.user) != COORDINATOR:
        body.pop("submissions")
        body["files"] = [f for f in body["files"] if _council_may_open(f["name"], year)]
    body["log"] = build.log[-20_000:] if access.role(request.user) == COORDINATOR else ""
    return JsonResponse(body)


def _council_may_open(name: str, year: int) -> bool:
    from report.workbooks.council import council_name

    return builds.is_public(name, year) or name == council_name(year)


# The report's own HTML edition carries its stylesheet inline: served alone, sandboxed, without script.
@csp_replace({"default-src": ["'none'"], "style-src": ["'unsafe-inline'"], "img-src": ["'self'", "data:"],
              "font-src": ["data:"], "script-src": ["'none'"], "sandbox": [""]})
@login_required
@require_GET
def build_file(request, year: int, number: int, name: str):
    build = _build(request, year, number)
    if build.state != DONE or name not in {f["name"] for f in build.files}:
        raise Http404
    if access.role(request.user) != COORDINATOR and not _council_may_open(name, year):
        raise Http404
    path = builds.outputs(build) / name
    inline = name.endswith((".pdf", ".html", ".svg", ".png"))
    audit.record("download", user=request.user, request=request, what="build_file", year=year,
                 build=number, name=name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(path.open("rb"), as_attachment=not inline, filename=name.rsplit("/", 1)[-1],
                            content_type=content_type)
    return response


@login_required
@require_POST
def build_mark(request, year: int, number: int):
    """Publish a finished build (the one published build of the year), or share or unshare a draft with the
    council."""
    _coordinator(request, year)
    build = Build.objects.filter(year=year, number=number, state=DONE).first()
    if build is None:
        raise Http404
    what = request.POST.get("what")
    with transaction.atomic():
        if what == "publish":
            Build.objects.filter(year=year, published=True).update(published=False)
            build.published = True
        elif what in ("share", "unshare"):
            build.shared = what == "share"
        else:
            return HttpResponse(status=400)
        build.save(update_fields=["published", "shared"])
    audit.record(what, user=request.user, request=request, year=year, build=number)
    return redirect("portal:build", year=year, number=number)


def public_zip(build: Build) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for f in build.files:
            if builds.is_public(f["name"], build.year):
                archive.write(builds.outputs(build) / f["name"], f"report_{build.year}/{f['name']}")
    return buffer.getvalue()


@login_required
@require_GET
def published_zip(request, year: int):
    """The published build's public files as one zip (coordinator and council)."""
    _council_or_coordinator(request, year)
    build = Build.objects.filter(year=year, published=True, state=DONE).first()
    if build is None:
        raise Http404
    audit.record("download", user=request.user, request=request, what="public_zip", year=year, build=build.number)
    response = HttpResponse(public_zip(build), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="report_{year}_public.zip"'
    return response


@login_required
@require_GET
def shelf(request, year: int):
    """The council's shelf (also the coordinator's view of what the council sees)."""
    _council_or_coordinator(request, year)
    shared = [b for b in Build.objects.filter(year=year, state=DONE) if b.for_council]
    return render(request, "portal/shelf.html", {"year": year, "builds": shared})
