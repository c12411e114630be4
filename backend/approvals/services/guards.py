"""Loading a step for an action under its document's lock, and the shared checks."""

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import NoReturn

from django.utils.translation import gettext_lazy as _

from approvals.engine import step_process_locked
from approvals.models import ApprovalStep, StageKind, StepStatus
from approvals.progress import OPEN_STATUSES
from approvals.services.conflicts import step_conflict
from core.errors import ConflictError, InvalidInput, Refused
from directory.models import Person
from documents.models import Document, DocumentStatus


def _step_query(step_id: int) -> ApprovalStep:
    """The step with what every action uses, read under the lock: its document with
    the version the audit event names, its assignee and its task. (The drafter, whom
    only a final approval or a return tells, is read when needed.)"""
    return ApprovalStep.objects.select_related(
        "stage__document__current_version", "assignee", "task"
    ).get(pk=step_id)


@contextmanager
def step_locked(step_id: int, *, actor: Person) -> Iterator[ApprovalStep]:
    """The step, re-read under its document's flow lock, for the length of the block.

    The lock is found through the step's task, and only if `actor` owns that task:
    someone else's attempt never holds up the owner's. The step, its task and the
    process are then as the database has them for the whole block. A step without a
    task (still waiting, or closed) cannot be acted on: conflict.
    """
    with step_process_locked(step_id, owner_id=actor.user_id) as process:
        if process is None:
            _refuse_unlocked(step_id, actor=actor)
        step = _step_query(step_id)
        if step.task is None or step.task.process_id != process.pk:
            raise step_conflict(step_id, actor=actor, detail=_("This step is not open for action."))
        step.task.process = process
        yield step


def _refuse_unlocked(step_id: int, *, actor: Person) -> NoReturn:
    """Why `actor` could not lock the step: it is not open (409), or not theirs (403)."""
    step = (
        ApprovalStep.objects.select_related("task", "acted_by__position").filter(pk=step_id).first()
    )
    if step is not None and step.task is not None and step.task.owner_id != actor.user_id:
        raise _not_theirs(step, actor=actor)
    raise step_conflict(step_id, actor=actor, detail=_("This step is not open for action."))


def _not_theirs(step: ApprovalStep, *, actor: Person) -> Refused:
    """The refusal of someone else's task; an absent assignee is told who holds it."""
    deputy = step.acted_by if step.is_proxy and step.assignee_id == actor.pk else None
    if deputy is None:
        return Refused(_("This task is assigned to someone else."))
    if deputy.position is None:
        return Refused(
            _("Your deputy %(name)s holds this step while you are away.") % {"name": deputy.name}
        )
    return Refused(
        _("Your deputy %(name)s (%(position)s) holds this step while you are away.")
        % {"name": deputy.name, "position": deputy.position.title}
    )


def step_check_actor(
    step: ApprovalStep,
    *,
    actor: Person,
    expected_status: Collection[str] = OPEN_STATUSES,
    kinds: Collection[str] = (StageKind.REVIEW, StageKind.APPROVE),
) -> None:
    """Refuse an action on a step that is not open, not the actor's, or of another kind.

    A step someone already acted on is a conflict (409) that names who acted first
    (approvals.services.conflicts): the client must reload. The
    task must be owned by the actor (the deputy for a proxy step): 403 otherwise.
    """
    if step.status not in expected_status:
        raise step_conflict(step.pk, actor=actor)
    if step.task is None or step.task.owner_id != actor.user_id:
        raise _not_theirs(step, actor=actor)
    if step.stage.kind not in kinds:
        raise InvalidInput({"action": [_("This action does not apply to this step.")]})


def require_reason(reason: str, *, field: str = "reason") -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({field: [_("A reason is required.")]})
    return reason


def require_drafter(document: Document, *, actor: Person) -> None:
    if document.drafter_id != actor.pk:
        raise Refused(_("Only the drafter can do this."))


def require_status(document: Document, *statuses: str) -> None:
    if document.status not in statuses:
        raise ConflictError(
            _("The document is %(status)s; this action is not possible now.")
            % {"status": DocumentStatus(document.status).label}
        )


def steps_close(document: Document, *, round: int, statuses: Collection[str]) -> int:
    """Mark the round's steps in `statuses` skipped (closed by a return or recall)."""
    return ApprovalStep.objects.filter(
        stage__document=document, stage__round=round, status__in=statuses
    ).update(status=StepStatus.SKIPPED)
