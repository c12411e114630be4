"""Validating a proposed line: shape, people, delegation rule, mandatory consultations."""

from typing import Any, cast

import pytest

from approvals.line import LineSpec, StageSpec, line_suggest, line_validate
from approvals.models import StageKind
from core.errors import InvalidInput
from directory.models import UnitKind
from tests.factories.directory import PersonFactory, org_chain, unit_head, unit_with_head
from tests.factories.documents import (
    BudgetDocumentFactory,
    DocumentFactory,
    default_delegation_rules,
)

pytestmark = pytest.mark.django_db

REVIEW, CONSULT, APPROVE = StageKind.REVIEW, StageKind.CONSULT, StageKind.APPROVE


@pytest.fixture(autouse=True)
def _rules(db) -> None:
    default_delegation_rules()


@pytest.fixture
def chain():
    return org_chain()


def _messages(spec: LineSpec, document) -> dict[str, list[str]]:
    with pytest.raises(InvalidInput) as exc:
        line_validate(document=document, spec=spec)
    detail = cast(dict[str, Any], exc.value.detail)["line"]
    return {key: [str(m) for m in value] for key, value in detail.items()}


def line(*stages: tuple[StageKind, tuple[int, ...]], refs: tuple[int, ...] = ()) -> LineSpec:
    return LineSpec(stages=tuple(StageSpec(k, ids) for k, ids in stages), reference_ids=refs)


def test_the_suggested_line_is_valid(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    line_validate(
        document=document, spec=line_suggest(drafter=chain.drafter, kind="memo", facts={})
    )


def test_the_drafter_may_add_reviewers_consultations_and_references(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)
    colleague = PersonFactory.create(unit=chain.team)
    other_head = unit_head(unit_with_head(UnitKind.DIVISION, chain.bureau))

    line_validate(
        document=document,
        spec=line(
            (REVIEW, (chain.team_leader.pk,)),
            (CONSULT, (other_head.pk,)),
            (APPROVE, (chain.bureau_director.pk,)),
            refs=(colleague.pk,),
        ),
    )


def test_a_final_approver_below_the_rule_is_refused_naming_the_rule(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    messages = _messages(line((APPROVE, (chain.team_leader.pk,))), document)

    # on the approver's own entry, naming the rule, the rank it asks and the person
    [message] = messages["stages.0.assignee_ids.0"]
    assert "과장 전결" in message
    assert "과장보다 직급이 낮아" in message
    assert chain.team_leader.name in message


@pytest.mark.parametrize(
    ("stages", "field"),
    [
        ([], "stages"),
        ([("approve", "tl"), ("review", "dh")], "stages.0.kind"),
        ([("approve", "tl"), ("approve", "dh")], "stages.0.kind"),
        ([("review", "tl")], "stages.0.kind"),
    ],
)
def test_exactly_one_final_approval_and_last(chain, stages, field) -> None:
    who = {"tl": chain.team_leader.pk, "dh": chain.division_head.pk}
    document = DocumentFactory.create(drafter=chain.drafter)
    spec = line(*[(StageKind(kind), (who[p],)) for kind, p in stages])

    assert _messages(spec, document)[field] == [
        "결재선에는 최종 결재가 하나만 있어야 하며, 마지막 단계여야 합니다."
    ]


def test_review_and_approval_stages_hold_exactly_one_person(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)
    spec = line(
        (REVIEW, (chain.team_leader.pk, PersonFactory.create().pk)),
        (APPROVE, (chain.division_head.pk,)),
    )

    assert "stages.0.assignee_ids" in _messages(spec, document)


def test_duplicates_the_drafter_inactive_and_unknown_people_are_refused(chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)
    gone = PersonFactory.create(active=False)
    spec = line(
        (REVIEW, (chain.team_leader.pk,)),
        (CONSULT, (chain.drafter.pk, gone.pk)),
        (APPROVE, (chain.division_head.pk,)),
        refs=(chain.team_leader.pk, 999_999),
    )

    messages = _messages(spec, document)

    # each on its own entry, people by unit, title and name
    leader = chain.team_leader
    assert gone.position is not None
    assert leader.position is not None
    assert messages == {
        "stages.1.assignee_ids.0": ["기안자는 자신이 기안한 문서의 결재선에 들어갈 수 없습니다."],
        "stages.1.assignee_ids.1": [
            f"{gone.unit.name} {gone.position.title} {gone.name} 님은 현재 재직 중이 아닙니다."
        ],
        "reference_ids.0": [
            f"{leader.unit.name} {leader.position.title} {leader.name} 님이 "
            "결재선에 이미 들어 있습니다."
        ],
        "reference_ids.1": ["ID가 999999인 직원이 없습니다."],
    }


def test_a_mandatory_consultation_cannot_be_dropped(chain, settings) -> None:
    # GIVEN a budget, and the budget division elsewhere
    settings.APPROVALS_BUDGET_UNIT_CODE = "BUDGET"
    budget_division = unit_with_head(UnitKind.DIVISION, chain.bureau, code="BUDGET")
    document = BudgetDocumentFactory.create(drafter=chain.drafter, budget__amount=1_000_000)
    suggested = line_suggest(drafter=chain.drafter, kind="budget", facts={"amount": 1_000_000})
    assert unit_head(budget_division).pk in suggested.person_ids()

    # WHEN the drafter removes the consult stage THEN it is refused
    without = LineSpec(stages=tuple(s for s in suggested.stages if s.kind != CONSULT))
    messages = _messages(without, document)
    assert messages["stages"] == [f"{budget_division.name} 협조는 필수이므로 뺄 수 없습니다."]

    # AND the suggestion itself passes
    line_validate(document=document, spec=suggested)
