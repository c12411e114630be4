"""Bulk approval: one comment, each task on its own, one result per task."""

import pytest
from rest_framework.test import APIClient

from approvals.models import ApprovalStep, StepStatus
from audit.models import AuditEvent
from tests.factories.approvals import approval_org, open_step, submit
from tests.factories.directory import PersonFactory

URL = "/api/tasks/bulk-approve/"


def _client(person) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(user=person.user)
    return client


@pytest.mark.django_db
def test_each_task_gets_its_result_and_a_failure_undoes_no_other():
    # GIVEN three review tasks of the team leader; one of them already approved,
    # and a task of another organisation the team leader may not see
    org = approval_org()
    steps = [open_step(submit(org), org.reviewer) for _ in range(3)]
    client = _client(org.reviewer)
    assert client.post(f"/api/tasks/{steps[1].pk}/approve/", format="json").status_code == 200
    other = approval_org()
    hidden = open_step(submit(other), other.reviewer)

    # WHEN they approve all four at once with one comment
    ids = [steps[0].pk, steps[1].pk, hidden.pk, steps[2].pk]
    response = client.post(URL, {"task_ids": ids, "comment": "일괄 확인"}, format="json")

    # THEN each task has its result, in order
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["task"] for r in results] == ids
    assert [r["outcome"] for r in results] == ["approved", "conflict", "refused", "approved"]
    assert results[0]["document"]["status"] == "in_progress"
    assert results[1]["acted_by"]["name"] == org.reviewer.name
    assert results[1]["code"] == "conflict"
    # the hidden task is "not found", as the single approval answers it: nothing leaks
    assert results[2] == {"task": hidden.pk, "outcome": "refused", "code": "not_found",
                          "detail": "Not found."}  # fmt: skip
    # AND the approvals around the failures were kept, with the one comment
    for step in (steps[0], steps[2]):
        step.refresh_from_db()
        assert step.status == StepStatus.APPROVED
        assert step.comment == "일괄 확인"
    hidden.refresh_from_db()
    assert hidden.status == StepStatus.PENDING


@pytest.mark.django_db
def test_a_task_that_is_not_theirs_is_refused_with_the_reason():
    org = approval_org()
    document = submit(org)
    approver_step = ApprovalStep.objects.get(stage__document=document, assignee=org.approver)
    reviewer_step = open_step(document, org.reviewer)

    response = _client(org.approver).post(
        URL, {"task_ids": [approver_step.pk, reviewer_step.pk]}, format="json"
    )

    results = response.json()["results"]
    # the approver's step waits behind the review: not open; the review is not theirs
    assert results[0]["outcome"] == "conflict"
    assert results[1] == {"task": reviewer_step.pk, "outcome": "refused",
                          "code": "permission_denied",
                          "detail": "This task is assigned to someone else."}  # fmt: skip


@pytest.mark.django_db
def test_a_replayed_batch_acts_once_and_another_body_with_its_key_is_refused():
    org = approval_org()
    steps = [open_step(submit(org), org.reviewer) for _ in range(2)]
    client = _client(org.reviewer)
    body = {"task_ids": [s.pk for s in steps], "comment": "확인"}

    first = client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="batch-1")
    events = AuditEvent.objects.count()
    replay = client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="batch-1")

    assert first.status_code == replay.status_code == 200
    # the replay answers "approved" again (not a conflict with oneself) and acts not at all
    assert replay.json() == first.json()
    assert [r["outcome"] for r in replay.json()["results"]] == ["approved", "approved"]
    assert AuditEvent.objects.count() == events
    other = client.post(
        URL, {**body, "comment": "다른 의견"}, format="json", HTTP_IDEMPOTENCY_KEY="batch-1"
    )
    assert other.status_code == 422
    assert other.json()["type"] == "idempotency_key_reused"


@pytest.mark.django_db
def test_a_half_done_batch_replayed_acts_only_on_what_it_had_not_reached():
    # GIVEN a batch whose first task was approved under its key before the batch stopped
    org = approval_org()
    steps = [open_step(submit(org), org.reviewer) for _ in range(2)]
    client = _client(org.reviewer)
    once = client.post(
        URL, {"task_ids": [steps[0].pk], "comment": ""}, format="json", HTTP_IDEMPOTENCY_KEY="b"
    )
    assert once.json()["results"][0]["outcome"] == "approved"

    # WHEN the whole batch is sent with another key, then again with the same one
    body = {"task_ids": [steps[0].pk, steps[1].pk]}
    again = client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="c")
    assert [r["outcome"] for r in again.json()["results"]] == ["conflict", "approved"]
    replay = client.post(URL, body, format="json", HTTP_IDEMPOTENCY_KEY="c")

    # THEN the replay repeats the answers and approves nothing twice
    assert replay.json() == again.json()
    assert AuditEvent.objects.filter(action="step.approved").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "ids", [[], list(range(1, 52)), [1, 1]], ids=["none", "more than 50", "twice"]
)
def test_the_batch_is_from_one_to_fifty_distinct_tasks(ids):
    person = PersonFactory.create()
    response = _client(person).post(URL, {"task_ids": ids}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "task_ids"


@pytest.mark.django_db
def test_anonymous_and_non_staff_cannot_bulk_approve(django_user_model):
    assert APIClient().post(URL, {"task_ids": [1]}, format="json").status_code == 401
    user = django_user_model.objects.create_user("nobody", password="x")
    client = APIClient()
    client.force_authenticate(user=user)
    assert client.post(URL, {"task_ids": [1]}, format="json").status_code == 403
