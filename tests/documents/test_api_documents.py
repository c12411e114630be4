"""The document API: create, detail with ETag, concurrent updates, delete, list."""

import pytest
from django.test import override_settings

from documents.models import Document, DocumentStatus
from documents.services import version_snapshot
from tests.factories.directory import PersonFactory
from tests.factories.documents import BudgetLineFactory, DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafter_client(api_client, chain):
    api_client.force_authenticate(chain.drafter.user)
    return api_client


def test_create_answers_201_with_the_sanitized_document_and_its_etag(drafter_client, chain) -> None:
    # WHEN the drafter posts a memo with a script in its body
    response = drafter_client.post(
        "/api/documents/",
        {"kind": "memo", "title": "보고", "body": "<p>가<script>x()</script></p>"},
        format="json",
    )

    # THEN it is created, safe, and carries an ETag
    assert response.status_code == 201
    body = response.json()
    assert body["body"] == "<p>가</p>"
    assert body["status"] == "draft"
    assert response["ETag"] == f'"{body["id"]}-1"'


def test_create_names_the_bad_field(drafter_client) -> None:
    line = BudgetLineFactory.create()
    response = drafter_client.post(
        "/api/documents/",
        {
            "kind": "budget",
            "title": "t",
            "budget": {
                "fiscal_year": line.fiscal_year,
                "budget_line": line.pk,
                "amount": 0,
                "payee": "p",
                "purpose": "p",
            },
        },
        format="json",
    )

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["budget.amount"]


def test_a_stale_if_match_is_a_conflict(drafter_client, chain) -> None:
    # GIVEN the drafter read the draft, then saved it from another tab
    document = DocumentFactory.create(drafter=chain.drafter)
    etag = drafter_client.get(f"/api/documents/{document.pk}/")["ETag"]
    first = drafter_client.patch(
        f"/api/documents/{document.pk}/", {"title": "탭 1"}, format="json", HTTP_IF_MATCH=etag
    )
    assert first.status_code == 200
    assert first["ETag"] != etag

    # WHEN the first tab saves with the old ETag
    second = drafter_client.patch(
        f"/api/documents/{document.pk}/", {"title": "탭 2"}, format="json", HTTP_IF_MATCH=etag
    )

    # THEN it is a conflict and the first save stands
    assert second.status_code == 409
    assert second.json()["type"] == "conflict"
    assert Document.objects.get(pk=document.pk).title == "탭 1"


def test_an_update_without_a_lock_version_is_refused(drafter_client, chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    response = drafter_client.patch(f"/api/documents/{document.pk}/", {"title": "x"}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "lock_version"


def test_delete_removes_a_draft_but_not_a_submitted_document(drafter_client, chain) -> None:
    draft = DocumentFactory.create(drafter=chain.drafter)
    submitted = DocumentFactory.create(drafter=chain.drafter)
    version_snapshot(document=submitted, reason="submitted", actor=chain.drafter)

    assert drafter_client.delete(f"/api/documents/{draft.pk}/").status_code == 204
    assert drafter_client.delete(f"/api/documents/{submitted.pk}/").status_code == 400
    assert Document.objects.filter(pk=submitted.pk).exists()


def test_the_detail_shows_the_line_and_the_timeline(drafter_client, chain) -> None:
    response = drafter_client.post("/api/documents/", {"kind": "memo", "title": "t"}, format="json")
    detail = drafter_client.get(f"/api/documents/{response.json()['id']}/").json()

    assert detail["stages"] == []
    assert [item["action"] for item in detail["timeline"]] == ["document.created"]


def test_the_list_shows_only_visible_documents_with_filters(
    drafter_client, chain, django_assert_max_num_queries
) -> None:
    # GIVEN the drafter's documents and someone else's
    mine = [DocumentFactory.create(drafter=chain.drafter, title=f"예산 {i}") for i in range(5)]
    DocumentFactory.create(drafter=chain.drafter, title="기타", kind="memo")
    DocumentFactory.create(drafter=PersonFactory.create(), title="예산 남의 것")

    # WHEN the list is read with a text filter
    with django_assert_max_num_queries(8):
        response = drafter_client.get("/api/documents/?q=예산")

    # THEN only the drafter's matching documents come back
    assert response.status_code == 200
    assert sorted(item["id"] for item in response.json()["results"]) == sorted(d.pk for d in mine)


def test_the_list_query_count_does_not_grow_with_the_page(
    drafter_client, chain, django_assert_max_num_queries
) -> None:
    for _ in range(30):
        DocumentFactory.create(drafter=chain.drafter, status=DocumentStatus.DRAFT)

    with django_assert_max_num_queries(8):
        response = drafter_client.get("/api/documents/?status=draft&page_size=30&kind=memo")

    assert len(response.json()["results"]) == 30


def test_a_head_of_the_unit_chain_sees_submitted_documents_not_drafts(api_client, chain) -> None:
    draft = DocumentFactory.create(drafter=chain.drafter)
    submitted = DocumentFactory.create(drafter=chain.drafter, status=DocumentStatus.IN_PROGRESS)
    api_client.force_authenticate(chain.bureau_director.user)

    ids = [item["id"] for item in api_client.get("/api/documents/").json()["results"]]

    assert ids == [submitted.pk]
    assert api_client.get(f"/api/documents/{draft.pk}/").status_code == 404


def test_a_records_officer_sees_submitted_documents(api_client, chain) -> None:
    from directory.models import Role
    from tests.factories.directory import role_member

    officer = role_member(Role.RECORDS_OFFICER, PersonFactory.create())
    submitted = DocumentFactory.create(
        drafter=chain.drafter, status=DocumentStatus.APPROVED, number="N-1"
    )
    api_client.force_authenticate(officer.user)

    assert api_client.get(f"/api/documents/{submitted.pk}/").status_code == 200


@override_settings(LANGUAGE_CODE="en")
def test_anonymous_cannot_list_or_create(api_client) -> None:
    assert api_client.get("/api/documents/").status_code in (401, 403)
    assert api_client.post("/api/documents/", {}, format="json").status_code in (401, 403)


def test_a_login_without_a_person_lists_nothing_and_cannot_create(
    api_client, django_user_model, chain
) -> None:
    DocumentFactory.create(drafter=chain.drafter)
    api_client.force_authenticate(django_user_model.objects.create(username="robot"))

    assert api_client.get("/api/documents/").json()["results"] == []
    created = api_client.post("/api/documents/", {"kind": "memo", "title": "t"}, format="json")
    assert created.status_code == 403
