"""A citizen's request: consent is required everywhere, the e-mail never rides in a URL."""

from pathlib import Path
from typing import Any

import pytest
import yaml
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from disclosure.models import DisclosureRequest
from tests.disclosure.records import approved_document

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CREATE = "/api/public/disclosure-requests/"
CITIZEN: dict[str, Any] = {
    "name": "김시민",
    "email": "citizen@example.com",
    "subject": "회의록",
    "reason": "연구",
}


@pytest.fixture(autouse=True)
def _organisation() -> None:
    approved_document()  # the organisation a request without a document goes to


@pytest.mark.parametrize("consent", [None, False, "false"])
def test_the_api_refuses_a_request_without_consent_naming_the_field(consent: object) -> None:
    # GIVEN a citizen's request that does not consent (missing or refused)
    data = dict(CITIZEN) if consent is None else {**CITIZEN, "consent": consent}

    # WHEN it is sent to the public API
    response = APIClient().post(CREATE, data, format="json", HTTP_ACCEPT_LANGUAGE="ko")

    # THEN it is refused on `consent`, in Korean, and nothing is kept
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == ["consent"]
    assert "동의" in errors[0]["message"]
    assert not DisclosureRequest.objects.exists()


def test_the_follow_up_takes_the_email_in_the_body_never_in_the_query() -> None:
    # GIVEN a request made with consent
    created = APIClient().post(CREATE, {**CITIZEN, "consent": True}, format="json")
    assert created.status_code == 201
    url = f"{CREATE}{created.json()['receipt_number']}/"
    client = APIClient()

    # WHEN the citizen follows it up with the e-mail in a query string
    in_query = client.get(url, {"email": CITIZEN["email"]})

    # THEN that is not answered (the address would be in every access log) ...
    assert in_query.status_code == 405
    assert "status" not in in_query.json()
    # ... and the same e-mail in a POST body is
    answer = client.post(url, {"email": CITIZEN["email"]}, format="json")
    assert answer.status_code == 200
    assert answer.json()["status"] == "received"


def test_no_endpoint_of_the_api_takes_an_email_address_in_its_query() -> None:
    # GIVEN the committed API contract (regenerated and compared in CI)

    schema = yaml.safe_load((ROOT / "docs" / "api" / "openapi.yaml").read_text(encoding="utf-8"))
    # THEN no operation has an e-mail among its query parameters
    in_query = [
        (path, method)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if parameter.get("in") == "query"
        and ("email" in parameter["name"] or parameter.get("schema", {}).get("format") == "email")
    ]
    assert in_query == []


def test_the_portals_follow_up_looks_up_only_from_a_posted_form() -> None:
    # GIVEN a request and the portal's follow-up page
    receipt = APIClient().post(CREATE, {**CITIZEN, "consent": True}, format="json").json()
    client = Client()
    url = reverse("portal:request-status")

    # WHEN the receipt number and e-mail come in a query string
    asked = {"receipt_number": receipt["receipt_number"], "email": CITIZEN["email"]}
    page = client.get(url, asked)

    # THEN nothing is looked up (the form posts them), and the form's method is POST
    html = page.content.decode()
    assert page.status_code == 200
    assert 'role="status"' not in html
    assert '<form method="post"' in html
    posted = client.post(url, asked)
    assert 'role="status"' in posted.content.decode()
