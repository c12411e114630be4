"""The local certificate authority and the organisation's signing certificate.

`ensure_signing_keys()` (seed_demo) and `manage.py init_signing` make, under
SIGNING_DIR, an ECDSA P-256 CA (10 years, CA:TRUE, keyCertSign + cRLSign) and
a signer certificate it issues (3 years, digitalSignature + nonRepudiation).
Rules:

- existing keys are kept; only `force=True` replaces them, and then both the
  CA and the signer are new (a new signer under an old CA key is pointless
  when the CA key sits beside it);
- private key files are created with mode 0600 inside a 0700 directory, and
  written to a temporary name first, so a crash never leaves half a key;
- when production key paths are configured nothing is generated: the keys
  belong to the operator (see docs/operations/signing.md).
"""

import datetime as dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from signing import conf
from signing.signer import forget_cached_signer

CA_VALIDITY = dt.timedelta(days=3650)
SIGNER_VALIDITY = dt.timedelta(days=3 * 365)
# Backdating absorbs clock skew between the signing host and a verifier.
BACKDATE = dt.timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class KeyStatus:
    """What `ensure_signing_keys` found or did; holds no secret."""

    directory: Path
    created: bool
    managed_externally: bool


def ensure_signing_keys(*, force: bool = False) -> KeyStatus:
    """Make the local CA and signer under SIGNING_DIR unless they exist (or `force`)."""
    source = conf.key_source()
    directory = conf.signing_dir()
    if not source.local:
        return KeyStatus(directory=directory, created=False, managed_externally=True)
    names = (conf.CA_KEY_FILE, conf.CA_CERT_FILE, conf.SIGNER_KEY_FILE, conf.SIGNER_CERT_FILE)
    if not force and all((directory / name).exists() for name in names):
        return KeyStatus(directory=directory, created=False, managed_externally=False)
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o700)
    _create_local_pki(directory, organization=conf.organization())
    forget_cached_signer()
    return KeyStatus(directory=directory, created=True, managed_externally=False)


def _create_local_pki(directory: Path, *, organization: str) -> None:
    now = dt.datetime.now(dt.UTC) - BACKDATE
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(organization, f"{organization} Dojang Local CA")
    ca_cert = _ca_certificate(ca_key, ca_name, now)
    signer_key = ec.generate_private_key(ec.SECP256R1())
    signer_cert = _signer_certificate(
        signer_key,
        _name(organization, f"{organization} 전자문서 서명"),
        issuer_key=ca_key,
        issuer_cert=ca_cert,
        now=now,
    )
    _write_private(directory / conf.CA_KEY_FILE, ca_key)
    _write_public(directory / conf.CA_CERT_FILE, ca_cert)
    _write_private(directory / conf.SIGNER_KEY_FILE, signer_key)
    _write_public(directory / conf.SIGNER_CERT_FILE, signer_cert)


def _name(organization: str, common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _ca_certificate(
    key: ec.EllipticCurvePrivateKey, name: x509.Name, now: dt.datetime
) -> x509.Certificate:
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(_serial())
        .not_valid_before(now)
        .not_valid_after(now + CA_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def _signer_certificate(
    key: ec.EllipticCurvePrivateKey,
    name: x509.Name,
    *,
    issuer_key: ec.EllipticCurvePrivateKey,
    issuer_cert: x509.Certificate,
    now: dt.datetime,
) -> x509.Certificate:
    public = key.public_key()
    issuer_ski = issuer_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_cert.subject)
        .public_key(public)
        .serial_number(_serial())
        .not_valid_before(now)
        .not_valid_after(now + SIGNER_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_ski.value),
            critical=False,
        )
        .sign(issuer_key, hashes.SHA256())
    )


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=not cert_sign,  # nonRepudiation
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _serial() -> int:
    # RFC 5280: positive, at most 20 octets; 159 random bits keep it unguessable.
    return secrets.randbits(159) | 1


def _write_private(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_atomically(path, data, mode=0o600)


def _write_public(path: Path, cert: x509.Certificate) -> None:
    _write_atomically(path, cert.public_bytes(serialization.Encoding.PEM), mode=0o644)


def _write_atomically(path: Path, data: bytes, *, mode: int) -> None:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # O_EXCL + the mode at creation: the key is never readable by others, even briefly.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    path.chmod(mode)


def trust_anchor_pem() -> bytes:
    """The PEM of every configured trust anchor, concatenated (for export)."""
    return b"".join(path.read_bytes() for path in conf.trust_anchor_paths())
