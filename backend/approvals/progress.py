"""Where a document stands on its approval line: reads the flows and services share.

The line of a round is walked stage by stage in `order`. The *current* stage is the
first one with an open step (pending or on hold); the *next* stage is the first one
with a waiting step. A return to the previous step (전단계 반려) re-opens an earlier
stage by giving it waiting steps again, so "first stage with waiting steps" is always
the right one to open next; no separate pointer is kept that could drift from the rows.
"""

from django.db.models import Max, QuerySet

from approvals.models import ApprovalStage, ApprovalStep, StageKind, StepStatus

OPEN_STATUSES = (StepStatus.PENDING, StepStatus.ON_HOLD)
ACTED_STATUSES = (
    StepStatus.APPROVED,
    StepStatus.AGREED,
    StepStatus.DISAGREED,
    StepStatus.RETURNED,
)


def current_round(*, document_id: int) -> int:
    """The latest submission round of the document (0 when it has no line yet)."""
    value = ApprovalStage.objects.filter(document_id=document_id).aggregate(r=Max("round"))["r"]
    return int(value or 0)


def round_steps(*, document_id: int, round: int | None = None) -> QuerySet[ApprovalStep]:
    """The steps of a round (the latest by default), in line order."""
    if round is None:
        round = current_round(document_id=document_id)
    return ApprovalStep.objects.filter(stage__document_id=document_id, stage__round=round).order_by(
        "stage__order", "order", "id"
    )


def next_stage(*, document_id: int) -> ApprovalStage | None:
    """The first stage of the current round that has waiting steps."""
    round = current_round(document_id=document_id)
    return (
        ApprovalStage.objects.filter(
            document_id=document_id, round=round, steps__status=StepStatus.WAITING
        )
        .order_by("order")
        .first()
    )


def previous_stage(*, stage: ApprovalStage) -> ApprovalStage | None:
    """The stage before `stage` in the same round, if any."""
    return (
        ApprovalStage.objects.filter(
            document_id=stage.document_id, round=stage.round, order__lt=stage.order
        )
        .order_by("-order")
        .first()
    )


def has_acted_in_round(*, document_id: int) -> bool:
    """True once anyone on the current round's line has acted or put it on hold."""
    return (
        round_steps(document_id=document_id)
        .filter(status__in=(*ACTED_STATUSES, StepStatus.ON_HOLD))
        .exists()
    )


def has_disagreement(*, document_id: int) -> bool:
    """True when a consultee of the current round disagreed."""
    return round_steps(document_id=document_id).filter(status=StepStatus.DISAGREED).exists()


def is_final_stage(stage: ApprovalStage) -> bool:
    return stage.kind == StageKind.APPROVE
