"""/api/budget-lines/: the lines a drafter may charge, with what remains on each.

Object permissions by queryset: the list and the detail are narrowed to the lines
a document of the person's unit may charge (documents.selectors), so another unit's
line answers 404 like one that does not exist. A login without a person sees none.
"""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from directory.api.actor import person_of
from documents.api.serializers_budget import (
    BudgetLineListInputSerializer,
    BudgetLineOutputSerializer,
)
from documents.models import BudgetLine
from documents.selectors import budget_lines_chargeable


@extend_schema_view(list=extend_schema(parameters=[BudgetLineListInputSerializer]))
@extend_schema(tags=["documents"])
class BudgetLineViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[BudgetLine]
):
    serializer_class = BudgetLineOutputSerializer
    lookup_value_regex = r"[0-9]+"
    filter_backends: list[type] = []

    def get_queryset(self) -> QuerySet[BudgetLine]:
        person = person_of(self.request)
        if person is None:
            return BudgetLine.objects.none()
        params = BudgetLineListInputSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return budget_lines_chargeable(
            unit_id=person.unit_id, fiscal_year=params.validated_data.get("fiscal_year")
        )
