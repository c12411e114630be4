"""Telling people: notification rows for the web app, e-mail through a task."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.dispatch import dispatch_on_commit
from directory.models import Person
from documents.models import Document
from notifications.models import Notification, NotificationKind
from notifications.rendering import notification_render
from notifications.tasks import notifications_email


def _unique(recipients: Iterable[Person]) -> list[Person]:
    seen: dict[int, Person] = {}
    for person in recipients:
        seen.setdefault(person.pk, person)
    return list(seen.values())


def notification_send(
    *,
    recipients: Iterable[Person],
    kind: str,
    document: Document | None,
    context: dict[str, Any] | None = None,
) -> None:
    """Write one notification per distinct recipient and e-mail those with an address.

    `kind` is a NotificationKind value; `context` fills the kind's templates (actor_name,
    reason, due_at ...). The rows join the caller's transaction and the e-mail task is
    sent only once it commits, in batches of NOTIFICATIONS_EMAIL_BATCH_SIZE, so a rolled
    back action tells nobody. Raises ValueError for an unknown kind.
    """
    if kind not in NotificationKind.values:
        raise ValueError(f"unknown notification kind: {kind!r}")
    people = _unique(recipients)
    if not people:
        return
    rendered = notification_render(kind=kind, document=document, context=context or {})
    # No savepoint: the rows belong to the caller's action, which fails with them.
    with transaction.atomic(savepoint=False):
        rows = Notification.objects.bulk_create(
            Notification(
                recipient=person,
                kind=kind,
                document=document,
                title=rendered.title,
                body=rendered.body,
            )
            for person in people
        )
    to_email = [row.pk for row, person in zip(rows, people, strict=True) if person.email]
    size: int = settings.NOTIFICATIONS_EMAIL_BATCH_SIZE
    for start in range(0, len(to_email), size):
        dispatch_on_commit(notifications_email, to_email[start : start + size])


def notification_mark_read(*, notification: Notification) -> Notification:
    """Mark one notification read; reading it again keeps the first time."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, person: Person) -> int:
    """Mark every unread notification of `person` read; returns how many changed."""
    return Notification.objects.filter(
        recipient=person, read_at__isnull=True, withdrawn_at__isnull=True
    ).update(read_at=timezone.now())


def notifications_withdraw(*, recipient: Person, document: Document, kind: str) -> int:
    """Withdraw `recipient`'s `kind` notices about `document`; returns how many.

    For a request that no longer stands, such as a deputy's task that went back to
    the assignee: the inbox stops showing them and an e-mail not yet sent never goes.
    The rows are kept (withdrawn_at set), so what was sent stays on record.
    """
    return Notification.objects.filter(
        recipient=recipient, document=document, kind=kind, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
