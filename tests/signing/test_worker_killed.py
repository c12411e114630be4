"""A worker killed (kill -9) in the middle of issuing a PDF: the PDF still comes, once.

Real services: PostgreSQL shared with two real Celery worker processes over Redis.
The first worker is slowed down by the test-only tests.support.slow_render
(it waits between signing and storing) and killed while it waits; its message is
lost with it (unacknowledged). The beat sweep, sent here as beat would send it,
hands the rendition to a second worker once the first one's lease has run out.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from celery import Celery

from audit.models import AuditEvent
from config.celery import app as dojang_celery
from signing.models import Rendition, RenditionStatus
from signing.services import official_pdf_verify
from tests.factories.approvals import approval_org
from tests.signing.issuance_support import approve, signature_count
from tests.support.processes import database_url
from tests.support.slow_render import slow_render_env

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def queue() -> str:
    return f"test-signing-{uuid.uuid4().hex[:12]}"


def _fresh_connections() -> None:
    # Celery caches its broker pool, routes and producers on first use; drop them so
    # the next send uses the configuration just set.
    vars(dojang_celery).pop("amqp", None)
    dojang_celery._pool = None  # type: ignore[attr-defined]


@pytest.fixture
def producer(redis_broker_url: str, queue: str) -> Iterator[None]:
    """This process sends its tasks over Redis to `queue`, as a web process would."""
    conf = dojang_celery.conf
    saved = (conf.task_always_eager, conf.broker_url, conf.task_routes)
    conf.update(
        task_always_eager=False,
        broker_url=redis_broker_url,
        task_routes={"signing.*": {"queue": queue}},
    )
    _fresh_connections()
    yield
    conf.update(task_always_eager=saved[0], broker_url=saved[1], task_routes=saved[2])
    _fresh_connections()


@pytest.fixture
def start_worker(
    redis_broker_url: str, queue: str, signing_dir: Path, tmp_path: Path
) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []

    def start(name: str, **settings: str) -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PYTHONPATH": f"{ROOT / 'backend'}{os.pathsep}{ROOT}",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": redis_broker_url,
            "SIGNING_CELERY_QUEUE": queue,
            "SIGNING_DIR": str(signing_dir),
            "MEDIA_ROOT": str(tmp_path / "media"),
            **settings,
        }
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue]
        command += ["-c", "1", "-n", f"{name}@%h", "--without-gossip", "--without-mingle"]
        with (tmp_path / f"{name}.log").open("wb") as log:
            worker = subprocess.Popen(
                command, cwd=ROOT / "backend", env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: kill -9 takes the pool too
            )  # fmt: skip
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)


def wait_for(condition: Callable[[], bool], *, seconds: float, every: float = 0.5) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def status_of(rendition: Rendition) -> str:
    rendition.refresh_from_db()
    return rendition.status


def test_a_pdf_survives_its_worker_killed_mid_job(
    producer, start_worker, redis_broker_url, queue, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    # GIVEN a slow first worker (it waits 60 s between signing and storing)
    first = start_worker(
        "first",
        **slow_render_env(60),
        SIGNING_ISSUE_TIME_LIMIT_SECONDS="120",
        SIGNING_RENDITION_LEASE_SECONDS="150",
    )
    # AND a document whose final approval commits (the task goes over Redis)
    document, rendition = approve(approval_org())
    claimed = wait_for(lambda: status_of(rendition) == RenditionStatus.RENDERING, seconds=90)
    assert claimed, (rendition.status, (tmp_path / "first.log").read_text()[-3000:])
    time.sleep(8)  # the render and signature are done; it is waiting to store

    # WHEN the worker is killed with SIGKILL mid-job
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    # THEN nothing was stored and the row still shows the dead claim
    rendition.refresh_from_db()
    assert (rendition.status, rendition.attempts, rendition.pdf.name) == ("rendering", 1, "")

    # WHEN a second worker runs, with a short lease, and beat's sweep comes every 2 s
    start_worker(
        "second", SIGNING_ISSUE_TIME_LIMIT_SECONDS="20", SIGNING_RENDITION_LEASE_SECONDS="25"
    )
    # Never the current app: shared tasks would send through it for the rest of the run.
    beat = Celery(broker=redis_broker_url, set_as_current=False)

    def swept_and_done() -> bool:
        beat.send_task("signing.sweep_pending_renditions", queue=queue)
        return status_of(rendition) == RenditionStatus.DONE

    # THEN the rendition ends done, issued once: one PDF, one signature, one event
    assert wait_for(swept_and_done, seconds=120, every=2), (tmp_path / "second.log").read_text()
    assert rendition.attempts == 2
    data = rendition.pdf.read()
    assert official_pdf_verify(data=data).valid
    assert signature_count(data) == 1
    stored = list((tmp_path / "media").rglob("*.pdf"))
    assert len(stored) == 1
    events = AuditEvent.objects.filter(document=document, action="document.pdf_issued")
    assert events.count() == 1
    assert Rendition.objects.filter(version__document=document).count() == 1


def test_the_issue_task_acks_late_and_is_requeued_when_its_worker_dies(settings):
    from signing.tasks import issue_official_pdf

    assert issue_official_pdf.acks_late is True
    assert issue_official_pdf.reject_on_worker_lost is True
    assert issue_official_pdf.time_limit is not None
    assert issue_official_pdf.time_limit < int(
        os.environ.get("SIGNING_RENDITION_LEASE_SECONDS", 600)
    )
    assert dojang_celery.conf.beat_schedule["signing-sweep-pending-renditions"] == {
        "task": "signing.sweep_pending_renditions",
        "schedule": 60.0,
    }
