"""The frozen input of the official PDF, built from an approved document for real."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from approvals.models import ApprovalStep, StageKind
from directory.models import Role
from disclosure.services.review import review_decide
from disclosure.services.tagging import disclosure_tag
from documents.models import Document, DocumentKind
from signing.public_content import PublicContent
from signing.services import official_pdf_render
from signing.snapshot_builder import (
    PRIVATE_NAME_MARK,
    approved_version_ref,
    official_document_for,
    seoul_date,
)
from tests.factories.approvals import ApprovalOrg, approval_org, submit
from tests.factories.directory import AbsenceFactory, PersonFactory, role_member
from tests.signing.issuance_support import approve, pdf_text, version_of

pytestmark = pytest.mark.django_db


def approved_without_task(
    capture: Any, org: ApprovalOrg, kind: str = DocumentKind.MEMO, **kw: Any
) -> Document:
    with capture(execute=False):
        document, _ = approve(org, kind, **kw)
    return document


def test_the_line_of_a_consulted_document_with_a_disagreement(
    django_capture_on_commit_callbacks,
):
    # GIVEN a memo reviewed, consulted (one disagrees) and approved under 전결
    org = approval_org(consultees=2)
    document = approved_without_task(
        django_capture_on_commit_callbacks, org, consult=True, disagree=True
    )
    # WHEN its official document is built
    official = official_document_for(version=version_of(document))
    # THEN the box lists the line in order with the opinions and the 전결 mark
    assert [(s.name, s.role, s.mark) for s in official.signers] == [
        (org.reviewer.name, "review", ""),
        (org.consultees[0].name, "consult", "부동의"),
        (org.consultees[1].name, "consult", "동의"),
        (org.approver.name, "approve", "전결"),
    ]
    assert official.signers[-1].position == "과장"
    # AND the drafter heads the box
    assert (official.drafter.name, official.drafter.role) == (org.drafter.name, "draft")
    # AND the history lists every action, the submission first, and no comment:
    # comments are internal and a document sent outside must not carry them
    actions = [(e.actor, e.action) for e in official.history]
    assert actions[0] == (org.drafter.name, "submit")
    assert (org.consultees[0].name, "consult.disagreed") in actions
    assert all(e.comment == "" for e in official.history)
    assert official.document_number == document.number
    assert official.content_hash == version_of(document).content_hash


def test_a_proxy_approval_names_the_absent_approver(django_capture_on_commit_callbacks):
    # GIVEN the final approver is away and their deputy approves (대결)
    org = approval_org()
    deputy = PersonFactory.create(unit=org.chain.division, name="대리 결재자")
    AbsenceFactory.create(person=org.approver, deputy=deputy)
    document = approved_without_task(django_capture_on_commit_callbacks, org, final_actor=deputy)
    step = ApprovalStep.objects.get(stage__document=document, stage__kind=StageKind.APPROVE)
    assert step.is_proxy
    # WHEN the official document is built, THEN the deputy signs 대결 in the approver's
    # column, under the approver's title, and the 전결 the approver holds stays marked
    last = official_document_for(version=version_of(document)).signers[-1]
    assert (last.name, last.proxy_for, last.marks, last.delegated) == (
        deputy.name,
        org.approver.name,
        ("전결", "대결"),
        True,
    )
    assert last.position == step.position_title
    assert last.post_approved_on is None


def test_approved_content_comes_from_the_version_not_the_live_row(
    django_capture_on_commit_callbacks,
):
    # GIVEN a budget request approved, then its live row changed behind the version's back
    org = approval_org()
    document = approved_without_task(
        django_capture_on_commit_callbacks, org, DocumentKind.BUDGET, budget__amount=3_000_000
    )
    approved_title = document.title
    Document.objects.filter(pk=document.pk).update(title="나중에 바뀐 제목", body="<p>변조</p>")
    # WHEN the official document is built
    official = official_document_for(version=version_of(document))
    # THEN it shows what was approved
    assert official.title == approved_title
    assert "변조" not in official.body_html
    assert official.budget is not None
    assert official.budget.amount_krw == 3_000_000
    assert official.disclosure.label == "공개"


def test_the_enforcement_date_is_the_approval_date_in_seoul():
    # 16:30 UTC is already the next day in Seoul (UTC+9)
    moment = dt.datetime(2025, 3, 14, 16, 30, tzinfo=dt.UTC)
    assert seoul_date(moment) == dt.date(2025, 3, 15)


def test_the_official_mark_stays_the_level_fixed_at_approval(
    django_capture_on_commit_callbacks,
):
    # GIVEN an approved memo proposed open, then decided partial on ground 6
    org = approval_org()
    document = approved_without_task(django_capture_on_commit_callbacks, org)
    officer = role_member(Role.RECORDS_OFFICER, PersonFactory.create())
    review = disclosure_tag(document_id=document.pk)
    review_decide(review=review, actor=officer, level="partial", grounds=[6], reason="개인정보")
    # WHEN the official document is built, THEN it prints what was fixed at approval
    # (the official PDF is signed at approval; the decision goes to the public PDF)
    assert official_document_for(version=version_of(document)).disclosure.label == "공개"


def test_the_public_variant_takes_the_redacted_content_and_no_version_hash(
    django_capture_on_commit_callbacks,
):
    # GIVEN an approved memo and what redaction left of it
    org = approval_org()
    document = approved_without_task(django_capture_on_commit_callbacks, org)
    version = version_of(document)
    content = PublicContent(
        title="가린 제목",
        recipient="",
        body_html="<p>가린 본문</p>",
        level="partial",
        grounds=(6,),
        private_names=(org.reviewer.name,),
    )
    # WHEN the public variant is built
    public = official_document_for(version=version, public=content)
    # THEN it shows the redacted text and the decision, hides a private name in the box
    assert (public.title, public.body_html) == ("가린 제목", "<p>가린 본문</p>")
    assert public.disclosure.label == "부분공개(6)"
    assert PRIVATE_NAME_MARK in [s.name for s in public.signers]
    assert org.reviewer.name not in str(public.approval_record())
    # AND it names itself by its own hash, the approved version only by a keyed HMAC
    assert public.content_hash == content.content_hash != version.content_hash
    assert version.content_hash not in str(public.approval_record())
    assert public.approved_version_ref == approved_version_ref(version.content_hash)
    assert public.approved_version_ref != version.content_hash


def test_a_version_that_is_not_the_approved_one_is_refused():
    org = approval_org()
    document = submit(org)
    with pytest.raises(ValueError, match="approved"):
        official_document_for(version=version_of(document))


def test_the_rendered_form_shows_number_title_and_line(
    django_capture_on_commit_callbacks, signing_dir: Path, tmp_path: Path
):
    # GIVEN an approved personnel action
    org = approval_org()
    document = approved_without_task(
        django_capture_on_commit_callbacks, org, DocumentKind.PERSONNEL
    )
    # WHEN its official form is rendered, THEN pdftotext reads what was approved
    rendered = official_pdf_render(document=official_document_for(version=version_of(document)))
    text = pdf_text(rendered.pdf, tmp_path)
    assert str(document.number) in text
    assert org.approver.name in text
    assert "전보" in text
    assert timezone.localdate().strftime("%Y") in text
