"""Deadlines: overdue reminders, escalation to the unit head, post-approval notices,
proxies that follow absences (proxy.py), and firing the flows' database timers.

Each scan is idempotent: a row is claimed by a conditional UPDATE of the timestamp
it sets (reminded_at, escalated_at, post_approval_notified_at), so a scan run twice,
or by two workers at once, tells each person once. Escalation informs the head of
the assignee's unit; it does not take the step away from the assignee.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from approvals.models import ApprovalStep, StepStatus
from approvals.services.proxy import proxies_follow_absences
from approvals.services.recording import people_notify
from approvals.services.stages import step_owner
from directory.models import Absence, Person, Unit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScanResult:
    reminded: int = 0
    escalated: int = 0
    post_approval_notified: int = 0
    proxies_moved: int = 0


def _claim(step_id: int, field: str, now: datetime) -> bool:
    """Set `field` on the step if nobody has: True for the one caller that did."""
    claimed = ApprovalStep.objects.filter(pk=step_id, **{f"{field}__isnull": True}).update(
        **{field: now}
    )
    return claimed == 1


def unit_head_of(person: Person) -> Person | None:
    """The head of the person's unit; for a head, the head of the parent unit."""
    unit: Unit | None = person.unit
    while unit is not None:
        head = (
            Person.objects.filter(unit=unit, active=True, position__is_head=True)
            .exclude(pk=person.pk)
            .order_by("-position__rank", "pk")
            .first()
        )
        if head is not None:
            return head
        unit = unit.parent
    return None


def _steps(**filters: object) -> list[ApprovalStep]:
    return list(
        ApprovalStep.objects.filter(**filters).select_related(
            "stage__document__drafter", "assignee__unit", "acted_by"
        )
    )


def overdue_remind(*, now: datetime) -> int:
    """Remind the owner of every pending step past its due time, once."""
    sent = 0
    for step in _steps(status=StepStatus.PENDING, due_at__lt=now, reminded_at__isnull=True):
        with transaction.atomic():
            if _claim(step.pk, "reminded_at", now):
                people_notify(
                    recipients=[step_owner(step)], kind="overdue",
                    document=step.stage.document, context={"due_at": step.due_at},
                )  # fmt: skip
                sent += 1
    return sent


def overdue_escalate(*, now: datetime) -> int:
    """Tell the assignee's unit head about steps still pending a while after the reminder."""
    cutoff = now - timedelta(hours=settings.APPROVALS_ESCALATION_HOURS)
    sent = 0
    for step in _steps(
        status=StepStatus.PENDING, reminded_at__lte=cutoff, escalated_at__isnull=True
    ):
        head = unit_head_of(step_owner(step))
        with transaction.atomic():
            if _claim(step.pk, "escalated_at", now) and head is not None:
                people_notify(
                    recipients=[head], kind="escalated", document=step.stage.document,
                    context={"waiting_for": step_owner(step).name},
                )  # fmt: skip
                sent += 1
    return sent


def post_approval_notify(*, now: datetime) -> int:
    """Tell absent approvers who are back that a deputy acted for them (후결 due)."""
    away = Absence.objects.filter(
        person_id=OuterRef("assignee_id"), starts_at__lte=now, ends_at__gt=now
    )
    steps = (
        ApprovalStep.objects.filter(
            is_proxy=True,
            acted_at__isnull=False,
            post_approved_at__isnull=True,
            post_approval_notified_at__isnull=True,
        )
        .exclude(Exists(away))
        .select_related("stage__document", "assignee", "acted_by")
    )
    sent = 0
    for step in steps:
        with transaction.atomic():
            if _claim(step.pk, "post_approval_notified_at", now):
                actor_name = step.acted_by.name if step.acted_by else ""
                people_notify(
                    recipients=[step.assignee], kind="post_approval_due",
                    document=step.stage.document, context={"actor_name": actor_name},
                )  # fmt: skip
                sent += 1
    return sent


def deadlines_scan(*, now: datetime | None = None) -> ScanResult:
    """One sweep of every deadline rule (run by Celery beat)."""
    now = now or timezone.now()
    return ScanResult(
        reminded=overdue_remind(now=now),
        escalated=overdue_escalate(now=now),
        post_approval_notified=post_approval_notify(now=now),
        proxies_moved=proxies_follow_absences(now=now),
    )


def timers_fire_due(*, now: datetime | None = None) -> int:
    """Fire the flows' due database timers (viewflow's `workflow_timers`, with a clock).

    Same as viewflow.workflow.timers.fire_due_timers, but `now` can be given so a
    test can stand on a personnel action's effective date. A timer locked by another
    sweep is skipped until the next run; one that fails is logged and left for review.
    """
    now = now or timezone.now()
    due = Task.objects.filter(
        flow_task_type="TIMER", status=STATUS.SCHEDULED, scheduled__lte=now
    ).order_by("scheduled")
    fired = 0
    for task in due:
        try:
            with task.activation() as activation:
                if activation.start.can_proceed():
                    activation.start()
                    activation.execute()
                    fired += 1
        except FlowLockFailed:
            logger.info("timer task %s is locked by another sweep, skipped", task.pk)
        except Exception:  # one broken process must not stop the sweep
            logger.exception("timer task %s failed to fire", task.pk)
    return fired
