"""Audit events and notifications of the approval actions, in one shape."""

from collections.abc import Iterable
from typing import Any

from django.db import models

from approvals.models import Reference
from audit.services import audit_record
from directory.models import Person
from documents.models import Document
from notifications.services import notification_send, notifications_withdraw


def version_hash(document: Document) -> str:
    """The SHA-256 of the document's current version ("" before the first snapshot)."""
    version = document.current_version
    return version.content_hash if version is not None else ""


def action_record(
    *,
    action: str,
    actor: Person | None,
    document: Document,
    client_address: str | None = None,
    data: dict[str, Any] | None = None,
    target: models.Model | None = None,
) -> None:
    """Append the audit event of an approval action (actor None: the system acted)."""
    audit_record(
        action=action,
        actor=actor.user if actor is not None else None,
        document=document,
        version_hash=version_hash(document),
        client_address=client_address,
        data=data,
        target=target,
        actor_name=actor.name if actor is not None else None,
    )


def people_notify(
    *,
    recipients: Iterable[Person],
    kind: str,
    document: Document,
    context: dict[str, Any] | None = None,
) -> None:
    notification_send(recipients=recipients, kind=kind, document=document, context=context)


def references_of(document: Document) -> list[Person]:
    """The people the document is sent to for reference (참조): told, never asked."""
    ids = Reference.objects.filter(document=document).values("person_id")
    return list(Person.objects.filter(pk__in=ids).order_by("pk"))


def task_notice_withdraw(*, person: Person, document: Document) -> None:
    """Withdraw the "waiting for you" notice of someone whose step went to another."""
    notifications_withdraw(recipient=person, document=document, kind="task_assigned")
