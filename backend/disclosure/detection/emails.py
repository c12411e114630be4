"""E-mail addresses: written plainly, and spelled out against address harvesters.

Rules:
- a plain address is found from its ``@`` (str.find skips to each far faster than
  a pattern scan of the whole text), its local part read backwards;
- a spelled-out address (``hong (at) gmail (dot) com``, ``hong [at] naver [dot]
  com``, ``hong 골뱅이 naver.com``) is found from its at-word and read outwards;
  the span is what the author typed, the domain is compared in its plain form;
- a full-width at sign (U+FF20) is an @ (the scan reads the folded text, folding.py);
- a work address at a government domain, or a shared mailbox, is not personal.
"""

from __future__ import annotations

import re

from disclosure.detection.findings import DetectionConfig, Finding, Kind, Reason

# The local part is found backwards from the @ by the handler (a look-behind
# cannot vary in width); the domain needs at least one dot.
EMAIL_AT_PATTERN = re.compile(
    r"(?<=[A-Za-z0-9._%+\-])@(?P<domain>[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})"
)
EMAIL_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")

# One character class starts the pattern, so the scan skips to the next ( [ { or 골
# in C (an alternation, or IGNORECASE, scans at less than half the speed).
_SPELLED_AT = re.compile(r"[(\[{골](?:(?<=[(\[{])\s?(?:[aA][tT]|골뱅이)\s?[)\]}]|(?<=골)뱅이)")
_DOT = r"(?:\s?[(\[{]\s?(?:dot|닷|점)\s?[)\]}]\s?|\s(?:dot|닷|점)\s|\.)"
_SPELLED_DOMAIN = re.compile(
    rf"\s?(?P<domain>[A-Za-z0-9\-]+(?:{_DOT}[A-Za-z0-9\-]+)*{_DOT}[A-Za-z]{{2,}})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_DOTS = re.compile(_DOT, re.IGNORECASE)

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


def emails(text: str, config: DetectionConfig) -> list[Finding]:
    """Every private e-mail address of ``text`` (the folded text), plain or spelled out."""
    found: list[Finding] = []
    at = text.find("@")
    while at >= 0:
        match = EMAIL_AT_PATTERN.match(text, at)
        if match is not None:
            finding = _plain(text, match, config)
            if finding is not None:
                found.append(finding)
        at = text.find("@", at + 1)
    for marker in _SPELLED_AT.finditer(text):
        finding = _spelled(text, marker, config)
        if finding is not None:
            found.append(finding)
    return found


def _plain(text: str, match: re.Match[str], config: DetectionConfig) -> Finding | None:
    start = _local_start(text, match.start())
    local, domain = text[start : match.start()], match.group("domain").lower()
    if not local or _is_work_mailbox(local, domain, config):
        return None
    return Finding(start, match.end(), Kind.EMAIL, 0.95, Reason.EMAIL)


def _spelled(text: str, marker: re.Match[str], config: DetectionConfig) -> Finding | None:
    """``local (at) domain``: one space may stand on either side of the at-word."""
    end_of_local = marker.start()
    if text[end_of_local - 1 : end_of_local] == " ":
        end_of_local -= 1
    start = _local_start(text, end_of_local)
    domain = _SPELLED_DOMAIN.match(text, marker.end())
    if start == end_of_local or domain is None:
        return None
    local = text[start:end_of_local]
    plain = _DOTS.sub(".", domain.group("domain")).lower()
    if _is_work_mailbox(local, plain, config):
        return None
    return Finding(start, domain.end(), Kind.EMAIL, 0.9, Reason.SPELLED_EMAIL)


def _local_start(text: str, end: int) -> int:
    start = end
    while start > 0 and text[start - 1] in EMAIL_LOCAL_CHARS:
        start -= 1
    while start < end and text[start] in ".-%+":  # an address does not start with these
        start += 1
    return start


def _is_work_mailbox(local: str, domain: str, config: DetectionConfig) -> bool:
    """An official's address at a government domain (or a subdomain), or a shared one."""
    if local.lower() in _ROLE_MAILBOXES:
        return True
    return any(
        domain == public or domain.endswith("." + public)
        for public in config.government_email_domains
    )
