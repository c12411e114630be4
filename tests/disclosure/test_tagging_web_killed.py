"""The embedded default's web process killed (kill -9) during final approvals: the
embedded beat gives every approved document exactly one review, and its PDF.

Real processes, no broker: gunicorn serving the API on this test's PostgreSQL
database, as `make run` serves it (EMBEDDED_BEAT_SOCKET set), killed while the
approvals come in, then `manage.py embedded_beat --once`. The renderer is slowed down
(tests.support.slow_render) in the web process: a request that
renders is caught by the kill before it is done.
"""

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from approvals.services import step_approve
from audit.models import AuditEvent
from disclosure.models import DisclosureReview, TaggingJob, TaggingStatus
from documents.models import Document, DocumentStatus
from signing.models import Rendition, RenditionStatus
from tests.factories.approvals import approval_org, open_step, submit
from tests.support.processes import (
    answers_http,
    api_post,
    django_env,
    free_port,
    gunicorn,
    manage,
    started,
    wait_for,
)
from tests.support.slow_render import slow_render_env

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

APPROVALS = 6
PASSWORD = "dojang-test-pw"  # tests.factories.directory.UserFactory's


def token(base: str, username: str) -> str:
    request = urllib.request.Request(  # noqa: S310 - a local test server
        f"{base}/api/auth/token/", method="POST",
        data=json.dumps({"username": username, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return str(json.loads(response.read())["token"])


def test_every_document_approved_before_the_kill_gets_one_review(tmp_path: Path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    socket_path = str(tmp_path / "beat.sock")
    # GIVEN documents waiting for their final approval
    org = approval_org()
    steps = {}
    for _ in range(APPROVALS):
        document = submit(org)
        step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
        steps[open_step(document, org.approver).pk] = document.pk
    # AND the embedded default's web process, no broker, its embedded beat not running
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web_env = django_env(tmp_path, EMBEDDED_BEAT_SOCKET=socket_path, **slow_render_env(120))
    with started("web", gunicorn(port), env=web_env, tmp_path=tmp_path) as web:
        assert wait_for(lambda: answers_http(base), seconds=60), web.tail()
        key = token(base, org.approver.user.username)

        # WHEN the approvals come in at once and the web process is killed (kill -9)
        # as soon as half of them are recorded
        def approved() -> int:
            return Document.objects.filter(
                pk__in=steps.values(), status=DocumentStatus.APPROVED
            ).count()

        with ThreadPoolExecutor(APPROVALS) as pool:
            answers = [
                pool.submit(api_post, base, f"/api/tasks/{step}/approve/", token=key)
                for step in steps
            ]
            assert wait_for(lambda: approved() >= APPROVALS // 2, seconds=120), web.tail()
            web.kill()
            for answer in answers:
                answer.exception()  # answered, or cut off by the kill

    # THEN, once the embedded beat has run,
    beat_env = django_env(tmp_path, EMBEDDED_BEAT_SOCKET=socket_path)
    with started(
        "beat", manage("embedded_beat", "--once"), env=beat_env, tmp_path=tmp_path
    ) as beat:
        beat.popen.wait(timeout=600)
        assert beat.popen.returncode == 0, beat.tail()

    # every document whose approval was recorded has exactly one review, tagged once,
    # and its signed PDF
    documents = Document.objects.filter(pk__in=steps.values(), status=DocumentStatus.APPROVED)
    assert documents.count() >= APPROVALS // 2
    for document in documents:
        assert DisclosureReview.objects.filter(document=document).count() == 1, beat.tail()
        assert TaggingJob.objects.get(document=document).status == TaggingStatus.DONE
        events = AuditEvent.objects.filter(document=document, action="disclosure.tagged")
        assert events.count() == 1
        rendition = Rendition.objects.get(version__document=document)
        assert rendition.status == RenditionStatus.DONE, beat.tail()
