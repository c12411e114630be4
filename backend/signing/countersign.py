"""The 후결 counter-signature: once the absent approver post-approves, the PDF says so.

The organisation appends a signature to the official PDF, as an incremental update
in a field of its own: the approval signature stays valid, the new one covers the
whole file. Rules:
- `countersignature_request` answers approvals' `step_post_approved` (after its
  commit): a post-approved proxy step of a document whose official Rendition exists
  gets one pending Countersignature per (rendition, step), however often it is
  called, sent on commit once the PDF is done. A post-approval made before the
  Rendition existed gets its row when the PDF is done (`countersignatures_dispatch`,
  on issuance's `signing.events.rendition_finished`, and the sweep);
- the label is all the signature says: "후결: <title> <name> <date>", the absent
  approver's title as the approval box prints it, their name and the day of the
  post-approval in Seoul; never a comment, nothing else about anyone;
- `countersignature_apply` claims a row as `rendition_issue` claims a rendition
  (select_for_update skip_locked, a conditional update on status and attempt, a
  lease of SIGNING_RENDITION_LEASE_SECONDS, failed after SIGNING_ISSUE_MAX_ATTEMPTS
  claims); a row whose rendition is not done waits, unclaimed. It signs without a
  lock and stores only if it still holds its claim and the file is still the one it
  signed over: two post-approvals of one document never sign over each other;
- storing replaces the rendition's file, sha256 and size in one transaction with
  the rendition's row locked, keeps the replaced hash in `sha256_before` (so the
  earlier file still leads to the document: `rendition_for_file_sha256`), records
  "document.pdf_countersigned", and deletes the earlier file after commit;
- a transient failure (database, storage, time limit) puts the row back to pending
  for a retry; a permanent one (the stored PDF does not verify, the key is
  unusable, the PDF already has the step's field) fails it with the error's class.
"""

import enum
import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from pyhanko.pdf_utils.misc import PdfError

from approvals.models import ApprovalStep
from audit.services import audit_record
from core.dispatch import dispatch_on_commit
from documents.models import DocumentStatus
from signing import conf
from signing.errors import SigningError
from signing.issuance import (
    ERROR_MAX_LENGTH,
    PERMANENT_ERRORS,
    TRANSIENT_ERRORS,
    error_text,
    lease,
)
from signing.models import (
    Countersignature,
    CountersignatureStatus,
    Rendition,
    RenditionStatus,
    RenditionVariant,
)
from signing.selectors import official_rendition
from signing.services import official_pdf_verify
from signing.signer import countersign_pdf_bytes
from signing.snapshot_builder import seoul_date

logger = logging.getLogger(__name__)

FIELD_PREFIX = "DojangPostApproval"
# The sweep writes the rows of post-approvals older than their PDF for PDFs finished
# this recently; the rendition_finished announcement covers every PDF.
BACKFILL_WINDOW = timedelta(days=7)
SWEEP_BATCH = 500
COUNTERSIGN_PERMANENT_ERRORS: tuple[type[Exception], ...] = (*PERMANENT_ERRORS, PdfError)


class CountersignError(SigningError):
    """The PDF cannot be counter-signed; the message names the rule, never a person."""


class CountersignOutcome(enum.StrEnum):
    DONE = "done"  # this run stored the counter-signed PDF
    ALREADY_DONE = "already_done"
    WAITING = "waiting"  # the rendition is not done yet; the row waits, unclaimed
    BUSY = "busy"  # another worker holds a live claim
    DISCARDED = "discarded"  # the claim was lost while signing; nothing stored
    RESENT = "resent"  # the file changed while signing (another 후결): pending, sent again
    RETRY = "retry"  # transient failure; the row is pending again
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Claim:
    countersignature_id: int
    attempt: int


@dataclass(frozen=True, slots=True)
class Signed:
    pdf: bytes
    sha256_before: str
    signed_at: datetime | None


def field_name(step_id: int) -> str:
    """The signature field of a step's counter-signature: one per step, by name."""
    return f"{FIELD_PREFIX}{step_id}"


def countersignature_label(step: ApprovalStep) -> str:
    """The label "후결: <title> <name> <YYYY-MM-DD>": the line's title, the Seoul date."""
    if step.post_approved_at is None:
        raise ValueError("only a post-approved step has a counter-signature")
    person = step.assignee
    title = step.position_title or (person.position.title if person.position else "")
    day = seoul_date(step.post_approved_at).isoformat()
    return " ".join(part for part in ("후결:", title, person.name, day) if part)


def post_approval_received(sender: object, *, step_id: int, **kwargs: Any) -> None:
    """Receiver of approvals.events.step_post_approved."""
    countersignature_request(step_id=step_id)


def rendition_finished_received(
    sender: object, *, rendition_id: int, variant: str, status: str, **kwargs: Any
) -> None:
    """Receiver of signing.events.rendition_finished: a done official PDF is sent its
    counter-signatures (issuance's "right after a rendition is stored")."""
    if variant == RenditionVariant.OFFICIAL and status == RenditionStatus.DONE:
        countersignatures_dispatch(rendition_id=rendition_id)


def countersignature_request(*, step_id: int) -> Countersignature | None:
    """The pending counter-signature a post-approved step owes its document's official
    PDF, sent once the PDF is done; None when it owes none (yet). See the module."""
    step = _owing_steps().select_related("stage__document").filter(pk=step_id).first()
    if step is None:
        return None
    rendition = official_rendition(step.stage.document)
    if rendition is None:
        return None  # written when the PDF is done (countersignatures_dispatch, sweep)
    row = _row_for(rendition, step)
    if row.status == CountersignatureStatus.PENDING and rendition.status == RenditionStatus.DONE:
        _dispatch(row.pk)
    return row


def countersignatures_dispatch(*, rendition_id: int) -> int:
    """Send the task for every pending counter-signature of a done official rendition,
    first writing the rows of post-approvals made before it existed; returns how many
    were sent. Run once the rendition is stored (rendition_finished); again is safe."""
    pending = _pending_after_backfill(rendition_id)
    for countersignature_id in pending:
        _dispatch(countersignature_id)
    return len(pending)


def _pending_after_backfill(rendition_id: int) -> list[int]:
    rendition = Rendition.objects.select_related("version").get(pk=rendition_id)
    if rendition.status != RenditionStatus.DONE or rendition.variant != RenditionVariant.OFFICIAL:
        return []
    owed = _owing_steps().filter(stage__document_id=rendition.version.document_id)
    for step in owed.exclude(pk__in=rendition.countersignatures.values("step_id")):
        _row_for(rendition, step)
    pending = rendition.countersignatures.filter(status=CountersignatureStatus.PENDING)
    return list(pending.values_list("pk", flat=True))


def _owing_steps() -> QuerySet[ApprovalStep]:
    # Any proxy step, of any round: the PDF's embedded history records every one.
    return ApprovalStep.objects.filter(
        is_proxy=True, acted_at__isnull=False, post_approved_at__isnull=False
    ).select_related("assignee__position")


def _row_for(rendition: Rendition, step: ApprovalStep) -> Countersignature:
    row, _created = Countersignature.objects.get_or_create(
        rendition=rendition, step=step, defaults={"label": countersignature_label(step)}
    )
    return row


def _dispatch(countersignature_id: int) -> None:
    from signing.tasks import countersign_official_pdf  # the task module imports this one

    dispatch_on_commit(countersign_official_pdf, countersignature_id)


def countersignature_apply(*, countersignature_id: int, last_try: bool) -> CountersignOutcome:
    """Counter-sign and store one row's PDF if this run wins its claim (see module).

    `last_try` says the task has no retry left: a transient failure then fails the row.
    """
    claim = _claim(countersignature_id)
    if isinstance(claim, CountersignOutcome):
        return claim
    try:
        return _store(claim, _sign(claim))
    except TRANSIENT_ERRORS as exc:
        if last_try:
            return _fail(claim, exc)
        _release(claim, error_text(exc))
        return CountersignOutcome.RETRY
    except COUNTERSIGN_PERMANENT_ERRORS as exc:
        return _fail(claim, exc)


def _claim(countersignature_id: int) -> Claim | CountersignOutcome:
    now = timezone.now()
    with transaction.atomic():
        row = (
            Countersignature.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=countersignature_id)
            .values("status", "attempts", "claimed_at", "rendition__status")
            .first()
        )
        if row is None:
            return CountersignOutcome.BUSY  # locked by a claim in progress (or gone)
        outcome = _unclaimable(row["status"], row["claimed_at"], now)
        if outcome is not None:
            return outcome
        if row["rendition__status"] != RenditionStatus.DONE:
            return CountersignOutcome.WAITING
        if row["attempts"] >= int(settings.SIGNING_ISSUE_MAX_ATTEMPTS):
            _fail_row(countersignature_id, row["attempts"], row["status"], "too many attempts")
            return CountersignOutcome.FAILED
        attempt = row["attempts"] + 1
        claimed = Countersignature.objects.filter(
            pk=countersignature_id, status=row["status"], attempts=row["attempts"]
        ).update(
            status=CountersignatureStatus.SIGNING,
            attempts=attempt,
            claimed_at=now,
            updated_at=now,
        )
    return Claim(countersignature_id, attempt) if claimed else CountersignOutcome.BUSY


def _unclaimable(
    status: str, claimed_at: datetime | None, now: datetime
) -> CountersignOutcome | None:
    if status == CountersignatureStatus.DONE:
        return CountersignOutcome.ALREADY_DONE
    if status == CountersignatureStatus.FAILED:
        return CountersignOutcome.FAILED
    if status == CountersignatureStatus.SIGNING and claimed_at and claimed_at > now - lease():
        return CountersignOutcome.BUSY
    return None


def _sign(claim: Claim) -> Signed:
    row = Countersignature.objects.select_related("rendition").get(pk=claim.countersignature_id)
    rendition = row.rendition
    with rendition.pdf.open("rb") as handle:
        data = handle.read()
    before = hashlib.sha256(data).hexdigest()
    if before != rendition.sha256:
        raise CountersignError("the stored PDF does not match its recorded SHA-256")
    verified = official_pdf_verify(data=data)
    if not verified.valid:
        raise CountersignError(f"the stored PDF does not verify: {verified.code}")
    if any(s.field_name == field_name(row.step_id) for s in verified.signatures):
        raise CountersignError("the PDF already carries this post-approval's signature")
    signed = countersign_pdf_bytes(
        data, field_name=field_name(row.step_id), reason=row.label, location=conf.organization()
    )
    result = official_pdf_verify(data=signed)
    added = result.signatures[len(verified.signatures) :]
    if not result.valid or [s.label for s in added] != [row.label]:
        raise CountersignError(f"the counter-signed PDF does not verify: {result.code}")
    return Signed(pdf=signed, sha256_before=before, signed_at=added[0].signed_at)


def _store(claim: Claim, signed: Signed) -> CountersignOutcome:
    rendition_id = Countersignature.objects.values_list("rendition_id", flat=True).get(
        pk=claim.countersignature_id
    )
    with transaction.atomic():
        # The rendition first, as issuance locks it: one file replacement at a time.
        rendition = (
            Rendition.objects.select_for_update(of=("self",))
            .select_related("version__document")
            .get(pk=rendition_id)
        )
        row = Countersignature.objects.select_for_update().get(pk=claim.countersignature_id)
        if row.status != CountersignatureStatus.SIGNING or row.attempts != claim.attempt:
            logger.info("countersignature %s: claim %s lost, discarded", row.pk, claim.attempt)
            return CountersignOutcome.DISCARDED
        if rendition.sha256 != signed.sha256_before:
            # Another post-approval replaced the file meanwhile: sign again over the new one.
            _release(claim, "")
            _dispatch(row.pk)
            return CountersignOutcome.RESENT
        _replace_file(rendition, row, signed)
    return CountersignOutcome.DONE


def _replace_file(rendition: Rendition, row: Countersignature, signed: Signed) -> None:
    earlier = rendition.pdf.name
    storage = rendition.pdf.storage
    rendition.pdf.save(_file_name(rendition, row), ContentFile(signed.pdf), save=False)
    try:
        rendition.sha256 = hashlib.sha256(signed.pdf).hexdigest()
        rendition.size = len(signed.pdf)
        rendition.save(update_fields=["pdf", "sha256", "size", "updated_at"])
        row.status = CountersignatureStatus.DONE
        row.sha256_before, row.sha256_after = signed.sha256_before, rendition.sha256
        row.signed_at = signed.signed_at or timezone.now()
        row.last_error = ""
        row.save()
        _record(rendition, row)
    except (IntegrityError, OperationalError):
        rendition.pdf.delete(save=False)
        raise
    if earlier:
        transaction.on_commit(partial(_delete_earlier, storage, earlier))


def _file_name(rendition: Rendition, row: Countersignature) -> str:
    number = rendition.version.document.number or str(rendition.version.document_id)
    return f"{number}-v{rendition.version.number}-{rendition.variant}-cs{row.pk}.pdf"


def _delete_earlier(storage: Storage, name: str) -> None:
    # The new file holds the earlier one byte for byte (an incremental update).
    try:
        storage.delete(name)
    except OSError as exc:
        logger.warning("could not delete the replaced PDF %s: %s", name, type(exc).__name__)


def _record(rendition: Rendition, row: Countersignature) -> None:
    audit_record(
        action="document.pdf_countersigned",
        actor=None,
        document=rendition.version.document,
        version_hash=rendition.version.content_hash,
        data={
            "rendition": rendition.pk,
            "countersignature": row.pk,
            "step": row.step_id,
            "sha256_before": row.sha256_before,
            "sha256_after": row.sha256_after,
        },
        target=row,
    )


def _release(claim: Claim, error: str) -> None:
    logger.warning("countersignature %s: back to pending: %s", claim.countersignature_id, error)
    Countersignature.objects.filter(
        pk=claim.countersignature_id,
        status=CountersignatureStatus.SIGNING,
        attempts=claim.attempt,
    ).update(status=CountersignatureStatus.PENDING, last_error=error, updated_at=timezone.now())


def _fail(claim: Claim, exc: BaseException) -> CountersignOutcome:
    logger.error("countersignature %s failed: %s", claim.countersignature_id, error_text(exc))
    _fail_row(
        claim.countersignature_id, claim.attempt, CountersignatureStatus.SIGNING, error_text(exc)
    )
    return CountersignOutcome.FAILED


def _fail_row(countersignature_id: int, attempts: int, status: str, error: str) -> None:
    rows = Countersignature.objects.filter(pk=countersignature_id, status=status, attempts=attempts)
    rows.update(
        status=CountersignatureStatus.FAILED,
        last_error=error[:ERROR_MAX_LENGTH],
        updated_at=timezone.now(),
    )


def countersignatures_stale(*, now: datetime | None = None) -> list[int]:
    """Rows to send again: pending ones whose rendition is done since they were written
    (they waited for it) or untouched for a lease (a lost message), and signing ones
    past their lease (a dead worker)."""
    cutoff = (now or timezone.now()) - lease()
    ready = Q(status=CountersignatureStatus.PENDING, rendition__status=RenditionStatus.DONE) & (
        Q(updated_at__lt=F("rendition__updated_at")) | Q(updated_at__lt=cutoff)
    )
    stuck = Q(status=CountersignatureStatus.SIGNING, updated_at__lt=cutoff)
    return list(
        Countersignature.objects.filter(ready | stuck)
        .order_by("updated_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )


def renditions_owing_countersignatures(*, now: datetime | None = None) -> list[int]:
    """Official renditions done within BACKFILL_WINDOW whose document has a post-approved
    proxy step without a counter-signature row (post-approved before the PDF existed)."""
    since = (now or timezone.now()) - BACKFILL_WINDOW
    has_row = Countersignature.objects.filter(
        rendition_id=OuterRef(OuterRef("pk")), step_id=OuterRef("pk")
    )
    owed = (
        _owing_steps()
        .filter(
            stage__document__current_version_id=OuterRef("version_id"),
            stage__document__status=DocumentStatus.APPROVED,
        )
        .filter(~Exists(has_row))
    )
    return list(
        Rendition.objects.filter(
            variant=RenditionVariant.OFFICIAL, status=RenditionStatus.DONE, updated_at__gte=since
        )
        .filter(Exists(owed))
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )


def countersignatures_sweep(*, now: datetime | None = None) -> int:
    """Write the missing rows and send the task once for every row that needs it;
    returns how many were sent."""
    due = set(countersignatures_stale(now=now))
    for rendition_id in renditions_owing_countersignatures(now=now):
        due.update(_pending_after_backfill(rendition_id))
    for countersignature_id in sorted(due):
        _dispatch(countersignature_id)
    return len(due)


def rendition_for_file_sha256(*, sha256: str) -> Rendition | None:
    """The rendition whose PDF is, or was before a counter-signature, the file of that
    SHA-256: a copy downloaded before the 후결 still leads to its document."""
    return (
        Rendition.objects.select_related("version__document")
        .filter(Q(sha256=sha256) | Q(countersignatures__sha256_before=sha256))
        .distinct()
        .first()
    )
