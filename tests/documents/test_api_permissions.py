"""Every document endpoint as anonymous, as an outsider (404), and as the drafter."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from documents.models import Attachment
from documents.services import version_snapshot
from tests.factories.directory import PersonFactory
from tests.factories.documents import DocumentFactory, default_delegation_rules

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# (method, path, body, expected status for the drafter)
ENDPOINTS = [
    ("get", "/api/documents/{id}/", None, 200),
    ("patch", "/api/documents/{id}/", {"lock_version": 1, "title": "새 제목"}, 200),
    ("get", "/api/documents/{id}/versions/", None, 200),
    ("get", "/api/documents/{id}/versions/1/", None, 200),
    ("get", "/api/documents/{id}/versions/diff/?old=1&new=1", None, 200),
    ("get", "/api/documents/{id}/attachments/", None, 200),
    ("get", "/api/documents/{id}/attachments/{att}/download/", None, 200),
    ("get", "/api/documents/{id}/line/suggestion/", None, 200),
    ("post", "/api/documents/{id}/line/suggestion/", {}, 200),
    ("post", "/api/documents/{id}/line/validate/", "suggested", 200),
    ("delete", "/api/documents/{id}/attachments/{att}/", None, 204),
]


@pytest.fixture
def document(chain):
    default_delegation_rules()
    doc = DocumentFactory.create(drafter=chain.drafter)
    version_snapshot(document=doc, reason="submitted", actor=chain.drafter)
    Attachment.objects.create(
        document=doc,
        name="붙임.pdf",
        file=SimpleUploadedFile("a.pdf", PDF),
        content_type="application/pdf",
        size=len(PDF),
        sha256="0" * 64,
        uploaded_by=chain.drafter,
    )
    return doc


def _call(client: APIClient, method: str, path: str, body, document, chain):
    attachment = document.attachments.first()
    url = path.format(id=document.pk, att=attachment.pk if attachment else 0)
    if body == "suggested":
        body = {
            "stages": [
                {"kind": "review", "assignee_ids": [chain.team_leader.pk]},
                {"kind": "approve", "assignee_ids": [chain.division_head.pk]},
            ]
        }
    return (
        getattr(client, method)(url, body, format="json")
        if body is not None
        else getattr(client, method)(url)
    )


@pytest.mark.parametrize(("method", "path", "body", "ok"), ENDPOINTS)
def test_anonymous_is_refused(api_client, chain, document, method, path, body, ok) -> None:
    response = _call(api_client, method, path, body, document, chain)

    assert response.status_code in (401, 403)


@pytest.mark.parametrize(("method", "path", "body", "ok"), ENDPOINTS)
def test_someone_off_the_line_gets_404(api_client, chain, document, method, path, body, ok) -> None:
    # GIVEN a staff member of another unit
    api_client.force_authenticate(PersonFactory.create().user)

    # WHEN / THEN every endpoint answers as if the document did not exist
    assert _call(api_client, method, path, body, document, chain).status_code == 404


@pytest.mark.parametrize(("method", "path", "body", "ok"), ENDPOINTS)
def test_a_login_without_a_person_gets_404(
    api_client, chain, document, django_user_model, method, path, body, ok
) -> None:
    api_client.force_authenticate(django_user_model.objects.create(username="robot"))

    assert _call(api_client, method, path, body, document, chain).status_code == 404


@pytest.mark.parametrize(("method", "path", "body", "ok"), ENDPOINTS)
def test_the_drafter_may(api_client, chain, document, method, path, body, ok) -> None:
    # Versions exist, so the draft is "returned"-like: make it editable again.
    document.status = "returned"
    document.save()
    api_client.force_authenticate(chain.drafter.user)

    response = _call(api_client, method, path, body, document, chain)

    assert response.status_code == ok, response.content[:500]


def test_a_line_member_reads_but_may_not_edit(api_client, chain, document) -> None:
    # GIVEN the team leader, on the line as the head of the drafter's unit
    document.status = "in_progress"
    document.save()
    api_client.force_authenticate(chain.team_leader.user)

    # THEN they read the document but editing and line work are refused
    assert api_client.get(f"/api/documents/{document.pk}/").status_code == 200
    patch = api_client.patch(
        f"/api/documents/{document.pk}/", {"lock_version": 1, "title": "x"}, format="json"
    )
    assert patch.status_code == 403
    assert api_client.get(f"/api/documents/{document.pk}/line/suggestion/").status_code == 403
