"""From an approved version to the frozen input of its official PDF.

Rules:
- what was approved comes from the version's content JSON (title, body, recipient,
  kind fields, attachments, proposed disclosure), never from the live document,
  whose fields may have moved on; the content hash is the version's;
- the approval box is the last submission round's line in line order (stage, then
  step): reviewers, consultees with their agreement or disagreement, and the final
  approver marked 전결 (delegated) or 대결 (proxy, naming the absent assignee; a
  deputy standing in for a delegated approval signs 대결);
- the disclosure mark is the records officer's decision when the disclosure app
  recorded one, otherwise the drafter's proposal frozen in the version;
- the enforcement date is the approval's date in Asia/Seoul;
- the verification URL is SITE_URL + /verify/?document=<number>;
- the public variant (for the records officers' redacted PDF) takes the redacted
  body from the caller and leaves comments out of the embedded history.
Anything impossible (a version that is not the approved one) raises ValueError.
"""

import datetime as dt
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings

from approvals.models import ApprovalStep, StageKind, StepStatus
from documents.models import Attachment, Document, DocumentStatus, DocumentVersion
from signing.snapshot import (
    ApprovalEvent,
    AttachmentInfo,
    BudgetDetails,
    ConsultOpinion,
    DisclosureMark,
    DocumentKind,
    LineSigner,
    OfficialDocument,
    PersonnelDetails,
    SignerRole,
)

SEOUL = ZoneInfo("Asia/Seoul")
ACTED = (StepStatus.APPROVED, StepStatus.AGREED, StepStatus.DISAGREED)
HISTORY_STATUSES = (*ACTED, StepStatus.RETURNED)
# The official form is Korean whatever the reader's language.
PERSONNEL_ACTIONS = {
    "appointment": "임용",
    "transfer": "전보",
    "promotion": "승진",
    "leave": "휴직",
    "return": "복직",
}
INTERNAL_RECIPIENT = "내부결재"


def official_document_for(
    *, version: DocumentVersion, public: bool = False, redacted_body_html: str | None = None
) -> OfficialDocument:
    """The OfficialDocument of `version`, the approved version of an approved document.

    `public=True` builds the redacted rendition: `redacted_body_html` (sanitized by
    the caller) replaces the body and the history carries no comments.
    """
    document = _approved_document(version)
    content: dict[str, Any] = version.content
    kind: DocumentKind = content["kind"]
    fields = content.get("fields") or {}
    steps = _steps(document)
    return OfficialDocument(
        kind=kind,
        issuer=str(settings.SIGNING_ORGANIZATION),
        recipient=str(content.get("recipient") or "").strip() or INTERNAL_RECIPIENT,
        title=str(content["title"]),
        body_html=_body(content, public=public, redacted=redacted_body_html),
        signers=_signers(steps),
        document_number=str(document.number),
        enforcement_date=seoul_date(document.approved_at),
        unit_address=document.unit.address,
        unit_phone=document.unit.phone,
        drafter_email=document.drafter.email,
        disclosure=disclosure_mark_for(document=document, content=content),
        content_hash=version.content_hash,
        verification_url=verification_url(str(document.number)),
        attachments=_attachments(document, content),
        history=_history(document, steps, with_comments=not public),
        budget=_budget(fields) if kind == "budget" else None,
        personnel=_personnel(fields) if kind == "personnel" else None,
    )


def _approved_document(version: DocumentVersion) -> Document:
    document = Document.objects.select_related("unit", "drafter").get(pk=version.document_id)
    if document.status != DocumentStatus.APPROVED or not document.number:
        raise ValueError("only an approved, numbered document has an official PDF")
    if document.current_version_id != version.pk:
        raise ValueError("the version is not the document's approved version")
    return document


def _body(content: dict[str, Any], *, public: bool, redacted: str | None) -> str:
    if public:
        if redacted is None:
            # Never fall back to the original: it is what redaction took out.
            raise ValueError("the public variant needs the redacted body")
        return redacted
    # The version froze the body as sanitized HTML (documents.sanitize on every write).
    return str(content.get("body") or "")


def seoul_date(moment: dt.datetime | None) -> dt.date:
    """The calendar date of `moment` in Seoul (a Korean official date)."""
    if moment is None:
        raise ValueError("an approved document has an approval time")
    return moment.astimezone(SEOUL).date()


def verification_url(number: str) -> str:
    """Where the PDF's QR code sends a reader: the public verification page."""
    base = str(settings.SITE_URL).rstrip("/")
    return f"{base}/verify/?{urlencode({'document': number})}"


def disclosure_mark_for(*, document: Document, content: dict[str, Any]) -> DisclosureMark:
    """The records officer's decided level if there is one, else the frozen proposal."""
    decided = _decided_disclosure(document)
    if decided is not None:
        return decided
    proposed = content.get("proposed_disclosure") or {}
    return DisclosureMark(
        level=str(proposed.get("level") or "open"),  # type: ignore[arg-type]  # checked by DisclosureMark
        grounds=tuple(sorted(set(proposed.get("grounds") or ()))),
    )


def _decided_disclosure(document: Document) -> DisclosureMark | None:
    try:
        # Looked up by name: the disclosure app builds on signing, not the reverse.
        review_model = apps.get_model("disclosure", "DisclosureReview")
    except LookupError:
        return None
    review = review_model.objects.filter(document=document, decided_at__isnull=False).first()
    if review is None:
        return None
    level = review.level
    return DisclosureMark(level=level, grounds=tuple(sorted(set(review.grounds))))  # type: ignore[arg-type]  # checked by DisclosureMark


def _steps(document: Document) -> list[ApprovalStep]:
    """Every acted or returned step of every round, oldest round first, in line order."""
    return list(
        ApprovalStep.objects.filter(stage__document=document, status__in=HISTORY_STATUSES)
        .select_related("stage", "assignee__position", "acted_by__position")
        .order_by("stage__round", "stage__order", "order", "id")
    )


def _signers(steps: list[ApprovalStep]) -> tuple[LineSigner, ...]:
    last_round = max((s.stage.round for s in steps), default=0)
    return tuple(
        _signer(step) for step in steps if step.stage.round == last_round and step.status in ACTED
    )


def _signer(step: ApprovalStep) -> LineSigner:
    actor = step.acted_by or step.assignee
    role: SignerRole = step.stage.kind  # type: ignore[assignment]  # StageKind values
    # A deputy signs under their own title; the line's title is the absent assignee's.
    own_title = actor.position.title if actor.position else ""
    position = own_title if step.is_proxy else (step.position_title or own_title)
    return LineSigner(
        position=position,
        name=actor.name,
        signed_on=seoul_date(step.acted_at),
        role=role,
        # A deputy acting for the holder of a delegated approval signs 대결, not 전결.
        delegated=step.is_delegated and not step.is_proxy and step.stage.kind == StageKind.APPROVE,
        proxy_for=step.assignee.name if step.is_proxy else None,
        opinion=_opinion(step),
    )


def _opinion(step: ApprovalStep) -> ConsultOpinion | None:
    if step.stage.kind != StageKind.CONSULT:
        return None
    return "disagree" if step.status == StepStatus.DISAGREED else "agree"


def _history(
    document: Document, steps: list[ApprovalStep], *, with_comments: bool
) -> tuple[ApprovalEvent, ...]:
    events = [
        ApprovalEvent(
            at=step.acted_at or dt.datetime.min.replace(tzinfo=dt.UTC),
            actor=(step.acted_by or step.assignee).name,
            action=f"{step.stage.kind}.{step.status}" + (".proxy" if step.is_proxy else ""),
            comment=step.comment if with_comments else "",
        )
        for step in steps
    ]
    if document.submitted_at is not None:
        submit = ApprovalEvent(
            at=document.submitted_at, actor=document.drafter.name, action="submit"
        )
        events.append(submit)
    return tuple(sorted(events, key=lambda event: event.at))


def _attachments(document: Document, content: dict[str, Any]) -> tuple[AttachmentInfo, ...]:
    """The attachments the version froze, with sizes from the files of the same hash."""
    sizes = dict(Attachment.objects.filter(document=document).values_list("sha256", "size"))
    return tuple(
        AttachmentInfo(name=str(item["name"]), size_bytes=int(sizes.get(item["sha256"], 0)))
        for item in content.get("attachments") or ()
    )


def _budget(fields: dict[str, Any]) -> BudgetDetails:
    line = fields.get("budget_line") or {}
    return BudgetDetails(
        fiscal_year=int(fields["fiscal_year"]),
        budget_line=" ".join(str(line.get(k, "")) for k in ("code", "name")).strip(),
        amount_krw=int(fields["amount"]),
        payee=str(fields.get("payee", "")),
        purpose=str(fields.get("purpose", "")),
    )


def _personnel(fields: dict[str, Any]) -> PersonnelDetails:
    person = fields.get("person") or {}
    unit = fields.get("target_unit") or {}
    action = str(fields.get("action_type", ""))
    return PersonnelDetails(
        person=str(person.get("name", "")),
        action=PERSONNEL_ACTIONS.get(action, action),
        effective_date=dt.date.fromisoformat(str(fields["effective_date"])),
        target_unit=str(unit.get("name", "")),
        target_position=str(fields.get("target_position") or ""),
    )
