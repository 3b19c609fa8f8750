"""The JSON API: tokens, uploads, listing, feedback and file downloads, and the bilingual error codes."""
from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from portal import accounts
from portal.models import Submission
from portal_helpers import (YEAR, coordinator, council, cultura, data_dir, sample, sport,  # noqa: F401 - fixtures
                            with_mistakes)

pytestmark = pytest.mark.django_db
BASE = f"/api/v1/years/{YEAR}/submissions"


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {accounts.token(user.email)}")
    return client


def post(client, path, **fields):
    return client.post(BASE, {"file": SimpleUploadedFile(path.name, path.read_bytes()), **fields},
                       format="multipart")


def test_a_department_uploads_and_reads_its_submission_with_a_token(cultura, tmp_path):
    client = client_for(cultura)
    response = post(client, with_mistakes(tmp_path))
    assert response.status_code == 201
    body = response.json()
    assert set(body) >= {"id", "department", "year", "file_name", "sha256", "size", "uploaded_at", "status",
                         "counts", "findings"}
    assert (body["department"], body["year"], body["status"]) == ("CULTURA", YEAR, "errors")
    assert body["counts"] == {"read": 3, "accepted": 2, "rejected": 1, "outside": 0}
    assert set(body["findings"][0]) == {"source_file", "sheet", "source_row", "column", "cell", "department",
                                        "severity", "code", "message_it", "message_en"}
    assert client.get(BASE).json()[0]["id"] == body["id"]
    assert client.get(f"{BASE}/{body['id']}").json()["sha256"] == body["sha256"]
    feedback = client.get(f"{BASE}/{body['id']}/feedback")
    assert feedback.status_code == 200 and b"".join(feedback.streaming_content)[:2] == b"PK"
    original = client.get(f"{BASE}/{body['id']}/file")
    assert b"".join(original.streaming_content) == (tmp_path / "cultura.xlsx").read_bytes()


def test_a_clean_submission_has_no_feedback(cultura, tmp_path):
    client = client_for(cultura)
    sub = post(client, sample(tmp_path)).json()
    assert sub["status"] == "clean"
    response = client.get(f"{BASE}/{sub['id']}/feedback")
    assert response.status_code == 404 and set(response.json()) == {"error_it", "error_en"}


def test_without_a_valid_token_401(db):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Token nope"}):
        response = APIClient().get(BASE, **headers)
        assert response.status_code == 401
        assert response.json()["error_en"].startswith("Login required")


def test_another_department_s_submission_is_404(cultura, sport, tmp_path):
    sub = post(client_for(cultura), sample(tmp_path)).json()
    other = client_for(sport)
    for suffix in ("", "/feedback", "/file"):
        response = other.get(f"{BASE}/{sub['id']}{suffix}")
        assert response.status_code == 404 and set(response.json()) == {"error_it", "error_en"}
    assert other.get(BASE).json() == []


def test_a_council_user_may_not_upload_403(council, tmp_path):
    response = post(client_for(council), sample(tmp_path))
    assert response.status_code == 403 and "error_it" in response.json()
    assert not Submission.objects.exists()


def test_a_coordinator_uploads_for_a_department(coordinator, tmp_path):
    client = client_for(coordinator)
    assert post(client, sample(tmp_path)).status_code == 400   # department required
    response = post(client, sample(tmp_path), department="cultura")
    assert response.status_code == 201 and response.json()["department"] == "CULTURA"
    assert client.get(BASE).json()[0]["id"] == response.json()["id"]


def test_not_a_workbook_415_and_too_large_413_are_not_stored(cultura, tmp_path, settings):
    client = client_for(cultura)
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    response = post(client, text)
    assert response.status_code == 415 and "error_en" in response.json()
    big = client.generic("POST", BASE, b"", content_type="multipart/form-data; boundary=x",
                         CONTENT_LENGTH=str(settings.PORTAL_MAX_BYTES + 10 ** 6))
    assert big.status_code == 413 and set(big.json()) == {"error_it", "error_en"}
    assert not Submission.objects.exists() and not any((settings.DATA_DIR / "files").glob("*/*"))


def test_a_file_just_over_the_limit_is_413_and_not_stored(cultura, tmp_path, settings):
    """A body within the request limit whose file is over 20 MB: refused after reading, before storing."""
    from report import api

    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * (api.MAX_BYTES + 1))
    response = post(client_for(cultura), path)
    assert response.status_code == 413 and not Submission.objects.exists()
    assert not any((settings.DATA_DIR / "files").glob("*/*"))


def test_the_openapi_schema_lists_the_endpoints(cultura):
    response = client_for(cultura).get("/api/v1/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    text = response.content.decode()
    for path in ("/api/v1/years/{year}/submissions", "/api/v1/years/{year}/submissions/{id}/feedback"):
        assert path in text
