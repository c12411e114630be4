"""Handlers of the numeric branches: each turns one match into a finding, or None.

A handler receives the whole text and the span the pattern matched, so it can
read the words around the number; it never keeps the matched text.
"""

from __future__ import annotations

from collections.abc import Callable

from disclosure.detection import context
from disclosure.detection.checks import (
    FOREIGNER_GENDER_DIGITS,
    LICENCE_REGION_CODES,
    has_rrn_check_digit,
    is_valid_birth_date,
    luhn_valid,
    only_digits,
)
from disclosure.detection.findings import DetectionConfig, Finding, Kind, Reason

Handler = Callable[[str, int, int, DetectionConfig], Finding | None]

_MOBILE_PREFIXES = ("010", "011", "016", "017", "018", "019")


def licence(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """NN-NN-NNNNNN-NN whose first pair is a regional agency code (11-28)."""
    if int(text[start : start + 2]) not in LICENCE_REGION_CODES:
        return None
    near = context.LICENCE_WORDS.search(context.before(text, start, 32)) is not None
    return Finding(start, end, Kind.DRIVER_LICENCE, 0.97 if near else 0.85, _reason(near))


def rrn(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """YYMMDD-GNNNNNN with a real birth date in the century G names.

    The check digit only raises confidence (numbers since October 2020 have
    none); a 법인/사업자 label makes it a corporate number, not personal data.
    """
    digits = only_digits(text[start:end])
    compact = end - start == 13
    if compact and context.is_bank_account(text, start):
        return account(text, start, end, config)
    if not is_valid_birth_date(digits[:6], digits[6]) or context.is_corporate_number(text, start):
        return None
    kind = Kind.FOREIGNER_RRN if digits[6] in FOREIGNER_GENDER_DIGITS else Kind.RRN
    # Without the hyphen thirteen digits are often something else (a serial).
    confidence = 0.6 if compact else 0.9
    if has_rrn_check_digit(digits):
        confidence += 0.07
    return Finding(start, end, kind, confidence)


def card(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """13-19 digits in groups, passing the Luhn check."""
    digits = only_digits(text[start:end])
    if not (13 <= len(digits) <= 19 and luhn_valid(digits)):
        return None
    near = context.CARD_WORDS.search(context.before(text, start, 32)) is not None
    return Finding(start, end, Kind.CARD, 0.97 if near else 0.9, _reason(near))


def card_compact(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """15-16 digits without separators passing Luhn; one in ten random numbers
    passes, so only the word 카드 nearby makes it likely."""
    if not luhn_valid(text[start:end]):
        return None
    near = context.CARD_WORDS.search(context.before(text, start, 32)) is not None
    return Finding(start, end, Kind.CARD, 0.9 if near else 0.45, _reason(near))


def not_personal(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """Business registration and representative (1588-xxxx) numbers."""
    return None


def digits11(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """Eleven digits: a health insurance number next to its label, else maybe a
    mobile number written without separators."""
    if context.HEALTH_WORDS.search(context.before(text, start, 32)):
        return Finding(start, end, Kind.HEALTH_INSURANCE, 0.9, Reason.LABEL)
    digits = text[start:end]
    if digits.startswith(_MOBILE_PREFIXES):
        return _phone(text, start, end, digits, config, 0.9)
    return None


def mobile(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """A mobile number: always private, whoever's it is."""
    start = _with_parenthesis(text, start, end)
    return _phone(text, start, end, only_digits(text[start:end]), config, 0.95)


def landline(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """A landline: private unless the words before it name an office."""
    start = _with_parenthesis(text, start, end)
    if context.is_office_landline(text, start):
        return None
    return _phone(text, start, end, only_digits(text[start:end]), config, 0.8)


def intl_phone(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """+82 and the national number without its leading 0."""
    start -= 1  # the + before the 8
    national = "0" + only_digits(text[start + 3 : end]).removeprefix("0")
    if not national.startswith("01") and context.is_office_landline(text, start):
        return None
    return _phone(text, start, end, national, config, 0.9)


def _phone(
    text: str, start: int, end: int, digits: str, config: DetectionConfig, confidence: float
) -> Finding | None:
    if digits in config.office_numbers:
        return None
    return Finding(start, end, Kind.PHONE, confidence)


def _with_parenthesis(text: str, start: int, end: int) -> int:
    """Include the ( of (010)1234-5678 in the span."""
    if start > 0 and text[start - 1] == "(" and ")" in text[start:end]:
        return start - 1
    return start


def passport(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """M/S/R/G/D/O + 8 digits, or the 2021 format letter + 3 digits + letter + 4 digits.

    Without 여권/passport before it, a product's word (모델, 제품번호) makes it a code.
    """
    start -= 1  # the letter before the first digit
    window = context.before(text, start, 32)
    near = context.PASSPORT_WORDS.search(window) is not None
    if not near and context.PRODUCT_WORDS.search(window):
        return None
    return Finding(start, end, Kind.PASSPORT, 0.95 if near else 0.6, _reason(near))


def account(text: str, start: int, end: int, config: DetectionConfig) -> Finding | None:
    """10-16 digits shaped like an account, within a window after a bank's name."""
    if context.BANK_NAMES.search(context.before(text, start)) is None:
        return None
    if not 10 <= end - start - text.count("-", start, end) <= 16:  # only - separates
        return None
    return Finding(start, end, Kind.BANK_ACCOUNT, 0.9, Reason.LABEL)


def _reason(labelled: bool) -> Reason:
    return Reason.LABEL if labelled else Reason.SHAPE
