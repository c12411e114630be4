"""What the staff API answers about a document's official PDF and approval box."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from signing.failures import failure_reason
from signing.models import Countersignature, Rendition


class CountersignatureOutputSerializer(serializers.ModelSerializer[Countersignature]):
    """One post-approval's (후결) counter-signature of the official PDF, oldest first."""

    class Meta:
        model = Countersignature
        fields = ("status", "label", "attempts", "last_error", "signed_at", "created_at")
        extra_kwargs = {
            "label": {"help_text": _("What the signature says: 후결, title, name and date.")},
            "last_error": {"help_text": _("The kind of the last failure (no personal data).")},
        }


class RenditionOutputSerializer(serializers.ModelSerializer[Rendition]):
    """The state of the official PDF; the signature facts once it is done."""

    document_number = serializers.CharField(source="version.document.number", read_only=True)
    content_hash = serializers.CharField(source="version.content_hash", read_only=True)
    version = serializers.IntegerField(source="version.number", read_only=True)
    countersignatures = CountersignatureOutputSerializer(many=True, read_only=True)
    failure_reason = serializers.SerializerMethodField(
        help_text=_("Why the last attempt failed, in the reader's language; empty if it did not.")
    )

    class Meta:
        model = Rendition
        fields = (
            "status",
            "variant",
            "document_number",
            "version",
            "content_hash",
            "attempts",
            "last_error",
            "failure_reason",
            "sha256",
            "size",
            "pages",
            "signed_at",
            "signer_subject",
            "countersignatures",
            "created_at",
            "updated_at",
        )
        extra_kwargs = {
            "last_error": {"help_text": _("The kind of the last failure (no personal data).")},
            "sha256": {
                "help_text": _(
                    "SHA-256 of the signed PDF file, once done; a counter-signature "
                    "replaces the file, and so its hash."
                )
            },
        }

    def get_failure_reason(self, rendition: Rendition) -> str:
        return failure_reason(rendition.last_error)


class SignerOutputSerializer(serializers.Serializer[Any]):
    position = serializers.CharField()
    name = serializers.CharField()
    signed_on = serializers.DateField()
    role = serializers.ChoiceField(choices=["review", "consult", "approve"])
    mark = serializers.CharField(help_text=_("전결, 대결, 동의, 부동의 or empty."))
    proxy_for = serializers.CharField(
        allow_null=True, help_text=_("The absent approver a deputy signed for (대결).")
    )


class ApprovalBoxOutputSerializer(serializers.Serializer[Any]):
    """The approval box as the official PDF prints it, with the PDF's state."""

    document_number = serializers.CharField()
    enforcement_date = serializers.DateField()
    disclosure = serializers.CharField(help_text=_("The printed mark: 공개, 부분공개(6)..."))
    content_hash = serializers.CharField()
    verification_url = serializers.CharField()
    signers = SignerOutputSerializer(many=True)
    rendition = RenditionOutputSerializer(allow_null=True)
