"""The straight path of each flow, at engine level (services and viewflow, no HTTP)."""

from itertools import pairwise

import pytest
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS, STATUS

from approvals.engine import process_for
from approvals.models import ApprovalStep, StepStatus
from approvals.services import step_approve
from audit.models import AuditEvent
from documents.models import BudgetRequest, DocumentKind, DocumentStatus
from notifications.models import Notification
from tests.factories.approvals import approval_org, open_step, submit

pytestmark = pytest.mark.django_db


def test_memo_is_reviewed_then_approved_and_numbered():
    # GIVEN a memo submitted on review (team leader) -> final approval (division head)
    org = approval_org()
    document = submit(org)
    reviewer_step = open_step(document, org.reviewer)
    # THEN only the reviewer has a task, and it was announced to them
    assert document.status == DocumentStatus.IN_PROGRESS
    assert reviewer_step.task is not None
    assert reviewer_step.task.owner == org.reviewer.user
    assert Notification.objects.filter(recipient=org.reviewer, kind="task_assigned").exists()
    assert not ApprovalStep.objects.filter(
        stage__document=document, assignee=org.approver, status=StepStatus.PENDING
    ).exists()

    # WHEN the reviewer approves, THEN the final approver's step opens
    step_approve(step_id=reviewer_step.pk, actor=org.reviewer, comment="검토했습니다")
    final_step = open_step(document, org.approver)
    assert final_step.task is not None
    assert final_step.task.flow_task.name == "approve"

    # WHEN the final approver approves
    step_approve(step_id=final_step.pk, actor=org.approver)

    # THEN the document is approved and numbered, and the process has ended
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED
    assert document.approved_at is not None
    assert document.number == f"{document.unit.name}-1"
    process = process_for(document_id=document.pk)
    assert process is not None
    assert process.status == PROCESS.DONE
    assert not process.task_set.exclude(status=STATUS.DONE).exists()
    final_step.refresh_from_db()
    assert final_step.is_delegated  # the division head approved under the delegation rule
    actions = list(AuditEvent.objects.filter(document=document).values_list("action", flat=True))
    for action in ("document.submitted", "step.approved", "document.approved"):
        assert action in actions
    assert Notification.objects.filter(recipient=org.drafter, kind="approved").exists()


def test_budget_approval_commits_the_amount_to_its_line():
    # GIVEN a budget request of 3,000,000 KRW on a line with nothing committed
    org = approval_org()
    document = submit(org, DocumentKind.BUDGET, budget__amount=3_000_000)
    budget = BudgetRequest.objects.select_related("budget_line").get(document=document)
    assert budget.budget_line.committed == 0

    # WHEN both steps approve
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)

    # THEN the amount is committed and the request approved with a number
    budget.refresh_from_db()
    budget.budget_line.refresh_from_db()
    assert budget.budget_line.committed == 3_000_000
    assert budget.committed_at is not None
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED
    assert document.number


def test_a_process_begun_with_the_retired_gateways_still_loads_and_finishes():
    # GIVEN a memo in flight whose history holds gateways the chain no longer has
    # (after_step and route_step were merged into route_stage)
    org = approval_org()
    document = submit(org)
    reviewer_step = open_step(document, org.reviewer)
    process = process_for(document_id=document.pk)
    assert process is not None
    retired = []
    for name, kind in (("after_step", "SWITCH"), ("route_step", "EXCLUSIVE_GATEWAY")):
        [task] = Task.objects.bulk_create(
            [Task(process=process, flow_task_type=kind, status=STATUS.DONE)]
        )
        Task.objects.filter(pk=task.pk).update(flow_task=f"workflows/memo.MemoFlow.{name}")
        retired.append(task.pk)

    # THEN those tasks load as viewflow's Obsolete node
    loaded = Task.objects.filter(pk__in=retired)
    assert [task.flow_task.task_type for task in loaded] == ["OBSOLETE", "OBSOLETE"]
    # AND the document still goes through its line to the end
    step_approve(step_id=reviewer_step.pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED


def test_every_task_of_a_finished_process_is_done_and_linked_to_the_one_before():
    # GIVEN a memo approved through its whole line
    org = approval_org()
    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)
    process = process_for(document_id=document.pk)
    assert process is not None

    # THEN the routing nodes' tasks (written once, finished) are there like the others:
    # done, with their finishing time, each following the task before it
    tasks = list(process.task_set.order_by("id").prefetch_related("previous"))
    routing = [t for t in tasks if t.flow_task_type in ("FUNCTION", "SWITCH")]
    assert [t.flow_task.name for t in routing] == [
        "activate_stage", "route_stage", "activate_stage", "route_stage",
        "activate_stage", "route_stage", "finalize",
    ]  # fmt: skip
    assert all(t.status == STATUS.DONE and t.finished is not None for t in tasks)
    for before, task in pairwise(tasks):
        assert [p.pk for p in task.previous.all()] == [before.pk]
