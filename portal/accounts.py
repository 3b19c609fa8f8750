"""Accounts made by the coordination team: add, list, disable, reset a password, an API token, the demo set.
The user name is the e-mail address, lower case. Every change is in the audit log."""
from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from rest_framework.authtoken.models import Token

from portal import audit, store
from portal.models import DEPARTMENT, Profile
from report.texts import pair

DEMO_PASSWORD = "demo-portale-2025"


class AccountError(ValueError):
    """A bad account request: one bilingual line."""


def _user(email: str):
    user = get_user_model().objects.filter(username=email.strip().lower()).first()
    if user is None:
        raise AccountError(f"{pair('portal.account.unknown').both()}: {email}")
    return user


def _password(password: str, user=None) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise AccountError(f"{pair('portal.account.password').both()}: " + " ".join(exc.messages)) from exc


def add(email: str, role: str, department: str, password: str, hashed: str = ""):
    """A new account; `hashed`: the password already hashed (the demo accounts share one hashing)."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise AccountError(f"{pair('portal.account.email').both()}: {email}") from exc
    department = department.strip().upper()
    codes = store.report_settings(settings.PORTAL_YEAR).config.codes
    if role == DEPARTMENT and department not in codes:
        raise AccountError(f"{pair('cli.unknown_department').both()}: {department or '-'} "
                           f"({pair('cli.use_one_of').both()} {', '.join(codes)})")
    if role != DEPARTMENT and department:
        raise AccountError(pair("portal.account.department_only").both())
    model = get_user_model()
    if model.objects.filter(username=email).exists():
        raise AccountError(f"{pair('portal.account.exists').both()}: {email}")
    if not hashed:
        _password(password)
    with transaction.atomic():
        user = model.objects.create_user(username=email, email=email, password=None if hashed else password)
        if hashed:
            user.password = hashed
            user.save(update_fields=["password"])
        Profile.objects.create(user=user, role=role, department=department)
        audit.record("account_add", email=email, role=role, department=department)
    return user


def listing() -> list[str]:
    rows = Profile.objects.select_related("user").order_by("role", "department", "user__username")
    state = {True: pair("portal.account.active").both("/"), False: pair("portal.account.inactive").both("/")}
    return [f"{p.user.username}\t{p.role}\t{p.department or '-'}\t{state[p.user.is_active]}" for p in rows]


def disable(email: str) -> None:
    user = _user(email)
    user.is_active = False
    user.save(update_fields=["is_active"])
    Token.objects.filter(user=user).delete()
    audit.record("account_disable", email=user.username)


def reset(email: str, password: str) -> None:
    from axes.utils import reset as axes_reset

    user = _user(email)
    _password(password, user)
    user.set_password(password)
    user.is_active = True
    user.save()
    axes_reset(username=user.username)
    audit.record("account_reset", email=user.username)


def token(email: str) -> str:
    user = _user(email)
    if not user.is_active:
        raise AccountError(f"{pair('portal.account.disabled').both()}: {email}")
    key = Token.objects.get_or_create(user=user)[0].key
    audit.record("token_add", email=user.username)
    return key


def demo() -> list[str]:
    """An account per department of the configuration (and a coordinator), password DEMO_PASSWORD; the lines
    that tell how to log in."""
    codes = store.report_settings(settings.PORTAL_YEAR).config.codes
    wanted = [(f"{code.lower()}@demo.invalid", DEPARTMENT, code) for code in codes]
    wanted.append(("coordinamento@demo.invalid", "coordinator", ""))
    wanted.append(("consiglio@demo.invalid", "council", ""))
    model = get_user_model()
    hashed = make_password(DEMO_PASSWORD)   # once: hashing is slow on purpose
    for email, role, code in wanted:
        if not model.objects.filter(username=email).exists():
            add(email, role, code, DEMO_PASSWORD, hashed=hashed)
    return [f"{pair('portal.demo_accounts').both()} (password: {DEMO_PASSWORD})",
            *(f"  {email}  ({f'{role} {code}'.strip()})" for email, role, code in wanted)]
