"""init_signing keeps keys unless forced; private keys are 0600; the anchor exports."""

import stat
from io import StringIO

from cryptography import x509
from django.core.management import call_command


def test_init_signing_keeps_existing_keys_and_force_replaces_them(settings, tmp_path) -> None:
    settings.SIGNING_DIR = tmp_path / "keys"
    call_command("init_signing", stdout=StringIO())
    first = (tmp_path / "keys" / "signer-cert.pem").read_bytes()

    out = StringIO()
    call_command("init_signing", stdout=out)
    assert "kept" in out.getvalue()
    assert (tmp_path / "keys" / "signer-cert.pem").read_bytes() == first

    call_command("init_signing", "--force", stdout=StringIO())
    assert (tmp_path / "keys" / "signer-cert.pem").read_bytes() != first


def test_keys_have_the_right_modes_and_extensions(settings, tmp_path) -> None:
    settings.SIGNING_DIR = tmp_path / "keys"
    call_command("init_signing", stdout=StringIO())
    directory = tmp_path / "keys"

    for name in ("ca-key.pem", "signer-key.pem"):
        assert stat.S_IMODE((directory / name).stat().st_mode) == 0o600
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    ca = x509.load_pem_x509_certificate((directory / "ca-cert.pem").read_bytes())
    signer = x509.load_pem_x509_certificate((directory / "signer-cert.pem").read_bytes())
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert ca.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    usage = signer.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert usage.content_commitment
    assert not signer.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert signer.issuer == ca.subject


def test_export_trust_anchor_writes_the_ca_certificate(signing_dir, tmp_path) -> None:
    out = tmp_path / "anchor.pem"

    call_command("export_trust_anchor", "--out", str(out), stdout=StringIO())

    assert out.read_bytes() == (signing_dir / "ca-cert.pem").read_bytes()
    assert b"PRIVATE KEY" not in out.read_bytes()


def test_external_key_paths_are_never_generated(settings, tmp_path) -> None:
    settings.SIGNING_DIR = tmp_path / "keys"
    settings.SIGNING_PKCS12_PATH = str(tmp_path / "org.p12")
    out = StringIO()

    call_command("init_signing", stdout=out)

    assert "nothing created" in out.getvalue()
    assert not (tmp_path / "keys").exists()


def _p12_from(signing_dir, tmp_path, password: bytes):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    key = serialization.load_pem_private_key(
        (signing_dir / "signer-key.pem").read_bytes(), password=None
    )
    cert = x509.load_pem_x509_certificate((signing_dir / "signer-cert.pem").read_bytes())
    ca = x509.load_pem_x509_certificate((signing_dir / "ca-cert.pem").read_bytes())
    path = tmp_path / "org.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"dojang",
            key,  # type: ignore[arg-type]
            cert,
            [ca],
            serialization.BestAvailableEncryption(password),
        )
    )
    return path


def test_a_pkcs12_production_key_signs_verifiable_pdfs(signing_dir, settings, tmp_path) -> None:
    # GIVEN the production variables pointing at a password-protected PKCS#12 file
    from signing.services import official_pdf_issue, official_pdf_verify
    from tests.factories.official_documents import sample_official_document

    settings.SIGNING_PKCS12_PATH = str(_p12_from(signing_dir, tmp_path, b"s3cret-pass"))
    settings.SIGNING_PKCS12_PASSWORD = "s3cret-pass"
    settings.SIGNING_TRUST_ANCHORS = [str(signing_dir / "ca-cert.pem")]
    # WHEN a document is issued and verified
    pdf = official_pdf_issue(document=sample_official_document("memo")).pdf
    # THEN it verifies against the configured trust anchor
    assert official_pdf_verify(data=pdf).valid


def test_a_wrong_pkcs12_password_is_a_clear_error_without_the_secret(
    signing_dir, settings, tmp_path
) -> None:
    import pytest

    from signing.errors import SigningKeyError
    from signing.signer import cached_signer

    settings.SIGNING_PKCS12_PATH = str(_p12_from(signing_dir, tmp_path, b"right-pass"))
    settings.SIGNING_PKCS12_PASSWORD = "wrong-pass"

    with pytest.raises(SigningKeyError, match="SIGNING_PKCS12_PASSWORD") as error:
        cached_signer()
    assert "wrong-pass" not in str(error.value)
    assert "right-pass" not in str(error.value)
