"""Budget lines as the drafter sees them: what remains to charge."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from documents.models import BudgetLine


class BudgetLineListInputSerializer(serializers.Serializer[dict[str, Any]]):
    fiscal_year = serializers.IntegerField(
        min_value=2000, max_value=2100, required=False, help_text=_("Only this fiscal year.")
    )


class BudgetLineOutputSerializer(serializers.ModelSerializer[BudgetLine]):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    remaining = serializers.IntegerField(
        read_only=True, help_text=_("Allocation minus what approvals have committed (KRW).")
    )

    class Meta:
        model = BudgetLine
        fields = (
            "id", "code", "name", "fiscal_year", "unit", "unit_name", "allocation", "committed",
            "remaining",
        )  # fmt: skip
        read_only_fields = fields
