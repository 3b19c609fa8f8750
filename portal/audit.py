"""The audit log: one record per login, failed login, upload, download and account change."""
from __future__ import annotations

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from portal.models import AuditEvent

log = logging.getLogger(__name__)


def _address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def record(action: str, *, user=None, email: str = "", request=None, **detail) -> AuditEvent:
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    event = AuditEvent.objects.create(user=user, email=email or (user.email if user else ""), action=action,
                                      detail=detail, address=_address(request))
    log.info("audit %s %s %s", action, event.email, detail)
    return event


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record("login", user=user, request=request)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record("logout", user=user, request=request)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    record("login_failed", email=str(credentials.get("username", ""))[:254], request=request)
