"""Applying an approved personnel action on its effective date."""

from datetime import datetime, time

from django.utils import timezone

from documents.models import Document, PersonnelAction
from documents.services import personnel_apply


def personnel_effective_at(*, document_id: int) -> datetime:
    """Local midnight (TIME_ZONE) of the action's effective date: when it applies."""
    day = PersonnelAction.objects.values_list("effective_date", flat=True).get(
        document_id=document_id
    )
    return timezone.make_aware(datetime.combine(day, time.min))


def personnel_action_apply(*, document_id: int) -> None:
    """Apply the action to the directory (once; personnel_apply records the event).

    The flow calls this only after its effective date has come: straight after the
    approval when the date has passed, else when the `wait_effective_date` timer
    fires. The date therefore counts as today for personnel_apply's own date guard,
    which protects its other callers, even if the sweep runs a little early or late.
    """
    document = Document.objects.select_related("current_version", "personnel").get(pk=document_id)
    personnel_apply(document=document, today=document.personnel.effective_date)
