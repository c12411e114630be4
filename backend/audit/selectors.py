"""Reading the audit log."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db.models import QuerySet

from audit.models import AuditEvent
from directory.models import Role

AUDIT_READER_ROLES = (Role.ADMINISTRATOR, Role.RECORDS_OFFICER)


def user_may_read_audit(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    """Administrators and records officers (their Role groups) and superusers read the log."""
    if not isinstance(user, User) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=AUDIT_READER_ROLES).exists()


def audit_event_list(
    *, document_id: int | None = None, action: str = "", actor_id: int | None = None
) -> QuerySet[AuditEvent]:
    """Events, newest first, narrowed to a document, an action (or an action prefix
    ending in a dot, such as "step."), and an acting user."""
    events = AuditEvent.objects.all()
    if document_id is not None:
        events = events.filter(document_id=document_id)
    if action.endswith("."):
        events = events.filter(action__startswith=action)
    elif action:
        events = events.filter(action=action)
    if actor_id is not None:
        events = events.filter(actor_id=actor_id)
    return events.order_by("-sequence")


def audit_events_for_document(*, document_id: int) -> QuerySet[AuditEvent]:
    """A document's events in the order they happened: what its timeline is built from."""
    return AuditEvent.objects.filter(document_id=document_id).order_by("sequence")
