"""Who may see and do what: a department user its own department only, the coordinator every department, the
council nothing of the submissions (its shelf is the next issue). Anything out of reach is a 404, never a hint
that it exists."""
from __future__ import annotations

from django.http import Http404

from portal.models import COORDINATOR, DEPARTMENT, Profile, Submission


def profile(user) -> Profile | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return Profile.objects.filter(user=user).first()


def role(user) -> str:
    p = profile(user)
    return p.role if p else ""


def departments(user, codes: tuple[str, ...]) -> tuple[str, ...]:
    """The departments the user may see, in chapter order."""
    p = profile(user)
    if p is None:
        return ()
    if p.role == COORDINATOR:
        return codes
    if p.role == DEPARTMENT and p.department in codes:
        return (p.department,)
    return ()


def require_department(user, code: str, codes: tuple[str, ...]) -> str:
    code = code.upper()
    if code not in departments(user, codes):
        raise Http404
    return code


def submissions(user, year: int, codes: tuple[str, ...]):
    return Submission.objects.filter(year=year, department__in=departments(user, codes))


def submission(user, year: int, pk: int, codes: tuple[str, ...]) -> Submission:
    found = submissions(user, year, codes).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
