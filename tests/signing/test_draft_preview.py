"""GET /api/documents/{id}/preview/: a draft in the official layout, for its drafter only."""

import pytest
from rest_framework.test import APIClient

from approvals.services import document_recall
from directory.models import Person
from tests.factories.approvals import approval_org, draft, submit
from tests.factories.directory import PersonFactory
from tests.signing.issuance_support import approve

pytestmark = pytest.mark.django_db


def client_as(person: Person) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=person.user)
    return client


def preview_url(document_id: int) -> str:
    return f"/api/documents/{document_id}/preview/"


def test_anonymous_is_refused():
    org = approval_org()
    document = draft(org)
    response = APIClient().get(preview_url(document.pk))
    assert response.status_code in (401, 403)


def test_someone_who_cannot_see_the_draft_gets_404():
    org = approval_org()
    document = draft(org)
    response = client_as(PersonFactory.create()).get(preview_url(document.pk))
    assert response.status_code == 404


def test_an_approver_who_sees_the_document_may_not_preview_it():
    # GIVEN a submitted document its reviewer can see
    org = approval_org()
    document = submit(org)
    # WHEN the reviewer asks for the preview THEN it is the drafter's alone
    response = client_as(org.reviewer).get(preview_url(document.pk))
    assert response.status_code == 403


def test_the_drafter_sees_the_draft_on_its_suggested_line_unsigned_and_unnumbered():
    # GIVEN a draft with a title and a body
    org = approval_org()
    document = draft(org, title="정보공개 운영 계획", body="<p>1. 관련: 운영 지침</p>")
    # WHEN its drafter previews it
    response = client_as(org.drafter).get(preview_url(document.pk))
    # THEN the official form comes back as HTML that cannot load or run anything
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "정보공개 운영 계획" in html
    assert "1. 관련: 운영 지침" in html
    assert "<style>" in html
    assert "@page" in html
    assert "<script" not in html
    # AND the box names the suggested line (review by the team leader, approval by the
    # division head) without a signing date, and no number is printed
    assert org.reviewer.name in html
    assert org.approver.name in html
    assert "결재 후 부여" in html
    assert '<span class="date"></span>' in html


def test_a_recalled_draft_previews_on_its_own_line():
    # GIVEN a document submitted on a line with the consultee, then recalled
    org = approval_org(consultees=1)
    document = submit(org, consult=True)
    document_recall(document=document, actor=org.drafter)
    # WHEN the drafter previews it THEN the consultee of its line is in the box
    html = client_as(org.drafter).get(preview_url(document.pk)).content.decode()
    assert org.consultees[0].name in html


def test_an_approved_document_has_its_pdf_not_a_preview(django_capture_on_commit_callbacks):
    org = approval_org()
    with django_capture_on_commit_callbacks(execute=True):
        document, _rendition = approve(org)
    response = client_as(org.drafter).get(preview_url(document.pk))
    assert response.status_code == 404
