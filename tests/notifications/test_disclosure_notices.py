"""Records officers' notices have kinds and titles of their own, not "[결재 요청]"."""

import datetime as dt
from typing import Any

import pytest
from django.conf import settings

from directory.models import Person
from disclosure.models import DisclosureRequest
from disclosure.services.request_decisions import disclosure_requests_remind
from disclosure.services.requests import disclosure_request_create
from disclosure.services.tagging import disclosure_tag
from documents.models import Document
from notifications.models import Notification
from tests.disclosure.records import approved_document, officer

pytestmark = pytest.mark.django_db


def _request(document: Document | None) -> DisclosureRequest:
    return disclosure_request_create(
        name="김시민", email="citizen@example.com", phone="", subject="회의록 공개 요청",
        reason="연구 목적", document=document, client_address="203.0.113.5", consent=True,
    )  # fmt: skip


def _links(notice: Notification) -> list[str]:
    return [word for word in notice.body.split() if "://" in word]


def test_a_review_due_is_its_own_kind_with_the_staff_document_link() -> None:
    # GIVEN an approved document of a unit with a records officer
    document = approved_document(title="2026 청사 보수 계획")
    records = officer(unit=document.unit)

    # WHEN it is tagged for disclosure
    disclosure_tag(document_id=document.pk)

    # THEN the officer is told of a disclosure review, not asked to approve
    (notice,) = Notification.objects.filter(recipient=records)
    assert notice.kind == "disclosure_review_due"
    assert notice.title == "[공개 여부 검토] 2026 청사 보수 계획"
    assert "결재" not in notice.title
    assert _links(notice) == [settings.SITE_URL + f"/app/documents/{document.pk}"]


@pytest.fixture
def records(settings: Any) -> Person:
    """The records office's officer, who receives requests naming no document."""
    settings.DISCLOSURE_REQUEST_REMIND_WORKING_DAYS = 2
    person = officer()
    settings.DISCLOSURE_RECORDS_OFFICE_UNIT_CODE = person.unit.code
    return person


def _request_link(request: DisclosureRequest) -> list[str]:
    return [settings.SITE_URL + f"/app/disclosure/requests/{request.pk}"]


def test_a_request_received_is_its_own_kind_with_the_requests_link(records: Person) -> None:
    # WHEN a citizen's request naming no document is received
    request = _request(None)

    # THEN the officer is told of a disclosure request, linked to the request's page
    (received,) = Notification.objects.filter(recipient=records)
    assert received.kind == "disclosure_request_received"
    assert received.title == f"[정보공개청구] {request.receipt_number} 회의록 공개 요청"
    assert _links(received) == _request_link(request)


@pytest.mark.parametrize(
    ("days", "kind", "label"),
    [(-1, "disclosure_request_due", "기한 임박"), (1, "disclosure_request_overdue", "기한 경과")],
)
def test_a_requests_reminder_says_whether_it_is_due_or_overdue(
    records: Person, days: int, kind: str, label: str
) -> None:
    # GIVEN a received request
    request = _request(None)

    # WHEN the reminders run the day before its deadline, or the day after
    disclosure_requests_remind(today=request.due_date + dt.timedelta(days=days))

    # THEN the officer's reminder has the kind and title of that, and the request's link
    reminder = Notification.objects.exclude(kind="disclosure_request_received").get(
        recipient=records
    )
    assert reminder.kind == kind
    assert reminder.title == f"[정보공개청구 {label}] {request.receipt_number} 회의록 공개 요청"
    assert _links(reminder) == _request_link(request)
