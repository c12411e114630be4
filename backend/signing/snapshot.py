"""The input of the official PDF: an immutable picture of one approved version.

The documents app builds an `OfficialDocument` from an approved version and
hands it to `signing.services`; this module knows no model. Rules enforced
here, so a PDF can never show an impossible approval:

- a budget document carries `budget` details and a personnel document
  `personnel` details; no other kind carries either;
- the approval line is not empty, lists signers in line order, and its last
  signer approves (결재), possibly delegated (전결) or by proxy (대결);
- only the approving signer may be marked delegated; only a consultee (협조)
  carries an opinion, and every consultee does;
- partial and closed disclosure cite grounds 1 to 8 of Article 9(1) of the
  Official Information Disclosure Act; open disclosure cites none;
- the content hash is the lowercase sha256 hex of the approved version.

A broken rule raises `SnapshotError` naming the field, so the caller can say
what it built wrong.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

DocumentKind = Literal["memo", "budget", "personnel"]
SignerRole = Literal["review", "consult", "approve"]
ConsultOpinion = Literal["agree", "disagree"]
DisclosureLevel = Literal["open", "partial", "closed"]

_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
_DISCLOSURE_WORDS: dict[DisclosureLevel, str] = {
    "open": "공개",
    "partial": "부분공개",
    "closed": "비공개",
}


class SnapshotError(ValueError):
    """An `OfficialDocument` that breaks a rule; `field` names the culprit."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name


@dataclass(frozen=True, slots=True, kw_only=True)
class LineSigner:
    """One signer of the approval line (결재선), as the approval box shows them.

    `proxy_for` names the absent approver a deputy signed for (대결).
    """

    position: str
    name: str
    signed_on: date
    role: SignerRole
    delegated: bool = False
    proxy_for: str | None = None
    opinion: ConsultOpinion | None = None

    @property
    def mark(self) -> str:
        """The mark printed beside the name: 전결, 대결, 동의 or 부동의."""
        if self.delegated:
            return "전결"
        if self.proxy_for:
            return "대결"
        if self.opinion == "agree":
            return "동의"
        if self.opinion == "disagree":
            return "부동의"
        return ""


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachmentInfo:
    """An attachment listed under 붙임; the file itself is not in the PDF."""

    name: str
    size_bytes: int


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
        if self.level not in _DISCLOSURE_WORDS:
            raise SnapshotError("disclosure.level", f"unknown level {self.level!r}")
        if self.level == "open" and self.grounds:
            raise SnapshotError("disclosure.grounds", "open disclosure cites no grounds")
        if self.level != "open" and not self.grounds:
            raise SnapshotError("disclosure.grounds", "partial or closed needs grounds 1-8")
        if any(not 1 <= ground <= 8 for ground in self.grounds):
            raise SnapshotError("disclosure.grounds", "grounds are numbers 1 to 8")

    @property
    def label(self) -> str:
        """The printed mark: 공개, 부분공개(6), 비공개(5,6)."""
        word = _DISCLOSURE_WORDS[self.level]
        if not self.grounds:
            return word
        return f"{word}({','.join(str(g) for g in sorted(set(self.grounds)))})"


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
    issuer: str
    recipient: str
    title: str
    body_html: str
    signers: tuple[LineSigner, ...]
    document_number: str
    enforcement_date: date
    unit_address: str
    unit_phone: str
    drafter_email: str
    disclosure: DisclosureMark
    content_hash: str
    verification_url: str
    attachments: tuple[AttachmentInfo, ...] = ()
    history: tuple[ApprovalEvent, ...] = ()
    budget: BudgetDetails | None = None
    personnel: PersonnelDetails | None = None

    def __post_init__(self) -> None:
        for name in ("issuer", "recipient", "title", "document_number"):
            if not str(getattr(self, name)).strip():
                raise SnapshotError(name, "must not be empty")
        if not _SHA256_HEX.match(self.content_hash):
            raise SnapshotError("content_hash", "must be 64 lowercase hex digits (sha256)")
        if not self.verification_url.startswith(("https://", "http://")):
            raise SnapshotError("verification_url", "must be an http(s) URL")
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
            "document_number": self.document_number,
            "content_hash": self.content_hash,
            "kind": self.kind,
            "title": self.title,
            "enforcement_date": self.enforcement_date.isoformat(),
            "disclosure": self.disclosure.label,
            "signers": [
                {
                    "position": s.position,
                    "name": s.name,
                    "date": s.signed_on.isoformat(),
                    "role": s.role,
                    "mark": s.mark,
                    "proxy_for": s.proxy_for,
                }
                for s in self.signers
            ],
            "history": [
                {"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "comment": e.comment}
                for e in self.history
            ],
        }


def _check_signers(signers: tuple[LineSigner, ...]) -> None:
    if not signers:
        raise SnapshotError("signers", "the approval line has no signer")
    if signers[-1].role != "approve":
        raise SnapshotError("signers", "the last signer must approve (결재)")
    for index, signer in enumerate(signers):
        where = f"signers.{index}"
        if signer.delegated and signer.role != "approve":
            raise SnapshotError(f"{where}.delegated", "only the approver can take 전결")
        if signer.delegated and signer.proxy_for:
            raise SnapshotError(f"{where}.proxy_for", "전결 and 대결 exclude each other")
        if (signer.role == "consult") != (signer.opinion is not None):
            raise SnapshotError(f"{where}.opinion", "a consultee, and only one, gives an opinion")
