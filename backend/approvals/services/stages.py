"""Opening stages and finishing the line: what the flows' function nodes call.

A stage opens when the flow reaches it: its waiting steps become pending, get a due
time (APPROVALS_STEP_DUE_HOURS for the kind) and an owner. When the assignee has an
active absence the step is a proxy approval (대결): the deputy owns the task and is
recorded in `acted_by`; the absent assignee owes a post-approval (후결) later.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from viewflow.workflow.exceptions import FlowRuntimeError
from viewflow.workflow.models import Task

from approvals import progress
from approvals.events import document_approved_announce
from approvals.models import ApprovalStep, StageKind, StepStatus
from approvals.rules import required_rank_for
from approvals.services.recording import action_record, people_notify
from directory.deputies import deputy_refusal
from directory.models import Absence, Person
from documents.models import Document, DocumentStatus
from documents.services import document_number_assign
from documents.services.status import document_status_set

logger = logging.getLogger(__name__)


def absence_deputy(
    *, person: Person, at: datetime, final_of: Document | None = None
) -> Person | None:
    """The deputy of `person` if an absence of theirs covers `at` and the deputy may
    act for them (directory.deputies; for the final approval of `final_of`, with the
    rank its delegation rule needs), else None.

    Asked each time a step opens, and mostly answered "nobody": the question is one
    narrow query, and the deputy is read only when there is one. A deputy who may not
    act (the directory changed since the absence was recorded) gets nothing: the step
    stays with the assignee.
    """
    deputy_id = (
        Absence.objects.filter(person=person, starts_at__lte=at, ends_at__gt=at)
        .filter(Q(deputy__active=True))
        .order_by("-starts_at")
        .values_list("deputy_id", flat=True)
        .first()
    )
    if deputy_id is None:
        return None
    deputy = Person.objects.select_related("user", "position").get(pk=deputy_id)
    rank_needed = required_rank_for(document=final_of) if final_of is not None else 0
    if deputy_refusal(person=person, deputy=deputy, rank_needed=rank_needed) is not None:
        logger.warning("deputy %s may not act for person %s: not handed over", deputy.pk, person.pk)
        return None
    return deputy


def step_owner(step: ApprovalStep) -> Person:
    """Who must act on an open step: the deputy of a proxy step, else the assignee."""
    if step.is_proxy and step.acted_by is not None:
        return step.acted_by
    return step.assignee


def step_due_at(*, document: Document, opened_at: datetime) -> datetime:
    hours: int = settings.APPROVALS_STEP_DUE_HOURS[document.kind]
    return opened_at + timedelta(hours=hours)


OPENED_FIELDS = [
    "status", "activated_at", "due_at", "reminded_at", "escalated_at", "is_proxy", "acted_by",
]  # fmt: skip


def _step_open(step: ApprovalStep, *, document: Document, now: datetime) -> None:
    step.status = StepStatus.PENDING
    step.activated_at = now
    step.due_at = step_due_at(document=document, opened_at=now)
    step.reminded_at = step.escalated_at = None
    final_of = document if step.stage.kind == StageKind.APPROVE else None
    deputy = absence_deputy(person=step.assignee, at=now, final_of=final_of)
    step.is_proxy = deputy is not None
    step.acted_by = deputy
    step.save(update_fields=OPENED_FIELDS)
    if deputy is not None:
        action_record(
            action="step.proxy_assigned",
            actor=None,
            document=document,
            target=step,
            data={"step": step.pk, "assignee": step.assignee_id, "deputy": deputy.pk},
        )


def stage_open(
    *, document_id: int, now: datetime | None = None, stage_id: int | None = None
) -> list[ApprovalStep]:
    """Open the next stage with waiting steps and tell each new owner.

    `stage_id` is that stage when the caller has already read the line (the flow's
    round state). Raises FlowRuntimeError when nothing waits: the flow only routes
    here when a stage does.
    """
    now = now or timezone.now()
    if stage_id is None:
        stage = progress.next_stage(document_id=document_id)
        stage_id = stage.pk if stage is not None else None
    steps = list(
        ApprovalStep.objects.filter(stage_id=stage_id, status=StepStatus.WAITING)
        .select_related("assignee__user", "stage__document__drafter")
        .order_by("order", "id")
    )
    if not steps:
        raise FlowRuntimeError(f"document {document_id} has no waiting stage")
    document = steps[0].stage.document
    for step in steps:
        _step_open(step, document=document, now=now)
    people_notify(
        recipients=[step_owner(step) for step in steps],
        kind="task_assigned",
        document=document,
        context={"due_at": steps[0].due_at, "actor_name": document.drafter.name},
    )
    return steps


def step_task_link(*, task: Task) -> None:
    """Record on the step which viewflow task carries it (task.data["step_id"])."""
    ApprovalStep.objects.filter(pk=task.data["step_id"]).update(task=task)


def step_task_owner(*, step_id: int) -> object:
    """The user who owns the task of a step (the deputy's for a proxy step)."""
    step = ApprovalStep.objects.select_related("assignee__user", "acted_by__user").get(pk=step_id)
    return step_owner(step).user


def document_finalize(*, document_id: int, now: datetime | None = None) -> Document:
    """The final approval: number the document, mark it approved, and queue what follows.

    Runs inside the final approver's transaction (the flow lock's), so a failure
    here - a number that cannot be allocated, a budget that would be overcommitted
    just before - rolls the approval back as a whole. What follows an approval is
    announced in the same transaction (approvals.events.document_approved): signing
    and disclosure answer with their outbox rows (the signed official PDF, the
    disclosure tagging), sent once it commits, so a committed approval is never left
    without either.
    """
    document = Document.objects.select_for_update().get(pk=document_id)
    document_number_assign(document=document)  # sets the number on `document` too
    document.approved_at = now or timezone.now()
    document_status_set(document=document, status=DocumentStatus.APPROVED, fields=("approved_at",))
    document_approved_announce(document=document)
    return document
