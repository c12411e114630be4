"""The boxes (함): what a person sees waiting for them, and what they sent.

Step boxes list approval steps: `to_act` (open steps whose task I own, proxy tasks
included), `upcoming` (my steps waiting behind an unfinished stage), `on_hold` (steps
I hold), `post_approval_due` (steps a deputy took for me that I have not
post-approved). Document boxes list documents: `drafts`, `in_progress` (submitted by
me, not finished), `returned`, `completed` (approved, drafted or acted on by me),
`references` (I am a reference).

Every box is one query for the page plus one count, whatever the page size: the
related rows a box shows are joined (select_related), never fetched per row.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from django.db.models import OuterRef, Q, QuerySet, Subquery

from approvals import progress
from approvals.models import ApprovalStage, ApprovalStep, Reference, StepStatus
from approvals.progress import ACTED_STATUSES, OPEN_STATUSES
from directory.models import Person
from documents.models import Document, DocumentStatus

StepBox = Literal["to_act", "upcoming", "on_hold", "post_approval_due"]
DocumentBox = Literal["drafts", "in_progress", "returned", "completed", "references"]
STEP_BOXES: tuple[str, ...] = ("to_act", "upcoming", "on_hold", "post_approval_due")
DOCUMENT_BOXES: tuple[str, ...] = ("drafts", "in_progress", "returned", "completed", "references")
BOXES = STEP_BOXES + DOCUMENT_BOXES


@dataclass(frozen=True)
class BoxFilters:
    """Narrowing of a box: kind, status, drafting unit, period (the date the document
    was submitted, or created for a draft), and text in the title or number."""

    kind: str | None = None
    status: str | None = None
    unit_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None


def _filter(queryset: QuerySet, filters: BoxFilters, *, prefix: str, date_field: str) -> QuerySet:  # type: ignore[type-arg]
    conditions = Q()
    if filters.kind:
        conditions &= Q(**{f"{prefix}kind": filters.kind})
    if filters.status:
        conditions &= Q(**{f"{prefix}status": filters.status})
    if filters.unit_id:
        conditions &= Q(**{f"{prefix}unit_id": filters.unit_id})
    if filters.date_from:
        conditions &= Q(**{f"{prefix}{date_field}__date__gte": filters.date_from})
    if filters.date_to:
        conditions &= Q(**{f"{prefix}{date_field}__date__lte": filters.date_to})
    if filters.text:
        conditions &= Q(**{f"{prefix}title__icontains": filters.text}) | Q(
            **{f"{prefix}number__icontains": filters.text}
        )
    return queryset.filter(conditions)


def _steps(condition: Q) -> QuerySet[ApprovalStep]:
    return ApprovalStep.objects.filter(condition).select_related(
        "stage__document__unit",
        "stage__document__drafter",
        "assignee",
        "acted_by",
    )


def step_box(
    *, person: Person, box: str, filters: BoxFilters | None = None
) -> QuerySet[ApprovalStep]:
    if box == "to_act":
        steps = _steps(Q(status=StepStatus.PENDING, task__owner_id=person.user_id))
        ordering: tuple[str, ...] = ("due_at", "id")
    elif box == "upcoming":
        # On a line in progress, after a stage that has not finished: what will reach me.
        steps = _steps(
            Q(
                status=StepStatus.WAITING,
                assignee=person,
                stage__document__status__in=(DocumentStatus.IN_PROGRESS, DocumentStatus.ON_HOLD),
            )
        )
        ordering = ("stage__document__submitted_at", "id")
    elif box == "on_hold":
        steps = _steps(Q(status=StepStatus.ON_HOLD, task__owner_id=person.user_id))
        ordering = ("due_at", "id")
    elif box == "post_approval_due":
        steps = _steps(
            Q(assignee=person, is_proxy=True, acted_at__isnull=False, post_approved_at__isnull=True)
        )
        ordering = ("acted_at", "id")
    else:
        raise ValueError(f"unknown step box {box!r}")
    return _filter(
        steps, filters or BoxFilters(), prefix="stage__document__", date_field="submitted_at"
    ).order_by(*ordering)


def _documents_acted_on(person: Person) -> Q:
    acted = ApprovalStep.objects.filter(
        Q(acted_by=person) | Q(assignee=person), status__in=ACTED_STATUSES
    ).values("stage__document_id")
    return Q(pk__in=acted)


def document_box(
    *, person: Person, box: str, filters: BoxFilters | None = None
) -> QuerySet[Document]:
    mine = Q(drafter=person)
    conditions = {
        "drafts": mine & Q(status=DocumentStatus.DRAFT),
        "in_progress": mine & Q(status__in=(DocumentStatus.IN_PROGRESS, DocumentStatus.ON_HOLD)),
        "returned": mine & Q(status=DocumentStatus.RETURNED),
        "completed": Q(status=DocumentStatus.APPROVED) & (mine | _documents_acted_on(person)),
        "references": Q(pk__in=Reference.objects.filter(person=person).values("document_id")),
    }
    if box not in conditions:
        raise ValueError(f"unknown document box {box!r}")
    documents = Document.objects.filter(conditions[box]).select_related("unit", "drafter")
    date_field = "created_at" if box == "drafts" else "submitted_at"
    return _filter(documents, filters or BoxFilters(), prefix="", date_field=date_field).order_by(
        "-updated_at", "-id"
    )


def box_counts(*, person: Person) -> dict[str, int]:
    """How many items each box holds (one query per box)."""
    counts = {box: step_box(person=person, box=box).count() for box in STEP_BOXES}
    counts.update({box: document_box(person=person, box=box).count() for box in DOCUMENT_BOXES})
    return counts


def step_line(*, step: ApprovalStep) -> QuerySet[ApprovalStep]:
    """Every step of the step's round, in line order: who did what, disagreements shown."""
    return (
        ApprovalStep.objects.filter(
            stage__document_id=step.stage.document_id, stage__round=step.stage.round
        )
        .select_related("stage", "assignee", "acted_by")
        .order_by("stage__order", "order", "id")
    )


def _latest_round() -> Subquery:
    """The latest round of the row's document (progress.current_round), as a subquery."""
    stages = ApprovalStage.objects.filter(document_id=OuterRef("stage__document_id"))
    return Subquery(stages.order_by("-round").values("round")[:1])


def task_detail(*, step: ApprovalStep, person: Person) -> dict[str, Any]:
    """A task as the API shows it: the step as it is now, its document, its round's
    line, whether a consultee of the document's current round disagreed, and the
    actions open to `person` (TaskDetailOutputSerializer).

    One query: the line, each row with its document, task and the document's latest
    round; `step` only has to name the document and round (they never change).
    """
    line = list(
        step_line(step=step)
        .select_related("stage__document__unit", "stage__document__drafter", "task")
        .annotate(latest_round=_latest_round())
    )
    current = next(row for row in line if row.pk == step.pk)
    if current.latest_round == current.stage.round:
        disagreed = any(row.status == StepStatus.DISAGREED for row in line)
    else:  # an earlier round's task: the question is about the current round
        disagreed = progress.has_disagreement(document_id=current.stage.document_id)
    return {
        "step": current,
        "document": current.stage.document,
        "line": line,
        "has_disagreement": disagreed,
        "actions": step_actions(step=current, person=person),
    }


def step_actions(*, step: ApprovalStep, person: Person) -> list[str]:
    """The task actions `person` may take on `step` now (what the API offers)."""
    actions: list[str] = []
    owns = step.task is not None and step.task.owner_id == person.user_id
    if owns and step.status in (StepStatus.PENDING, StepStatus.ON_HOLD):
        if step.stage.kind == "consult":
            actions += ["agree", "disagree"]
        else:
            actions += ["approve", "return"]
        actions += ["hold", "edit"] if step.status == StepStatus.PENDING else ["release"]
    owes = step.is_proxy and step.acted_at is not None and step.post_approved_at is None
    if owes and step.assignee_id == person.pk:
        actions.append("post-approve")
    return actions


# The routing gateways' view of a line --------------------------------------------


@dataclass(frozen=True)
class RoundStep:
    """One step of the current round, as the gateways need it."""

    id: int
    stage_id: int
    stage_order: int
    stage_kind: str
    order: int
    status: str
    task_id: int | None


@dataclass(frozen=True)
class RoundState:
    """A document's status and the steps of its current round, in line order.

    It answers what approvals.progress answers (current and next stage, the open
    steps without a task) from one read, so the gateways a single action passes
    through do not each go back to the database. It is a snapshot: whoever changes
    the steps must read a new one.
    """

    document_status: str
    steps: tuple[RoundStep, ...]

    def next_stage_id(self) -> int | None:
        """The first stage with a waiting step (progress.next_stage)."""
        return self._first_stage_with((StepStatus.WAITING,))

    def current_stage_kind(self) -> str | None:
        """The kind of the first stage with an open step."""
        stage_id = self._first_stage_with(OPEN_STATUSES)
        return next((s.stage_kind for s in self.steps if s.stage_id == stage_id), None)

    def pending_step_ids(self) -> list[int]:
        """The open steps of the current stage that have no task yet, in order."""
        stage_id = self._first_stage_with(OPEN_STATUSES)
        return [
            s.id
            for s in self.steps
            if s.stage_id == stage_id and s.status in OPEN_STATUSES and s.task_id is None
        ]

    def with_opened(self, step_ids: Iterable[int]) -> "RoundState":
        """The state after stage_open made these waiting steps pending (nothing else
        changes then), so the gateway after it need not read the line again."""
        opened = set(step_ids)
        return replace(
            self,
            steps=tuple(
                replace(s, status=StepStatus.PENDING) if s.id in opened else s for s in self.steps
            ),
        )

    def _first_stage_with(self, statuses: tuple[str, ...]) -> int | None:
        return next((s.stage_id for s in self.steps if s.status in statuses), None)


def round_state(*, document_id: int) -> RoundState:
    """The document's status and its current round's steps, in one query.

    The current round is the latest (progress.current_round), taken by a subquery.
    """
    latest = (
        ApprovalStage.objects.filter(document_id=document_id).order_by("-round").values("round")[:1]
    )
    rows = list(
        ApprovalStep.objects.filter(stage__document_id=document_id, stage__round=Subquery(latest))
        .order_by("stage__order", "order", "id")
        .values_list(
            "id", "stage_id", "stage__order", "stage__kind", "order", "status", "task_id",
            "stage__document__status",
        )
    )  # fmt: skip
    if rows:
        status = rows[0][7]
    else:  # no line yet: the status alone
        status = Document.objects.values_list("status", flat=True).get(pk=document_id)
    return RoundState(document_status=status, steps=tuple(RoundStep(*row[:7]) for row in rows))
