"""The portal app: its signals (the audit log of logins) connect when Django is ready."""
from django.apps import AppConfig

from report.texts import pair


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = pair("portal.name").both()

    def ready(self) -> None:
        from portal import audit  # noqa: F401 - connects the login signals
