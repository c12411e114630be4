"""POST /api/disclosure/draft-scan/: the personal information and the ground signals in a
draft, while typing.

Staff only (an active staff member: approvals.api.permissions.request_person),
throttled per person (DISCLOSURE_DRAFT_SCAN_RATE, default 60/min), the body within the
limits a document's body has (its length and nesting, documents.services.content),
and the JSON parser's own size and depth bounds. `document` (optional) names the
draft being written, so its line's officials count as public names, as they will
when it is tagged; only its drafter may name it. Nothing is stored or logged; an
answer never holds the matched text (disclosure.draft_scan).
"""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from approvals.api.permissions import request_person
from core.api.throttles import ClientUserRateThrottle
from core.env import env_str
from disclosure.draft_scan import DraftScan, draft_scan
from disclosure.models import LapseEventChoices
from documents.content_schema import DocumentContentSerializer
from documents.models import DisclosureLevel, Document, DocumentKind
from documents.single_line import SingleLineField

# The levels a signal suggests (named WithholdingLevelEnum in the schema).
WITHHOLDING_LEVELS = [("partial", "partial"), ("closed", "closed")]
_NOT_YOURS = _("You have no draft with this number.")


class DraftScanThrottle(ClientUserRateThrottle):
    scope = "disclosure_draft_scan"

    def get_rate(self) -> str:
        rate = getattr(settings, "DISCLOSURE_DRAFT_SCAN_RATE", None)
        return str(rate or env_str("DISCLOSURE_DRAFT_SCAN_RATE", "60/min"))


class DraftScanInputSerializer(serializers.Serializer[dict[str, Any]]):
    title = SingleLineField(max_length=300, allow_blank=True, required=False, default="")
    body = serializers.CharField(
        allow_blank=True, required=False, default="", max_length=1_000_000, trim_whitespace=False
    )
    document = serializers.IntegerField(
        min_value=1, required=False, help_text="The draft being written (its drafter only)."
    )
    kind = serializers.ChoiceField(
        choices=DocumentKind.choices,
        required=False,
        help_text="The kind of document being written (the named draft's kind wins).",
    )

    def validate_body(self, value: str) -> str:
        """As deep as a document's body may nest (DOCUMENT_BODY_MAX_DEPTH), no deeper."""
        content = DocumentContentSerializer()
        checked: str = content.validate_body(value)
        return checked


class DraftFindingOutputSerializer(serializers.Serializer[dict[str, Any]]):
    kind = serializers.CharField(help_text="The detector's kind (`rrn`, `phone`, `email` ...).")
    kind_label = serializers.CharField(help_text="The kind in the request's language.")
    part = serializers.ChoiceField(
        choices=["title", "body"], help_text="Where it is: the title or the body."
    )
    paragraph = serializers.IntegerField(
        allow_null=True, help_text="The body's paragraph (block) index; null in the title."
    )
    start = serializers.IntegerField(help_text="First character, in the paragraph's text.")
    end = serializers.IntegerField(help_text="One past the last character.")
    preview = serializers.CharField(help_text="The match, masked (900101-1******).")


class DraftSignalOutputSerializer(serializers.Serializer[dict[str, Any]]):
    ground = serializers.IntegerField(help_text="The ground of Article 9(1), 1 to 8.")
    level = serializers.ChoiceField(
        choices=WITHHOLDING_LEVELS, help_text="The level the signal suggests."
    )
    reason = serializers.CharField(help_text="Why, in the request's language.")
    lapse_event = serializers.ChoiceField(
        choices=LapseEventChoices.choices,
        allow_null=True,
        help_text="The event that ends this withholding; null when it does not lapse.",
    )
    citation = serializers.CharField(help_text="The law or criterion the rule comes from.")


class DraftScanOutputSerializer(serializers.Serializer[DraftScan]):
    findings = DraftFindingOutputSerializer(many=True)
    signals = DraftSignalOutputSerializer(
        many=True, help_text="The ground signals the draft's kind and text carry."
    )
    suggested_level = serializers.ChoiceField(
        choices=DisclosureLevel.choices,
        help_text="The level tagging would suggest for this text as it stands.",
    )
    suggested_grounds = serializers.ListField(child=serializers.IntegerField())


class DraftScanView(APIView):
    """What the personal-information detector finds in a draft's title and body."""

    throttle_classes = [DraftScanThrottle]

    @extend_schema(request=DraftScanInputSerializer, responses=DraftScanOutputSerializer)
    def post(self, request: Request) -> Response:
        person = request_person(request)
        data = DraftScanInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = None
        if "document" in data.validated_data:
            document = (
                Document.objects.select_related("unit", "drafter")
                .filter(pk=data.validated_data["document"], drafter=person)
                .first()
            )
            if document is None:
                raise ValidationError({"document": [_NOT_YOURS]})
        scan = draft_scan(
            title=data.validated_data["title"],
            body=data.validated_data["body"],
            person=person,
            document=document,
            kind=data.validated_data.get("kind"),
        )
        return Response(DraftScanOutputSerializer(scan).data)
