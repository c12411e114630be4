"""Who may be named deputy (대결), the re-check at hand-over, what the absent approver is told."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from approvals.models import ApprovalStep, StageKind, StepStatus
from approvals.services import step_approve
from directory.models import Person, Rank
from directory.services.absences import absence_create, acting_official_designate
from tests.factories.approvals import ApprovalOrg, approval_org, open_step, submit
from tests.factories.directory import PersonFactory, UserFactory, staff_position

pytestmark = pytest.mark.django_db


def client_for(person: Person, language: str = "en") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    client.force_authenticate(person.user)
    return client


def _period() -> dict[str, str]:
    now = timezone.now()
    return {
        "starts_at": (now - timedelta(minutes=5)).isoformat(),
        "ends_at": (now + timedelta(days=2)).isoformat(),
    }


def _designate(org: ApprovalOrg, person: Person | None) -> None:
    admin = UserFactory.create(is_superuser=True)
    acting_official_designate(actor=admin, unit=org.chain.division, person=person)


@pytest.fixture
def org() -> ApprovalOrg:
    return approval_org()


def test_a_grade_8_member_cannot_be_named_the_division_heads_deputy(org) -> None:
    # GIVEN a grade-8 member of the division who is not its acting official
    junior = PersonFactory.create(unit=org.chain.division, position=staff_position(Rank.GRADE_8))

    # WHEN the division head names them deputy
    response = client_for(org.approver).post(
        "/api/absences/", {"deputy": junior.pk, **_period()}, format="json"
    )

    # THEN the absence is refused on the deputy field, naming the rule
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "deputy"
    assert junior.name in error["message"]
    assert "Division head" in error["message"]
    assert "acting official" in error["message"]


def test_the_refusal_reads_korean_by_default(org) -> None:
    junior = PersonFactory.create(unit=org.chain.division, position=staff_position(Rank.GRADE_8))

    response = client_for(org.approver, language="ko").post(
        "/api/absences/", {"deputy": junior.pk, **_period()}, format="json"
    )

    message = response.json()["errors"][0]["message"]
    assert "직무대리" in message
    assert "과장" in message or "부서장" in message
    assert "acting official" not in message


def test_the_acting_official_or_a_peer_may_be_named(org) -> None:
    # GIVEN the division's acting official (a 사무관) and another division head
    acting = PersonFactory.create(unit=org.chain.division, position=staff_position(Rank.GRADE_5))
    _designate(org, acting)
    peer = PersonFactory.create(position=org.approver.position)

    # THEN either may be named
    for deputy in (acting, peer):
        period = _period()
        response = client_for(org.approver).post(
            "/api/absences/", {"deputy": deputy.pk, **period}, format="json"
        )
        assert response.status_code == 201, response.json()
        client_for(org.approver).delete(f"/api/absences/{response.json()['id']}/")


def test_a_deputy_who_may_no_longer_act_is_not_handed_the_step(org) -> None:
    # GIVEN the division head away with the acting official as deputy ...
    acting = PersonFactory.create(unit=org.chain.division, position=staff_position(Rank.GRADE_5))
    _designate(org, acting)
    _away(org, acting)
    # ... who is then no longer the acting official
    _designate(org, None)

    # WHEN a document reaches the division head's final approval
    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)

    # THEN the step stays with the division head: the former acting official gets nothing
    step = ApprovalStep.objects.get(stage__document=document, stage__kind=StageKind.APPROVE)
    assert step.status == StepStatus.PENDING
    assert (step.is_proxy, step.acted_by) == (False, None)
    assert open_step(document, org.approver) == step


def test_the_acting_official_takes_the_final_approval_by_proxy(org) -> None:
    acting = PersonFactory.create(unit=org.chain.division, position=staff_position(Rank.GRADE_5))
    _designate(org, acting)
    _away(org, acting)

    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)

    step = open_step(document, acting)
    assert (step.assignee, step.is_proxy) == (org.approver, True)


def test_the_absent_approver_is_told_which_deputy_holds_the_step(org) -> None:
    # GIVEN the division head away, their final approval held by the acting official
    acting = PersonFactory.create(
        unit=org.chain.division, position=staff_position(Rank.GRADE_5), name="한지수"
    )
    _designate(org, acting)
    _away(org, acting)
    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step = open_step(document, acting)

    # WHEN the absent division head tries to approve it
    refused = client_for(org.approver).post(f"/api/tasks/{step.pk}/approve/", {}, format="json")
    in_korean = client_for(org.approver, language="ko").post(
        f"/api/tasks/{step.pk}/approve/", {}, format="json"
    )

    # THEN they are told who holds it, by name and position
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Your deputy 한지수 (사무관(5급)) holds this step while you are away."
    )
    assert in_korean.status_code == 403
    assert "한지수" in in_korean.json()["detail"]
    assert "사무관(5급)" in in_korean.json()["detail"]
    assert "deputy" not in in_korean.json()["detail"]


def _away(org: ApprovalOrg, deputy: Person) -> None:
    """The division head records their absence, starting now, with `deputy`."""
    now = timezone.now()
    absence_create(
        actor=org.approver.user,
        person=org.approver,
        deputy=deputy,
        starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(days=2),
    )


def test_a_withdrawn_designation_takes_the_held_step_back(
    org, django_capture_on_commit_callbacks
) -> None:
    # GIVEN the acting official holds the absent division head's final approval
    acting = PersonFactory.create(unit=org.chain.division, position=staff_position(Rank.GRADE_5))
    _designate(org, acting)
    _away(org, acting)
    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    assert open_step(document, acting).is_proxy

    # WHEN the designation is withdrawn
    with django_capture_on_commit_callbacks(execute=True):
        _designate(org, None)

    # THEN the step is the division head's again at once
    step = open_step(document, org.approver)
    assert (step.is_proxy, step.acted_by) == (False, None)
