"""Background work of the disclosure app: thin tasks that take ids and call services.

Every task is safe to run twice: tagging makes a document's review at most once, the
policies skip what they already did. Results are counts, ids and outcomes only.

- disclosure.tag_document: work one tagging job (disclosure.services.tagging_jobs);
  acks late and is re-queued if its worker dies, safe to run twice;
- disclosure.sweep_pending_tagging: run by beat every minute, it sends the task again
  for jobs left pending (a lost message, a killed worker), so a committed approval is
  never left without its review.
"""

from __future__ import annotations

from celery import shared_task


@shared_task(
    name="disclosure.tag_document",
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=300,
    soft_time_limit=240,
)
def tag_document(document_id: int) -> str:
    """Tag an approved document and queue it for review, unless that is done; the outcome."""
    from disclosure.services.tagging_jobs import tagging_run

    return tagging_run(document_id=document_id).value


@shared_task(name="disclosure.sweep_pending_tagging", time_limit=60, soft_time_limit=50)
def sweep_pending_tagging() -> int:
    """Send the tagging again for the jobs whose message was lost or whose worker died."""
    from disclosure.services.tagging_jobs import taggings_sweep

    return taggings_sweep()


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
