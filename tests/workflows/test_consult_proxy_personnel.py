"""Parallel consultation, proxy approval, personnel actions on their date, flow locks."""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone, translation
from viewflow.workflow.base import Flow
from viewflow.workflow.lock import SelectForUpdateLock
from viewflow.workflow.status import PROCESS, STATUS

from approvals import progress
from approvals.engine import process_for
from approvals.models import ApprovalStep, StepStatus
from approvals.selectors import step_box
from approvals.services import (
    consult_respond,
    deadlines_scan,
    post_approve,
    step_approve,
    step_hold,
    timers_fire_due,
)
from audit.models import AuditEvent
from core.errors import ConflictError, InvalidInput, Refused
from directory.models import Person
from documents.models import DocumentKind, DocumentStatus, PersonnelAction
from notifications.models import Notification
from tests.factories.approvals import approval_org, open_step, submit
from tests.factories.directory import AbsenceFactory, PersonFactory
from tests.factories.documents import tomorrow

pytestmark = pytest.mark.django_db


def test_consultation_runs_in_parallel_and_a_disagreement_is_kept():
    # GIVEN a memo consulted with two division heads after review
    org = approval_org(consultees=2)
    document = submit(org, consult=True)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)

    # THEN both consultees have a task at once
    first, second = (open_step(document, person) for person in org.consultees)
    assert first.task is not None
    assert second.task is not None
    assert {first.task.flow_task.name, second.task.flow_task.name} == {"consult"}

    # WHEN one disagrees (a comment is required) and the other agrees
    with pytest.raises(InvalidInput):
        consult_respond(step_id=first.pk, actor=org.consultees[0], agree=False, comment="")
    consult_respond(step_id=first.pk, actor=org.consultees[0], agree=False, comment="중복 사업")
    assert not ApprovalStep.objects.filter(
        stage__document=document, assignee=org.approver, status=StepStatus.PENDING
    ).exists()  # the join still waits for the second consultee
    consult_respond(step_id=second.pk, actor=org.consultees[1], agree=True)

    # THEN the disagreement is recorded and the document goes on to the final approver
    assert progress.has_disagreement(document_id=document.pk)
    first.refresh_from_db()
    assert first.status == StepStatus.DISAGREED
    assert first.comment == "중복 사업"
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED


def test_consult_steps_cannot_be_approved_like_reviews():
    org = approval_org(consultees=1)
    document = submit(org, consult=True)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step = open_step(document, org.consultees[0])
    with pytest.raises(InvalidInput):
        step_approve(step_id=step.pk, actor=org.consultees[0])


def test_proxy_approval_then_post_approval():
    # GIVEN the final approver is away with a deputy
    org = approval_org()
    deputy = PersonFactory.create(unit=org.chain.division)
    absence = AbsenceFactory.create(person=org.approver, deputy=deputy)
    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)

    # THEN the step goes to the deputy as a proxy step; the approver cannot act
    step = open_step(document, deputy)
    assert step.assignee == org.approver
    assert step.is_proxy
    assert step.acted_by == deputy
    with translation.override("en"), pytest.raises(Exception, match=r"deputy .* holds this step"):
        step_approve(step_id=step.pk, actor=org.approver)

    # WHEN the deputy approves, THEN the document is approved and the approver owes 후결
    step_approve(step_id=step.pk, actor=deputy)
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED
    assert list(step_box(person=org.approver, box="post_approval_due")) == [step]

    # WHEN the approver is back and post-approves, THEN it is recorded once
    absence.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    absence.save()
    post_approve(step_id=step.pk, actor=org.approver)
    step.refresh_from_db()
    assert step.post_approved_at is not None
    assert not step_box(person=org.approver, box="post_approval_due").exists()
    with pytest.raises(ConflictError):
        post_approve(step_id=step.pk, actor=org.approver)


def test_an_absence_begun_after_the_step_opened_moves_it_to_the_deputy_and_back():
    # GIVEN the reviewer's step is open, and only then do they go away with a deputy
    org = approval_org()
    document = submit(org)
    step = open_step(document, org.reviewer)
    deputy = PersonFactory.create(unit=org.chain.team)
    absence = AbsenceFactory.create(person=org.reviewer, deputy=deputy)

    # WHEN the deadline scan runs (twice: the second finds nothing to move)
    assert deadlines_scan().proxies_moved == 1
    assert deadlines_scan().proxies_moved == 0

    # THEN the step is the deputy's, as a proxy step, and the deputy was told
    step.refresh_from_db()
    assert step.task is not None
    assert (step.is_proxy, step.acted_by, step.task.owner) == (True, deputy, deputy.user)
    assert Notification.objects.filter(recipient=deputy, kind="task_assigned").exists()
    assert AuditEvent.objects.filter(action="step.proxy_assigned", document=document).exists()
    with pytest.raises(Refused):
        step_approve(step_id=step.pk, actor=org.reviewer)

    # WHEN the reviewer is back before the deputy acted
    absence.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    absence.save()
    assert deadlines_scan().proxies_moved == 1

    # THEN the step is the reviewer's again, and they take it on
    step.refresh_from_db()
    assert step.task is not None
    assert (step.is_proxy, step.acted_by, step.task.owner) == (False, None, org.reviewer.user)
    assert AuditEvent.objects.filter(action="step.proxy_ended", document=document).exists()
    step_approve(step_id=step.pk, actor=org.reviewer)
    assert open_step(document, org.approver).status == StepStatus.PENDING


def test_a_held_step_or_one_the_deputy_took_stays_where_it_is():
    org = approval_org()
    # GIVEN a step its reviewer put on hold before going away
    held = open_step(submit(org), org.reviewer)
    step_hold(step_id=held.pk, actor=org.reviewer, reason="확인 중")
    AbsenceFactory.create(person=org.reviewer, deputy=PersonFactory.create(unit=org.chain.team))
    # AND, elsewhere, a proxy step the approver's deputy has already approved
    other = approval_org()
    deputy = PersonFactory.create(unit=other.chain.division)
    away = AbsenceFactory.create(person=other.approver, deputy=deputy)
    document = submit(other)
    step_approve(step_id=open_step(document, other.reviewer).pk, actor=other.reviewer)
    taken = open_step(document, deputy)
    step_approve(step_id=taken.pk, actor=deputy)

    # WHEN the approver is back and the scan runs
    away.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    away.save()
    assert deadlines_scan().proxies_moved == 0

    # THEN the held step stays with its holder, the approved one with its deputy
    held.refresh_from_db()
    assert held.task is not None
    assert held.task.owner == org.reviewer.user
    taken.refresh_from_db()
    assert (taken.is_proxy, taken.acted_by) == (True, deputy)


def test_personnel_action_effective_today_is_applied_at_approval():
    org = approval_org()
    target = org.chain.bureau
    document = submit(org, DocumentKind.PERSONNEL, personnel__target_unit=target)
    subject = PersonnelAction.objects.get(document=document).person
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)

    subject.refresh_from_db()
    assert subject.unit == target
    process = process_for(document_id=document.pk)
    assert process is not None
    assert process.status == PROCESS.DONE


def test_personnel_action_waits_for_its_effective_date():
    # GIVEN a transfer effective tomorrow, approved today
    org = approval_org()
    target = org.chain.bureau
    document = submit(
        org,
        DocumentKind.PERSONNEL,
        personnel__target_unit=target,
        personnel__effective_date=tomorrow(),
    )
    subject_id = PersonnelAction.objects.get(document=document).person_id
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)

    # THEN it is approved but not applied; a timer waits for local midnight of tomorrow
    process = process_for(document_id=document.pk)
    assert process is not None
    timer = process.task_set.get(flow_task=process.flow_class.wait_effective_date)
    assert timer.status == STATUS.SCHEDULED
    assert timezone.localtime(timer.scheduled).date() == tomorrow()
    assert timezone.localtime(timer.scheduled).time() == datetime.time.min
    assert Person.objects.get(pk=subject_id).unit != target

    # WHEN the sweep runs before midnight, THEN nothing happens
    assert timers_fire_due(now=timer.scheduled - datetime.timedelta(minutes=1)) == 0
    assert Person.objects.get(pk=subject_id).unit != target

    # WHEN the sweep runs on the effective date, THEN the transfer is applied, once
    assert timers_fire_due(now=timer.scheduled + datetime.timedelta(minutes=1)) == 1
    assert Person.objects.get(pk=subject_id).unit == target
    assert PersonnelAction.objects.get(document=document).applied_at is not None
    process.refresh_from_db()
    assert process.status == PROCESS.DONE
    assert timers_fire_due(now=timer.scheduled + datetime.timedelta(minutes=2)) == 0


def _all_flows(cls: Any = Flow) -> Iterator[Any]:
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _all_flows(subclass)


def test_every_flow_takes_the_select_for_update_lock():
    # GIVEN every flow class defined in the workflows app
    apps.get_app_config("workflows").import_models()
    import workflows.budget
    import workflows.memo
    import workflows.personnel  # noqa: F401

    flows = [f for f in _all_flows() if f.__module__.startswith("workflows.")]
    assert {f.__name__ for f in flows} >= {"MemoFlow", "BudgetFlow", "PersonnelFlow"}
    # THEN each locks its process row with select ... for update nowait
    for flow_class in flows:
        assert isinstance(flow_class.lock_impl, SelectForUpdateLock), flow_class
        assert flow_class.lock_impl.nowait, flow_class
