"""Proxy approval (대결) and post-approval (후결), and keeping lines staffed.

A step opened while its assignee is absent goes to the deputy (see stages.py), and
so does a pending step whose assignee goes away later (`proxies_follow_absences`,
run when an absence is recorded or changed and by the deadline scan; it also gives
the step back when they return). Once the
deputy has acted, the absent assignee owes a post-approval: it never blocks the
document, it shows in their "post-approval due" box, they are reminded when their
absence ends (deadlines.py), and `post_approve` records that they saw it.

When the directory sync deactivates or moves people, `line_reassign_after_directory_change`
gives their open and waiting steps to whoever now holds the same position in the
same unit, or else to that unit's head, and tells the drafter.
"""

import logging
from collections.abc import Collection
from datetime import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import Combinable
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Process

from approvals.engine import process_locked, task_reassign
from approvals.events import post_approval_announce
from approvals.models import ApprovalStep, StepStatus
from approvals.services.recording import action_record, people_notify, task_notice_withdraw
from approvals.services.stages import absence_deputy, step_owner
from core.errors import ConflictError, LockBusyError, Refused
from directory.models import Absence, Person

logger = logging.getLogger(__name__)


def post_approve(*, step_id: int, actor: Person, client_address: str | None = None) -> ApprovalStep:
    """Record the absent assignee's post-approval of a step their deputy took."""
    with transaction.atomic():
        step = (
            ApprovalStep.objects.select_for_update(of=("self",))
            .select_related("stage__document__current_version")
            .get(pk=step_id)
        )
        if step.assignee_id != actor.pk:
            raise Refused(_("Only the absent approver can post-approve this step."))
        if not step.is_proxy or step.acted_at is None:
            raise ConflictError(_("This step does not await a post-approval."))
        if step.post_approved_at is not None:
            raise ConflictError(_("This step has already been post-approved."))
        step.post_approved_at = timezone.now()
        step.save(update_fields=["post_approved_at"])
        action_record(
            action="step.post_approved", actor=actor, document=step.stage.document,
            client_address=client_address, data={"step": step.pk}, target=step,
        )  # fmt: skip
        post_approval_announce(step_id=step.pk, document_id=step.stage.document_id)
    return step


def successor_for(step: ApprovalStep) -> Person | None:
    """Who now holds the step's position in the assignee's former unit, else its head."""
    unit_id = step.assignee_unit_id if step.assignee_unit_id else step.assignee.unit_id
    holders = Person.objects.filter(unit_id=unit_id, active=True).exclude(pk=step.assignee_id)
    same_title = holders.filter(position__title=step.position_title).order_by("pk").first()
    if same_title is not None:
        return same_title
    return (
        holders.filter(
            Q(position__is_head=True) | Q(position_id=step.assignee.unit.head_position_id)
        )
        .select_related("user")
        .order_by("-position__rank", "pk")
        .first()
    )


def _still_holds(step: ApprovalStep) -> bool:
    person = step.assignee
    unit_id = step.assignee_unit_id or person.unit_id
    title = person.position.title if person.position is not None else ""
    return (
        person.active
        and person.unit_id == unit_id
        and (not step.position_title or title == step.position_title)
    )


def line_reassign_after_directory_change(*, person_ids: list[int]) -> int:
    """Move the open and waiting steps of people who left or moved; returns how many.

    The directory sync calls this with the ids of the people it deactivated or whose
    unit or position changed. A step nobody can take over is left as it is.
    """
    steps = ApprovalStep.objects.filter(
        assignee_id__in=person_ids,
        status__in=(StepStatus.WAITING, StepStatus.PENDING, StepStatus.ON_HOLD),
    ).select_related("assignee__position", "assignee__unit", "task__process", "stage__document")
    moved = 0
    for step in steps:
        if _still_holds(step):
            continue
        successor = successor_for(step)
        if successor is not None:
            moved += _step_reassign(step.pk, successor=successor)
    return moved


def _step_reassign(step_id: int, *, successor: Person) -> int:
    step = ApprovalStep.objects.select_related("task__process").get(pk=step_id)
    if step.task is None:
        with transaction.atomic():
            return _reassigned(step, successor=successor)
    with process_locked(step.task.process):
        return _reassigned(step, successor=successor)


def _reassigned(step: ApprovalStep, *, successor: Person) -> int:
    step = ApprovalStep.objects.select_related(
        "stage__document__drafter", "stage__document__current_version", "task"
    ).get(pk=step.pk)
    if step.status not in (StepStatus.WAITING, StepStatus.PENDING, StepStatus.ON_HOLD):
        return 0
    previous_id = step.assignee_id
    step.assignee = successor
    step.assignee_unit_id = successor.unit_id
    if step.status != StepStatus.WAITING:
        deputy = absence_deputy(person=successor, at=timezone.now())
        step.is_proxy, step.acted_by = deputy is not None, deputy
    step.save()
    document = step.stage.document
    if step.task is not None:
        task_reassign(task=step.task, user=step_owner(step).user)
        people_notify(recipients=[step_owner(step)], kind="task_assigned", document=document)
    people_notify(recipients=[document.drafter], kind="line_changed", document=document)
    action_record(
        action="step.reassigned", actor=None, document=document, target=step,
        data={"step": step.pk, "from": previous_id, "to": successor.pk},
    )  # fmt: skip
    return 1


def proxies_follow_absences(*, now: datetime, person_ids: Collection[int] | None = None) -> int:
    """Keep pending steps with whoever should act now that absences begin and end.

    A step opened before its assignee went away goes to the deputy as a proxy step
    once the absence has begun; a proxy step the deputy has not acted on goes back to
    the assignee once they are back (or to the new deputy when the absence changed).
    Held steps stay with whoever holds them. Run by the deadline scan for everyone,
    and for one person as soon as their absence is recorded, changed or removed, or
    their unit's acting official changes (`person_ids`); a document whose lock is busy
    is left for the next scan.
    Returns how many steps moved.
    """
    away = Absence.objects.filter(
        person_id=OuterRef("assignee_id"), starts_at__lte=now, ends_at__gt=now, deputy__active=True
    )
    stale_proxy: Q | Combinable = Q(is_proxy=True, acted_at__isnull=True) & ~Exists(
        away.filter(deputy_id=OuterRef("acted_by_id"))
    )
    if person_ids is not None:
        # One person's steps are few: every unacted proxy step of theirs is read again,
        # so one whose deputy may no longer act (directory.deputies) goes back to them.
        stale_proxy = Q(is_proxy=True, acted_at__isnull=True)
    candidates = ApprovalStep.objects.filter(
        Q(is_proxy=False, assignee__active=True) & Exists(away) | stale_proxy,
        status=StepStatus.PENDING,
        task__isnull=False,
    )
    if person_ids is not None:
        candidates = candidates.filter(assignee_id__in=person_ids)
    moved = 0
    for step_id, process_id in candidates.values_list("pk", "task__process_id"):
        try:
            moved += _proxy_follow(step_id, process_id=process_id, now=now)
        except LockBusyError:
            logger.info("step %s: its document is busy, its proxy waits for the next scan", step_id)
    return moved


def _proxy_follow(step_id: int, *, process_id: int, now: datetime) -> int:
    with process_locked(Process.objects.get(pk=process_id)):
        step = ApprovalStep.objects.select_related(
            "stage__document__current_version", "assignee__user", "acted_by__user", "task"
        ).get(pk=step_id)
        if step.status != StepStatus.PENDING or step.task is None or step.acted_at is not None:
            return 0
        deputy = absence_deputy(person=step.assignee, at=now)
        current = step.acted_by if step.is_proxy else None
        if getattr(deputy, "pk", None) == getattr(current, "pk", None):
            return 0
        step.is_proxy, step.acted_by = deputy is not None, deputy
        step.save(update_fields=["is_proxy", "acted_by"])
        owner = step_owner(step)
        task_reassign(task=step.task, user=owner.user)
        document = step.stage.document
        if current is not None:
            # The step left this deputy: "waiting for you" no longer holds for them.
            task_notice_withdraw(person=current, document=document)
        people_notify(recipients=[owner], kind="task_assigned", document=document)
        action_record(
            action="step.proxy_assigned" if deputy is not None else "step.proxy_ended",
            actor=None, document=document, target=step,
            data={
                "step": step.pk, "assignee": step.assignee_id,
                "deputy": deputy.pk if deputy is not None else None,
                "previous_deputy": current.pk if current is not None else None,
            },
        )  # fmt: skip
    return 1
