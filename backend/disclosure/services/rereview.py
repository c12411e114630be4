"""Ground 5 re-review: a decision in progress is withheld only while it is in progress.

Rules:
- publishing a document withheld on ground 5 (Article 9(1)5) sets its re-review
  DISCLOSURE_GROUND5_REVIEW_MONTHS months ahead (review.rereview_at);
- when the related decision (review.related_document) is approved, or the
  re-review date passes (beat task), the review goes back to the queue: it is
  PENDING again, due in DISCLOSURE_REVIEW_DUE_WORKING_DAYS working days; the
  publication stays as it is until an officer publishes again;
- reopening is idempotent: a review already pending is left alone.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from disclosure.models import DisclosureReview, ReviewStatus
from disclosure.services.common import audit
from disclosure.services.tagging import review_due_at
from documents.models import Document

GROUND_IN_PROGRESS = 5


def add_months(moment: dt.datetime, months: int) -> dt.datetime:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def rereview_date(*, grounds: list[int], now: dt.datetime | None = None) -> dt.datetime | None:
    """When a review citing ``grounds`` must be looked at again (None without ground 5)."""
    if GROUND_IN_PROGRESS not in grounds:
        return None
    return add_months(now or timezone.now(), settings.DISCLOSURE_GROUND5_REVIEW_MONTHS)


def review_reopen(*, review_id: int, cause: str) -> bool:
    """Put a published or withdrawn ground-5 review back in the queue; False if it was."""
    with transaction.atomic():
        review = DisclosureReview.objects.select_for_update().get(pk=review_id)
        if review.status == ReviewStatus.PENDING:
            return False
        now = timezone.now()
        review.status = ReviewStatus.PENDING
        review.queued_at = now
        review.due_at = review_due_at(now)
        review.rereview_at = None
        review.rereview_count += 1
        review.save()
        audit(
            action="disclosure.rereview_queued",
            actor=None,
            document=review.document,
            target=review,
            data={"cause": cause, "grounds": review.grounds},
        )
    return True


def reviews_reopen_for_decision(*, document: Document) -> int:
    """Re-queue the ground-5 reviews that named ``document`` as their pending decision;
    those waiting for a decision (lapse_events) have ``decision_taken`` recorded."""
    from disclosure.services.lapses import reviews_record_decision

    related = list(
        DisclosureReview.objects.filter(related_document=document).values_list(
            "pk", "rereview_at", "lapse_events"
        )
    )
    if not related:
        return 0
    waiting = [pk for pk, _at, events in related if "decision_taken" in events]
    recorded = reviews_record_decision(
        review_ids=waiting, document_number=document.number or str(document.pk)
    )
    reopened = sum(
        review_reopen(review_id=pk, cause="related_decision_approved")
        for pk, at, _events in related
        if at is not None and pk not in recorded
    )
    return reopened + len(recorded)


def reviews_reopen_due(*, now: dt.datetime | None = None) -> int:
    """Re-queue every ground-5 review whose re-review date has passed (the beat task)."""
    ids = DisclosureReview.objects.filter(rereview_at__lte=now or timezone.now()).values_list(
        "pk", flat=True
    )
    return sum(review_reopen(review_id=pk, cause="rereview_date") for pk in list(ids))
