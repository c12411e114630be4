"""The directory API, each endpoint as anonymous, as a user without the right, and with it."""

import pytest
from rest_framework.test import APIClient

from directory.models import Person, Position, Unit, UnitKind
from tests.directory.helpers import Org, build_org

pytestmark = pytest.mark.django_db

READ_ENDPOINTS = ["/api/units/", "/api/people/", "/api/positions/"]


@pytest.fixture
def org() -> Org:
    return build_org()


def client_for(person_or_user) -> APIClient:
    client = APIClient()
    client.force_authenticate(getattr(person_or_user, "user", person_or_user))
    return client


@pytest.mark.parametrize("path", [*READ_ENDPOINTS, "/api/me/", "/api/units/1/", "/api/people/1/"])
def test_anonymous_gets_nothing(api_client, path) -> None:
    response = api_client.get(path)

    assert response.status_code in (401, 403)
    assert response.json()["type"] == "not_authenticated"


@pytest.mark.parametrize("path", READ_ENDPOINTS)
def test_a_login_without_a_person_record_may_not_browse_the_organisation(org, path) -> None:
    assert client_for(org.outsider).get(path).status_code == 403
    assert client_for(org.outsider).get(f"/api/units/{org.team.pk}/").status_code == 403


def test_the_tree_is_loaded_one_level_at_a_time(org) -> None:
    client = client_for(org.drafter)

    roots = client.get("/api/units/").json()["results"]
    children = client.get(f"/api/units/?parent={org.bureau.pk}").json()["results"]

    assert [(unit["code"], unit["has_children"]) for unit in roots] == [("B01", True)]
    assert [unit["code"] for unit in children] == ["BUDGET"]
    leaves = client.get(f"/api/units/?parent={org.team.pk}").json()["results"]
    assert leaves == []


def test_a_unit_comes_with_its_active_members_most_senior_first(
    org, django_assert_max_num_queries
) -> None:
    Person.objects.filter(pk=org.colleague.pk).update(active=False)
    client = client_for(org.drafter)

    with django_assert_max_num_queries(8):
        body = client.get(f"/api/units/{org.team.pk}/").json()

    assert [member["name"] for member in body["members"]] == ["김상훈", "김민수"]
    assert body["members"][0]["position"]["title"] == "팀장"


def test_people_search_finds_korean_names_by_prefix_and_by_part(org) -> None:
    client = client_for(org.drafter)

    names = [p["name"] for p in client.get("/api/people/", {"q": "김"}).json()["results"]]
    exact = client.get("/api/people/", {"q": "김민수"}).json()["results"]

    assert names == ["김민수", "김상훈"]
    assert [p["employee_number"] for p in exact] == ["1000001"]
    later = client.get("/api/people/", {"q": "민수"}).json()["results"]
    assert [p["name"] for p in later] == ["김민수"]


def test_people_search_filters_by_unit_and_position(org) -> None:
    client = client_for(org.drafter)
    leader = Position.objects.get(title="팀장")

    in_division = client.get("/api/people/", {"unit": org.division.pk}).json()
    leaders = client.get("/api/people/", {"position": leader.pk}).json()

    assert [p["name"] for p in in_division["results"]] == ["최지호"]
    assert [p["name"] for p in leaders["results"]] == ["김상훈"]
    assert client.get("/api/people/", {"unit": "x"}).json()["errors"][0]["field"] == "unit"


def test_people_search_makes_a_constant_number_of_queries(
    org, django_assert_max_num_queries
) -> None:
    for index in range(40):
        unit = Unit.objects.create(code=f"T{index}", name=f"팀{index}", kind=UnitKind.TEAM)
        Person.objects.create(
            user=type(org.outsider).objects.create(username=f"u{index}"),
            unit=unit,
            name=f"김{index:02d}",
            employee_number=f"9{index:06d}",
            position=org.drafter.position,
        )
    client = client_for(org.drafter)

    with django_assert_max_num_queries(6):
        response = client.get("/api/people/", {"q": "김", "page_size": "50"})

    assert response.json()["count"] == 42


def test_me_names_the_unit_position_and_roles(org) -> None:
    me = client_for(org.admin).get("/api/me/").json()
    outsider = client_for(org.outsider).get("/api/me/").json()

    assert me["person"]["unit"]["code"] == "BUDGET"
    assert me["roles"] == ["administrator"]
    assert me["is_directory_admin"] is True
    assert (outsider["person"], outsider["roles"]) == (None, [])


def test_a_person_can_be_read_by_id(org) -> None:
    body = client_for(org.drafter).get(f"/api/people/{org.leader.pk}/").json()

    assert (body["name"], body["unit"]["code"]) == ("김상훈", "BUDGET-T1")


def test_a_level_of_the_tree_takes_a_constant_number_of_queries(
    org, django_assert_max_num_queries
) -> None:
    for index in range(30):
        Unit.objects.create(
            code=f"X{index}", name=f"과{index}", kind=UnitKind.DIVISION, parent=org.bureau, depth=1
        )
    client = client_for(org.drafter)

    with django_assert_max_num_queries(5):
        response = client.get("/api/units/", {"parent": org.bureau.pk, "page_size": "50"})

    assert response.json()["count"] == 31
