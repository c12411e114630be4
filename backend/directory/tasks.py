"""Scheduled work of the directory app (see CELERY_BEAT_SCHEDULE)."""

from typing import Any

from celery import shared_task
from django.conf import settings

from directory.services.sync import directory_sync


@shared_task(
    name="directory.sync",
    time_limit=settings.DIRECTORY_SYNC_TIME_LIMIT_SECONDS,
    soft_time_limit=max(1, settings.DIRECTORY_SYNC_TIME_LIMIT_SECONDS - 60),
)
def sync_directory() -> dict[str, Any]:
    """Sync from LDAP; safe to run twice (the second run changes nothing).

    Returns counts only: the result backend must not hold personal data.
    """
    if not settings.LDAP_SERVER_URI:
        return {"skipped": "LDAP_SERVER_URI is not set"}
    result = directory_sync().as_dict()
    result["problems"] = len(result["problems"])
    return result
