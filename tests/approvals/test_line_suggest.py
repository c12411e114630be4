"""Suggesting an approval line from the organisation and the delegation rules."""

import pytest

from approvals.line import LineSpec, line_suggest
from approvals.models import StageKind
from directory.models import Rank, UnitKind
from tests.factories.directory import PersonFactory, org_chain, unit_head, unit_with_head
from tests.factories.documents import default_delegation_rules

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rules(db) -> None:
    default_delegation_rules()


def _ids(spec: LineSpec) -> list[tuple[str, tuple[int, ...]]]:
    return [(str(stage.kind), stage.assignee_ids) for stage in spec.stages]


def test_a_memo_climbs_to_the_division_head() -> None:
    # GIVEN a grade-7 drafter in a team
    chain = org_chain()

    # WHEN a memo line is suggested
    spec = line_suggest(drafter=chain.drafter, kind="memo", facts={})

    # THEN the team leader reviews and the division head approves
    assert _ids(spec) == [
        ("review", (chain.team_leader.pk,)),
        ("approve", (chain.division_head.pk,)),
    ]


def test_a_large_budget_climbs_to_the_deputy_mayor_with_the_budget_division(settings) -> None:
    # GIVEN the budget division elsewhere in the organisation
    chain = org_chain()
    budget_division = unit_with_head(UnitKind.DIVISION, chain.bureau, code="BUDGET")
    settings.APPROVALS_BUDGET_UNIT_CODE = "BUDGET"

    # WHEN a 500,000,000 KRW budget line is suggested
    spec = line_suggest(drafter=chain.drafter, kind="budget", facts={"amount": 500_000_000})

    # THEN heads review up to the bureau, the budget head consults, the deputy mayor approves
    assert _ids(spec) == [
        ("review", (chain.team_leader.pk,)),
        ("review", (chain.division_head.pk,)),
        ("review", (chain.bureau_director.pk,)),
        ("consult", (unit_head(budget_division).pk,)),
        ("approve", (chain.deputy_mayor.pk,)),
    ]


def test_vacant_levels_are_skipped() -> None:
    # GIVEN a division without its head
    chain = org_chain()
    chain.division_head.active = False
    chain.division_head.save()

    # WHEN a memo line is suggested
    spec = line_suggest(drafter=chain.drafter, kind="memo", facts={})

    # THEN the next head up who meets the rule approves
    assert _ids(spec)[-1] == ("approve", (chain.bureau_director.pk,))
    assert chain.division_head.pk not in spec.person_ids()


def test_without_a_head_position_the_highest_ranked_head_member_leads() -> None:
    chain = org_chain()
    chain.division.head_position = None
    chain.division.save()

    spec = line_suggest(drafter=chain.drafter, kind="memo", facts={})

    assert _ids(spec)[-1] == ("approve", (chain.division_head.pk,))


def test_the_drafter_is_never_on_their_own_line() -> None:
    # GIVEN the team leader drafts
    chain = org_chain()

    spec = line_suggest(drafter=chain.team_leader, kind="memo", facts={})

    assert _ids(spec) == [("approve", (chain.division_head.pk,))]


def test_people_without_a_rank_are_never_suggested() -> None:
    # GIVEN the division's only head-titled member has an unmapped title
    chain = org_chain()
    position = chain.division_head.position
    assert position is not None
    position.rank = None
    position.save()
    PersonFactory.create(unit=chain.division)

    spec = line_suggest(drafter=chain.drafter, kind="memo", facts={})

    assert chain.division_head.pk not in spec.person_ids()
    assert spec.stages[-1].kind == StageKind.APPROVE


def test_a_personnel_action_for_grade_5_goes_to_the_deputy_mayor() -> None:
    chain = org_chain()

    spec = line_suggest(
        drafter=chain.drafter, kind="personnel", facts={"subject_rank": Rank.GRADE_5}
    )

    assert _ids(spec)[-1] == ("approve", (chain.deputy_mayor.pk,))
