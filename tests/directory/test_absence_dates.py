"""Absences take dates a person could mean: near today, in a real time zone.

The year 181 was accepted and read back with Asia/Seoul's local mean time
(+08:27:52), which the schema's date-time format does not allow.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from directory.services.absences import absence_create
from tests.support.walk import Organisation, organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def org() -> Organisation:
    return organisation()


def client_for(org: Organisation) -> APIClient:
    client = APIClient()
    client.force_authenticate(org.drafter.user)
    return client


def _period(starts: str, ends: str) -> dict[str, str]:
    return {"starts_at": starts, "ends_at": ends}


def _next_year() -> int:
    return timezone.localdate().year + 1


BAD_MOMENTS = {
    "year 181": "0181-03-02T09:00:00+09:00",
    "year 1900": "1900-03-02T09:00:00+09:00",
    "ten years ahead": f"{timezone.localdate().year + 10}-03-02T09:00:00+09:00",
    "offset +16:30": f"{_next_year()}-03-02T09:00:00+16:30",
}


@pytest.mark.parametrize("moment", BAD_MOMENTS.values(), ids=BAD_MOMENTS)
@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
def test_a_new_absence_out_of_range_is_a_400_naming_the_field(
    org: Organisation, field: str, moment: str
) -> None:
    year = _next_year()
    data = {
        "deputy": org.chain.team_leader.pk,
        **_period(f"{year}-03-02T09:00:00+09:00", f"{year}-03-04T18:00:00+09:00"),
        field: moment,
    }

    response = client_for(org).post(
        "/api/absences/", data, format="json", HTTP_ACCEPT_LANGUAGE="ko"
    )

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["type"] == "validation_error"
    assert [(e["field"], e["code"]) for e in body["errors"]] == [(field, "out_of_range")]
    assert "년" in body["errors"][0]["message"] or "오프셋" in body["errors"][0]["message"]


def test_changing_an_absence_to_the_year_181_is_a_400(org: Organisation) -> None:
    now = timezone.now()
    absence = absence_create(
        actor=org.drafter.user,
        person=org.drafter,
        deputy=org.chain.team_leader,
        starts_at=now + timedelta(days=1),
        ends_at=now + timedelta(days=3),
    )

    response = client_for(org).patch(
        f"/api/absences/{absence.pk}/", {"starts_at": "0181-03-02T09:00:00+09:00"}, format="json"
    )

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["starts_at"]


def test_a_long_leave_within_the_horizon_is_accepted(org: Organisation) -> None:
    # 육아휴직 (parental leave) can last three years
    year = timezone.localdate().year
    data = {
        "deputy": org.chain.team_leader.pk,
        **_period(f"{year + 1}-01-02T09:00:00+09:00", f"{year + 4}-01-01T18:00:00+09:00"),
    }

    response = client_for(org).post("/api/absences/", data, format="json")

    assert response.status_code == 201, response.content
    assert response.json()["ends_at"].endswith("+09:00")
