"""Tagging on approval: findings become proposed redactions, the level is suggested,
the drafter's proposal is compared, the document is queued for the records officer."""

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from disclosure.models import Redaction, ReviewStatus, WithheldParagraph
from disclosure.redaction import VersionTexts, parse_body
from disclosure.services.marks import withheld_paragraph_mark
from disclosure.services.tagging import NotApprovedError, disclosure_tag, disclosure_tag_on_approval
from documents.models import DocumentStatus
from notifications.models import Notification
from tests.disclosure.records import BODY_WITH_PERSONAL_DATA, approve, approved_document, officer
from tests.factories.directory import PersonFactory, UnitFactory
from tests.factories.documents import DocumentFactory

pytestmark = pytest.mark.django_db


def test_findings_become_redactions_and_the_level_is_partial_on_ground_6():
    # GIVEN an approved memo the drafter proposed open, with personal data in its body
    unit = UnitFactory.create(phone="02-120-1234")
    records = officer(unit=unit)
    document = approved_document(body=BODY_WITH_PERSONAL_DATA, unit=unit)
    # WHEN it is tagged
    review = disclosure_tag(document_id=document.pk)
    # THEN each finding is a proposed redaction of the body with its kind and reason
    kinds = sorted(review.redactions.values_list("kind", flat=True))
    # (the 민원인 홍길동 of the body is a private person named in context)
    assert kinds == ["address", "email", "person_name", "phone", "rrn"]
    body = VersionTexts(review.version.content).fields["body"]
    phone = review.redactions.get(kind="phone")
    assert body[phone.start : phone.end] == "010-2345-6789"
    assert phone.reason
    assert phone.source == "detector"
    assert phone.confidence
    # AND the level is partial on ground 6, disagreeing with the drafter's "open"
    assert (review.level, review.grounds) == ("partial", [6])
    assert (review.suggested_level, review.suggested_grounds) == ("partial", [6])
    assert review.disagrees
    assert review.comparison["level_differs"]
    # AND it is queued, due in the future, and the unit's officer was told
    assert review.status == ReviewStatus.PENDING
    assert review.due_at > timezone.now()
    assert Notification.objects.filter(recipient=records, document=document).exists()
    assert AuditEvent.objects.filter(action="disclosure.tagged", document=document).exists()


def test_explanations_name_field_and_span_never_the_text():
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    review = disclosure_tag(document_id=document.pk)
    finding = next(e for e in review.explanations if e["finding_kind"] == "email")
    assert finding["field"] == "body"
    assert finding["end"] > finding["start"]
    assert "example.com" not in str(review.explanations)


def test_an_agreeing_open_document_is_open_without_redactions():
    document = approved_document(body="<p>2026년 봄꽃 축제를 다음과 같이 개최합니다.</p>")
    review = disclosure_tag(document_id=document.pk)
    assert (review.level, review.grounds, review.disagrees) == ("open", [], False)
    assert not review.redactions.exists()


def test_tagging_twice_returns_the_same_review():
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    first = disclosure_tag(document_id=document.pk)
    second = disclosure_tag(document_id=document.pk)
    assert first.pk == second.pk
    assert Redaction.objects.filter(review=first).count() == 5


def test_a_draft_is_not_tagged():
    document = DocumentFactory.create()
    with pytest.raises(NotApprovedError):
        disclosure_tag(document_id=document.pk)


def test_personnel_person_concerned_is_always_redacted_and_found_in_the_body():
    # GIVEN a personnel action about 박지민, named again in the body
    person = PersonFactory.create(name="박지민")
    document = approved_document(
        "personnel",
        personnel__person=person,
        body="<p>박지민을 전보 발령합니다.</p>",
        proposed_disclosure_level="partial",
        proposed_disclosure_grounds=[6],
    )
    # WHEN tagged
    review = disclosure_tag(document_id=document.pk)
    # THEN the person field (whole) and the name in the body are redactions, kind person_name
    fields = set(review.redactions.filter(kind="person_name").values_list("field", flat=True))
    assert fields == {"person", "body"}
    # AND the drafter's partial(6) agrees with the suggestion
    assert (review.level, review.grounds, review.disagrees) == ("partial", [6], False)


def test_a_private_payee_is_redacted_a_company_is_not():
    private = approved_document("budget", budget__payee="김영희")
    company = approved_document("budget", budget__payee="(주)한빛정보")
    private_review = disclosure_tag(document_id=private.pk)
    company_review = disclosure_tag(document_id=company.pk)
    assert private_review.redactions.filter(field="payee", kind="person_name").exists()
    assert not company_review.redactions.filter(field="payee").exists()


def test_the_drafters_withheld_paragraph_follows_its_text_and_makes_it_partial():
    # GIVEN a draft whose second paragraph the drafter withholds on ground 5
    document = DocumentFactory.create(body="<p>개요</p><p>협상 중인 조건</p><p>끝</p>")
    withheld_paragraph_mark(document=document, actor=document.drafter, index=1, ground=5)
    # WHEN the drafter inserts a paragraph before it, then the document is approved and tagged
    document.body = "<p>머리말</p><p>개요</p><p>협상 중인 조건</p><p>끝</p>"
    document.save()
    approve(document)
    review = disclosure_tag(document_id=document.pk)
    # THEN the mark moved with its paragraph and the level is partial on ground 5
    mark = WithheldParagraph.objects.get(document=document)
    assert (mark.index, mark.anchored) == (2, True)
    body = parse_body(review.version.content["body"])
    assert body.paragraphs[mark.index].text == "협상 중인 조건"
    assert review.level == "partial"
    assert 5 in review.grounds


def test_a_mark_whose_paragraph_was_deleted_is_kept_unanchored():
    document = DocumentFactory.create(body="<p>하나</p><p>지울 문단</p>")
    withheld_paragraph_mark(document=document, actor=document.drafter, index=1, ground=5)
    document.body = "<p>하나</p>"
    document.save()
    approve(document)
    review = disclosure_tag(document_id=document.pk)
    mark = WithheldParagraph.objects.get(document=document)
    assert mark.anchored is False
    assert review.level == "open"


def test_tag_on_approval_dispatches_the_task_after_commit(django_capture_on_commit_callbacks):
    document = approved_document(body=BODY_WITH_PERSONAL_DATA)
    with django_capture_on_commit_callbacks(execute=True):
        disclosure_tag_on_approval(document=document)
    assert document.disclosure_review.level == "partial"
    assert document.status == DocumentStatus.APPROVED
