"""What a person on the line does with their step: approve, return, hold, consult.

Each action re-reads the step under the document's flow lock, checks that it is
still open and the actor's, changes the step, completes the viewflow task so the
flow moves on, and writes the audit event, all in one transaction: two people acting
on one task at once get one success and one conflict, and nothing is duplicated.
"""

from collections.abc import Collection
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from approvals import progress
from approvals.engine import task_execute
from approvals.models import ApprovalStep, StageKind, StepStatus
from approvals.services.guards import require_reason, step_check_actor, step_locked, steps_close
from approvals.services.recording import action_record, people_notify, references_of
from core.errors import InvalidInput
from directory.models import Person
from documents.models import Document, DocumentStatus
from documents.services.status import document_status_set


def _act(step: ApprovalStep, *, actor: Person, status: str, comment: str) -> None:
    step.status = status
    step.acted_by = actor
    step.acted_at = timezone.now()
    step.comment = comment
    step.save(update_fields=["status", "acted_by", "acted_at", "comment"])


def _status_after_hold_change(document: Document) -> None:
    held = progress.round_steps(document_id=document.pk).filter(status=StepStatus.ON_HOLD)
    document_status_set(
        document=document,
        status=DocumentStatus.ON_HOLD if held.exists() else DocumentStatus.IN_PROGRESS,
    )


def _reload(document: Document) -> None:
    """Read the document again after the flow ran (the final step numbers it).

    refresh_from_db drops every cached relation; the version and the drafter the
    audit event and the notice need are kept when they are still the same rows.
    """
    version = document.current_version
    drafter = document.drafter if Document.drafter.is_cached(document) else None
    document.refresh_from_db()
    if document.current_version_id == getattr(version, "pk", None):
        document.current_version = version
    if drafter is not None and document.drafter_id == drafter.pk:
        document.drafter = drafter


def step_approve(
    *,
    step_id: int,
    actor: Person,
    comment: str = "",
    expected_status: Collection[str] = progress.OPEN_STATUSES,
    client_address: str | None = None,
) -> ApprovalStep:
    """Approve a review or final-approval step (with an optional comment).

    On the final step the flow's `finalize` runs in this same transaction: the
    document is numbered (and a budget committed) or nothing happens at all.
    """
    with step_locked(step_id, actor=actor) as step:
        step_check_actor(step, actor=actor, expected_status=expected_status)
        document = step.stage.document
        was_held = step.status == StepStatus.ON_HOLD
        _act(step, actor=actor, status=StepStatus.APPROVED, comment=comment.strip())
        if was_held:
            _status_after_hold_change(document)
        task_execute(task=step.task, user=actor.user)
        if step.stage.kind == StageKind.APPROVE:
            _reload(document)  # the flow's finalize numbered it; a review changes nothing
        data = {"step": step.pk, "proxy": step.is_proxy, "delegated": step.is_delegated}
        action_record(
            action="step.approved", actor=actor, document=document,
            client_address=client_address, data=data, target=step,
        )  # fmt: skip
        if document.status == DocumentStatus.APPROVED:
            _approved_record(document, actor=actor, client_address=client_address)
    return step


def _approved_record(document: Document, *, actor: Person, client_address: str | None) -> None:
    action_record(
        action="document.approved", actor=actor, document=document,
        client_address=client_address, data={"number": document.number},
    )  # fmt: skip
    people_notify(
        recipients=[document.drafter, *references_of(document)],
        kind="approved",
        document=document,
        context={"actor_name": actor.name, "document_number": document.number},
    )


def step_return(
    *,
    step_id: int,
    actor: Person,
    reason: str,
    to: Literal["drafter", "previous"] = "drafter",
    client_address: str | None = None,
) -> ApprovalStep:
    """Return the document to its drafter, or to the previous step (전단계 반려).

    To the drafter: the round closes and the drafter gets the revise task.
    To the previous step: the previous stage re-opens with new steps for the same
    people, and this step waits again behind it; from the first stage there is no
    previous step (use a return to the drafter).
    """
    reason = require_reason(reason)
    if to not in ("drafter", "previous"):
        raise InvalidInput({"to": [_("Return to the drafter or to the previous step.")]})
    with step_locked(step_id, actor=actor) as step:
        step_check_actor(step, actor=actor)
        document = step.stage.document
        if to == "previous":
            _reopen_previous(step)
        _act(step, actor=actor, status=StepStatus.RETURNED, comment=reason)
        if to == "drafter":
            steps_close(document, round=step.stage.round, statuses=(StepStatus.WAITING,))
            document_status_set(document=document, status=DocumentStatus.RETURNED)
        elif document.status == DocumentStatus.ON_HOLD:
            _status_after_hold_change(document)
        task_execute(task=step.task, user=actor.user)
        action_record(
            action=f"step.returned_to_{to}", actor=actor, document=document,
            client_address=client_address, data={"step": step.pk, "reason": reason}, target=step,
        )  # fmt: skip
        if to == "drafter":
            people_notify(
                recipients=[document.drafter], kind="returned", document=document,
                context={"actor_name": actor.name, "reason": reason},
            )  # fmt: skip
    return step


def _copy_waiting(step: ApprovalStep) -> ApprovalStep:
    return ApprovalStep.objects.create(
        stage=step.stage,
        order=step.order,
        assignee=step.assignee,
        assignee_unit_id=step.assignee_unit_id,
        position_title=step.position_title,
        is_delegated=step.is_delegated,
        status=StepStatus.WAITING,
    )


def _reopen_previous(step: ApprovalStep) -> None:
    previous = progress.previous_stage(stage=step.stage)
    if previous is None:
        raise InvalidInput({"to": [_("There is no previous step to return to.")]})
    latest: dict[int, ApprovalStep] = {}
    for row in previous.steps.order_by("order", "id"):
        latest[row.order] = row
    for row in latest.values():
        _copy_waiting(row)
    _copy_waiting(step)


def step_hold(
    *, step_id: int, actor: Person, reason: str, client_address: str | None = None
) -> ApprovalStep:
    """Park a pending step with a reason; it stays with its holder, the document shows on hold."""
    reason = require_reason(reason)
    kinds = tuple(StageKind.values)
    with step_locked(step_id, actor=actor) as step:
        step_check_actor(step, actor=actor, expected_status=(StepStatus.PENDING,), kinds=kinds)
        step.status = StepStatus.ON_HOLD
        step.save(update_fields=["status"])
        document = step.stage.document
        _status_after_hold_change(document)
        action_record(
            action="step.held", actor=actor, document=document, client_address=client_address,
            data={"step": step.pk, "reason": reason}, target=step,
        )  # fmt: skip
        people_notify(
            recipients=[document.drafter], kind="held", document=document,
            context={"actor_name": actor.name, "reason": reason},
        )  # fmt: skip
    return step


def step_release(*, step_id: int, actor: Person, client_address: str | None = None) -> ApprovalStep:
    """Take a held step off hold: it is pending again with the same person."""
    kinds = tuple(StageKind.values)
    with step_locked(step_id, actor=actor) as step:
        step_check_actor(step, actor=actor, expected_status=(StepStatus.ON_HOLD,), kinds=kinds)
        step.status = StepStatus.PENDING
        step.save(update_fields=["status"])
        document = step.stage.document
        _status_after_hold_change(document)
        action_record(
            action="step.released", actor=actor, document=document,
            client_address=client_address, data={"step": step.pk}, target=step,
        )  # fmt: skip
    return step


def consult_respond(
    *,
    step_id: int,
    actor: Person,
    agree: bool,
    comment: str = "",
    client_address: str | None = None,
) -> ApprovalStep:
    """Agree or disagree as a consultee (협조/합의); a disagreement needs a comment.

    A disagreement is recorded on the step and shown to everyone after; the document
    goes on, and it is for the final approver to return it if they side with it.
    """
    comment = require_reason(comment, field="comment") if not agree else comment.strip()
    with step_locked(step_id, actor=actor) as step:
        step_check_actor(step, actor=actor, kinds=(StageKind.CONSULT,))
        document = step.stage.document
        was_held = step.status == StepStatus.ON_HOLD
        status = StepStatus.AGREED if agree else StepStatus.DISAGREED
        _act(step, actor=actor, status=status, comment=comment)
        if was_held:
            _status_after_hold_change(document)
        task_execute(task=step.task, user=actor.user)
        action_record(
            action="step.agreed" if agree else "step.disagreed", actor=actor, document=document,
            client_address=client_address, data={"step": step.pk, "comment": comment}, target=step,
        )  # fmt: skip
        if not agree:
            people_notify(
                recipients=[document.drafter], kind="disagreed", document=document,
                context={"actor_name": actor.name, "reason": comment},
            )  # fmt: skip
    return step
