"""Serializers of the records officer's console: explicit allow-lists, input apart from output."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from disclosure.models import DisclosureReview, Redaction, WithheldParagraph
from disclosure.redaction import FIELDS
from documents.models import DisclosureLevel, Document

Ground = serializers.IntegerField(min_value=1, max_value=8)


class ReviewListSerializer(serializers.ModelSerializer[DisclosureReview]):
    document = serializers.IntegerField(source="document_id", read_only=True)
    number = serializers.CharField(source="document.number", read_only=True)
    title = serializers.CharField(source="document.title", read_only=True)
    kind = serializers.CharField(source="document.kind", read_only=True)
    unit = serializers.IntegerField(source="document.unit_id", read_only=True)
    unit_name = serializers.CharField(source="document.unit.name", read_only=True)
    approved_at = serializers.DateTimeField(source="document.approved_at", read_only=True)
    redaction_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = DisclosureReview
        fields = [
            "id", "document", "number", "title", "kind", "unit", "unit_name", "approved_at",
            "status", "level", "grounds", "suggested_level", "suggested_grounds",
            "proposed_level", "proposed_grounds", "disagrees", "queued_at", "due_at",
            "held_at", "rereview_count", "redaction_count",
        ]  # fmt: skip
        read_only_fields = fields


class RedactionSerializer(serializers.ModelSerializer[Redaction]):
    applied = serializers.SerializerMethodField()

    class Meta:
        model = Redaction
        fields = [
            "id", "field", "start", "end", "ground", "kind", "source", "confidence", "reason",
            "created_at", "rejected_at", "applied",
        ]  # fmt: skip
        read_only_fields = fields

    def get_applied(self, redaction: Redaction) -> bool:
        return redaction.rejected_at is None


class FieldTextSerializer(serializers.Serializer[dict[str, Any]]):
    name = serializers.CharField()
    text = serializers.CharField()
    redactions = RedactionSerializer(many=True)


class WithheldMarkSerializer(serializers.ModelSerializer[WithheldParagraph]):
    class Meta:
        model = WithheldParagraph
        fields = ["index", "ground", "note", "anchored", "marked_at"]
        read_only_fields = fields


class ParagraphSerializer(serializers.Serializer[dict[str, Any]]):
    index = serializers.IntegerField()
    start = serializers.IntegerField(help_text=_("Offset in the body's plain text."))
    end = serializers.IntegerField()
    mark = WithheldMarkSerializer(allow_null=True)


class AttachmentStateSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField(source="attachment.pk")
    name = serializers.CharField(source="attachment.name")
    size = serializers.IntegerField(source="attachment.size")
    not_for_publication = serializers.BooleanField(source="attachment.not_for_publication")
    withheld_ground = serializers.IntegerField(source="attachment.withheld_ground", allow_null=True)
    released = serializers.BooleanField()


class PreviewSerializer(serializers.Serializer[Any]):
    title = serializers.CharField()
    text = serializers.CharField()
    html = serializers.CharField()


class ExplanationSerializer(serializers.Serializer[dict[str, Any]]):
    source = serializers.CharField()  # type: ignore[assignment]  # the API's word
    level = serializers.CharField()
    ground = serializers.IntegerField()
    field = serializers.CharField(allow_null=True)
    start = serializers.IntegerField(allow_null=True)
    end = serializers.IntegerField(allow_null=True)
    reason_ko = serializers.CharField()
    reason_en = serializers.CharField()
    finding_kind = serializers.CharField(allow_null=True)
    rule_id = serializers.IntegerField(allow_null=True)


class ReviewDetailSerializer(serializers.Serializer[dict[str, Any]]):
    review = ReviewListSerializer()
    decision_reason = serializers.CharField(source="review.decision_reason")
    related_document = serializers.IntegerField(
        source="review.related_document_id", allow_null=True
    )
    comparison = serializers.JSONField(source="review.comparison")
    explanations = ExplanationSerializer(source="review.explanations", many=True)
    texts = FieldTextSerializer(source="fields", many=True)
    paragraphs = ParagraphSerializer(many=True)
    lost_marks = WithheldMarkSerializer(many=True)
    attachments = AttachmentStateSerializer(many=True)
    preview = PreviewSerializer()


class DecideInputSerializer(serializers.Serializer[dict[str, Any]]):
    level = serializers.ChoiceField(choices=DisclosureLevel.choices)
    grounds = serializers.ListField(child=Ground, max_length=8, allow_empty=True)
    reason = serializers.CharField(max_length=2000)
    related_document = serializers.PrimaryKeyRelatedField(
        queryset=Document.objects.all(), required=False, allow_null=True
    )


class ReasonInputSerializer(serializers.Serializer[dict[str, Any]]):
    reason = serializers.CharField(max_length=500)


class OptionalReasonInputSerializer(serializers.Serializer[dict[str, Any]]):
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class RedactionInputSerializer(serializers.Serializer[dict[str, Any]]):
    field = serializers.ChoiceField(choices=[(f, f) for f in FIELDS])
    start = serializers.IntegerField(min_value=0)
    end = serializers.IntegerField(min_value=1)
    ground = serializers.IntegerField(min_value=1, max_value=8, default=6)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class WithheldInputSerializer(serializers.Serializer[dict[str, Any]]):
    ground = serializers.IntegerField(min_value=1, max_value=8)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class WithheldParagraphSerializer(serializers.Serializer[dict[str, Any]]):
    index = serializers.IntegerField()
    text = serializers.CharField()
    mark = WithheldMarkSerializer(allow_null=True)


class BulkPublishInputSerializer(serializers.Serializer[dict[str, Any]]):
    documents = serializers.ListField(
        child=serializers.IntegerField(min_value=1), min_length=1, max_length=100
    )


class BulkResultSerializer(serializers.Serializer[dict[str, Any]]):
    document = serializers.IntegerField()
    published = serializers.BooleanField()
    publication = serializers.IntegerField(allow_null=True)
    error = serializers.JSONField(allow_null=True)


class PublicationOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    document = serializers.IntegerField(source="document_id")
    number = serializers.CharField()
    title = serializers.CharField()
    level = serializers.CharField()
    grounds = serializers.ListField(child=serializers.IntegerField())
    public_pdf_sha256 = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    withdrawal_reason = serializers.CharField()
