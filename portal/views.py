"""The department pages: the year page (deadline, template, upload), a submission's result, the history, the
downloads and the chapter preview. Every check is report.api's; every text from a file is escaped data."""
from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from portal import access, audit, mail, store, texts
from portal.forms import LoginForm, UploadForm
from portal.models import COORDINATOR, COUNCIL
from report import api

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _codes(year: int) -> tuple[str, ...]:
    return store.report_settings(year).config.codes


def _department_name(year: int, code: str) -> str:
    dept = store.report_settings(year).config.department(code)
    return dept.name(get_language() or "it") if dept else code


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def home(request):
    year = settings.PORTAL_YEAR
    if access.role(request.user) == COUNCIL:
        return redirect("portal:shelf", year=year)
    codes = access.departments(request.user, _codes(year))
    if len(codes) == 1 and access.role(request.user) != COORDINATOR:
        return redirect("portal:year", year=year, code=codes[0])
    depts = [{"code": c, "name": _department_name(year, c), "current": store.current(c, year)} for c in codes]
    return render(request, "portal/home.html", {"year": year, "departments": depts,
                                                "role": access.role(request.user)})


def _page(request, year: int, code: str, **extra):
    code = access.require_department(request.user, code, _codes(year))
    record = store.year_record(year)
    current = store.current(code, year)
    history = store.Submission.objects.filter(department=code, year=year).select_related("uploaded_by")
    return {"year": year, "code": code, "department": _department_name(year, code), "deadline": record.deadline,
            "open": record.open, "current": current, "history": history, "form": UploadForm(),
            "max_mb": texts.LIMIT_MB, "accept": ",".join(api.SUFFIXES), **extra}


@login_required
@require_GET
def year_page(request, year: int, code: str):
    return render(request, "portal/year.html", _page(request, year, code))


@login_required
@require_POST
def upload(request, year: int, code: str):
    code = access.require_department(request.user, code, _codes(year))
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "portal/year.html", _page(request, year, code, form=form), status=400)
    try:
        sub = store.store(form.cleaned_data["file"], user=request.user, department=code, year=year)
    except store.Refused as exc:
        it, en = texts.error(exc.key)
        return render(request, "portal/year.html",
                      _page(request, year, code, refused={"it": it, "en": en}), status=exc.status)
    audit.record("upload", user=request.user, request=request, submission=sub.pk, department=code,
                 sha256=sub.sha256, size=sub.size)
    store.check(sub)
    mail.receipt(sub)
    return redirect("portal:submission", year=year, code=code, pk=sub.pk)


def _findings(sub) -> list[dict]:
    lang = get_language() or "it"
    other = "en" if lang == "it" else "it"
    return [{**f, "message": f[f"message_{lang}"], "other": f[f"message_{other}"], "other_lang": other}
            for f in sorted(sub.findings, key=lambda f: SEVERITY_ORDER.get(f["severity"], 3))]


@login_required
@require_GET
def submission(request, year: int, code: str, pk: int):
    code = access.require_department(request.user, code, _codes(year))
    sub = access.submission(request.user, year, pk, (code,))
    feedback = store.feedback_path(sub) is not None
    return render(request, "portal/submission.html",
                  {"year": year, "code": code, "department": _department_name(year, code), "sub": sub,
                   "findings": _findings(sub), "feedback": feedback,
                   "is_current": store.current(code, year) == sub,
                   "file_department_differs": sub.file_department and sub.file_department != code})


@login_required
@require_POST
def retry(request, year: int, code: str, pk: int):
    code = access.require_department(request.user, code, _codes(year))
    sub = access.submission(request.user, year, pk, (code,))
    if not sub.checked:
        store.check(sub)
    return redirect("portal:submission", year=year, code=code, pk=sub.pk)


def _download(request, path: Path, name: str, what: str, **detail):
    audit.record("download", user=request.user, request=request, what=what, **detail)
    return FileResponse(path.open("rb"), as_attachment=True, filename=name)


@login_required
@require_GET
def original(request, year: int, code: str, pk: int):
    code = access.require_department(request.user, code, _codes(year))
    sub = access.submission(request.user, year, pk, (code,))
    return _download(request, store.file_path(sub), sub.file_name, "file", submission=sub.pk)


@login_required
@require_GET
def feedback(request, year: int, code: str, pk: int):
    code = access.require_department(request.user, code, _codes(year))
    sub = access.submission(request.user, year, pk, (code,))
    path = store.feedback_path(sub)
    if path is None:
        raise Http404
    return _download(request, path, path.name, "feedback", submission=sub.pk)


@login_required
@require_GET
def template(request, year: int, code: str):
    code = access.require_department(request.user, code, _codes(year))
    folder = Path(tempfile.mkdtemp(dir=settings.FILE_UPLOAD_TEMP_DIR))
    path = api.write_department_template(store.report_settings(year), code, folder)
    response = _download(request, path, path.name, "template", department=code, year=year)
    path.unlink()   # the open file stays readable until sent
    folder.rmdir()
    return response


@login_required
@require_GET
def preview(request, year: int, code: str):
    code = access.require_department(request.user, code, _codes(year))
    current = store.current(code, year)
    return render(request, "portal/preview.html",
                  {"year": year, "code": code, "department": _department_name(year, code), "current": current,
                   "chapter_url": reverse("portal:chapter", kwargs={"year": year, "code": code})})


@login_required
@require_GET
@xframe_options_sameorigin
def chapter(request, year: int, code: str):
    """The chapter alone (framed by the preview page): the current submission as the report renders it."""
    code = access.require_department(request.user, code, _codes(year))
    current = store.current(code, year)
    if current is None:
        raise Http404
    return HttpResponse(store.chapter(current, reverse("portal:report_css")), content_type="text/html; charset=utf-8")


@require_GET
def report_css(request):
    response = HttpResponse(api.report_css(), content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response
