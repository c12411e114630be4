"""Redaction that removes the text: parsing the body, applying spans, the public version.

Pure functions without a database; disclosure.services store and publish what
they return.
"""

from disclosure.redaction.apply import Span, merge_spans, paragraph_mark, redact_text, span_mark
from disclosure.redaction.body import Body, Paragraph, paragraph_fingerprint, parse_body
from disclosure.redaction.fields import FIELDS, VersionTexts, is_private_payee
from disclosure.redaction.public import FieldSpan, PublicVersion, public_version

__all__ = [
    "FIELDS",
    "Body",
    "FieldSpan",
    "Paragraph",
    "PublicVersion",
    "Span",
    "VersionTexts",
    "is_private_payee",
    "merge_spans",
    "paragraph_fingerprint",
    "paragraph_mark",
    "parse_body",
    "public_version",
    "redact_text",
    "span_mark",
]
