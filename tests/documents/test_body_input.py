"""Input that would break the official PDF is stopped at the API, naming its field.

- a body nested past DOCUMENT_BODY_MAX_DEPTH (WeasyPrint lays nesting out by
  recursion) is a 400 on `body`, in Korean by default, on create, update and an
  approver's edit (each makes what a version freezes);
- bidi controls in single-line fields (title, recipient, payee, purpose) are
  removed, so what is stored is what the PDF and the portal show.
"""

import pytest
from django.test import override_settings

from approvals.models import StageKind
from documents.models import Document, DocumentVersion
from documents.sanitize import body_depth
from tests.factories.approvals import approval_org, open_step, submit
from tests.factories.documents import BudgetLineFactory, DocumentFactory

pytestmark = pytest.mark.django_db

RLO, PDF_MARK, LRI, PDI, RLM = "\u202e", "\u202c", "\u2066", "\u2069", "\u200f"


def nested(depth: int, tag: str = "div") -> str:
    return f"<{tag}>" * depth + "가" + f"</{tag}>" * depth


def real_document_body() -> str:
    """About as deep as real documents go: a table in a list item in a table cell."""
    inner = (
        "<table><tbody><tr><td><p><strong><em><span>금액</span></em></strong></p>"
        "</td></tr></tbody></table>"
    )
    return (
        "<div><table><tbody><tr><td><ol><li>"
        + inner
        + "</li></ol></td></tr></tbody></table></div><blockquote><ul><li>끝</li></ul></blockquote>"
    )


@pytest.fixture
def drafter_client(api_client, chain):
    api_client.force_authenticate(chain.drafter.user)
    return api_client


def test_a_body_nested_200_deep_is_refused_on_body_in_korean(drafter_client) -> None:
    # WHEN a drafter posts a memo whose body is 200 nested <div>s (2 KB, sanitizer-clean)
    response = drafter_client.post(
        "/api/documents/",
        {"kind": "memo", "title": "보고", "body": nested(200)},
        format="json",
    )

    # THEN it is a 400 naming `body`, in Korean, with the limit, and nothing is kept
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("body", "too_deep")]
    assert "40단계" in errors[0]["message"]
    assert not Document.objects.exists()


def test_the_message_is_english_under_accept_language_en(drafter_client) -> None:
    response = drafter_client.post(
        "/api/documents/",
        {"kind": "memo", "title": "보고", "body": nested(41)},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert "more than 40 levels" in response.json()["errors"][0]["message"]


def test_the_deepest_real_structure_and_the_limit_itself_are_accepted(drafter_client) -> None:
    # GIVEN a body as deep as real ones, and one exactly at the limit
    assert body_depth(real_document_body()) < 40
    for body in (real_document_body(), nested(40, "blockquote")):
        # WHEN each is posted
        response = drafter_client.post(
            "/api/documents/", {"kind": "memo", "title": "보고", "body": body}, format="json"
        )
        # THEN it is created as it was written
        assert response.status_code == 201, response.json()
        assert body_depth(response.json()["body"]) == body_depth(body)


def test_an_update_nesting_too_deep_is_refused_and_changes_nothing(drafter_client, chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)
    before = document.body

    response = drafter_client.patch(
        f"/api/documents/{document.pk}/",
        {"body": nested(60, "span"), "lock_version": document.lock_version},
        format="json",
    )

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["body"]
    document.refresh_from_db()
    assert document.body == before


def test_an_approvers_edit_nesting_too_deep_makes_no_version(api_client) -> None:
    # GIVEN a memo submitted on a line whose reviewer has the turn
    org = approval_org()
    document = submit(org)
    step = open_step(document, org.reviewer)
    assert step.stage.kind == StageKind.REVIEW
    api_client.force_authenticate(org.reviewer.user)

    # WHEN the reviewer edits the body into 100 nested lists
    lists = "<ul><li>" * 50 + "가" + "</li></ul>" * 50
    response = api_client.post(
        f"/api/tasks/{step.pk}/edit/", {"content": {"body": lists}}, format="json"
    )

    # THEN it is refused on `body` and the document keeps its one version
    assert response.status_code == 400, response.json()
    assert [e["field"] for e in response.json()["errors"]] == ["body"]
    assert DocumentVersion.objects.filter(document=document).count() == 1


@override_settings(DOCUMENT_BODY_MAX_DEPTH=0)
def test_the_limit_can_be_turned_off(drafter_client) -> None:
    response = drafter_client.post(
        "/api/documents/", {"kind": "memo", "title": "보고", "body": nested(200)}, format="json"
    )

    assert response.status_code == 201


def test_bidi_controls_are_removed_from_the_title_and_recipient(drafter_client) -> None:
    # WHEN a memo's title carries a right-to-left override and its recipient isolates
    response = drafter_client.post(
        "/api/documents/",
        {
            "kind": "memo",
            "title": f"{RLO}서류 목록{PDF_MARK} 보고{RLM}",
            "recipient": f"{LRI}행정안전부장관{PDI}",
        },
        format="json",
    )

    # THEN they are stored, versioned and shown without them
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["title"] == "서류 목록 보고"
    assert body["recipient"] == "행정안전부장관"
    assert Document.objects.get(pk=body["id"]).title == "서류 목록 보고"


def test_a_title_of_bidi_controls_only_is_blank(drafter_client) -> None:
    response = drafter_client.post(
        "/api/documents/", {"kind": "memo", "title": f"{RLO}{RLM}"}, format="json"
    )

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["title"]


def test_bidi_controls_are_removed_on_update_and_from_budget_fields(drafter_client, chain) -> None:
    line = BudgetLineFactory.create(unit=chain.division)
    created = drafter_client.post(
        "/api/documents/",
        {
            "kind": "budget",
            "title": "물품 구매",
            "budget": {
                "fiscal_year": line.fiscal_year,
                "budget_line": line.pk,
                "amount": 1000,
                "payee": f"{RLO}(주)도장상사",
                "purpose": f"사무용품{RLM} 구매",
            },
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    document = Document.objects.get(pk=created.json()["id"])
    assert document.budget.payee == "(주)도장상사"
    assert document.budget.purpose == "사무용품 구매"

    updated = drafter_client.patch(
        f"/api/documents/{document.pk}/",
        {"title": f"물품 {RLO}구매", "lock_version": document.lock_version},
        format="json",
    )

    assert updated.status_code == 200, updated.json()
    assert updated.json()["title"] == "물품 구매"
