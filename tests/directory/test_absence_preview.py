"""GET /api/absences/preview/: what an absence would hand to the deputy, before it is saved."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from approvals.models import ApprovalStep, StageKind, StepStatus
from directory.models import Absence, Person, Rank
from directory.services.absences import acting_official_designate
from tests.factories.approvals import approval_org, submit
from tests.factories.directory import PersonFactory, PositionFactory, UserFactory

pytestmark = pytest.mark.django_db


def client_for(person: Person, language: str = "en") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    client.force_authenticate(person.user)
    return client


def _period(deputy: Person, **shift: int) -> dict[str, str | int]:
    now = timezone.now()
    return {
        "deputy": deputy.pk,
        "starts_at": (now + timedelta(hours=shift.get("starts", -1))).isoformat(),
        "ends_at": (now + timedelta(hours=shift.get("ends", 48))).isoformat(),
    }


def _fellow_team_leader() -> Person:
    leader = PositionFactory.create(title="팀장", rank=Rank.TEAM_LEADER, is_head=True)
    return PersonFactory.create(position=leader)


def test_the_reviewers_open_step_would_move_to_the_deputy() -> None:
    # GIVEN a submitted memo whose review step is open for the team leader
    org = approval_org()
    document = submit(org, title="청사 보안 점검 계획")
    deputy = _fellow_team_leader()

    # WHEN the team leader previews an absence from tomorrow
    response = client_for(org.reviewer).get(
        "/api/absences/preview/", _period(deputy, starts=24, ends=72)
    )

    # THEN the open review step is listed: it moves when the absence begins
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["person"]["id"], body["deputy"]["id"]) == (org.reviewer.pk, deputy.pk)
    assert [
        (s["document"], s["title"], s["step_kind"], s["when"], s["moves"]) for s in body["steps"]
    ] == [(document.pk, "청사 보안 점검 계획", "review", "at_start", True)]
    assert Absence.objects.count() == 0  # nothing saved


def test_a_waiting_final_approval_moves_if_it_opens_during_the_absence() -> None:
    org = approval_org()
    document = submit(org)
    officer = PersonFactory.create(
        unit=org.chain.division,
        position=PositionFactory.create(title="사무관(5급)", rank=Rank.GRADE_5),
    )
    acting_official_designate(
        actor=UserFactory.create(is_superuser=True), unit=org.chain.division, person=officer
    )

    body = client_for(org.approver).get("/api/absences/preview/", _period(officer)).json()

    step = ApprovalStep.objects.get(stage__document=document, stage__kind=StageKind.APPROVE)
    assert step.status == StepStatus.WAITING
    assert [(s["step"], s["step_kind"], s["when"], s["moves"]) for s in body["steps"]] == [
        (step.pk, "approve", "if_opened", True)
    ]


def test_someone_without_steps_sees_nothing_move() -> None:
    org = approval_org()
    submit(org)
    colleague = PersonFactory.create(unit=org.chain.team)

    body = client_for(org.drafter).get("/api/absences/preview/", _period(colleague)).json()

    assert body["steps"] == []


@pytest.mark.parametrize(
    ("case", "field", "korean"),
    [
        ("self", "deputy", "대결자는 본인이 아닌 다른 사람이어야 합니다."),
        ("backwards", "ends_at", None),
        ("left", "deputy", None),
    ],
)
def test_bad_input_is_refused_on_its_field_in_korean_and_english(case, field, korean) -> None:
    org = approval_org()
    deputy = _fellow_team_leader()
    params = _period(deputy)
    if case == "self":
        params["deputy"] = org.reviewer.pk
    elif case == "backwards":
        params = _period(deputy, starts=48, ends=24)
    else:
        Person.objects.filter(pk=deputy.pk).update(active=False)

    english = client_for(org.reviewer).get("/api/absences/preview/", params)
    in_korean = client_for(org.reviewer, "ko").get("/api/absences/preview/", params)

    assert english.status_code == in_korean.status_code == 400
    [error] = english.json()["errors"]
    [error_ko] = in_korean.json()["errors"]
    assert error["field"] == error_ko["field"] == field
    assert error["message"] != error_ko["message"]
    if korean:
        assert error_ko["message"] == korean


def test_only_yourself_or_an_administrator_previews(api_client) -> None:
    org = approval_org()
    deputy = _fellow_team_leader()
    params = {**_period(deputy), "person": org.reviewer.pk}
    admin = PersonFactory.create()
    admin.user.is_superuser = True
    admin.user.save()

    assert api_client.get("/api/absences/preview/", params).status_code in (401, 403)
    assert client_for(org.drafter).get("/api/absences/preview/", params).status_code == 403
    assert client_for(admin).get("/api/absences/preview/", params).status_code == 200
    assert client_for(org.reviewer).get("/api/absences/preview/", params).status_code == 200
