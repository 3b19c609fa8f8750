"""Builds of the report from the portal, outside the web process: a request queues a build (one at a time per
year: the database refuses a second queued or running one), the worker that `portal serve` starts runs it in a
child process (the library's `report.api.build_year`, as `generate.py build` does, on a folder of the current
submissions), follows
its stage, keeps its log and files, and records why it failed in one bilingual line. Earlier builds are never
touched: each has its own folder."""
from __future__ import annotations

import hashlib
import logging
import shutil
import multiprocessing
import threading
import time
from pathlib import Path
from queue import Empty

from django.conf import settings
from django.db import IntegrityError, close_old_connections, transaction
from django.db.models import Max
from django.utils import timezone

from portal import buildchild, store
from portal.models import DONE, FAILED, QUEUED, RUNNING, Build, Submission
from report.texts import pair

log = logging.getLogger(__name__)
POLL = 0.5
# The public files of a build (the zip of a published build); every other file is internal.
PUBLIC_SUFFIXES = (".pdf", ".html", ".svg", ".png")


class Running(Exception):
    """A build of this year is already queued or running."""

    def __init__(self, build: Build):
        super().__init__(build.pk)
        self.build = build


def folder(build: Build) -> Path:
    return Path(settings.DATA_DIR) / "builds" / str(build.year) / str(build.number)


def outputs(build: Build) -> Path:
    return folder(build) / "outputs"


def inputs(build: Build) -> Path:
    return folder(build) / "inputs" / str(build.year)


def active(year: int) -> Build | None:
    return Build.objects.filter(year=year, state__in=(QUEUED, RUNNING)).first()


def request(year: int, user) -> Build:
    """Queue a build of the year's current submissions; Running when one is already queued or running."""
    store.report_settings(year)   # a year out of range is a 404
    for _attempt in range(5):
        running = active(year)
        if running is not None:
            raise Running(running)
        try:
            with transaction.atomic():
                number = (Build.objects.filter(year=year).aggregate(n=Max("number"))["n"] or 0) + 1
                return Build.objects.create(year=year, number=number, requested_by=user)
        except IntegrityError:   # another request took the number or the year's slot at the same moment
            continue
    raise Running(active(year) or Build.objects.filter(year=year).first())


def _current_submissions(year: int) -> list[Submission]:
    codes = store.report_settings(year).config.codes
    latest: dict[str, Submission] = {}
    for sub in Submission.objects.filter(year=year, department__in=codes).order_by("-uploaded_at", "-id"):
        latest.setdefault(sub.department, sub)
    return [latest[c] for c in codes if c in latest]


def gather(build: Build) -> Path:
    """The current submission of each department copied into the build's inputs folder, named CODE_YEAR.ext."""
    target = inputs(build)
    target.mkdir(parents=True, exist_ok=True)
    used = []
    for sub in _current_submissions(build.year):
        shutil.copyfile(store.file_path(sub), target / f"{sub.department}_{build.year}{sub.suffix}")
        used.append({"department": sub.department, "submission": sub.pk, "sha256": sub.sha256,
                     "file_name": sub.file_name})
    build.submissions = used
    build.save(update_fields=["submissions"])
    return target


# The library's stages (report.api.build_year's progress) as the portal names them; charts are made inside the
# editions stage, so the staging folder tells them apart (stage_of).
LIBRARY_STAGES = {"reading": "reading", "checking": "checking", "earlier years": "checking",
                  "data files": "data", "feedback": "data", "editions": "charts"}


def stage_of(out: Path, year: int) -> str:
    """The stage a running build has reached, from the files its staging folder holds so far."""
    if not out.exists():
        return "reading"   # the child process reads and checks the workbooks before it stages anything
    names = {p.name for p in out.rglob("*")}
    if any(n.endswith(".pdf") or n.endswith(".html") for n in names):
        return "editions"
    if any(n.endswith(".svg") or n.endswith(".png") for n in names):
        return "charts"
    if f"validation_{year}.csv" in names:
        return "data"
    return "checking"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_list(build: Build) -> list[dict]:
    out = outputs(build)
    return [{"name": p.relative_to(out).as_posix(), "size": p.stat().st_size, "sha256": sha256(p)}
            for p in sorted(out.rglob("*")) if p.is_file() and not any(s.startswith(".") for s in p.relative_to(out).parts)]


def is_public(name: str, year: int) -> bool:
    """Public: the PDFs, the HTML edition, the charts, the open-data CSV and its data package."""
    base = name.rsplit("/", 1)[-1]
    if name.startswith("feedback/"):
        return False
    return base.endswith(PUBLIC_SUFFIXES) or base in (f"activities_{year}.csv", "datapackage.json")


def _fail(build: Build, it: str, en: str) -> None:
    build.state, build.reason_it, build.reason_en = FAILED, it[:300], en[:300]
    build.finished_at = timezone.now()
    build.save()


def run(build: Build) -> Build:
    """Run one queued build to its end (done or failed), following its stage."""
    build.state, build.stage, build.started_at = RUNNING, "reading", timezone.now()
    build.save(update_fields=["state", "stage", "started_at"])
    try:
        gather(build)
    except OSError as exc:
        _fail(build, *pair("portal.build.unreadable").fill(reason=exc.strerror))
        return build
    if not build.submissions:
        _fail(build, *pair("portal.build.nothing"))
        return build
    log_path = folder(build) / "build.log"
    out = outputs(build)
    staging = out.parent / f".{out.name}.staging"   # report.outfolder stages the build beside the folder
    context = multiprocessing.get_context("spawn")   # a fresh interpreter: no thread or connection of the server
    queue = context.Queue()
    proc = context.Process(target=buildchild.run, name=f"build-{build.year}-{build.number}",
                           args=(build.year, settings.PORTAL_CONFIG, str(inputs(build)), str(out), str(log_path),
                                 queue))
    proc.start()
    failure, library_stage = "", "reading"
    while proc.is_alive() or not queue.empty():
        try:
            message = queue.get(timeout=POLL)
        except Empty:
            message = None
        if isinstance(message, tuple):
            failure = message[1]
        elif message:
            library_stage = message
        stage = LIBRARY_STAGES.get(library_stage, build.stage)
        if stage == "charts":
            stage = "editions" if stage_of(staging, build.year) == "editions" else "charts"
        if stage != build.stage:
            build.stage = stage
            build.save(update_fields=["stage"])
    proc.join()
    build.log = log_path.read_text(encoding="utf-8", errors="replace")[-100_000:] if log_path.exists() else ""
    if proc.exitcode != 0:
        detail = failure or f"exit {proc.exitcode}"
        _fail(build, *pair("portal.build.failed").fill(detail=detail))
        return build
    build.files = file_list(build)
    build.state, build.stage, build.finished_at = DONE, "editions", timezone.now()
    build.save()
    return build


def work_once() -> Build | None:
    """Take the oldest queued build and run it; None when there is none."""
    with transaction.atomic():
        build = Build.objects.filter(state=QUEUED).order_by("requested_at", "id").first()
        if build is None:
            return None
        claimed = Build.objects.filter(pk=build.pk, state=QUEUED).update(state=RUNNING)
    if not claimed:
        return None
    build.refresh_from_db()
    try:
        return run(build)
    except Exception as exc:  # noqa: BLE001 - the worker survives; the build says why
        log.exception("build %s of %s crashed", build.number, build.year)
        _fail(build, *pair("portal.build.internal").fill(error=type(exc).__name__))
        return build


def recover() -> None:
    """Builds left running by a stopped server are failed (their log kept)."""
    reason_it, reason_en = pair("portal.build.stopped")
    Build.objects.filter(state=RUNNING).update(state=FAILED, reason_it=reason_it, reason_en=reason_en,
                                               finished_at=timezone.now())


def start_worker(interval: float = 1.0) -> threading.Thread:
    """The worker thread of `portal serve`: runs queued builds one after the other (each in a child process)."""
    def loop():
        recover()
        while True:
            close_old_connections()
            try:
                if work_once() is None:
                    time.sleep(interval)
            except Exception:  # noqa: BLE001
                log.exception("build worker")
                time.sleep(interval)

    thread = threading.Thread(target=loop, name="portal-builds", daemon=True)
    thread.start()
    return thread
