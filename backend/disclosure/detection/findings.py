"""The vocabulary of the detector: finding kinds, findings and the scan settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """Stable names of the kinds of personal information (a public contract: the
    CLI, the API and the evaluation set use them; never rename one)."""

    RRN = "rrn"
    FOREIGNER_RRN = "foreigner_rrn"
    PHONE = "phone"
    EMAIL = "email"
    BANK_ACCOUNT = "bank_account"
    CARD = "card"
    PASSPORT = "passport"
    DRIVER_LICENCE = "driver_licence"
    HEALTH_INSURANCE = "health_insurance"
    ADDRESS = "address"
    PERSON_NAME = "person_name"


class Reason(StrEnum):
    """Why a span was taken for personal information (stable names, like Kind's;
    disclosure.detection.reasons gives each its translated sentence)."""

    SHAPE = "shape"  # the form of a number or address, checked where it has a check
    LABEL = "label"  # the form, and a label before it (여권, 카드, 주소 ...)
    EMAIL = "email"
    SPELLED_EMAIL = "spelled_email"  # hong (at) gmail (dot) com, 골뱅이
    KNOWN_NAME = "known_name"  # a private person the document's fields name
    NAME_AFTER_CUE = "name_after_cue"  # 민원인 홍길동, 신청인 홍길동
    NAME_LABEL = "name_label"  # 성명: 홍길동
    NAME_BEFORE_TITLE = "name_before_title"  # 홍길동 씨, 홍길동님, 홍길동 귀하
    NAME_REPEATED = "name_repeated"  # a name found in context, named again elsewhere


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One piece of personal information: ``text[start:end]`` in characters of the input.

    Confidence is in 0..1; it says how sure the detector is, never what was found:
    the matched text itself is deliberately not kept, so a finding can be logged.
    ``reason`` says what made the detector take it.
    """

    start: int
    end: int
    kind: Kind
    confidence: float
    reason: Reason = Reason.SHAPE

    def as_dict(self) -> dict[str, str | int | float]:
        return {
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 2),
            "reason": self.reason.value,
        }


# Work addresses of public officials are public information, not personal data.
DEFAULT_GOVERNMENT_EMAIL_DOMAINS: frozenset[str] = frozenset({"go.kr", "korea.kr"})


@dataclass(frozen=True, slots=True)
class DetectionConfig:
    """What the caller knows about the document and the organisation.

    - ``government_email_domains``: an address at one of these domains or any of
      their subdomains (seoul.go.kr under go.kr) is a work address: not a finding.
    - ``office_numbers``: phone numbers known to belong to offices (any format; only
      the digits are compared): never findings.
    - ``private_names``: names of private persons from the document's structured
      fields (applicant, subject of a personnel action); found wherever they occur.
    - ``public_names``: names of the document's officials (its drafter and the people
      of its line): public under Article 9(1)6, never found by context.
    - ``min_confidence``: findings below it are dropped.
    """

    government_email_domains: frozenset[str] = DEFAULT_GOVERNMENT_EMAIL_DOMAINS
    office_numbers: frozenset[str] = field(default_factory=frozenset)
    private_names: tuple[str, ...] = ()
    public_names: tuple[str, ...] = ()
    min_confidence: float = 0.5

    def __post_init__(self) -> None:
        digits = frozenset("".join(c for c in n if c.isdigit()) for n in self.office_numbers)
        object.__setattr__(self, "office_numbers", digits)
        domains = frozenset(d.lower().strip(".") for d in self.government_email_domains)
        object.__setattr__(self, "government_email_domains", domains)
