"""The outbox of disclosure tagging: the final approval owes the review in its own
transaction, a lost message is swept, the review is made once whatever the retries."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from audit.models import AuditEvent
from disclosure.models import DisclosureReview, TaggingJob, TaggingStatus
from disclosure.services.tagging_jobs import taggings_sweep
from disclosure.tasks import sweep_pending_tagging, tag_document
from documents.models import Document, DocumentStatus
from tests.disclosure.records import approved_document
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db


def later(settings) -> dt.datetime:
    """A moment past the sweep's wait, as the clock will read when beat sweeps."""
    return timezone.now() + dt.timedelta(seconds=settings.DISCLOSURE_TAGGING_RETRY_SECONDS + 1)


def test_the_final_approval_writes_the_job_and_a_lost_message_is_swept(
    settings, django_capture_on_commit_callbacks
):
    # GIVEN a document approved while its tagging message was lost (never sent)
    with django_capture_on_commit_callbacks(execute=False) as lost:
        document = approved_document()
    assert any("tag_document" in repr(callback) for callback in lost)
    job = TaggingJob.objects.get(document=document)
    assert (job.status, job.attempts) == (TaggingStatus.PENDING, 0)
    assert not DisclosureReview.objects.filter(document=document).exists()

    # WHEN beat's sweep runs before the job is stale, then after
    assert taggings_sweep() == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert taggings_sweep(now=later(settings)) == 1

    # THEN the document has its review, and the job is done after one run
    job.refresh_from_db()
    assert (job.status, job.attempts) == (TaggingStatus.DONE, 1)
    assert DisclosureReview.objects.filter(document=document).count() == 1
    # AND a later sweep sends nothing
    assert taggings_sweep(now=later(settings)) == 0


def test_the_review_is_made_once_whatever_the_retries(django_capture_on_commit_callbacks):
    # GIVEN an approved document whose tagging ran
    with django_capture_on_commit_callbacks(execute=True):
        document = approved_document()
    review = DisclosureReview.objects.get(document=document)

    # WHEN the task is delivered again, twice, and the sweep runs
    outcomes = [tag_document.apply(args=(document.pk,)).get() for _ in range(2)]
    sweep_pending_tagging.apply().get()

    # THEN nothing more was made: one review, one "tagged" event
    assert outcomes == ["already_done", "already_done"]
    assert list(DisclosureReview.objects.filter(document=document)) == [review]
    tagged = AuditEvent.objects.filter(document=document, action="disclosure.tagged")
    assert tagged.count() == 1


def _approve_then_fail() -> None:
    with transaction.atomic():
        document = approved_document()
        assert TaggingJob.objects.filter(document=document).exists()
        raise RuntimeError("the approval failed after it was recorded")


def test_a_rolled_back_approval_owes_no_tagging():
    # GIVEN a final approval whose transaction rolls back
    with pytest.raises(RuntimeError):
        _approve_then_fail()

    # THEN no job is left behind
    assert not TaggingJob.objects.exists()
    assert not Document.objects.filter(status=DocumentStatus.APPROVED).exists()


def test_tagging_found_by_another_path_closes_the_job(django_capture_on_commit_callbacks):
    # GIVEN an approved document whose message was lost, then tagged where it was needed
    # (publishing or a disclosure request tags a document that has no review yet)
    from disclosure.services.tagging import disclosure_tag

    with django_capture_on_commit_callbacks(execute=False):
        document = approved_document()
    disclosure_tag(document_id=document.pk)

    # THEN its job is done: the sweep will not tag it again
    assert TaggingJob.objects.get(document=document).status == TaggingStatus.DONE


def test_a_document_that_cannot_be_tagged_fails_its_job_once(settings):
    # GIVEN a document that is not approved, sent to tagging (a stray message)
    draft = DocumentFactory.create()

    # WHEN the task runs
    outcome = tag_document.apply(args=(draft.pk,)).get()

    # THEN the job is failed with the error's class, and the sweep leaves it alone
    job = TaggingJob.objects.get(document=draft)
    assert outcome == "failed"
    assert (job.status, job.last_error) == (TaggingStatus.FAILED, "NotApprovedError")
    assert taggings_sweep(now=later(settings)) == 0
    assert not DisclosureReview.objects.filter(document=draft).exists()


def test_the_sweep_is_on_the_beat_schedule():
    from config.celery import app

    assert app.conf.beat_schedule["disclosure-sweep-pending-tagging"] == {
        "task": "disclosure.sweep_pending_tagging",
        "schedule": 60.0,
    }
    assert tag_document.acks_late is True
    assert tag_document.reject_on_worker_lost is True
