"""POST /api/verify/: anyone may verify; bad input gets an error naming the field."""

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

URL = "/api/verify/"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_anonymous_can_verify_a_signed_pdf(api_client: APIClient, issued) -> None:
    document, pdf = issued["personnel"]

    response = api_client.post(URL, {"file": upload("doc.pdf", pdf.pdf)}, format="multipart")

    assert response.status_code == 200
    body = response.json()
    assert body["valid"] is True
    assert body["code"] == "valid"
    assert body["document_number"] == document.document_number
    assert body["content_hash"] == document.content_hash
    assert body["signer"]["fingerprint_sha256"]
    assert body["approval_record"]["kind"] == "personnel"


def test_a_tampered_pdf_is_answered_invalid(api_client: APIClient, memo_pdf) -> None:
    tampered = bytearray(memo_pdf)
    tampered[400] ^= 0x01

    response = api_client.post(URL, {"file": upload("x.pdf", bytes(tampered))}, format="multipart")

    assert response.status_code == 200
    assert response.json()["valid"] is False


def test_non_pdf_input_is_rejected_naming_the_field(api_client: APIClient, signing_dir) -> None:
    response = api_client.post(
        URL, {"file": upload("x.pdf", b"GIF89a not a pdf")}, format="multipart"
    )

    assert response.status_code == 400
    body = response.json()
    assert body["type"] == "validation_error"
    assert body["errors"][0]["field"] == "file"
    assert body["errors"][0]["code"] == "not_pdf"


def test_oversize_input_is_rejected_naming_the_field(
    api_client: APIClient, settings, memo_pdf
) -> None:
    settings.SIGNING_VERIFY_MAX_BYTES = len(memo_pdf) - 1

    response = api_client.post(URL, {"file": upload("big.pdf", memo_pdf)}, format="multipart")

    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "field": "file",
        "code": "too_large",
        "message": response.json()["errors"][0]["message"],
    }


def test_a_body_far_over_the_limit_is_refused_before_parsing(
    api_client: APIClient, settings
) -> None:
    settings.SIGNING_VERIFY_MAX_BYTES = 1024

    response = api_client.post(
        URL, {"file": upload("big.pdf", b"%PDF-1.7\n" + b"0" * 200_000)}, format="multipart"
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "file"


def test_a_missing_file_is_rejected_naming_the_field(api_client: APIClient) -> None:
    response = api_client.post(URL, {}, format="multipart")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "file"
