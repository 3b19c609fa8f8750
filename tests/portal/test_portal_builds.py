"""Builds from the portal: queued by a request (one at a time per year), run by the worker in a child process,
followed by stage, kept with their submissions and files; byte-identical to the command line's build; a failed
build says why and leaves the others alone; publication (the public zip) and the council's shelf."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from portal import buildchild, builds, store
from report.workbooks.council import council_name
from portal.models import DONE, FAILED, QUEUED, Build, Submission
from portal_helpers import (ROOT, YEAR, coordinator, council, cultura, data_dir, login, sample,  # noqa: F401
                            sport)

pytestmark = pytest.mark.django_db



def upload(client, path, code):
    response = client.post(reverse("portal:upload", kwargs={"year": YEAR, "code": code}),
                           {"file": SimpleUploadedFile(path.name, path.read_bytes())})
    assert response.status_code == 302


def names(build):
    return {f["name"] for f in build.files}


def test_a_second_build_request_is_refused_while_one_is_queued(coordinator, cultura):
    client = login(Client(), coordinator)
    first = client.post(f"/api/v1/years/{YEAR}/builds")
    assert first.status_code == 202 and first.json()["state"] == QUEUED
    second = client.post(f"/api/v1/years/{YEAR}/builds")
    assert second.status_code == 409 and second.json()["id"] == first.json()["id"]
    assert "già in corso" in second.json()["error_it"] and "already running" in second.json()["error_en"]
    page = client.post(reverse("portal:build_new", kwargs={"year": YEAR}), follow=True)
    assert "è già in corso" in page.content.decode() and Build.objects.count() == 1
    assert login(Client(), cultura).post(f"/api/v1/years/{YEAR}/builds").status_code == 403


def test_a_failed_build_says_why_keeps_its_log_and_leaves_earlier_builds_alone(coordinator, tmp_path):
    client = login(Client(), coordinator)
    earlier = Build.objects.create(year=YEAR, number=1, state=DONE, files=[{"name": "x.pdf", "size": 1}])
    builds.outputs(earlier).mkdir(parents=True)
    (builds.outputs(earlier) / "x.pdf").write_bytes(b"%PDF")
    upload(client, sample(tmp_path), "CULTURA")
    store.file_path(Submission.objects.get()).unlink()   # the stored file lost: the build cannot read it
    build_id = client.post(f"/api/v1/years/{YEAR}/builds").json()["id"]
    assert builds.work_once().pk == build_id
    body = client.get(f"/api/v1/years/{YEAR}/builds/{build_id}").json()
    assert body["state"] == FAILED and "ricaricatelo" in body["reason_it"] and "upload it again" in body["reason_en"]
    assert (builds.outputs(earlier) / "x.pdf").read_bytes() == b"%PDF"
    assert Build.objects.get(pk=earlier.pk).state == DONE
    page = client.get(reverse("portal:build", kwargs={"year": YEAR, "number": 2})).content.decode()
    assert "ricaricatelo" in page and "upload it again" in page
    assert client.post(f"/api/v1/years/{YEAR}/builds").status_code == 202   # the year's slot is free again


def test_a_portal_build_equals_the_command_line_s_then_publication_and_the_council(coordinator, council, cultura,
                                                                                  tmp_path):
    """The real build, in a child process, on two departments' sample files; the same inputs built by
    `generate.py build` give the same data files and Italian edition byte for byte. Then publication and the
    council's shelf."""
    client = login(Client(), coordinator)
    upload(login(Client(), cultura), sample(tmp_path), "CULTURA")
    upload(client, sample(tmp_path, "SPORT_2025.ods"), "SPORT")
    response = client.post(f"/api/v1/years/{YEAR}/builds")
    assert response.status_code == 202
    build = builds.work_once()
    assert build.pk == response.json()["id"] and build.state == DONE, build.log
    assert f"at CPU priority nice {buildchild.NICE}" in build.log   # WeasyPrint leaves the CPU to the web process
    body = client.get(f"/api/v1/years/{YEAR}/builds/{build.pk}").json()
    assert body["state"] == "done" and body["stage"] == "editions"
    files = {f["name"]: f for f in body["files"]}
    for name in (f"report_{YEAR}.pdf", f"report_{YEAR}_it.pdf", f"report_{YEAR}_en.pdf",
                 f"report_{YEAR}.html", f"activities_{YEAR}.csv", "datapackage.json", f"validation_{YEAR}.csv"):
        assert name in files, sorted(files)
    assert any(n.startswith("charts/") for n in files) and council_name(YEAR) in files
    subs = {s["department"]: s["sha256"] for s in body["submissions"]}
    assert subs == {s.department: s.sha256 for s in Submission.objects.all()}

    # The command line on the same inputs: byte-identical CSVs and PDF. One edition is enough to show that the
    # portal passes the command line's settings (the moment, the attachment, the fonts): the three come from one
    # call of the library with the same options, and an edition's layout is the publication tests' concern.
    inputs = tmp_path / "cli" / "inputs" / str(YEAR)
    shutil.copytree(builds.inputs(build), inputs)
    out = tmp_path / "cli" / "outputs"
    subprocess.run([sys.executable, str(ROOT / "generate.py"), "build", "--year", str(YEAR), "--inputs", str(inputs),
                    "--outputs", str(out), "--lang", "it"], check=True, cwd=ROOT, capture_output=True)
    compared = [n for n in files if n.endswith(".csv") or n == f"report_{YEAR}_it.pdf"] + ["datapackage.json"]
    assert len(compared) == 4
    for name in compared:
        assert (out / name).read_bytes() == (builds.outputs(build) / name).read_bytes(), name

    # A file downloads with its SHA-256; the HTML edition opens in the browser, sandboxed.
    html = client.get(files[f"report_{YEAR}.html"]["url"])
    assert html.status_code == 200 and "sandbox" in html["Content-Security-Policy"]

    # The council sees nothing before it is shared; then the build, its editions and its workbook, and no more.
    shelf = login(Client(), council)
    page_url = reverse("portal:build", kwargs={"year": YEAR, "number": build.number})
    assert shelf.get(page_url).status_code == 404
    assert shelf.get(files[f"report_{YEAR}.pdf"]["url"]).status_code == 404
    client.post(reverse("portal:build_mark", kwargs={"year": YEAR, "number": build.number}), {"what": "publish"})
    assert Build.objects.get(pk=build.pk).published
    assert f"Composizione {build.number}" in shelf.get(reverse("portal:shelf", kwargs={"year": YEAR})).content.decode()
    assert shelf.get(page_url).status_code == 200
    pdf = shelf.get(files[f"report_{YEAR}.pdf"]["url"])
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert shelf.get(files[council_name(YEAR)]["url"]).status_code == 200
    for internal in [f"validation_{YEAR}.csv", *(n for n in files if n.startswith("feedback/"))]:
        assert shelf.get(files[internal]["url"]).status_code == 404, internal
    sub = Submission.objects.get(department="CULTURA")
    for url in (reverse("portal:file", kwargs={"year": YEAR, "code": "CULTURA", "pk": sub.pk}),
                reverse("portal:submission", kwargs={"year": YEAR, "code": "CULTURA", "pk": sub.pk}),
                f"/api/v1/years/{YEAR}/submissions/{sub.pk}", f"/api/v1/years/{YEAR}/builds/{build.pk}"):
        assert shelf.get(url).status_code in (403, 404), url
    status = shelf.get(reverse("portal:build_status", kwargs={"year": YEAR, "number": build.number})).json()
    assert "submissions" not in status and not status["log"]
    assert f"validation_{YEAR}.csv" not in {f["name"] for f in status["files"]}

    # The public zip: the editions, charts, open data and its package; never an internal file.
    archive = zipfile.ZipFile(io.BytesIO(shelf.get(reverse("portal:published_zip", kwargs={"year": YEAR})).content))
    inside = {n.split("/", 1)[1] for n in archive.namelist()}
    assert {f"report_{YEAR}.pdf", f"report_{YEAR}.html", f"activities_{YEAR}.csv",
            "datapackage.json"} <= inside and any(n.startswith("charts/") for n in inside)
    assert not any(n.endswith(".xlsx") or n.startswith("validation") or n.startswith("feedback") for n in inside)
