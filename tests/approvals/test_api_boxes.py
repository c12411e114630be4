"""The boxes: what each holds, their filters, and a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from approvals.services import step_approve, step_hold, step_return
from documents.models import DocumentKind
from tests.factories.approvals import approval_org, draft, open_step, submit

pytestmark = pytest.mark.django_db


def _ids(client: APIClient, box: str, **params: str | int) -> list[int]:
    response = client.get(f"/api/boxes/{box}/", params)
    assert response.status_code == 200, response.json()
    return [item["document"]["id"] for item in response.json()["results"]]


def test_each_box_holds_what_its_name_says(client_as):
    org = approval_org()
    a_draft = draft(org)
    waiting = submit(org, title="결재 대기")
    held = submit(org)
    step_hold(step_id=open_step(held, org.reviewer).pk, actor=org.reviewer, reason="보류")
    returned = submit(org)
    step_return(step_id=open_step(returned, org.reviewer).pk, actor=org.reviewer, reason="x")
    done = submit(org)
    step_approve(step_id=open_step(done, org.reviewer).pk, actor=org.reviewer)
    step_approve(step_id=open_step(done, org.approver).pk, actor=org.approver)

    drafter, reviewer = client_as(org.drafter), client_as(org.reviewer)
    assert _ids(drafter, "drafts") == [a_draft.pk]
    assert set(_ids(drafter, "in_progress")) == {waiting.pk, held.pk}
    assert _ids(drafter, "returned") == [returned.pk]
    assert _ids(drafter, "completed") == [done.pk]
    assert _ids(reviewer, "to_act") == [waiting.pk]
    assert _ids(reviewer, "on_hold") == [held.pk]
    assert _ids(reviewer, "completed") == [done.pk]
    assert _ids(drafter, "to_act") == []
    assert drafter.get("/api/boxes/").json()["counts"]["in_progress"] == 2
    assert drafter.get("/api/boxes/nonsense/").status_code == 404
    assert APIClient().get("/api/boxes/to_act/").status_code in (401, 403)


def test_upcoming_holds_what_will_reach_me_and_leaves_once_it_has(client_as):
    # GIVEN a memo on its reviewer's desk, with its final approver after them
    org = approval_org()
    memo = submit(org, title="다음 차례")
    approver = client_as(org.approver)
    # THEN the approver sees it coming, and it is not yet theirs to act on
    assert _ids(approver, "upcoming") == [memo.pk]
    assert _ids(approver, "to_act") == []
    assert approver.get("/api/boxes/").json()["counts"]["upcoming"] == 1
    assert _ids(client_as(org.reviewer), "upcoming") == []
    # WHEN the reviewer approves THEN it moves from upcoming to the approver's to-act box
    step_approve(step_id=open_step(memo, org.reviewer).pk, actor=org.reviewer)
    assert _ids(approver, "upcoming") == []
    assert _ids(approver, "to_act") == [memo.pk]


def test_a_returned_document_is_no_longer_upcoming(client_as):
    org = approval_org()
    memo = submit(org)
    step_return(step_id=open_step(memo, org.reviewer).pk, actor=org.reviewer, reason="보완")
    assert _ids(client_as(org.approver), "upcoming") == []


def test_box_filters(client_as):
    org = approval_org()
    memo = submit(org, title="나무 심기 계획")
    budget = submit(org, DocumentKind.BUDGET, title="묘목 구입")
    reviewer = client_as(org.reviewer)
    assert _ids(reviewer, "to_act", kind="budget") == [budget.pk]
    assert _ids(reviewer, "to_act", q="나무") == [memo.pk]
    assert _ids(reviewer, "to_act", unit=org.chain.bureau.pk) == []
    assert set(_ids(reviewer, "to_act", unit=org.chain.team.pk)) == {memo.pk, budget.pk}
    assert memo.submitted_at is not None
    today = timezone.localtime(memo.submitted_at).date().isoformat()  # the period is local
    assert len(_ids(reviewer, "to_act", date_from=today, date_to=today)) == 2
    assert _ids(reviewer, "to_act", date_to="2000-01-01") == []


def _queries(client: APIClient, page_size: int) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/api/boxes/to_act/", {"page_size": page_size})
    assert response.status_code == 200
    return len(response.json()["results"]), len(context.captured_queries)


def test_the_inbox_costs_the_same_queries_for_5_or_50_items(
    client_as, django_assert_max_num_queries
):
    # GIVEN 50 documents waiting for the reviewer, some with a consultation
    org = approval_org()
    for index in range(50):
        submit(org, DocumentKind.BUDGET if index % 2 else DocumentKind.MEMO)
    reviewer = client_as(org.reviewer)

    # WHEN the inbox is read 5 and 50 at a time, THEN the query count does not change
    small, small_queries = _queries(reviewer, 5)
    large, large_queries = _queries(reviewer, 50)
    assert (small, large) == (5, 50)
    assert small_queries == large_queries
    with django_assert_max_num_queries(4):  # person, count, page (+ session/user)
        reviewer.get("/api/boxes/to_act/", {"page_size": 50})
