"""Working demo documents through the product's own services, as people would.

A `Desk` drafts (documents.services.draft_create), takes the suggested approval line
(approvals.line.line_suggest) with any consultees or references a drafter would add,
submits (document_submit), and then acts as whoever owns each open task: approve,
agree or disagree, hold, return, recall, resubmit, withdraw. It never writes a
workflow row itself, so every demo document is what the product would have made.
"""

import random
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from approvals.line import LineSpec, StageSpec, line_suggest
from approvals.models import ApprovalStep, StageKind, StepStatus
from approvals.progress import OPEN_STATUSES
from approvals.rules import delegation_rule_for, document_facts
from approvals.services import (
    consult_respond,
    document_recall,
    document_resubmit,
    document_submit,
    document_withdraw,
    step_approve,
    step_hold,
    step_return,
)
from approvals.services.stages import step_owner
from demo.documents.content import Writer
from directory.models import Person
from documents.models import Document
from documents.services import draft_create

RETURN_REASONS = (
    "소요 예산 산출 근거를 보완하여 주시기 바랍니다.",
    "관련 부서 의견을 반영하여 다시 상신 바랍니다.",
    "붙임 자료가 누락되었습니다. 보완 후 재상신 바랍니다.",
)
HOLD_REASONS = ("관련 부서 회의 결과를 보고 결정하겠습니다.", "예산 조정 결과를 확인 중입니다.")
WITHDRAW_REASON = "사업 계획이 변경되어 철회합니다."
DISAGREE_COMMENT = "유사 사업과 중복되므로 재검토가 필요합니다."


def _with_consultees(spec: LineSpec, consultees: Sequence[Person]) -> LineSpec:
    """The line with `consultees` added to its consult stage (one is inserted before
    the final approval when there is none); people already on the line are skipped."""
    taken = set(spec.person_ids())
    extra = tuple(dict.fromkeys(p.pk for p in consultees if p.pk not in taken))
    if not extra:
        return spec
    stages = list(spec.stages)
    for index, stage in enumerate(stages):
        if stage.kind == StageKind.CONSULT:
            stages[index] = StageSpec(StageKind.CONSULT, stage.assignee_ids + extra)
            return replace(spec, stages=tuple(stages))
    stages.insert(len(stages) - 1, StageSpec(StageKind.CONSULT, extra))
    return replace(spec, stages=tuple(stages))


class Desk:
    """Drafts, submits and acts on demo documents; counts what it made."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.write = Writer(rng)
        self.made = 0
        self._lines: dict[tuple[int, str, int], LineSpec] = {}

    def suggest(self, document: Document) -> LineSpec:
        """The suggested line, computed once per unit, kind and required rank: the staff
        of one team reuse it, as they would a saved line. A head's own line skips them,
        so it is neither reused nor kept."""
        drafter, facts = document.drafter, document_facts(document=document)
        rank = delegation_rule_for(kind=document.kind, facts=facts).rank
        key = (document.unit_id, document.kind, rank)
        position = drafter.position
        heads = position is not None and (
            position.is_head or position.pk == drafter.unit.head_position_id
        )
        if heads or key not in self._lines:
            spec = line_suggest(drafter=drafter, kind=document.kind, facts=facts)
            if heads:
                return spec
            self._lines[key] = spec
        return self._lines[key]

    def draft(self, drafter: Person, kind: str, data: dict[str, object]) -> Document:
        self.made += 1
        return draft_create(drafter=drafter, kind=kind, data=data)

    def submit(
        self,
        drafter: Person,
        kind: str,
        data: dict[str, object],
        *,
        consultees: Sequence[Person] = (),
        references: Sequence[Person] = (),
    ) -> Document:
        """Draft and submit on the suggested line plus the drafter's additions."""
        document = self.draft(drafter, kind, data)
        spec = _with_consultees(self.suggest(document), consultees)
        taken = set(spec.person_ids())
        refs = tuple(p.pk for p in references if p.pk not in taken and p.pk != drafter.pk)
        spec = replace(spec, reference_ids=refs)
        return document_submit(document=document, actor=drafter, spec=spec)

    # Reading where a document stands -------------------------------------------

    def open_steps(self, document: Document) -> list[ApprovalStep]:
        """The steps someone must act on now (pending or held), in line order."""
        return list(
            ApprovalStep.objects.filter(
                stage__document=document, status__in=OPEN_STATUSES, task__isnull=False
            )
            .select_related("stage", "assignee__user", "acted_by__user")
            .order_by("stage__order", "order", "id")
        )

    def stages_left(self, document: Document) -> list[str]:
        """The kinds of the stages not yet done, the current one first (only the latest
        round has open or waiting steps)."""
        steps = ApprovalStep.objects.filter(
            stage__document=document, status__in=(*OPEN_STATUSES, StepStatus.WAITING)
        )
        kinds = steps.order_by("stage__order").values_list("stage__order", "stage__kind")
        return list(dict(kinds).values())

    # Acting as the owner of the open task(s) -------------------------------------

    def act(self, step: ApprovalStep, *, agree: bool = True, comment: str = "") -> None:
        actor = step_owner(step)
        if step.stage.kind == StageKind.CONSULT:
            consult_respond(step_id=step.pk, actor=actor, agree=agree, comment=comment)
        else:
            step_approve(step_id=step.pk, actor=actor, comment=comment)

    def advance(self, document: Document, stages: int = 1, *, disagree: bool = False) -> None:
        """Everyone on the next `stages` stages approves or agrees (the first consultee
        disagrees, with a comment, when `disagree`)."""
        for _ in range(stages):
            for index, step in enumerate(self.open_steps(document)):
                dissent = disagree and index == 0 and step.stage.kind == StageKind.CONSULT
                comment = DISAGREE_COMMENT if dissent else ""
                self.act(step, agree=not dissent, comment=comment)

    def finish(self, document: Document, *, disagree: bool = False) -> None:
        """Walk the rest of the line to the final approval."""
        self.advance(document, len(self.stages_left(document)), disagree=disagree)

    def agree_all_but(self, document: Document, person: Person) -> None:
        """Every consultee of the open parallel consultation agrees except `person`."""
        for step in self.open_steps(document):
            if step.assignee_id != person.pk and step.stage.kind == StageKind.CONSULT:
                self.act(step)

    def hold(self, document: Document) -> None:
        step = self.open_steps(document)[0]
        reason = self.rng.choice(HOLD_REASONS)
        step_hold(step_id=step.pk, actor=step_owner(step), reason=reason)

    def send_back(self, document: Document, *, to: str = "drafter") -> None:
        """The owner of the open review or approval step returns the document."""
        step = self.open_steps(document)[0]
        reason = self.rng.choice(RETURN_REASONS)
        target: Literal["drafter", "previous"] = "previous" if to == "previous" else "drafter"
        step_return(step_id=step.pk, actor=step_owner(step), reason=reason, to=target)

    # The drafter's actions -------------------------------------------------------

    def recall(self, document: Document) -> None:
        document_recall(document=document, actor=document.drafter)

    def resubmit(self, document: Document) -> Document:
        """The drafter revises the body as asked and sends it again on the same line."""
        document.refresh_from_db()
        body = f"{document.body}<p>(보완) 요청하신 자료를 붙임에 추가하였습니다.</p>"
        data = {"lock_version": document.lock_version, "body": body}
        return document_resubmit(document=document, actor=document.drafter, data=data)

    def withdraw(self, document: Document) -> None:
        document_withdraw(document=document, actor=document.drafter, reason=WITHDRAW_REASON)
