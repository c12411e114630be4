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


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One piece of personal information: ``text[start:end]`` in characters of the input.

    Confidence is in 0..1; it says how sure the detector is, never what was found:
    the matched text itself is deliberately not kept, so a finding can be logged.
    """

    start: int
    end: int
    kind: Kind
    confidence: float

    def as_dict(self) -> dict[str, str | int | float]:
        return {
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 2),
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
    - ``min_confidence``: findings below it are dropped.
    """

    government_email_domains: frozenset[str] = DEFAULT_GOVERNMENT_EMAIL_DOMAINS
    office_numbers: frozenset[str] = field(default_factory=frozenset)
    private_names: tuple[str, ...] = ()
    min_confidence: float = 0.5

    def __post_init__(self) -> None:
        digits = frozenset("".join(c for c in n if c.isdigit()) for n in self.office_numbers)
        object.__setattr__(self, "office_numbers", digits)
        domains = frozenset(d.lower().strip(".") for d in self.government_email_domains)
        object.__setattr__(self, "government_email_domains", domains)
