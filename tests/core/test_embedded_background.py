"""The embedded default does its outbox work in the embedded beat, never in a request:
the final approval answers with its PDF still to come, the beat renders it and tags
the document; rows left pending (the demo's, after seed_demo) are worked at its start.
"""

import time
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from approvals.services import step_approve
from core.dispatch import dispatch_deferred
from demo.documents import DEFERRED_TASKS
from disclosure.models import DisclosureReview
from signing.models import Rendition, RenditionStatus
from tests.factories.approvals import approval_org, open_step, submit
from tests.signing.issuance_support import approve
from tests.support.processes import django_env, manage, started, wait_for
from tests.support.slow_render import slow_down_rendering, slow_render_env

RENDER_DELAY_SECONDS = 20


def status_of(rendition: Rendition) -> str:
    rendition.refresh_from_db()
    return rendition.status


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
def test_the_final_approval_answers_before_its_pdf_is_rendered(
    tmp_path: Path, settings, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path / "media"
    socket_path = tmp_path / "beat.sock"
    # GIVEN a slow renderer, here and in the embedded beat, which listens on its socket
    slow_down_rendering(monkeypatch, RENDER_DELAY_SECONDS)
    env = django_env(
        tmp_path, EMBEDDED_BEAT_SOCKET=str(socket_path), **slow_render_env(RENDER_DELAY_SECONDS)
    )
    org = approval_org()
    document = submit(org)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step = open_step(document, org.approver)
    with started("beat", manage("embedded_beat"), env=env, tmp_path=tmp_path) as beat:
        assert wait_for(socket_path.exists, seconds=60), beat.tail()
        settings.EMBEDDED_BEAT_SOCKET = str(socket_path)
        client = APIClient()
        client.force_authenticate(user=org.approver.user)

        # WHEN the final approval is made through the API
        started_at = time.monotonic()
        response = client.post(f"/api/tasks/{step.pk}/approve/")
        answered_in = time.monotonic() - started_at

        # THEN it answered with the PDF still to render (a request that rendered would
        # have stored it before answering)
        assert response.status_code == 200
        rendition = Rendition.objects.get(version__document=document)
        assert status_of(rendition) in (RenditionStatus.PENDING, RenditionStatus.RENDERING)
        print(f"final approval answered in {answered_in:.2f} s")
        # AND the embedded beat renders it and tags the document
        assert wait_for(
            lambda: status_of(rendition) == RenditionStatus.DONE, seconds=180, every=1
        ), beat.tail()
        assert wait_for(DisclosureReview.objects.filter(document=document).exists, seconds=60), (
            beat.tail()
        )


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
def test_the_embedded_beat_works_pending_rows_when_it_starts(tmp_path: Path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    # GIVEN documents approved as seed_demo approves them in the embedded default: the
    # PDF task deferred, its rendition left pending (not yet stale for the sweep)
    org = approval_org()
    with dispatch_deferred(*DEFERRED_TASKS):
        renditions = [approve(org)[1] for _ in range(2)]
    assert [status_of(r) for r in renditions] == [RenditionStatus.PENDING] * 2

    # WHEN the embedded beat starts (here: runs once)
    env = django_env(tmp_path)
    with started("beat", manage("embedded_beat", "--once"), env=env, tmp_path=tmp_path) as beat:
        beat.popen.wait(timeout=300)
        assert beat.popen.returncode == 0, beat.tail()

    # THEN the PDFs are rendered at once, not a lease later
    assert [status_of(r) for r in renditions] == [RenditionStatus.DONE] * 2, beat.tail()
