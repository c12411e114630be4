"""Sending notification e-mails, at most once each."""

import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from notifications.models import Notification

logger = logging.getLogger(__name__)

# What a mail server or the network raise when a send fails and may work later.
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (smtplib.SMTPException, OSError)


@dataclass
class EmailOutcome:
    sent: int = 0
    skipped: int = 0
    failed: list[int] = field(default_factory=list)


def _send_one(pk: int, connection: BaseEmailBackend) -> bool:
    """Send one notification's e-mail unless it went out already; True when sent.

    The row is locked while sending, so two workers given the same id send once;
    `emailed_at` is written in the same transaction, so a failed send leaves it empty
    for a retry.
    """
    with transaction.atomic():
        row = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk=pk, emailed_at__isnull=True, withdrawn_at__isnull=True)
            .first()
        )
        if row is None or not row.recipient.email or not row.recipient.active:
            return False
        subject = f"[{settings.NOTIFICATIONS_SITE_NAME}] {row.title}"
        EmailMessage(
            subject=subject, body=row.body, to=[row.recipient.email], connection=connection
        ).send()
        Notification.objects.filter(pk=pk).update(emailed_at=timezone.now())
    return True


def notifications_email_send(*, notification_ids: Sequence[int]) -> EmailOutcome:
    """E-mail each listed notification whose recipient has an address, once.

    A failure of one message does not stop the others; the failed ids are returned
    so the task can retry them. Log lines name ids and counts only, never addresses.
    """
    outcome = EmailOutcome()
    connection = get_connection()
    try:
        for pk in notification_ids:
            try:
                sent = _send_one(pk, connection)
            except TRANSIENT_ERRORS as exc:
                logger.warning("notification %s e-mail failed: %s", pk, type(exc).__name__)
                outcome.failed.append(pk)
                continue
            if sent:
                outcome.sent += 1
            else:
                outcome.skipped += 1
    finally:
        connection.close()
    logger.info(
        "notification e-mails: %d sent, %d skipped, %d failed",
        outcome.sent,
        outcome.skipped,
        len(outcome.failed),
    )
    return outcome


def notifications_unsent(*, older_than: timedelta, within: timedelta) -> list[int]:
    """Ids of notifications still waiting for their e-mail: the sweep's work list."""
    now = timezone.now()
    return list(
        Notification.objects.filter(
            emailed_at__isnull=True,
            withdrawn_at__isnull=True,
            created_at__lte=now - older_than,
            created_at__gte=now - within,
            recipient__active=True,
        )
        .exclude(recipient__email="")
        .order_by("id")
        .values_list("id", flat=True)[: settings.NOTIFICATIONS_EMAIL_BATCH_SIZE]
    )
