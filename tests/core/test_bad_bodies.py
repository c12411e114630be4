"""Bodies that are not what an endpoint takes get a 4xx in the JSON error shape.

A JSON array, string, number or null where an object belongs; JSON nested
thousands deep; bodies over the size limits. Each is sent to the endpoints that
read a body, as someone allowed to call them, on real objects: a draft, a task
waiting on its approver, an absence.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from approvals.models import ApprovalStep, StepStatus
from approvals.services import document_submit
from directory.models import Person
from directory.services.absences import absence_create
from disclosure.services.tagging import disclosure_tag
from tests.disclosure.records import approved_document, officer
from tests.support.walk import Organisation, Shape, draft, organisation, plan_for

pytestmark = pytest.mark.django_db

NOT_OBJECTS: dict[str, str] = {
    "array": '[{"kind": "memo", "title": "t"}]',
    "string": '"memo"',
    "number": "42",
    "null": "null",
}


@dataclass(frozen=True)
class Scene:
    org: Organisation
    draft_id: int
    submitted_id: int
    task_id: int
    absence_id: int
    officer: Person
    review_id: int


@pytest.fixture
def scene() -> Scene:
    org = organisation()
    plan = plan_for(org, Shape.DELEGATED_DIVISION)
    submitted = draft(org)
    document_submit(document=submitted, actor=org.drafter, spec=plan.line())
    task = ApprovalStep.objects.get(
        stage__document=submitted, assignee=org.chain.team_leader, status=StepStatus.PENDING
    )
    now = timezone.now()
    absence = absence_create(
        actor=org.drafter.user,
        person=org.drafter,
        deputy=org.chain.team_leader,
        starts_at=now + timedelta(days=1),
        ends_at=now + timedelta(days=2),
    )
    review = disclosure_tag(document_id=approved_document().pk)
    return Scene(org, draft(org).pk, submitted.pk, task.pk, absence.pk, officer(), review.pk)


# (method, path, who calls it): every view of the API that reads a body, on objects
# the caller may act on.
Endpoint = tuple[str, Callable[[Scene], str], Callable[[Scene], Person | None]]
ENDPOINTS: dict[str, Endpoint] = {
    "auth token": ("post", lambda s: "/api/auth/token/", lambda s: None),
    "auth session": ("post", lambda s: "/api/auth/session/", lambda s: None),
    "document create": ("post", lambda s: "/api/documents/", lambda s: s.org.drafter),
    "document update": (
        "patch",
        lambda s: f"/api/documents/{s.draft_id}/",
        lambda s: s.org.drafter,
    ),
    "document submit": (
        "post",
        lambda s: f"/api/documents/{s.draft_id}/submit/",
        lambda s: s.org.drafter,
    ),
    "line validate": (
        "post",
        lambda s: f"/api/documents/{s.draft_id}/line/validate/",
        lambda s: s.org.drafter,
    ),
    "line suggestion": (
        "post",
        lambda s: f"/api/documents/{s.draft_id}/line/suggestion/",
        lambda s: s.org.drafter,
    ),
    "saved line": ("post", lambda s: "/api/saved-lines/", lambda s: s.org.drafter),
    "withdraw": (
        "post",
        lambda s: f"/api/documents/{s.submitted_id}/withdraw/",
        lambda s: s.org.drafter,
    ),
    "task approve": (
        "post",
        lambda s: f"/api/tasks/{s.task_id}/approve/",
        lambda s: s.org.chain.team_leader,
    ),
    "task hold": (
        "post",
        lambda s: f"/api/tasks/{s.task_id}/hold/",
        lambda s: s.org.chain.team_leader,
    ),
    "task edit": (
        "post",
        lambda s: f"/api/tasks/{s.task_id}/edit/",
        lambda s: s.org.chain.team_leader,
    ),
    "absence create": ("post", lambda s: "/api/absences/", lambda s: s.org.drafter),
    "absence update": (
        "patch",
        lambda s: f"/api/absences/{s.absence_id}/",
        lambda s: s.org.drafter,
    ),
    "bulk publish": (
        "post",
        lambda s: "/api/disclosure/reviews/bulk-publish/",
        lambda s: s.officer,
    ),
    "review decide": (
        "post",
        lambda s: f"/api/disclosure/reviews/{s.review_id}/decide/",
        lambda s: s.officer,
    ),
    "review redactions": (
        "post",
        lambda s: f"/api/disclosure/reviews/{s.review_id}/redactions/",
        lambda s: s.officer,
    ),
    "review hold": (
        "post",
        lambda s: f"/api/disclosure/reviews/{s.review_id}/hold/",
        lambda s: s.officer,
    ),
    "withheld paragraph": (
        "put",
        lambda s: f"/api/disclosure/documents/{s.draft_id}/withheld-paragraphs/0/",
        lambda s: s.org.drafter,
    ),
    "public disclosure request": (
        "post",
        lambda s: "/api/public/disclosure-requests/",
        lambda s: None,
    ),
}


def _send(scene: Scene, name: str, body: str, **extra: Any) -> Any:
    method, path, caller = ENDPOINTS[name]
    client = APIClient()
    person = caller(scene)
    if person is not None:
        client.force_authenticate(person.user)
    send = getattr(client, method)
    return send(path(scene), data=body, content_type="application/json", **extra)


def assert_error_shape(response: Any, status: int, error_type: str) -> dict[str, Any]:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert body["type"] == error_type
    assert isinstance(body["detail"], str)
    assert isinstance(body["errors"], list)
    return body


@pytest.mark.parametrize("kind", NOT_OBJECTS)
@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_body_that_is_not_an_object_is_a_400_naming_no_field(
    scene: Scene, name: str, kind: str
) -> None:
    # WHEN the caller sends a JSON value that is not an object
    response = _send(scene, name, NOT_OBJECTS[kind])

    # THEN the API refuses it as invalid input, not with a 500
    body = assert_error_shape(response, 400, "validation_error")
    assert [e["field"] for e in body["errors"]] == ["non_field_errors"]


def test_the_drafter_is_told_to_send_an_object_in_korean(scene: Scene) -> None:
    response = _send(scene, "document create", "[]", HTTP_ACCEPT_LANGUAGE="ko")

    body = assert_error_shape(response, 400, "validation_error")
    assert body["errors"][0]["message"] == "JSON 객체(중괄호로 묶은 필드)를 보내십시오."


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("name", ENDPOINTS)
def test_json_nested_ten_thousand_deep_is_a_400(scene: Scene, name: str) -> None:
    response = _send(scene, name, nested(10_000))

    body = assert_error_shape(response, 400, "parse_error")
    assert "32" in body["detail"]


@override_settings(API_JSON_MAX_DEPTH=3)
def test_nesting_is_counted_outside_strings_only(scene: Scene) -> None:
    # GIVEN a limit of 3 levels and a title full of brackets (text, not structure)
    title = '[[[[{{{{ 보고 ]]]]}}}} \\" [[[['
    ok = _send(scene, "document create", f'{{"kind": "memo", "title": "{title}"}}')
    assert ok.status_code == 201, ok.content

    deep = _send(scene, "document create", '{"kind": "memo", "title": [[["t"]]]}')
    assert_error_shape(deep, 400, "parse_error")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
@pytest.mark.parametrize("name", ["document create", "auth token"])
def test_a_json_body_over_the_limit_is_a_413(scene: Scene, name: str) -> None:
    body = '{"kind": "memo", "title": "' + "가" * 1000 + '"}'

    response = _send(scene, name, body)

    assert_error_shape(response, 413, "too_large")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_form_fields_over_the_limit_are_a_413_not_the_html_page(scene: Scene) -> None:
    client = APIClient()
    client.force_authenticate(scene.org.drafter.user)

    response = client.post(
        f"/api/documents/{scene.draft_id}/attachments/",
        {"note": "x" * 2000, "other": "y"},
        format="multipart",
    )

    assert_error_shape(response, 413, "too_large")


@override_settings(API_UPLOAD_MAX_BYTES=10_000)
@pytest.mark.parametrize("where", ["attachments", "verify"])
def test_an_upload_over_the_api_limit_is_a_413(scene: Scene, tmp_path: Any, where: str) -> None:
    client = APIClient()
    client.force_authenticate(scene.org.drafter.user)
    path = "/api/verify/" if where == "verify" else f"/api/documents/{scene.draft_id}/attachments/"
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.7\n" + b"0" * 20_000)

    with big.open("rb") as handle:
        response = client.post(path, {"file": handle}, format="multipart")

    assert_error_shape(response, 413, "too_large")
