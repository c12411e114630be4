"""Idempotency-Key replays, two people acting on one task at the same moment, and a
flow lock that stays held."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction
from viewflow.workflow.models import Process

from approvals.models import ApprovalStep, StepStatus
from audit.models import AuditEvent
from core.models import IdempotencyKey
from documents.models import Document, DocumentStatus
from tests.factories.approvals import approval_org, open_step, submit
from tests.factories.directory import PersonFactory


@pytest.mark.django_db
def test_a_replayed_action_returns_the_first_answer_and_acts_once(client_as):
    org = approval_org()
    document = submit(org)
    step = open_step(document, org.reviewer)
    client = client_as(org.reviewer)
    url = f"/api/tasks/{step.pk}/approve/"

    first = client.post(url, {"comment": "확인"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    events = AuditEvent.objects.count()
    replay = client.post(url, {"comment": "확인"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")

    assert first.status_code == replay.status_code == 200
    assert replay.json() == first.json()
    assert replay["Idempotent-Replayed"] == "true"
    assert AuditEvent.objects.count() == events  # the replay did nothing
    # without the key, the same request is a conflict: the task was already done
    assert client.post(url, format="json").status_code == 409
    # the same key on another endpoint is refused
    other = client.post(
        f"/api/tasks/{step.pk}/hold/", {"reason": "x"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert other.status_code == 409


@pytest.mark.django_db
def test_a_failed_action_keeps_no_key(client_as):
    org = approval_org()
    step = open_step(submit(org), org.reviewer)
    client = client_as(org.reviewer)
    url = f"/api/tasks/{step.pk}/return/"
    assert client.post(url, {"reason": ""}, HTTP_IDEMPOTENCY_KEY="k-2").status_code == 400
    assert not IdempotencyKey.objects.filter(key="k-2").exists()
    assert client.post(url, {"reason": "보완"}, HTTP_IDEMPOTENCY_KEY="k-2").status_code == 200


def _race(calls: list[Callable[[], Any]]) -> list[int]:
    """Run the calls in threads released together; returns their status codes."""
    barrier = threading.Barrier(len(calls))
    codes: list[int] = []

    def run(call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            codes.append(call().status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return codes


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_of_one_task_one_wins(client_as):
    # GIVEN a final-approval task (its approval numbers the document)
    org = approval_org()
    document = submit(org)
    reviewer_step = open_step(document, org.reviewer)
    client_as(org.reviewer).post(f"/api/tasks/{reviewer_step.pk}/approve/")
    step = open_step(document, org.approver)
    url = f"/api/tasks/{step.pk}/approve/"

    # WHEN four requests approve it at the same moment
    codes = _race([lambda: client_as(org.approver).post(url) for _ in range(4)])

    # THEN exactly one succeeds, the others are told of the conflict (or to retry)
    assert sorted(codes)[0] == 200
    assert codes.count(200) == 1
    assert set(codes) <= {200, 409, 503}
    assert 409 in codes
    # AND nothing is duplicated: one number, one approval event, one approved step
    document = Document.objects.get(pk=document.pk)
    assert document.status == DocumentStatus.APPROVED
    assert AuditEvent.objects.filter(document=document, action="document.approved").count() == 1
    assert AuditEvent.objects.filter(document=document, action="step.approved").count() == 2
    assert (
        ApprovalStep.objects.filter(stage__document=document, status=StepStatus.APPROVED).count()
        == 2
    )


@pytest.mark.django_db(transaction=True)
def test_concurrent_replays_with_one_key_act_once(client_as):
    org = approval_org()
    step = open_step(submit(org), org.reviewer)
    url = f"/api/tasks/{step.pk}/approve/"

    def call():
        return client_as(org.reviewer).post(url, HTTP_IDEMPOTENCY_KEY="same")

    codes = _race([call, call, call])
    # the later requests wait for the first at the key's unique index, then replay it
    assert codes == [200, 200, 200]
    assert AuditEvent.objects.filter(action="step.approved").count() == 1


def _hold_lock(process_id: int) -> tuple[threading.Thread, threading.Event]:
    """Another transaction holding the flow lock (the process row) until released."""
    locked, release = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with transaction.atomic():
                Process.objects.select_for_update().filter(pk=process_id).exists()
                locked.set()
                release.wait(30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert locked.wait(10)
    return holder, release


@pytest.mark.django_db(transaction=True)
def test_a_lock_held_past_the_retries_answers_503_with_retry_after(client_as, settings):
    # GIVEN another transaction holding the document's flow lock (its process row)
    settings.APPROVALS_LOCK_ATTEMPTS = 2
    org = approval_org()
    step = open_step(submit(org), org.reviewer)
    process_id = ApprovalStep.objects.values_list("task__process_id", flat=True).get(pk=step.pk)
    holder, release = _hold_lock(process_id)
    url = f"/api/tasks/{step.pk}/approve/"
    try:
        # WHEN the owner approves while it stays held
        response = client_as(org.reviewer).post(url)
        # (someone else's attempt takes no lock, so it is answered at once)
        outsider = client_as(PersonFactory.create()).post(url)
        drafter = client_as(org.drafter).post(url)
    finally:
        release.set()
        holder.join(30)

    # THEN the answer says to retry shortly, and nothing changed
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert (outsider.status_code, drafter.status_code) == (404, 403)
    step.refresh_from_db()
    assert step.status == StepStatus.PENDING
    assert not AuditEvent.objects.filter(action="step.approved").exists()
    # AND once the lock is free the same action goes through
    assert client_as(org.reviewer).post(url).status_code == 200
