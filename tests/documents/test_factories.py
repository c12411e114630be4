"""The shared factories build what other suites rely on."""

import pytest

from directory.models import Rank
from tests.factories.directory import org_chain
from tests.factories.documents import BudgetDocumentFactory, PersonnelDocumentFactory


@pytest.mark.django_db
def test_org_chain_heads_rise_in_rank_up_to_the_mayor() -> None:
    # GIVEN / WHEN an org chain
    chain = org_chain()

    # THEN each head heads its own unit and outranks the one below
    ranks = [head.position.rank for head in chain.heads() if head.position]
    assert ranks == [
        Rank.TEAM_LEADER,
        Rank.DIVISION_HEAD,
        Rank.BUREAU_DIRECTOR,
        Rank.DEPUTY_MAYOR,
        Rank.MAYOR,
    ]
    assert chain.team.parent == chain.division
    assert chain.drafter.unit == chain.team
    assert chain.drafter not in chain.heads()


@pytest.mark.django_db
def test_kind_factories_add_the_kind_fields() -> None:
    # GIVEN a drafter
    chain = org_chain()

    # WHEN budget and personnel documents are made
    budget = BudgetDocumentFactory.create(drafter=chain.drafter, budget__amount=7_000)
    personnel = PersonnelDocumentFactory.create(drafter=chain.drafter)

    # THEN each carries its own row, in the drafter's unit
    assert budget.budget.amount == 7_000
    assert budget.unit == chain.team
    assert personnel.personnel.target_unit is not None
