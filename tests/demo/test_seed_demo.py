"""seed_demo's documents: about 200 of every kind and state, made by the real services,
something in every box each demo login shows, nothing added by a second run, and an
audit chain that still verifies.

Seeding the demo organisation and its documents takes a while, so the module seeds
once (GIVEN) and each test reads what it made.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.test import override_settings
from rest_framework.test import APIClient

from approvals.models import ApprovalStage, ApprovalStep, StageKind, StepStatus
from approvals.selectors import BOXES, box_counts, step_box
from audit.models import AuditEvent
from audit.verification import audit_chain_verify
from demo.documents import DEFERRED_TASKS
from demo.documents.cast import SHOWCASE, Cast, cast_find
from demo.seed import DemoLogin, seed_all
from directory.models import Absence, Person
from disclosure.models import DisclosureReview, ReviewStatus
from disclosure.services.tagging import disclosure_tag
from documents.models import (
    BudgetLine,
    Document,
    DocumentKind,
    DocumentStatus,
    DocumentVersion,
    PersonnelAction,
)
from notifications.models import Notification
from signing.issuance import rendition_issue
from signing.models import Rendition, RenditionStatus
from signing.services import official_pdf_verify
from tests.factories.documents import default_delegation_rules

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(
    django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[DemoLogin]]:
    """GIVEN an empty database on which seed_demo has run once (rolled back after),
    with tasks run in process as in the embedded default (no broker), on a machine
    with no signing keys yet (a fresh clone)."""
    eager = override_settings(
        CELERY_TASK_ALWAYS_EAGER=True, SIGNING_DIR=tmp_path_factory.mktemp("demo") / "signing"
    )
    with django_db_blocker.unblock(), eager, transaction.atomic():
        default_delegation_rules()
        yield seed_all()
        transaction.set_rollback(True)


@pytest.fixture
def cast(seeded: list[DemoLogin]) -> Cast:
    found = cast_find()
    assert found is not None
    return found


def test_a_fresh_clone_gets_signing_keys_and_signed_demo_pdfs(seeded: list[DemoLogin]) -> None:
    assert (settings.SIGNING_DIR / "signer-key.pem").exists()
    pending = Rendition.objects.filter(status=RenditionStatus.PENDING).first()
    assert pending is not None  # deferred: the embedded beat renders them after the commit

    rendition_issue(rendition_id=pending.pk, last_try=True)
    pending.refresh_from_db()
    assert pending.status == RenditionStatus.DONE, pending.last_error
    assert official_pdf_verify(data=pending.pdf.read()).valid


def test_about_200_documents_of_every_kind_in_every_state(seeded: list[DemoLogin]) -> None:
    assert 180 <= Document.objects.count() <= 220
    statuses = set(Document.objects.values_list("status", flat=True))
    assert statuses == set(DocumentStatus.values)
    assert set(Document.objects.values_list("kind", flat=True)) == set(DocumentKind.values)
    # a recalled document is a draft again, with the version it was submitted as
    recalled = DocumentVersion.objects.filter(document__status=DocumentStatus.DRAFT)
    assert recalled.exists()
    # some came back, were revised and went round again
    assert ApprovalStage.objects.filter(round=2).exists()


def test_approvals_of_every_sort_are_there(seeded: list[DemoLogin]) -> None:
    final = ApprovalStep.objects.filter(stage__kind=StageKind.APPROVE, status=StepStatus.APPROVED)
    assert final.filter(is_delegated=True).exists()  # 전결
    assert final.filter(is_delegated=False).exists()  # the mayor's own
    proxy = final.filter(is_proxy=True, post_approved_at__isnull=True)  # 대결, 후결 due
    assert proxy.exclude(acted_by=F("assignee")).exists()
    assert PersonnelAction.objects.filter(applied_at__isnull=False).exists()
    approved = Document.objects.filter(status=DocumentStatus.APPROVED)
    assert not approved.filter(number=None).exists()
    assert ApprovalStep.objects.filter(status=StepStatus.DISAGREED).exists()


def test_a_parallel_consultation_is_half_answered(seeded: list[DemoLogin]) -> None:
    consultations = ApprovalStage.objects.filter(kind=StageKind.CONSULT).prefetch_related("steps")
    answered = {StepStatus.AGREED, StepStatus.PENDING}
    assert any({step.status for step in stage.steps.all()} >= answered for stage in consultations)


def test_every_box_each_login_shows_has_content(seeded: list[DemoLogin], cast: Cast) -> None:
    assert {box for boxes in SHOWCASE.values() for box in boxes} == set(BOXES)
    for role, person in cast.by_role().items():
        counts = box_counts(person=person)
        empty = [box for box in SHOWCASE[role] if not counts[box]]
        assert not empty, f"{role} has empty boxes: {empty}"
    # the deputy of the away bureau director acts for him (proxy tasks), the steps that
    # waited for him before he left included: nothing waits in his own box
    assert step_box(person=cast.division_head, box="to_act").filter(is_proxy=True).exists()
    assert not step_box(person=cast.bureau_director, box="to_act").exists()
    assert Absence.objects.filter(person=cast.bureau_director, deputy=cast.division_head).exists()


def test_the_printed_logins_are_the_people_with_content(
    seeded: list[DemoLogin], cast: Cast
) -> None:
    staff = {person.user.username: role for role, person in cast.by_role().items()}
    usernames = [login.username for login in seeded]
    people = Person.objects.filter(user__username__in=usernames)
    assert set(people.values_list("user__username", flat=True)) == set(staff)
    drafter = next(login for login in seeded if login.username == cast.drafter.user.username)
    assert "drafts" in drafter.role
    assert "returned" in drafter.role
    assert seeded[0].username == "admin"


def test_a_second_run_adds_nothing(seeded: list[DemoLogin]) -> None:
    models = (Document, ApprovalStep, AuditEvent, Notification, Absence, BudgetLine)
    before = [model.objects.count() for model in models]

    again = seed_all()

    assert [model.objects.count() for model in models] == before
    assert [login.username for login in again] == [login.username for login in seeded]


def test_the_audit_chain_verifies_after_seeding(seeded: list[DemoLogin]) -> None:
    report = audit_chain_verify()
    assert report.ok, report.problem
    assert report.checked > Document.objects.count()


def test_tasks_run_in_process_are_deferred_not_queued(seeded: list[DemoLogin]) -> None:
    # Tasks run in process: seeding leaves no e-mail or PDF task waiting for the commit,
    # and the notifications are still written (shown in the web app, e-mailed by the sweep).
    queued = [getattr(entry[1], "func", None) for entry in connection.run_on_commit]
    names = {getattr(getattr(func, "__self__", None), "name", None) for func in queued}
    assert not names & set(DEFERRED_TASKS)
    assert Notification.objects.filter(emailed_at=None).exists()


def test_every_approved_document_names_its_drafter_under_a_statutory_number(
    seeded: list[DemoLogin], cast: Cast
) -> None:
    # GIVEN every approved demo document, WHEN its approval box is read
    client = APIClient(SERVER_NAME="127.0.0.1")
    client.force_authenticate(user=cast.records_officer.user)
    approved = Document.objects.filter(status=DocumentStatus.APPROVED).select_related("unit")
    assert approved.exists()
    for document in approved:
        box = client.get(f"/api/documents/{document.pk}/approval-box/")
        # THEN it answers, heads with the drafter, and the number is 처리과명-일련번호
        assert box.status_code == 200, (document.pk, box.content[:200])
        assert box.json()["drafter"]["name"] == document.drafter.name
        assert document.number == f"{document.unit.name}-{document.number_sequence}"


def test_publishing_every_pending_demo_review_in_bulk_answers_each(
    seeded: list[DemoLogin], cast: Cast
) -> None:
    # GIVEN every approved demo document, each with its pending review (전결 taken by a
    # deputy among them); the fixture's transaction never commits, so tagging, which the
    # approval's commit sends, is run here
    approved = Document.objects.filter(status=DocumentStatus.APPROVED).order_by("pk")
    for document_id in approved.values_list("pk", flat=True):
        disclosure_tag(document_id=document_id)
    pending = list(
        DisclosureReview.objects.filter(status=ReviewStatus.PENDING)
        .order_by("document_id")
        .values_list("document_id", flat=True)
    )
    assert ApprovalStep.objects.filter(
        stage__document_id__in=pending, is_proxy=True, is_delegated=True
    ).exists()
    # WHEN a records officer publishes them all at once
    client = APIClient(SERVER_NAME="127.0.0.1")
    client.force_authenticate(user=cast.records_officer.user)
    answer = client.post(
        "/api/disclosure/reviews/bulk-publish/", {"documents": pending}, format="json"
    )
    # THEN the answer is 200 with one result per document, every one published
    assert answer.status_code == 200
    results = answer.json()
    assert [r["document"] for r in results] == pending
    assert [r for r in results if not r["published"]] == []


def test_the_portal_shows_open_and_partial_demo_publications(
    seeded: list[DemoLogin], cast: Cast
) -> None:
    # GIVEN the seeded demo (approved documents published through the product's services)
    from portal.models import Publication
    from portal.selectors import public_publications

    published = list(public_publications().order_by("pk"))
    levels = {p.level for p in published}

    # THEN there are open and partial ones, published by the demo's records officer
    assert {"open", "partial"} <= levels
    assert Publication.objects.filter(level="open").count() >= 5
    assert Publication.objects.filter(level="partial").count() >= 2
    deciders = DisclosureReview.objects.filter(
        document_id__in=[p.document_id for p in published]
    ).values_list("decided_by_id", flat=True)
    assert set(deciders) == {cast.records_officer.pk}
    # AND a visitor sees them on the portal's home page right away
    client = APIClient(SERVER_NAME="127.0.0.1")
    home = client.get("/").content.decode()
    assert sum(p.title in home for p in published) >= 5
    # AND a partial one's page hides the paragraph still in deliberation
    partial = next(p for p in published if p.level == "partial")
    page = client.get(f"/documents/{partial.pk}/").content.decode()
    assert partial.title in page
    assert "세부 내용: 붙임 계획서 참조" not in page
