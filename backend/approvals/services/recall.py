"""The drafter takes a document back: recall (회수) to revise it, or withdraw it.

Recall is allowed while nobody on the current round's line has acted: no step is
approved, agreed, disagreed, returned or on hold. Once the first person has acted the
document is theirs to return; the drafter cannot pull it from under them. The open
tasks are cancelled and the drafter gets the revise task; the document is a draft
again, and submitting it starts the next round. Whoever a pending step waited for
(the deputy, for a proxy step) has that notice withdrawn.

Withdrawal (철회) ends the document for good, from any state before approval: every
open task is cancelled, the process is cancelled, the document is withdrawn.
"""

from django.utils.translation import gettext_lazy as _

from approvals import progress
from approvals.engine import process_cancel, process_divert, process_for, process_locked
from approvals.models import ApprovalStep, StepStatus
from approvals.services.guards import require_drafter, require_reason, require_status, steps_close
from approvals.services.recording import action_record, task_notice_withdraw
from approvals.services.stages import step_owner
from core.errors import ConflictError
from directory.models import Person
from documents.models import Document, DocumentStatus
from documents.services.status import document_status_set

_OPEN = (StepStatus.WAITING, StepStatus.PENDING, StepStatus.ON_HOLD)


def document_recall(
    *, document: Document, actor: Person, client_address: str | None = None
) -> Document:
    """Pull a submitted document back for revision while nobody has acted on it yet."""
    require_drafter(document, actor=actor)
    process = process_for(document_id=document.pk)
    if process is None:
        raise ConflictError(_("The document has not been submitted yet."))
    with process_locked(process):
        document = Document.objects.select_related("current_version").get(pk=document.pk)
        require_status(document, DocumentStatus.IN_PROGRESS)
        if progress.has_acted_in_round(document_id=document.pk):
            raise ConflictError(
                _("Someone on the line has already acted; it can no longer be recalled.")
            )
        round = progress.current_round(document_id=document.pk)
        _task_notices_withdraw(document, round=round)
        steps_close(document, round=round, statuses=_OPEN)
        document_status_set(document=document, status=DocumentStatus.DRAFT)
        process_divert(process=process, node=process.flow_class.revise)
        action_record(
            action="document.recalled", actor=actor, document=document,
            client_address=client_address,
        )  # fmt: skip
    return document


def document_withdraw(
    *, document: Document, actor: Person, reason: str, client_address: str | None = None
) -> Document:
    """Withdraw a document before approval; a draft never submitted just becomes withdrawn."""
    reason = require_reason(reason)
    require_drafter(document, actor=actor)
    process = process_for(document_id=document.pk)
    if process is None:
        require_status(document, DocumentStatus.DRAFT)
        return _withdrawn(document, actor=actor, reason=reason, client_address=client_address)
    with process_locked(process):
        document = Document.objects.select_related("current_version").get(pk=document.pk)
        require_status(
            document,
            DocumentStatus.DRAFT,
            DocumentStatus.IN_PROGRESS,
            DocumentStatus.ON_HOLD,
            DocumentStatus.RETURNED,
        )
        round = progress.current_round(document_id=document.pk)
        _task_notices_withdraw(document, round=round)
        steps_close(document, round=round, statuses=_OPEN)
        process_cancel(process=process)
        return _withdrawn(document, actor=actor, reason=reason, client_address=client_address)


def _task_notices_withdraw(document: Document, *, round: int) -> None:
    """The step went back to the drafter: "waiting for you" no longer holds for its
    owner (the deputy of a proxy step, else the assignee)."""
    pending = ApprovalStep.objects.filter(
        stage__document=document, stage__round=round,
        status__in=(StepStatus.PENDING, StepStatus.ON_HOLD),
    ).select_related("assignee", "acted_by")  # fmt: skip
    for step in pending:
        task_notice_withdraw(person=step_owner(step), document=document)


def _withdrawn(
    document: Document, *, actor: Person, reason: str, client_address: str | None
) -> Document:
    document_status_set(document=document, status=DocumentStatus.WITHDRAWN)
    action_record(
        action="document.withdrawn", actor=actor, document=document,
        client_address=client_address, data={"reason": reason},
    )  # fmt: skip
    return document
