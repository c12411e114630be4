"""Ground 5 re-review, and the transparency statistics."""

import datetime as dt

import pytest
from django.utils import timezone

from core.errors import InvalidInput
from disclosure.models import DisclosureReview, ReviewStatus
from disclosure.selectors import transparency_stats
from disclosure.services.publish import publication_publish, publication_withdraw
from disclosure.services.requests import disclosure_request_create
from disclosure.services.rereview import add_months, reviews_reopen_due
from disclosure.services.review import review_decide
from disclosure.services.tagging import disclosure_tag, disclosure_tag_on_approval
from tests.disclosure.records import (
    BODY_WITH_PERSONAL_DATA,
    approved_document,
    officer,
    publishing,  # noqa: F401 - fixture
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("publishing")]


def _withheld_on_ground_5(related=None) -> DisclosureReview:
    document = approved_document(body="<p>협상 중인 계약 조건</p>")
    review = disclosure_tag(document_id=document.pk)
    review_decide(
        review=review, actor=officer(), level="closed", grounds=[5], reason="협상 중",
        related_document=related,
    )  # fmt: skip
    publication_publish(document=document, actor=officer())
    return DisclosureReview.objects.get(pk=review.pk)


def test_add_months_keeps_the_day_or_the_months_last():
    moment = dt.datetime(2026, 8, 31, 9, 0, tzinfo=dt.UTC)
    assert add_months(moment, 6) == dt.datetime(2027, 2, 28, 9, 0, tzinfo=dt.UTC)
    assert add_months(moment, 1).month == 9


def test_publishing_on_ground_5_schedules_the_rereview(settings):
    settings.DISCLOSURE_GROUND5_REVIEW_MONTHS = 6
    review = _withheld_on_ground_5()
    assert review.status == ReviewStatus.PUBLISHED
    expected = add_months(timezone.now(), 6)
    assert review.rereview_at is not None
    assert abs((review.rereview_at - expected).total_seconds()) < 60


def test_the_related_decisions_approval_requeues_it(django_capture_on_commit_callbacks):
    decision = approved_document(body="<p>계약 체결 결정</p>")
    review = _withheld_on_ground_5(related=decision)
    with django_capture_on_commit_callbacks(execute=True):
        disclosure_tag_on_approval(document=decision)
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING
    assert review.rereview_count == 1
    assert review.rereview_at is None
    # AND the publication stays as it was until an officer publishes again
    assert review.document.publication.is_public
    assert review.document.publication.level == "closed"


def test_the_beat_requeues_after_the_months_once():
    review = _withheld_on_ground_5()
    other = _withheld_on_ground_5()
    DisclosureReview.objects.filter(pk=review.pk).update(
        rereview_at=timezone.now() - dt.timedelta(days=1)
    )
    assert reviews_reopen_due() == 1
    assert reviews_reopen_due() == 0
    assert DisclosureReview.objects.get(pk=review.pk).status == ReviewStatus.PENDING
    assert DisclosureReview.objects.get(pk=other.pk).status == ReviewStatus.PUBLISHED


def test_only_ground_5_names_a_related_decision():
    document = approved_document()
    review = disclosure_tag(document_id=document.pk)
    with pytest.raises(InvalidInput):
        review_decide(
            review=review, actor=officer(), level="closed", grounds=[6], reason="x",
            related_document=approved_document(),
        )  # fmt: skip


def test_transparency_stats_count_levels_grounds_withdrawals_and_requests():
    # GIVEN in one unit: an open, a partial (6) and a closed (5) publication, one withdrawn,
    # and two requests, one refused
    open_doc = approved_document()
    unit = open_doc.unit
    partial_doc = approved_document(body=BODY_WITH_PERSONAL_DATA, unit=unit)
    closed_review = _withheld_on_ground_5()
    records = officer(unit=unit)
    publication_publish(document=open_doc, actor=records)
    partial = publication_publish(document=partial_doc, actor=records)
    publication_withdraw(publication=partial, actor=records, reason="오류")
    for _ in range(2):
        disclosure_request_create(
            name="a", email="a@b.kr", phone="", subject="s", reason="", document=open_doc,
            client_address=None, consent=True,
        )  # fmt: skip
    # WHEN the statistics are read
    rows = transparency_stats(year=timezone.localdate().year)
    # THEN the unit's row for this month says so
    row = next(r for r in rows if r["unit_id"] == unit.pk)
    assert row["month"] == timezone.localdate().strftime("%Y-%m")
    assert row["published"] == {"open": 1, "partial": 1, "closed": 0}
    assert row["grounds"]["6"] == 1
    assert row["withdrawn"] == 1
    assert row["requests"] == {"pending": 2, "granted": 0, "partial": 0, "refused": 0}
    closed_row = next(r for r in rows if r["unit_id"] == closed_review.document.unit_id)
    assert closed_row["published"]["closed"] == 1
    assert closed_row["grounds"]["5"] == 1
    assert transparency_stats(year=1999) == []
