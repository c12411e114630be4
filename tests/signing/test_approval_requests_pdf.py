"""The final approval itself requests the signed PDF and the disclosure tagging."""

import pytest
from rest_framework.test import APIClient

from directory.models import Person
from disclosure.models import DisclosureReview
from documents.models import DocumentStatus
from signing.models import Rendition, RenditionStatus
from signing.services import official_pdf_verify
from tests.factories.approvals import approval_org, open_step, submit

pytestmark = pytest.mark.django_db


def client_as(person: Person) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=person.user)
    return client


def test_an_approval_through_the_api_ends_with_a_signed_pdf_and_a_disclosure_review(
    signing_dir, django_capture_on_commit_callbacks
) -> None:
    # GIVEN a memo whose review is done
    org = approval_org()
    document = submit(org)
    client_as(org.reviewer).post(f"/api/tasks/{open_step(document, org.reviewer).pk}/approve/")
    final_step = open_step(document, org.approver)

    # WHEN the final approver approves and the transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(org.approver).post(f"/api/tasks/{final_step.pk}/approve/")

    # THEN the document is numbered, its official PDF is signed and verifies with the
    # approved version's hash, and it waits for the records officer's review
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED
    version = document.current_version
    assert version is not None
    rendition = Rendition.objects.get(version=version)
    assert rendition.status == RenditionStatus.DONE
    result = official_pdf_verify(data=rendition.pdf.read())
    assert result.valid
    assert result.content_hash == version.content_hash
    assert result.document_number == document.number
    assert DisclosureReview.objects.filter(document=document).exists()
