"""Uploads kept whole, by SHA-256, each in one transaction with its record; then checked by report.api."""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from report import api
from report.cli.parser import MAX_YEAR, MIN_YEAR
from portal import slots
from portal.models import UNCHECKED, Submission, Year

log = logging.getLogger(__name__)
CHUNK = 1024 * 1024


class Refused(Exception):
    """The upload is not stored: `key` names its bilingual text (portal.texts), `status` the HTTP status."""

    def __init__(self, key: str, status: int):
        super().__init__(key)
        self.key, self.status = key, status


def files_dir() -> Path:
    return Path(settings.DATA_DIR) / "files"


def feedback_dir(sub: Submission) -> Path:
    return Path(settings.DATA_DIR) / "feedback" / str(sub.pk)


def chapter_data_path(sub: Submission) -> Path:
    """What the submission's chapter is made of, kept when it is checked (report.api.keep_chapter_data)."""
    return feedback_dir(sub) / "chapter.data"


def file_path(sub: Submission) -> Path:
    return files_dir() / sub.sha256[:2] / sub.stored_name


def feedback_path(sub: Submission) -> Path | None:
    if not sub.feedback_name:
        return None
    path = feedback_dir(sub) / "feedback" / sub.feedback_name
    return path if path.is_file() else None


def report_settings(year: int) -> api.Settings:
    """The library's settings for a year of the portal; a year out of the plausible range is a 404."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return api.Settings(year, Path(settings.PORTAL_CONFIG) if settings.PORTAL_CONFIG else None)


def year_record(year: int) -> Year:
    return Year.objects.get_or_create(year=year)[0]


def suffix_of(name: str) -> str:
    return Path(name).suffix.lower()


def store(upload, *, user, department: str, year: int) -> Submission:
    """Keep the uploaded file (a Django UploadedFile) under its SHA-256 and record it, in one transaction."""
    suffix = suffix_of(upload.name or "")
    if suffix not in api.SUFFIXES:
        raise Refused("unsupported", 415)
    if upload.size > api.MAX_BYTES:
        raise Refused("too_large", 413)
    if not year_record(year).open:
        raise Refused("closed", 403)
    folder = files_dir()
    folder.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with tempfile.NamedTemporaryFile(dir=folder, delete=False, prefix=".upload-") as tmp:
        for chunk in upload.chunks(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            tmp.write(chunk)
        tmp.flush()
        os.fsync(tmp.fileno())
    sha = digest.hexdigest()
    target = folder / sha[:2] / f"{sha}{suffix}"
    on_behalf = _on_behalf(user, department)
    try:
        with transaction.atomic():
            sub = Submission.objects.create(department=department, year=year, uploaded_by=user,
                                            file_name=(upload.name or "")[:255], size=size, sha256=sha,
                                            suffix=suffix, on_behalf=on_behalf)
            target.parent.mkdir(exist_ok=True)
            os.replace(tmp.name, target)   # the same bytes may already be there: replaced by themselves
    finally:
        if os.path.exists(tmp.name):
            os.unlink(tmp.name)
    return sub


def _on_behalf(user, department: str) -> bool:
    """An upload by anyone but the department's own account (the coordinator's) is recorded as on its behalf."""
    profile = getattr(user, "profile", None)
    return not (profile is not None and profile.role == "department" and profile.department == department)


def check(sub: Submission) -> Submission:
    """Check the stored file with the library and record the result; a crash leaves it `unchecked` (retry)."""
    try:
        with slots.CHECKS:   # as many checks at once as cores: the desk's requests keep the interpreter
            result = api.check_file(file_path(sub), report_settings(sub.year), name=sub.file_name,
                                    feedback_dir=feedback_dir(sub))
    except Exception:  # noqa: BLE001 - the file is kept; the page offers a retry
        log.exception("submission %s (%s) could not be checked", sub.pk, sub.sha256)
        sub.status = UNCHECKED
        sub.save(update_fields=["status"])
        return sub
    _keep_chapter_data(sub, result)
    sub.status = result.status
    sub.counts = result.counts
    sub.findings = [f.as_dict() for f in result.findings]
    sub.feedback_name = result.feedback.name if result.feedback else ""
    sub.file_department = result.department
    sub.checked_at = timezone.now()
    sub.save()
    return sub


def _keep_chapter_data(sub: Submission, result: api.Check) -> None:
    """Keep what the chapter preview needs of the check (its accepted activities), so that the preview does not
    read and check the file again; without it (a file checked before, a disk full) the preview checks again."""
    try:
        api.keep_chapter_data(result.data, chapter_data_path(sub))
    except Exception:  # noqa: BLE001 - only the first preview is slower
        log.exception("submission %s: the chapter's data could not be kept", sub.pk)


def current(department: str, year: int) -> Submission | None:
    """The department's current submission: its latest upload."""
    return Submission.objects.filter(department=department, year=year).first()


def chapter(sub: Submission, stylesheet: str) -> bytes:
    """The department's chapter from this submission (UTF-8 HTML), rendered by the report once and kept beside its
    feedback (a large file's chapter takes seconds to render; the stored file never changes). Rendered from the
    data kept when the file was checked (a file checked before those were kept is checked again), straight
    into its file, so that a large chapter is never whole in memory as text; the data go once it is kept."""
    path = feedback_dir(sub) / "chapter.html"
    if not path.is_file():
        settings = report_settings(sub.year)
        data = api.kept_chapter_data(chapter_data_path(sub), settings) \
            or api.check_file(file_path(sub), settings, name=sub.file_name).data
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pass
        try:
            api.write_chapter_html(data, sub.department, stylesheet, Path(tmp.name))
            os.replace(tmp.name, path)
        finally:
            if os.path.exists(tmp.name):
                os.unlink(tmp.name)
        chapter_data_path(sub).unlink(missing_ok=True)
    return path.read_bytes()
