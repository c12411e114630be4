"""How the documents app writes its audit events."""

from typing import Any

from audit.models import AuditEvent
from audit.services import audit_record
from directory.models import Person
from documents.models import Document


def document_event(
    *,
    action: str,
    actor: Person | None,
    document: Document,
    client_address: str | None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record `action` on `document`.

    A draft that was never submitted is named only as the event's target, not linked:
    the audit log protects the documents it links, and the drafter may still delete
    such a draft (the log keeps its "document.deleted"). Once a version exists the
    event links the document and carries the current version's hash.
    """
    version = document.current_version
    return audit_record(
        action=action,
        actor=actor.user if actor is not None else None,
        document=document if version is not None else None,
        version_hash=version.content_hash if version is not None else "",
        client_address=client_address,
        data=data,
        target=document,
    )
