"""Filters of the document list: kind, status, unit, periods, text."""

import django_filters
from django.db.models import Q, QuerySet

from documents.models import Document, DocumentKind, DocumentStatus


class DocumentFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices)
    status = django_filters.ChoiceFilter(choices=DocumentStatus.choices)
    unit = django_filters.NumberFilter(field_name="unit_id")
    created_after = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte")
    created_before = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte")
    approved_after = django_filters.DateFilter(field_name="approved_at", lookup_expr="date__gte")
    approved_before = django_filters.DateFilter(field_name="approved_at", lookup_expr="date__lte")
    q = django_filters.CharFilter(method="search", label="Text in the title or body")

    class Meta:
        model = Document
        fields = ("kind", "status", "unit")

    def search(self, queryset: QuerySet[Document], name: str, value: str) -> QuerySet[Document]:
        return queryset.filter(Q(title__icontains=value) | Q(body__icontains=value))
