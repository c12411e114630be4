"""Input and output of the public verification endpoint."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from rest_framework import serializers

from signing import conf

PDF_MAGIC = b"%PDF-"


def too_large_message() -> str:
    limit = conf.verify_max_bytes()
    return _("The file is too large (at most %(mb)s MB).") % {"mb": f"{limit / (1024 * 1024):g}"}


class VerifyInputSerializer(serializers.Serializer[Any]):
    """One PDF file, at most SIGNING_VERIFY_MAX_BYTES, starting with %PDF-."""

    file = serializers.FileField(help_text=_("PDF file to verify"))

    def validate_file(self, value: UploadedFile[bytes]) -> UploadedFile[bytes]:
        if value.size is None or value.size > conf.verify_max_bytes():
            raise serializers.ValidationError(too_large_message(), code="too_large")
        value.seek(0)
        head = value.read(1024)
        value.seek(0)
        # PDF readers accept the header within the first 1024 bytes.
        if PDF_MAGIC not in head:
            raise serializers.ValidationError(_("This is not a PDF file."), code="not_pdf")
        return value


class CertificateOutputSerializer(serializers.Serializer[Any]):
    subject = serializers.CharField()
    issuer = serializers.CharField()
    serial = serializers.CharField(help_text="Serial number, hexadecimal.")
    fingerprint_sha256 = serializers.CharField()
    not_before = serializers.DateTimeField()
    not_after = serializers.DateTimeField()


class VerifyOutputSerializer(serializers.Serializer[Any]):
    """The verification answer; `valid` is the bottom line, `code` says why not."""

    valid = serializers.BooleanField()
    code = serializers.ChoiceField(
        choices=["valid", "not_pdf", "unsigned", "broken", "modified", "untrusted"]
    )
    reason = serializers.CharField()
    intact = serializers.BooleanField(help_text="The signature matches the signed bytes.")
    trusted = serializers.BooleanField(help_text="The certificate chains to a trust anchor.")
    unmodified = serializers.BooleanField(help_text="The signature covers the entire file.")
    coverage = serializers.CharField()
    signer = CertificateOutputSerializer(allow_null=True)
    signed_at = serializers.DateTimeField(allow_null=True)
    timestamped = serializers.BooleanField()
    document_number = serializers.CharField(allow_null=True)
    content_hash = serializers.CharField(allow_null=True)
    approval_record = serializers.JSONField(allow_null=True)
    document = serializers.JSONField(
        allow_null=True, help_text="What the documents app says about this content hash."
    )
