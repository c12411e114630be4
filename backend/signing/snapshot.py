"""The input of the official PDF: an immutable picture of one approved version.

The documents app builds an `OfficialDocument` from an approved version and
hands it to `signing.services`; this module knows no model. Rules enforced
here, so a PDF can never show an impossible approval:

- a budget document carries `budget` details and a personnel document
  `personnel` details; no other kind carries either;
- the drafter (기안자) heads the approval box; the approval line is not empty,
  lists signers in line order, and its last signer approves (결재), possibly
  delegated (전결), by proxy (대결), or both: a deputy taking a delegated approval
  for its absent holder signs in the holder's column marked 전결 and 대결;
- only the approving signer may be marked delegated; only a consultee (협조)
  carries an opinion, and every consultee does; only a proxy signature can be
  post-approved (후결);
- partial and closed disclosure cite grounds 1 to 8 of Article 9(1) of the
  Official Information Disclosure Act; open disclosure cites none
  (core.disclosure_law);
- the content hash is the lowercase sha256 hex of what the PDF shows: for the
  official variant the approved version's hash, for the public variant the hash
  of the redacted content; the public variant names its approved version only by
  a keyed HMAC (`approved_version_ref`), never by its hash, so the hash of text
  that redaction removed never reaches a public surface.

A broken rule raises `SnapshotError` naming the field, so the caller can say
what it built wrong.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from core.disclosure_law import Level, grounds_problem, official_mark

DocumentKind = Literal["memo", "budget", "personnel"]
SignerRole = Literal["draft", "review", "consult", "approve"]
ConsultOpinion = Literal["agree", "disagree"]
DisclosureLevel = Level
Variant = Literal["official", "public"]

_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


class SnapshotError(ValueError):
    """An `OfficialDocument` that breaks a rule; `field` names the culprit."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name


@dataclass(frozen=True, slots=True, kw_only=True)
class LineSigner:
    """One signer of the approval line (결재선), as the approval box shows them.

    `position` is the title of the column: the line's, so for a proxy approval
    (대결) the absent approver's and for a delegated one (전결) its holder's; `name`
    is who signed (the deputy, for 대결); `unit` is the signer's unit, printed
    before a consultee's title (인사과 + 과장 = 인사과장). `proxy_for` names the
    absent approver, and `post_approved_on` the day they post-approved (후결).
    """

    position: str
    name: str
    signed_on: date
    role: SignerRole
    unit: str = ""
    delegated: bool = False
    proxy_for: str | None = None
    post_approved_on: date | None = None
    opinion: ConsultOpinion | None = None

    @property
    def marks(self) -> tuple[str, ...]:
        """The marks printed in the column: 전결, 대결, 동의 or 부동의, in that order."""
        marks = []
        if self.delegated:
            marks.append("전결")
        if self.proxy_for:
            marks.append("대결")
        if self.opinion == "agree":
            marks.append("동의")
        elif self.opinion == "disagree":
            marks.append("부동의")
        return tuple(marks)

    @property
    def mark(self) -> str:
        return " ".join(self.marks)


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachmentInfo:
    """An attachment listed under 붙임 by its title; the file itself is not in the PDF."""

    name: str
    copies: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetDetails:
    """The budget execution request (예산 집행 품의) fields."""

    fiscal_year: int
    budget_line: str
    amount_krw: int
    payee: str
    purpose: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonnelDetails:
    """The personnel action (인사발령) fields."""

    person: str
    action: str
    effective_date: date
    target_unit: str
    target_position: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DisclosureMark:
    """The disclosure level (공개구분) and the Article 9(1) grounds it cites."""

    level: DisclosureLevel
    grounds: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        problem = grounds_problem(self.level, self.grounds)
        if problem is not None:
            field = "disclosure.level" if problem.startswith("unknown") else "disclosure.grounds"
            raise SnapshotError(field, problem)

    @property
    def label(self) -> str:
        """The printed mark: 공개, 부분공개(6), 비공개(5,6)."""
        return official_mark(self.level, self.grounds)


@dataclass(frozen=True, slots=True, kw_only=True)
class Issuer:
    """Who issues the document and how to reach them, as the form's head and foot print it.

    `organization` heads the form (행정기관명); `sender` is 발신명의, the head's title
    on a document addressed outside and empty on an internal approval (내부결재);
    `seal_omitted` prints 관인생략 beside it. The contact line (우편번호, 주소,
    홈페이지, 전화, 전송, 전자우편) gives the drafter's phone and e-mail.
    """

    organization: str
    sender: str
    seal_omitted: bool
    postcode: str
    address: str
    homepage: str
    phone: str
    fax: str
    email: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ApprovalEvent:
    """One entry of the approval history embedded as approval-history.json."""

    at: datetime
    actor: str
    action: str
    comment: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class OfficialDocument:
    """Everything the official PDF shows and embeds, for one approved version.

    `body_html` must already be sanitized (the documents app cleans it with
    nh3); the renderer inserts it as is.
    """

    kind: DocumentKind
    issuer: Issuer
    recipient: str
    title: str
    body_html: str
    drafter: LineSigner
    signers: tuple[LineSigner, ...]
    document_number: str
    enforcement_date: date
    disclosure: DisclosureMark
    content_hash: str
    verification_url: str
    variant: Variant = "official"
    via: str = ""
    approved_version_ref: str = ""
    attachments: tuple[AttachmentInfo, ...] = ()
    history: tuple[ApprovalEvent, ...] = ()
    budget: BudgetDetails | None = None
    personnel: PersonnelDetails | None = None

    def __post_init__(self) -> None:
        for name in ("recipient", "title", "document_number"):
            if not str(getattr(self, name)).strip():
                raise SnapshotError(name, "must not be empty")
        if not self.issuer.organization.strip():
            raise SnapshotError("issuer.organization", "must not be empty")
        if not _SHA256_HEX.match(self.content_hash):
            raise SnapshotError("content_hash", "must be 64 lowercase hex digits (sha256)")
        if self.variant == "public" and self.approved_version_ref == self.content_hash:
            raise SnapshotError("approved_version_ref", "a public PDF never names a version hash")
        if not self.verification_url.startswith(("https://", "http://")):
            raise SnapshotError("verification_url", "must be an http(s) URL")
        if self.drafter.role != "draft":
            raise SnapshotError("drafter.role", "the drafter's role is draft")
        self._check_kind_details()
        _check_signers(self.signers)

    def _check_kind_details(self) -> None:
        if (self.kind == "budget") != (self.budget is not None):
            raise SnapshotError("budget", "budget details go with, and only with, kind budget")
        if (self.kind == "personnel") != (self.personnel is not None):
            raise SnapshotError(
                "personnel", "personnel details go with, and only with, kind personnel"
            )
        if self.kind not in ("memo", "budget", "personnel"):
            raise SnapshotError("kind", f"unknown kind {self.kind!r}")

    def approval_record(self) -> dict[str, Any]:
        """The JSON embedded in the PDF: what was approved, by whom, when."""
        return {
            "variant": self.variant,
            "document_number": self.document_number,
            "content_hash": self.content_hash,
            "approved_version_ref": self.approved_version_ref,
            "kind": self.kind,
            "title": self.title,
            "enforcement_date": self.enforcement_date.isoformat(),
            "disclosure": self.disclosure.label,
            "signers": [_signer_record(s) for s in (self.drafter, *self.signers)],
            "history": [
                {"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "comment": e.comment}
                for e in self.history
            ],
        }


def _signer_record(signer: LineSigner) -> dict[str, Any]:
    post_approved = signer.post_approved_on
    return {
        "position": signer.position,
        "unit": signer.unit,
        "name": signer.name,
        "date": signer.signed_on.isoformat(),
        "role": signer.role,
        "mark": signer.mark,
        "proxy_for": signer.proxy_for,
        "post_approved_on": post_approved.isoformat() if post_approved else None,
    }


def _check_signers(signers: tuple[LineSigner, ...]) -> None:
    if not signers:
        raise SnapshotError("signers", "the approval line has no signer")
    if signers[-1].role != "approve":
        raise SnapshotError("signers", "the last signer must approve (결재)")
    for index, signer in enumerate(signers):
        where = f"signers.{index}"
        if signer.role == "draft":
            raise SnapshotError(f"{where}.role", "the drafter is not a step of the line")
        if signer.delegated and signer.role != "approve":
            raise SnapshotError(f"{where}.delegated", "only the approver can take 전결")
        if signer.post_approved_on is not None and not signer.proxy_for:
            raise SnapshotError(f"{where}.post_approved_on", "only a 대결 is post-approved")
        if (signer.role == "consult") != (signer.opinion is not None):
            raise SnapshotError(f"{where}.opinion", "a consultee, and only one, gives an opinion")
