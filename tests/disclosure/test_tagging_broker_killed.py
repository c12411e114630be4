"""The broker killed during a series of final approvals: every approval answers, every
approved document ends with exactly one review.

Real services: PostgreSQL shared with a real Celery worker over a redis-server this
test starts on a port of its own and kills (SIGKILL, no persistence: every message it
held is gone). The approvals go through the HTTP API of this process, which sends its
tasks over that Redis as a web process would. After Redis and the worker come back,
beat's tagging sweep, sent here as beat would send it, recovers what was lost.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import Celery
from rest_framework.test import APIClient

from approvals.services import step_approve
from audit.models import AuditEvent
from config.celery import app as dojang_celery
from disclosure.models import DisclosureReview, TaggingJob, TaggingStatus
from documents.models import Document, DocumentStatus
from tests.factories.approvals import ApprovalOrg, approval_org, open_step, submit
from tests.support.processes import (
    RedisServer,
    celery_worker,
    django_env,
    started,
    wait_for,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

APPROVALS = 9
DOWN = range(3, 6)  # the approvals made while Redis is dead
UNWORKED = "test-unworked"  # the PDFs go here: nobody renders them in this test


def _fresh_connections() -> None:
    # Celery caches its broker pool and producers on first use; drop them so the next
    # send uses the broker just configured.
    vars(dojang_celery).pop("amqp", None)
    dojang_celery._pool = None  # type: ignore[attr-defined]


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.kill()


@pytest.fixture
def producer(redis_server: RedisServer) -> Iterator[None]:
    """This process sends its tasks over the test's Redis, as a web process would."""
    conf = dojang_celery.conf
    saved = (conf.task_always_eager, conf.broker_url, conf.task_routes)
    conf.update(
        task_always_eager=False,
        broker_url=redis_server.url,
        task_routes={"signing.*": {"queue": UNWORKED}},
    )
    _fresh_connections()
    yield
    conf.update(task_always_eager=saved[0], broker_url=saved[1], task_routes=saved[2])
    _fresh_connections()


def ready_for_final_approval(org: ApprovalOrg) -> dict[int, int]:
    """Documents reviewed on their line, by the step of the division head's approval
    that is all they wait for."""
    steps = {}
    for _ in range(APPROVALS):
        document = submit(org)
        step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
        steps[open_step(document, org.approver).pk] = document.pk
    return steps


def all_tagged(documents: list[Document]) -> bool:
    done = TaggingJob.objects.filter(document__in=documents, status=TaggingStatus.DONE)
    return done.count() == len(documents)


def test_every_approval_answers_and_every_document_is_tagged_once_after_the_broker_died(
    redis_server, producer, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    env = django_env(
        tmp_path,
        CELERY_BROKER_URL=redis_server.url,
        SIGNING_CELERY_QUEUE=UNWORKED,
        DISCLOSURE_TAGGING_RETRY_SECONDS="2",
    )
    # GIVEN documents waiting for their final approval, and a worker over the test's Redis
    org = approval_org()
    steps = ready_for_final_approval(org)
    client = APIClient()
    client.force_authenticate(user=org.approver.user)
    statuses = []
    with started("worker-1", celery_worker("first", "celery"), env=env, tmp_path=tmp_path) as w:
        # WHEN the approvals are made through the API, and Redis is killed for three
        for index, step_id in enumerate(steps):
            if index == DOWN.start:
                redis_server.kill()
            if index == DOWN.stop:
                redis_server.start()
            statuses.append(client.post(f"/api/tasks/{step_id}/approve/").status_code)
        w.stop()
        worker_log = w.tail()

    # THEN every approval answered success, and every document is approved
    assert statuses == [200] * APPROVALS, worker_log
    approved = list(Document.objects.filter(pk__in=steps.values(), status=DocumentStatus.APPROVED))
    assert len(approved) == APPROVALS

    # AND the documents approved while Redis was dead still owe their review
    lost = TaggingJob.objects.filter(document__in=approved, status=TaggingStatus.PENDING)
    assert lost.count() >= len(DOWN)

    # WHEN the worker is back, and beat's sweep comes every two seconds
    # Never the current app: shared tasks would send through it for the rest of the run.
    beat = Celery(broker=redis_server.url, set_as_current=False)

    def swept_and_tagged() -> bool:
        beat.send_task("disclosure.sweep_pending_tagging")
        return all_tagged(approved)

    with started("worker-2", celery_worker("second", "celery"), env=env, tmp_path=tmp_path) as w:
        tagged = wait_for(swept_and_tagged, seconds=120, every=2)
        log = w.tail()

    # THEN every approved document has exactly one review, made by one tagging run
    assert tagged, log
    for document in approved:
        assert DisclosureReview.objects.filter(document=document).count() == 1
        events = AuditEvent.objects.filter(document=document, action="disclosure.tagged")
        assert events.count() == 1
