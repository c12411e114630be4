"""From an approved version to the frozen input of its PDF: the one builder of both variants.

Rules:
- what was approved comes from the version's content JSON (title, body, recipient,
  kind fields, attachments, proposed disclosure), never from the live document,
  whose fields may have moved on;
- the public variant takes what redaction left (`PublicContent`, frozen by the
  disclosure app when it publishes) in place of the title, recipient, body, kind
  fields and attachments; the original text never reaches its renderer;
- the approval box (one rule, `line_signers`) is the drafter, then the last
  submission round's steps in line order. A column carries the line's title: for
  대결 the absent approver's, marked 대결 with the deputy's name and date, and 후결
  with its date once the absent approver post-approved; 전결 stands in the column
  of the approver who holds the delegation, deputy or not;
- the public variant shows a signer whose name is a private person's name found
  in the document as a mark (public officials act in public, private persons not);
- the official PDF prints the disclosure level proposed and frozen at approval;
  the public PDF prints the records officer's decision;
- neither variant embeds comments: they are internal, and an official document
  sent outside (시행문) must not carry them;
- the official variant names the approved version by its content hash; the
  public one by its own content's hash and a keyed HMAC of the approved version's
  hash (`approved_version_ref`), so nothing public can confirm a guess at what
  redaction removed;
- the number is the document's (처리과명-일련번호), the date the approval's in
  Asia/Seoul, the verification URL SITE_URL/verify/?document=<number>&year=<year>.
Anything impossible (a version that is not the approved one) raises ValueError.
"""

import datetime as dt
from pathlib import PurePath
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.crypto import salted_hmac

from approvals.models import ApprovalStep, StageKind, StepStatus
from documents.models import Document, DocumentStatus, DocumentVersion
from signing.public_content import PublicContent
from signing.snapshot import (
    ApprovalEvent,
    AttachmentInfo,
    BudgetDetails,
    ConsultOpinion,
    DisclosureMark,
    DocumentKind,
    Issuer,
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
# What stands for a private person's name in the public variant (ground 6).
PRIVATE_NAME_MARK = "○○○"
_REF_SALT = "dojang.signing.approved-version-ref"


def official_document_for(
    *, version: DocumentVersion, public: PublicContent | None = None
) -> OfficialDocument:
    """The OfficialDocument of `version`, the approved version of an approved document.

    With `public`, the public (redacted) variant of it; see the module's rules.
    """
    document = _approved_document(version)
    content: dict[str, Any] = version.content
    kind: DocumentKind = content["kind"]
    fields = content.get("fields") or {}
    hidden = frozenset(public.private_names) if public else frozenset()
    steps = _steps(document)
    recipient = _recipient(public.recipient if public else content.get("recipient"))
    return OfficialDocument(
        variant="public" if public else "official",
        kind=kind,
        issuer=_issuer(document, recipient),
        recipient=recipient,
        title=public.title if public else str(content["title"]),
        body_html=public.body_html if public else str(content.get("body") or ""),
        drafter=_drafter(document, hidden),
        signers=line_signers(steps, hidden=hidden),
        document_number=str(document.number),
        enforcement_date=seoul_date(document.approved_at),
        disclosure=_disclosure(content, public),
        content_hash=public.content_hash if public else version.content_hash,
        approved_version_ref=(
            approved_version_ref(version.content_hash) if public else version.content_hash
        ),
        verification_url=verification_url(document),
        attachments=_attachments(public.attachments if public else _frozen_names(content)),
        history=_history(document, steps, hidden),
        budget=_budget(fields, public) if kind == "budget" else None,
        personnel=_personnel(fields, public) if kind == "personnel" else None,
    )


# What a preview prints for the number it does not have yet: as wide as a real one.
PREVIEW_SERIAL = "99999"


def preview_document_for(
    *, version: DocumentVersion, signers: tuple[LineSigner, ...] | None = None
) -> OfficialDocument:
    """The OfficialDocument `version` would print if approved today on its current line.

    For measuring (signing.page_check) and previewing (signing.draft_preview), never for
    issuing: the number is a placeholder, every step of the latest round (or of
    `signers`, a line not written yet) signs today, consultees agree.
    """
    document = Document.objects.select_related("unit", "drafter__position", "drafter__unit").get(
        pk=version.document_id
    )
    content: dict[str, Any] = version.content
    kind: DocumentKind = content["kind"]
    fields = content.get("fields") or {}
    recipient = _recipient(content.get("recipient"))
    today = dt.datetime.now(SEOUL).date()
    drafter = document.drafter
    return OfficialDocument(
        kind=kind,
        issuer=_issuer(document, recipient),
        recipient=recipient,
        title=str(content["title"]),
        body_html=str(content.get("body") or ""),
        drafter=LineSigner(
            position=drafter.position.title if drafter.position else "",
            unit=drafter.unit.name,
            name=drafter.name,
            signed_on=today,
            role="draft",
        ),
        signers=signers if signers is not None else _planned_signers(document, today),
        document_number=f"{document.unit.name}-{PREVIEW_SERIAL}",
        enforcement_date=today,
        disclosure=proposed_disclosure(content),
        content_hash=version.content_hash,
        approved_version_ref=version.content_hash,
        verification_url=f"{str(settings.SITE_URL).rstrip('/')}/verify/",
        attachments=_attachments(_frozen_names(content)),
        budget=_budget(fields, None) if kind == "budget" else None,
        personnel=_personnel(fields, None) if kind == "personnel" else None,
    )


def _planned_signers(document: Document, today: dt.date) -> tuple[LineSigner, ...]:
    steps = ApprovalStep.objects.filter(stage__document=document).select_related(
        "stage", "assignee__position", "assignee__unit"
    )
    last_round = max((step.stage.round for step in steps), default=0)
    planned = sorted(
        (step for step in steps if step.stage.round == last_round),
        key=lambda step: (step.stage.order, step.order, step.pk),
    )
    return tuple(
        LineSigner(
            position=step.position_title
            or (step.assignee.position.title if step.assignee.position else ""),
            unit=step.assignee.unit.name,
            name=step.assignee.name,
            signed_on=today,
            role=step.stage.kind,  # type: ignore[arg-type]  # StageKind values
            opinion="agree" if step.stage.kind == StageKind.CONSULT else None,
        )
        for step in planned
    )


def approved_version_ref(content_hash: str) -> str:
    """A keyed HMAC of an approved version's hash: public PDFs name their version by it.

    Keyed with the deployment's SECRET_KEY, so no one outside can compute it for a
    guessed text; staff can match it by computing it for a version they may read.
    """
    return salted_hmac(_REF_SALT, content_hash, algorithm="sha256").hexdigest()


def _approved_document(version: DocumentVersion) -> Document:
    document = Document.objects.select_related("unit", "drafter__position", "drafter__unit").get(
        pk=version.document_id
    )
    if document.status != DocumentStatus.APPROVED or not document.number:
        raise ValueError("only an approved, numbered document has an official PDF")
    if document.current_version_id != version.pk:
        raise ValueError("the version is not the document's approved version")
    return document


def _recipient(value: object) -> str:
    return str(value or "").strip() or INTERNAL_RECIPIENT


def _issuer(document: Document, recipient: str) -> Issuer:
    """발신명의 is the head's title on a document sent outside; 내부결재 has none."""
    external = recipient != INTERNAL_RECIPIENT
    drafter = document.drafter
    return Issuer(
        organization=str(settings.ORGANIZATION_NAME),
        sender=str(settings.ORGANIZATION_HEAD_TITLE) if external else "",
        seal_omitted=external and bool(settings.OFFICIAL_SEAL_OMITTED),
        postcode=str(settings.ORGANIZATION_POSTCODE),
        address=document.unit.address or str(settings.ORGANIZATION_ADDRESS),
        homepage=str(settings.ORGANIZATION_HOMEPAGE),
        phone=drafter.office_phone or document.unit.phone,
        fax=str(settings.ORGANIZATION_FAX),
        email=drafter.email,
    )


def seoul_date(moment: dt.datetime | None) -> dt.date:
    """The calendar date of `moment` in Seoul (a Korean official date)."""
    if moment is None:
        raise ValueError("an approved document has an approval time")
    return moment.astimezone(SEOUL).date()


def verification_url(document: Document) -> str:
    """Where the PDF's QR code sends a reader: the public verification page.

    A number (처리과명-일련번호) repeats every year, so the year goes with it.
    """
    base = str(settings.SITE_URL).rstrip("/")
    query = {"document": str(document.number), "year": str(document.number_year or "")}
    return f"{base}/verify/?{urlencode(query)}"


def _disclosure(content: dict[str, Any], public: PublicContent | None) -> DisclosureMark:
    if public is not None:
        return DisclosureMark(level=public.level, grounds=tuple(sorted(set(public.grounds))))
    return proposed_disclosure(content)


def proposed_disclosure(content: dict[str, Any]) -> DisclosureMark:
    """The level the drafter proposed, frozen in the approved version (the official mark)."""
    proposed = content.get("proposed_disclosure") or {}
    return DisclosureMark(
        level=str(proposed.get("level") or "open"),  # type: ignore[arg-type]  # checked by DisclosureMark
        grounds=tuple(sorted(set(proposed.get("grounds") or ()))),
    )


def _steps(document: Document) -> list[ApprovalStep]:
    """Every acted or returned step of every round, oldest round first, in line order."""
    return list(
        ApprovalStep.objects.filter(stage__document=document, status__in=HISTORY_STATUSES)
        .select_related(
            "stage",
            "assignee__position",
            "assignee__unit",
            "acted_by__position",
            "acted_by__unit",
        )
        .order_by("stage__round", "stage__order", "order", "id")
    )


def _drafter(document: Document, hidden: frozenset[str]) -> LineSigner:
    drafter = document.drafter
    return LineSigner(
        position=drafter.position.title if drafter.position else "",
        unit=drafter.unit.name,
        name=_shown(drafter.name, hidden),
        signed_on=seoul_date(document.submitted_at or document.approved_at),
        role="draft",
    )


def line_signers(
    steps: list[ApprovalStep], *, hidden: frozenset[str] = frozenset()
) -> tuple[LineSigner, ...]:
    """The approval box's line: the last round's acted steps in line order (module rules)."""
    last_round = max((s.stage.round for s in steps), default=0)
    return tuple(
        _signer(step, hidden)
        for step in steps
        if step.stage.round == last_round and step.status in ACTED
    )


def _signer(step: ApprovalStep, hidden: frozenset[str]) -> LineSigner:
    actor = step.acted_by or step.assignee
    owner = step.assignee  # whose column it is: the absent approver's, for 대결
    role: SignerRole = step.stage.kind  # type: ignore[assignment]  # StageKind values
    column_title = step.position_title or (owner.position.title if owner.position else "")
    post_approved = step.post_approved_at if step.is_proxy else None
    return LineSigner(
        position=column_title,
        unit=owner.unit.name,
        name=_shown(actor.name, hidden),
        signed_on=seoul_date(step.acted_at),
        role=role,
        delegated=step.is_delegated and step.stage.kind == StageKind.APPROVE,
        proxy_for=_shown(owner.name, hidden) if step.is_proxy else None,
        post_approved_on=seoul_date(post_approved) if post_approved else None,
        opinion=_opinion(step),
    )


def _shown(name: str, hidden: frozenset[str]) -> str:
    return PRIVATE_NAME_MARK if name in hidden else name


def _opinion(step: ApprovalStep) -> ConsultOpinion | None:
    if step.stage.kind != StageKind.CONSULT:
        return None
    return "disagree" if step.status == StepStatus.DISAGREED else "agree"


def _history(
    document: Document, steps: list[ApprovalStep], hidden: frozenset[str]
) -> tuple[ApprovalEvent, ...]:
    events = [
        ApprovalEvent(
            at=step.acted_at or dt.datetime.min.replace(tzinfo=dt.UTC),
            actor=_shown((step.acted_by or step.assignee).name, hidden),
            action=f"{step.stage.kind}.{step.status}" + (".proxy" if step.is_proxy else ""),
        )
        for step in steps
    ]
    events += [
        ApprovalEvent(
            at=step.post_approved_at,
            actor=_shown(step.assignee.name, hidden),
            action="post_approve",
        )
        for step in steps
        if step.is_proxy and step.post_approved_at is not None
    ]
    if document.submitted_at is not None:
        drafter = _shown(document.drafter.name, hidden)
        events.append(ApprovalEvent(at=document.submitted_at, actor=drafter, action="submit"))
    return tuple(sorted(events, key=lambda event: event.at))


def _frozen_names(content: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(item["name"]) for item in content.get("attachments") or ())


def attachment_title(file_name: str) -> str:
    """붙임 lists an attachment by its title: the file name without its extension."""
    stem = PurePath(file_name).stem.strip()
    return stem or file_name


def _attachments(names: tuple[str, ...]) -> tuple[AttachmentInfo, ...]:
    return tuple(AttachmentInfo(name=attachment_title(name)) for name in names)


def _budget(fields: dict[str, Any], public: PublicContent | None) -> BudgetDetails:
    line = fields.get("budget_line") or {}
    shown = public.fields if public else fields
    return BudgetDetails(
        fiscal_year=int(fields["fiscal_year"]),
        budget_line=" ".join(str(line.get(k, "")) for k in ("code", "name")).strip(),
        amount_krw=int(fields["amount"]),
        payee=str(shown.get("payee", "")),
        purpose=str(shown.get("purpose", "")),
    )


def _personnel(fields: dict[str, Any], public: PublicContent | None) -> PersonnelDetails:
    person = fields.get("person") or {}
    unit = fields.get("target_unit") or {}
    action = str(fields.get("action_type", ""))
    name = public.fields.get("person", "") if public else str(person.get("name", ""))
    return PersonnelDetails(
        person=name,
        action=PERSONNEL_ACTIONS.get(action, action),
        effective_date=dt.date.fromisoformat(str(fields["effective_date"])),
        target_unit=str(unit.get("name", "")) if isinstance(unit, dict) else "",
        target_position=str(fields.get("target_position") or ""),
    )
