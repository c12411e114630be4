"""Shapes of the approval-line endpoints: a line in and out, saved lines, rules."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from approvals.models import DelegationRule, SavedLine, StageKind
from directory.models import Person
from documents.models import DocumentKind


class StageInputSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=StageKind.choices)
    assignee_ids = serializers.ListField(child=serializers.IntegerField(min_value=1), max_length=50)


class LineInputSerializer(serializers.Serializer[Any]):
    """A proposed line: {"stages": [{"kind", "assignee_ids"}], "reference_ids": [...]}."""

    stages = StageInputSerializer(many=True)
    reference_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, default=list, max_length=200
    )


# The name the workflows API imports; one class, so the schema has one component.
ProposedLineInputSerializer = LineInputSerializer


class LinePersonSerializer(serializers.ModelSerializer[Person]):
    position = serializers.CharField(source="position.title", default="", read_only=True)
    unit = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = Person
        fields = ("id", "name", "position", "unit")


class LineStepOutputSerializer(serializers.Serializer[Any]):
    """One assignee's step as it would route now: to them, or to their deputy (대결)."""

    assignee_id = serializers.IntegerField()
    absent = serializers.BooleanField(help_text="The assignee is away at this moment.")
    absent_until = serializers.DateTimeField(allow_null=True)
    acting = LinePersonSerializer(
        allow_null=True,
        help_text=(
            "Who acts instead while the assignee is away (대결), as the engine routes it; "
            "null when nobody may, and the step waits for the assignee."
        ),
    )
    acting_official = serializers.BooleanField(
        help_text="The one acting instead is the designated acting official (직무대리)."
    )


class LineStageOutputSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=StageKind.choices)
    assignee_ids = serializers.ListField(child=serializers.IntegerField())
    assignees = LinePersonSerializer(many=True)
    steps = LineStepOutputSerializer(many=True)


class LineOutputSerializer(serializers.Serializer[Any]):
    """A line with the people resolved, plus what the delegation rule requires."""

    stages = LineStageOutputSerializer(many=True)
    reference_ids = serializers.ListField(child=serializers.IntegerField())
    references = LinePersonSerializer(many=True)
    required_rank = serializers.IntegerField()
    delegation_rule = serializers.CharField()
    delegated = serializers.BooleanField(help_text="The final approval is a 전결.")


class SuggestionInputSerializer(serializers.Serializer[Any]):
    """Facts to suggest for before they are saved on the draft (optional)."""

    amount = serializers.IntegerField(min_value=1, required=False)
    subject_person = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False
    )


class SavedLineInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=DocumentKind.choices, required=False, allow_blank=True)
    line = LineInputSerializer()


class SavedLineWarningSerializer(serializers.Serializer[Any]):
    """Someone on a saved line who has left or moved since it was saved."""

    person = serializers.IntegerField(source="person_id")
    name = serializers.CharField()
    code = serializers.ChoiceField(
        choices=[("left", "left"), ("moved", "moved")],
        help_text="left: no longer in the organisation; moved: another unit or position, "
        "or a title that no longer lets them act on a line.",
    )
    message = serializers.CharField()


class SavedLineOutputSerializer(serializers.ModelSerializer[SavedLine]):
    """A saved line; `warnings` come from the view's context (saved_line_warnings)."""

    warnings = serializers.SerializerMethodField()

    class Meta:
        model = SavedLine
        fields = ("id", "name", "kind", "stages", "references", "created_at", "warnings")

    @extend_schema_field(SavedLineWarningSerializer(many=True))
    def get_warnings(self, obj: SavedLine) -> Any:
        warnings = self.context.get("warnings", {}).get(obj.pk, [])
        return SavedLineWarningSerializer(warnings, many=True).data


class SavedLineApplyOutputSerializer(LineOutputSerializer):
    """The saved line checked against the document, with who has moved since it was saved."""

    warnings = SavedLineWarningSerializer(many=True)


class SavedLineApplyInputSerializer(serializers.Serializer[Any]):
    document = serializers.IntegerField(min_value=1)


class DelegationRuleOutputSerializer(serializers.ModelSerializer[DelegationRule]):
    # Plain integers: ranks are directory.models.Rank values (higher is more senior).
    subject_rank_at_most = serializers.IntegerField(allow_null=True)
    required_rank = serializers.IntegerField()

    class Meta:
        model = DelegationRule
        fields = (
            "id",
            "kind",
            "amount_below",
            "subject_rank_at_most",
            "required_rank",
            "description",
            "active",
        )
