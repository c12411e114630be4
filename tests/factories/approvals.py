"""Builders for approval scenarios: an organisation with delegation rules, lines, and
documents sent on them, so tests start from "submitted" in one call.

`approval_org()` is `org_chain()` plus delegation rules that let the division head
take the final approval (전결) of every kind, and `consultees` heads of sibling
divisions. `line(...)` writes a LineSpec; `submit(...)` drafts and submits.
"""

from dataclasses import dataclass, field

from approvals.line import LineSpec, StageSpec
from approvals.models import ApprovalStep, DelegationRule, StageKind, StepStatus
from approvals.services import document_submit
from directory.models import Person, Rank, UnitKind
from documents.models import Document, DocumentKind
from tests.factories.directory import OrgChain, org_chain, unit_head, unit_with_head
from tests.factories.documents import (
    BudgetDocumentFactory,
    DocumentFactory,
    PersonnelDocumentFactory,
)


@dataclass(frozen=True)
class ApprovalOrg:
    chain: OrgChain
    consultees: list[Person] = field(default_factory=list)

    @property
    def drafter(self) -> Person:
        return self.chain.drafter

    @property
    def reviewer(self) -> Person:
        return self.chain.team_leader

    @property
    def approver(self) -> Person:
        return self.chain.division_head


def approval_org(consultees: int = 0) -> ApprovalOrg:
    chain = org_chain()
    # The shipped default rules are replaced by one simple rule per kind.
    DelegationRule.objects.update(active=False)
    for kind in DocumentKind.values:
        DelegationRule.objects.create(
            kind=kind, required_rank=Rank.DIVISION_HEAD, description=f"{kind}: division head"
        )
    heads = [unit_head(unit_with_head(UnitKind.DIVISION, chain.bureau)) for _ in range(consultees)]
    return ApprovalOrg(chain=chain, consultees=heads)


def line(
    org: ApprovalOrg, *, consult: bool = False, references: tuple[Person, ...] = ()
) -> LineSpec:
    stages = [StageSpec(StageKind.REVIEW, (org.reviewer.pk,))]
    if consult:
        stages.append(StageSpec(StageKind.CONSULT, tuple(p.pk for p in org.consultees)))
    stages.append(StageSpec(StageKind.APPROVE, (org.approver.pk,)))
    return LineSpec(stages=tuple(stages), reference_ids=tuple(p.pk for p in references))


def draft(org: ApprovalOrg, kind: str = DocumentKind.MEMO, **fields: object) -> Document:
    factories: dict[str, type[DocumentFactory]] = {
        DocumentKind.MEMO: DocumentFactory,
        DocumentKind.BUDGET: BudgetDocumentFactory,
        DocumentKind.PERSONNEL: PersonnelDocumentFactory,
    }
    factory = factories[kind]
    return factory.create(drafter=org.drafter, **fields)


def submit(
    org: ApprovalOrg, kind: str = DocumentKind.MEMO, *, consult: bool = False, **fields: object
) -> Document:
    document = draft(org, kind, **fields)
    return document_submit(document=document, actor=org.drafter, spec=line(org, consult=consult))


def open_step(document: Document, person: Person) -> ApprovalStep:
    """The open step of `document` that `person` must act on now (own or as deputy)."""
    return ApprovalStep.objects.get(
        stage__document=document,
        status__in=(StepStatus.PENDING, StepStatus.ON_HOLD),
        task__owner=person.user,
    )
