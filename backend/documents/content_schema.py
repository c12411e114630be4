"""The writable content of a document, as the API and the draft services accept it.

Declared once: the API's create and update inputs extend DocumentContentSerializer,
and documents.services.content checks every other caller's input against it (through
core.input_schema, so its errors are domain errors).
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from directory.models import Person, Position, Unit
from documents.conf import body_max_depth
from documents.models import (
    BudgetLine,
    DisclosureLevel,
    PersonnelActionType,
    RetentionPeriod,
)
from documents.sanitize import body_depth, sanitize_body
from documents.single_line import SingleLineField


class BudgetFieldsSerializer(serializers.Serializer[Any]):
    fiscal_year = serializers.IntegerField(min_value=2000, max_value=2100)
    budget_line = serializers.PrimaryKeyRelatedField(queryset=BudgetLine.objects.all())
    amount = serializers.IntegerField(min_value=1, max_value=10**15, help_text=_("KRW"))
    payee = SingleLineField(max_length=200)
    purpose = SingleLineField(max_length=500)


class PersonnelFieldsSerializer(serializers.Serializer[Any]):
    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())
    action_type = serializers.ChoiceField(choices=PersonnelActionType.choices)
    effective_date = serializers.DateField()
    target_unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.all(), allow_null=True, required=False
    )
    target_position = serializers.PrimaryKeyRelatedField(
        queryset=Position.objects.all(), allow_null=True, required=False
    )


class DocumentContentSerializer(serializers.Serializer[Any]):
    """The writable content of a document of any kind."""

    title = SingleLineField(max_length=300)
    body = serializers.CharField(allow_blank=True, required=False, max_length=1_000_000)
    recipient = SingleLineField(allow_blank=True, required=False, max_length=300)
    retention_period = serializers.ChoiceField(choices=RetentionPeriod.choices, required=False)
    proposed_disclosure_level = serializers.ChoiceField(
        choices=DisclosureLevel.choices,
        required=False,
        allow_blank=True,
        help_text="Empty until the drafter chooses; a document is submitted only once chosen.",
    )
    proposed_disclosure_grounds = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=8), required=False, max_length=8
    )
    budget = BudgetFieldsSerializer(required=False)
    personnel = PersonnelFieldsSerializer(required=False)

    def validate_body(self, value: str) -> str:
        """A body nested deeper than DOCUMENT_BODY_MAX_DEPTH is refused (documents.conf)."""
        limit = body_max_depth()
        if limit and body_depth(sanitize_body(value)) > limit:
            raise serializers.ValidationError(
                _(
                    "The text is nested more than %(limit)d levels deep (lists, tables "
                    "or blocks inside one another). Flatten it."
                )
                % {"limit": limit},
                code="too_deep",
            )
        return value
