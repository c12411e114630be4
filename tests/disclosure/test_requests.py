"""Disclosure requests at engine level: every path of the flow (granted, partial,
refused, extended), receipt numbers, deadlines, reminders and the citizen's follow-up."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from viewflow.workflow.status import PROCESS

from core.errors import ConflictError, InvalidInput
from disclosure.models import DisclosureRequest, RequestStatus
from disclosure.services.calendar import add_working_days, is_working_day
from disclosure.services.request_decisions import (
    disclosure_request_decide,
    disclosure_request_extend,
    disclosure_requests_remind,
    request_process,
)
from disclosure.services.requests import disclosure_request_create, disclosure_request_status
from documents.models import Document
from notifications.models import Notification
from portal.models import Publication
from tests.disclosure.records import (
    BODY_WITH_PERSONAL_DATA,
    approved_document,
    officer,
    publishing,  # noqa: F401 - fixture
)
from tests.factories.directory import UnitFactory
from workflows.disclosure_request import DisclosureRequestFlow

pytestmark = pytest.mark.django_db


def _request(document: Document | None = None, **fields: Any) -> DisclosureRequest:
    values: dict[str, Any] = {
        "name": "김시민",
        "email": "citizen@example.com",
        "phone": "010-1111-2222",
        "subject": "회의록 공개 요청",
        "reason": "연구 목적",
        "document": document,
        "client_address": "203.0.113.5",
        "consent": True,
    }
    values.update(fields)
    return disclosure_request_create(**values)


def _tasks(request: DisclosureRequest) -> tuple[list[tuple[str, str]], Any]:
    process = request_process(request)
    return [(t.flow_task.name, t.status) for t in process.task_set.order_by("id")], process


def test_receipt_numbers_are_gapless_per_year_and_the_unit_officer_gets_the_task():
    # GIVEN an approved document of a unit with a records officer
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    records = officer(unit=document.unit)
    # WHEN two citizens ask for it
    first, second = _request(document), _request(document, email="other@example.com")
    # THEN the receipts follow each other in this year
    year = timezone.localdate(first.received_at).year
    assert first.receipt_number == f"{year}-000001"
    assert second.receipt_number == f"{year}-000002"
    # AND the deadline is the 10th working day after receipt
    assert first.due_date == add_working_days(timezone.localdate(first.received_at), 10)
    assert is_working_day(first.due_date)
    # AND the flow waits at the decision task, assigned to the unit's officer, who was told
    tasks, _process = _tasks(first)
    assert tasks[-1] == ("decide", "ASSIGNED")
    assert request_process(first).task_set.get(flow_task=DisclosureRequestFlow.decide).owner == (
        records.user
    )
    assert Notification.objects.filter(recipient=records).exists()


@pytest.mark.usefixtures("publishing")
def test_granted_request_publishes_the_document_and_ends():
    document = approved_document()
    records = officer(unit=document.unit)
    request = _request(document)
    decided = disclosure_request_decide(
        request=request, actor=records, decision="disclose", grounds=[], reason=""
    )
    assert decided.status == RequestStatus.GRANTED
    publication = Publication.objects.get(document=document)
    assert publication.is_public
    assert publication.level == "open"
    tasks, process = _tasks(request)
    assert [name for name, _status in tasks] == [
        "start",
        "route",
        "decide",
        "outcome",
        "publish",
        "end",
    ]
    assert process.status == PROCESS.DONE


@pytest.mark.usefixtures("publishing")
def test_partial_request_publishes_the_redacted_document():
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    records = officer(unit=document.unit)
    request = _request(document)
    # A full disclosure is refused while personal data is removed
    with pytest.raises(InvalidInput):
        disclosure_request_decide(
            request=request, actor=records, decision="disclose", grounds=[], reason=""
        )
    decided = disclosure_request_decide(
        request=request, actor=records, decision="partial", grounds=[6], reason="개인정보 제외"
    )
    assert decided.status == RequestStatus.PARTIAL
    assert decided.decision_grounds == [6]
    publication = Publication.objects.get(document=document)
    assert (publication.level, publication.grounds) == ("partial", [6])
    assert "010-2345-6789" not in publication.public_text


def test_refused_request_publishes_nothing_and_ends():
    document = approved_document()
    records = officer(unit=document.unit)
    request = _request(document)
    with pytest.raises(InvalidInput):  # a refusal cites grounds
        disclosure_request_decide(
            request=request, actor=records, decision="refuse", grounds=[], reason="x"
        )
    decided = disclosure_request_decide(
        request=request, actor=records, decision="refuse", grounds=[4], reason="수사 중"
    )
    assert decided.status == RequestStatus.REFUSED
    assert not Publication.objects.exists()
    tasks, process = _tasks(request)
    assert [name for name, _status in tasks][-2:] == ["outcome", "end"]
    assert process.status == PROCESS.DONE
    with pytest.raises(ConflictError):  # decided once
        disclosure_request_decide(
            request=request, actor=records, decision="refuse", grounds=[4], reason="again"
        )


@pytest.mark.usefixtures("publishing")
def test_extended_once_then_decided_on_the_second_task():
    document = approved_document()
    records = officer(unit=document.unit)
    request = _request(document)
    extended = disclosure_request_extend(request=request, actor=records, reason="제3자 의견 청취")
    assert extended.status == RequestStatus.EXTENDED
    assert extended.extended_due_date == add_working_days(request.due_date, 10)
    tasks, _process = _tasks(request)
    assert tasks[-1] == ("decide_extended", "ASSIGNED")
    # A second extension is refused
    with pytest.raises(ConflictError):
        disclosure_request_extend(request=request, actor=records, reason="again")
    decided = disclosure_request_decide(
        request=request, actor=records, decision="disclose", grounds=[], reason=""
    )
    assert decided.status == RequestStatus.GRANTED
    assert Publication.objects.get(document=document).is_public


def test_a_request_without_document_goes_to_the_records_office(settings):
    records = officer()
    settings.DISCLOSURE_RECORDS_OFFICE_UNIT_CODE = records.unit.code
    request = _request(None, subject="2025년 업무추진비 내역")
    assert request.unit == records.unit
    decided = disclosure_request_decide(
        request=request, actor=records, decision="disclose", grounds=[], reason="별도 송부"
    )
    assert decided.status == RequestStatus.GRANTED
    assert _tasks(request)[1].status == PROCESS.DONE


def test_bad_input_names_the_field():
    with pytest.raises(InvalidInput) as error:
        _request(None, email="not-an-email", subject="")
    assert set(error.value.detail) == {"email", "subject"}
    assert not DisclosureRequest.objects.exists()


def test_status_needs_the_receipt_and_the_same_email():
    UnitFactory.create(name="시장실")  # no records office configured: the top unit
    request = _request(None)
    assert (
        disclosure_request_status(
            receipt_number=request.receipt_number, email="CITIZEN@example.com"
        )
        == request
    )
    assert disclosure_request_status(receipt_number=request.receipt_number, email="x@y.kr") is None
    assert (
        disclosure_request_status(receipt_number="2000-000001", email="citizen@example.com") is None
    )


def test_reminders_go_once_per_deadline_as_it_nears(settings):
    settings.DISCLOSURE_REQUEST_REMIND_WORKING_DAYS = 2
    records = officer()
    settings.DISCLOSURE_RECORDS_OFFICE_UNIT_CODE = records.unit.code
    request = _request(None)
    Notification.objects.all().delete()
    far = timezone.localdate(request.received_at)
    assert disclosure_requests_remind(today=far) == 0
    near = request.due_date - dt.timedelta(days=1)
    assert disclosure_requests_remind(today=near) == 1
    assert disclosure_requests_remind(today=near) == 0
    assert Notification.objects.filter(recipient=records).count() == 1
