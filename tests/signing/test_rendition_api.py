"""GET /api/documents/{id}/pdf/, /rendition/ and /approval-box/: who gets what."""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from rest_framework.test import APIClient

from directory.models import Person
from signing.models import Rendition, RenditionStatus
from signing.services import official_pdf_verify
from tests.factories.approvals import approval_org, submit
from tests.factories.directory import PersonFactory
from tests.signing.issuance_support import approve

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path, signing_dir: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def client_as(person: Person) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=person.user)
    return client


def url(document_id: int, what: str) -> str:
    return f"/api/documents/{document_id}/{what}/"


@pytest.fixture
def issued(django_capture_on_commit_callbacks):
    org = approval_org()
    with django_capture_on_commit_callbacks(execute=True):
        document, rendition = approve(org)
    rendition.refresh_from_db()
    assert rendition.status == RenditionStatus.DONE
    return org, document, rendition


@pytest.mark.parametrize("what", ["pdf", "rendition", "approval-box"])
def test_anonymous_is_refused(issued, what):
    _, document, _ = issued
    response = APIClient().get(url(document.pk, what))
    assert response.status_code in (401, 403)
    assert response.get("Content-Type", "").startswith("application/json")


@pytest.mark.parametrize("what", ["pdf", "rendition", "approval-box"])
def test_someone_off_the_line_gets_404(issued, what):
    # GIVEN a colleague of another unit, not on the line and heading nothing above it
    _, document, _ = issued
    outsider = PersonFactory.create()
    response = client_as(outsider).get(url(document.pk, what))
    assert response.status_code == 404


def test_the_drafter_downloads_the_signed_pdf_named_by_its_number(issued):
    org, document, rendition = issued
    response = client_as(org.drafter).get(url(document.pk, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{document.number}.pdf"'
    data = b"".join(response.streaming_content)  # type: ignore[attr-defined]  # a FileResponse
    assert official_pdf_verify(data=data).valid
    assert len(data) == rendition.size


def test_the_rendition_state_carries_the_signature_facts(issued):
    org, document, rendition = issued
    body = client_as(org.approver).get(url(document.pk, "rendition")).json()
    assert body["status"] == "done"
    assert body["sha256"] == rendition.sha256
    assert body["document_number"] == document.number
    assert body["content_hash"] == document.current_version.content_hash
    assert body["signer_subject"] == rendition.signer_subject != ""
    assert body["signed_at"]


def test_the_approval_box_lists_the_line_as_the_pdf_prints_it(issued):
    org, document, _ = issued
    body = client_as(org.drafter).get(url(document.pk, "approval-box")).json()
    assert [(s["name"], s["role"], s["mark"]) for s in body["signers"]] == [
        (org.reviewer.name, "review", ""),
        (org.approver.name, "approve", "전결"),
    ]
    assert (body["drafter"]["name"], body["drafter"]["role"]) == (org.drafter.name, "draft")
    assert body["document_number"] == document.number
    query = parse_qs(urlsplit(body["verification_url"]).query)
    assert query == {"document": [document.number], "year": [str(document.number_year)]}
    assert body["rendition"]["status"] == "done"
    # AND the printed mark (fixed at approval) stands beside the current decision
    assert body["disclosure"] == "공개"
    assert body["disclosure_decision"]["level"] == "open"


def test_while_rendering_the_pdf_answers_202_and_a_failure_409(
    django_capture_on_commit_callbacks,
):
    # GIVEN an approved document whose task has not run yet
    org = approval_org()
    with django_capture_on_commit_callbacks(execute=False):
        document, rendition = approve(org)
    client = client_as(org.drafter)
    # THEN the PDF is not there yet: 202 with the state, also when asked for a PDF
    response = client.get(url(document.pk, "pdf"), HTTP_ACCEPT="application/pdf")
    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    assert response["Retry-After"]
    # WHEN it failed, THEN 409 says so
    Rendition.objects.filter(pk=rendition.pk).update(
        status=RenditionStatus.FAILED, last_error="RenderLimitError: too long"
    )
    response = client.get(url(document.pk, "pdf"))
    assert response.status_code == 409
    assert response.json()["last_error"] == "RenderLimitError: too long"


def test_a_document_in_progress_has_no_pdf():
    org = approval_org()
    document = submit(org)
    client = client_as(org.drafter)
    for what in ("pdf", "rendition", "approval-box"):
        assert client.get(url(document.pk, what)).status_code == 404
