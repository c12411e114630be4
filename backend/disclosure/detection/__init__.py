"""Detection of personal information in Korean and English text.

``detect(text, config)`` returns findings (kind, character span, confidence,
reason; ``reasons.reason_text`` translates a reason).
The kinds, the rules of each and the context that makes a match public (an
official's work address or office number, a company's registration number)
are documented in docs/disclosure-detection.md.
"""

from disclosure.detection.engine import DEFAULT_CONFIG, detect
from disclosure.detection.findings import (
    DEFAULT_GOVERNMENT_EMAIL_DOMAINS,
    DetectionConfig,
    Finding,
    Kind,
    Reason,
)

__all__ = [
    "DEFAULT_CONFIG",
    "DEFAULT_GOVERNMENT_EMAIL_DOMAINS",
    "DetectionConfig",
    "Finding",
    "Kind",
    "Reason",
    "detect",
]
