"""What a review makes public: the redacted version and the attachments it releases.

Rules:
- the accepted redactions are those not rejected; withheld paragraphs count when
  they were found in the approved body (anchored);
- a document with anything removed (a redaction or a withheld paragraph) cannot
  be open: it is partial or closed, and each removal's ground is among its grounds;
- attachments: of an open document, every one the drafter did not withhold; of a
  partial or closed one, only those an officer released, one by one.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.errors import InvalidInput
from disclosure.models import AttachmentRelease, DisclosureReview, WithheldParagraph
from disclosure.redaction import FieldSpan, PublicVersion, VersionTexts, public_version
from documents.models import Attachment, DisclosureLevel


def accepted_spans(review: DisclosureReview) -> list[FieldSpan]:
    return [
        FieldSpan(field, start, end, ground)
        for field, start, end, ground in review.redactions.filter(
            rejected_at__isnull=True
        ).values_list("field", "start", "end", "ground")
    ]


def withheld_paragraphs(review: DisclosureReview) -> dict[int, int]:
    """Paragraph index -> ground, for the marks found in the approved body."""
    return dict(
        WithheldParagraph.objects.filter(document_id=review.document_id, anchored=True).values_list(
            "index", "ground"
        )
    )


def review_public_version(review: DisclosureReview) -> PublicVersion:
    """The redacted version of the review's approved version."""
    texts = VersionTexts(review.version.content)
    return public_version(texts, accepted_spans(review), withheld_paragraphs(review))


def check_publishable(review: DisclosureReview) -> None:
    """Raise a InvalidInput naming what is inconsistent (see the module's rules)."""
    removed = {span.ground for span in accepted_spans(review)}
    removed |= set(withheld_paragraphs(review).values())
    if review.level == DisclosureLevel.OPEN and removed:
        raise InvalidInput({"level": [_("Parts of this document are removed: it cannot be open.")]})
    if review.level != DisclosureLevel.OPEN and not review.grounds:
        raise InvalidInput({"grounds": [_("Partial or closed disclosure must cite grounds.")]})
    missing = removed - set(review.grounds)
    if review.level == DisclosureLevel.PARTIAL and missing:
        raise InvalidInput(
            {
                "grounds": [
                    _("The grounds must include those of the removed parts: %(grounds)s.")
                    % {"grounds": ", ".join(str(g) for g in sorted(missing))}
                ]
            }
        )


def published_attachments(review: DisclosureReview) -> list[Attachment]:
    """The attachments citizens may download once the review is published."""
    if review.level == DisclosureLevel.OPEN:
        return list(
            Attachment.objects.filter(
                document_id=review.document_id, not_for_publication=False
            ).order_by("id")
        )
    released = AttachmentRelease.objects.filter(review=review).values_list(
        "attachment_id", flat=True
    )
    return list(Attachment.objects.filter(pk__in=released).order_by("id"))
