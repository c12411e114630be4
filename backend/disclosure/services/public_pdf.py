"""The public PDF: the official form rendered and signed from the redacted version.

Rules:
- the snapshot (signing.snapshot.OfficialDocument) is built from the public
  version only: redacted title, recipient, body HTML and kind fields; the
  original text never reaches the renderer, so it cannot reach the PDF, its
  metadata or its embedded approval record;
- the approval box shows positions and the names of the officials who acted
  (public officials act in public); a signer whose name is a private person's
  name found in the document is shown as a mark instead;
- the approval history embedded in the PDF has no comments (they are internal);
- only the attachments published with the document are listed;
- the content hash is the approved version's: the public PDF says which approved
  version it is the redacted rendition of.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from approvals.models import ApprovalStep, StageKind, StepStatus
from disclosure.models import DisclosureReview
from disclosure.redaction import PublicVersion, VersionTexts, span_mark
from documents.models import Attachment, Document
from signing.services import IssuedPdf, official_pdf_issue
from signing.snapshot import (
    ApprovalEvent,
    AttachmentInfo,
    BudgetDetails,
    ConsultOpinion,
    DisclosureMark,
    LineSigner,
    OfficialDocument,
    PersonnelDetails,
)

ACTED = (StepStatus.APPROVED, StepStatus.AGREED, StepStatus.DISAGREED)
ACTION_LABELS = {
    "appointment": "임용",
    "transfer": "전보",
    "promotion": "승진",
    "leave": "휴직",
    "return": "복직",
}
PRIVATE_NAME_MARK = span_mark(6)


def public_pdf_issue(
    *, review: DisclosureReview, public: PublicVersion, attachments: list[Attachment]
) -> IssuedPdf:
    """Render and sign the public PDF of a reviewed document."""
    return official_pdf_issue(document=public_snapshot(review, public, attachments))


def public_snapshot(
    review: DisclosureReview, public: PublicVersion, attachments: list[Attachment]
) -> OfficialDocument:
    document = review.document
    content = review.version.content
    private = set(VersionTexts(content).private_names())
    signers, history = _line(document, private)
    return OfficialDocument(
        kind=document.kind,  # type: ignore[arg-type]  # DocumentKind values are the Literal's
        issuer=str(settings.SIGNING_ORGANIZATION),
        recipient=public.fields.get("recipient") or "내부결재",
        title=public.title,
        body_html=public.html,
        signers=signers,
        document_number=str(document.number),
        enforcement_date=_local_date(document.approved_at),
        unit_address=document.unit.address,
        unit_phone=document.unit.phone,
        drafter_email=document.drafter.email,
        disclosure=DisclosureMark(level=review.level, grounds=tuple(review.grounds)),  # type: ignore[arg-type]
        content_hash=review.version.content_hash,
        verification_url=settings.DISCLOSURE_VERIFY_URL.format(hash=review.version.content_hash),
        attachments=tuple(AttachmentInfo(name=a.name, size_bytes=a.size) for a in attachments),
        history=history,
        budget=_budget(content, public) if document.kind == "budget" else None,
        personnel=_personnel(content, public) if document.kind == "personnel" else None,
    )


def _local_date(moment: dt.datetime | None) -> dt.date:
    return timezone.localdate(moment) if moment else timezone.localdate()


def _line(
    document: Document, private: set[str]
) -> tuple[tuple[LineSigner, ...], tuple[ApprovalEvent, ...]]:
    """The signers of the last round, in line order, and their actions (no comments)."""
    steps = list(
        ApprovalStep.objects.filter(stage__document=document, status__in=ACTED)
        .select_related("stage", "assignee", "acted_by")
        .order_by("-stage__round", "stage__order", "order", "id")
    )
    last_round = steps[0].stage.round if steps else 0
    signers, history = [], []
    for step in (s for s in steps if s.stage.round == last_round):
        actor = step.acted_by or step.assignee
        name = PRIVATE_NAME_MARK if actor.name in private else actor.name
        acted_at = step.acted_at or document.approved_at or timezone.now()
        signers.append(
            LineSigner(
                position=step.position_title or (actor.position.title if actor.position else ""),
                name=name,
                signed_on=_local_date(acted_at),
                role=step.stage.kind,  # type: ignore[arg-type]  # StageKind values
                delegated=step.is_delegated and step.stage.kind == StageKind.APPROVE,
                proxy_for=_proxy_for(step, private),
                opinion=_opinion(step),
            )
        )
        history.append(ApprovalEvent(at=acted_at, actor=name, action=step.stage.kind))
    return tuple(signers), tuple(history)


def _proxy_for(step: ApprovalStep, private: set[str]) -> str | None:
    if not step.is_proxy:
        return None
    return PRIVATE_NAME_MARK if step.assignee.name in private else step.assignee.name


def _opinion(step: ApprovalStep) -> ConsultOpinion | None:
    if step.stage.kind != StageKind.CONSULT:
        return None
    return "disagree" if step.status == StepStatus.DISAGREED else "agree"


def _kind_fields(content: dict[str, Any]) -> dict[str, Any]:
    fields = content.get("fields")
    return fields if isinstance(fields, dict) else {}


def _budget(content: dict[str, Any], public: PublicVersion) -> BudgetDetails:
    fields = _kind_fields(content)
    line = fields.get("budget_line") or {}
    line_name = " ".join(str(line.get(k, "")) for k in ("code", "name")).strip()
    return BudgetDetails(
        fiscal_year=int(fields.get("fiscal_year") or 0),
        budget_line=line_name,
        amount_krw=int(fields.get("amount") or 0),
        payee=public.fields.get("payee", ""),
        purpose=public.fields.get("purpose", ""),
    )


def _personnel(content: dict[str, Any], public: PublicVersion) -> PersonnelDetails:
    fields = _kind_fields(content)
    unit = fields.get("target_unit") or {}
    return PersonnelDetails(
        person=public.fields.get("person", ""),
        action=ACTION_LABELS.get(str(fields.get("action_type")), str(fields.get("action_type"))),
        effective_date=dt.date.fromisoformat(str(fields.get("effective_date"))),
        target_unit=str(unit.get("name", "")) if isinstance(unit, dict) else "",
        target_position=str(fields.get("target_position") or ""),
    )
