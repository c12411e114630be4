"""Approval lines, delegation rules and the actions on approval tasks."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApprovalsConfig(AppConfig):
    name = "approvals"
    verbose_name = _("Approvals")

    def ready(self) -> None:
        # The directory announces absences and moves; approvals moves the steps.
        from approvals.receivers import on_absence_changed, on_people_moved
        from directory.events import absence_changed, people_moved

        absence_changed.connect(on_absence_changed, dispatch_uid="approvals.absence_changed")
        people_moved.connect(on_people_moved, dispatch_uid="approvals.people_moved")
