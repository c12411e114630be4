"""The records officer's decisions on a review: level and grounds, redactions, holds.

Rules:
- every write locks the review row and needs it unpublished (withdraw first);
- a level is decided with a recorded reason; partial and closed cite grounds 1-8;
  open is refused while anything is removed (a redaction or a withheld paragraph),
  here and not only at publication, so the officer learns it when deciding;
  citing ground 5 may name the related decision whose approval ends it;
- a redaction is a span of one field's plain text, inside the text and not empty;
  removing one keeps the row as rejected (the audit log says who and when);
- a hold stops the automatic publication of an open document until released;
- every action writes an audit event with ids, levels and grounds, never the text.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.disclosure_law import GROUNDS
from core.errors import InvalidInput
from directory.models import Person
from disclosure.models import DisclosureReview, Redaction, RedactionSource
from disclosure.redaction import FIELDS, VersionTexts
from disclosure.services.common import (
    audit,
    clean_grounds,
    require_editable,
    review_locked,
)
from disclosure.services.public import accepted_spans, withheld_paragraphs
from documents.models import DisclosureLevel, Document


def review_decide(
    *,
    review: DisclosureReview,
    actor: Person,
    level: str,
    grounds: list[int],
    reason: str,
    related_document: Document | None = None,
) -> DisclosureReview:
    """Accept or change the level and grounds, with the officer's reason."""
    if level not in DisclosureLevel.values:
        raise InvalidInput({"level": [_("Choose open, partial or closed.")]})
    if not reason.strip():
        raise InvalidInput({"reason": [_("Give the reason for the decision.")]})
    cleaned = clean_grounds(level=level, grounds=grounds)
    if related_document is not None and 5 not in cleaned:
        raise InvalidInput(
            {"related_document": [_("Only a document withheld on ground 5 waits for a decision.")]}
        )
    if related_document is not None and related_document.pk == review.document_id:
        raise InvalidInput({"related_document": [_("A document cannot wait for itself.")]})
    with transaction.atomic():
        locked = review_locked(review_id=review.pk)
        require_editable(locked)
        if level == DisclosureLevel.OPEN:
            _require_nothing_removed(locked)
        before = {"level": locked.level, "grounds": locked.grounds}
        locked.level, locked.grounds = level, cleaned
        locked.decision_reason = reason.strip()
        locked.decided_by, locked.decided_at = actor, timezone.now()
        locked.related_document = related_document
        locked.save()
        audit(
            action="disclosure.level_decided",
            actor=actor,
            document=locked.document,
            target=locked,
            data={
                "before": before,
                "level": level,
                "grounds": cleaned,
                "related_document": related_document.pk if related_document else None,
            },
        )
    return locked


def _require_nothing_removed(review: DisclosureReview) -> None:
    if accepted_spans(review) or withheld_paragraphs(review):
        raise InvalidInput(
            {
                "level": [
                    _(
                        "Parts of this document are removed (redactions or withheld "
                        "paragraphs): remove them first, or choose partial or closed."
                    )
                ]
            }
        )


def review_hold(*, review: DisclosureReview, actor: Person, reason: str) -> DisclosureReview:
    """Keep an open document from publishing by itself until the hold is released."""
    if not reason.strip():
        raise InvalidInput({"reason": [_("Give the reason for the hold.")]})
    with transaction.atomic():
        locked = review_locked(review_id=review.pk)
        require_editable(locked)
        locked.held_at, locked.hold_reason = timezone.now(), reason.strip()[:500]
        locked.save(update_fields=["held_at", "hold_reason", "updated_at"])
        audit(action="disclosure.held", actor=actor, document=locked.document, target=locked)
    return locked


def review_release_hold(*, review: DisclosureReview, actor: Person) -> DisclosureReview:
    with transaction.atomic():
        locked = review_locked(review_id=review.pk)
        locked.held_at, locked.hold_reason = None, ""
        locked.save(update_fields=["held_at", "hold_reason", "updated_at"])
        audit(
            action="disclosure.hold_released", actor=actor, document=locked.document, target=locked
        )
    return locked


def _check_span(texts: VersionTexts, field: str, start: int, end: int) -> None:
    if field not in FIELDS or field not in texts.fields:
        raise InvalidInput({"field": [_("This document has no such field.")]})
    length = len(texts.fields[field])
    if not 0 <= start < end <= length:
        raise InvalidInput(
            {
                "end": [
                    _("The span must lie within the text (0 to %(length)s).") % {"length": length}
                ]
            }
        )
    if not texts.fields[field][start:end].strip():
        raise InvalidInput({"start": [_("The span holds only spaces.")]})


def redaction_add(
    *,
    review: DisclosureReview,
    actor: Person,
    field: str,
    start: int,
    end: int,
    ground: int,
    reason: str = "",
) -> Redaction:
    """Remove characters start..end of a field from the public version."""
    if ground not in GROUNDS:
        raise InvalidInput({"ground": [_("Grounds are numbers 1 to 8.")]})
    with transaction.atomic():
        locked = review_locked(review_id=review.pk)
        require_editable(locked)
        _check_span(VersionTexts(locked.version.content), field, start, end)
        redaction = Redaction.objects.create(
            review=locked,
            field=field,
            start=start,
            end=end,
            ground=ground,
            kind="manual",
            source=RedactionSource.OFFICER,
            reason=reason.strip()[:500],
            created_by=actor,
        )
        audit(
            action="disclosure.redaction_added",
            actor=actor,
            document=locked.document,
            target=redaction,
            data={"field": field, "start": start, "end": end, "ground": ground},
        )
    return redaction


def redaction_remove(*, redaction: Redaction, actor: Person) -> Redaction:
    """Stop applying a redaction (a detector's proposal or an officer's span)."""
    with transaction.atomic():
        locked = review_locked(review_id=redaction.review_id)
        require_editable(locked)
        row = Redaction.objects.select_for_update().get(pk=redaction.pk)
        if row.rejected_at is None:
            row.rejected_at, row.rejected_by = timezone.now(), actor
            row.save(update_fields=["rejected_at", "rejected_by"])
            audit(
                action="disclosure.redaction_removed",
                actor=actor,
                document=locked.document,
                target=row,
                data={"field": row.field, "start": row.start, "end": row.end, "kind": row.kind},
            )
    return row
