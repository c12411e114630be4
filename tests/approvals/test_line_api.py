"""Line endpoints: suggestion, validation, saved lines, delegation rules."""

from typing import Any

import pytest

from approvals.models import SavedLine
from tests.factories.directory import PersonFactory, org_chain
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


def _line(chain, approver) -> dict[str, Any]:
    return {
        "stages": [
            {"kind": "review", "assignee_ids": [chain.team_leader.pk]},
            {"kind": "approve", "assignee_ids": [approver.pk]},
        ],
        "reference_ids": [],
    }


def test_the_suggestion_names_people_and_the_rule(client, chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    body = client.get(f"/api/documents/{document.pk}/line/suggestion/").json()

    assert [s["assignees"][0]["id"] for s in body["stages"]] == [
        chain.team_leader.pk,
        chain.division_head.pk,
    ]
    assert body["delegated"] is True
    assert "과장 전결" in body["delegation_rule"]


def test_a_line_below_the_rule_is_refused_naming_the_approvers_entry(client, chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)
    line = {"stages": [{"kind": "approve", "assignee_ids": [chain.team_leader.pk]}]}

    response = client.post(f"/api/documents/{document.pk}/line/validate/", line, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "line.stages.0.assignee_ids.0"


def test_saved_lines_are_private_and_revalidated_when_applied(client, api_client, chain) -> None:
    # GIVEN the drafter saves a line that ends at the team leader's level
    created = client.post(
        "/api/saved-lines/",
        {"name": "우리 팀", "line": _line(chain, chain.division_head)},
        format="json",
    )
    assert created.status_code == 201
    saved_id = created.json()["id"]
    document = DocumentFactory.create(drafter=chain.drafter)

    # WHEN it is applied to a memo THEN it passes the rules
    applied = client.post(
        f"/api/saved-lines/{saved_id}/apply/", {"document": document.pk}, format="json"
    )
    assert applied.status_code == 200
    assert applied.json()["stages"][1]["assignee_ids"] == [chain.division_head.pk]

    # AND someone else neither sees nor deletes it
    api_client.force_authenticate(PersonFactory.create().user)
    assert api_client.get(f"/api/saved-lines/{saved_id}/").status_code == 404
    assert api_client.delete(f"/api/saved-lines/{saved_id}/").status_code == 404
    assert api_client.get("/api/saved-lines/").json()["results"] == []


def test_a_saved_line_naming_unknown_people_is_refused(client, chain) -> None:
    line = {"stages": [{"kind": "approve", "assignee_ids": [999_999]}]}

    response = client.post("/api/saved-lines/", {"name": "x", "line": line}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "line.stages.0.assignee_ids.0",
            "code": "invalid",
            "message": "ID가 999999인 직원이 없습니다.",
        }
    ]
    assert not SavedLine.objects.exists()


def test_the_owner_deletes_a_saved_line(client, chain) -> None:
    created = client.post(
        "/api/saved-lines/", {"name": "x", "line": _line(chain, chain.division_head)}, format="json"
    ).json()

    assert client.delete(f"/api/saved-lines/{created['id']}/").status_code == 204
    assert not SavedLine.objects.exists()


def test_delegation_rules_are_readable_by_staff_not_anonymous(client, api_client) -> None:
    rules = client.get("/api/delegation-rules/").json()
    assert {rule["kind"] for rule in rules} == {"memo", "budget", "personnel"}

    api_client.force_authenticate(None)
    assert api_client.get("/api/delegation-rules/").status_code in (401, 403)
    assert api_client.get("/api/saved-lines/").status_code in (401, 403)


def test_saved_lines_list_within_a_query_budget(
    client, chain, django_assert_max_num_queries
) -> None:
    for index in range(10):
        client.post(
            "/api/saved-lines/",
            {"name": f"line {index}", "line": _line(chain, chain.division_head)},
            format="json",
        )

    with django_assert_max_num_queries(5):  # the fifth reads everyone on them, for warnings
        response = client.get("/api/saved-lines/")

    assert response.json()["count"] == 10
