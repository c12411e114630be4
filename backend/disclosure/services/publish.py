"""Publication: the only writer of portal.models.Publication.

Rules:
- publishing builds the public version from the review (accepted redactions,
  withheld paragraphs), and for an open or partial document renders and signs
  the public PDF from that redacted version; a closed document is published by
  its metadata alone (title, unit, date, level, grounds): no text, no PDF;
- the publication copies what it shows, so later internal changes never reach it;
- publishing is all or nothing: on any failure no row changes and no file stays;
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
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException, ValidationError

from core.errors import ConflictError
from directory.models import Person
from disclosure.models import DisclosureReview, ReviewStatus
from disclosure.services.common import audit, require_editable, review_locked
from disclosure.services.public import (
    check_publishable,
    published_attachments,
    review_public_version,
)
from disclosure.services.public_pdf import public_pdf_issue
from disclosure.services.rereview import rereview_date
from disclosure.services.tagging import NotApprovedError, disclosure_tag
from documents.models import Attachment, DisclosureLevel, Document
from portal.models import Publication
from portal.search import publication_index, publication_unindex
from signing.errors import SigningError
from signing.services import IssuedPdf

logger = logging.getLogger(__name__)


def publication_publish(*, document: Document, actor: Person | None) -> Publication:
    """Publish the reviewed document (see the module's rules); ``actor`` None: the policy."""
    review = DisclosureReview.objects.filter(document=document).first()
    if review is None:
        review = disclosure_tag(document_id=document.pk)
    written: list[str] = []
    try:
        with transaction.atomic():
            publication = _publish_locked(review.pk, actor, written)
    except BaseException:
        _delete_files(written)
        raise
    return publication


def _publish_locked(review_id: int, actor: Person | None, written: list[str]) -> Publication:
    review = review_locked(review_id=review_id)
    require_editable(review)
    check_publishable(review)
    public = review_public_version(review)
    attachments = published_attachments(review)
    issued = None
    if review.level != DisclosureLevel.CLOSED:
        issued = public_pdf_issue(review=review, public=public, attachments=attachments)
    previous = Publication.objects.filter(document_id=review.document_id).first()
    old_file = previous.public_pdf.name if previous and previous.public_pdf else ""
    publication = _write(review, previous, public.title, attachments, issued, written)
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
            "pdf_sha256": publication.public_pdf_sha256,
            "automatic": actor is None,
        },
    )
    if old_file and old_file != publication.public_pdf.name:
        transaction.on_commit(lambda: _delete_files([old_file]))
    return publication


def _write(
    review: DisclosureReview,
    previous: Publication | None,
    title: str,
    attachments: list[Attachment],
    issued: IssuedPdf | None,
    written: list[str],
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
    publication.public_pdf_sha256 = issued.sha256 if issued else ""
    publication.published_at = timezone.now()
    publication.withdrawn_at, publication.withdrawal_reason = None, ""
    publication.public_pdf = None
    if issued is not None:
        name = f"{document.number or document.pk}-public.pdf".replace("/", "-")
        publication.public_pdf.save(name, ContentFile(issued.pdf), save=False)
        written.append(publication.public_pdf.name)
    publication.save()
    publication.released_attachments.set(attachments)
    return publication


def _delete_files(names: Iterable[str]) -> None:
    for name in names:
        if name:
            Publication._meta.get_field("public_pdf").storage.delete(name)


def publication_withdraw(*, publication: Publication, actor: Person, reason: str) -> Publication:
    """Take a publication down: it leaves every listing; its page says why."""
    if not reason.strip():
        raise ValidationError({"reason": [_("Give the reason for the withdrawal.")]})
    with transaction.atomic():
        locked = Publication.objects.select_for_update().get(pk=publication.pk)
        if locked.withdrawn_at is not None or locked.published_at is None:
            raise ConflictError(_("This publication is not public."))
        old_file = locked.public_pdf.name if locked.public_pdf else ""
        locked.withdrawn_at, locked.withdrawal_reason = timezone.now(), reason.strip()[:500]
        locked.public_text = locked.public_html = locked.public_pdf_sha256 = ""
        locked.public_pdf = None
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
        if old_file:
            transaction.on_commit(lambda: _delete_files([old_file]))
    return locked


def _error(exc: Exception) -> dict[str, Any]:
    if isinstance(exc, ValidationError):
        return {"type": "validation_error", "detail": exc.detail}
    if isinstance(exc, APIException):
        return {"type": str(exc.default_code), "detail": str(exc.detail)}
    if isinstance(exc, Document.DoesNotExist):
        return {"type": "not_found", "detail": str(_("No such document."))}
    if isinstance(exc, NotApprovedError):
        return {"type": "not_approved", "detail": str(_("The document is not approved."))}
    return {"type": "signing_error", "detail": str(_("The public PDF could not be made."))}


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
        except (
            ValidationError,
            APIException,
            Document.DoesNotExist,
            NotApprovedError,
            SigningError,
        ) as exc:
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

    A held review, a disagreement, or anything removed keeps a document for the
    officer. Safe to run twice: a published review is no longer pending.
    """
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.DISCLOSURE_AUTO_PUBLISH_DAYS)
    candidates = DisclosureReview.objects.filter(
        status=ReviewStatus.PENDING,
        level=DisclosureLevel.OPEN,
        held_at__isnull=True,
        disagrees=False,
        queued_at__lte=cutoff,
    ).select_related("document")
    published = 0
    for review in candidates:
        try:
            publication_publish(document=review.document, actor=None)
        except (ValidationError, APIException, SigningError) as exc:
            logger.warning("auto-publication of document %s failed: %s", review.document_id,
                           type(exc).__name__)  # fmt: skip
            continue
        published += 1
    return published
