"""Serializers of the records officer's console: explicit allow-lists, input apart from output."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from disclosure.models import (
    DisclosureReview,
    LapseEventChoices,
    Redaction,
    WithheldParagraph,
    WithholdingLapse,
)
from disclosure.redaction import FIELDS
from disclosure.selectors.auto_publication import AUTO_PUBLICATION_BLOCKS
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
    lapse_event = serializers.ChoiceField(
        choices=LapseEventChoices.choices,
        allow_null=True,
        default=None,
        help_text="The event that ends this signal; null when it does not lapse.",
    )
    citation = serializers.CharField(
        default="", help_text="The law or non-disclosure criterion the rule comes from."
    )


class WithholdingLapseSerializer(serializers.ModelSerializer[WithholdingLapse]):
    recorded_by = serializers.CharField(
        source="recorded_by.name", allow_null=True, default=None, read_only=True
    )

    class Meta:
        model = WithholdingLapse
        fields = ("id", "event", "occurred_on", "note", "recorded_by", "recorded_at")
        read_only_fields = fields


class AutoPublicationSerializer(serializers.Serializer[dict[str, Any]]):
    eligible = serializers.BooleanField(
        help_text="Whether the document would be published by itself once its days pass."
    )
    blocked_by = serializers.ListField(
        child=serializers.ChoiceField(choices=AUTO_PUBLICATION_BLOCKS),
        help_text="Why it would not: not open, held, the proposal disagrees, a ground "
        "signal in the text, or the review is no longer pending.",
    )


class ReviewDetailSerializer(serializers.Serializer[dict[str, Any]]):
    review = ReviewListSerializer()
    decision_reason = serializers.CharField(source="review.decision_reason")
    related_document = serializers.IntegerField(
        source="review.related_document_id", allow_null=True
    )
    comparison = serializers.JSONField(source="review.comparison")
    explanations = ExplanationSerializer(source="review.explanations", many=True)
    has_signals = serializers.BooleanField(
        source="review.has_signals",
        help_text="The text carries a ground signal: never published automatically.",
    )
    lapse_events = serializers.ListField(
        source="review.lapse_events",
        child=serializers.ChoiceField(choices=LapseEventChoices.choices),
        help_text="The events that would end the time-limited signals still standing.",
    )
    lapses = WithholdingLapseSerializer(many=True)
    auto_publication = AutoPublicationSerializer()
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


class LapseInputSerializer(serializers.Serializer[dict[str, Any]]):
    event = serializers.ChoiceField(choices=LapseEventChoices.choices)
    occurred_on = serializers.DateField(required=False, help_text="Today when not given.")
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


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
