"""Which document a content hash names, as the public verification may say it."""

from pathlib import Path

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from portal.models import Publication
from signing.lookup import approved_version_by_hash
from signing.models import RenditionStatus
from tests.factories.approvals import approval_org, submit
from tests.signing.issuance_support import approve, version_of

pytestmark = pytest.mark.django_db

LOOKUP = "signing.lookup.approved_version_by_hash"


def publish(document) -> Publication:
    return Publication.objects.create(
        document=document,
        version=document.current_version,
        number=document.number,
        title="공개 제목",
        kind=document.kind,
        unit=document.unit,
        unit_name=document.unit.name,
        approved_at=document.approved_at,
        level="open",
        published_at=timezone.now(),
    )


@pytest.fixture
def approved(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        document, _ = approve(approval_org())
    return document


def test_an_unknown_hash_matches_nothing():
    assert approved_version_by_hash("0" * 64) is None


def test_a_submitted_version_that_is_not_approved_matches_nothing():
    document = submit(approval_org())
    assert approved_version_by_hash(version_of(document).content_hash) is None


def test_an_unpublished_approved_document_is_not_named(approved):
    answer = approved_version_by_hash(approved.current_version.content_hash)
    assert answer == {"approved": True, "published": False}


def test_a_published_document_is_named_by_its_public_record(approved):
    publication = publish(approved)
    answer = approved_version_by_hash(approved.current_version.content_hash)
    assert answer is not None
    assert answer["number"] == approved.number
    assert answer["title"] == "공개 제목"
    assert answer["url"].endswith(f"/documents/{publication.pk}/")


def test_a_withdrawn_publication_is_not_named_any_more(approved):
    publication = publish(approved)
    publication.withdrawn_at = timezone.now()
    publication.save()
    answer = approved_version_by_hash(approved.current_version.content_hash)
    assert answer == {"approved": True, "published": False}


def test_the_public_verify_endpoint_answers_which_document(
    django_capture_on_commit_callbacks, settings, tmp_path: Path, signing_dir: Path
):
    # GIVEN a published document whose official PDF was issued, and the lookup configured
    settings.MEDIA_ROOT = tmp_path
    settings.SIGNING_DOCUMENT_LOOKUP = LOOKUP
    with django_capture_on_commit_callbacks(execute=True):
        document, rendition = approve(approval_org())
    rendition.refresh_from_db()
    assert rendition.status == RenditionStatus.DONE
    publish(document)
    # WHEN anyone uploads the PDF to the verification API
    upload = tmp_path / "upload.pdf"
    upload.write_bytes(rendition.pdf.read())
    with upload.open("rb") as handle:
        response = APIClient().post("/api/verify/", {"file": handle}, format="multipart")
    # THEN it is valid and names the published document
    body = response.json()
    assert response.status_code == 200
    assert body["valid"] is True
    assert body["document"]["number"] == document.number
    assert body["document"]["published"] is True
