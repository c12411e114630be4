"""Disclosure requests through the API: the citizen's public endpoints and the
officers' list, decide and extend, once per path of the flow; access for each kind of user."""

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from directory.models import Person
from disclosure.models import DisclosureRequest
from disclosure.services.calendar import add_working_days
from portal.models import Publication
from tests.disclosure.records import (
    BODY_WITH_PERSONAL_DATA,
    approved_document,
    officer,
    publishing,  # noqa: F401 - fixture
)
from tests.factories.directory import PersonFactory

pytestmark = pytest.mark.django_db

CREATE = "/api/public/disclosure-requests/"


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


def _as(person=None) -> APIClient:
    client = APIClient()
    if person is not None:
        client.force_authenticate(person.user)
    return client


def _ask(publication: Publication | None = None, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "김시민",
        "email": "citizen@example.com",
        "subject": "회의록",
        "reason": "연구",
        "consent": True,
    }
    if publication is not None:
        data["publication"] = publication.pk
    data.update(fields)
    response = APIClient().post(CREATE, data, format="json")
    assert response.status_code == 201, response.json()
    result: dict[str, Any] = response.json()
    return result


def _closed_publication(
    body: str = BODY_WITH_PERSONAL_DATA, ground: int = 6
) -> tuple[Publication, Person]:
    """A closed document citizens know of by its metadata, and its records officer."""
    from disclosure.services.publish import publication_publish
    from disclosure.services.review import review_decide
    from disclosure.services.tagging import disclosure_tag

    document = approved_document(body=body)
    records = officer(unit=document.unit)
    review = disclosure_tag(document_id=document.pk)
    review_decide(review=review, actor=records, level="closed", grounds=[ground], reason="사유")
    return publication_publish(document=document, actor=records), records


@pytest.mark.usefixtures("publishing")
def test_citizen_asks_and_follows_up_without_logging_in():
    publication, _records = _closed_publication()
    created = _ask(publication)
    # THEN the answer has a receipt number and no contact details
    assert created["receipt_number"].endswith("-000001")
    assert created["status"] == "received"
    assert "email" not in created
    assert "name" not in created
    assert "phone" not in created
    url = f"{CREATE}{created['receipt_number']}/"
    # AND the follow-up needs the same e-mail, in the body; otherwise it is not found
    follow = APIClient()
    assert follow.post(url, {"email": "citizen@example.com"}).json()["status"] == "received"
    assert follow.post(url, {"email": "someone@example.com"}).status_code == 404
    assert follow.post(url).status_code == 400


def test_bad_input_is_refused_naming_the_field():
    response = APIClient().post(CREATE, {"name": "", "email": "x"}, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} >= {"name", "email", "subject"}
    assert not DisclosureRequest.objects.exists()


def test_a_document_not_published_cannot_be_named_by_the_public():
    approved_document()  # approved, not published
    response = APIClient().post(
        CREATE, {"name": "a", "email": "a@b.kr", "subject": "s", "publication": 1}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "publication"


def test_public_creation_is_throttled(settings):
    settings.DISCLOSURE_REQUEST_THROTTLE_RATE = "2/hour"
    officer()
    for _ in range(2):
        _ask()
    assert APIClient().post(CREATE, {"name": "a"}, format="json").status_code == 429


@pytest.mark.parametrize("path", ["granted", "partial", "refused", "extended"])
@pytest.mark.usefixtures("publishing")
def test_each_path_through_the_api(path):
    # GIVEN a citizen's request for a closed document (without personal data when granted)
    if path == "granted":
        publication, records = _closed_publication(body="<p>협상이 끝났습니다.</p>", ground=5)
    else:
        publication, records = _closed_publication()
    receipt = _ask(publication)["receipt_number"]
    request = DisclosureRequest.objects.get(receipt_number=receipt)
    staff = _as(records)
    base = f"/api/disclosure/requests/{request.pk}"
    # WHEN the officer acts along the path
    if path == "extended":
        extended = staff.post(f"{base}/extend/", {"reason": "제3자 의견 청취"})
        assert extended.status_code == 200
        assert extended.json()["deadline"] == add_working_days(request.due_date, 10).isoformat()
        assert staff.post(f"{base}/extend/", {"reason": "again"}).status_code == 409
    decision = {
        "granted": {"decision": "disclose", "grounds": [], "reason": ""},
        "partial": {"decision": "partial", "grounds": [6], "reason": "개인정보 제외"},
        "refused": {"decision": "refuse", "grounds": [6], "reason": "개인정보"},
        "extended": {"decision": "refuse", "grounds": [6], "reason": "개인정보"},
    }[path]
    decided = staff.post(f"{base}/decide/", decision, format="json")
    assert decided.status_code == 200, decided.json()
    # THEN the citizen sees the outcome, and a granted request published the text
    status = APIClient().post(f"{CREATE}{receipt}/", {"email": "citizen@example.com"}).json()
    publication.refresh_from_db()
    if path == "granted":
        assert status["status"] == "granted"
        assert (publication.level, publication.public_text.endswith("협상이 끝났습니다.")) == (
            "open",
            True,
        )
    elif path == "partial":
        assert status["status"] == "partial"
        assert status["decision_grounds"] == [6]
        assert publication.level == "partial"
        assert publication.public_text
        assert "010-2345-6789" not in publication.public_text
    else:
        assert status["status"] == "refused"
        assert publication.level == "closed"
        assert publication.public_text == ""
    assert staff.post(f"{base}/decide/", decision, format="json").status_code == 409


@pytest.mark.usefixtures("publishing")
def test_full_disclosure_of_an_open_document():
    document = approved_document()
    records = officer(unit=document.unit)
    # the document is not public: the request names no publication, but the officer's
    # unit receives it and the officer links nothing; the service path covers documents
    from disclosure.services.requests import disclosure_request_create

    request = disclosure_request_create(
        name="a", email="a@b.kr", phone="", subject="s", reason="", document=document,
        client_address=None, consent=True,
    )  # fmt: skip
    response = _as(records).post(
        f"/api/disclosure/requests/{request.pk}/decide/",
        {"decision": "disclose"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "granted"
    assert Publication.objects.get(document=document).level == "open"


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_staff_endpoints_refuse_others(who):
    officer()
    receipt = _ask()["receipt_number"]
    request = DisclosureRequest.objects.get(receipt_number=receipt)
    client = _as(None if who == "anonymous" else PersonFactory.create())
    for method, url, data in [
        ("get", "/api/disclosure/requests/", {}),
        ("get", f"/api/disclosure/requests/{request.pk}/", {}),
        ("post", f"/api/disclosure/requests/{request.pk}/decide/", {"decision": "disclose"}),
        ("post", f"/api/disclosure/requests/{request.pk}/extend/", {"reason": "r"}),
    ]:
        assert getattr(client, method)(url, data, format="json").status_code in (401, 403)
    assert DisclosureRequest.objects.get(pk=request.pk).status == "received"


def test_officers_list_requests_in_bounded_queries():
    records = officer()
    for n in range(6):
        _ask(email=f"c{n}@example.com")
    client = _as(records)
    client.get("/api/disclosure/requests/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/disclosure/requests/", {"status": "received"})
    assert response.status_code == 200
    assert response.json()["count"] == 6
    assert response.json()["results"][0]["email"].endswith("@example.com")
    assert len(queries) <= 4
