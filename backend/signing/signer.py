"""PAdES signatures with the organisation's key, loaded once per process.

Rules:
- the signature is PAdES baseline B-B (ETSI.CAdES.detached, SHA-256, signing
  certificate attribute); with SIGNING_TSA_URL set it is B-T: the signature
  carries a timestamp token from that authority;
- the signer is cached per process and keyed by the key files' identity
  (path, size, modification time), so `init_signing --force` or a rotated
  production key is picked up without a restart, while every signature after
  the first costs no file read nor key parse;
- a counter-signature (후결) goes into a field of its own as an incremental update:
  the signed bytes before it stay as they are, so the first signature still
  verifies, and the last one covers the whole file;
- the key never leaves this module: errors name files, never their content.
"""

import logging
import threading
from io import BytesIO
from pathlib import Path

from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers, timestamps
from pyhanko_certvalidator.registry import SimpleCertificateStore

from signing import conf
from signing.errors import SigningKeyError

logger = logging.getLogger(__name__)

SIGNATURE_FIELD = "DojangSignature"
RESERVED = 8 * 1024
RESERVED_WITH_TIMESTAMP = 24 * 1024

_lock = threading.Lock()
_cache: dict[tuple[object, ...], signers.SimpleSigner] = {}


def sign_pdf_bytes(pdf: bytes, *, reason: str, location: str) -> bytes:
    """Sign `pdf` (an unsigned PDF) and return the signed file."""
    return _sign(pdf, field_name=SIGNATURE_FIELD, reason=reason, location=location)


def countersign_pdf_bytes(pdf: bytes, *, field_name: str, reason: str, location: str) -> bytes:
    """Append a signature in a new field `field_name` to a signed PDF, as an incremental
    update: the bytes of `pdf` stay as they are, so every earlier signature still holds,
    and the new one covers the whole file. A field of that name must not exist yet."""
    if field_name == SIGNATURE_FIELD:
        raise ValueError("a counter-signature needs a field of its own")
    return _sign(pdf, field_name=field_name, reason=reason, location=location)


def _sign(pdf: bytes, *, field_name: str, reason: str, location: str) -> bytes:
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
    )
    url = conf.tsa_url()
    timestamper = timestamps.HTTPTimeStamper(url, timeout=10) if url else None
    buffer = BytesIO(pdf)
    writer = IncrementalPdfFileWriter(buffer, strict=False)
    signers.sign_pdf(
        writer,
        meta,
        signer=cached_signer(),
        timestamper=timestamper,
        # A fixed reservation skips pyHanko's dry-run signature used to size the
        # /Contents hole, halving the cost. ECDSA + two certificates take ~2 KB;
        # a timestamp token adds its own certificates.
        bytes_reserved=RESERVED_WITH_TIMESTAMP if timestamper else RESERVED,
        # The update is appended to our private buffer instead of a copy of the
        # whole file into a second one: about 3 ms of the ~45 (docs/performance.md).
        in_place=True,
    )
    return buffer.getvalue()


def cached_signer() -> signers.SimpleSigner:
    """The process's signer for the configured key, loading it on first use."""
    source = conf.key_source()
    identity = (source, *(_file_identity(path) for path in source.files()))
    with _lock:
        signer = _cache.get(identity)
        if signer is None:
            signer = _load_signer(source)
            _cache.clear()  # one key per process: drop the one it replaces
            _cache[identity] = signer
        return signer


def forget_cached_signer() -> None:
    """Drop the cached signer (after new keys were written)."""
    with _lock:
        _cache.clear()


def _file_identity(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise SigningKeyError(_missing_message(path)) from exc
    return (str(path), stat.st_size, stat.st_mtime_ns)


def _missing_message(path: Path) -> str:
    return (
        f"The signing key file {path} cannot be read. Run `manage.py init_signing` "
        "or set SIGNING_PKCS12_PATH / SIGNING_KEY_PATH and SIGNING_CERT_PATH "
        "(docs/operations/signing.md)."
    )


def _load_signer(source: conf.KeySource) -> signers.SimpleSigner:
    if source.pkcs12_path is not None:
        return _load_pkcs12(source.pkcs12_path, source.pkcs12_password)
    if source.key_path is None or source.cert_path is None:
        raise SigningKeyError("Set both SIGNING_KEY_PATH and SIGNING_CERT_PATH.")
    certificates = _read_certificates(source.cert_path)
    if source.local:
        certificates += _read_certificates(conf.signing_dir() / conf.CA_CERT_FILE)
    password = source.key_password.encode() if source.key_password else None
    try:
        key = serialization.load_pem_private_key(source.key_path.read_bytes(), password)
    except (OSError, ValueError, TypeError) as exc:
        # The message names the file only: the exception could quote key material.
        raise SigningKeyError(f"The signing key {source.key_path} cannot be loaded.") from exc
    return _simple_signer(key, certificates)


def _load_pkcs12(path: Path, password: str | None) -> signers.SimpleSigner:
    try:
        key, cert, others = pkcs12.load_key_and_certificates(
            path.read_bytes(), password.encode() if password else None
        )
    except (OSError, ValueError) as exc:
        raise SigningKeyError(
            f"The PKCS#12 file {path} cannot be opened (wrong SIGNING_PKCS12_PASSWORD?)."
        ) from exc
    if key is None or cert is None:
        raise SigningKeyError(f"The PKCS#12 file {path} holds no key and certificate.")
    chain = [asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))]
    chain += [
        asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in others
    ]
    return _simple_signer(key, chain)


def read_pem_certificates(path: Path) -> list[asn1_x509.Certificate]:
    """Every certificate of a PEM or DER file (OSError, ValueError when unreadable)."""
    return list(load_certs_from_pemder([str(path)]))  # type: ignore[no-untyped-call]


def _read_certificates(path: Path) -> list[asn1_x509.Certificate]:
    try:
        certificates = read_pem_certificates(path)
    except (OSError, ValueError) as exc:
        raise SigningKeyError(f"The certificate file {path} cannot be read.") from exc
    if not certificates:
        raise SigningKeyError(f"The certificate file {path} holds no certificate.")
    return certificates


def _simple_signer(
    key: PrivateKeyTypes, chain: list[asn1_x509.Certificate]
) -> signers.SimpleSigner:
    """The first certificate of `chain` is the signer's; the rest help path building."""
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    signing_cert = chain[0]
    if public != signing_cert.public_key.dump():
        raise SigningKeyError("The signing key does not match the signing certificate.")
    logger.info("Loaded the signing certificate %s", signing_cert.subject.human_friendly)
    registry = SimpleCertificateStore()  # type: ignore[no-untyped-call]
    registry.register_multiple(chain[1:])
    return signers.SimpleSigner(
        signing_cert=signing_cert,
        signing_key=asn1_keys.PrivateKeyInfo.load(der),
        cert_registry=registry,
    )
