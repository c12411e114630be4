"""Every path of the approval flows, through the REST API, for each kind of document."""

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from approvals.models import ApprovalStep, StepStatus
from approvals.services import timers_fire_due
from approvals.services.personnel import personnel_effective_at
from directory.models import Person
from documents.models import Document, DocumentKind, DocumentStatus, PersonnelAction
from tests.factories.approvals import ApprovalOrg, approval_org, draft, line, open_step
from tests.factories.directory import AbsenceFactory, PersonFactory
from tests.factories.documents import tomorrow

pytestmark = pytest.mark.django_db
ClientAs = Callable[[Person], APIClient]
KINDS = [DocumentKind.MEMO, DocumentKind.BUDGET, DocumentKind.PERSONNEL]


def _line_data(org: ApprovalOrg, *, consult: bool = False) -> dict[str, object]:
    return line(org, consult=consult).to_data()


def _submit(client_as: ClientAs, org: ApprovalOrg, kind: str, **kwargs: object) -> Document:
    consult = bool(kwargs.pop("consult", False))
    document = draft(org, kind, **kwargs)
    response = client_as(org.drafter).post(
        f"/api/documents/{document.pk}/submit/",
        {"line": _line_data(org, consult=consult)},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == DocumentStatus.IN_PROGRESS
    return document


def _task(client_as: ClientAs, person: Person, document: Document, action: str, **body: object):
    step = open_step(document, person)
    return client_as(person).post(f"/api/tasks/{step.pk}/{action}/", body, format="json")


@pytest.mark.parametrize("kind", KINDS)
def test_straight_approval(client_as, kind):
    org = approval_org()
    document = _submit(client_as, org, kind)

    response = _task(client_as, org.reviewer, document, "approve", comment="좋습니다")
    assert response.status_code == 200
    assert response.json()["step"]["status"] == StepStatus.APPROVED
    response = _task(client_as, org.approver, document, "approve")
    assert response.status_code == 200

    body = response.json()
    assert body["document"]["status"] == DocumentStatus.APPROVED
    assert body["document"]["number"] == f"{document.unit.name}-1"
    assert body["step"]["is_delegated"] is True  # 전결 by the division head
    assert body["actions"] == []
    # the task's detail shows the whole line as it ended
    detail = client_as(org.approver).get(f"/api/tasks/{body['step']['id']}/").json()
    assert [s["status"] for s in detail["line"]] == ["approved", "approved"]


@pytest.mark.parametrize("kind", KINDS)
def test_return_and_resubmit(client_as, kind):
    org = approval_org()
    document = _submit(client_as, org, kind)
    response = _task(client_as, org.reviewer, document, "return", reason="근거 보완")
    assert response.status_code == 200
    assert response.json()["document"]["status"] == DocumentStatus.RETURNED

    document.refresh_from_db()
    response = client_as(org.drafter).post(
        f"/api/documents/{document.pk}/resubmit/",
        {"content": {"title": "보완본"}, "lock_version": document.lock_version},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["title"] == "보완본"
    assert open_step(document, org.reviewer).stage.round == 2
    assert _task(client_as, org.reviewer, document, "approve").status_code == 200
    response = _task(client_as, org.approver, document, "approve")
    assert response.json()["document"]["status"] == DocumentStatus.APPROVED


def test_return_without_reason_names_the_field(client_as):
    org = approval_org()
    document = _submit(client_as, org, DocumentKind.MEMO)
    response = _task(client_as, org.reviewer, document, "return", reason="")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "reason"


def test_return_to_previous_step(client_as):
    org = approval_org()
    document = _submit(client_as, org, DocumentKind.MEMO)
    _task(client_as, org.reviewer, document, "approve")
    response = _task(client_as, org.approver, document, "return", reason="재검토", to="previous")
    assert response.status_code == 200
    assert open_step(document, org.reviewer).status == StepStatus.PENDING


@pytest.mark.parametrize("kind", KINDS)
def test_recall_then_submit_again(client_as, kind):
    org = approval_org()
    document = _submit(client_as, org, kind)
    response = client_as(org.drafter).post(f"/api/documents/{document.pk}/recall/")
    assert response.status_code == 200
    assert response.json()["status"] == DocumentStatus.DRAFT
    response = client_as(org.drafter).post(
        f"/api/documents/{document.pk}/submit/", {"line": _line_data(org)}, format="json"
    )
    assert response.status_code == 200
    assert open_step(document, org.reviewer).stage.round == 2


def test_recall_after_the_reviewer_acted_is_a_conflict(client_as):
    org = approval_org()
    document = _submit(client_as, org, DocumentKind.MEMO)
    _task(client_as, org.reviewer, document, "approve")
    response = client_as(org.drafter).post(f"/api/documents/{document.pk}/recall/")
    assert response.status_code == 409
    assert response.json()["type"] == "conflict"


@pytest.mark.parametrize("kind", KINDS)
def test_hold_and_release(client_as, kind):
    org = approval_org()
    document = _submit(client_as, org, kind)
    response = _task(client_as, org.reviewer, document, "hold", reason="확인 중")
    assert response.status_code == 200
    assert response.json()["document"]["status"] == DocumentStatus.ON_HOLD
    assert response.json()["actions"] == ["approve", "return", "release"]
    response = _task(client_as, org.reviewer, document, "release")
    assert response.json()["document"]["status"] == DocumentStatus.IN_PROGRESS
    assert _task(client_as, org.reviewer, document, "approve").status_code == 200


@pytest.mark.parametrize("kind", KINDS)
def test_parallel_consultation_with_one_disagreement(client_as, kind):
    org = approval_org(consultees=2)
    document = _submit(client_as, org, kind, consult=True)
    _task(client_as, org.reviewer, document, "approve")
    no_comment = _task(client_as, org.consultees[0], document, "disagree", comment="")
    assert no_comment.status_code == 400
    assert (
        _task(client_as, org.consultees[0], document, "disagree", comment="반대").status_code == 200
    )
    assert _task(client_as, org.consultees[1], document, "agree").status_code == 200

    step = open_step(document, org.approver)
    detail = client_as(org.approver).get(f"/api/tasks/{step.pk}/").json()
    assert detail["has_disagreement"] is True
    assert "disagreed" in [s["status"] for s in detail["line"]]
    response = _task(client_as, org.approver, document, "approve")
    assert response.json()["document"]["status"] == DocumentStatus.APPROVED


@pytest.mark.parametrize("kind", KINDS)
def test_proxy_approval_then_post_approval(client_as, kind):
    org = approval_org()
    deputy = PersonFactory.create(unit=org.chain.division)
    AbsenceFactory.create(person=org.approver, deputy=deputy)
    document = _submit(client_as, org, kind)
    _task(client_as, org.reviewer, document, "approve")

    response = _task(client_as, deputy, document, "approve")
    assert response.status_code == 200
    assert response.json()["step"]["is_proxy"] is True
    assert response.json()["step"]["acted_by"]["id"] == deputy.pk
    step_id = response.json()["step"]["id"]

    box = client_as(org.approver).get("/api/boxes/post_approval_due/").json()
    assert [item["step"]["id"] for item in box["results"]] == [step_id]
    response = client_as(org.approver).post(f"/api/tasks/{step_id}/post-approve/")
    assert response.status_code == 200
    assert response.json()["step"]["post_approved_at"] is not None


@pytest.mark.parametrize("kind", KINDS)
def test_withdrawal(client_as, kind):
    org = approval_org()
    document = _submit(client_as, org, kind)
    response = client_as(org.drafter).post(
        f"/api/documents/{document.pk}/withdraw/", {"reason": "취소"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == DocumentStatus.WITHDRAWN
    assert not ApprovalStep.objects.filter(
        stage__document=document, status=StepStatus.PENDING
    ).exists()


def test_approver_edits_before_approving(client_as):
    org = approval_org()
    document = _submit(client_as, org, DocumentKind.MEMO)
    response = _task(client_as, org.reviewer, document, "edit", content={"title": "고친 제목"})
    assert response.status_code == 201, response.json()
    assert response.json()["reason"] == "edited"
    document.refresh_from_db()
    assert document.title == "고친 제목"


def test_personnel_action_applied_on_its_effective_date(client_as):
    org = approval_org()
    target = org.chain.bureau
    document = _submit(
        client_as,
        org,
        DocumentKind.PERSONNEL,
        personnel__target_unit=target,
        personnel__effective_date=tomorrow(),
    )
    _task(client_as, org.reviewer, document, "approve")
    _task(client_as, org.approver, document, "approve")
    action = PersonnelAction.objects.select_related("person").get(document=document)
    assert action.applied_at is None

    timers_fire_due(now=personnel_effective_at(document_id=document.pk))
    action.refresh_from_db()
    action.person.refresh_from_db()
    assert action.applied_at is not None
    assert action.person.unit == target
