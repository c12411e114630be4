"""The public verification page: upload a PDF, see the signing app's answer."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.portal.factories import publish

pytestmark = pytest.mark.django_db


def _upload(client: Client, data: bytes, name: str = "document.pdf"):
    file = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(reverse("portal:verify"), {"file": file})


def test_the_form_is_a_labelled_multipart_post_with_csrf(visitor):
    html = visitor.get(reverse("portal:verify")).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label for="id_file">' in html


def test_csrf_is_enforced():
    client = Client(enforce_csrf_checks=True)
    assert _upload(client, b"%PDF-1.7").status_code == 403


def test_a_signed_pdf_is_valid_and_matched_to_its_publication(visitor, signed_pdf):
    publication = publish(title="공개 문서", pdf=signed_pdf)
    html = _upload(visitor, signed_pdf).content.decode()
    assert "유효한 서명" in html
    assert "신뢰할 수 있는 서명자" in html
    assert publication.number in html
    assert f"/documents/{publication.pk}/" in html


def test_a_changed_pdf_is_not_valid(anonymous, signed_pdf):
    html = _upload(anonymous, signed_pdf + b"\n% appended\n").content.decode()
    assert "유효하지 않음" in html
    assert "이 파일과 일치하는 공개 문서가 없습니다" in html


def test_a_file_that_is_not_a_pdf_is_not_valid(anonymous):
    html = _upload(anonymous, b"hello").content.decode()
    assert "유효하지 않음" in html


def test_a_withdrawn_publication_is_not_named(anonymous, signed_pdf):
    from tests.portal.factories import withdraw

    publication = withdraw(publish(title="철회 문서", pdf=signed_pdf))
    publication.public_pdf_sha256 = hashlib.sha256(signed_pdf).hexdigest()
    publication.save()
    html = _upload(anonymous, signed_pdf).content.decode()
    assert "철회 문서" not in html


def test_an_empty_form_names_the_field(anonymous):
    response = anonymous.post(reverse("portal:verify"), {})
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()


def test_uploads_are_rate_limited_per_client(anonymous, settings):
    settings.PORTAL_VERIFY_RATE = "2/min"
    assert _upload(anonymous, b"x").status_code == 200
    assert _upload(anonymous, b"x").status_code == 200
    assert _upload(anonymous, b"x").status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert _upload(other, b"x").status_code == 200
