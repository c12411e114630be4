"""Publication: the redacted public version, the signed public PDF, withdrawal, policies.

The privacy property: after publication_publish of a document with personal
information, no substring the detector found in the original is in the public
text, the public HTML, the PDF's visible text or any other string of the PDF
(metadata, outlines, annotations, embedded files).
"""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from core.errors import ConflictError, InvalidInput
from directory.models import Person
from disclosure.detection import DetectionConfig, detect
from disclosure.models import DisclosureReview, ReviewStatus
from disclosure.redaction import VersionTexts
from disclosure.services import publish as publish_module
from disclosure.services.marks import attachment_release
from disclosure.services.publish import (
    publication_publish,
    publication_withdraw,
    publications_auto_publish,
    publications_bulk_publish,
)
from disclosure.services.review import (
    redaction_add,
    redaction_remove,
    review_decide,
    review_hold,
)
from disclosure.services.tagging import disclosure_tag
from documents.models import Attachment, Document
from notifications.models import Notification
from portal.models import Publication, PublicationSearchIndex
from portal.selectors import public_publications
from signing import issuance
from signing.models import Rendition
from signing.services import official_pdf_verify
from tests.disclosure.pdf_text import hidden_strings, visible_text
from tests.disclosure.records import (
    BODY_WITH_PERSONAL_DATA,
    approved_document,
    officer,
    publishing,  # noqa: F401 - fixture
)
from tests.factories.directory import PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("publishing")]


def _secrets(document) -> list[str]:
    """Every substring the detector finds in the approved version (with its private names)."""
    texts = VersionTexts(document.current_version.content)
    config = DetectionConfig(private_names=texts.private_names())
    found = [texts.joined[f.start : f.end] for f in detect(texts.joined, config)]
    assert found, "the seeded document must contain personal information"
    return found


def _pdf(publication) -> tuple[bytes, Path]:
    path = Path(publication.public_pdf.path)
    return path.read_bytes(), path


def _publish_and_sign(document: Document, actor: Person, capture: Any) -> Publication:
    """Publish, then let the public rendition the publication requested run and attach."""
    with capture(execute=True):
        publication = publication_publish(document=document, actor=actor)
    publication.refresh_from_db()
    return publication


def test_published_text_html_and_pdf_hold_no_personal_information(
    django_capture_on_commit_callbacks,
):
    # GIVEN a personnel action with a private person and personal data in title and body
    person = PersonFactory.create(name="정하늘")
    document = approved_document(
        "personnel",
        personnel__person=person,
        title="정하늘 전보 발령 (연락처 010-9876-5432)",
        body=BODY_WITH_PERSONAL_DATA + "<p>정하늘은 2026. 3. 1.자로 전보합니다.</p>",
        recipient="정하늘 귀하",
    )
    secrets = _secrets(document)
    # WHEN a records officer publishes it and its public PDF is signed
    publication = _publish_and_sign(document, officer(), django_capture_on_commit_callbacks)
    # THEN no secret is in the public text or HTML
    data, path = _pdf(publication)
    shown, hidden = visible_text(path), hidden_strings(data)
    for secret in secrets:
        assert secret not in publication.public_text
        assert secret not in publication.public_html
        assert secret not in publication.title
        # AND none is in the PDF: page text, metadata, outlines, annotations, attachments
        assert secret not in shown.replace("\n", "")
        assert secret not in hidden
    # AND the PDF shows the marks, is partial on ground 6, and its signature is valid
    assert "[비공개(6)]" in shown
    assert "부분공개(6)" in shown
    assert "approval-history.json" in hidden  # the embedded file was searched
    assert official_pdf_verify(data=data).valid


def test_a_closed_document_is_published_by_its_metadata_alone():
    document = approved_document(body=BODY_WITH_PERSONAL_DATA, title="감사 결과 보고")
    review = disclosure_tag(document_id=document.pk)
    review_decide(review=review, actor=officer(), level="closed", grounds=[4, 6], reason="수사 중")
    publication = publication_publish(document=document, actor=officer())
    assert (publication.level, publication.grounds) == ("closed", [4, 6])
    assert publication.public_text == publication.public_html == ""
    assert not publication.public_pdf
    assert publication.public_pdf_sha256 == ""
    assert publication.title == "감사 결과 보고"
    assert publication.is_public
    assert list(public_publications()) == [publication]


def test_an_open_document_cannot_hide_removed_parts():
    # GIVEN a document decided open once nothing was removed (decide refuses open
    # while redactions apply), and then redacted after the decision
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    review = disclosure_tag(document_id=document.pk)
    records = officer()
    for redaction in review.redactions.all():
        redaction_remove(redaction=redaction, actor=records)
    review_decide(review=review, actor=records, level="open", grounds=[], reason="공개")
    redaction_add(review=review, actor=records, field="body", start=0, end=5, ground=6)
    # THEN publishing refuses it on the level
    with pytest.raises(InvalidInput) as error:
        publication_publish(document=document, actor=officer())
    assert "level" in error.value.detail
    assert not DisclosureReview.objects.filter(status=ReviewStatus.PUBLISHED).exists()


def test_a_rejected_finding_is_published_and_the_rest_stay_removed():
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    review = disclosure_tag(document_id=document.pk)
    address = review.redactions.get(kind="address")
    redaction_remove(redaction=address, actor=officer())
    publication = publication_publish(document=document, actor=officer())
    assert "서울특별시 마포구 월드컵북로 21" in publication.public_text
    assert "010-2345-6789" not in publication.public_text


def test_attachments_of_a_partial_document_need_a_release_each(tmp_path):
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    first, second = (
        Attachment.objects.create(
            document=document, file=f"a/{n}.pdf", name=f"{n}.pdf", content_type="application/pdf",
            size=10, sha256="0" * 64, uploaded_by=document.drafter,
        )
        for n in ("one", "two")
    )  # fmt: skip
    review = disclosure_tag(document_id=document.pk)
    attachment_release(review=review, attachment=second, actor=officer())
    publication = publication_publish(document=document, actor=officer())
    assert list(publication.released_attachments.all()) == [second]
    assert first.pk not in publication.released_attachments.values_list("pk", flat=True)


def test_withdrawal_takes_it_down_and_says_why(django_capture_on_commit_callbacks):
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    records = officer()
    publication = _publish_and_sign(document, records, django_capture_on_commit_callbacks)
    pdf = Path(publication.public_pdf.path)
    assert PublicationSearchIndex.objects.filter(publication=publication).exists()
    # WHEN withdrawn
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = publication_withdraw(
            publication=publication, actor=records, reason="개인정보 누락"
        )
    # THEN it is not public, not indexed, its text and PDF are gone, the reason is kept
    assert not withdrawn.is_public
    assert withdrawn.withdrawal_reason == "개인정보 누락"
    assert withdrawn.public_text == ""
    assert not withdrawn.public_pdf
    assert not pdf.exists()
    assert not PublicationSearchIndex.objects.filter(publication=publication).exists()
    assert list(public_publications()) == []
    assert DisclosureReview.objects.get(document=document).status == ReviewStatus.WITHDRAWN
    assert AuditEvent.objects.filter(action="publication.withdrawn").count() == 1
    # AND withdrawing twice is a conflict
    with pytest.raises(ConflictError):
        publication_withdraw(publication=publication, actor=records, reason="again")
    # AND it can be published again, with a PDF of its own
    again = _publish_and_sign(document, records, django_capture_on_commit_callbacks)
    assert again.pk == publication.pk
    assert again.is_public
    assert again.public_pdf
    assert Path(again.public_pdf.path).exists()


def test_the_page_is_public_at_once_and_the_pdf_joins_it_when_signed(
    django_capture_on_commit_callbacks,
):
    # GIVEN an open approved memo
    document = approved_document()
    # WHEN it is published (the public PDF's job not yet run)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publication = publication_publish(document=document, actor=officer())
    # THEN the publication is public without a PDF, and a public rendition is owed
    assert publication.is_public
    assert not publication.public_pdf
    rendition = publication.public_rendition
    assert rendition is not None
    assert (rendition.variant, rendition.status) == ("public", "pending")
    # WHEN the job runs, THEN the PDF is attached and verifies
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    publication.refresh_from_db()
    assert publication.public_pdf_sha256 == Rendition.objects.get(pk=rendition.pk).sha256
    assert official_pdf_verify(data=Path(publication.public_pdf.path).read_bytes()).valid


def test_a_public_pdf_that_fails_is_reported_to_the_records_officers(
    django_capture_on_commit_callbacks, monkeypatch
):
    # GIVEN a published memo whose public PDF cannot be made (the renderer fails)
    document = approved_document()
    records = officer(unit=document.unit)

    def broken(**_: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(issuance, "official_pdf_issue", lambda **kw: broken(**kw))
    # WHEN it is published and the job runs
    with django_capture_on_commit_callbacks(execute=True):
        publication = publication_publish(document=document, actor=records)
    # THEN the publication stands without a PDF, the job failed with a reason
    publication.refresh_from_db()
    assert publication.is_public
    assert not publication.public_pdf
    assert publication.public_rendition is not None
    assert publication.public_rendition.status == "failed"
    assert "RecursionError" in publication.public_rendition.last_error
    # AND the failure is recorded and the records officers are told
    assert AuditEvent.objects.filter(action="publication.pdf_failed").count() == 1
    # AND the notice gives the reason in words, never the class name the audit keeps
    notice = Notification.objects.get(recipient=records, kind="publication_failed")
    assert "본문이 너무 깊이 중첩되어 쪽을 배치할 수 없습니다." in notice.body
    assert "RecursionError" not in notice.body


def test_publishing_twice_is_a_conflict():
    document = approved_document()
    publication_publish(document=document, actor=officer())
    with pytest.raises(ConflictError):
        publication_publish(document=document, actor=officer())


def test_bulk_publish_reports_each_id_and_writes_nothing_for_a_failure():
    good = approved_document()
    bad = approved_document()
    review = disclosure_tag(document_id=bad.pk)
    records = officer()
    review_decide(review=review, actor=records, level="open", grounds=[], reason="실수")
    # redacted after the open decision: publishable no more
    redaction_add(review=review, actor=records, field="body", start=0, end=2, ground=6)
    results = publications_bulk_publish(document_ids=[good.pk, bad.pk, 999999], actor=officer())
    assert [r["published"] for r in results] == [True, False, False]
    assert results[1]["error"]["type"] == "validation_error"
    assert results[2]["error"]["type"] == "not_found"
    assert DisclosureReview.objects.get(document=bad).status == ReviewStatus.PENDING
    assert [p.document_id for p in public_publications()] == [good.pk]


def test_bulk_publish_answers_each_id_whatever_fails(monkeypatch):
    # GIVEN three documents, the second of which breaks the publication in an unexpected way
    documents = [approved_document() for _ in range(3)]
    real = issuance.public_pdf_request

    def flaky(*, document, content):
        if document.pk == documents[1].pk:
            raise ValueError("a broken snapshot")
        return real(document=document, content=content)

    monkeypatch.setattr(publish_module, "public_pdf_request", flaky)
    # WHEN they are published in bulk
    results = publications_bulk_publish(document_ids=[d.pk for d in documents], actor=officer())
    # THEN each has its own answer and the others are published
    assert [r["published"] for r in results] == [True, False, True]
    assert results[1]["error"]["type"] == "signing_error"


def test_auto_publish_goes_past_a_failing_document_and_tells_the_officers(settings, monkeypatch):
    # GIVEN two old open documents, the first of which cannot be published
    settings.DISCLOSURE_AUTO_PUBLISH_DAYS = 7
    failing, fine = approved_document(), approved_document()
    records = officer(unit=failing.unit)
    for document in (failing, fine):
        disclosure_tag(document_id=document.pk)
    DisclosureReview.objects.update(queued_at=timezone.now() - dt.timedelta(days=8))
    real = issuance.public_pdf_request

    def flaky(*, document, content):
        if document.pk == failing.pk:
            raise ValueError("a broken snapshot")
        return real(document=document, content=content)

    monkeypatch.setattr(publish_module, "public_pdf_request", flaky)
    # WHEN the policy runs twice
    assert publications_auto_publish() == 1
    assert publications_auto_publish() == 0
    # THEN the other document is published, the failing one is held with the reason
    assert [p.document_id for p in public_publications()] == [fine.pk]
    review = DisclosureReview.objects.get(document=failing)
    assert review.held_at is not None
    assert review.hold_reason
    # AND it is recorded once and its records officers are told once
    assert AuditEvent.objects.filter(action="publication.auto_publish_failed").count() == 1
    assert Notification.objects.filter(recipient=records, kind="publication_failed").count() == 1


def test_auto_publish_publishes_old_open_documents_unless_held(settings):
    settings.DISCLOSURE_AUTO_PUBLISH_DAYS = 7
    old, held, recent, partial = (approved_document() for _ in range(4))
    for document in (old, held, recent, partial):
        disclosure_tag(document_id=document.pk)
    eight_days_ago = timezone.now() - dt.timedelta(days=8)
    DisclosureReview.objects.exclude(document=recent).update(queued_at=eight_days_ago)
    review_hold(review=held.disclosure_review, actor=officer(), reason="검토 필요")
    DisclosureReview.objects.filter(document=partial).update(level="partial", grounds=[6])
    # WHEN the policy runs twice
    assert publications_auto_publish() == 1
    assert publications_auto_publish() == 0
    # THEN only the old, unheld, open document is public, published by nobody
    assert [p.document_id for p in public_publications()] == [old.pk]
    event = AuditEvent.objects.get(action="publication.published")
    assert event.actor_id is None
    assert event.data["automatic"] is True
