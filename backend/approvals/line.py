"""The approval line: suggesting it, and writing it for a submission round.

A suggested line climbs from the drafter's unit up the chain of unit heads (vacant
levels skipped, never the drafter) until a head whose rank meets the delegation
rule; every head before that one reviews, that one approves. Mandatory
consultations (one parallel consult stage with the head of each consult unit) come
just before the final approval. A consult unit on the drafter's own chain is already
covered by its head on the line and is not consulted again.

The final step is a delegated approval (전결) when its assignee ranks below the mayor,
i.e. the final approval is taken below the head of the whole organisation because the
delegation rules allow it; the PDF marks it.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from approvals.line_heads import rank_of, unit_chain, unit_head
from approvals.line_validation import line_validate
from approvals.models import ApprovalStage, ApprovalStep, Reference, StageKind, StepStatus
from approvals.rules import delegation_rule_for, mandatory_consultations
from core.errors import ConflictError
from directory.models import Person, Rank
from documents.models import Document

__all__ = [
    "LineSpec",
    "StageSpec",
    "is_delegated_approval",
    "line_set",
    "line_suggest",
    "line_validate",
]


@dataclass(frozen=True)
class StageSpec:
    kind: StageKind
    assignee_ids: tuple[int, ...]


@dataclass(frozen=True)
class LineSpec:
    stages: tuple[StageSpec, ...]
    reference_ids: tuple[int, ...] = ()

    def person_ids(self) -> list[int]:
        """Everyone on the line, stages first, in order (duplicates kept)."""
        ids = [pid for stage in self.stages for pid in stage.assignee_ids]
        return [*ids, *self.reference_ids]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "LineSpec":
        """From {"stages": [{"kind", "assignee_ids"}], "reference_ids": [...]} (validated)."""
        stages = tuple(
            StageSpec(StageKind(stage["kind"]), tuple(stage["assignee_ids"]))
            for stage in data.get("stages", [])
        )
        return cls(stages=stages, reference_ids=tuple(data.get("reference_ids", [])))

    def to_data(self) -> dict[str, Any]:
        return {
            "stages": [
                {"kind": str(stage.kind), "assignee_ids": list(stage.assignee_ids)}
                for stage in self.stages
            ],
            "reference_ids": list(self.reference_ids),
        }


def line_suggest(*, drafter: Person, kind: str, facts: dict[str, Any]) -> LineSpec:
    """The usual line for a document of `kind` by `drafter` (see the module docstring).

    `facts` are what the delegation rules compare: "amount" (KRW) for budgets,
    "subject_rank" for personnel actions.
    """
    required = delegation_rule_for(kind=kind, facts=facts)
    chain = unit_chain(drafter.unit)
    heads: list[Person] = []
    for unit in chain:
        head = unit_head(unit)
        if head is None or head.pk == drafter.pk or head in heads:
            continue
        heads.append(head)
        if rank_of(head) >= required.rank:
            break
    if not heads:
        return LineSpec(stages=())
    chain_ids = {unit.pk for unit in chain}
    consultees = [
        head
        for consultation in mandatory_consultations(kind=kind)
        if consultation.unit.pk not in chain_ids
        and (head := unit_head(consultation.unit)) is not None
        and head.pk != drafter.pk
        and head not in heads
    ]
    stages = [StageSpec(StageKind.REVIEW, (head.pk,)) for head in heads[:-1]]
    if consultees:
        stages.append(StageSpec(StageKind.CONSULT, tuple(dict.fromkeys(p.pk for p in consultees))))
    stages.append(StageSpec(StageKind.APPROVE, (heads[-1].pk,)))
    return LineSpec(stages=tuple(stages))


def is_delegated_approval(approver: Person) -> bool:
    """전결: the final approver is not the head of the whole organisation (the mayor)."""
    return rank_of(approver) < Rank.MAYOR


def line_set(*, document: Document, spec: LineSpec, round: int) -> list[ApprovalStage]:
    """Write the line of submission `round`: stages, WAITING steps, and the references.

    The spec is validated against the rules first. A round is written once: a second
    call for the same round is a conflict. References are kept across rounds.
    """
    line_validate(document=document, spec=spec)
    people = Person.objects.select_related("position").in_bulk(spec.person_ids())
    with transaction.atomic():
        if ApprovalStage.objects.filter(document=document, round=round).exists():
            raise ConflictError(_("The approval line of this round is already set."))
        stages: list[ApprovalStage] = []
        for order, stage_spec in enumerate(spec.stages, start=1):
            stage = ApprovalStage.objects.create(
                document=document, round=round, order=order, kind=stage_spec.kind
            )
            ApprovalStep.objects.bulk_create(
                _step(stage, people[pid], index)
                for index, pid in enumerate(stage_spec.assignee_ids)
            )
            stages.append(stage)
        for pid in spec.reference_ids:
            Reference.objects.get_or_create(document=document, person_id=pid)
    return stages


def _step(stage: ApprovalStage, person: Person, order: int) -> ApprovalStep:
    return ApprovalStep(
        stage=stage,
        order=order,
        assignee=person,
        position_title=person.position.title if person.position else "",
        status=StepStatus.WAITING,
        is_delegated=stage.kind == StageKind.APPROVE and is_delegated_approval(person),
    )
