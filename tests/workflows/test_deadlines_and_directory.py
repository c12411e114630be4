"""Overdue reminders, escalation, post-approval notices, and lines after directory changes."""

import datetime

import pytest

from approvals.models import StepStatus
from approvals.services import (
    deadlines_scan,
    line_reassign_after_directory_change,
    step_approve,
)
from notifications.models import Notification
from tests.factories.approvals import approval_org, open_step, submit
from tests.factories.directory import AbsenceFactory, PersonFactory

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def test_a_step_is_due_after_the_hours_set_for_its_kind(settings):
    settings.APPROVALS_STEP_DUE_HOURS = {"memo": 5, "budget": 48, "personnel": 48}
    org = approval_org()
    step = open_step(submit(org), org.reviewer)
    assert step.activated_at is not None
    assert step.due_at == step.activated_at + 5 * HOUR


def test_overdue_step_is_reminded_once_then_escalated_once_to_the_unit_head(settings):
    # GIVEN a reviewer's step that is overdue
    settings.APPROVALS_ESCALATION_HOURS = 24
    org = approval_org()
    step = open_step(submit(org), org.reviewer)
    assert step.due_at is not None
    late = step.due_at + HOUR

    # WHEN the scan runs twice, THEN the reviewer is reminded once, nobody escalated yet
    assert deadlines_scan(now=late).reminded == 1
    assert deadlines_scan(now=late).reminded == 0
    assert Notification.objects.filter(recipient=org.reviewer, kind="overdue").count() == 1
    assert not Notification.objects.filter(kind="escalated").exists()

    # WHEN the escalation delay has passed, THEN the head above is told, once
    later = late + 25 * HOUR
    assert deadlines_scan(now=later).escalated == 1
    assert deadlines_scan(now=later).escalated == 0
    # the reviewer heads the team, so the division head is the one told
    assert list(
        Notification.objects.filter(kind="escalated").values_list("recipient", flat=True)
    ) == [org.chain.division_head.pk]
    step.refresh_from_db()
    assert step.status == StepStatus.PENDING  # escalation informs, it does not reassign


def test_post_approval_notice_waits_until_the_absence_ends():
    org = approval_org()
    deputy = PersonFactory.create(unit=org.chain.division)
    absence = AbsenceFactory.create(person=org.approver, deputy=deputy)
    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, deputy).pk, actor=deputy)

    assert deadlines_scan().post_approval_notified == 0  # still away
    after = absence.ends_at + HOUR
    assert deadlines_scan(now=after).post_approval_notified == 1
    assert deadlines_scan(now=after).post_approval_notified == 0
    assert Notification.objects.filter(recipient=org.approver, kind="post_approval_due").exists()


def test_a_departed_approver_is_replaced_by_the_holder_of_the_same_position():
    # GIVEN the team leader, reviewer of a pending memo, leaves; a new team leader arrives
    org = approval_org()
    document = submit(org)
    step = open_step(document, org.reviewer)
    successor = PersonFactory.create(unit=org.chain.team, position=org.reviewer.position)
    org.reviewer.active = False
    org.reviewer.save()

    # WHEN the directory sync reports the change
    moved = line_reassign_after_directory_change(person_ids=[org.reviewer.pk])

    # THEN the step and its task go to the successor and the drafter is told
    assert moved == 1
    step.refresh_from_db()
    assert step.assignee == successor
    assert step.task is not None
    assert step.task.owner == successor.user
    assert Notification.objects.filter(recipient=org.drafter, kind="line_changed").exists()
    step_approve(step_id=step.pk, actor=successor)
    assert open_step(document, org.approver).status == StepStatus.PENDING


def test_someone_who_still_holds_their_position_keeps_their_step():
    org = approval_org()
    document = submit(org)
    assert line_reassign_after_directory_change(person_ids=[org.reviewer.pk]) == 0
    assert open_step(document, org.reviewer).assignee == org.reviewer
