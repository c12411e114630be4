"""Every line shape, walked to "approved" through the approval services, fed to every
consumer of an approved document.

For each shape (tests/support/walk.py) and kind: the official PDF is issued by the
renditions' outbox and verifies, naming the title, the number and the drafter; the
approval-box API prints the line the shape walked; tagging made one review on the
approval's commit; verification finds it by number and trusts its PDF; a records
officer bulk-publishes it, the portal shows it, and its public PDF is signed and
attached. A hand-built "approved" document once hid a crash on 대결 of a 전결 step:
here nothing is built by hand.

Tagging and the official PDF are what the final approval's commit sends: the final
action runs under django_capture_on_commit_callbacks(execute=True), so the tag_document
and issue_official_pdf tasks run in process as a worker would run them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from core.disclosure_law import official_mark
from directory.models import Person
from disclosure.models import DisclosureReview
from documents.models import Document, DocumentVersion
from portal.models import Publication
from signing.issuance import IssueOutcome, rendition_issue
from signing.models import Rendition, RenditionStatus, RenditionVariant
from signing.services import official_pdf_verify
from tests.disclosure.pdf_text import visible_text
from tests.disclosure.records import (
    officer,
    publishing,  # noqa: F401 - fixture
)
from tests.support.walk import (
    EDIT_NOTE,
    KINDS,
    RESUBMIT_NOTE,
    SHAPES,
    Organisation,
    Shape,
    Signer,
    Walked,
    organisation,
    walk,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.usefixtures("publishing"),
]

CASES = [pytest.param(shape, kind, id=f"{shape}-{kind}") for shape in SHAPES for kind in KINDS]
BULK_PUBLISH = "/api/disclosure/reviews/bulk-publish/"

OnCommit = Callable[[], AbstractContextManager[object]]


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Verification is rate-limited per client; each case starts with a clean count."""
    cache.clear()


@pytest.fixture
def org() -> Organisation:
    """One organisation per test: every document of the test walks through it."""
    return organisation()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks: Any) -> OnCommit:
    """Run what a block's commit sends (tasks run in process: no broker in tests)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def api_as(person: Person) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=person.user)
    return client


def squashed(text: str) -> str:
    """Text without whitespace: a PDF wraps and spaces words as its layout needs."""
    return re.sub(r"\s+", "", text)


def pdf_text(data: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    return squashed(visible_text(path))


def rendition_of(document: Document, variant: str) -> Rendition:
    return Rendition.objects.get(version=document.current_version, variant=variant)


def column(signer: dict[str, Any]) -> Signer:
    """An approval-box column of the API, in the walker's terms."""
    return Signer(
        role=signer["role"],
        position=signer["position"],
        name=signer["name"],
        marks=tuple(signer["marks"]),
        proxy_for=signer["proxy_for"],
        post_approved=signer["post_approved_on"] is not None,
    )


def approval_box(walked: Walked) -> dict[str, Any]:
    response = api_as(walked.drafter).get(f"/api/documents/{walked.document.pk}/approval-box/")
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body


# --- the official record: PDF, approval box, tagging, verification ---------------------


@pytest.mark.parametrize(("shape", "kind"), CASES)
def test_the_official_record_of_every_shape(
    shape: Shape, kind: str, org: Organisation, on_commit: OnCommit, tmp_path: Path
) -> None:
    # GIVEN a document walked to approval; what the final approval's commit sends runs
    walked = walk(org, shape, kind, around_final=on_commit)
    document = walked.document
    assert document.number == f"{org.team.name}-{document.number_sequence}"  # 처리과명-일련번호

    # WHEN its official rendition is issued (a rerun of what the commit's task did)
    official = rendition_of(document, RenditionVariant.OFFICIAL)
    outcome = rendition_issue(rendition_id=official.pk, last_try=True)

    # THEN the signed PDF is stored, verifies, and names the title, number and drafter
    official.refresh_from_db()
    assert outcome in (IssueOutcome.DONE, IssueOutcome.ALREADY_DONE)
    assert official.status == RenditionStatus.DONE, official.last_error
    data = official.pdf.read()
    verified = official_pdf_verify(data=data)
    assert verified.valid, verified.reason
    assert verified.document_number == document.number
    text = pdf_text(data, tmp_path, "official")
    assert squashed(document.title) in text
    assert squashed(str(document.number)) in text
    assert squashed(walked.drafter.name) in text
    # AND its approval box prints who signed each column, with the column's marks
    for signer in walked.signers:
        assert signer.name in text, signer
        assert all(mark in text for mark in signer.marks), signer

    # AND the approval box prints the drafter and the line the shape walked
    box = approval_box(walked)
    assert box["document_number"] == document.number
    assert box["drafter"]["name"] == walked.drafter.name
    assert [column(s) for s in box["signers"]] == list(walked.signers)
    # AND the printed mark is the level proposed at approval; the decision is the review's
    proposed = sorted(document.proposed_disclosure_grounds)
    assert box["disclosure"] == official_mark(document.proposed_disclosure_level, proposed)
    reviews = DisclosureReview.objects.filter(document=document)
    assert reviews.count() == 1  # tagged once, on the approval's commit
    review = reviews.get()
    assert review.version_id == document.current_version_id
    grounds = sorted(set(review.grounds))
    assert box["disclosure_decision"] == {
        "level": review.level,
        "grounds": grounds,
        "mark": official_mark(review.level, grounds),
        "decided": False,
    }

    # AND verification finds it by number and year, and trusts its official PDF
    query = {"document": str(document.number), "year": str(document.number_year)}
    page = Client().get("/verify/", query)
    assert page.status_code == 200
    assert str(document.number) in page.content.decode()
    upload = SimpleUploadedFile("official.pdf", data, content_type="application/pdf")
    answer = APIClient().post("/api/verify/", {"file": upload}, format="multipart")
    assert answer.status_code == 200
    assert answer.json()["valid"] is True
    assert answer.json()["document_number"] == document.number


# --- publication: bulk publish, the portal page, the public PDF ------------------------


@pytest.mark.parametrize(("shape", "kind"), CASES)
def test_every_shape_is_published_with_its_public_pdf(
    shape: Shape, kind: str, org: Organisation, on_commit: OnCommit, tmp_path: Path
) -> None:
    # GIVEN a document walked to approval (publishing tags it if its tagging has not run)
    document = walk(org, shape, kind).document
    records = officer(unit=org.team)

    # WHEN a records officer bulk-publishes it
    response = api_as(records).post(BULK_PUBLISH, {"documents": [document.pk]}, format="json")

    # THEN it is published: one result, and a publication naming its number
    assert response.status_code == 200, response.content
    results = response.json()
    assert [(r["document"], r["published"], r["error"]) for r in results] == [
        (document.pk, True, None)
    ]
    publication = Publication.objects.get(document=document)
    assert publication.pk == results[0]["publication"]
    assert publication.number == document.number
    # AND the portal shows its page with the number and the title at once
    page = Client().get(reverse("portal:document", args=[publication.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert str(document.number) in html
    assert publication.title in html

    # WHEN the public rendition the publication requested is issued
    public = rendition_of(document, RenditionVariant.PUBLIC)
    with on_commit():
        outcome = rendition_issue(rendition_id=public.pk, last_try=True)

    # THEN the signed public PDF joins the publication, verifies and shows the title
    public.refresh_from_db()
    assert outcome == IssueOutcome.DONE, public.last_error
    publication.refresh_from_db()
    assert publication.public_pdf, "the public PDF was not attached to the publication"
    data = publication.public_pdf.read()
    assert publication.public_pdf_sha256 == public.sha256
    verified = official_pdf_verify(data=data)
    assert verified.valid, verified.reason
    assert squashed(publication.title) in pdf_text(data, tmp_path, "public")


def test_bulk_publish_takes_every_shape_at_once(org: Organisation) -> None:
    # GIVEN documents of several shapes, 대결 on a 전결 step among them, in one organisation
    shapes = (
        Shape.DELEGATED_DIVISION,
        Shape.PROXY_ON_DELEGATED,
        Shape.PROXY_ON_MAYOR,
        Shape.CONSULT_DISAGREE,
        Shape.RETURN_RESUBMIT,
        Shape.POST_APPROVAL_AFTER_PROXY,
    )
    ids = [
        walk(org, shape, kind).document.pk for shape, kind in zip(shapes, KINDS * 2, strict=True)
    ]

    # WHEN a records officer publishes them in one request
    response = api_as(officer(unit=org.team)).post(BULK_PUBLISH, {"documents": ids}, format="json")

    # THEN every one is published, one result per id, in order
    assert response.status_code == 200, response.content
    results = response.json()
    assert [r["document"] for r in results] == ids
    assert [r["error"] for r in results if not r["published"]] == []
    assert Publication.objects.filter(document_id__in=ids).count() == len(ids)


# --- the marks the shapes exist for, stated plainly ------------------------------------


def test_a_proxy_on_a_delegated_step_prints_both_marks_in_the_absent_approvers_column(
    org: Organisation,
) -> None:
    # GIVEN the 과장 who holds the 전결 is away and their deputy approves
    walked = walk(org, Shape.PROXY_ON_DELEGATED)
    # WHEN the drafter reads the approval box
    last = approval_box(walked)["signers"][-1]
    # THEN the last column is the 과장's, signed by the deputy, marked 전결 and 대결
    assert {"전결", "대결"} <= set(last["marks"])
    assert last["position"] == org.chain.division_head.position.title  # type: ignore[union-attr]
    assert last["proxy_for"] == org.chain.division_head.name
    assert last["name"] == org.division_deputy.name
    assert last["post_approved_on"] is None
    # AND, as nothing tagged it yet (its commit's tasks did not run), there is no decision
    assert approval_box(walked)["disclosure_decision"] is None


def test_a_proxy_on_the_mayors_step_is_not_delegated(org: Organisation) -> None:
    # GIVEN the mayor is away and the deputy mayor approves in the mayor's column
    walked = walk(org, Shape.PROXY_ON_MAYOR)
    last = approval_box(walked)["signers"][-1]
    # THEN it is marked 대결 only: the head of the organisation approved, nothing delegated
    assert last["marks"] == ["대결"]
    assert (last["position"], last["proxy_for"]) == ("시장", org.chain.mayor.name)
    assert last["name"] == org.chain.deputy_mayor.name


def test_a_post_approval_after_a_proxy_is_dated_in_the_column(org: Organisation) -> None:
    # GIVEN the deputy approved for the absent 과장, who is back and post-approved (후결)
    walked = walk(org, Shape.POST_APPROVAL_AFTER_PROXY)
    last = approval_box(walked)["signers"][-1]
    # THEN the column carries the 후결 date beside the 대결
    assert "대결" in last["marks"]
    assert last["proxy_for"] == org.chain.division_head.name
    assert last["post_approved_on"] is not None


@pytest.mark.parametrize(
    ("shape", "change", "reason"),
    [
        (Shape.EDIT_BEFORE_APPROVING, EDIT_NOTE, DocumentVersion.Reason.EDITED),
        (Shape.RETURN_RESUBMIT, RESUBMIT_NOTE, DocumentVersion.Reason.RESUBMITTED),
    ],
)
def test_the_official_pdf_prints_the_version_that_was_approved(
    shape: Shape, change: str, reason: str, org: Organisation, on_commit: OnCommit, tmp_path: Path
) -> None:
    # GIVEN a document changed on its way: edited by its approver, or revised and resubmitted
    document = walk(org, shape, around_final=on_commit).document
    # THEN the approved version is the changed one, and its PDF prints the change
    assert document.current_version is not None
    assert document.current_version.reason == reason
    data = rendition_of(document, RenditionVariant.OFFICIAL).pdf.read()
    assert squashed(re.sub(r"<[^>]+>", "", change)) in pdf_text(data, tmp_path, "official")
