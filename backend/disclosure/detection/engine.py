"""The scan: run the patterns once over the text and turn matches into findings.

Rules:
- one pass of the numeric pattern; the e-mail pattern only at each @; one pass
  of the names pattern only when names are known;
- a match whose handler says "not personal" yields nothing;
- overlapping findings keep the one that starts first (the longer on a tie);
- findings below ``config.min_confidence`` are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from disclosure.detection import addresses, numbers
from disclosure.detection.findings import DetectionConfig, Finding, Kind
from disclosure.detection.patterns import (
    EMAIL_AT_PATTERN,
    EMAIL_LOCAL_CHARS,
    NUMBER_PATTERN,
    is_word_start,
    name_pattern,
)

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

# Shared mailboxes of organisations are nobody's personal data.
_ROLE_MAILBOXES = frozenset(
    [
        "info",
        "help",
        "helpdesk",
        "support",
        "contact",
        "webmaster",
        "admin",
        "master",
        "cs",
        "service",
        "sales",
        "privacy",
        "noreply",
        "no-reply",
        "press",
        "news",
        "office",
    ]
)

DEFAULT_CONFIG = DetectionConfig()


def detect(text: str, config: DetectionConfig = DEFAULT_CONFIG) -> list[Finding]:
    """All personal information in ``text``, in order of position."""
    found = _numbers(text, config)
    found.extend(_emails(text, config))
    if config.private_names:
        found.extend(_names(text, config.private_names))
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


def _emails(text: str, config: DetectionConfig) -> list[Finding]:
    # str.find skips to each @ far faster than a pattern scan of the whole text.
    found: list[Finding] = []
    at = text.find("@")
    while at >= 0:
        match = EMAIL_AT_PATTERN.match(text, at)
        if match is not None:
            finding = _email(text, match, config)
            if finding is not None:
                found.append(finding)
        at = text.find("@", at + 1)
    return found


def _email(text: str, match: re.Match[str], config: DetectionConfig) -> Finding | None:
    start = match.start()
    while start > 0 and text[start - 1] in EMAIL_LOCAL_CHARS:
        start -= 1
    while text[start] in ".-%+":  # an address does not start with these
        start += 1
    local, domain = text[start : match.start()], match.group("domain").lower()
    if not local or _is_work_mailbox(local, domain, config):
        return None
    return Finding(start, match.end(), Kind.EMAIL, 0.95)


def _is_work_mailbox(local: str, domain: str, config: DetectionConfig) -> bool:
    """An official's address at a government domain (or a subdomain), or a shared one."""
    if local.lower() in _ROLE_MAILBOXES:
        return True
    return any(
        domain == public or domain.endswith("." + public)
        for public in config.government_email_domains
    )


def _names(text: str, names: tuple[str, ...]) -> list[Finding]:
    pattern = _cached_name_pattern(names)
    if pattern is None:
        return []
    return [
        Finding(m.start(), m.end(), Kind.PERSON_NAME, 0.9)
        for m in pattern.finditer(text)
        if is_word_start(text, m.start())
    ]


_cached_name_pattern = lru_cache(maxsize=64)(name_pattern)


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    for finding in ordered:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept
