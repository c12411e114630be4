"""Live warnings while drafting: what the detector finds, where, never the value itself."""

import logging

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from disclosure.draft_scan import masked
from tests.factories.approvals import approval_org, draft
from tests.factories.directory import PersonFactory

URL = "/api/disclosure/draft-scan/"
RRN = "900101-1234567"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


def _client(person, language="ko") -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    client.force_authenticate(user=person.user)
    return client


@pytest.mark.django_db
def test_a_draft_is_told_what_and_where_without_the_value(caplog):
    # GIVEN a drafter typing a body with a resident number in its second paragraph
    person = PersonFactory.create()
    body = "<p>민원 처리 결과를 알립니다.</p><p>신청인 주민등록번호 " + RRN + " 확인</p>"

    # WHEN the screen asks for warnings
    with caplog.at_level(logging.DEBUG):
        response = _client(person).post(URL, {"title": "민원 회신", "body": body}, format="json")

    # THEN the finding names the kind in Korean, the paragraph and the offsets in it
    assert response.status_code == 200
    [finding] = response.json()["findings"]
    paragraph = "신청인 주민등록번호 " + RRN + " 확인"
    assert finding == {
        "kind": "rrn",
        "kind_label": "주민등록번호",
        "part": "body",
        "paragraph": 1,
        "start": paragraph.index(RRN),
        "end": paragraph.index(RRN) + len(RRN),
        "preview": "900101-1******",
    }
    # AND the full value is nowhere in the answer nor in the log
    assert "1234567" not in response.content.decode()
    assert "1234567" not in caplog.text


@pytest.mark.django_db
def test_the_title_is_scanned_and_labels_follow_the_language():
    person = PersonFactory.create()
    response = _client(person, "en").post(
        URL, {"title": "hong.gildong@gmail.com 회신", "body": ""}, format="json"
    )
    [finding] = response.json()["findings"]
    assert finding["part"] == "title"
    assert finding["paragraph"] is None
    assert (finding["start"], finding["end"]) == (0, len("hong.gildong@gmail.com"))
    assert finding["kind_label"] == "e-mail address"
    assert finding["preview"] == "hon*.*******@gmail.com"  # the provider, not the person


@pytest.mark.django_db
def test_the_drafters_office_number_and_officials_are_not_warned_about():
    # GIVEN a draft whose body gives the drafter's own office number
    org = approval_org()
    org.drafter.office_phone = "02-2133-1234"
    org.drafter.save()
    document = draft(org)
    body = "<p>문의: 담당자 전화 02-2133-1234, 신청인 휴대전화 010-9876-5432</p>"

    response = _client(org.drafter).post(
        URL, {"title": "", "body": body, "document": document.pk}, format="json"
    )

    # THEN only the applicant's mobile number is found, as tagging would find it
    assert [f["kind"] for f in response.json()["findings"]] == ["phone"]
    assert response.json()["findings"][0]["preview"].startswith("010-")


@pytest.mark.django_db
def test_only_its_drafter_may_name_a_document():
    org = approval_org()
    document = draft(org)
    response = _client(org.reviewer).post(URL, {"body": "", "document": document.pk}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "document"


@pytest.mark.django_db
def test_a_body_nested_deeper_than_a_document_may_is_refused(settings):
    settings.DOCUMENT_BODY_MAX_DEPTH = 5
    person = PersonFactory.create()
    body = "<div>" * 8 + "x" + "</div>" * 8
    response = _client(person).post(URL, {"body": body}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "field": "body",
        "code": "too_deep",
        "message": response.json()["errors"][0]["message"],
    }


@pytest.mark.django_db
def test_staff_only_and_throttled(settings, django_user_model):
    assert APIClient().post(URL, {"body": ""}, format="json").status_code == 401
    user = django_user_model.objects.create_user("no-staff", password="x")
    client = APIClient()
    client.force_authenticate(user=user)
    assert client.post(URL, {"body": ""}, format="json").status_code == 403

    settings.DISCLOSURE_DRAFT_SCAN_RATE = "2/min"
    staff = _client(PersonFactory.create())
    codes = [staff.post(URL, {"body": ""}, format="json").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


@pytest.mark.parametrize(
    ("value", "shown", "expected"),
    [
        ("900101-1234567", 7, "900101-1******"),
        ("010-9876-5432", None, "010-****-****"),
        ("홍길동", None, "홍**"),
    ],
)
def test_a_preview_masks_all_but_the_start(value, shown, expected):
    assert masked(value, shown=shown) == expected
