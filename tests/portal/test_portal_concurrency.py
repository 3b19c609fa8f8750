"""Two uploads of one department at the same moment: both end in the history, the later becomes current."""
from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal import store
from portal.models import Submission
from portal_helpers import YEAR, at_once, cultura, data_dir, fixed, with_mistakes  # noqa: F401 - fixtures


@pytest.mark.django_db(transaction=True)
def test_two_uploads_at_once_are_both_kept(cultura, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    files = [with_mistakes(tmp_path / "a"), fixed(tmp_path / "b")]

    def send(path):
        sub = store.store(SimpleUploadedFile(path.name, path.read_bytes()), user=cultura, department="CULTURA",
                          year=YEAR)
        store.check(sub)

    errors = at_once(send, files)
    assert errors == []
    subs = list(Submission.objects.order_by("uploaded_at", "id"))
    assert len(subs) == 2 and {s.status for s in subs} == {"errors", "clean"}
    assert store.current("CULTURA", YEAR) == subs[-1]
    assert all(store.file_path(s).is_file() for s in subs)
