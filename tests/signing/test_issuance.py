"""From a final approval to a stored, signed, verifiable official PDF (engine level).

The task runs in process here (no broker); test_worker_killed.py runs it on real
workers over Redis.
"""

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from approvals.services import step_approve
from audit.models import AuditEvent
from documents.models import DocumentKind, DocumentStatus
from signing.issuance import IssueOutcome, official_pdf_request, rendition_issue
from signing.models import Rendition, RenditionStatus
from signing.services import official_pdf_verify
from signing.tasks import issue_official_pdf
from tests.factories.approvals import ApprovalOrg, approval_org, open_step, submit
from tests.signing.issuance_support import approve, pdf_text, signature_count

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path, signing_dir: Path) -> Path:
    root = tmp_path / "media"
    settings.MEDIA_ROOT = root
    return root


def issued_events(document_id: int) -> int:
    return AuditEvent.objects.filter(document_id=document_id, action="document.pdf_issued").count()


def test_an_approved_memo_gets_a_signed_pdf_that_verifies(
    django_capture_on_commit_callbacks, tmp_path
):
    # GIVEN a memo reviewed and approved through the approval services
    org = approval_org()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        # WHEN the final approval commits (and its task runs)
        document, rendition = approve(org)
    assert len(callbacks) >= 1

    # THEN its rendition is done, and the stored PDF is the one it describes
    rendition.refresh_from_db()
    assert rendition.status == RenditionStatus.DONE
    assert rendition.attempts == 1
    data = rendition.pdf.read()
    assert hashlib.sha256(data).hexdigest() == rendition.sha256
    assert rendition.size == len(data)
    assert rendition.pages == 1
    # AND it verifies, naming the approved version's hash and the document number
    result = official_pdf_verify(data=data)
    assert result.valid, result.reason
    assert document.current_version is not None
    assert result.content_hash == document.current_version.content_hash
    assert result.document_number == document.number
    assert rendition.signer_subject == result.signer.subject  # type: ignore[union-attr]
    assert signature_count(data) == 1
    # AND the number is printed on the page, and the issue is audited once
    assert str(document.number) in pdf_text(data, tmp_path)
    assert issued_events(document.pk) == 1


def test_a_rerun_or_duplicate_delivery_makes_no_second_signature(
    django_capture_on_commit_callbacks,
):
    # GIVEN a document whose PDF was issued
    org = approval_org()
    with django_capture_on_commit_callbacks(execute=True):
        document, rendition = approve(org, DocumentKind.BUDGET)
    rendition.refresh_from_db()
    first_sha, first_name = rendition.sha256, rendition.pdf.name

    # WHEN the task runs again for it, twice (a rerun, a duplicate message)
    outcomes = [issue_official_pdf.apply(args=(rendition.pk,)).get() for _ in range(2)]

    # THEN nothing is rendered, stored or audited again
    assert outcomes == [IssueOutcome.ALREADY_DONE.value] * 2
    rendition.refresh_from_db()
    assert (rendition.sha256, rendition.pdf.name, rendition.attempts) == (first_sha, first_name, 1)
    assert Rendition.objects.filter(version__document=document).count() == 1
    assert issued_events(document.pk) == 1


def test_a_second_request_makes_no_second_row(django_capture_on_commit_callbacks):
    # GIVEN an approved document whose rendition was requested (task not run yet)
    org = approval_org()
    with django_capture_on_commit_callbacks(execute=False):
        document, rendition = approve(org)
        # WHEN the request is made again
        again = official_pdf_request(document=document)
    # THEN it is the same row, still pending
    assert again.pk == rendition.pk
    assert Rendition.objects.filter(version__document=document).count() == 1
    assert again.status == RenditionStatus.PENDING


def test_an_approval_that_rolls_back_leaves_no_rendition_and_sends_nothing(
    django_capture_on_commit_callbacks,
):
    # GIVEN an approved document
    org = approval_org()
    with django_capture_on_commit_callbacks(execute=False):
        document, rendition = approve(org)
    Rendition.objects.filter(pk=rendition.pk).delete()

    # WHEN a request is made in a transaction that then fails
    def failing_approval() -> None:
        with transaction.atomic():
            official_pdf_request(document=document)
            raise RuntimeError("the approval failed after the request")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError, match="approval failed"),
    ):
        failing_approval()
    # THEN no row survives and no task was sent
    assert callbacks == []
    assert not Rendition.objects.filter(version__document=document).exists()


def test_a_document_that_is_not_approved_gets_no_rendition():
    org = approval_org()
    document = submit(org)
    assert document.status == DocumentStatus.IN_PROGRESS
    with pytest.raises(ValueError, match="approved"):
        official_pdf_request(document=document)
    assert not Rendition.objects.exists()


def pending(org: ApprovalOrg) -> Rendition:
    _, rendition = approve(org)
    return rendition


def test_a_live_claim_is_left_alone_and_an_expired_one_is_taken_over(
    django_capture_on_commit_callbacks, settings
):
    # GIVEN a rendition another worker claimed a minute ago (within its lease)
    settings.SIGNING_RENDITION_LEASE_SECONDS = 600
    with django_capture_on_commit_callbacks(execute=False):
        rendition = pending(approval_org())
    claimed_at = timezone.now() - timedelta(minutes=1)
    Rendition.objects.filter(pk=rendition.pk).update(
        status=RenditionStatus.RENDERING, attempts=1, claimed_at=claimed_at
    )
    # WHEN the task runs, THEN it leaves it to that worker
    assert rendition_issue(rendition_id=rendition.pk, last_try=False) == IssueOutcome.BUSY
    rendition.refresh_from_db()
    assert (rendition.status, rendition.attempts) == (RenditionStatus.RENDERING, 1)

    # WHEN the lease has run out (the worker died), THEN the next run takes it over
    settings.SIGNING_RENDITION_LEASE_SECONDS = 30
    assert rendition_issue(rendition_id=rendition.pk, last_try=False) == IssueOutcome.DONE
    rendition.refresh_from_db()
    assert (rendition.status, rendition.attempts) == (RenditionStatus.DONE, 2)
    assert issued_events(rendition.version.document_id) == 1


def test_a_worker_that_lost_its_claim_stores_nothing(django_capture_on_commit_callbacks, settings):
    # GIVEN a worker that claimed a rendition and is slow to finish (test-only delay)
    from signing import issuance

    with django_capture_on_commit_callbacks(execute=False):
        rendition = pending(approval_org())
    claim = issuance._claim(rendition.pk)
    assert isinstance(claim, issuance.Claim)
    issued = issuance._render(claim)
    # WHEN another worker took the row over meanwhile (the lease ran out) and finished
    settings.SIGNING_RENDITION_LEASE_SECONDS = 1
    Rendition.objects.filter(pk=rendition.pk).update(claimed_at=timezone.now() - timedelta(1))
    assert rendition_issue(rendition_id=rendition.pk, last_try=False) == IssueOutcome.DONE
    rendition.refresh_from_db()
    winner = rendition.sha256

    # THEN the first worker's late result is discarded: one PDF, one audit event
    assert issuance._store(claim, issued) == IssueOutcome.DISCARDED
    rendition.refresh_from_db()
    assert rendition.sha256 == winner
    assert issued_events(rendition.version.document_id) == 1


def test_a_permanent_failure_fails_the_rendition_with_a_short_error(
    django_capture_on_commit_callbacks, settings
):
    # GIVEN a document submitted, then a page limit lowered below what it can meet
    org = approval_org()
    document = submit(org)
    settings.SIGNING_MAX_PAGES = 0
    with django_capture_on_commit_callbacks(execute=True):
        step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
        step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)
    # THEN the rendition failed at once, says why, and nothing was issued
    document.refresh_from_db()
    rendition = Rendition.objects.get(version=document.current_version)
    assert rendition.status == RenditionStatus.FAILED
    assert rendition.last_error.startswith("PageLimitError: ")
    assert document.title not in rendition.last_error
    assert not rendition.pdf
    assert issued_events(document.pk) == 0


def test_a_transient_failure_is_retried_then_fails_on_the_last_try(
    django_capture_on_commit_callbacks, settings, tmp_path
):
    # GIVEN storage that cannot be written (MEDIA_ROOT is a file)
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker
    with django_capture_on_commit_callbacks(execute=False):
        rendition = pending(approval_org())

    # WHEN a run with retries left meets it, THEN the row is pending again for the retry
    assert rendition_issue(rendition_id=rendition.pk, last_try=False) == IssueOutcome.RETRY
    rendition.refresh_from_db()
    assert rendition.status == RenditionStatus.PENDING
    assert rendition.last_error in {"FileExistsError", "NotADirectoryError"}

    # WHEN the last try meets it too, THEN the rendition has failed
    assert rendition_issue(rendition_id=rendition.pk, last_try=True) == IssueOutcome.FAILED
    rendition.refresh_from_db()
    assert (rendition.status, rendition.attempts) == (RenditionStatus.FAILED, 2)


def test_a_rendition_that_keeps_killing_workers_fails_after_the_attempt_cap(
    django_capture_on_commit_callbacks, settings
):
    # GIVEN a rendition claimed as often as allowed, its last claim long expired
    settings.SIGNING_ISSUE_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=False):
        rendition = pending(approval_org())
    Rendition.objects.filter(pk=rendition.pk).update(
        status=RenditionStatus.RENDERING, attempts=3, claimed_at=timezone.now() - timedelta(1)
    )
    # WHEN the sweep's task comes for it, THEN it gives up instead of a fourth try
    assert rendition_issue(rendition_id=rendition.pk, last_try=False) == IssueOutcome.FAILED
    rendition.refresh_from_db()
    assert rendition.status == RenditionStatus.FAILED
    assert rendition.last_error == "too many attempts"
