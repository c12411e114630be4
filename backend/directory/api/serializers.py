"""Input and output serializers of the directory API, named for what they carry."""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api.datetimes import SaneDateTimeField
from directory.models import Absence, Person, Position, Unit


class PositionOutputSerializer(serializers.ModelSerializer[Position]):
    class Meta:
        model = Position
        fields = ["id", "title", "title_en", "rank", "is_head"]


class UnitBriefOutputSerializer(serializers.ModelSerializer[Unit]):
    class Meta:
        model = Unit
        fields = ["id", "code", "name", "kind"]


class UnitOutputSerializer(serializers.ModelSerializer[Unit]):
    has_children = serializers.BooleanField(read_only=True)
    head_position = PositionOutputSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Unit
        fields = [
            "id", "code", "name", "name_en", "kind", "parent", "depth",
            "phone", "address", "active", "has_children", "head_position",
        ]  # fmt: skip


class PersonOutputSerializer(serializers.ModelSerializer[Person]):
    unit = UnitBriefOutputSerializer(read_only=True)
    position = PositionOutputSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Person
        fields = [
            "id", "employee_number", "name", "name_en", "unit", "position",
            "email", "office_phone", "active",
        ]  # fmt: skip


class MemberOutputSerializer(serializers.ModelSerializer[Person]):
    position = PositionOutputSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Person
        fields = ["id", "employee_number", "name", "position", "email", "office_phone"]


class UnitDetailOutputSerializer(UnitOutputSerializer):
    members = MemberOutputSerializer(many=True, read_only=True, source="active_members")

    class Meta(UnitOutputSerializer.Meta):
        fields = [*UnitOutputSerializer.Meta.fields, "members"]


class MeOutputSerializer(serializers.Serializer[dict[str, Any]]):
    username = serializers.CharField()
    person = PersonOutputSerializer(allow_null=True)
    roles = serializers.ListField(child=serializers.CharField())
    is_directory_admin = serializers.BooleanField()


class PersonSearchInputSerializer(serializers.Serializer[dict[str, Any]]):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text=_(
            "a name or part of it (김민수, 김민, 민수), its initial consonants (ㄱㅁㅅ, 김ㅁ), "
            "the same keys typed with the Korean IME off (rlaalstn), or the English name"
        ),
    )
    unit = serializers.IntegerField(required=False, min_value=1)
    position = serializers.IntegerField(required=False, min_value=1)


class UnitListInputSerializer(serializers.Serializer[dict[str, Any]]):
    # Serializer.parent is DRF's own attribute; the metaclass moves fields out of the way.
    parent = serializers.IntegerField(  # type: ignore[assignment]
        required=False, min_value=1, help_text=_("children of this unit; roots without it")
    )


class AbsenceListInputSerializer(serializers.Serializer[dict[str, Any]]):
    person = serializers.IntegerField(required=False, min_value=1)


class PersonBriefOutputSerializer(serializers.ModelSerializer[Person]):
    unit = UnitBriefOutputSerializer(read_only=True)

    class Meta:
        model = Person
        fields = ["id", "employee_number", "name", "unit"]


class AbsenceOutputSerializer(serializers.ModelSerializer[Absence]):
    person = PersonBriefOutputSerializer(read_only=True)
    deputy = PersonBriefOutputSerializer(read_only=True)

    class Meta:
        model = Absence
        fields = ["id", "person", "deputy", "starts_at", "ends_at", "reason", "created_at"]


# An absence is recorded near its time: a year outside this window is a typing
# slip (181 for 2026), and Asia/Seoul before 1908 reads back as +08:27:52.
ABSENCE_HORIZON_YEARS = 5


def validate_absence_moment(value: datetime) -> None:
    today = timezone.localdate()
    if abs(value.year - today.year) > ABSENCE_HORIZON_YEARS:
        raise DjangoValidationError(
            _("An absence must start and end within %(years)d years of today."),
            code="out_of_range",
            params={"years": ABSENCE_HORIZON_YEARS},
        )


def _absence_moment(**kwargs: Any) -> SaneDateTimeField:
    return SaneDateTimeField(validators=[validate_absence_moment], **kwargs)


class AbsenceCreateInputSerializer(serializers.Serializer[dict[str, Any]]):
    person = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(),
        required=False,
        help_text=_("whose absence; yourself when left out"),
    )
    deputy = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())
    starts_at = _absence_moment()
    ends_at = _absence_moment()
    reason = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")


class AbsenceUpdateInputSerializer(serializers.Serializer[dict[str, Any]]):
    deputy = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all(), required=False)
    starts_at = _absence_moment(required=False)
    ends_at = _absence_moment(required=False)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=200)


class AbsencePreviewInputSerializer(serializers.Serializer[dict[str, Any]]):
    """An absence not saved yet (or a change to one): what would move to the deputy."""

    person = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(),
        required=False,
        help_text=_("whose absence; yourself when left out"),
    )
    deputy = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())
    starts_at = _absence_moment()
    ends_at = _absence_moment()
    absence = serializers.PrimaryKeyRelatedField(
        queryset=Absence.objects.all(),
        required=False,
        help_text=_("the absence being changed, if it is saved already"),
    )


class AbsencePreviewStepSerializer(serializers.Serializer[Any]):
    step = serializers.IntegerField(source="step.pk")
    document = serializers.IntegerField(source="step.stage.document_id")
    title = serializers.CharField(source="step.stage.document.title")
    document_kind = serializers.CharField(source="step.stage.document.kind")
    step_kind = serializers.CharField(source="step.stage.kind")
    status = serializers.CharField(source="step.status")
    due_at = serializers.DateTimeField(source="step.due_at", allow_null=True)
    when = serializers.ChoiceField(
        choices=[("at_start", "at_start"), ("if_opened", "if_opened")],
        help_text=_(
            "at_start: open now, it moves when the absence begins; if_opened: an earlier "
            "stage is still running, it moves if it opens during the absence"
        ),
    )
    moves = serializers.SerializerMethodField()
    refusal = serializers.CharField(
        allow_null=True, help_text=_("why the deputy may not take this step (it stays)")
    )

    def get_moves(self, obj: Any) -> bool:
        return obj.refusal is None


class AbsencePreviewOutputSerializer(serializers.Serializer[Any]):
    person = PersonBriefOutputSerializer()
    deputy = PersonBriefOutputSerializer()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    steps = AbsencePreviewStepSerializer(many=True)
