"""The 후결 counter-signature: once the absent approver post-approves, the PDF says so.

Engine level, through the approval services: the deputy's approval issues the PDF for
real and the post-approval's signal counter-signs it, the tasks running in process on
commit. Both signatures must hold for our verifier and for Poppler's pdfsig.
"""

import datetime
import subprocess
from dataclasses import dataclass
from io import BytesIO, StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from rest_framework.test import APIClient

from approvals.models import ApprovalStep
from approvals.services import post_approve, step_approve
from audit.models import AuditEvent
from core.dispatch import dispatch_deferred
from directory.models import Absence
from documents.models import Document, DocumentStatus
from signing import conf, countersign
from signing.countersign import (
    CountersignOutcome,
    countersignature_apply,
    countersignatures_dispatch,
    countersignatures_sweep,
    rendition_for_file_sha256,
)
from signing.lookup import approved_version_by_hash
from signing.models import (
    Countersignature,
    CountersignatureStatus,
    Rendition,
    RenditionStatus,
    RenditionVariant,
)
from signing.services import official_pdf_verify
from signing.signer import countersign_pdf_bytes
from signing.tasks import (
    countersign_official_pdf,
    issue_official_pdf,
    sweep_pending_countersignatures,
)
from tests.factories.approvals import ApprovalOrg, approval_org, open_step, submit
from tests.factories.directory import AbsenceFactory, PersonFactory
from tests.signing.issuance_support import signature_count

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path: Path, signing_dir: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass(frozen=True)
class ProxyCase:
    org: ApprovalOrg
    document: Document
    rendition: Rendition
    proxy_steps: list[ApprovalStep]  # the 대결 steps, in line order
    absences: list[Absence]


def proxy_approved(*, reviewer_away: bool = False) -> ProxyCase:
    """A memo whose final approver (and the reviewer, if asked) was away: deputies acted."""
    org = approval_org()
    away = [org.reviewer, org.approver] if reviewer_away else [org.approver]
    absences = {
        person.pk: AbsenceFactory.create(
            person=person, deputy=PersonFactory.create(unit=person.unit)
        )
        for person in away
    }
    document = submit(org)
    proxy_steps = []
    for person in (org.reviewer, org.approver):
        absence = absences.get(person.pk)
        actor = absence.deputy if absence else person
        step = open_step(document, actor)
        step_approve(step_id=step.pk, actor=actor)
        if absence:
            proxy_steps.append(step)
    document.refresh_from_db()
    assert document.status == DocumentStatus.APPROVED
    rendition = Rendition.objects.get(
        version=document.current_version, variant=RenditionVariant.OFFICIAL
    )
    return ProxyCase(org, document, rendition, proxy_steps, list(absences.values()))


def back_and_post_approve(case: ProxyCase, step: ApprovalStep) -> None:
    """The absent approver comes back and post-approves the step (후결)."""
    absence = next(a for a in case.absences if a.person_id == step.assignee_id)
    absence.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    absence.save()
    post_approve(step_id=step.pk, actor=step.assignee)


def expected_label(step: ApprovalStep) -> str:
    person = step.assignee
    assert person.position is not None
    today = timezone.now().astimezone(ZoneInfo("Asia/Seoul")).date().isoformat()
    return f"후결: {person.position.title} {person.name} {today}"


def rows_written_tasks_held(capture, case: ProxyCase, steps: list[ApprovalStep]) -> None:
    """Post-approve `steps`: the signal writes the rows on commit; their tasks are held."""
    with dispatch_deferred(countersign_official_pdf.name), capture(execute=True):
        for step in steps:
            back_and_post_approve(case, step)


def stored_pdf(rendition: Rendition) -> bytes:
    rendition.refresh_from_db()
    with rendition.pdf.open("rb") as handle:
        data: bytes = handle.read()
    return data


def countersigned_events(document: Document) -> int:
    return AuditEvent.objects.filter(document=document, action="document.pdf_countersigned").count()


def pdfsig(data: bytes, tmp_path: Path, *, known: tuple[Path, ...] = ()) -> str:
    """What Poppler's pdfsig says of `data`, trusting our exported trust anchor; the
    certificates `known` are in its NSS database too, with no trust of their own."""
    anchor = tmp_path / "anchor.pem"
    call_command("export_trust_anchor", "--out", str(anchor), stdout=StringIO())
    nss = tmp_path / f"nss-{len(known)}"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "--empty-password", "-d", f"sql:{nss}"], check=True)
    subprocess.run(
        ["certutil", "-A", "-n", "dojang", "-t", "CT,C,C", "-i", str(anchor), "-d", f"sql:{nss}"],
        check=True,
    )
    for index, cert in enumerate(known):
        add = ["certutil", "-A", "-n", f"known-{index}", "-t", ",,", "-i", str(cert)]
        subprocess.run([*add, "-d", f"sql:{nss}"], check=True)
    pdf = tmp_path / "countersigned.pdf"
    pdf.write_bytes(data)
    result = subprocess.run(
        ["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True, check=False
    )
    return result.stdout


@pytest.fixture
def countersigned(django_capture_on_commit_callbacks) -> tuple[ProxyCase, bytes]:
    """A 대결 document whose PDF was issued, then post-approved; and the PDF before that."""
    with django_capture_on_commit_callbacks(execute=True):
        case = proxy_approved()
    assert Rendition.objects.get(pk=case.rendition.pk).status == RenditionStatus.DONE
    before = stored_pdf(case.rendition)
    with django_capture_on_commit_callbacks(execute=True):
        back_and_post_approve(case, case.proxy_steps[0])
    return case, before


def test_a_post_approval_after_the_pdf_is_done_counter_signs_it(countersigned):
    # GIVEN a document approved by a deputy, its PDF issued, then post-approved (fixture)
    case, before = countersigned
    [step] = case.proxy_steps

    # THEN one counter-signature is done, saying 후결 with the approver's title, name, date
    [row] = Countersignature.objects.filter(rendition=case.rendition)
    assert row.status == CountersignatureStatus.DONE
    assert row.label == expected_label(step)
    # AND the stored PDF is the earlier one plus the update, with its new hash recorded
    data = stored_pdf(case.rendition)
    assert data.startswith(before)
    assert row.sha256_after == case.rendition.sha256 != row.sha256_before
    assert case.rendition.size == len(data)
    assert countersigned_events(case.document) == 1

    # AND both signatures are valid, the last covering the whole file
    result = official_pdf_verify(data=data)
    assert result.valid, result.reason
    assert (result.intact, result.trusted, result.unmodified) == (True, True, True)
    assert result.coverage == "ENTIRE_FILE"
    first, second = result.signatures
    assert (first.valid, first.intact, first.countersignature) == (True, True, False)
    assert (second.valid, second.intact, second.countersignature) == (True, True, True)
    assert not first.label.startswith("후결")
    assert second.label == row.label
    assert first.signer.subject == second.signer.subject  # the organisation signs both
    assert second.signed_at is not None
    # AND the facts still come from the approval signature's revision
    assert result.document_number == case.document.number
    assert case.document.current_version is not None
    assert result.content_hash == case.document.current_version.content_hash


def test_the_counter_signed_pdf_verifies_with_verify_pdf_and_pdfsig(countersigned, tmp_path):
    case, _ = countersigned
    data = stored_pdf(case.rendition)
    path = tmp_path / "document.pdf"
    path.write_bytes(data)

    # WHEN our command checks it, THEN it exits 0 (it would raise SystemExit(1) otherwise)
    out = StringIO()
    call_command("verify_pdf", str(path), stdout=out)
    assert out.getvalue().startswith("valid:")

    # WHEN Poppler checks it with the trust anchor, THEN both signatures are valid, the
    # approval one trusted, and the second covers the whole document
    report = pdfsig(data, tmp_path)
    assert report.count("Signature Validation: Signature is Valid.") == 2, report
    assert report.count("Total document signed") == 1, report
    assert report.index("Not total document signed") < report.index("Total document signed")
    first = report[: report.index("Signature #2:")]
    assert "Certificate Validation: Certificate is Trusted." in first, report

    # AND both certificates are trusted once pdfsig knows the signer's certificate. Why:
    # Poppler 22.x imports each signature's certificates as temporary NSS certificates
    # without copying their bytes; at the second signature by the same certificate the
    # first one's cached entry may point at freed memory, NSS refuses the import
    # (SEC_ERROR_REUSED_ISSUER_AND_SERIAL) and pdfsig prints "Unknown issue with
    # Certificate or corrupted data", or not, by memory layout. A certificate NSS holds
    # already is not imported again; its entry carries no trust: the anchor's decides.
    report = pdfsig(data, tmp_path, known=(conf.signing_dir() / conf.SIGNER_CERT_FILE,))
    assert report.count("Signature Validation: Signature is Valid.") == 2, report
    assert report.count("Certificate Validation: Certificate is Trusted.") == 2, report


def test_the_earlier_file_still_leads_to_the_document(countersigned):
    # GIVEN a copy downloaded before the post-approval
    case, before = countersigned
    [row] = Countersignature.objects.filter(rendition=case.rendition)

    # THEN its hash still names the rendition and so the document
    found = rendition_for_file_sha256(sha256=row.sha256_before)
    assert found is not None
    assert found.pk == case.rendition.pk
    assert found.version.document_id == case.document.pk
    current = rendition_for_file_sha256(sha256=row.sha256_after)
    assert current is not None
    assert current.pk == case.rendition.pk
    # AND it still verifies (one signature) and its content hash finds the document
    result = official_pdf_verify(data=before, lookup=approved_version_by_hash)
    assert result.valid, result.reason
    assert len(result.signatures) == 1
    assert result.document == {"approved": True, "published": False}


def test_running_the_task_again_adds_no_signature(countersigned):
    # GIVEN a counter-signed PDF
    case, _ = countersigned
    [row] = Countersignature.objects.filter(rendition=case.rendition)
    sha = Rendition.objects.get(pk=case.rendition.pk).sha256

    # WHEN the task runs twice more, the rendition's rows are sent again and the sweep runs
    outcomes = [countersign_official_pdf.apply(args=(row.pk,)).get() for _ in range(2)]
    assert countersignatures_dispatch(rendition_id=case.rendition.pk) == 0
    assert countersignatures_sweep() == 0

    # THEN nothing is signed, stored or audited again
    assert outcomes == [CountersignOutcome.ALREADY_DONE.value] * 2
    data = stored_pdf(case.rendition)
    assert case.rendition.sha256 == sha
    assert signature_count(data) == 2
    assert Countersignature.objects.filter(rendition=case.rendition).count() == 1
    assert countersigned_events(case.document) == 1


def test_a_post_approval_before_the_pdf_is_done_waits_for_it(django_capture_on_commit_callbacks):
    # GIVEN a 대결 document whose PDF task has not run yet
    with django_capture_on_commit_callbacks(execute=False):
        case = proxy_approved()
    [step] = case.proxy_steps

    # WHEN the approver post-approves
    with django_capture_on_commit_callbacks(execute=True):
        back_and_post_approve(case, step)

    # THEN the counter-signature waits, and its task would wait too
    [row] = Countersignature.objects.filter(rendition=case.rendition)
    assert row.status == CountersignatureStatus.PENDING
    outcome = countersignature_apply(countersignature_id=row.pk, last_try=True)
    assert outcome == CountersignOutcome.WAITING
    row.refresh_from_db()
    assert (row.status, row.attempts) == (CountersignatureStatus.PENDING, 0)

    # WHEN the PDF is issued (its announcement lost) and issuance's call sends the rows
    with django_capture_on_commit_callbacks(execute=False):
        issue_official_pdf.apply(args=(case.rendition.pk,))
    with django_capture_on_commit_callbacks(execute=True):
        assert countersignatures_dispatch(rendition_id=case.rendition.pk) == 1

    # THEN the PDF is counter-signed once, and verifies
    row.refresh_from_db()
    assert row.status == CountersignatureStatus.DONE
    result = official_pdf_verify(data=stored_pdf(case.rendition))
    assert result.valid, result.reason
    assert [s.label for s in result.signatures[1:]] == [expected_label(step)]


def reviewer_post_approved_early() -> tuple[ApprovalOrg, Document, ApprovalStep]:
    """The reviewer was away: their deputy reviewed, and they post-approved while the
    document still waited for its approver, so it had no PDF (and no row was written)."""
    org = approval_org()
    deputy = PersonFactory.create(unit=org.reviewer.unit)
    absence = AbsenceFactory.create(person=org.reviewer, deputy=deputy)
    document = submit(org)
    step = open_step(document, deputy)
    step_approve(step_id=step.pk, actor=deputy)
    absence.ends_at = timezone.now() - datetime.timedelta(minutes=1)
    absence.save()
    post_approve(step_id=step.pk, actor=org.reviewer)
    return org, document, step


def test_a_post_approval_before_the_final_approval_is_signed_with_the_new_pdf(
    django_capture_on_commit_callbacks,
):
    # GIVEN the reviewer's 후결 made before the document had a PDF
    with django_capture_on_commit_callbacks(execute=True):
        org, document, step = reviewer_post_approved_early()
    assert not Countersignature.objects.exists()

    # WHEN the approver approves and the PDF is issued (and announced)
    with django_capture_on_commit_callbacks(execute=True):
        step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)

    # THEN the new PDF carries the reviewer's 후결
    [row] = Countersignature.objects.all()
    assert row.status == CountersignatureStatus.DONE
    result = official_pdf_verify(data=stored_pdf(row.rendition))
    assert result.valid, result.reason
    assert [s.label for s in result.signatures[1:]] == [expected_label(step)]


def test_the_sweep_signs_what_no_message_announced(django_capture_on_commit_callbacks, settings):
    # GIVEN the reviewer's 후결 made before the PDF, which was then issued while every
    # message after a commit was lost
    with django_capture_on_commit_callbacks(execute=True):
        org, document, step = reviewer_post_approved_early()
    with django_capture_on_commit_callbacks(execute=False):
        step_approve(step_id=open_step(document, org.approver).pk, actor=org.approver)
        rendition = Rendition.objects.get(version__document=document)
        issue_official_pdf.apply(args=(rendition.pk,))
    assert not Countersignature.objects.exists()

    # WHEN the beat sweep runs, twice
    with django_capture_on_commit_callbacks(execute=True):
        assert countersignatures_sweep() == 1
    assert countersignatures_sweep() == 0

    # THEN the PDF carries the reviewer's 후결, and beat runs that sweep
    [row] = Countersignature.objects.all()
    assert row.status == CountersignatureStatus.DONE
    result = official_pdf_verify(data=stored_pdf(row.rendition))
    assert result.valid, result.reason
    assert result.signatures[-1].label == expected_label(step)
    entry = settings.CELERY_BEAT_SCHEDULE["signing-sweep-pending-countersignatures"]
    assert entry["task"] == sweep_pending_countersignatures.name


def test_two_post_approvals_signed_at_once_both_end_in_the_pdf(
    django_capture_on_commit_callbacks, monkeypatch
):
    # GIVEN a document reviewed and approved by deputies, its PDF issued
    with django_capture_on_commit_callbacks(execute=True):
        case = proxy_approved(reviewer_away=True)
    reviewer_step, approver_step = case.proxy_steps
    rows_written_tasks_held(django_capture_on_commit_callbacks, case, case.proxy_steps)
    first, second = Countersignature.objects.filter(rendition=case.rendition).order_by("pk")

    # WHEN the second is signed and stored while the first is being signed
    real_sign = countersign_pdf_bytes

    def sign_while_the_other_lands(pdf: bytes, **kwargs: str) -> bytes:
        monkeypatch.setattr(countersign, "countersign_pdf_bytes", real_sign)
        assert countersignature_apply(countersignature_id=second.pk, last_try=True) == "done"
        return real_sign(pdf, **kwargs)

    monkeypatch.setattr(countersign, "countersign_pdf_bytes", sign_while_the_other_lands)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = countersignature_apply(countersignature_id=first.pk, last_try=True)

    # THEN the first, finding the file replaced, is signed again over it: three signatures
    assert outcome == CountersignOutcome.RESENT
    first.refresh_from_db()
    assert (first.status, first.attempts) == (CountersignatureStatus.DONE, 2)
    result = official_pdf_verify(data=stored_pdf(case.rendition))
    assert result.valid, result.reason
    labels = [s.label for s in result.signatures[1:]]
    assert labels == [expected_label(approver_step), expected_label(reviewer_step)]
    assert countersigned_events(case.document) == 2


def test_a_pdf_that_does_not_match_its_hash_fails_the_row_without_personal_data(
    django_capture_on_commit_callbacks,
):
    # GIVEN an issued 대결 document whose stored file was altered
    with django_capture_on_commit_callbacks(execute=True):
        case = proxy_approved()
    case.rendition.refresh_from_db()
    Path(case.rendition.pdf.path).write_bytes(b"%PDF-1.7 not what was signed")

    # WHEN the approver post-approves
    with django_capture_on_commit_callbacks(execute=True):
        back_and_post_approve(case, case.proxy_steps[0])

    # THEN the row fails, naming the error's kind and nobody
    [row] = Countersignature.objects.all()
    assert row.status == CountersignatureStatus.FAILED
    assert row.last_error.startswith("CountersignError")
    assert case.proxy_steps[0].assignee.name not in row.last_error
    assert countersigned_events(case.document) == 0


def test_a_transient_failure_puts_the_row_back_for_a_retry(
    django_capture_on_commit_callbacks, monkeypatch
):
    # GIVEN a post-approved 대결 document whose counter-signature has not run yet
    with django_capture_on_commit_callbacks(execute=True):
        case = proxy_approved()
    rows_written_tasks_held(django_capture_on_commit_callbacks, case, case.proxy_steps)
    [row] = Countersignature.objects.all()

    # WHEN the database fails while signing, with retries left
    def database_gone(pdf: bytes, **kwargs: str) -> bytes:
        raise OperationalError("connection lost")

    monkeypatch.setattr(countersign, "countersign_pdf_bytes", database_gone)
    outcome = countersignature_apply(countersignature_id=row.pk, last_try=False)

    # THEN the row is pending again with the error's class; the retry then signs it
    assert outcome == CountersignOutcome.RETRY
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "OperationalError")
    monkeypatch.undo()
    assert countersignature_apply(countersignature_id=row.pk, last_try=False) == "done"
    assert signature_count(stored_pdf(case.rendition)) == 2


def test_staff_see_the_counter_signatures_of_the_pdf(countersigned):
    case, _ = countersigned
    client = APIClient()
    client.force_authenticate(user=case.org.drafter.user)

    response = client.get(f"/api/documents/{case.document.pk}/rendition/")

    assert response.status_code == 200
    [entry] = response.json()["countersignatures"]
    assert entry["status"] == "done"
    assert entry["label"] == expected_label(case.proxy_steps[0])


def test_a_change_between_the_signatures_is_reported_as_modified(memo_pdf):
    # GIVEN the approval-signed PDF, a page turned in an update, then counter-signed
    buffer = BytesIO(memo_pdf)
    writer = IncrementalPdfFileWriter(buffer, strict=False)
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page["/Rotate"] = generic.NumberObject(90)  # type: ignore[no-untyped-call]
    writer.update_container(page)
    writer.write_in_place()  # type: ignore[no-untyped-call]
    data = countersign_pdf_bytes(
        buffer.getvalue(), field_name="DojangPostApproval1", reason="후결", location="도장시"
    )

    # WHEN verified, THEN the approval signature is extended by more than signatures
    result = official_pdf_verify(data=data)
    assert result.code == "modified"
    assert not result.valid
    assert [s.code for s in result.signatures] == ["modified", "valid"]


def test_content_added_after_the_counter_signature_is_reported_as_modified(memo_pdf):
    data = countersign_pdf_bytes(
        memo_pdf, field_name="DojangPostApproval1", reason="후결", location="도장시"
    )
    assert official_pdf_verify(data=data).valid

    result = official_pdf_verify(data=data + b"\n1 0 obj\n(added)\nendobj\n")

    assert not result.valid
    assert result.code in {"modified", "broken"}
