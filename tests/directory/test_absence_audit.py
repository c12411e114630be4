"""Absences and acting officials are audited: who, from where, which absence; never why."""

import pytest
from rest_framework.test import APIClient

from audit.models import AuditEvent
from directory.services.absences import acting_official_designate
from tests.directory.helpers import Org, build_org
from tests.factories.directory import UserFactory

pytestmark = pytest.mark.django_db

PERIOD = {"starts_at": "2026-03-02T09:00:00+09:00", "ends_at": "2026-03-04T18:00:00+09:00"}
ADDRESS = "198.51.100.23"


@pytest.fixture
def org() -> Org:
    return build_org()


def _client(person) -> APIClient:
    client = APIClient(REMOTE_ADDR=ADDRESS)
    client.force_authenticate(person.user)
    return client


def test_recording_changing_and_removing_an_absence_is_audited_with_actor_and_address(
    org,
) -> None:
    # GIVEN a drafter who records, changes and then removes their absence
    client = _client(org.drafter)
    data = {**PERIOD, "deputy": org.colleague.pk, "reason": "병가 (진단서 제출)"}
    created = client.post("/api/absences/", data, format="json")
    assert created.status_code == 201, created.data
    absence_id = created.data["id"]
    changed = client.patch(
        f"/api/absences/{absence_id}/", {"ends_at": "2026-03-05T18:00:00+09:00"}, format="json"
    )
    assert changed.status_code == 200, changed.data
    assert client.delete(f"/api/absences/{absence_id}/").status_code == 204

    # THEN each step is one event naming the actor, their address and the absence
    events = list(AuditEvent.objects.filter(object_id=str(absence_id)).order_by("sequence"))
    assert [event.action for event in events] == [
        "absence.created",
        "absence.changed",
        "absence.deleted",
    ]
    for event in events:
        assert event.actor_id == org.drafter.user_id
        assert event.client_address == ADDRESS
        assert event.data["person"] == org.drafter.pk
        assert event.data["deputy"] == org.colleague.pk
        # The reason may say why someone is away: it stays out of the record.
        assert "reason" not in event.data
        assert "병가" not in str(event.data)
    assert events[1].data["ends_at"].startswith("2026-03-05")


def test_naming_an_acting_official_is_audited(org) -> None:
    admin = UserFactory.create(is_superuser=True, is_staff=True)

    acting_official_designate(
        actor=admin, unit=org.team, person=org.colleague, client_address=ADDRESS
    )

    event = AuditEvent.objects.get(action="unit.acting_official_designated")
    assert event.actor_id == admin.pk
    assert event.client_address == ADDRESS
    assert event.object_id == str(org.team.pk)
    assert event.data == {"acting_head": org.colleague.pk}
