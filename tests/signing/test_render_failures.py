"""A document the renderer cannot lay out: its PDF fails for good, with a reason staff read.

The bodies here are the real failures: a body nested 200 deep (WeasyPrint recurses
into it and raises RecursionError), saved through the services with the depth limit
off (DOCUMENT_BODY_MAX_DEPTH=0), as a version written before the limit existed; and a
layout template missing from the deployment (TemplateDoesNotExist, a class no list
of errors names). The approval stands, the rendition is failed once (never re-claimed),
its state says why in Korean, and the sweep finishes every other row.
"""

import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from approvals.services import document_submit, step_approve
from core.dispatch import dispatch_deferred
from documents.models import Document, DocumentKind, DocumentStatus
from documents.services import draft_create
from signing.issuance import renditions_sweep
from signing.models import Rendition, RenditionStatus, RenditionVariant
from signing.tasks import issue_official_pdf
from tests.factories.approvals import ApprovalOrg, approval_org, line, open_step
from tests.factories.documents import BudgetLineFactory

pytestmark = pytest.mark.django_db

DEEP_BODY = "<div>" * 200 + "가" + "</div>" * 200


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path, signing_dir: Path) -> Path:
    root = tmp_path / "media"
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def templates_without_budget(settings: Any, tmp_path: Path) -> None:
    """The deployment's templates with the budget layout missing (a broken deploy)."""
    copy = tmp_path / "templates"
    shutil.copytree(Path(django_settings.ROOT_DIR) / "templates", copy)
    (copy / "official" / "budget.html").unlink()
    engine = {**settings.TEMPLATES[0], "DIRS": [copy]}
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]


def drafted(org: ApprovalOrg, body: str, kind: str = DocumentKind.MEMO) -> Document:
    data: dict[str, Any] = {"title": "본문 점검", "body": body, "proposed_disclosure_level": "open"}
    if kind == DocumentKind.BUDGET:
        budget_line = BudgetLineFactory.create(unit=org.chain.division)
        data["budget"] = {
            "fiscal_year": budget_line.fiscal_year,
            "budget_line": budget_line.pk,
            "amount": 1000,
            "payee": "(주)도장상사",
            "purpose": "사무용품 구매",
        }
    return draft_create(drafter=org.drafter, kind=kind, data=data)


def walked(org: ApprovalOrg, document: Document) -> Document:
    """Submit on the reviewer-approver line and approve it to the end."""
    document_submit(document=document, actor=org.drafter, spec=line(org))
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)
    return Document.objects.get(pk=document.pk)


def official(document: Document) -> Rendition:
    return Rendition.objects.get(
        version=document.current_version, variant=RenditionVariant.OFFICIAL
    )


def test_a_body_saved_before_the_depth_limit_fails_its_pdf_once_with_a_korean_reason(
    settings: Any, api_client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # GIVEN a memo whose body nests 200 deep, saved while the limit did not exist
    settings.DOCUMENT_BODY_MAX_DEPTH = 0
    org = approval_org()
    document = drafted(org, DEEP_BODY)

    # WHEN it is approved and its PDF task runs in process
    with django_capture_on_commit_callbacks(execute=True):
        document = walked(org, document)

    # THEN the approval stands, and the rendition failed on its first attempt
    assert document.status == DocumentStatus.APPROVED
    assert document.number
    rendition = official(document)
    assert rendition.status == RenditionStatus.FAILED
    assert rendition.attempts == 1
    assert rendition.last_error == "RendererError: RecursionError"
    # AND running the task again does not claim it again
    assert issue_official_pdf.apply(args=(rendition.pk,)).get() == "failed"
    rendition.refresh_from_db()
    assert rendition.attempts == 1
    # AND staff read why, in Korean, from the rendition state and the PDF link
    api_client.force_authenticate(org.drafter.user)
    state = api_client.get(f"/api/documents/{document.pk}/rendition/").json()
    assert state["status"] == "failed"
    assert state["failure_reason"] == "본문이 너무 깊이 중첩되어 쪽을 배치할 수 없습니다."
    pdf = api_client.get(f"/api/documents/{document.pk}/pdf/")
    assert pdf.status_code == 409
    assert pdf.json()["failure_reason"] == state["failure_reason"]
    english = api_client.get(
        f"/api/documents/{document.pk}/rendition/", HTTP_ACCEPT_LANGUAGE="en"
    ).json()
    assert english["failure_reason"] == "The text is nested too deeply to be laid out."


@pytest.mark.django_db(transaction=True)
def test_a_renderer_failure_of_any_class_fails_the_pdf_and_the_approve_answers_200(
    api_client: Any, templates_without_budget: None
) -> None:
    # GIVEN a budget request on its last step, in a deployment missing the budget layout
    org = approval_org()
    document = drafted(org, "<p>구매 요청</p>", DocumentKind.BUDGET)
    document_submit(document=document, actor=org.drafter, spec=line(org))
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer)
    step = open_step(document, org.approver)

    # WHEN the approver takes the final approval through the API (the PDF renders on commit)
    api_client.force_authenticate(org.approver.user)
    response = api_client.post(f"/api/tasks/{step.pk}/approve/", {}, format="json")

    # THEN it answers as an approval does, and the PDF failed for good with a reason
    assert response.status_code == 200, response.content
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED
    rendition = official(document)
    assert rendition.status == RenditionStatus.FAILED
    assert rendition.last_error == "RendererError: TemplateDoesNotExist"
    state = api_client.get(f"/api/documents/{document.pk}/rendition/").json()
    assert state["failure_reason"] == "PDF 변환기가 이 문서의 쪽을 배치하지 못했습니다."


def test_the_sweep_finishes_every_row_when_one_fails(
    settings: Any, templates_without_budget: None, django_capture_on_commit_callbacks: Any
) -> None:
    # GIVEN three approved documents whose PDF messages were lost (deferred, as in a
    # bulk load), the oldest a budget request whose layout is missing
    org = approval_org()
    with dispatch_deferred("signing.issue_official_pdf"):
        documents = [
            walked(org, drafted(org, "<p>구매</p>", DocumentKind.BUDGET)),
            walked(org, drafted(org, "<p>보고 1</p>")),
            walked(org, drafted(org, "<p>보고 2</p>")),
        ]
    assert {official(d).status for d in documents} == {RenditionStatus.PENDING}

    # WHEN the sweep runs past their lease, the tasks running in process
    later = timezone.now() + timedelta(seconds=settings.SIGNING_RENDITION_LEASE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        sent = renditions_sweep(now=later)

    # THEN it sent all three: the broken one failed, the other two are signed
    assert sent == 3
    statuses = [official(d).status for d in documents]
    assert statuses == [RenditionStatus.FAILED, RenditionStatus.DONE, RenditionStatus.DONE]
