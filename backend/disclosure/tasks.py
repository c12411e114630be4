"""Background work of the disclosure app: thin tasks that take ids and call services.

Every task is safe to run twice: tagging returns the review it made, the
policies skip what they already did. Results are counts and ids only.
"""

from __future__ import annotations

from celery import shared_task


@shared_task(name="disclosure.tag_document", time_limit=300, soft_time_limit=240)
def tag_document(document_id: int) -> int:
    """Tag an approved document and queue it for review; returns the review's id."""
    from disclosure.services.tagging import disclosure_tag

    return disclosure_tag(document_id=document_id).pk


@shared_task(name="disclosure.auto_publish", time_limit=1800, soft_time_limit=1700)
def auto_publish() -> int:
    """Publish the open documents nobody held (DISCLOSURE_AUTO_PUBLISH_DAYS)."""
    from disclosure.services.publish import publications_auto_publish

    return publications_auto_publish()


@shared_task(name="disclosure.rereview_due", time_limit=600, soft_time_limit=540)
def rereview_due() -> int:
    """Re-queue the ground-5 reviews whose re-review date has passed."""
    from disclosure.services.rereview import reviews_reopen_due

    return reviews_reopen_due()


@shared_task(name="disclosure.remind_requests", time_limit=600, soft_time_limit=540)
def remind_requests() -> int:
    """Remind records officers of disclosure requests whose deadline is near."""
    from disclosure.services.request_decisions import disclosure_requests_remind

    return disclosure_requests_remind()
