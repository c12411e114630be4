"""Attachments (limits, sniffing, download) and versions (list, content, diff) via the API."""

import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import DocumentStatus
from documents.services import version_snapshot
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def drafter_client(api_client, chain, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    api_client.force_authenticate(chain.drafter.user)
    return api_client


def _upload(client, document, name: str, content: bytes):
    return client.post(
        f"/api/documents/{document.pk}/attachments/",
        {"file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_an_upload_is_stored_with_its_hash_and_downloads_back(drafter_client, chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    response = _upload(drafter_client, document, "../../붙임 1.pdf", PDF)

    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "붙임 1.pdf"
    assert body["sha256"] == hashlib.sha256(PDF).hexdigest()
    download = drafter_client.get(
        f"/api/documents/{document.pk}/attachments/{body['id']}/download/"
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"


def test_an_office_file_is_recognised_by_its_entries(drafter_client, chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    assert _upload(drafter_client, document, "표.docx", _docx()).status_code == 201
    assert _upload(drafter_client, document, "표.xlsx", _docx()).status_code == 400


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("script.exe", b"MZ\x90\x00"),
        ("fake.pdf", b"<html><script>alert(1)</script></html>"),
        ("image.png", PDF),
        ("notes.txt", b"\x00\x01binary"),
        ("empty.pdf", b""),
    ],
)
def test_files_of_other_types_or_disguised_are_refused(
    drafter_client, chain, name, content
) -> None:
    document = DocumentFactory.create(drafter=chain.drafter)

    response = _upload(drafter_client, document, name, content)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "file"
    assert document.attachments.count() == 0


def test_a_file_over_the_size_limit_is_refused(drafter_client, chain, settings) -> None:
    settings.DOCUMENT_ATTACHMENT_MAX_BYTES = 100
    document = DocumentFactory.create(drafter=chain.drafter)

    response = _upload(drafter_client, document, "big.txt", b"a" * 101)

    assert response.status_code == 400
    assert _upload(drafter_client, document, "ok.txt", "가나다".encode()).status_code == 201


def test_attachments_are_frozen_once_submitted(drafter_client, chain) -> None:
    document = DocumentFactory.create(drafter=chain.drafter, status=DocumentStatus.IN_PROGRESS)

    assert _upload(drafter_client, document, "a.pdf", PDF).status_code == 400


def test_versions_list_content_and_tracked_changes(drafter_client, chain) -> None:
    # GIVEN two versions whose body differs by one word
    document = DocumentFactory.create(drafter=chain.drafter, body="<p>예산을 집행합니다</p>")
    original_title = document.title
    version_snapshot(document=document, reason="submitted", actor=chain.drafter)
    document.body = "<p>예산을 보류합니다</p>"
    document.title = "바뀐 제목"
    document.save()
    version_snapshot(document=document, reason="resubmitted", actor=chain.drafter)

    # WHEN the versions and their difference are read
    listed = drafter_client.get(f"/api/documents/{document.pk}/versions/").json()
    second = drafter_client.get(f"/api/documents/{document.pk}/versions/2/").json()
    diff = drafter_client.get(f"/api/documents/{document.pk}/versions/diff/?old=1&new=2").json()

    # THEN they show numbers, hashes, content and the word-level change
    assert [v["number"] for v in listed] == [1, 2]
    assert listed[0]["content_hash"] != listed[1]["content_hash"]
    assert second["content"]["title"] == "바뀐 제목"
    assert diff["body"] == [
        {"op": "equal", "text": "예산을 "},
        {"op": "delete", "text": "집행합니다"},
        {"op": "insert", "text": "보류합니다"},
    ]
    assert {"field": "title", "old": original_title, "new": "바뀐 제목"} in diff["changes"]
    assert drafter_client.get(f"/api/documents/{document.pk}/versions/3/").status_code == 404
