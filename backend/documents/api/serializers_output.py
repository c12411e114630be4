"""What the API answers about documents, versions, attachments and lines."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from approvals.models import ApprovalStage, ApprovalStep, Reference
from directory.models import Person, Unit
from documents.models import (
    Attachment,
    BudgetRequest,
    Document,
    DocumentVersion,
    PersonnelAction,
)


class PersonBriefSerializer(serializers.ModelSerializer[Person]):
    position = serializers.CharField(source="position.title", default="", read_only=True)
    unit = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = Person
        fields = ("id", "name", "position", "unit")


class UnitBriefSerializer(serializers.ModelSerializer[Unit]):
    class Meta:
        model = Unit
        fields = ("id", "code", "name")


class DocumentListOutputSerializer(serializers.ModelSerializer[Document]):
    drafter = PersonBriefSerializer(read_only=True)
    unit = UnitBriefSerializer(read_only=True)

    class Meta:
        model = Document
        fields: tuple[str, ...] = (
            "id",
            "kind",
            "status",
            "title",
            "number",
            "drafter",
            "unit",
            "created_at",
            "updated_at",
            "submitted_at",
            "approved_at",
        )


class VersionBriefSerializer(serializers.ModelSerializer[DocumentVersion]):
    created_by = serializers.CharField(source="created_by.name", read_only=True)

    class Meta:
        model = DocumentVersion
        fields: tuple[str, ...] = ("number", "reason", "content_hash", "created_by", "created_at")


class VersionOutputSerializer(VersionBriefSerializer):
    content = serializers.JSONField(read_only=True)

    class Meta(VersionBriefSerializer.Meta):
        fields = (*VersionBriefSerializer.Meta.fields, "content")


class AttachmentOutputSerializer(serializers.ModelSerializer[Attachment]):
    class Meta:
        model = Attachment
        fields = ("id", "name", "content_type", "size", "sha256", "created_at")


class BudgetOutputSerializer(serializers.ModelSerializer[BudgetRequest]):
    budget_line_code = serializers.CharField(source="budget_line.code", read_only=True)

    class Meta:
        model = BudgetRequest
        fields = (
            "fiscal_year",
            "budget_line",
            "budget_line_code",
            "amount",
            "payee",
            "purpose",
            "committed_at",
        )


class PersonnelOutputSerializer(serializers.ModelSerializer[PersonnelAction]):
    person = PersonBriefSerializer(read_only=True)

    class Meta:
        model = PersonnelAction
        fields = (
            "person",
            "action_type",
            "effective_date",
            "target_unit",
            "target_position",
            "applied_at",
        )


class StepOutputSerializer(serializers.ModelSerializer[ApprovalStep]):
    assignee = PersonBriefSerializer(read_only=True)
    acted_by = PersonBriefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ApprovalStep
        fields = (
            "id",
            "order",
            "assignee",
            "position_title",
            "acted_by",
            "status",
            "is_proxy",
            "is_delegated",
            "comment",
            "activated_at",
            "acted_at",
            "due_at",
            "post_approved_at",
        )


class StageOutputSerializer(serializers.ModelSerializer[ApprovalStage]):
    steps = StepOutputSerializer(many=True, read_only=True)

    class Meta:
        model = ApprovalStage
        fields = ("id", "round", "order", "kind", "steps")


class ReferenceOutputSerializer(serializers.ModelSerializer[Reference]):
    person = PersonBriefSerializer(read_only=True)

    class Meta:
        model = Reference
        fields = ("person", "read_at")


class TimelineItemSerializer(serializers.Serializer[dict[str, Any]]):
    at = serializers.DateTimeField()
    origin = serializers.ChoiceField(choices=["audit", "line"])
    action = serializers.CharField()
    actor = serializers.CharField()
    version_hash = serializers.CharField(allow_blank=True)
    details = serializers.JSONField()


class WarningOutputSerializer(serializers.Serializer[dict[str, str]]):
    """Something the drafter should know that does not stop the save (an overdraw)."""

    field = serializers.CharField(help_text=_("The field it concerns, dotted: budget.amount."))
    code = serializers.CharField()
    message = serializers.CharField()


class DocumentDetailOutputSerializer(DocumentListOutputSerializer):
    current_version = VersionBriefSerializer(read_only=True, allow_null=True)
    budget = serializers.SerializerMethodField()
    personnel = serializers.SerializerMethodField()
    attachments = AttachmentOutputSerializer(many=True, read_only=True)
    stages = StageOutputSerializer(many=True, read_only=True)
    references = ReferenceOutputSerializer(many=True, read_only=True)
    timeline = serializers.SerializerMethodField()
    warnings = serializers.SerializerMethodField()

    class Meta(DocumentListOutputSerializer.Meta):
        fields = (
            *DocumentListOutputSerializer.Meta.fields,
            "body",
            "recipient",
            "retention_period",
            "proposed_disclosure_level",
            "proposed_disclosure_grounds",
            "lock_version",
            "current_version",
            "budget",
            "personnel",
            "attachments",
            "stages",
            "references",
            "timeline",
            "warnings",
        )

    @extend_schema_field(BudgetOutputSerializer(allow_null=True))
    def get_budget(self, document: Document) -> dict[str, Any] | None:
        budget = getattr(document, "budget", None)
        return BudgetOutputSerializer(budget).data if budget is not None else None

    @extend_schema_field(PersonnelOutputSerializer(allow_null=True))
    def get_personnel(self, document: Document) -> dict[str, Any] | None:
        action = getattr(document, "personnel", None)
        return PersonnelOutputSerializer(action).data if action is not None else None

    @extend_schema_field(TimelineItemSerializer(many=True))
    def get_timeline(self, document: Document) -> list[dict[str, Any]]:
        items = self.context.get("timeline", [])
        return list(TimelineItemSerializer(items, many=True).data)

    @extend_schema_field(WarningOutputSerializer(many=True))
    def get_warnings(self, document: Document) -> list[dict[str, Any]]:
        items = self.context.get("warnings", [])
        return list(WarningOutputSerializer(items, many=True).data)


class DiffOpSerializer(serializers.Serializer[dict[str, str]]):
    op = serializers.ChoiceField(choices=["equal", "insert", "delete"])
    text = serializers.CharField()


class FieldChangeSerializer(serializers.Serializer[dict[str, Any]]):
    field = serializers.CharField()
    old = serializers.JSONField(allow_null=True)
    new = serializers.JSONField(allow_null=True)


class VersionDiffOutputSerializer(serializers.Serializer[dict[str, Any]]):
    old = serializers.IntegerField()
    new = serializers.IntegerField()
    body = DiffOpSerializer(many=True)
    changes = FieldChangeSerializer(many=True)
