"""An Idempotency-Key replays only the request it was first sent with.

Sent again with another body, replaying would answer a request that never ran
(the approver believes "hold: 예산 확인 필요" was recorded when it was "hold: 다른
사유"): 422 with a message saying why. Key order and spacing are not a difference.
"""

import pytest
from rest_framework.test import APIClient

from audit.models import AuditEvent
from directory.models import Person
from tests.factories.approvals import approval_org, open_step, submit

pytestmark = pytest.mark.django_db


def _client(person: Person) -> APIClient:
    client = APIClient()
    client.force_authenticate(person.user)
    return client


def test_the_same_key_with_another_body_is_a_422_and_does_nothing() -> None:
    org = approval_org()
    step = open_step(submit(org), org.reviewer)
    client = _client(org.reviewer)
    url = f"/api/tasks/{step.pk}/approve/"
    first = client.post(url, {"comment": "확인"}, format="json", HTTP_IDEMPOTENCY_KEY="k-9")
    assert first.status_code == 200
    events = AuditEvent.objects.count()

    # WHEN the same key comes back with another comment
    reused = client.post(
        url,
        {"comment": "다른 의견"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="k-9",
        HTTP_ACCEPT_LANGUAGE="ko",
    )

    # THEN it is refused, in the error shape and in Korean, and nothing was done
    assert reused.status_code == 422
    body = reused.json()
    assert body["type"] == "idempotency_key_reused"
    assert body["detail"].startswith("이 Idempotency-Key는 본문이 다른 요청에 이미 쓰였습니다.")
    assert "Idempotent-Replayed" not in reused
    assert AuditEvent.objects.count() == events


def test_the_same_body_in_another_key_order_and_spacing_is_replayed() -> None:
    org = approval_org()
    step = open_step(submit(org), org.reviewer)
    client = _client(org.reviewer)
    url = f"/api/tasks/{step.pk}/hold/"
    first = client.post(
        url,
        '{"reason": "예산 확인 필요", "comment": "c"}',
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="k-10",
    )
    assert first.status_code == 200, first.content

    replay = client.post(
        url,
        '{ "comment":"c","reason":"예산 확인 필요" }',
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="k-10",
    )

    assert replay.status_code == 200
    assert replay["Idempotent-Replayed"] == "true"
    assert replay.json() == first.json()
