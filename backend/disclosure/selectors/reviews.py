"""The records officer's queue and the detail of one review."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from disclosure.models import AttachmentRelease, DisclosureReview, ReviewStatus, WithheldParagraph
from disclosure.redaction import VersionTexts
from disclosure.selectors.auto_publication import auto_publication
from disclosure.services.public import review_public_version
from documents.models import Attachment


def reviews_for_officers() -> QuerySet[DisclosureReview]:
    """Every review, with what the queue shows joined in (officers see them all)."""
    return DisclosureReview.objects.select_related(
        "document", "document__unit", "decided_by"
    ).annotate(redaction_count=Count("redactions", filter=Q(redactions__rejected_at__isnull=True)))


def review_queue(
    *,
    status: str = ReviewStatus.PENDING,
    unit_id: int | None = None,
    kind: str | None = None,
    disagrees: bool | None = None,
) -> QuerySet[DisclosureReview]:
    """Reviews in ``status`` (the queue: pending), oldest due first."""
    reviews = reviews_for_officers().filter(status=status)
    if unit_id is not None:
        reviews = reviews.filter(document__unit_id=unit_id)
    if kind:
        reviews = reviews.filter(document__kind=kind)
    if disagrees is not None:
        reviews = reviews.filter(disagrees=disagrees)
    return reviews.order_by("due_at", "id")


def review_detail(*, review: DisclosureReview) -> dict[str, Any]:
    """The texts with their redactions, the paragraphs, attachments and the public preview.

    Spans are character offsets into each field's text; each comes with its kind,
    ground, source, confidence and reason, so the officer sees why it is there.
    """
    texts = VersionTexts(review.version.content)
    redactions = list(review.redactions.order_by("field", "start", "id"))
    marks = {m.index: m for m in WithheldParagraph.objects.filter(document_id=review.document_id)}
    released = set(
        AttachmentRelease.objects.filter(review=review).values_list("attachment_id", flat=True)
    )
    return {
        "review": review,
        "fields": [
            {"name": name, "text": text, "redactions": [r for r in redactions if r.field == name]}
            for name, text in texts.fields.items()
        ],
        "paragraphs": [
            {"index": p.index, "start": p.start, "end": p.end, "mark": marks.get(p.index)}
            for p in texts.body.paragraphs
        ],
        "lost_marks": [m for m in marks.values() if not m.anchored],
        "attachments": [
            {"attachment": a, "released": a.pk in released}
            for a in Attachment.objects.filter(document_id=review.document_id).order_by("id")
        ],
        "preview": review_public_version(review),
        "lapses": list(review.lapses.select_related("recorded_by").order_by("recorded_at", "id")),
        "auto_publication": auto_publication(review),
    }
