"""The line preview says who is away now and who acts instead, as the engine routes it."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from directory.models import Person, Rank
from directory.services.absences import acting_official_designate
from tests.factories.directory import PersonFactory, PositionFactory, UserFactory, org_chain
from tests.factories.documents import DocumentFactory, default_delegation_rules

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    default_delegation_rules()
    return org_chain()


def _record_absence(api_client, person: Person, deputy: Person) -> None:
    api_client.force_authenticate(person.user)
    now = timezone.now()
    response = api_client.post(
        "/api/absences/",
        {
            "deputy": deputy.pk,
            "starts_at": (now - timedelta(hours=1)).isoformat(),
            "ends_at": (now + timedelta(days=2)).isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201, response.content


def _steps(api_client, chain, document) -> list[dict[str, Any]]:
    api_client.force_authenticate(chain.drafter.user)
    body = api_client.get(f"/api/documents/{document.pk}/line/suggestion/").json()
    return [step for stage in body["stages"] for step in stage["steps"]]


def test_nobody_away_every_step_stays_with_its_assignee(api_client, chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    steps = _steps(api_client, chain, document)

    assert [s["assignee_id"] for s in steps] == [chain.team_leader.pk, chain.division_head.pk]
    assert all(not s["absent"] and s["acting"] is None for s in steps)


def test_an_absent_reviewer_shows_the_deputy_who_will_act(api_client, chain) -> None:
    # GIVEN the team leader is away, a fellow team leader deputising
    colleague = PersonFactory.create(
        position=PositionFactory.create(title="팀장", rank=Rank.TEAM_LEADER, is_head=True)
    )
    _record_absence(api_client, chain.team_leader, colleague)
    document = DocumentFactory.create(drafter=chain.drafter)

    review, approve = _steps(api_client, chain, document)

    assert review["absent"] is True
    assert review["acting"]["id"] == colleague.pk
    assert review["acting"]["name"] == colleague.name
    assert review["acting_official"] is False
    assert review["absent_until"] is not None
    assert approve["absent"] is False


def test_the_acting_official_takes_an_absent_approvers_final_approval(api_client, chain) -> None:
    # GIVEN a grade-5 officer designated acting official of the division, its head away
    officer = PersonFactory.create(
        unit=chain.division,
        position=PositionFactory.create(title="사무관(5급)", rank=Rank.GRADE_5),
    )
    admin = UserFactory.create(is_superuser=True)
    acting_official_designate(actor=admin, unit=chain.division, person=officer)
    _record_absence(api_client, chain.division_head, officer)
    document = DocumentFactory.create(drafter=chain.drafter)

    _review, approve = _steps(api_client, chain, document)

    assert approve["absent"] is True
    assert approve["acting"]["id"] == officer.pk
    assert approve["acting_official"] is True


def test_an_absent_assignee_whose_deputy_left_keeps_the_step(api_client, chain) -> None:
    colleague = PersonFactory.create(
        position=PositionFactory.create(title="팀장", rank=Rank.TEAM_LEADER, is_head=True)
    )
    _record_absence(api_client, chain.team_leader, colleague)
    Person.objects.filter(pk=colleague.pk).update(active=False)
    document = DocumentFactory.create(drafter=chain.drafter)

    review, _approve = _steps(api_client, chain, document)

    assert review["absent"] is True
    assert review["acting"] is None


def test_validate_shows_the_absences_of_the_proposed_line(api_client, chain) -> None:
    colleague = PersonFactory.create(
        position=PositionFactory.create(title="팀장", rank=Rank.TEAM_LEADER, is_head=True)
    )
    _record_absence(api_client, chain.team_leader, colleague)
    document = DocumentFactory.create(drafter=chain.drafter)
    api_client.force_authenticate(chain.drafter.user)
    line = {
        "stages": [
            {"kind": "review", "assignee_ids": [chain.team_leader.pk]},
            {"kind": "approve", "assignee_ids": [chain.division_head.pk]},
        ]
    }

    body = api_client.post(
        f"/api/documents/{document.pk}/line/validate/", line, format="json"
    ).json()

    assert body["stages"][0]["steps"][0]["acting"]["id"] == colleague.pk
