"""The department pages: upload, result, findings, feedback, history, retry, template and chapter preview."""
from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal import store
from portal.models import AuditEvent, Submission
from portal_helpers import YEAR, as_cultura, cultura, data_dir, fixed, sample, with_mistakes  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def url(name, **kw):
    return reverse(f"portal:{name}", kwargs={"year": YEAR, "code": "CULTURA", **kw})


def upload(client, path, name=None):
    return client.post(url("upload"), {"file": SimpleUploadedFile(name or path.name, path.read_bytes())})


def test_a_department_user_lands_on_its_year_page(as_cultura):
    response = as_cultura.get(reverse("portal:home"), follow=True)
    assert response.redirect_chain[-1][0] == url("year")
    page = response.content.decode()
    assert "Cultura" in page and 'type="file"' in page and "Storico degli invii" in page


def test_an_upload_with_mistakes_shows_status_ledger_findings_and_feedback(as_cultura, tmp_path):
    path = with_mistakes(tmp_path)
    response = upload(as_cultura, path)
    sub = Submission.objects.get()
    assert response.status_code == 302 and response["Location"] == url("submission", pk=sub.pk)
    assert sub.status == "errors" and sub.counts == {"read": 3, "accepted": 2, "rejected": 1, "outside": 0}
    assert sub.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() and sub.size == path.stat().st_size
    assert store.file_path(sub).read_bytes() == path.read_bytes()   # kept whole, named by its SHA-256
    assert store.file_path(sub).name == f"{sub.sha256}.xlsx"
    page = as_cultura.get(url("submission", pk=sub.pk)).content.decode()
    severities = [f["severity"] for f in sub.findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)   # errors first
    assert "con errori" in page and "Tipologia" in page
    assert sub.findings[0]["message_en"] in page.replace("&#x27;", "'")   # the other language one click away
    feedback = as_cultura.get(url("feedback", pk=sub.pk))
    assert feedback.status_code == 200 and b"".join(feedback.streaming_content)[:2] == b"PK"
    original = as_cultura.get(url("file", pk=sub.pk))
    assert b"".join(original.streaming_content) == path.read_bytes()
    assert set(AuditEvent.objects.values_list("action", flat=True)) >= {"upload", "download"}


def test_a_fixed_file_becomes_current_clean_and_history_keeps_both(as_cultura, tmp_path):
    upload(as_cultura, with_mistakes(tmp_path))
    (tmp_path / "again").mkdir()
    upload(as_cultura, fixed(tmp_path / "again"))
    first, second = Submission.objects.order_by("id")
    assert (first.status, second.status) == ("errors", "clean")
    assert store.current("CULTURA", YEAR) == second
    page = as_cultura.get(url("year")).content.decode()
    assert page.count(f"title=\"{first.sha256}\"") == 1 and page.count(f"title=\"{second.sha256}\"") == 1
    assert as_cultura.get(url("feedback", pk=second.pk)).status_code == 404   # clean: no feedback workbook


def test_the_chapter_preview_is_the_report_chapter_of_the_current_submission(as_cultura, tmp_path):
    upload(as_cultura, sample(tmp_path))
    page = as_cultura.get(url("preview")).content.decode()
    assert 'sandbox' in page and url("chapter") in page
    chapter = as_cultura.get(url("chapter"))
    html = chapter.content.decode()
    assert chapter["X-Frame-Options"] == "SAMEORIGIN"
    assert 'class="department has-activities"' in html and html.count('class="activity') >= 12
    assert reverse("portal:report_css") in html and "<script" not in html
    css = as_cultura.get(reverse("portal:report_css")).content.decode()
    assert "@font-face" in css and ".department" in css


def test_the_first_preview_does_not_read_and_check_the_file_again(as_cultura, tmp_path, monkeypatch):
    """The upload's check keeps what the chapter is made of: the preview renders it without the reader, and the
    kept data go once the chapter is kept. The chapter is the one rendered from a check of the file."""
    from report import api

    upload(as_cultura, sample(tmp_path))
    sub = Submission.objects.get()
    assert store.chapter_data_path(sub).is_file()
    expected = api.chapter_html(api.check_file(store.file_path(sub), store.report_settings(YEAR)).data, "CULTURA",
                                reverse("portal:report_css"))
    reads = []
    real = api.read_submission
    monkeypatch.setattr(api, "read_submission", lambda *a, **kw: reads.append(a) or real(*a, **kw))
    assert as_cultura.get(url("chapter")).content.decode() == expected
    assert reads == [] and not store.chapter_data_path(sub).exists()
    assert as_cultura.get(url("chapter")).content.decode() == expected and reads == []   # kept


@pytest.mark.parametrize("kept", ["none", "damaged", "other version"])
def test_a_preview_without_usable_kept_data_checks_the_file_again(as_cultura, tmp_path, monkeypatch, kept):
    """A file checked before its chapter's data were kept, or whose kept data cannot be used, is read again."""
    import pickle

    from report import api

    upload(as_cultura, sample(tmp_path))
    sub = Submission.objects.get()
    path = store.chapter_data_path(sub)
    if kept == "none":
        path.unlink()
    elif kept == "damaged":
        path.write_bytes(path.read_bytes()[:1000])
    else:
        path.write_bytes(pickle.dumps({"version": api.CHAPTER_DATA_VERSION + 1, "year": YEAR, "frame": None}))
    reads = []
    real = api.read_submission
    monkeypatch.setattr(api, "read_submission", lambda *a, **kw: reads.append(a) or real(*a, **kw))
    html = as_cultura.get(url("chapter")).content.decode()
    assert len(reads) == 1 and html.count('class="activity') >= 12


def test_a_crash_while_checking_keeps_the_file_and_offers_a_retry(as_cultura, tmp_path, monkeypatch):
    from report import api

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    real = api.check_file
    monkeypatch.setattr(api, "check_file", crash)
    upload(as_cultura, sample(tmp_path))
    sub = Submission.objects.get()
    assert sub.status == "unchecked" and store.file_path(sub).is_file()
    page = as_cultura.get(url("submission", pk=sub.pk)).content.decode()
    assert "Riprova il controllo" in page
    monkeypatch.setattr(api, "check_file", real)
    as_cultura.post(url("retry", pk=sub.pk))
    sub.refresh_from_db()
    assert sub.status == "clean" and sub.counts["accepted"] == 12


def test_the_template_download_is_the_generator_s_workbook(as_cultura):
    response = as_cultura.get(url("template"))
    assert response.status_code == 200
    assert 'CULTURA' in response["Content-Disposition"]
    assert b"".join(response.streaming_content)[:2] == b"PK"


@pytest.mark.parametrize("name, status", [("notes.txt", 415), ("macro.xls", 415)])
def test_a_file_that_is_not_a_workbook_is_refused_and_not_stored(as_cultura, tmp_path, name, status):
    path = tmp_path / name
    path.write_bytes(b"hello")
    response = upload(as_cultura, path)
    assert response.status_code == status and not Submission.objects.exists()
    assert "Tipo di file non accettato" in response.content.decode()


def test_a_body_over_the_limit_is_refused_before_it_is_read(as_cultura, settings):
    response = as_cultura.generic("POST", url("upload"), b"", content_type="multipart/form-data; boundary=x",
                                  CONTENT_LENGTH=str(settings.PORTAL_MAX_BYTES + 10 ** 6))
    assert response.status_code == 413 and not Submission.objects.exists()


def test_the_english_interface(as_cultura, tmp_path):
    upload(as_cultura, with_mistakes(tmp_path))
    as_cultura.post(reverse("portal:set_language"), {"language": "en", "next": "/"})
    sub = Submission.objects.get()
    page = as_cultura.get(url("submission", pk=sub.pk)).content.decode()
    assert '<html lang="en">' in page and "Findings" in page
    assert sub.findings[0]["message_it"].split()[0] in page   # Italian one click away
