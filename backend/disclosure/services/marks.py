"""Disclosure by design: withheld paragraphs, and the release of attachments.

Rules:
- the drafter marks a paragraph of the body as not for publication, with its
  ground, while the document is a draft (or returned to them); a records officer
  marks and unmarks while the review is unpublished, or on a returned draft; nobody
  else. A draft never submitted is its drafter's alone, records officers included;
- a paragraph is named by its index in the body the marker sees (the draft's
  body while drafting, the approved version's afterwards) and anchored by the
  fingerprint of its text, so tagging re-finds it after edits;
- attachments of a partial or closed document are published only when an officer
  releases each one; an attachment the drafter marked not for publication
  cannot be released without a reason;
- every change writes an audit event.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.disclosure_law import GROUNDS
from core.errors import InvalidInput, Refused
from directory.models import Person
from disclosure.models import AttachmentRelease, DisclosureReview, WithheldParagraph
from disclosure.redaction import Body, parse_body
from disclosure.roles import is_records_officer
from disclosure.services.common import audit, require_editable, review_locked
from documents.models import Attachment, Document, DocumentStatus

DRAFTING = (DocumentStatus.DRAFT, DocumentStatus.RETURNED)


def draft_is_private(document: Document) -> bool:
    """A draft that was never submitted: only its drafter may see or mark it."""
    return document.status == DocumentStatus.DRAFT and document.current_version_id is None


def _body_for(*, document: Document, actor: Person) -> Body:
    """The body the actor marks; refuses whoever may not mark now."""
    if document.drafter_id != actor.pk and draft_is_private(document):
        raise Refused(_("A draft that was never submitted is its drafter's alone."))
    if is_records_officer(actor.user):
        review = DisclosureReview.objects.select_for_update().filter(document=document).first()
        if review is not None:
            require_editable(review)
            return parse_body(str(review.version.content.get("body") or ""))
        if document.status in DRAFTING:
            return parse_body(document.body)
        raise Refused
    if document.drafter_id == actor.pk and document.status in DRAFTING:
        return parse_body(document.body)
    raise Refused(_("Only the drafter, while drafting, or a records officer may do this."))


def withheld_paragraph_mark(
    *, document: Document, actor: Person, index: int, ground: int, note: str = ""
) -> WithheldParagraph:
    """Mark paragraph ``index`` as not for publication on ``ground`` (or change its ground)."""
    if ground not in GROUNDS:
        raise InvalidInput({"ground": [_("Grounds are numbers 1 to 8.")]})
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        body = _body_for(document=locked, actor=actor)
        if not 0 <= index < len(body.paragraphs):
            raise InvalidInput({"index": [_("The body has no such paragraph.")]})
        mark, _created = WithheldParagraph.objects.update_or_create(
            document=locked,
            index=index,
            defaults={
                "fingerprint": body.paragraphs[index].fingerprint,
                "anchored": True,
                "ground": ground,
                "note": note.strip()[:500],
                "marked_by": actor,
            },
        )
        audit(
            action="disclosure.paragraph_withheld",
            actor=actor,
            document=locked,
            target=mark,
            data={"index": index, "ground": ground},
        )
    return mark


def withheld_paragraph_unmark(*, document: Document, actor: Person, index: int) -> None:
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        _body_for(document=locked, actor=actor)
        deleted, _rows = WithheldParagraph.objects.filter(document=locked, index=index).delete()
        if not deleted:
            raise InvalidInput({"index": [_("This paragraph is not withheld.")]})
        audit(
            action="disclosure.paragraph_unwithheld",
            actor=actor,
            document=locked,
            data={"index": index},
        )


def attachment_release(
    *, review: DisclosureReview, attachment: Attachment, actor: Person, reason: str = ""
) -> AttachmentRelease:
    """Release one attachment of the reviewed document for publication."""
    if attachment.document_id != review.document_id:
        raise InvalidInput({"attachment": [_("The attachment belongs to another document.")]})
    if attachment.not_for_publication and not reason.strip():
        raise InvalidInput(
            {"reason": [_("The drafter withheld this attachment: give the reason to release it.")]}
        )
    with transaction.atomic():
        locked = review_locked(review_id=review.pk)
        require_editable(locked)
        release, created = AttachmentRelease.objects.get_or_create(
            review=locked,
            attachment=attachment,
            defaults={"released_by": actor, "reason": reason.strip()[:500]},
        )
        if created:
            audit(
                action="disclosure.attachment_released",
                actor=actor,
                document=locked.document,
                target=attachment,
            )
    return release


def attachment_unrelease(
    *, review: DisclosureReview, attachment: Attachment, actor: Person
) -> None:
    with transaction.atomic():
        locked = review_locked(review_id=review.pk)
        require_editable(locked)
        deleted, _rows = AttachmentRelease.objects.filter(
            review=locked, attachment=attachment
        ).delete()
        if deleted:
            audit(
                action="disclosure.attachment_unreleased",
                actor=actor,
                document=locked.document,
                target=attachment,
            )
