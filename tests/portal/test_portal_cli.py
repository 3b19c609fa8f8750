"""The portal's command line (`generate.py portal …`): accounts, tokens, and the production settings check."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from portal.models import AuditEvent, Profile
from portal_helpers import ROOT, data_dir  # noqa: F401 - fixture
from report.cli.parser import main

pytestmark = pytest.mark.django_db


def test_user_add_list_disable_reset_and_token(capsys):
    assert main(["portal", "user", "add", "--role", "department", "--department", "cultura",
                 "--email", "Mario.Rossi@Example.org"]) == 0
    out = capsys.readouterr().out
    assert "mario.rossi@example.org (department CULTURA)" in out and "Password: " in out
    password = out.split("Password: ")[1].strip()
    user = get_user_model().objects.get(username="mario.rossi@example.org")
    assert user.check_password(password) and Profile.objects.get(user=user).department == "CULTURA"
    assert main(["portal", "user", "add", "--role", "coordinator", "--email", "c@example.org",
                 "--password", "una-password-lunga-2"]) == 0
    assert main(["portal", "user", "list"]) == 0
    listing = capsys.readouterr().out
    assert "mario.rossi@example.org\tdepartment\tCULTURA" in listing and "c@example.org\tcoordinator\t-" in listing
    assert main(["portal", "token", "add", "mario.rossi@example.org"]) == 0
    key = capsys.readouterr().out.strip()
    assert len(key) == 40
    assert main(["portal", "user", "disable", "mario.rossi@example.org"]) == 0
    user.refresh_from_db()
    assert not user.is_active
    assert main(["portal", "user", "reset", "mario.rossi@example.org", "--password", "nuova-password-lunga"]) == 0
    user.refresh_from_db()
    assert user.is_active and user.check_password("nuova-password-lunga")
    assert {"account_add", "account_disable", "account_reset", "token_add"} <= set(
        AuditEvent.objects.values_list("action", flat=True))


@pytest.mark.parametrize("argv, message", [
    (["user", "add", "--role", "department", "--department", "NOPE", "--email", "a@example.org"],
     "unknown department"),
    (["user", "add", "--role", "council", "--department", "CULTURA", "--email", "a@example.org"],
     "only a department account has a department"),
    (["user", "add", "--role", "coordinator", "--email", "not-an-email"], "invalid e-mail"),
    (["user", "add", "--role", "coordinator", "--email", "a@example.org", "--password", "short"],
     "password not accepted"),
    (["user", "disable", "nobody@example.org"], "unknown account"),
    (["user", "add", "--role", "king", "--email", "a@example.org"], "invalid choice"),
])
def test_bad_requests_are_one_line_and_exit_2(capsys, argv, message):
    assert main(["portal", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


def test_the_production_settings_pass_check_deploy(tmp_path):
    env = {**os.environ, "PORTAL_DATA": str(tmp_path), "PORTAL_SECURE": "1", "PORTAL_ALLOWED_HOSTS": "portal.example.org",
           "PORTAL_SMTP_HOST": "smtp.example.org",
           "PORTAL_SECRET_KEY": "k" * 20 + "Zq9!x" * 10}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run([sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
                          env=env, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
    local = subprocess.run([sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
                           env={**env, "PORTAL_SECURE": "", "PORTAL_SECRET_KEY": ""}, capture_output=True, text=True,
                           cwd=ROOT)
    assert local.returncode != 0   # the local defaults are not production settings, and the check says so
