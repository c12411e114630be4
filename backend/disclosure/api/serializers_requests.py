"""Serializers of disclosure requests: staff (full) and public (the citizen's own view)."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from directory.models import Unit
from disclosure.models import DisclosureRequest
from portal.models import Publication


class RequestStaffSerializer(serializers.ModelSerializer[DisclosureRequest]):
    """What records officers see, the requester's contact details included."""

    unit_name = serializers.CharField(source="unit.name", read_only=True)
    document_number = serializers.CharField(source="document.number", read_only=True, default="")
    deadline = serializers.SerializerMethodField()

    class Meta:
        model = DisclosureRequest
        fields = [
            "id", "receipt_number", "status", "name", "email", "phone", "subject", "reason",
            "document", "document_number", "unit", "unit_name", "received_at", "due_date",
            "extended_due_date", "extension_reason", "deadline", "decision_grounds",
            "decision_reason", "decided_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_deadline(self, request: DisclosureRequest) -> str:
        return (request.extended_due_date or request.due_date).isoformat()


class RequestPublicSerializer(serializers.ModelSerializer[DisclosureRequest]):
    """What the citizen sees of their own request: no contact details, no officer."""

    status_label = serializers.CharField(source="get_status_display", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = DisclosureRequest
        fields = [
            "receipt_number", "status", "status_label", "subject", "unit_name", "received_at",
            "due_date", "extended_due_date", "extension_reason", "decision_grounds",
            "decision_reason", "decided_at",
        ]  # fmt: skip
        read_only_fields = fields


class RequestCreateInputSerializer(serializers.Serializer[dict[str, Any]]):
    name = serializers.CharField(max_length=100)
    email = serializers.EmailField(max_length=254)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    subject = serializers.CharField(max_length=500)
    reason = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    publication = serializers.PrimaryKeyRelatedField(
        queryset=Publication.objects.filter(published_at__isnull=False, withdrawn_at__isnull=True),
        required=False,
        allow_null=True,
        help_text=_("The published (or closed) document asked for, by its publication id."),
    )
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.filter(active=True), required=False, allow_null=True
    )
    # Not required here so that a missing consent and a refused one get the service's
    # one message on `consent`.
    consent = serializers.BooleanField(
        default=False,
        help_text=_(
            "The citizen agrees that their name and contact details are used to answer; "
            "required (true)."
        ),
    )


class RequestStatusInputSerializer(serializers.Serializer[dict[str, Any]]):
    """The follow-up's e-mail address, sent in the body: never in a URL."""

    email = serializers.EmailField(max_length=254)


class RequestDecideInputSerializer(serializers.Serializer[dict[str, Any]]):
    decision = serializers.ChoiceField(choices=["disclose", "partial", "refuse"])
    grounds = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=8), max_length=8, default=list
    )
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
