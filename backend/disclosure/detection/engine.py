"""The scan: run the patterns once over the folded text and turn matches into findings.

Rules:
- the patterns read a folded copy of the text (folding.py: other dashes, full-width
  digits and at signs in ASCII) of the same length, so offsets are the original's;
- one pass of the numeric pattern; e-mail from each @ and each spelled-out at-word
  (emails.py); names known and names in context (names.py);
- a match whose handler says "not personal" yields nothing;
- overlapping findings keep the one that starts first (the longer on a tie);
- findings below ``config.min_confidence`` are dropped.
"""

from __future__ import annotations

from disclosure.detection import addresses, numbers
from disclosure.detection.emails import emails
from disclosure.detection.findings import DetectionConfig, Finding
from disclosure.detection.folding import fold
from disclosure.detection.names import names
from disclosure.detection.patterns import NUMBER_PATTERN

_HANDLERS: dict[str, numbers.Handler] = {
    "licence": numbers.licence,
    "rrn": numbers.rrn,
    "card": numbers.card,
    "card_compact": numbers.card_compact,
    "business": numbers.not_personal,
    "representative": numbers.not_personal,
    "digits11": numbers.digits11,
    "digits11_dash": numbers.digits11,
    "mobile": numbers.mobile,
    "landline": numbers.landline,
    "intl_phone": numbers.intl_phone,
    "passport": numbers.passport,
    "address": addresses.address,
    "account": numbers.account,
}

DEFAULT_CONFIG = DetectionConfig()


def detect(text: str, config: DetectionConfig = DEFAULT_CONFIG) -> list[Finding]:
    """All personal information in ``text``, in order of position."""
    folded = fold(text)
    found = _numbers(folded, config)
    found.extend(emails(folded, config))
    found.extend(names(folded, config))
    kept = [f for f in found if f.confidence >= config.min_confidence]
    return _without_overlaps(kept)


def _numbers(text: str, config: DetectionConfig) -> list[Finding]:
    found: list[Finding] = []
    for match in NUMBER_PATTERN.finditer(text):
        branch = match.lastgroup
        if branch is None:  # pragma: no cover - every branch is a named group
            continue
        finding = _HANDLERS[branch](text, match.start(), match.end(), config)
        if finding is not None:
            found.append(finding)
    return found


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    for finding in ordered:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept
