"""Signatures: pyHanko, our verifier and Poppler agree on valid, tampered and foreign PDFs."""

import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from django.core.management import call_command
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from signing.keys import _create_local_pki
from signing.services import official_pdf_issue, official_pdf_verify
from signing.signer import read_pem_certificates
from tests.factories.official_documents import sample_official_document


def run_verify_pdf(path: Path) -> tuple[int, str]:
    from io import StringIO

    out = StringIO()
    try:
        call_command("verify_pdf", str(path), stdout=out)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_pyhanko_validates_the_pades_signature(memo_pdf, signing_dir) -> None:
    reader = PdfFileReader(BytesIO(memo_pdf))
    [signature] = reader.embedded_regular_signatures
    roots = read_pem_certificates(signing_dir / "ca-cert.pem")

    status = validate_pdf_signature(signature, ValidationContext(trust_roots=roots))

    assert status.bottom_line
    assert status.coverage is not None
    assert status.coverage.name == "ENTIRE_FILE"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"


def test_a_signed_pdf_verifies_with_its_facts(issued) -> None:
    document, pdf = issued["budget"]
    seen: list[str] = []

    def lookup(content_hash: str) -> dict[str, str]:
        seen.append(content_hash)
        return {"title": "from the documents app"}

    result = official_pdf_verify(data=pdf.pdf, lookup=lookup)

    assert result.valid, result.reason
    assert (result.intact, result.trusted, result.unmodified) == (True, True, True)
    assert result.document_number == document.document_number
    assert result.content_hash == document.content_hash
    assert seen == [document.content_hash]
    assert result.document == {"title": "from the documents app"}
    assert result.signer is not None
    assert "도장특별시" in result.signer.subject
    assert len(result.signer.fingerprint_sha256) == 64


def test_verify_pdf_exits_0_for_a_valid_file(memo_pdf, tmp_path) -> None:
    path = tmp_path / "ok.pdf"
    path.write_bytes(memo_pdf)

    code, output = run_verify_pdf(path)

    assert code == 0
    assert output.startswith("valid:")


@pytest.mark.parametrize("offset", [400, -3000])
def test_one_changed_byte_makes_verify_pdf_fail(memo_pdf, tmp_path, offset) -> None:
    # GIVEN the signed PDF with one byte changed in the signed content
    tampered = bytearray(memo_pdf)
    tampered[offset] ^= 0x01
    path = tmp_path / "tampered.pdf"
    path.write_bytes(bytes(tampered))
    # WHEN verify_pdf checks it
    code, output = run_verify_pdf(path)
    # THEN it exits 1 and says why
    assert code == 1
    assert output.split(":")[0] in {"broken", "not_pdf"}


def test_content_added_after_signing_is_reported_as_modified(memo_pdf) -> None:
    result = official_pdf_verify(data=memo_pdf + b"\n1 0 obj\n(added)\nendobj\n")

    assert not result.valid
    assert result.code in {"modified", "broken"}


def test_a_pdf_signed_by_an_unknown_ca_is_untrusted(signing_dir, settings, tmp_path) -> None:
    # GIVEN a second CA and signer, unknown to our trust anchors
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    _create_local_pki(foreign, organization="다른기관")
    settings.SIGNING_DIR = foreign
    pdf = official_pdf_issue(document=sample_official_document("memo")).pdf
    # WHEN verified against our own CA only
    settings.SIGNING_TRUST_ANCHORS = [str(signing_dir / "ca-cert.pem")]
    asked: list[str] = []

    def lookup(content_hash: str) -> dict[str, str]:
        asked.append(content_hash)
        return {"title": "a document of ours"}

    result = official_pdf_verify(data=pdf, lookup=lookup)
    # THEN the signature is intact but not trusted
    assert result.intact
    assert not result.trusted
    assert result.code == "untrusted"
    assert not result.valid
    # AND the content hash it names is not looked up: a forger could name any guess
    assert asked == []
    assert result.document is None


def test_unsigned_and_non_pdf_input_are_refused() -> None:
    assert official_pdf_verify(data=b"not a pdf").code == "not_pdf"


def test_poppler_pdfsig_reports_valid_and_unmodified(memo_pdf, tmp_path) -> None:
    # GIVEN an NSS database trusting the exported trust anchor
    anchor = tmp_path / "anchor.pem"
    call_command("export_trust_anchor", "--out", str(anchor))
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "--empty-password", "-d", f"sql:{nss}"], check=True)
    subprocess.run(
        ["certutil", "-A", "-n", "dojang", "-t", "CT,C,C", "-i", str(anchor), "-d", f"sql:{nss}"],
        check=True,
    )
    pdf = tmp_path / "memo.pdf"
    pdf.write_bytes(memo_pdf)
    # WHEN pdfsig checks the PDF
    result = subprocess.run(
        ["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True, check=False
    )
    # THEN the signature is valid, trusted and covers the whole document
    assert "Signature Validation: Signature is Valid." in result.stdout
    assert "Certificate Validation: Certificate is Trusted." in result.stdout
    assert "Total document signed" in result.stdout
