"""Delegation rules: the defaults shipped, and which one applies."""

import pytest

from approvals.models import DelegationRule
from approvals.rules import delegation_rule_for, mandatory_consultations, required_rank_for
from directory.models import Rank, UnitKind
from tests.factories.directory import UnitFactory, org_chain, staff_position
from tests.factories.documents import (
    BudgetDocumentFactory,
    PersonnelDocumentFactory,
    default_delegation_rules,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rules(db) -> None:
    default_delegation_rules()


@pytest.mark.parametrize(
    ("amount", "rank"),
    [
        (9_999_999, Rank.DIVISION_HEAD),
        (10_000_000, Rank.BUREAU_DIRECTOR),
        (99_999_999, Rank.BUREAU_DIRECTOR),
        (100_000_000, Rank.DEPUTY_MAYOR),
        (999_999_999, Rank.DEPUTY_MAYOR),
        (1_000_000_000, Rank.MAYOR),
    ],
)
def test_budget_bands_pick_the_most_specific_rule(amount: int, rank: Rank) -> None:
    assert delegation_rule_for(kind="budget", facts={"amount": amount}).rank == rank


@pytest.mark.parametrize(
    ("subject", "rank"),
    [
        (Rank.GRADE_9, Rank.BUREAU_DIRECTOR),
        (Rank.GRADE_6, Rank.BUREAU_DIRECTOR),
        (Rank.GRADE_5, Rank.DEPUTY_MAYOR),
        (Rank.GRADE_4, Rank.MAYOR),
        (Rank.TEAM_LEADER, Rank.MAYOR),
        (None, Rank.MAYOR),
    ],
)
def test_personnel_actions_go_by_the_rank_of_the_person_concerned(subject, rank) -> None:
    assert delegation_rule_for(kind="personnel", facts={"subject_rank": subject}).rank == rank


def test_memos_are_approved_by_the_division_head() -> None:
    assert delegation_rule_for(kind="memo", facts={}).rank == Rank.DIVISION_HEAD


def test_without_any_rule_the_mayor_approves() -> None:
    DelegationRule.objects.filter(kind="memo").update(active=False)

    assert delegation_rule_for(kind="memo", facts={}).rank == Rank.MAYOR


def test_required_rank_for_reads_the_document() -> None:
    chain = org_chain()
    budget = BudgetDocumentFactory.create(drafter=chain.drafter, budget__amount=50_000_000)
    personnel = PersonnelDocumentFactory.create(
        drafter=chain.drafter, personnel__person__position=staff_position(Rank.GRADE_5)
    )

    assert required_rank_for(document=budget) == Rank.BUREAU_DIRECTOR
    assert required_rank_for(document=personnel) == Rank.DEPUTY_MAYOR


def test_the_budget_division_is_found_by_its_code(settings) -> None:
    settings.APPROVALS_BUDGET_UNIT_CODE = "BUDGET"
    unit = UnitFactory.create(code="BUDGET", kind=UnitKind.DIVISION)

    assert [c.unit for c in mandatory_consultations(kind="budget")] == [unit]
    assert mandatory_consultations(kind="memo") == []
