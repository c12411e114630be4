"""The signing app's one road: render, sign and verify official PDFs.

The documents app calls `official_pdf_issue` with an `OfficialDocument`
built from an approved version and stores the bytes it returns; anyone's
upload goes through `official_pdf_verify`. Keys: `ensure_signing_keys`.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from signing.keys import KeyStatus, ensure_signing_keys
from signing.rendering import RenderedPdf, render_official_pdf
from signing.signer import sign_pdf_bytes
from signing.snapshot import OfficialDocument
from signing.verification import DocumentLookup, VerificationResult, verify_pdf

__all__ = [
    "IssuedPdf",
    "KeyStatus",
    "configured_document_lookup",
    "ensure_signing_keys",
    "official_pdf_issue",
    "official_pdf_render",
    "official_pdf_sign",
    "official_pdf_verify",
]


@dataclass(frozen=True, slots=True)
class IssuedPdf:
    """A signed official PDF and what the documents app records about it."""

    pdf: bytes
    sha256: str
    pages: int
    refused_resources: tuple[str, ...]


def official_pdf_render(*, document: OfficialDocument) -> RenderedPdf:
    """The unsigned PDF (a preview; never hand it out as the official document)."""
    return render_official_pdf(document)


def official_pdf_sign(*, pdf: bytes, document: OfficialDocument) -> bytes:
    """Sign an unsigned official PDF of `document` (PAdES B-B, or B-T with a TSA)."""
    return sign_pdf_bytes(
        pdf,
        reason=f"{document.document_number} 결재 완료",
        location=document.issuer.organization,
    )


def official_pdf_issue(*, document: OfficialDocument) -> IssuedPdf:
    """Render and sign the official PDF of an approved version.

    Raises FontMissingError, RenderLimitError or SigningKeyError (all
    SigningError) with a message an operator can act on.
    """
    rendered = render_official_pdf(document)
    signed = official_pdf_sign(pdf=rendered.pdf, document=document)
    return IssuedPdf(
        pdf=signed,
        sha256=hashlib.sha256(signed).hexdigest(),
        pages=rendered.pages,
        refused_resources=rendered.refused,
    )


def official_pdf_verify(*, data: bytes, lookup: DocumentLookup | None = None) -> VerificationResult:
    """Verify an uploaded PDF; `lookup(content_hash)` names the document if given."""
    return verify_pdf(data, lookup=lookup)


def configured_document_lookup() -> DocumentLookup | None:
    """The lookup named by SIGNING_DOCUMENT_LOOKUP (a dotted path), if any."""
    path: str | None = settings.SIGNING_DOCUMENT_LOOKUP
    if not path:
        return None
    lookup: DocumentLookup = import_string(path)
    return lookup
