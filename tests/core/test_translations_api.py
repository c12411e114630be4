"""API errors speak the user's language: Korean by default, English when asked.

The main error paths a drafter meets (a form left blank, a wrong choice, a line
the rules refuse, an edit without its version, an absence that ends before it
starts, a request without a login) answer in Korean with no English sentence
left in, and in English under Accept-Language: en.
"""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from approvals.line import LineSpec, StageSpec
from approvals.models import ApprovalStep, StageKind
from approvals.services import document_submit
from documents.services import version_snapshot
from tests.factories.directory import OrgChain, PersonFactory
from tests.factories.documents import (
    BudgetLineFactory,
    DocumentFactory,
    default_delegation_rules,
)
from tests.support.walk import organisation

pytestmark = pytest.mark.django_db

HANGUL = re.compile("[가-힣]")
# Three English words in a row: a sentence left untranslated. Codes and field
# names ("lock_version", "If-Match", "ETag") are single tokens and pass.
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}")


@pytest.fixture
def chain() -> OrgChain:
    # Korean names and units, as in a city hall: what is left in English is ours
    default_delegation_rules()
    return organisation().chain


def _texts(response: Any) -> list[str]:
    body = response.json()
    return [body["detail"], *(error["message"] for error in body["errors"])]


def _blank_title(client: APIClient, chain: OrgChain) -> Any:
    return client.post("/api/documents/", {"kind": "memo", "title": ""}, format="json")


def _missing_kind_and_bad_choice(client: APIClient, chain: OrgChain) -> Any:
    return client.post("/api/documents/", {"kind": "letter", "recipient": "x" * 400}, format="json")


def _amount_below_minimum(client: APIClient, chain: OrgChain) -> Any:
    line = BudgetLineFactory.create()
    budget = {
        "fiscal_year": line.fiscal_year,
        "budget_line": line.pk,
        "amount": 0,
        "payee": "p",
        "purpose": "p",
    }
    return client.post(
        "/api/documents/", {"kind": "budget", "title": "t", "budget": budget}, format="json"
    )


def _line_the_rules_refuse(client: APIClient, chain: OrgChain) -> Any:
    document = DocumentFactory.create(drafter=chain.drafter)
    line = {
        "stages": [
            {"kind": "review", "assignee_ids": [chain.team_leader.pk]},
            {"kind": "approve", "assignee_ids": [chain.team_leader.pk]},
        ],
        "reference_ids": [999_999],
    }
    return client.post(f"/api/documents/{document.pk}/line/validate/", line, format="json")


def _edit_without_version(client: APIClient, chain: OrgChain) -> Any:
    document = DocumentFactory.create(drafter=chain.drafter)
    return client.patch(f"/api/documents/{document.pk}/", {"title": "x"}, format="json")


def _absence_ending_before_it_starts(client: APIClient, chain: OrgChain) -> Any:
    start = timezone.now() + dt.timedelta(days=2)
    body = {
        "deputy": PersonFactory.create(unit=chain.team).pk,
        "starts_at": start.isoformat(),
        "ends_at": (start - dt.timedelta(days=1)).isoformat(),
    }
    return client.post("/api/absences/", body, format="json")


def _delete_a_submitted_document(client: APIClient, chain: OrgChain) -> Any:
    document = DocumentFactory.create(drafter=chain.drafter)
    version_snapshot(document=document, reason="submitted", actor=chain.drafter)
    return client.delete(f"/api/documents/{document.pk}/")


def _submitted(chain: OrgChain) -> Any:
    document = DocumentFactory.create(drafter=chain.drafter)
    spec = LineSpec(
        stages=(
            StageSpec(StageKind.REVIEW, (chain.team_leader.pk,)),
            StageSpec(StageKind.APPROVE, (chain.division_head.pk,)),
        )
    )
    document_submit(document=document, actor=chain.drafter, spec=spec)
    return ApprovalStep.objects.get(stage__document=document, assignee=chain.team_leader)


def _approve_someone_elses_step(client: APIClient, chain: OrgChain) -> Any:
    step = _submitted(chain)
    return client.post(f"/api/tasks/{step.pk}/approve/")


def _approve_twice(client: APIClient, chain: OrgChain) -> Any:
    step = _submitted(chain)
    client.force_authenticate(chain.team_leader.user)
    client.post(f"/api/tasks/{step.pk}/approve/")
    return client.post(f"/api/tasks/{step.pk}/approve/")


PATHS: dict[str, Callable[[APIClient, OrgChain], Any]] = {
    "blank": _blank_title,
    "required and invalid choice": _missing_kind_and_bad_choice,
    "min value": _amount_below_minimum,
    "line rules": _line_the_rules_refuse,
    "lock version": _edit_without_version,
    "absence": _absence_ending_before_it_starts,
    "submitted is not deleted": _delete_a_submitted_document,
    "someone else's step": _approve_someone_elses_step,
    "acted twice": _approve_twice,
}


@pytest.mark.parametrize("path", list(PATHS))
@pytest.mark.parametrize("header", [{}, {"HTTP_ACCEPT_LANGUAGE": "ko"}])
def test_errors_are_korean_by_default(
    api_client: APIClient, chain: OrgChain, path: str, header: dict[str, Any]
) -> None:
    api_client.force_authenticate(chain.drafter.user)
    api_client.credentials(**header)

    response = PATHS[path](api_client, chain)

    assert 400 <= response.status_code < 500, response.content
    for text in _texts(response):
        assert HANGUL.search(text), text
        assert not ENGLISH_SENTENCE.search(text), text


@pytest.mark.parametrize("path", list(PATHS))
def test_errors_are_english_when_asked(api_client: APIClient, chain: OrgChain, path: str) -> None:
    api_client.force_authenticate(chain.drafter.user)
    api_client.credentials(HTTP_ACCEPT_LANGUAGE="en")

    response = PATHS[path](api_client, chain)

    assert 400 <= response.status_code < 500, response.content
    for text in _texts(response):
        assert ENGLISH_SENTENCE.search(text), text


def test_the_line_errors_name_the_people_on_their_entries(
    api_client: APIClient, chain: OrgChain
) -> None:
    api_client.force_authenticate(chain.drafter.user)

    errors = _line_the_rules_refuse(api_client, chain).json()["errors"]

    leader = chain.team_leader
    assert leader.position is not None
    who = f"{leader.unit.name} {leader.position.title} {leader.name}"
    assert sorted((error["field"], error["message"]) for error in errors) == sorted(
        [
            ("line.reference_ids.0", "ID가 999999인 직원이 없습니다."),
            ("line.stages.1.assignee_ids.0", f"{who} 님이 결재선에 이미 들어 있습니다."),
            (
                "line.stages.1.assignee_ids.0",
                f"{who} 님은 과장보다 직급이 낮아 최종 결재를 할 수 없습니다. "
                "전결 규정: 기안문: 과장 전결 (Memo: division head)",
            ),
        ]
    )


def test_an_anonymous_request_is_told_to_log_in_in_korean(api_client: APIClient) -> None:
    body = api_client.get("/api/documents/").json()

    assert body["detail"] == "로그인이 필요합니다."


def test_drf_validation_messages_read_as_an_official_writes_them(
    api_client: APIClient, chain: OrgChain
) -> None:
    # DRF's own Korean reads "이 필드는 blank일 수 없습니다."; the project catalogue rewords it
    api_client.force_authenticate(chain.drafter.user)

    blank = _blank_title(api_client, chain).json()["errors"]
    other = api_client.post(
        "/api/documents/",
        {"kind": "memo", "recipient": "x" * 400, "retention_period": "forever"},
        format="json",
    ).json()["errors"]

    assert blank == [{"field": "title", "code": "blank", "message": "비워 둘 수 없는 항목입니다."}]
    assert {(e["field"], e["code"]): e["message"] for e in other} == {
        ("title", "required"): "필수 입력 항목입니다.",
        ("recipient", "max_length"): "300자 이하로 입력하십시오.",
        ("retention_period", "invalid_choice"): '고를 수 없는 값입니다: "forever".',
    }


def test_a_malformed_entry_deep_in_the_line_is_named_by_its_exact_path(
    api_client: APIClient, chain: OrgChain
) -> None:
    api_client.force_authenticate(chain.drafter.user)
    document = DocumentFactory.create(drafter=chain.drafter)
    line = {
        "stages": [
            {"kind": "review", "assignee_ids": [chain.team_leader.pk]},
            {"kind": "approve", "assignee_ids": [chain.division_head.pk, 0]},
        ]
    }

    response = api_client.post(
        f"/api/documents/{document.pk}/submit/", {"line": line}, format="json"
    )

    assert response.json()["errors"] == [
        {
            "field": "line.stages.1.assignee_ids.1",
            "code": "min_value",
            "message": "1 이상으로 입력하십시오.",
        }
    ]
