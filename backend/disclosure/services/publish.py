"""Publication: the only writer of portal.models.Publication.

Rules:
- publishing builds the public version from the review (accepted redactions,
  withheld paragraphs), and for an open or partial document requests the public
  PDF of that redacted version from the renditions' outbox (signing): the request
  never renders, so publishing never waits for or fails on the renderer; the
  page is public at once and its PDF joins it when signed
  (`publication_attach_public_pdf`, answering signing's rendition_finished);
  a public PDF that fails after its retries is recorded and the records officers
  are told, with the reason; a closed document is published by its metadata
  alone (title, unit, date, level, grounds): no text, no PDF;
- the publication copies what it shows, so later internal changes never reach it;
- publishing is all or nothing: on any failure no row changes;
- a published review is frozen; publishing again needs a withdrawal or a
  re-review (rereview) first; a withdrawal removes the text and the PDF and says
  why, and the portal then shows only that it was withdrawn;
- open documents publish by themselves DISCLOSURE_AUTO_PUBLISH_DAYS days after
  they were queued, unless held, disputed or marked otherwise (the beat task);
- every publication and withdrawal writes an audit event and (un)indexes the
  publication for the portal's search.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import ConflictError, DomainError, InvalidInput, plain_detail
from directory.models import Person
from disclosure.models import DisclosureReview, ReviewStatus
from disclosure.roles import records_officers_for
from disclosure.services.common import audit, require_editable, review_locked
from disclosure.services.public import (
    check_publishable,
    published_attachments,
    review_public_version,
)
from disclosure.services.public_pdf import public_content_for
from disclosure.services.rereview import rereview_date
from disclosure.services.tagging import NotApprovedError, disclosure_tag
from documents.models import Attachment, DisclosureLevel, Document
from notifications.models import NotificationKind
from notifications.services import notification_send
from portal.models import Publication
from portal.search import publication_index, publication_unindex
from signing.errors import SigningError
from signing.failures import failure_reason
from signing.issuance import public_pdf_request
from signing.models import Rendition, RenditionStatus

logger = logging.getLogger(__name__)


def publication_publish(*, document: Document, actor: Person | None) -> Publication:
    """Publish the reviewed document (see the module's rules); ``actor`` None: the policy."""
    review = DisclosureReview.objects.filter(document=document).first()
    if review is None:
        review = disclosure_tag(document_id=document.pk)
    with transaction.atomic():
        return _publish_locked(review.pk, actor)


def _publish_locked(review_id: int, actor: Person | None) -> Publication:
    review = review_locked(review_id=review_id)
    require_editable(review)
    check_publishable(review)
    public = review_public_version(review)
    attachments = published_attachments(review)
    rendition = None
    if review.level != DisclosureLevel.CLOSED:
        content = public_content_for(review=review, public=public, attachments=attachments)
        rendition = public_pdf_request(document=review.document, content=content)
    previous = Publication.objects.filter(document_id=review.document_id).first()
    old_rendition = previous.public_rendition_id if previous else None
    publication = _write(review, previous, public.title, attachments, rendition)
    if review.level != DisclosureLevel.CLOSED:
        publication.public_text, publication.public_html = public.text, public.html
        publication.save(update_fields=["public_text", "public_html"])
    review.status = ReviewStatus.PUBLISHED
    review.rereview_at = rereview_date(grounds=review.grounds)
    review.save(update_fields=["status", "rereview_at", "updated_at"])
    publication_index(publication=publication)
    audit(
        action="publication.published",
        actor=actor,
        document=review.document,
        version_hash=review.version.content_hash,
        target=publication,
        data={
            "level": review.level,
            "grounds": review.grounds,
            "attachments": [a.pk for a in attachments],
            "public_rendition": publication.public_rendition_id,
            "automatic": actor is None,
        },
    )
    if old_rendition and old_rendition != publication.public_rendition_id:
        _discard_rendition(old_rendition)
    return publication


def _write(
    review: DisclosureReview,
    previous: Publication | None,
    title: str,
    attachments: list[Attachment],
    rendition: Rendition | None,
) -> Publication:
    document = review.document
    publication = previous or Publication(document=document)
    publication.version = review.version
    publication.number = str(document.number)
    publication.title = title
    publication.kind = document.kind
    publication.unit = document.unit
    publication.unit_name = document.unit.name
    publication.approved_at = document.approved_at or timezone.now()
    publication.level = review.level
    publication.grounds = list(review.grounds)
    publication.public_text = publication.public_html = ""
    publication.published_at = timezone.now()
    publication.withdrawn_at, publication.withdrawal_reason = None, ""
    publication.public_rendition = rendition
    _show_pdf(publication, rendition)
    publication.save()
    publication.released_attachments.set(attachments)
    return publication


def _show_pdf(publication: Publication, rendition: Rendition | None) -> None:
    """The publication serves the rendition's file once it is signed, nothing before."""
    done = rendition is not None and rendition.status == RenditionStatus.DONE
    publication.public_pdf.name = rendition.pdf.name if done and rendition else ""
    publication.public_pdf_sha256 = rendition.sha256 if done and rendition else ""


def publication_attach_public_pdf(*, rendition_id: int) -> Publication | None:
    """Answer a finished public rendition: show its PDF, or tell the officers it failed.

    Only the publication that still names the rendition is touched: a withdrawn or
    republished one has moved on. Safe to run twice.
    """
    with transaction.atomic():
        publication = (
            Publication.objects.select_for_update()
            .select_related("public_rendition", "document__unit")
            .filter(public_rendition_id=rendition_id, withdrawn_at__isnull=True)
            .first()
        )
        if publication is None or publication.public_rendition is None:
            return None
        rendition = publication.public_rendition
        if rendition.status == RenditionStatus.DONE:
            if publication.public_pdf_sha256 != rendition.sha256:
                _show_pdf(publication, rendition)
                publication.save(update_fields=["public_pdf", "public_pdf_sha256", "updated_at"])
        elif rendition.status == RenditionStatus.FAILED:
            _pdf_failed(publication.document, rendition.last_error)
    return publication


def _pdf_failed(document: Document, last_error: str) -> None:
    # The audit keeps the operators' text; the officers read a sentence, never a
    # class name or a server path (a SigningKeyError names the key file).
    audit(
        action="publication.pdf_failed",
        actor=None,
        document=document,
        data={"error": last_error},
    )
    _tell_officers(document, failure_reason(last_error))


def _tell_officers(document: Document, reason: str) -> None:
    notification_send(
        recipients=records_officers_for(document.unit),
        kind=NotificationKind.PUBLICATION_FAILED,
        document=document,
        context={"reason": reason},
    )


def _discard_rendition(rendition_id: int) -> None:
    """Delete a public rendition no publication shows any more, and its file, on commit."""

    def discard() -> None:
        rendition = Rendition.objects.filter(pk=rendition_id).first()
        if rendition is None or Publication.objects.filter(public_rendition=rendition).exists():
            return
        name = rendition.pdf.name
        rendition.delete()
        if name:
            rendition.pdf.storage.delete(name)

    transaction.on_commit(discard)


def publication_withdraw(*, publication: Publication, actor: Person, reason: str) -> Publication:
    """Take a publication down: it leaves every listing; its page says why."""
    if not reason.strip():
        raise InvalidInput({"reason": [_("Give the reason for the withdrawal.")]})
    with transaction.atomic():
        locked = Publication.objects.select_for_update().get(pk=publication.pk)
        if locked.withdrawn_at is not None or locked.published_at is None:
            raise ConflictError(_("This publication is not public."))
        old_rendition = locked.public_rendition_id
        locked.withdrawn_at, locked.withdrawal_reason = timezone.now(), reason.strip()[:500]
        locked.public_text = locked.public_html = locked.public_pdf_sha256 = ""
        locked.public_pdf.name = ""
        locked.public_rendition = None
        locked.save()
        locked.released_attachments.clear()
        DisclosureReview.objects.filter(document_id=locked.document_id).update(
            status=ReviewStatus.WITHDRAWN, rereview_at=None, updated_at=timezone.now()
        )
        publication_unindex(publication=locked)
        audit(
            action="publication.withdrawn",
            actor=actor,
            document=locked.document,
            target=locked,
            data={"reason_length": len(reason.strip())},
        )
        if old_rendition:
            _discard_rendition(old_rendition)
    return locked


def _error(exc: Exception) -> dict[str, Any]:
    if isinstance(exc, InvalidInput):
        return {"type": exc.kind, "detail": plain_detail(exc.detail)}
    if isinstance(exc, DomainError):
        return {"type": exc.kind, "detail": str(exc)}
    if isinstance(exc, Document.DoesNotExist):
        return {"type": "not_found", "detail": str(_("No such document."))}
    if isinstance(exc, NotApprovedError):
        return {"type": "not_approved", "detail": str(_("The document is not approved."))}
    if isinstance(exc, DatabaseError):
        return {"type": "unavailable", "detail": str(_("Try again in a moment."))}
    return {"type": "signing_error", "detail": str(_("The public PDF could not be made."))}


# What one publication may fail with; each is that document's result, never the batch's.
PUBLISH_ERRORS: tuple[type[Exception], ...] = (
    DomainError,
    Document.DoesNotExist,
    NotApprovedError,
    SigningError,
    ValueError,
    DatabaseError,
)


def publications_bulk_publish(*, document_ids: list[int], actor: Person) -> list[dict[str, Any]]:
    """Publish each document on its own: one failure does not stop the others.

    Returns one result per id, in order: {"document": id, "published": bool,
    "publication": id | None, "error": {...} | None}.
    """
    found = Document.objects.select_related("unit").in_bulk(document_ids)
    results = []
    for document_id in document_ids:
        try:
            document = found.get(document_id)
            if document is None:
                raise Document.DoesNotExist
            publication = publication_publish(document=document, actor=actor)
        except PUBLISH_ERRORS as exc:
            logger.warning("publication of document %s failed: %s", document_id, type(exc).__name__)
            results.append(
                {"document": document_id, "published": False, "publication": None,
                 "error": _error(exc)}
            )  # fmt: skip
            continue
        results.append(
            {"document": document_id, "published": True, "publication": publication.pk,
             "error": None}
        )  # fmt: skip
    return results


def publications_auto_publish(*, now: dt.datetime | None = None) -> int:
    """Publish the open documents whose review waited DISCLOSURE_AUTO_PUBLISH_DAYS days.

    A held review, a disagreement, a ground signal in the text (has_signals), or
    anything removed keeps a document for the officer. A document that cannot be
    published is recorded (audit), its records officers are told once, and the
    sweep goes on with the next. Safe to run twice: a published review is no
    longer pending.
    """
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.DISCLOSURE_AUTO_PUBLISH_DAYS)
    candidates = DisclosureReview.objects.filter(
        status=ReviewStatus.PENDING,
        level=DisclosureLevel.OPEN,
        held_at__isnull=True,
        disagrees=False,
        has_signals=False,
        queued_at__lte=cutoff,
    ).select_related("document")
    published = 0
    for review in candidates:
        try:
            publication_publish(document=review.document, actor=None)
        except PUBLISH_ERRORS as exc:
            _auto_publish_failed(review, exc)
            continue
        published += 1
    return published


def _auto_publish_failed(review: DisclosureReview, exc: Exception) -> None:
    """Record the failure and hold the review, so the officers decide and the sweep moves on."""
    error = _error(exc)
    logger.warning(
        "auto-publication of document %s failed: %s", review.document_id, type(exc).__name__
    )
    with transaction.atomic():
        held = DisclosureReview.objects.filter(
            pk=review.pk, status=ReviewStatus.PENDING, held_at__isnull=True
        ).update(
            held_at=timezone.now(),
            hold_reason=str(_("Automatic publication failed: %(detail)s") % error)[:500],
            updated_at=timezone.now(),
        )
        if not held:
            return
        audit(
            action="publication.auto_publish_failed",
            actor=None,
            document=review.document,
            data={"error": error["type"]},
        )
        _tell_officers(review.document, str(error["detail"]))
