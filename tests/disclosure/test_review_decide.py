"""Deciding a level: open is refused at the decision while anything is removed."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from disclosure.models import DisclosureReview
from disclosure.services.review import redaction_remove
from disclosure.services.tagging import disclosure_tag
from tests.disclosure.records import BODY_WITH_PERSONAL_DATA, approved_document, officer

pytestmark = pytest.mark.django_db


def _decide_open(client: APIClient, review: DisclosureReview) -> Any:
    return client.post(
        f"/api/disclosure/reviews/{review.pk}/decide/",
        {"level": "open", "grounds": [], "reason": "공개해도 무방"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ko",
    )


def test_open_is_refused_at_decide_while_redactions_are_applied() -> None:
    # GIVEN a review whose detector proposals (phone, e-mail, RRN ...) are applied
    review = disclosure_tag(document_id=approved_document(body=BODY_WITH_PERSONAL_DATA).pk)
    assert review.redactions.filter(rejected_at__isnull=True).exists()
    records = officer()
    client = APIClient()
    client.force_authenticate(records.user)
    before = DisclosureReview.objects.get(pk=review.pk)

    # WHEN the officer decides "open"
    response = _decide_open(client, review)

    # THEN it is refused on the level, in Korean, and the decision is unchanged
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == "level"
    assert "공개로 결정할 수 없습니다" in error["message"]
    after = DisclosureReview.objects.get(pk=review.pk)
    assert (after.level, after.decided_at) == (before.level, before.decided_at)

    # AND once every redaction is removed, open is accepted
    for redaction in review.redactions.filter(rejected_at__isnull=True):
        redaction_remove(redaction=redaction, actor=records)
    assert _decide_open(client, review).status_code == 200
    assert DisclosureReview.objects.get(pk=review.pk).level == "open"
