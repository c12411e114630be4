"""Who is told what along the approval line, walked through the real services.

References (참조) hear of the submission and the approval; the drafter hears of a
hold and of a consultee's disagreement (이견); a deputy's "waiting for you" is
withdrawn once the step goes back to the returning approver; every link is the staff
app's document page.
"""

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from approvals.line import LineSpec, StageSpec
from approvals.models import ApprovalStep, StageKind, StepStatus
from approvals.services import (
    consult_respond,
    document_recall,
    document_submit,
    step_approve,
    step_hold,
)
from directory.models import Person, Rank
from directory.services.absences import absence_create, absence_update
from documents.models import Document
from notifications.emailing import notifications_email_send
from notifications.models import Notification
from tests.support.walk import Organisation, delegation_rules_set, draft, organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def org() -> Organisation:
    # The division head takes the final approval under a rule (전결).
    delegation_rules_set(Rank.DIVISION_HEAD)
    return organisation()


def _submit(org: Organisation, *, references: tuple[Person, ...] = (), consult: bool = False):
    chain = org.chain
    stages = [StageSpec(StageKind.REVIEW, (chain.team_leader.pk,))]
    if consult:
        stages.append(StageSpec(StageKind.CONSULT, (org.consultee.pk,)))
    stages.append(StageSpec(StageKind.APPROVE, (chain.division_head.pk,)))
    spec = LineSpec(stages=tuple(stages), reference_ids=tuple(p.pk for p in references))
    document = draft(org, title="2026 청사 보수 계획")
    return document_submit(document=document, actor=org.drafter, spec=spec)


def _pending(document: Document, person: Person) -> ApprovalStep:
    return ApprovalStep.objects.get(
        stage__document=document, assignee=person, status=StepStatus.PENDING
    )


def _notices(person: Person, **filters: Any) -> list[Notification]:
    return list(Notification.objects.filter(recipient=person, **filters).order_by("id"))


def _links_are_the_staff_page(document: Document) -> None:
    expected = settings.SITE_URL + f"/app/documents/{document.pk}"
    rows = Notification.objects.filter(document=document)
    assert rows.exists()
    for row in rows:
        links = [word for word in row.body.split() if "://" in word]
        assert links == [expected], (row.kind, row.body)


def test_references_are_told_of_the_submission_and_of_the_approval(org: Organisation) -> None:
    # GIVEN a document sent with two references (참조)
    first, second = org.consultee, org.division_deputy
    document = _submit(org, references=(first, second))

    # THEN each reference is told it was submitted, in Korean
    for person in (first, second):
        (notice,) = _notices(person, kind="referenced")
        assert notice.title == "[참조] 2026 청사 보수 계획"
        assert org.drafter.name in notice.body

    # WHEN the line approves it
    step_approve(step_id=_pending(document, org.chain.team_leader).pk, actor=org.chain.team_leader)
    head = org.chain.division_head
    step_approve(step_id=_pending(document, head).pk, actor=head)

    # THEN the drafter and each reference are told of the approval, with the number
    document.refresh_from_db()
    for person in (org.drafter, first, second):
        (notice,) = _notices(person, kind="approved")
        assert document.number in notice.body
    _links_are_the_staff_page(document)


def test_the_drafter_is_told_of_a_hold_with_its_reason(org: Organisation) -> None:
    # GIVEN a submitted document waiting for the team leader
    document = _submit(org)
    leader = org.chain.team_leader

    # WHEN the team leader holds it (보류) with a reason
    step_hold(step_id=_pending(document, leader).pk, actor=leader, reason="예산 확정 후 검토")

    # THEN the drafter is told who held it and why
    (notice,) = _notices(org.drafter, kind="held")
    assert notice.title == "[보류] 2026 청사 보수 계획"
    assert "예산 확정 후 검토" in notice.body
    assert leader.name in notice.body
    _links_are_the_staff_page(document)


def test_the_drafter_is_told_of_a_consultees_disagreement(org: Organisation) -> None:
    # GIVEN a document with a consult stage (협조), past its review
    document = _submit(org, consult=True)
    leader = org.chain.team_leader
    step_approve(step_id=_pending(document, leader).pk, actor=leader)

    # WHEN the consultee disagrees (이견) with an opinion
    step = _pending(document, org.consultee)
    consult_respond(step_id=step.pk, actor=org.consultee, agree=False, comment="소관 중복")

    # THEN the drafter is told, with the opinion; an agreement tells nobody
    (notice,) = _notices(org.drafter, kind="disagreed")
    assert notice.title == "[협조 이견] 2026 청사 보수 계획"
    assert "소관 중복" in notice.body
    assert org.consultee.name in notice.body
    _links_are_the_staff_page(document)


def test_a_deputys_notice_is_withdrawn_when_the_step_goes_back(
    org: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    # GIVEN the division head away, their deputy named, and a document reaching them
    head, deputy = org.chain.division_head, org.division_deputy
    now = timezone.now()
    absence = absence_create(
        actor=head.user, person=head, deputy=deputy,
        starts_at=now, ends_at=now + dt.timedelta(days=1), reason="연가",
    )  # fmt: skip
    document = _submit(org)
    leader = org.chain.team_leader
    step_approve(step_id=_pending(document, leader).pk, actor=leader)
    (deputy_notice,) = _notices(deputy, kind="task_assigned")
    deputy_client = APIClient()
    deputy_client.force_authenticate(deputy.user)
    assert deputy_client.get("/api/notifications/unread-count/").json() == {"unread": 1}

    # WHEN the head comes back before the deputy acted: the step goes back to them
    with django_capture_on_commit_callbacks(execute=True):
        absence_update(actor=head.user, absence=absence, ends_at=timezone.now())
    assert _pending(document, head).is_proxy is False

    # THEN the deputy's notice is withdrawn: not in their inbox, not counted, not e-mailed
    deputy_notice.refresh_from_db()
    assert deputy_notice.withdrawn_at is not None
    assert deputy_client.get("/api/notifications/").json()["count"] == 0
    assert deputy_client.get("/api/notifications/unread-count/").json() == {"unread": 0}
    Notification.objects.filter(pk=deputy_notice.pk).update(emailed_at=None)
    mail.outbox.clear()
    notifications_email_send(notification_ids=[deputy_notice.pk])
    assert mail.outbox == []
    # AND the head is told the step waits for them
    assert _notices(head, kind="task_assigned", withdrawn_at__isnull=True)
    _links_are_the_staff_page(document)


def test_a_deputys_notice_is_withdrawn_when_the_drafter_recalls_the_document(
    org: Organisation,
) -> None:
    # GIVEN the division head away, and a document whose first step is theirs: their
    # deputy holds it (대결) and was told it waits for them
    head, deputy = org.chain.division_head, org.division_deputy
    now = timezone.now()
    absence_create(
        actor=head.user, person=head, deputy=deputy,
        starts_at=now, ends_at=now + dt.timedelta(days=1), reason="연가",
    )  # fmt: skip
    spec = LineSpec(stages=(StageSpec(StageKind.APPROVE, (head.pk,)),))
    document = document_submit(document=draft(org, title="회수 문서"), actor=org.drafter, spec=spec)
    (notice,) = _notices(deputy, kind="task_assigned")

    # WHEN the drafter recalls it (회수) before anyone acted
    document_recall(document=document, actor=org.drafter)

    # THEN the deputy's notice is withdrawn
    notice.refresh_from_db()
    assert notice.withdrawn_at is not None
    deputy_client = APIClient()
    deputy_client.force_authenticate(deputy.user)
    assert deputy_client.get("/api/notifications/").json()["count"] == 0
