"""The records officer's console API: every endpoint as anonymous, as a user without
the right and as a records officer; the queue's query count is bounded."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from disclosure.models import DisclosureReview, Redaction, WithheldParagraph
from disclosure.services.tagging import disclosure_tag
from documents.models import Attachment
from portal.models import Publication
from tests.disclosure.records import (
    BODY_WITH_PERSONAL_DATA,
    approved_document,
    officer,
    publishing,  # noqa: F401 - fixture
)
from tests.factories.directory import PersonFactory
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db


def client_for(person=None) -> APIClient:
    client = APIClient()
    if person is not None:
        client.force_authenticate(person.user)
    return client


@pytest.fixture
def review() -> DisclosureReview:
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    return disclosure_tag(document_id=document.pk)


def _endpoints(review: DisclosureReview) -> list[tuple[str, str, dict[str, Any]]]:
    base = f"/api/disclosure/reviews/{review.pk}"
    redaction = review.redactions.order_by("id")[0]
    return [
        ("get", "/api/disclosure/reviews/", {}),
        ("get", f"{base}/", {}),
        ("post", f"{base}/decide/", {"level": "partial", "grounds": [6], "reason": "r"}),
        ("post", f"{base}/hold/", {"reason": "r"}),
        ("post", f"{base}/release-hold/", {}),
        ("post", f"{base}/redactions/", {"field": "body", "start": 0, "end": 2}),
        ("post", f"{base}/redactions/{redaction.pk}/remove/", {}),
        ("post", f"{base}/publish/", {}),
        ("post", "/api/disclosure/reviews/bulk-publish/", {"documents": [review.document_id]}),
        ("post", "/api/disclosure/publications/1/withdraw/", {"reason": "r"}),
        ("get", "/api/disclosure/requests/", {}),
    ]


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_console_refuses_everyone_but_records_officers(review, who):
    # GIVEN anonymous, or a logged-in civil servant who is not a records officer
    client = client_for(None if who == "anonymous" else PersonFactory.create())
    # WHEN they call any console endpoint
    for method, url, data in _endpoints(review):
        response = getattr(client, method)(url, data, format="json")
        # THEN they are refused, and nothing changed
        assert response.status_code in (401, 403), (method, url, response.status_code)
    assert not Publication.objects.exists()
    assert DisclosureReview.objects.get(pk=review.pk).held_at is None


def test_queue_lists_pending_reviews_oldest_due_first_in_bounded_queries(review):
    records = officer()
    for _ in range(5):
        disclosure_tag(document_id=approved_document(body=BODY_WITH_PERSONAL_DATA).pk)
    client = client_for(records)
    client.get("/api/disclosure/reviews/")  # warm the user's groups and sessions
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/disclosure/reviews/", {"disagrees": "true"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 6
    assert [r["due_at"] for r in results] == sorted(r["due_at"] for r in results)
    assert results[0]["redaction_count"] == 5  # address, e-mail, name, phone, RRN
    assert results[0]["disagrees"] is True
    assert len(queries) <= 6
    # AND the filters narrow it
    other_kind = client.get("/api/disclosure/reviews/", {"kind": "budget"}).json()
    assert other_kind["count"] == 0
    by_unit = client.get("/api/disclosure/reviews/", {"unit": review.document.unit_id}).json()
    assert [r["id"] for r in by_unit["results"]] == [review.pk]


def test_detail_shows_texts_with_findings_explanations_and_preview(review):
    response = client_for(officer()).get(f"/api/disclosure/reviews/{review.pk}/")
    assert response.status_code == 200
    data = response.json()
    body = next(t for t in data["texts"] if t["name"] == "body")
    phone = next(r for r in body["redactions"] if r["kind"] == "phone")
    assert body["text"][phone["start"] : phone["end"]] == "010-2345-6789"
    assert phone["applied"]
    assert phone["reason"]
    assert any(e["finding_kind"] == "rrn" for e in data["explanations"])
    assert "010-2345-6789" not in data["preview"]["text"]
    assert len(data["paragraphs"]) == 5


@pytest.mark.usefixtures("publishing")
def test_officer_decides_redacts_and_publishes(review):
    records = officer()
    client = client_for(records)
    base = f"/api/disclosure/reviews/{review.pk}"
    # A span outside the text is refused, naming the field
    bad = client.post(f"{base}/redactions/", {"field": "body", "start": 5, "end": 99999})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "end"
    # A valid span is added; the detector's RRN proposal is removed
    added = client.post(
        f"{base}/redactions/", {"field": "body", "start": 12, "end": 15, "ground": 6}
    )
    assert added.status_code == 201
    rrn = review.redactions.get(kind="rrn")
    assert client.post(f"{base}/redactions/{rrn.pk}/remove/").json()["applied"] is False
    # The decision needs a reason
    assert client.post(f"{base}/decide/", {"level": "partial", "grounds": [6]}).status_code == 400
    decided = client.post(
        f"{base}/decide/", {"level": "partial", "grounds": [6], "reason": "개인정보"}, format="json"
    )
    assert decided.status_code == 200
    published = client.post(f"{base}/publish/")
    assert published.status_code == 201
    assert published.json()["level"] == "partial"
    # Published: frozen (409), withdrawn with a reason, then editable again
    frozen = client.post(f"{base}/redactions/", {"field": "body", "start": 0, "end": 2})
    assert frozen.status_code == 409
    publication_id = published.json()["id"]
    no_reason = client.post(f"/api/disclosure/publications/{publication_id}/withdraw/", {})
    assert no_reason.status_code == 400
    withdrawn = client.post(
        f"/api/disclosure/publications/{publication_id}/withdraw/", {"reason": "오류"}
    )
    assert withdrawn.status_code == 200
    assert withdrawn.json()["withdrawn_at"]
    assert Redaction.objects.filter(review=review, source="officer").count() == 1


@pytest.mark.usefixtures("publishing")
def test_bulk_publish_reports_per_id(review):
    good = disclosure_tag(document_id=approved_document().pk)
    response = client_for(officer()).post(
        "/api/disclosure/reviews/bulk-publish/",
        {"documents": [good.document_id, 987654]},
        format="json",
    )
    assert response.status_code == 200
    assert [(r["document"], r["published"]) for r in response.json()] == [
        (good.document_id, True),
        (987654, False),
    ]


def test_attachment_release_and_hold(review):
    client = client_for(officer())
    attachment = Attachment.objects.create(
        document=review.document, file="a/x.pdf", name="x.pdf", content_type="application/pdf",
        size=1, sha256="0" * 64, uploaded_by=review.document.drafter, not_for_publication=True,
        withheld_ground=6,
    )  # fmt: skip
    url = f"/api/disclosure/reviews/{review.pk}/attachments/{attachment.pk}/release/"
    assert client.post(url, {}).status_code == 400  # withheld by the drafter: reason needed
    released = client.post(url, {"reason": "본인 동의"})
    assert released.status_code == 200
    assert released.json()["attachments"][0]["released"] is True
    assert client.delete(url).json()["attachments"][0]["released"] is False
    held = client.post(f"/api/disclosure/reviews/{review.pk}/hold/", {"reason": "확인 중"})
    assert held.status_code == 200
    assert held.json()["review"]["held_at"]


def test_withheld_paragraphs_drafter_while_drafting_officer_after(review):
    draft = DocumentFactory.create(body="<p>하나</p><p>둘</p>")
    url = f"/api/disclosure/documents/{draft.pk}/withheld-paragraphs/"
    # anonymous: refused; someone else: not found
    assert client_for().get(url).status_code in (401, 403)
    assert client_for(PersonFactory.create()).get(url).status_code == 404
    # the drafter marks paragraph 1 on ground 5
    drafter = client_for(draft.drafter)
    marked = drafter.put(f"{url}1/", {"ground": 5, "note": "협상 중"})
    assert marked.status_code == 200
    assert marked.json()["mark"]["ground"] == 5
    assert [p["mark"] is not None for p in drafter.get(url).json()] == [False, True]
    assert drafter.put(f"{url}7/", {"ground": 5}).status_code == 400
    # after approval the drafter may no longer change marks; the officer may
    approved_url = f"/api/disclosure/documents/{review.document_id}/withheld-paragraphs/"
    assert (
        client_for(review.document.drafter).put(f"{approved_url}0/", {"ground": 5}).status_code
        == 403
    )
    assert client_for(officer()).put(f"{approved_url}0/", {"ground": 5}).status_code == 200
    assert client_for(officer()).delete(f"{approved_url}0/").status_code == 204
    assert WithheldParagraph.objects.filter(document=draft).count() == 1
