"""Saved lines warn about people who have left or moved since the line was saved."""

from typing import Any

import pytest

from directory.models import Person, Position, Rank
from tests.factories.directory import PersonFactory, PositionFactory, org_chain, unit_with_head
from tests.factories.documents import DocumentFactory, default_delegation_rules

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    default_delegation_rules()
    return org_chain()


@pytest.fixture
def client(api_client, chain):
    api_client.force_authenticate(chain.drafter.user)
    return api_client


@pytest.fixture
def colleague(chain):
    return PersonFactory.create(unit=chain.team, name="이지영")


def _save(client, chain, colleague) -> dict[str, Any]:
    line = {
        "stages": [
            {"kind": "review", "assignee_ids": [chain.team_leader.pk]},
            {"kind": "approve", "assignee_ids": [chain.division_head.pk]},
        ],
        "reference_ids": [colleague.pk],
    }
    response = client.post(
        "/api/saved-lines/", {"name": "늘 쓰는 결재선", "line": line}, format="json"
    )
    assert response.status_code == 201, response.json()
    saved: dict[str, Any] = response.json()
    return saved


def test_a_fresh_saved_line_has_no_warnings(client, chain, colleague) -> None:
    saved = _save(client, chain, colleague)

    assert saved["warnings"] == []
    assert client.get(f"/api/saved-lines/{saved['id']}/").json()["warnings"] == []


def test_who_left_and_who_moved_are_named(client, chain, colleague) -> None:
    saved = _save(client, chain, colleague)
    # WHEN the reference leaves and the team leader moves to another division's team
    Person.objects.filter(pk=colleague.pk).update(active=False)
    elsewhere = unit_with_head(chain.team.kind, unit_with_head(chain.division.kind, chain.bureau))
    Person.objects.filter(pk=chain.team_leader.pk).update(unit=elsewhere)

    [listed] = client.get("/api/saved-lines/", HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    korean = client.get(f"/api/saved-lines/{saved['id']}/", HTTP_ACCEPT_LANGUAGE="ko").json()

    assert [(w["person"], w["code"]) for w in listed["warnings"]] == [
        (chain.team_leader.pk, "moved"),
        (colleague.pk, "left"),
    ]
    moved, left = listed["warnings"]
    assert moved["name"] == chain.team_leader.name
    assert elsewhere.name in moved["message"]
    assert left["message"] == "이지영 has left the organisation since the line was saved."
    assert korean["warnings"][1]["message"] != left["message"]
    assert "이지영" in korean["warnings"][1]["message"]


def test_a_title_that_lost_its_rank_is_a_move(client, chain, colleague) -> None:
    saved = _save(client, chain, colleague)
    Position.objects.filter(pk=chain.team_leader.position_id).update(rank=None)
    position = Person.objects.get(pk=chain.team_leader.pk).position
    assert position is not None
    assert position.rank is None

    warnings = client.get(f"/api/saved-lines/{saved['id']}/").json()["warnings"]

    assert [(w["person"], w["code"]) for w in warnings] == [(chain.team_leader.pk, "moved")]


def test_applying_says_who_moved_and_refuses_who_left(client, chain, colleague) -> None:
    saved = _save(client, chain, colleague)
    document = DocumentFactory.create(drafter=chain.drafter)
    new_position = PositionFactory.create(title="주무관(6급)", rank=Rank.GRADE_6)
    Person.objects.filter(pk=colleague.pk).update(position=new_position)

    applied = client.post(
        f"/api/saved-lines/{saved['id']}/apply/", {"document": document.pk}, format="json"
    )

    assert applied.status_code == 200, applied.json()
    assert [(w["person"], w["code"]) for w in applied.json()["warnings"]] == [
        (colleague.pk, "moved")
    ]

    Person.objects.filter(pk=chain.team_leader.pk).update(active=False)
    refused = client.post(
        f"/api/saved-lines/{saved['id']}/apply/", {"document": document.pk}, format="json"
    )

    assert refused.status_code == 400
    assert [e["field"] for e in refused.json()["errors"]] == ["line.stages.0.assignee_ids.0"]
