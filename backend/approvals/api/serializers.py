"""Input and output serializers of the approvals API (separate, named for what they carry)."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from approvals.api.serializers_lines import LineInputSerializer
from approvals.line import LineSpec
from approvals.models import ApprovalStep
from approvals.services.bulk import BULK_APPROVE_MAX
from core.api.serializers import ActedBySerializer
from directory.models import Person, Unit
from documents.models import Document, DocumentStatus, DocumentVersion

# Inputs ----------------------------------------------------------------------


class CommentInputSerializer(serializers.Serializer[dict[str, Any]]):
    comment = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class ActionReasonInputSerializer(serializers.Serializer[dict[str, Any]]):
    reason = serializers.CharField(max_length=4000, label=_("reason"))


class ReturnInputSerializer(ActionReasonInputSerializer):
    to = serializers.ChoiceField(
        choices=[("drafter", _("to the drafter")), ("previous", _("to the previous step"))],
        default="drafter",
    )


class ContentInputSerializer(serializers.Serializer[dict[str, Any]]):
    """Changed content fields (title, body, kind fields) as the documents API takes them."""

    content = serializers.DictField(label=_("content"))


class SubmitInputSerializer(serializers.Serializer[dict[str, Any]]):
    line = LineInputSerializer(required=False, allow_null=True, default=None)


class ResubmitInputSerializer(SubmitInputSerializer):
    content = serializers.DictField(required=False, default=None, allow_null=True)
    lock_version = serializers.IntegerField(required=False, min_value=1)


def line_spec_of(data: dict[str, Any]) -> LineSpec | None:
    line = data.get("line")
    return LineSpec.from_data(line) if line else None


# Outputs ---------------------------------------------------------------------


class LinePersonOutputSerializer(serializers.ModelSerializer[Person]):
    class Meta:
        model = Person
        fields = ["id", "name"]


class LineUnitOutputSerializer(serializers.ModelSerializer[Unit]):
    class Meta:
        model = Unit
        fields = ["id", "code", "name"]


class DocumentSummaryOutputSerializer(serializers.ModelSerializer[Document]):
    """Where a document stands: what an action answers about it."""

    class Meta:
        model = Document
        fields = [
            "id",
            "kind",
            "status",
            "title",
            "number",
            "lock_version",
            "submitted_at",
            "approved_at",
            "updated_at",
        ]


class BoxDocumentOutputSerializer(DocumentSummaryOutputSerializer):
    unit = LineUnitOutputSerializer(read_only=True)
    drafter = LinePersonOutputSerializer(read_only=True)

    class Meta(DocumentSummaryOutputSerializer.Meta):
        fields = [*DocumentSummaryOutputSerializer.Meta.fields, "unit", "drafter"]


class TaskStepOutputSerializer(serializers.ModelSerializer[ApprovalStep]):
    stage_kind = serializers.CharField(source="stage.kind", read_only=True)
    stage_order = serializers.IntegerField(source="stage.order", read_only=True)
    round = serializers.IntegerField(source="stage.round", read_only=True)
    assignee = LinePersonOutputSerializer(read_only=True)
    acted_by = LinePersonOutputSerializer(read_only=True, allow_null=True)
    is_overdue = serializers.SerializerMethodField()

    class Meta:
        model = ApprovalStep
        fields = [
            "id",
            "stage_kind",
            "stage_order",
            "round",
            "order",
            "status",
            "assignee",
            "position_title",
            "acted_by",
            "is_proxy",
            "is_delegated",
            "comment",
            "activated_at",
            "due_at",
            "acted_at",
            "post_approved_at",
            "is_overdue",
        ]

    def get_is_overdue(self, step: ApprovalStep) -> bool:
        return step.status == "pending" and step.due_at is not None and step.due_at < timezone.now()


class TaskDetailOutputSerializer(serializers.Serializer[dict[str, Any]]):
    step = TaskStepOutputSerializer()
    document = BoxDocumentOutputSerializer()
    line = TaskStepOutputSerializer(many=True)
    has_disagreement = serializers.BooleanField()
    actions = serializers.ListField(child=serializers.CharField())


class TaskActionOutputSerializer(serializers.Serializer[dict[str, Any]]):
    """What a task action answers: the step and its document as the action left them,
    and the actions still open to the caller. The whole line is the task's detail
    (GET /api/tasks/{id}/)."""

    step = TaskStepOutputSerializer()
    document = DocumentSummaryOutputSerializer()
    actions = serializers.ListField(child=serializers.CharField())


class BoxItemOutputSerializer(serializers.Serializer[dict[str, Any]]):
    document = BoxDocumentOutputSerializer()
    step = TaskStepOutputSerializer(allow_null=True)


class BoxCountsOutputSerializer(serializers.Serializer[dict[str, int]]):
    counts = serializers.DictField(child=serializers.IntegerField())


class EditedVersionOutputSerializer(serializers.ModelSerializer[DocumentVersion]):
    class Meta:
        model = DocumentVersion
        fields = ["id", "number", "reason", "content_hash", "created_at"]


class BoxFilterInputSerializer(serializers.Serializer[dict[str, Any]]):
    kind = serializers.CharField(required=False)
    status = serializers.CharField(required=False)
    unit = serializers.IntegerField(required=False, min_value=1)
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)
    q = serializers.CharField(required=False, max_length=200)


class BulkApproveInputSerializer(serializers.Serializer[dict[str, Any]]):
    task_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), min_length=1, max_length=BULK_APPROVE_MAX
    )
    comment = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class BulkDocumentOutputSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    number = serializers.CharField(allow_null=True)


class BulkResultOutputSerializer(serializers.Serializer[dict[str, Any]]):
    """One task's outcome: approved (its document), conflict (who acted first, to people
    on its line), refused (the reason, as the single approval would answer)."""

    task = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=["approved", "conflict", "refused"])
    document = BulkDocumentOutputSerializer(required=False)
    code = serializers.CharField(required=False, help_text="The error type, as in `Error`.")
    detail = serializers.CharField(required=False)
    acted_by = ActedBySerializer(required=False)


class BulkApproveOutputSerializer(serializers.Serializer[dict[str, Any]]):
    results = BulkResultOutputSerializer(many=True)
