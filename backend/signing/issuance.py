"""Issuing the PDFs of an approved document: the outbox and its worker side.

Rules:
- `official_pdf_request` runs inside the final-approval transaction: it writes the
  pending Rendition (one per version, however often it is called) and sends the
  task only once that transaction commits, so an approval that rolls back leaves
  nothing and one that commits always owes its PDF;
- `public_pdf_request` does the same for the public (redacted) variant inside the
  publishing transaction: one row per version and public content, so the request
  never renders and publishing never waits for, or fails on, a renderer;
- `rendition_issue` claims the row (select_for_update skip_locked, then a
  conditional update on status and attempt), renders and signs without holding any
  lock, then stores the PDF only if it still holds that claim: a rerun, a duplicate
  delivery or a worker whose lease ran out can never store a second PDF or write a
  second "document.pdf_issued" event;
- a claim is a lease of SIGNING_RENDITION_LEASE_SECONDS: a row left "rendering" past
  it (its worker was killed) may be claimed again; after SIGNING_ISSUE_MAX_ATTEMPTS
  claims the row is failed instead, so a PDF that kills every worker stops somewhere;
- a transient failure (database, storage, time limit) puts the row back to pending
  for a retry; a permanent one (the document cannot be rendered or signed) fails it.
  Whatever else the renderer raises is permanent too (RendererError): the same
  document fails the same way next time, so a retry would only re-claim it forever
  and, in process, turn the final approval that sent it into a 500;
- the sweep sends each stale row on its own: one row whose task fails stops no
  other;
- a rendition that ends, done or failed, is announced once its transaction commits
  (`signing.events.rendition_finished`), so the apps above answer without signing
  knowing them (the disclosure app attaches a public PDF to its publication).
"""

import enum
import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone

from audit.services import audit_record
from core.dispatch import dispatch_on_commit
from documents.models import Document, DocumentStatus
from signing.errors import RendererError, SigningError
from signing.events import announce_finished
from signing.models import Rendition, RenditionStatus, RenditionVariant
from signing.public_content import PublicContent
from signing.services import IssuedPdf, official_pdf_issue, official_pdf_verify
from signing.snapshot import SnapshotError
from signing.snapshot_builder import official_document_for

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    OSError,
    SoftTimeLimitExceeded,
)
# A renderer that fails this way fails the same way next time: deep nesting (RecursionError
# in WeasyPrint), a broken snapshot, a bug. Retrying it would only re-claim it forever.
PERMANENT_ERRORS: tuple[type[Exception], ...] = (
    SigningError,
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    ArithmeticError,
    RecursionError,
)
# What the renderer may raise that is judged as it is; anything else is a RendererError.
KNOWN_RENDER_ERRORS: tuple[type[BaseException], ...] = (*TRANSIENT_ERRORS, SigningError)
# Only these carry messages written by Dojang that name rules and fields, never data.
OWN_MESSAGES: tuple[type[Exception], ...] = (SigningError, SnapshotError)
ERROR_MAX_LENGTH = 300


class IssueOutcome(enum.StrEnum):
    DONE = "done"  # this run stored the PDF
    ALREADY_DONE = "already_done"
    BUSY = "busy"  # another worker holds a live claim
    DISCARDED = "discarded"  # the claim was lost while rendering; nothing stored
    RETRY = "retry"  # transient failure; the row is pending again
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Claim:
    rendition_id: int
    attempt: int


def lease() -> timedelta:
    return timedelta(seconds=int(settings.SIGNING_RENDITION_LEASE_SECONDS))


def official_pdf_request(*, document: Document) -> Rendition:
    """The pending official Rendition of `document`'s approved version, sent on commit.

    Call it in the final-approval transaction, after the document is approved and
    numbered. A second call finds the same row and makes no other.
    """
    from signing.tasks import issue_official_pdf  # the task module imports this one

    if document.status != DocumentStatus.APPROVED or document.current_version_id is None:
        raise ValueError("only an approved document with a version gets an official PDF")
    # get_or_create takes its own savepoint for the insert race; no second one around it.
    with transaction.atomic(savepoint=False):
        rendition, created = Rendition.objects.get_or_create(
            version_id=document.current_version_id, variant=RenditionVariant.OFFICIAL
        )
    if created or rendition.status == RenditionStatus.PENDING:
        _dispatch(issue_official_pdf, rendition.pk)
    return rendition


def public_pdf_request(*, document: Document, content: PublicContent) -> Rendition:
    """The public Rendition of `document`'s approved version for `content`, sent on commit.

    Call it in the publishing transaction. The same content finds the same row: a
    done one is reused as it is, a failed one is tried again from the start.
    """
    from signing.tasks import issue_official_pdf  # the task module imports this one

    if document.status != DocumentStatus.APPROVED or document.current_version_id is None:
        raise ValueError("only an approved document with a version gets a public PDF")
    with transaction.atomic(savepoint=False):
        rendition, _ = Rendition.objects.get_or_create(
            version_id=document.current_version_id,
            variant=RenditionVariant.PUBLIC,
            content_key=content.content_hash,
            defaults={"public_content": content.to_json()},
        )
        if rendition.status == RenditionStatus.FAILED:
            Rendition.objects.filter(pk=rendition.pk).update(
                status=RenditionStatus.PENDING, attempts=0, last_error="", updated_at=timezone.now()
            )
            rendition.refresh_from_db()
    if rendition.status == RenditionStatus.PENDING:
        _dispatch(issue_official_pdf, rendition.pk)
    return rendition


def _dispatch(task: "Task[Any, Any]", rendition_id: int) -> None:
    dispatch_on_commit(task, rendition_id)


def rendition_issue(*, rendition_id: int, last_try: bool) -> IssueOutcome:
    """Render, sign and store one rendition if this run wins its claim (see module).

    `last_try` says the task has no retry left: a transient failure then fails the row.
    """
    claim = _claim(rendition_id)
    if isinstance(claim, IssueOutcome):
        return claim
    try:
        return _store(claim, _render(claim))
    except TRANSIENT_ERRORS as exc:
        if last_try:
            return _fail(claim, exc)
        _release(claim, exc)
        return IssueOutcome.RETRY
    except PERMANENT_ERRORS as exc:
        return _fail(claim, exc)


def _claim(rendition_id: int) -> Claim | IssueOutcome:
    now = timezone.now()
    with transaction.atomic():
        row = (
            Rendition.objects.select_for_update(skip_locked=True)
            .filter(pk=rendition_id)
            .values("status", "attempts", "claimed_at")
            .first()
        )
        if row is None:
            return IssueOutcome.BUSY  # locked by a claim in progress (or gone)
        outcome = _unclaimable(row["status"], row["claimed_at"], now)
        if outcome is not None:
            return outcome
        if row["attempts"] >= int(settings.SIGNING_ISSUE_MAX_ATTEMPTS):
            _fail_row(rendition_id, row["attempts"], row["status"], "too many attempts")
            return IssueOutcome.FAILED
        attempt = row["attempts"] + 1
        claimed = Rendition.objects.filter(
            pk=rendition_id, status=row["status"], attempts=row["attempts"]
        ).update(status=RenditionStatus.RENDERING, attempts=attempt, claimed_at=now, updated_at=now)
    return Claim(rendition_id, attempt) if claimed else IssueOutcome.BUSY


def _unclaimable(status: str, claimed_at: datetime | None, now: datetime) -> IssueOutcome | None:
    if status == RenditionStatus.DONE:
        return IssueOutcome.ALREADY_DONE
    if status == RenditionStatus.FAILED:
        return IssueOutcome.FAILED
    if status == RenditionStatus.RENDERING and claimed_at and claimed_at > now - lease():
        return IssueOutcome.BUSY
    return None


def _render(claim: Claim) -> IssuedPdf:
    rendition = Rendition.objects.select_related("version").get(pk=claim.rendition_id)
    public = None
    if rendition.variant == RenditionVariant.PUBLIC:
        public = PublicContent.from_json(rendition.public_content)
    snapshot = official_document_for(version=rendition.version, public=public)
    try:
        issued = official_pdf_issue(document=snapshot)
    except KNOWN_RENDER_ERRORS:
        raise
    except Exception as exc:
        # WeasyPrint and what it uses (tinycss2, cssselect2, fontTools, pydyf, Pillow,
        # pyHanko) raise any class their code hits; none of it is Dojang's to list.
        raise RendererError(type(exc).__name__) from exc
    return issued


def _store(claim: Claim, issued: IssuedPdf) -> IssueOutcome:
    verified = official_pdf_verify(data=issued.pdf)
    if not verified.valid or verified.signer is None:
        return _fail(claim, SigningError(f"the signed PDF does not verify: {verified.code}"))
    with transaction.atomic():
        rendition = (
            Rendition.objects.select_for_update()
            .select_related("version__document")
            .get(pk=claim.rendition_id)
        )
        if rendition.status != RenditionStatus.RENDERING or rendition.attempts != claim.attempt:
            logger.info(
                "rendition %s: claim %s lost, result discarded", rendition.pk, claim.attempt
            )
            return IssueOutcome.DISCARDED
        document = rendition.version.document
        rendition.pdf.save(_file_name(rendition), ContentFile(issued.pdf), save=False)
        try:
            _mark_done(rendition, issued, verified.signer.subject, verified.signed_at)
            _record_issued(rendition, document)
        except (IntegrityError, OperationalError):
            rendition.pdf.delete(save=False)
            raise
        announce_finished(rendition)
    return IssueOutcome.DONE


def _file_name(rendition: Rendition) -> str:
    number = rendition.version.document.number or str(rendition.version.document_id)
    return f"{number}-v{rendition.version.number}-{rendition.variant}.pdf"


def _mark_done(
    rendition: Rendition, issued: IssuedPdf, subject: str, signed_at: datetime | None
) -> None:
    fingerprint = hashlib.sha256(issued.pdf).hexdigest()
    rendition.status = RenditionStatus.DONE
    rendition.sha256 = fingerprint
    rendition.size = len(issued.pdf)
    rendition.pages = issued.pages
    rendition.signed_at = signed_at or timezone.now()
    rendition.signer_subject = subject[:500]
    rendition.last_error = ""
    rendition.save()


def _record_issued(rendition: Rendition, document: Document) -> None:
    audit_record(
        action="document.pdf_issued",
        actor=None,
        document=document,
        version_hash=rendition.version.content_hash,
        data={
            "rendition": rendition.pk,
            "variant": rendition.variant,
            "sha256": rendition.sha256,
            "pages": rendition.pages,
        },
        target=rendition,
    )


def error_text(exc: BaseException) -> str:
    """What may be kept of an error: its class, and the message only of our own."""
    text = type(exc).__name__
    if isinstance(exc, OWN_MESSAGES):
        text = f"{text}: {exc}"
    return text[:ERROR_MAX_LENGTH]


def _release(claim: Claim, exc: BaseException) -> None:
    logger.warning(
        "rendition %s: transient failure, will retry: %s", claim.rendition_id, type(exc).__name__
    )
    Rendition.objects.filter(
        pk=claim.rendition_id, status=RenditionStatus.RENDERING, attempts=claim.attempt
    ).update(status=RenditionStatus.PENDING, last_error=error_text(exc), updated_at=timezone.now())


def _fail(claim: Claim, exc: BaseException) -> IssueOutcome:
    logger.error("rendition %s failed: %s", claim.rendition_id, error_text(exc))
    _fail_row(claim.rendition_id, claim.attempt, RenditionStatus.RENDERING, error_text(exc))
    return IssueOutcome.FAILED


def _fail_row(rendition_id: int, attempts: int, status: str, error: str) -> None:
    with transaction.atomic():
        failed = Rendition.objects.filter(pk=rendition_id, status=status, attempts=attempts).update(
            status=RenditionStatus.FAILED,
            last_error=error[:ERROR_MAX_LENGTH],
            updated_at=timezone.now(),
        )
        if failed:
            announce_finished(Rendition.objects.get(pk=rendition_id))


def renditions_stale(*, now: datetime | None = None) -> list[int]:
    """Pending or rendering renditions untouched for longer than a lease: their message
    was lost or their worker died."""
    cutoff = (now or timezone.now()) - lease()
    return list(
        Rendition.objects.filter(
            status__in=(RenditionStatus.PENDING, RenditionStatus.RENDERING),
            updated_at__lt=cutoff,
        )
        .order_by("updated_at")
        .values_list("pk", flat=True)[:500]
    )


def renditions_sweep(*, now: datetime | None = None) -> int:
    """Send the task again for every stale rendition; returns how many were sent."""
    from signing.tasks import issue_official_pdf

    stale = renditions_stale(now=now)
    for rendition_id in stale:
        try:
            _dispatch(issue_official_pdf, rendition_id)
        except Exception:
            # In process the task runs here: whatever one row raises, the rest are owed
            # their PDF too. The row stays stale, so the next sweep tries it again.
            logger.exception("sweep: rendition %s could not be issued", rendition_id)
    return len(stale)
