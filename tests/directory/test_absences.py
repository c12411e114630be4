"""Absences: people manage their own, administrators anyone's; others' stay invisible."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from directory.models import Absence
from directory.services.absences import acting_official_designate
from tests.directory.helpers import Org, build_org
from tests.factories.approvals import approval_org, open_step, submit
from tests.factories.directory import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

PERIOD = {"starts_at": "2026-03-02T09:00:00+09:00", "ends_at": "2026-03-04T18:00:00+09:00"}


@pytest.fixture
def org() -> Org:
    return build_org()


def client_for(person) -> APIClient:
    client = APIClient()
    client.force_authenticate(getattr(person, "user", person))
    return client


def _absence(org: Org, person=None, **period) -> Absence:
    return Absence.objects.create(
        person=person or org.drafter,
        deputy=org.colleague,
        **(period or {"starts_at": PERIOD["starts_at"], "ends_at": PERIOD["ends_at"]}),
    )


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_cannot_see_or_record_absences(api_client, method) -> None:
    response = getattr(api_client, method)("/api/absences/")

    assert response.status_code in (401, 403)


def test_people_record_their_own_absence(org) -> None:
    response = client_for(org.drafter).post(
        "/api/absences/", {"deputy": org.colleague.pk, "reason": "연가", **PERIOD}, format="json"
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["person"]["id"], body["deputy"]["id"]) == (org.drafter.pk, org.colleague.pk)
    assert Absence.objects.get().created_by == org.drafter.user


def test_nobody_but_an_administrator_records_another_persons_absence(org) -> None:
    peer = PersonFactory.create(unit=org.leader.unit, position=org.leader.position)
    data = {"person": org.leader.pk, "deputy": peer.pk, **PERIOD}

    refused = client_for(org.drafter).post("/api/absences/", data, format="json")
    allowed = client_for(org.admin).post("/api/absences/", data, format="json")

    assert refused.status_code == 403
    assert refused.json()["type"] == "permission_denied"
    assert allowed.status_code == 201


def test_others_absences_are_invisible_except_to_administrators(org) -> None:
    own = _absence(org)
    other = _absence(org, person=org.leader)

    mine = client_for(org.drafter).get("/api/absences/").json()["results"]
    everyone = client_for(org.admin).get("/api/absences/").json()["results"]

    assert [a["id"] for a in mine] == [own.pk]
    assert {a["id"] for a in everyone} == {own.pk, other.pk}
    assert client_for(org.drafter).get(f"/api/absences/{other.pk}/").status_code == 404
    assert client_for(org.outsider).get("/api/absences/").json()["results"] == []


def test_only_the_owner_or_an_administrator_changes_or_deletes_an_absence(org) -> None:
    absence = _absence(org)
    path = f"/api/absences/{absence.pk}/"

    stranger = client_for(org.leader).patch(path, {"reason": "x"}, format="json")
    owner = client_for(org.drafter).patch(path, {"reason": "병가"}, format="json")
    deleted_by_stranger = client_for(org.leader).delete(path)
    deleted_by_admin = client_for(org.admin).delete(path)

    assert (stranger.status_code, owner.status_code) == (404, 200)
    assert owner.json()["reason"] == "병가"
    assert (deleted_by_stranger.status_code, deleted_by_admin.status_code) == (404, 204)
    assert not Absence.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends_at": "2026-03-01T09:00:00+09:00"}, "ends_at"),
        ({"deputy": "self"}, "deputy"),
        ({"deputy": "left"}, "deputy"),
        ({"deputy": "away"}, "deputy"),
        ({"overlap": True}, "starts_at"),
    ],
)
def test_the_period_and_the_deputy_are_checked(org, change, field) -> None:
    deputy = {"self": org.drafter, "left": org.leader, "away": org.admin}.get(
        change.get("deputy", ""), org.colleague
    )
    if change.get("deputy") == "left":
        org.leader.active = False
        org.leader.save()
    if change.get("deputy") == "away":
        _absence(org, person=org.admin)
    if change.get("overlap"):
        _absence(org)
    data = {**PERIOD, "deputy": deputy.pk, **{k: v for k, v in change.items() if k == "ends_at"}}

    response = client_for(org.drafter).post("/api/absences/", data, format="json")

    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == [field]


def test_a_recorded_absence_moves_the_persons_open_step_at_once(
    django_capture_on_commit_callbacks,
) -> None:
    # GIVEN the reviewer's step is open
    org = approval_org()
    document = submit(org)
    step = open_step(document, org.reviewer)
    deputy = PersonFactory.create(unit=org.chain.team)
    acting_official_designate(
        actor=UserFactory.create(is_superuser=True), unit=org.chain.team, person=deputy
    )
    period = {
        "starts_at": (timezone.now() - timedelta(minutes=5)).isoformat(),
        "ends_at": (timezone.now() + timedelta(days=2)).isoformat(),
        "deputy": deputy.pk,
        "reason": "연가",
    }

    # WHEN the reviewer records their absence, starting now
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(org.reviewer).post("/api/absences/", period, format="json")
    assert response.status_code == 201, response.json()

    # THEN the step is the deputy's without waiting for the scan
    step.refresh_from_db()
    assert step.task is not None
    assert (step.is_proxy, step.task.owner) == (True, deputy.user)

    # WHEN the absence is removed, THEN the step is the reviewer's again
    with django_capture_on_commit_callbacks(execute=True):
        removed = client_for(org.reviewer).delete(f"/api/absences/{response.json()['id']}/")
    assert removed.status_code == 204
    step.refresh_from_db()
    assert step.task is not None
    assert (step.is_proxy, step.task.owner) == (False, org.reviewer.user)
