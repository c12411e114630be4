"""The outbox of disclosure tagging: every approved document gets its review, once.

Rules:
- `tagging_request` runs in the final approval's transaction: it writes the
  document's pending TaggingJob (one per document, however often it is called) and
  sends the task only once that transaction commits;
- `tagging_run` counts the attempt in a transaction of its own (so a worker killed
  while tagging still used one), then tags in one transaction; the review is made at
  most once (disclosure_tag locks the document and returns the review it made), and
  making or finding it marks the job done in that same transaction, so a run killed
  half-way leaves the job pending and nothing else;
- a transient failure (the database) leaves the job pending for the sweep; any other
  failure, or DISCLOSURE_TAGGING_MAX_ATTEMPTS runs, fails it (the error class is kept);
- `taggings_sweep`, run by beat every minute, sends the task again for every job left
  pending past DISCLOSURE_TAGGING_RETRY_SECONDS: a lost message, a killed worker.
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime, timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone

from core.dispatch import dispatch_on_commit
from disclosure.models import TaggingJob, TaggingStatus
from documents.models import Document

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    IntegrityError,  # a concurrent insert: the next run finds what it made
    SoftTimeLimitExceeded,
)
# A document that fails this way fails the same way next time (not approved, a bug in a
# detector): retrying would only spend the attempts.
PERMANENT_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    ArithmeticError,
    RecursionError,
    ObjectDoesNotExist,
)
SWEEP_BATCH = 500


class TagOutcome(enum.StrEnum):
    DONE = "done"  # the review exists now (made by this run or found)
    ALREADY_DONE = "already_done"
    BUSY = "busy"  # another run holds the job
    RETRY = "retry"  # transient failure; the job is pending again
    FAILED = "failed"


def tagging_request(*, document: Document) -> TaggingJob:
    """The pending tagging job of approved `document`, its task sent on commit.

    Call it in the final-approval transaction. A second call finds the same row and
    sends the task again only while the job is pending.
    """
    from disclosure.tasks import tag_document  # the task module imports this one

    # get_or_create takes its own savepoint for the insert race; no second one around it.
    with transaction.atomic(savepoint=False):
        job, _ = TaggingJob.objects.get_or_create(document=document)
    if job.status == TaggingStatus.PENDING:
        dispatch_on_commit(tag_document, document.pk)
    return job


def tagging_done(*, document: Document) -> None:
    """Mark the job of `document` done: called where its review is made or found."""
    TaggingJob.objects.filter(document=document).exclude(status=TaggingStatus.DONE).update(
        status=TaggingStatus.DONE, last_error="", updated_at=timezone.now()
    )


def tagging_run(*, document_id: int) -> TagOutcome:
    """Tag document `document_id` unless it is tagged or being tagged (see module)."""
    from disclosure.services.tagging import disclosure_tag

    claimed = _claim(document_id)
    if claimed is not None:
        return claimed
    try:
        disclosure_tag(document_id=document_id)  # marks the job done in its transaction
    except TRANSIENT_ERRORS as exc:
        _note(document_id, exc, TaggingStatus.PENDING)
        return TagOutcome.RETRY
    except PERMANENT_ERRORS as exc:
        _note(document_id, exc, TaggingStatus.FAILED)
        return TagOutcome.FAILED
    return TagOutcome.DONE


def _claim(document_id: int) -> TagOutcome | None:
    """Count this run's attempt; an outcome when there is nothing for it to do."""
    with transaction.atomic():
        job = TaggingJob.objects.select_for_update(skip_locked=True).filter(
            document_id=document_id
        ).first() or _job_for_untracked(document_id)
        if job is None:
            return TagOutcome.BUSY
        if job.status == TaggingStatus.DONE:
            return TagOutcome.ALREADY_DONE
        if job.status == TaggingStatus.FAILED:
            return TagOutcome.FAILED
        if job.attempts >= int(settings.DISCLOSURE_TAGGING_MAX_ATTEMPTS):
            job.status = TaggingStatus.FAILED
            job.last_error = "too many attempts"
            job.save(update_fields=["status", "last_error", "updated_at"])
            logger.error("tagging of document %s failed: too many attempts", document_id)
            return TagOutcome.FAILED
        job.attempts += 1
        job.save(update_fields=["attempts", "updated_at"])
    return None


def _job_for_untracked(document_id: int) -> TaggingJob | None:
    """The job of a document tagged without one (sent before the outbox existed).

    None when a job exists but another run holds it.
    """
    if TaggingJob.objects.filter(document_id=document_id).exists():
        return None
    job, _ = TaggingJob.objects.get_or_create(document_id=document_id)
    return TaggingJob.objects.select_for_update().get(pk=job.pk)


def _note(document_id: int, exc: BaseException, status: str) -> None:
    log = logger.error if status == TaggingStatus.FAILED else logger.warning
    log("tagging of document %s: %s (%s)", document_id, type(exc).__name__, status)
    TaggingJob.objects.filter(document_id=document_id).exclude(status=TaggingStatus.DONE).update(
        status=status, last_error=type(exc).__name__[:300], updated_at=timezone.now()
    )


def retry_after() -> timedelta:
    return timedelta(seconds=int(settings.DISCLOSURE_TAGGING_RETRY_SECONDS))


def taggings_pending(*, before: datetime | None = None) -> list[int]:
    """Ids of the documents whose tagging is pending (and untouched since `before`)."""
    jobs = TaggingJob.objects.filter(status=TaggingStatus.PENDING)
    if before is not None:
        jobs = jobs.filter(updated_at__lt=before)
    ids = jobs.order_by("updated_at", "pk").values_list("document_id", flat=True)
    return list(ids[:SWEEP_BATCH])


def taggings_sweep(*, now: datetime | None = None) -> int:
    """Send the task again for every stale pending job; returns how many were sent."""
    from disclosure.tasks import tag_document

    stale = taggings_pending(before=(now or timezone.now()) - retry_after())
    for document_id in stale:
        dispatch_on_commit(tag_document, document_id)
    return len(stale)
