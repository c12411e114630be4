"""Celery tasks of the signing app: thin, idempotent, taking ids.

- signing.issue_official_pdf: render, sign and store one Rendition (signing.issuance);
  acks late and is re-queued if its worker dies, retried with growing delays on a
  transient failure, and safe to run twice.
- signing.sweep_pending_renditions: run by beat every minute, it re-sends the task
  for renditions left pending or rendering past their lease (a lost message, a
  killed worker), so a committed approval is never left without its PDF.
- signing.countersign_official_pdf: append one post-approval's (후결) counter-signature
  to the official PDF (signing.countersign), with the same delivery, retry and
  time-limit rules as issuing it; safe to run twice.
- signing.sweep_pending_countersignatures: run by beat every minute, it writes the
  rows of post-approvals older than their PDF and re-sends the task for rows whose
  PDF is now done, whose message was lost or whose worker died.
"""

from celery import Task, shared_task
from django.conf import settings

from signing.countersign import CountersignOutcome, countersignature_apply, countersignatures_sweep
from signing.issuance import IssueOutcome, rendition_issue, renditions_sweep


class RenditionRetryError(Exception):
    """A transient failure: the rendition is pending again and the task retries."""


class CountersignRetryError(Exception):
    """A transient failure: the counter-signature is pending again and the task retries."""


@shared_task(
    bind=True,
    name="signing.issue_official_pdf",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(RenditionRetryError,),
    retry_backoff=30,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=settings.SIGNING_ISSUE_MAX_RETRIES,
    time_limit=settings.SIGNING_ISSUE_TIME_LIMIT_SECONDS,
    soft_time_limit=int(settings.SIGNING_ISSUE_TIME_LIMIT_SECONDS * 0.9),
)
def issue_official_pdf(self: Task[[int], str], rendition_id: int) -> str:
    """Issue the PDF of rendition `rendition_id` unless it is done or being done.

    In process (no broker) there is no one to retry later: the first transient
    failure is final there, and the rendition shows it.
    """
    last_try = bool(self.request.is_eager) or self.request.retries >= (self.max_retries or 0)
    outcome = rendition_issue(rendition_id=rendition_id, last_try=last_try)
    if outcome == IssueOutcome.RETRY:
        raise RenditionRetryError(f"rendition {rendition_id}: transient failure")
    return outcome.value


@shared_task(name="signing.sweep_pending_renditions", time_limit=60, soft_time_limit=50)
def sweep_pending_renditions() -> int:
    """Re-send the renditions whose message was lost or whose worker died."""
    return renditions_sweep()


@shared_task(
    bind=True,
    name="signing.countersign_official_pdf",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(CountersignRetryError,),
    retry_backoff=30,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=settings.SIGNING_ISSUE_MAX_RETRIES,
    time_limit=settings.SIGNING_ISSUE_TIME_LIMIT_SECONDS,
    soft_time_limit=int(settings.SIGNING_ISSUE_TIME_LIMIT_SECONDS * 0.9),
)
def countersign_official_pdf(self: Task[[int], str], countersignature_id: int) -> str:
    """Counter-sign the PDF for row `countersignature_id` unless it is done, being done
    or waiting for its PDF. In process the first transient failure is final, as above."""
    last_try = bool(self.request.is_eager) or self.request.retries >= (self.max_retries or 0)
    outcome = countersignature_apply(countersignature_id=countersignature_id, last_try=last_try)
    if outcome == CountersignOutcome.RETRY:
        raise CountersignRetryError(f"countersignature {countersignature_id}: transient failure")
    return outcome.value


@shared_task(name="signing.sweep_pending_countersignatures", time_limit=60, soft_time_limit=50)
def sweep_pending_countersignatures() -> int:
    """Write missing counter-signature rows and re-send the ones that wait for no one."""
    return countersignatures_sweep()
