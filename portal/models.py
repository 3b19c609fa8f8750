"""The portal's records: who is who (role, department), years, submissions and the audit log."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEPARTMENT, COORDINATOR, COUNCIL = "department", "coordinator", "council"
ROLES = ((DEPARTMENT, _("settore")), (COORDINATOR, _("coordinamento")), (COUNCIL, _("consiglio")))

# A submission's status: the four of report.api once checked; before, or when checking crashed, the two others.
PENDING, UNCHECKED = "pending", "unchecked"
STATUSES = ((PENDING, _("in controllo")), (UNCHECKED, _("non controllato")), ("rejected", _("respinto")),
            ("errors", _("con errori")), ("warnings", _("con avvisi")), ("clean", _("corretto")))


class Profile(models.Model):
    """A person's role, and a department user's department (its code in the configuration)."""
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(max_length=20, choices=ROLES)
    department = models.CharField(max_length=40, blank=True)

    def __str__(self) -> str:
        return f"{self.user.email} ({self.role} {self.department})".strip()


class Year(models.Model):
    """A report year as the portal knows it: the deadline the coordinator sets, and whether uploads are open."""
    year = models.PositiveIntegerField(primary_key=True)
    deadline = models.DateField(null=True, blank=True)
    open = models.BooleanField(default=True)


class Submission(models.Model):
    """One upload: the file kept by its SHA-256 (the browser's name only as data), and what checking it found."""
    department = models.CharField(max_length=40, db_index=True)
    year = models.PositiveIntegerField(db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="submissions")
    uploaded_at = models.DateTimeField(auto_now_add=True, db_index=True)
    file_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    suffix = models.CharField(max_length=8)
    status = models.CharField(max_length=12, choices=STATUSES, default=PENDING)
    counts = models.JSONField(default=dict)
    findings = models.JSONField(default=list)
    feedback_name = models.CharField(max_length=255, blank=True)
    file_department = models.CharField(max_length=40, blank=True)   # the department the file says it is from
    on_behalf = models.BooleanField(default=False)   # uploaded by the coordinator for the department
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    @property
    def stored_name(self) -> str:
        return f"{self.sha256}{self.suffix}"

    @property
    def checked(self) -> bool:
        return self.status not in (PENDING, UNCHECKED)


class AuditEvent(models.Model):
    """Who did what when: logins, failed logins, uploads, downloads, account changes."""
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    email = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=40, db_index=True)
    detail = models.JSONField(default=dict)
    address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]


# A build of the report from the portal: queued by a request, run by the worker (portal.builds), kept whole.
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
BUILD_STATES = ((QUEUED, _("in coda")), (RUNNING, _("in corso")), (DONE, _("completata")), (FAILED, _("fallita")))
STAGES = (("reading", _("lettura dei file")), ("checking", _("controllo")), ("data", _("file di dati")),
          ("charts", _("grafici")), ("editions", _("edizioni")))


class Build(models.Model):
    """One build of a year's report: its number within the year, the submissions it used (SHA-256), its stage,
    log and files; published (public zip) and shared with the council (read-only shelf)."""
    year = models.PositiveIntegerField(db_index=True)
    number = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=BUILD_STATES, default=QUEUED)
    stage = models.CharField(max_length=12, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="builds")
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    submissions = models.JSONField(default=list)   # [{department, submission, sha256}]
    files = models.JSONField(default=list)         # [{name, size, sha256}]
    log = models.TextField(blank=True)
    reason_it = models.CharField(max_length=300, blank=True)
    reason_en = models.CharField(max_length=300, blank=True)
    published = models.BooleanField(default=False)
    shared = models.BooleanField(default=False)    # a draft marked for the council's review

    class Meta:
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="build_number_per_year"),
            models.UniqueConstraint(fields=["year"], condition=models.Q(state__in=("queued", "running")),
                                    name="one_build_at_a_time_per_year"),
        ]

    @property
    def for_council(self) -> bool:
        return self.state == DONE and (self.published or self.shared)
