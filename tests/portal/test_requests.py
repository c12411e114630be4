"""The citizen's disclosure request from a document page, and its follow-up."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from disclosure.models import DisclosureRequest
from tests.portal.factories import approved_document, publish

pytestmark = pytest.mark.django_db

CITIZEN = {
    "name": "김시민",
    "email": "citizen@example.com",
    "phone": "010-9876-5432",
    "subject": "교량 점검 결과의 비공개 부분",
    "reason": "안전 확인",
    "consent": "on",
}


def _post(client: Client, data: dict[str, str], document: int | None = None):
    payload = dict(data)
    if document is not None:
        payload["document"] = str(document)
    return client.post(reverse("portal:request-new"), payload)


def test_a_partial_document_page_pre_fills_the_request(visitor):
    publication = publish(title="교량 점검", public_text="본문", level="partial", grounds=[6])
    url = reverse("portal:request-new") + f"?document={publication.pk}"
    html = visitor.get(url).content.decode()
    assert "교량 점검" in html
    assert "비공개 부분" in html
    assert f'name="document" value="{publication.pk}"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_request_for_an_unknown_or_unpublished_document_is_404(anonymous):
    # GIVEN an approved document awaiting its review: its only id is the document's
    hidden = approved_document(title="미공개")
    url = reverse("portal:request-new")
    assert anonymous.get(url + f"?document={hidden.pk}").status_code == 404
    assert anonymous.get(url + "?document=abc").status_code == 404


def test_sending_the_form_files_the_request_and_shows_the_receipt(visitor, caplog):
    publication = publish(title="교량 점검", public_text="본문", level="partial", grounds=[6])
    with caplog.at_level(logging.DEBUG):
        response = _post(visitor, CITIZEN, document=publication.pk)
    assert response.status_code == 302
    request = DisclosureRequest.objects.get()
    assert request.document_id == publication.document_id
    assert request.email == CITIZEN["email"]
    done = visitor.get(response["Location"]).content.decode()
    assert request.receipt_number in done
    for value in (CITIZEN["name"], CITIZEN["email"], CITIZEN["phone"]):
        assert value not in caplog.text


def test_a_request_without_a_document_is_filed_too(anonymous):
    unit_holder = publish(title="아무 문서")  # the organisation needs a unit
    assert unit_holder.pk
    response = _post(anonymous, CITIZEN)
    assert response.status_code == 302
    assert DisclosureRequest.objects.get().document is None


def test_missing_fields_are_named_and_nothing_is_filed(anonymous):
    response = _post(anonymous, {**CITIZEN, "email": "not-an-address", "consent": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count('class="error"') >= 2
    assert not DisclosureRequest.objects.exists()


def test_the_request_form_is_rate_limited(anonymous, settings):
    settings.PORTAL_REQUEST_RATE = "1/hour"
    publish(title="아무 문서")
    assert _post(anonymous, CITIZEN).status_code == 302
    assert _post(anonymous, CITIZEN).status_code == 429
    assert DisclosureRequest.objects.count() == 1


def test_csrf_is_enforced_on_the_request_form():
    client = Client(enforce_csrf_checks=True)
    assert _post(client, CITIZEN).status_code == 403


def test_the_follow_up_page_needs_the_receipt_number_and_the_same_email(visitor):
    publish(title="아무 문서")
    _post(visitor, CITIZEN)
    receipt = DisclosureRequest.objects.get().receipt_number
    url = reverse("portal:request-status")
    found = visitor.post(url, {"receipt_number": receipt, "email": CITIZEN["email"]})
    html = found.content.decode()
    assert receipt in html
    assert "접수" in html
    assert CITIZEN["name"] not in html
    assert CITIZEN["phone"] not in html
    wrong = visitor.post(url, {"receipt_number": receipt, "email": "other@example.com"})
    assert receipt not in wrong.content.decode().split("<form")[0]
    assert "일치하는 청구가 없습니다" in wrong.content.decode()
