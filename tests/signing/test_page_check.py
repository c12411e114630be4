"""A document longer than the official PDF allows is refused at submission, naming the limit.

The limit is lowered (SIGNING_MAX_PAGES=3) so a body of a few pages is over it; the
check lays the real official form out, as the PDF after approval will.
"""

from typing import Any

import pytest

from approvals.models import ApprovalStep
from documents.models import Document, DocumentStatus, DocumentVersion
from documents.services import draft_create
from signing.page_check import pages_upper_bound
from tests.factories.approvals import ApprovalOrg, approval_org, line, open_step, submit

pytestmark = pytest.mark.django_db

PARAGRAPH = "<p>" + "가나다라마바사아자차카타파하 " * 20 + "</p>"  # about a fifth of a page


@pytest.fixture
def org(settings: Any, signing_dir: object) -> ApprovalOrg:
    settings.SIGNING_MAX_PAGES = 3
    return approval_org()


def drafted(org: ApprovalOrg, paragraphs: int) -> Document:
    return draft_create(
        drafter=org.drafter,
        kind="memo",
        data={
            "title": "긴 보고",
            "body": PARAGRAPH * paragraphs,
            "proposed_disclosure_level": "open",
        },
    )


def post_submit(api_client: Any, org: ApprovalOrg, document: Document) -> Any:
    api_client.force_authenticate(org.drafter.user)
    return api_client.post(
        f"/api/documents/{document.pk}/submit/",
        {"line": line(org).to_data()},
        format="json",
    )


def test_a_document_over_the_page_limit_is_refused_at_submit_in_korean(
    api_client: Any, org: ApprovalOrg
) -> None:
    # GIVEN a memo of about six pages, over a limit of three
    document = drafted(org, 30)

    # WHEN its drafter submits it
    response = post_submit(api_client, org, document)

    # THEN it is a 400 on `body` naming the limit, and nothing was sent on its way
    assert response.status_code == 400, response.json()
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == ["body"]
    assert "3쪽" in errors[0]["message"]
    document.refresh_from_db()
    assert document.status == DocumentStatus.DRAFT
    assert not DocumentVersion.objects.filter(document=document).exists()
    assert not ApprovalStep.objects.filter(stage__document=document).exists()
    # AND once shortened, the same draft goes on its line
    shortened = api_client.patch(
        f"/api/documents/{document.pk}/",
        {"body": PARAGRAPH * 3, "lock_version": document.lock_version},
        format="json",
    )
    assert shortened.status_code == 200, shortened.json()
    again = post_submit(api_client, org, document)
    assert again.status_code == 200, again.json()
    assert again.json()["status"] == DocumentStatus.IN_PROGRESS


def test_a_document_within_the_limit_but_past_the_bound_is_laid_out_and_accepted(
    api_client: Any, org: ApprovalOrg
) -> None:
    # GIVEN a memo of two pages whose upper bound passes the limit, so it is laid out
    document = drafted(org, 6)
    assert pages_upper_bound(document.body) > 3

    # WHEN it is submitted
    response = post_submit(api_client, org, document)

    # THEN it goes on its line
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == DocumentStatus.IN_PROGRESS


def test_an_approvers_edit_that_passes_the_limit_is_refused(
    api_client: Any, org: ApprovalOrg
) -> None:
    # GIVEN a short memo on its reviewer's step
    document = submit(org)
    step = open_step(document, org.reviewer)
    api_client.force_authenticate(org.reviewer.user)

    # WHEN the reviewer edits it into six pages
    response = api_client.post(
        f"/api/tasks/{step.pk}/edit/", {"content": {"body": PARAGRAPH * 30}}, format="json"
    )

    # THEN the edit is refused on `body` and the approved text stays the submitted one
    assert response.status_code == 400, response.json()
    assert [e["field"] for e in response.json()["errors"]] == ["body"]
    assert DocumentVersion.objects.filter(document=document).count() == 1


def test_the_upper_bound_holds_for_bodies_that_take_many_lines_for_few_characters() -> None:
    # One character per line in a narrow cell, line breaks, empty paragraphs: the bound
    # (what lets nearly every document skip the layout) never falls below the pages.
    narrow = "<table><tbody><tr>" + "<td>가</td>" * 40 + "<td>" + "가" * 400 + "</td></tr>"
    narrow += "</tbody></table>"
    assert pages_upper_bound(narrow) >= 12  # it lays out on 12 pages
    assert pages_upper_bound("<p>" + "가<br>" * 1000 + "</p>") >= 28  # 28 pages
    assert pages_upper_bound("<h1>가</h1>" * 300) >= 12  # 12 pages
