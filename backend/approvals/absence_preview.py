"""What an absence would hand to the deputy (대결), before it is saved.

The same rules as the hand-over itself (approvals.services.proxy and stages):

- a pending step of the person moves to the deputy once the absence begins (at once
  when it has begun), unless it is on hold: held steps stay with whoever holds them;
- a waiting step (an earlier stage has not finished) moves if it opens while the
  person is away;
- the deputy must be allowed to act (directory.deputies), for a final approval with
  the rank its delegation rule needs: where they may not, the step stays with the
  person, and the preview says why.
"""

from dataclasses import dataclass
from datetime import datetime

from approvals.models import ApprovalStep, StageKind, StepStatus
from approvals.rules import required_rank_for
from directory.deputies import deputy_refusal
from directory.models import Person
from documents.models import DocumentStatus


@dataclass(frozen=True)
class MovingStep:
    step: ApprovalStep
    when: str  # "at_start": pending, moves when the absence begins; "if_opened": waiting
    refusal: str | None  # why the deputy may not take it (it stays), else None


def absence_handover_preview(
    *, person: Person, deputy: Person, starts_at: datetime, ends_at: datetime, now: datetime
) -> list[MovingStep]:
    """The open and waiting steps of `person` an absence over the period would hand to
    `deputy`, in the order they wait (oldest first). Nothing when the period is over."""
    if ends_at <= now:
        return []
    steps = (
        ApprovalStep.objects.filter(
            assignee=person,
            status__in=(StepStatus.PENDING, StepStatus.WAITING),
            stage__document__status__in=(DocumentStatus.IN_PROGRESS, DocumentStatus.ON_HOLD),
        )
        .select_related("stage__document")
        .order_by("status", "activated_at", "stage__document_id", "pk")
    )
    ranks: dict[int, int] = {}
    found = []
    for step in steps:
        document = step.stage.document
        rank_needed = 0
        if step.stage.kind == StageKind.APPROVE:
            if document.pk not in ranks:
                ranks[document.pk] = required_rank_for(document=document)
            rank_needed = ranks[document.pk]
        when = "at_start" if step.status == StepStatus.PENDING else "if_opened"
        refusal = deputy_refusal(person=person, deputy=deputy, rank_needed=rank_needed)
        found.append(MovingStep(step=step, when=when, refusal=refusal))
    return found
