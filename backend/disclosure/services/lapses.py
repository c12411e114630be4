"""Time-limited withholding: recording the event that ends it.

A signal of ground 4, 5 or 8 names the event that ends it (classification.LapseEvent:
the tender announced, the contract awarded, the disposition final, the decision
taken, the case closed); a review keeps the events its standing signals wait for
(review.lapse_events). Rules:
- a records officer records one of those events once per review, with the day it
  happened (today by default) and a note; the final approval of the related
  decision (review.related_document) records ``decision_taken`` by itself;
- recording it reruns the suggestion with every event recorded so far set aside:
  the review's suggested level, grounds, explanations, signals and pending events
  follow; a ground whose every signal lapsed leaves the review's grounds unless a
  withheld paragraph or an accepted redaction still rests on it, and with no ground
  left the level is open (otherwise it is the stricter of the new suggestion and
  partial, as something is still withheld);
- the review goes back to the records officers' queue (a published or withdrawn
  review is reopened, rereview.review_reopen; a pending one is updated in place):
  the document opens when an officer publishes it, never by itself.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.disclosure_law import stricter
from core.errors import ConflictError, InvalidInput
from directory.models import Person
from disclosure.classification import LapseEvent, compare_with_suggestion
from disclosure.models import (
    DisclosureReview,
    Redaction,
    ReviewStatus,
    WithheldParagraph,
    WithholdingLapse,
)
from disclosure.redaction import VersionTexts
from disclosure.services.common import audit, review_locked
from disclosure.services.rereview import review_reopen
from disclosure.services.tagging import stored_explanation, version_suggestion
from documents.models import DisclosureLevel


def review_lapse_record(
    *,
    review_id: int,
    event: str,
    actor: Person | None,
    occurred_on: dt.date | None = None,
    note: str = "",
) -> WithholdingLapse:
    """Record that ``event`` happened for a review and put it back in the queue."""
    if event not in LapseEvent.__members__.values():
        raise InvalidInput({"event": [_("This is not an event that ends a withholding.")]})
    today = timezone.localdate()
    if occurred_on is not None and occurred_on > today:
        raise InvalidInput({"occurred_on": [_("The event cannot be in the future.")]})
    with transaction.atomic():
        review = review_locked(review_id=review_id)
        if event not in review.lapse_events:
            raise ConflictError(_("No withholding of this document ends with this event."))
        if review.lapses.filter(event=event).exists():
            raise ConflictError(_("This event is already recorded for this document."))
        lapse = WithholdingLapse.objects.create(
            review=review,
            event=event,
            occurred_on=occurred_on or today,
            note=note.strip()[:500],
            recorded_by=actor,
        )
        before = list(review.grounds)
        _resuggest(review)
        audit(
            action="disclosure.lapse_recorded",
            actor=actor,
            document=review.document,
            target=review,
            data={"event": event, "grounds_before": before, "grounds": review.grounds},
        )
        reopen = review.status in (ReviewStatus.PUBLISHED, ReviewStatus.WITHDRAWN)
    if reopen:
        review_reopen(review_id=review.pk, cause=f"lapse:{event}")
    return lapse


def reviews_record_decision(*, review_ids: list[int], document_number: str) -> list[int]:
    """Record ``decision_taken`` for the reviews that wait for it; the ids recorded."""
    recorded = []
    for pk in review_ids:
        waiting = DisclosureReview.objects.filter(
            pk=pk, lapse_events__contains=[LapseEvent.DECISION_TAKEN.value]
        ).exclude(lapses__event=LapseEvent.DECISION_TAKEN)
        if waiting.exists():
            review_lapse_record(
                review_id=pk,
                event=LapseEvent.DECISION_TAKEN,
                actor=None,
                note=str(_("The related decision %(number)s was approved."))
                % {"number": document_number},
            )
            recorded.append(pk)
    return recorded


def _resuggest(review: DisclosureReview) -> None:
    """The suggestion again with the recorded events set aside (the module's rules)."""
    texts = VersionTexts(review.version.content)
    lapsed = set(review.lapses.values_list("event", flat=True))
    _findings, suggestion = version_suggestion(document=review.document, texts=texts, lapsed=lapsed)
    gone = set(review.suggested_grounds) - set(suggestion.grounds) - _still_resting(review)
    grounds = sorted(set(review.grounds) - gone)
    level: str = DisclosureLevel.OPEN
    if grounds:
        level = stricter(suggestion.level.value, DisclosureLevel.PARTIAL)
    comparison = compare_with_suggestion(
        proposed_level=review.proposed_level or DisclosureLevel.OPEN,
        proposed_grounds=review.proposed_grounds,
        suggestion=suggestion,
    )
    review.suggested_level = suggestion.level.value
    review.suggested_grounds = list(suggestion.grounds)
    review.explanations = [stored_explanation(texts, e) for e in suggestion.explanations]
    review.has_signals = bool(suggestion.signals)
    review.lapse_events = list(suggestion.lapse_events)
    review.disagrees = comparison.disagrees
    review.comparison = {
        "level_differs": comparison.level_differs,
        "missing_grounds": list(comparison.missing_grounds),
        "extra_grounds": list(comparison.extra_grounds),
    }
    review.level, review.grounds = level, grounds
    review.save()


def _still_resting(review: DisclosureReview) -> set[int]:
    """The grounds a withheld paragraph or a kept redaction still rests on."""
    paragraphs = WithheldParagraph.objects.filter(document=review.document, anchored=True)
    redactions = Redaction.objects.filter(review=review, rejected_at__isnull=True)
    return set(paragraphs.values_list("ground", flat=True)) | set(
        redactions.values_list("ground", flat=True)
    )
