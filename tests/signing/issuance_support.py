"""Helpers of the issuance tests: documents approved for real, through the services.

`approve(...)` drafts, submits and walks the line with the approvals services; the
final approval requests the official PDF itself (approvals' document_finalize).
"""

import subprocess
from io import BytesIO
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader

from approvals.services import consult_respond, step_approve
from directory.models import Person
from documents.models import Document, DocumentKind, DocumentVersion
from signing.models import Rendition, RenditionVariant
from tests.factories.approvals import ApprovalOrg, open_step, submit


def approve(
    org: ApprovalOrg,
    kind: str = DocumentKind.MEMO,
    *,
    consult: bool = False,
    disagree: bool = False,
    final_actor: Person | None = None,
    **fields: object,
) -> tuple[Document, Rendition]:
    """Walk a submitted document to its final approval; returns it and its Rendition."""
    document = submit(org, kind, consult=consult, **fields)
    step_approve(step_id=open_step(document, org.reviewer).pk, actor=org.reviewer, comment="검토")
    if consult:
        for index, person in enumerate(org.consultees):
            agree = not (disagree and index == 0)
            step = open_step(document, person)
            consult_respond(step_id=step.pk, actor=person, agree=agree, comment="이견 있음")
    actor = final_actor or org.approver
    step_approve(step_id=open_step(document, actor).pk, actor=actor)
    document.refresh_from_db()
    rendition = Rendition.objects.get(
        version=document.current_version, variant=RenditionVariant.OFFICIAL
    )
    return document, rendition


def pdf_text(data: bytes, tmp_path: Path) -> str:
    """The text of a PDF as poppler's pdftotext reads it."""
    path = tmp_path / "text-source.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def signature_count(data: bytes) -> int:
    return len(PdfFileReader(BytesIO(data), strict=False).embedded_signatures)


def version_of(document: Document) -> DocumentVersion:
    """The approved (current) version of an approved document."""
    assert document.current_version is not None
    return document.current_version
