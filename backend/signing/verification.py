"""Verification of an official PDF: is it ours, intact, trusted and unmodified?

A PDF of ours carries the organisation's approval signature first and, after it,
one counter-signature per post-approval (후결), each an incremental update with a
field of its own. Every signature is checked; the answer is the worst of them.

Rules (each failure gives one `code` and a Korean `reason`):
- `not_pdf`: the bytes are not a readable PDF;
- `unsigned`: the PDF carries no signature;
- `broken`: a signature does not match the bytes it signs, cannot be parsed, or
  its container holds anything after the signature (the unsigned padding must
  stay zero);
- `modified`: the last signature does not cover the entire file (something was
  added after it), or what was added after an earlier signature is more than
  the later signatures themselves (pyHanko's difference analysis: the only
  changed fields are the later signatures' own, nothing else was touched);
- `untrusted`: a signing certificate does not chain to a trust anchor of
  SIGNING_TRUST_ANCHORS (or the local CA), or its timestamp is not trusted;
- `valid`: none of the above.
The document number, content hash and approval record are read from the
revision the first signature covers, never from later additions; `signer` and
`signed_at` are the first signature's, and `signatures` lists them all in file
order. The optional `lookup(content_hash)` answers which document it is; it runs
on a public endpoint, so it must return only what anyone may see.
"""

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from typing import Any, Literal

from asn1crypto import parser as asn1_parser  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from django.utils.translation import gettext as _
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import DiffResult, ModificationLevel
from pyhanko.sign.validation import (
    EmbeddedPdfSignature,
    PdfSignatureStatus,
    SignatureCoverageLevel,
    validate_pdf_signature,
)
from pyhanko_certvalidator import ValidationContext

from signing import conf
from signing.errors import SigningKeyError
from signing.rendering import HISTORY_FILE_NAME, INFO_CONTENT_HASH, INFO_DOCUMENT_NUMBER
from signing.signer import read_pem_certificates

VerificationCode = Literal["valid", "not_pdf", "unsigned", "broken", "modified", "untrusted"]
DocumentLookup = Callable[[str], dict[str, Any] | None]


@dataclass(frozen=True, slots=True)
class CertificateInfo:
    """Who signed: the certificate's names, serial and SHA-256 fingerprint."""

    subject: str
    issuer: str
    serial: str
    fingerprint_sha256: str
    not_before: datetime
    not_after: datetime


@dataclass(frozen=True, slots=True)
class SignatureInfo:
    """One signature of the file, in file order: the approval first, then each 후결.

    `label` is what the signature says it is for (its /Reason): "<number> 결재 완료"
    for the approval, "후결: <title> <name> <date>" for a counter-signature.
    """

    field_name: str
    label: str
    countersignature: bool
    code: VerificationCode
    valid: bool
    intact: bool
    trusted: bool
    coverage: str
    signer: CertificateInfo
    signed_at: datetime | None


@dataclass(frozen=True, slots=True)
class VerificationResult:
    """The answer about one PDF; `valid` is the bottom line.

    `intact` and `trusted` hold for every signature; `unmodified` says nothing but
    the later signatures was added after the first one and nothing at all after the
    last, whose `coverage` this is.
    """

    valid: bool
    code: VerificationCode
    reason: str
    intact: bool = False
    trusted: bool = False
    unmodified: bool = False
    coverage: str = ""
    signer: CertificateInfo | None = None
    signed_at: datetime | None = None
    timestamped: bool = False
    document_number: str | None = None
    content_hash: str | None = None
    approval_record: dict[str, Any] | None = None
    document: dict[str, Any] | None = field(default=None)
    signatures: tuple[SignatureInfo, ...] = ()


def verify_pdf(data: bytes, *, lookup: DocumentLookup | None = None) -> VerificationResult:
    """Verify every signature on `data` (see the module's rules)."""
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        embedded = reader.embedded_regular_signatures
    except (PdfError, ValueError, TypeError, KeyError):
        return _failed("not_pdf")
    if not embedded:
        return _failed("unsigned")
    if not all(_container_is_exact(signature) for signature in embedded):
        return _failed("broken")
    context = _validation_context()
    try:
        statuses = [
            validate_pdf_signature(signature, signer_validation_context=context)
            for signature in embedded
        ]
    except (PdfError, ValueError, TypeError, KeyError):
        return _failed("broken")
    signatures = tuple(_signature_info(embedded, statuses, index) for index in range(len(embedded)))
    return _result(reader, embedded[0], statuses, signatures, lookup)


def _result(
    reader: PdfFileReader,
    first: EmbeddedPdfSignature,
    statuses: list[PdfSignatureStatus],
    signatures: tuple[SignatureInfo, ...],
    lookup: DocumentLookup | None,
) -> VerificationResult:
    codes = {signature.code for signature in signatures}
    code: VerificationCode = next((c for c in _WORST_FIRST if c in codes), "valid")
    facts = _signed_facts(reader, first)
    content_hash = facts.get("content_hash")
    reason = _REASONS[code]()
    if code == "valid" and len(signatures) > 1:
        reason = _("The signature is valid; nothing but post-approval signatures was added since.")
    return VerificationResult(
        valid=code == "valid",
        code=code,
        reason=reason,
        intact=all(signature.intact for signature in signatures),
        trusted=all(signature.trusted for signature in signatures),
        unmodified="modified" not in codes,
        coverage=signatures[-1].coverage,
        signer=signatures[0].signer,
        signed_at=signatures[0].signed_at,
        timestamped=statuses[0].timestamp_validity is not None,
        document_number=facts.get("document_number"),
        content_hash=content_hash,
        approval_record=facts.get("approval_record"),
        # Only a hash under our valid signature is looked up: anyone can write a guessed
        # hash into a file they sign themselves, and an answer would confirm the guess.
        document=lookup(content_hash) if lookup and content_hash and code == "valid" else None,
        signatures=signatures,
    )


# The answer about the file is the worst answer about one of its signatures.
_WORST_FIRST: tuple[VerificationCode, ...] = ("broken", "modified", "untrusted")


def _signature_info(
    embedded: list[EmbeddedPdfSignature], statuses: list[PdfSignatureStatus], index: int
) -> SignatureInfo:
    signature, status = embedded[index], statuses[index]
    later_fields = {later.field_name for later in embedded[index + 1 :]}
    code = _judge(status, later_fields=later_fields, last=index == len(embedded) - 1)
    return SignatureInfo(
        field_name=signature.field_name,
        label=_text(signature.sig_object.get("/Reason")) or "",
        countersignature=index > 0,
        code=code,
        valid=code == "valid",
        intact=bool(status.intact and status.valid),
        trusted=bool(status.trusted),
        coverage=status.coverage.name if status.coverage else "",
        signer=certificate_info(status.signing_cert),
        signed_at=status.signer_reported_dt,
    )


def _judge(status: PdfSignatureStatus, *, later_fields: set[str], last: bool) -> VerificationCode:
    if not (status.intact and status.valid):
        return "broken"
    if not (_covers_file(status) if last else _extended_by_signatures(status, later_fields)):
        return "modified"
    if not status.trusted:
        return "untrusted"
    timestamp = status.timestamp_validity
    if timestamp is not None and not (timestamp.intact and timestamp.valid and timestamp.trusted):
        return "untrusted"
    return "valid"


def _covers_file(status: PdfSignatureStatus) -> bool:
    return status.coverage == SignatureCoverageLevel.ENTIRE_FILE


def _extended_by_signatures(status: PdfSignatureStatus, later_fields: set[str]) -> bool:
    """After this signature came only the later signatures, each in its own field.

    pyHanko's difference analysis grades what the later revisions changed; signing
    a new field is "form filling". Any other filled or changed field (one that no
    later signature is in) or any other change fails it.
    """
    diff = status.diff_result
    return (
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and bool(status.docmdp_ok)
        and isinstance(diff, DiffResult)
        and diff.modification_level <= ModificationLevel.FORM_FILLING
        and diff.changed_form_fields <= later_fields
    )


_REASONS: dict[VerificationCode, Callable[[], str]] = {
    "valid": lambda: _("The signature is valid and the document has not changed since signing."),
    "not_pdf": lambda: _("The PDF file cannot be read."),
    "unsigned": lambda: _("The PDF is not signed."),
    "broken": lambda: _(
        "The signature does not match the content: the document is damaged or forged."
    ),
    "modified": lambda: _("Content was added to or changed in the document after signing."),
    "untrusted": lambda: _("It was signed with a certificate that is not trusted."),
}


def _container_is_exact(embedded: EmbeddedPdfSignature) -> bool:
    """The signature's /Contents holds the CMS object, then only zero padding.

    The padding lies outside the signed byte ranges, so validators ignore it;
    a PDF of ours never has anything there, and anything found there means
    the file was altered after signing.
    """
    try:
        contents = bytes(embedded.sig_object["/Contents"])
        _, _, _, header, body, trailer = asn1_parser.parse(contents)
    except (KeyError, ValueError, TypeError):
        return False
    used = len(header) + len(body) + len(trailer)
    return not contents[used:].strip(b"\x00")


def _failed(code: VerificationCode) -> VerificationResult:
    return VerificationResult(valid=False, code=code, reason=_REASONS[code]())


def _validation_context() -> ValidationContext:
    anchors: list[asn1_x509.Certificate] = []
    for path in conf.trust_anchor_paths():
        try:
            anchors.extend(read_pem_certificates(path))
        except (OSError, ValueError) as exc:
            raise SigningKeyError(f"The trust anchor file {path} cannot be read.") from exc
    # No fetching: verification must not call out to the network on a public
    # endpoint; a soft-fail revocation check accepts a CA that publishes no CRL.
    return ValidationContext(trust_roots=anchors, allow_fetching=False, revocation_mode="soft-fail")


def certificate_info(cert: asn1_x509.Certificate) -> CertificateInfo:
    return CertificateInfo(
        subject=cert.subject.human_friendly,
        issuer=cert.issuer.human_friendly,
        serial=format(cert.serial_number, "x"),
        fingerprint_sha256=cert.sha256_fingerprint.replace(" ", "").lower(),
        not_before=cert.not_valid_before,
        not_after=cert.not_valid_after,
    )


def _signed_facts(reader: PdfFileReader, embedded: EmbeddedPdfSignature) -> dict[str, Any]:
    """Metadata as of the signed revision: what the signature vouches for."""
    revision = reader.get_historical_resolver(embedded.signed_revision)
    facts: dict[str, Any] = {}
    # A PDF not made by Dojang lacks these: the signature answer still stands.
    with contextlib.suppress(PdfError, KeyError, ValueError, TypeError):
        info = revision.trailer_view["/Info"]
        facts["document_number"] = _text(info.get("/" + INFO_DOCUMENT_NUMBER))
        facts["content_hash"] = _text(info.get("/" + INFO_CONTENT_HASH))
    with contextlib.suppress(PdfError, KeyError, ValueError, TypeError):
        facts["approval_record"] = _approval_record(revision.root)
    return facts


def _text(value: object) -> str | None:
    return str(value) if isinstance(value, generic.TextStringObject | str) else None


def _approval_record(root: generic.DictionaryObject) -> dict[str, Any] | None:
    names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    for index in range(0, len(names) - 1, 2):
        if str(names[index]) == HISTORY_FILE_NAME:
            stream = names[index + 1].get_object()["/EF"]["/F"].get_object()
            record: dict[str, Any] = json.loads(stream.data.decode("utf-8"))
            return record
    return None
