"""Approved documents made the way people make them: through the approval services.

`organisation()` builds a city hall branch, 시장실 > 부시장실 > 국 > 과 > 팀, each
unit headed, with a drafter in the team, the head of a sibling division to consult,
and a 사무관 of the division who deputises for its head. `walk(org, shape, kind)`
drafts a document of `kind` (keyword fields go to its factory), sets the delegation
rules (전결 규정) the shape needs, submits it on the shape's line with
`document_submit` and acts on every step as whoever owns it would: approve, agree or
disagree, return to the drafter and resubmit, edit before approving, approve as the
deputy of an absent approver (대결, after a real `absence_create`), post-approve
(후결). No step, version or rendition row is written here.

It returns a `Walked`: the approved document, the people, and the columns the
approval box must print for the round that was approved (`signers`), as the story
of the shape says they are, so a test compares what the product shows with it.

Delegation rules are organisation-wide and read only when a line is submitted, so
each walk sets its own before submitting: shapes can be walked one after another
in the same organisation. A walk that sends someone away brings them back at the
end (a proxy shape leaves no absence running behind it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import itertools
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from approvals.line import LineSpec, StageSpec
from approvals.models import ApprovalStep, DelegationRule, StageKind, StepStatus
from approvals.services import (
    consult_respond,
    document_resubmit,
    document_submit,
    post_approve,
    step_approve,
    step_edit_content,
    step_return,
)
from directory.models import Absence, Person, Rank, Unit, UnitKind
from directory.services.absences import (
    absence_create,
    absence_update,
    acting_official_designate,
)
from documents.models import Document, DocumentKind, DocumentStatus
from tests.factories.directory import (
    OrgChain,
    PersonFactory,
    UnitFactory,
    UserFactory,
    head_position,
    staff_position,
)
from tests.factories.documents import (
    BudgetDocumentFactory,
    DocumentFactory,
    PersonnelDocumentFactory,
)

KINDS: tuple[str, ...] = tuple(DocumentKind.values)


class Shape(enum.StrEnum):
    """How a document travels its line to "approved"."""

    # 팀장 and 과장, 국장, 부시장 review; the mayor approves (no delegation: no 전결).
    REVIEW_ONLY = "review_only"
    # 팀장 reviews, a sibling division's head agrees (동의), 과장 approves (전결).
    REVIEW_CONSULT_AGREE = "review_consult_agree"
    # As above, but the consultee disagrees (부동의) and the 과장 approves anyway.
    CONSULT_DISAGREE = "consult_disagree"
    # 팀장 reviews; 과장 takes the final approval under a division-head rule (전결).
    DELEGATED_DIVISION = "delegated_division"
    # 팀장, 과장 review; 국장 approves under a rule requiring a bureau director (전결).
    DELEGATED_BUREAU = "delegated_bureau"
    # The 전결 approver (과장) is away: their deputy approves in their column (전결 대결).
    PROXY_ON_DELEGATED = "proxy_on_delegated"
    # The mayor is away: the deputy mayor approves in the mayor's column (대결).
    PROXY_ON_MAYOR = "proxy_on_mayor"
    # 과장 returns it to the drafter with a reason; resubmitted, then approved (round 2).
    RETURN_RESUBMIT = "return_resubmit"
    # 과장 edits the content (a new version), then approves it.
    EDIT_BEFORE_APPROVING = "edit_before_approving"
    # As PROXY_ON_DELEGATED, then the 과장 is back and post-approves (후결).
    POST_APPROVAL_AFTER_PROXY = "post_approval_after_proxy"


SHAPES: tuple[Shape, ...] = tuple(Shape)
RETURN_REASON = "관련 근거를 본문에 보완하세요"
DISAGREEMENT = "사업 범위가 우리 과 소관과 겹칩니다"
EDIT_NOTE = "<p>붙임 서식은 과장 검토 의견에 따라 보완함.</p>"
RESUBMIT_NOTE = "<p>근거: 도장시 행정업무 운영 규칙 제12조.</p>"

_SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
_GIVEN = (
    "민준", "서연", "도윤", "하은", "시우", "지아", "주원", "하린", "지호", "수아",
    "예준", "채원", "건우", "다은", "현우", "소율", "선우", "윤서", "유준", "가은",
)  # fmt: skip
_people = itertools.count()
_units = itertools.count(1)


def person_name() -> str:
    """A Korean name no other person of the session has (a digit once they run out)."""
    n = next(_people)
    surname, given = _SURNAMES[n % len(_SURNAMES)], _GIVEN[n // len(_SURNAMES) % len(_GIVEN)]
    lap = n // (len(_SURNAMES) * len(_GIVEN))
    return f"{surname}{given}{lap if lap else ''}"


@dataclass(frozen=True)
class Organisation:
    """A branch of the city hall, every unit headed (see the module)."""

    chain: OrgChain
    consultee: Person  # head of a sibling division of the same bureau
    division_deputy: Person  # 사무관 of the division, deputy of its head

    @property
    def drafter(self) -> Person:
        return self.chain.drafter

    @property
    def team(self) -> Unit:
        return self.chain.team


@dataclass(frozen=True)
class Signer:
    """A column the approval box must print for the approved round."""

    role: str  # review, consult, approve
    position: str  # the column's title: the absent approver's for 대결
    name: str  # who signed: the deputy for 대결
    marks: tuple[str, ...] = ()
    proxy_for: str | None = None
    post_approved: bool = False


@dataclass(frozen=True)
class Walked:
    """An approved document and who did what on its way."""

    shape: Shape
    kind: str
    document: Document
    org: Organisation
    final_approver: Person  # whose column the final approval is
    final_actor: Person  # who signed it (the deputy, for 대결)
    signers: tuple[Signer, ...]

    @property
    def drafter(self) -> Person:
        return self.org.drafter


# Organisations built in this session by (team id, team name): `organisation_of`.
_built: dict[tuple[int, str], Organisation] = {}


def _head(kind: str, unit: Unit) -> Person:
    return PersonFactory.create(unit=unit, position=head_position(kind), name=person_name())


def _unit(kind: str, name: str, parent: Unit | None, **fields: Any) -> Unit:
    return UnitFactory.create(
        kind=kind, name=name, parent=parent, head_position=head_position(kind), **fields
    )


def _as_team(team: Unit, division: Unit) -> Unit:
    """Hang an existing unit (a test's own) under `division` as a headed team."""
    team.parent, team.kind, team.depth = division, UnitKind.TEAM, division.depth + 1
    team.head_position = head_position(UnitKind.TEAM)
    team.save(update_fields=["parent", "kind", "depth", "head_position"])
    return team


def organisation(team: Unit | None = None, **team_fields: Any) -> Organisation:
    """A headed branch (see the module); `team` hangs a test's own unit in it as the team.

    Unit names are unique in the session, so document numbers ("<team>-<n>") are too.
    """
    n = next(_units)
    mayor_office = _unit(UnitKind.MAYOR_OFFICE, "시장실", None)
    deputy_office = _unit(UnitKind.DEPUTY_MAYOR_OFFICE, f"행정부시장실{n}", mayor_office)
    bureau = _unit(UnitKind.BUREAU, f"자치행정{n}국", deputy_office)
    division = _unit(UnitKind.DIVISION, f"총무{n}과", bureau)
    sibling = _unit(UnitKind.DIVISION, f"기획예산{n}과", bureau)
    team_fields = {"address": "도장시 중구 세종대로 110", "phone": "02-120-1234", **team_fields}
    if team is None:
        team = _unit(UnitKind.TEAM, f"민원{n}팀", division, **team_fields)
    else:
        team = _as_team(team, division)
    chain = OrgChain(
        mayor_office=mayor_office,
        deputy_office=deputy_office,
        bureau=bureau,
        division=division,
        team=team,
        mayor=_head(UnitKind.MAYOR_OFFICE, mayor_office),
        deputy_mayor=_head(UnitKind.DEPUTY_MAYOR_OFFICE, deputy_office),
        bureau_director=_head(UnitKind.BUREAU, bureau),
        division_head=_head(UnitKind.DIVISION, division),
        team_leader=_head(UnitKind.TEAM, team),
        drafter=PersonFactory.create(unit=team, position=staff_position(), name=person_name()),
    )
    deputy = PersonFactory.create(
        unit=division, position=staff_position(Rank.GRADE_5), name=person_name()
    )
    # The posts' acting officials (직무대리), who may deputise below the head's rank.
    admin = UserFactory.create(is_superuser=True)
    acting_official_designate(actor=admin, unit=division, person=deputy)
    acting_official_designate(actor=admin, unit=mayor_office, person=chain.deputy_mayor)
    org = Organisation(
        chain=chain, consultee=_head(UnitKind.DIVISION, sibling), division_deputy=deputy
    )
    _built[(team.pk, team.name)] = org
    return org


def organisation_of(unit: Unit) -> Organisation | None:
    """The organisation `organisation()` built with `unit` as its team, if it did."""
    org = _built.get((unit.pk, unit.name))
    if org is None or not Person.objects.filter(pk=org.drafter.pk, unit_id=unit.pk).exists():
        return None  # built in a test whose rows are gone
    return org


# --- the shapes' lines --------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """The line of a shape, the rank its rule requires, and who is away (with deputy)."""

    reviewers: tuple[Person, ...]
    approver: Person
    consultees: tuple[Person, ...] = ()
    final_rank: Rank | None = None  # None: no delegation rule applies, the mayor approves
    away: tuple[Person, Person] | None = None  # (absent approver, deputy)

    def line(self) -> LineSpec:
        stages = [StageSpec(StageKind.REVIEW, (p.pk,)) for p in self.reviewers]
        if self.consultees:
            stages.append(StageSpec(StageKind.CONSULT, tuple(p.pk for p in self.consultees)))
        stages.append(StageSpec(StageKind.APPROVE, (self.approver.pk,)))
        return LineSpec(stages=tuple(stages))


def plan_for(org: Organisation, shape: Shape) -> Plan:
    chain = org.chain
    to_mayor = (chain.team_leader, chain.division_head, chain.bureau_director, chain.deputy_mayor)
    by_division = Plan((chain.team_leader,), chain.division_head, final_rank=Rank.DIVISION_HEAD)
    plans: dict[Shape, Plan] = {
        Shape.REVIEW_ONLY: Plan(to_mayor, chain.mayor),
        Shape.REVIEW_CONSULT_AGREE: _consulted(by_division, org),
        Shape.CONSULT_DISAGREE: _consulted(by_division, org),
        Shape.DELEGATED_DIVISION: by_division,
        Shape.DELEGATED_BUREAU: Plan(
            (chain.team_leader, chain.division_head),
            chain.bureau_director,
            final_rank=Rank.BUREAU_DIRECTOR,
        ),
        Shape.PROXY_ON_DELEGATED: _away(by_division, org.division_deputy),
        Shape.PROXY_ON_MAYOR: Plan(to_mayor, chain.mayor, away=(chain.mayor, chain.deputy_mayor)),
        Shape.RETURN_RESUBMIT: by_division,
        Shape.EDIT_BEFORE_APPROVING: by_division,
        Shape.POST_APPROVAL_AFTER_PROXY: _away(by_division, org.division_deputy),
    }
    return plans[shape]


def _consulted(plan: Plan, org: Organisation) -> Plan:
    return Plan(plan.reviewers, plan.approver, (org.consultee,), plan.final_rank)


def _away(plan: Plan, deputy: Person) -> Plan:
    return Plan(plan.reviewers, plan.approver, (), plan.final_rank, (plan.approver, deputy))


def delegation_rules_set(final_rank: Rank | None) -> None:
    """Replace the rules (the shipped defaults too) by one per kind requiring `final_rank`.

    None: no rule applies, so the mayor takes the final approval.
    """
    DelegationRule.objects.update(active=False)
    if final_rank is None:
        return
    for kind in DocumentKind.values:
        DelegationRule.objects.update_or_create(
            kind=kind,
            required_rank=final_rank,
            amount_below=None,
            subject_rank_at_most=None,
            defaults={"active": True, "description": f"{kind}: {Rank(final_rank).label} 전결"},
        )


# --- walking ---------------------------------------------------------------------------

FACTORIES: dict[str, type[DocumentFactory]] = {
    DocumentKind.MEMO: DocumentFactory,
    DocumentKind.BUDGET: BudgetDocumentFactory,
    DocumentKind.PERSONNEL: PersonnelDocumentFactory,
}


@dataclass
class _Walker:
    """Acts on the document's open steps as their owners, noting the box's columns."""

    document: Document
    plan: Plan
    signers: list[Signer] = field(default_factory=list)

    def owner(self, person: Person) -> Person:
        """Who acts for `person` now: their deputy while they are away."""
        away = self.plan.away
        return away[1] if away is not None and away[0].pk == person.pk else person

    def step(self, person: Person) -> ApprovalStep:
        actor = self.owner(person)
        step = ApprovalStep.objects.get(
            stage__document=self.document,
            assignee=person,
            status__in=(StepStatus.PENDING, StepStatus.ON_HOLD),
            task__owner=actor.user,
        )
        assert step.is_proxy == (actor.pk != person.pk), f"{person.name}'s step: proxy?"
        return step

    def review(self) -> None:
        for person in self.plan.reviewers:
            step_approve(step_id=self.step(person).pk, actor=self.owner(person), comment="검토함")
            self.signers.append(self._column("review", person))

    def consult(self, *, agree: bool) -> None:
        for person in self.plan.consultees:
            comment = "" if agree else DISAGREEMENT
            consult_respond(
                step_id=self.step(person).pk, actor=person, agree=agree, comment=comment
            )
            self.signers.append(self._column("consult", person, ("동의" if agree else "부동의",)))

    def edit(self, person: Person) -> None:
        body = self.document.body + EDIT_NOTE
        step_edit_content(
            step_id=self.step(person).pk, actor=self.owner(person), data={"body": body}
        )

    def return_to_drafter(self, person: Person) -> None:
        step_return(step_id=self.step(person).pk, actor=self.owner(person), reason=RETURN_REASON)

    def approve(self, person: Person) -> Signer:
        actor = self.owner(person)
        step_approve(step_id=self.step(person).pk, actor=actor, comment="결재함")
        # 전결: a delegation rule put the final approval below the mayor; 대결: a deputy took it.
        marks = ("전결",) if self.plan.final_rank is not None else ()
        if actor.pk != person.pk:
            marks = (*marks, "대결")
        signer = self._column("approve", person, marks)
        self.signers.append(signer)
        return signer

    def _column(self, role: str, person: Person, marks: tuple[str, ...] = ()) -> Signer:
        actor = self.owner(person)
        return Signer(
            role=role,
            position=person.position.title if person.position else "",
            name=actor.name,
            marks=marks,
            proxy_for=person.name if actor.pk != person.pk else None,
        )


def draft(org: Organisation, kind: str = DocumentKind.MEMO, **fields: Any) -> Document:
    """A draft of `kind` by the organisation's drafter; `fields` go to the factory."""
    return FACTORIES[kind].create(drafter=org.drafter, unit=org.team, **fields)


def walk(
    org: Organisation,
    shape: Shape,
    kind: str = DocumentKind.MEMO,
    *,
    around_final: Callable[[], AbstractContextManager[object]] = nullcontext,
    document: Document | None = None,
    **fields: Any,
) -> Walked:
    """Draft (or take `document`, a draft of the org's drafter) and walk it to "approved".

    `around_final` wraps the final approval, e.g. to run what its commit sends:
    ``around_final=lambda: django_capture_on_commit_callbacks(execute=True)``.
    """
    plan = plan_for(org, shape)
    delegation_rules_set(plan.final_rank)
    absence = _send_away(plan)
    document = document or draft(org, kind, **fields)
    document_submit(document=document, actor=org.drafter, spec=plan.line())
    walker = _Walker(document, plan)
    if shape == Shape.RETURN_RESUBMIT:
        _return_and_resubmit(walker)
    walker.review()
    walker.consult(agree=shape != Shape.CONSULT_DISAGREE)
    if shape == Shape.EDIT_BEFORE_APPROVING:
        walker.edit(plan.approver)
    with around_final():
        final = walker.approve(plan.approver)
    if absence is not None:
        _come_back(absence)
    if shape == Shape.POST_APPROVAL_AFTER_PROXY:
        taken = ApprovalStep.objects.get(
            stage__document=document, assignee=plan.approver, status=StepStatus.APPROVED
        )
        post_approve(step_id=taken.pk, actor=plan.approver)
        walker.signers[-1] = dataclasses.replace(final, post_approved=True)
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED, document.status
    return Walked(
        shape=shape,
        kind=document.kind,
        document=document,
        org=org,
        final_approver=plan.approver,
        final_actor=walker.owner(plan.approver),
        signers=tuple(walker.signers),
    )


def _return_and_resubmit(walker: _Walker) -> None:
    """Round 1: the reviewers approve, the final approver returns it; the drafter
    revises the body and resubmits on the same line. The box shows round 2 only."""
    walker.review()
    walker.return_to_drafter(walker.plan.approver)
    document = walker.document
    document.refresh_from_db()
    assert document.status == DocumentStatus.RETURNED, document.status
    data = {"lock_version": document.lock_version, "body": document.body + RESUBMIT_NOTE}
    document_resubmit(document=document, actor=document.drafter, data=data)
    document.refresh_from_db()
    walker.signers.clear()


def _send_away(plan: Plan) -> Absence | None:
    """Record the absence of the plan's absent approver, as they would themselves."""
    if plan.away is None:
        return None
    person, deputy = plan.away
    now = timezone.now()
    return absence_create(
        actor=person.user,
        person=person,
        deputy=deputy,
        starts_at=now,
        ends_at=now + dt.timedelta(days=1),
        reason="연가",
    )


def _come_back(absence: Absence) -> None:
    """End the absence now: the approver is back (and may post-approve)."""
    absence_update(actor=absence.person.user, absence=absence, ends_at=timezone.now())
