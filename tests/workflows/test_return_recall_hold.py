"""Returns, resubmission, recall, hold and withdrawal at engine level."""

import pytest
from viewflow.workflow.status import PROCESS, STATUS

from approvals.engine import process_for
from approvals.models import ApprovalStep, StepStatus
from approvals.services import (
    document_recall,
    document_resubmit,
    document_submit,
    document_withdraw,
    step_approve,
    step_hold,
    step_release,
    step_return,
)
from core.errors import ConflictError, InvalidInput
from documents.models import Document, DocumentStatus, DocumentVersion
from notifications.models import Notification
from tests.factories.approvals import approval_org, line, open_step, submit

pytestmark = pytest.mark.django_db


def _revise_task_owner(document: Document) -> object:
    process = process_for(document_id=document.pk)
    assert process is not None
    task = process.task_set.get(flow_task=process.flow_class.revise, status=STATUS.ASSIGNED)
    return task.owner


def test_return_to_drafter_then_resubmit_runs_a_new_round():
    # GIVEN a memo the reviewer returns with a reason
    org = approval_org()
    document = submit(org)
    step = open_step(document, org.reviewer)
    with pytest.raises(InvalidInput):
        step_return(step_id=step.pk, actor=org.reviewer, reason=" ")
    step_return(step_id=step.pk, actor=org.reviewer, reason="예산 근거를 보완하세요")

    # THEN it is returned, the drafter has the revise task and was told why
    document.refresh_from_db()
    assert document.status == DocumentStatus.RETURNED
    assert _revise_task_owner(document) == org.drafter.user
    assert Notification.objects.filter(recipient=org.drafter, kind="returned").exists()
    final = ApprovalStep.objects.get(stage__document=document, assignee=org.approver)
    assert final.status == StepStatus.SKIPPED

    # WHEN the drafter revises the title and resubmits on the same line
    document_resubmit(
        document=document,
        actor=org.drafter,
        data={"lock_version": document.lock_version, "title": "보완한 제목"},
    )

    # THEN round 2 starts at the reviewer with a "resubmitted" version of the new title
    document.refresh_from_db()
    assert document.status == DocumentStatus.IN_PROGRESS
    assert document.title == "보완한 제목"
    assert document.current_version is not None
    assert document.current_version.reason == DocumentVersion.Reason.RESUBMITTED
    step = open_step(document, org.reviewer)
    assert step.stage.round == 2
    step_approve(step_id=step.pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED


def test_return_to_previous_step_reopens_the_reviewer():
    # GIVEN the reviewer approved and the final approver returns to the previous step
    org = approval_org()
    document = submit(org)
    first = open_step(document, org.reviewer)
    step_approve(step_id=first.pk, actor=org.reviewer)
    final = open_step(document, org.approver)
    step_return(step_id=final.pk, actor=org.approver, reason="검토 의견 보강", to="previous")

    # THEN the reviewer has a new task on a new step; the first stays approved
    again = open_step(document, org.reviewer)
    assert again.pk != first.pk
    assert again.task_id != first.task_id
    first.refresh_from_db()
    assert first.status == StepStatus.APPROVED
    document.refresh_from_db()
    assert document.status == DocumentStatus.IN_PROGRESS

    # WHEN the reviewer approves again, THEN the final approver acts again and approves
    step_approve(step_id=again.pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED


def test_no_previous_step_from_the_first_stage():
    org = approval_org()
    document = submit(org)
    step = open_step(document, org.reviewer)
    with pytest.raises(InvalidInput):
        step_return(step_id=step.pk, actor=org.reviewer, reason="x", to="previous")
    step.refresh_from_db()
    assert step.status == StepStatus.PENDING


def test_recall_before_anyone_acted_and_submit_again():
    # GIVEN a submitted memo nobody has acted on
    org = approval_org()
    document = submit(org)
    task = open_step(document, org.reviewer).task
    assert task is not None

    # WHEN the drafter recalls it
    document_recall(document=document, actor=org.drafter)

    # THEN it is a draft again, the reviewer's task is cancelled, the drafter revises
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT
    task.refresh_from_db()
    assert task.status == STATUS.CANCELED
    assert _revise_task_owner(document) == org.drafter.user

    # WHEN submitted again, THEN round 2 waits for the reviewer
    document_submit(document=document, actor=org.drafter, spec=line(org))
    assert open_step(document, org.reviewer).stage.round == 2


def test_no_recall_once_the_reviewer_acted():
    org = approval_org()
    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    with pytest.raises(ConflictError):
        document_recall(document=document, actor=org.drafter)
    assert open_step(document, org.approver).status == StepStatus.PENDING


def test_hold_and_release_keep_the_step_with_its_holder():
    org = approval_org()
    document = submit(org)
    step = open_step(document, org.reviewer)

    step_hold(step_id=step.pk, actor=org.reviewer, reason="관련 부서 확인 중")
    document.refresh_from_db()
    step.refresh_from_db()
    assert document.status == DocumentStatus.ON_HOLD
    assert step.status == StepStatus.ON_HOLD
    assert step.task is not None
    assert step.task.owner == org.reviewer.user
    with pytest.raises(ConflictError):  # nobody can recall what is being held
        document_recall(document=document, actor=org.drafter)

    step_release(step_id=step.pk, actor=org.reviewer)
    document.refresh_from_db()
    assert document.status == DocumentStatus.IN_PROGRESS
    step_approve(step_id=step.pk, actor=org.reviewer)
    assert open_step(document, org.approver).status == StepStatus.PENDING


def test_withdrawal_cancels_the_process():
    org = approval_org()
    document = submit(org)
    task = open_step(document, org.reviewer).task
    assert task is not None

    document_withdraw(document=document, actor=org.drafter, reason="사업 취소")

    document.refresh_from_db()
    assert document.status == DocumentStatus.WITHDRAWN
    process = process_for(document_id=document.pk)
    assert process is not None
    assert process.status == PROCESS.CANCELED
    task.refresh_from_db()
    assert task.status == STATUS.CANCELED
    assert not ApprovalStep.objects.filter(
        stage__document=document, status__in=(StepStatus.PENDING, StepStatus.WAITING)
    ).exists()
