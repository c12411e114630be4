"""A 409 on a task action says who acted first, to the people on the document's line."""

import pytest
from rest_framework.test import APIClient

from approvals.services import document_recall
from approvals.services.conflicts import TaskTakenError, step_conflict
from directory.models import Person, Position
from tests.factories.approvals import approval_org, open_step, submit
from tests.factories.directory import PersonFactory


def _client(person: Person, language: str = "ko") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    client.force_authenticate(user=person.user)
    return client


def _name(person: Person, name: str, name_en: str, title: str, title_en: str) -> None:
    rank = person.position.rank if person.position else None
    position, _ = Position.objects.get_or_create(title=title)
    position.title_en, position.rank = title_en, position.rank or rank
    position.save()
    person.name, person.name_en, person.position = name, name_en, position
    person.save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "detail"),
    [
        ("ko", "김민수 팀장이 먼저 결재했습니다."),
        ("en", "Kim Minsu (team leader) approved it first."),
    ],
)
def test_approving_a_task_already_approved_names_who_approved_it(language, detail):
    # GIVEN a review step the team leader 김민수 has approved
    org = approval_org()
    _name(org.reviewer, "김민수", "Kim Minsu", "팀장", "team leader")
    step = open_step(submit(org), org.reviewer)
    url = f"/api/tasks/{step.pk}/approve/"
    assert _client(org.reviewer).post(url, format="json").status_code == 200

    # WHEN the approval comes again (a second tab, no Idempotency-Key)
    response = _client(org.reviewer, language).post(url, format="json")

    # THEN the conflict names them, their position, what they did and when
    assert response.status_code == 409
    body = response.json()
    assert body["type"] == "conflict"
    assert body["detail"] == detail
    assert body["acted_by"]["name"] == ("김민수" if language == "ko" else "Kim Minsu")
    assert body["acted_by"]["position"] == ("팀장" if language == "ko" else "team leader")
    assert body["acted_by"]["action"] == "approved"
    assert body["acted_by"]["acted_at"].endswith("+09:00")  # Seoul time, as the API writes
    # AND nothing else about them (no e-mail, phone or employee number)
    assert set(body["acted_by"]) == {"name", "position", "action", "acted_at"}


@pytest.mark.django_db
def test_a_task_closed_by_a_recall_names_the_drafter_with_the_right_particle():
    # GIVEN the drafter 박서연 (주무관, ends in a consonant) recalled the document
    org = approval_org()
    _name(org.drafter, "박서연", "Park Seoyeon", "주무관", "officer")
    document = submit(org)
    step = open_step(document, org.reviewer)
    document_recall(document=document, actor=org.drafter)

    # WHEN the reviewer, whose page was still open, approves
    response = _client(org.reviewer).post(f"/api/tasks/{step.pk}/approve/", format="json")

    # THEN they are told the drafter recalled it first
    assert response.status_code == 409
    assert response.json()["detail"] == "박서연 주무관이 먼저 문서를 회수했습니다."
    assert response.json()["acted_by"]["action"] == "recalled"


@pytest.mark.django_db
def test_a_subject_ending_in_a_vowel_takes_ga():
    org = approval_org()
    _name(org.reviewer, "이하나", "Lee Hana", "검토자", "reviewer")
    step = open_step(submit(org), org.reviewer)
    url = f"/api/tasks/{step.pk}/return/"
    assert _client(org.reviewer).post(url, {"reason": "보완"}, format="json").status_code == 200

    response = _client(org.reviewer).post(url, {"reason": "보완"}, format="json")

    assert response.json()["detail"] == "이하나 검토자가 먼저 반려했습니다."
    assert response.json()["acted_by"]["action"] == "returned"


@pytest.mark.django_db
def test_someone_off_the_line_gets_the_plain_conflict():
    # GIVEN an approved review step
    org = approval_org()
    step = open_step(submit(org), org.reviewer)
    _client(org.reviewer).post(f"/api/tasks/{step.pk}/approve/", format="json")
    outsider = PersonFactory.create(unit=org.chain.team)

    # WHEN the conflict is built for someone not on the document's line
    conflict = step_conflict(step.pk, actor=outsider)
    on_line = step_conflict(step.pk, actor=org.drafter)

    # THEN it names nobody; for the drafter it does
    assert not isinstance(conflict, TaskTakenError)
    assert conflict.body_extra == {}
    assert isinstance(on_line, TaskTakenError)
    assert on_line.body_extra["acted_by"]["name"] == org.reviewer.name
