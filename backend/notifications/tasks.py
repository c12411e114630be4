"""Notification tasks: thin wrappers that take ids and call notifications.emailing."""

from datetime import timedelta

from celery import Task, shared_task
from django.conf import settings

from core.dispatch import dispatch_on_commit
from notifications.emailing import notifications_email_send, notifications_unsent


@shared_task(
    bind=True,
    name="notifications.email",
    time_limit=settings.NOTIFICATIONS_EMAIL_TIME_LIMIT_SECONDS,
    soft_time_limit=max(settings.NOTIFICATIONS_EMAIL_TIME_LIMIT_SECONDS - 10, 1),
    max_retries=5,
)
def notifications_email(self: Task[[list[int]], int], notification_ids: list[int]) -> int:
    """E-mail the notifications; failed sends are retried with growing delays.

    Running in process (no broker), a retry would block the request that sent the
    notification, so failures are left to the sweep task instead.
    """
    outcome = notifications_email_send(notification_ids=notification_ids)
    if outcome.failed and not self.request.is_eager:
        raise self.retry(args=(outcome.failed,), countdown=60 * 2**self.request.retries)
    return outcome.sent


@shared_task(name="notifications.email_sweep", time_limit=60, soft_time_limit=50)
def notifications_email_sweep() -> int:
    """Queue the e-mails that have waited too long (a worker died, retries ran out)."""
    ids = notifications_unsent(
        older_than=timedelta(minutes=settings.NOTIFICATIONS_EMAIL_SWEEP_AFTER_MINUTES),
        within=timedelta(days=1),
    )
    if ids:
        dispatch_on_commit(notifications_email, ids)
    return len(ids)
