"""Filters of the open-data list (the same narrowing as the search page)."""

from __future__ import annotations

from datetime import date, timedelta

import django_filters
from django.db.models import QuerySet

from core.api.datetimes import validate_sane_datetime, validate_sane_year
from documents.models import DisclosureLevel, DocumentKind
from portal.dates import local_day_start
from portal.models import Publication


class OpenDataPublicationFilter(django_filters.FilterSet):
    unit = django_filters.NumberFilter(field_name="unit_id", help_text="Unit id.")
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices)
    level = django_filters.ChoiceFilter(choices=DisclosureLevel.choices)
    # Bounded: an out-of-range offset or year reached the database (500).
    approved_from = django_filters.DateFilter(
        method="filter_approved_from",
        help_text="First day (inclusive), Asia/Seoul.",
        validators=[validate_sane_year],
    )
    approved_to = django_filters.DateFilter(
        method="filter_approved_to",
        help_text="Last day (inclusive), Asia/Seoul.",
        validators=[validate_sane_year],
    )
    published_since = django_filters.IsoDateTimeFilter(
        field_name="published_at",
        lookup_expr="gte",
        help_text="For incremental harvesting.",
        validators=[validate_sane_datetime],
    )

    class Meta:
        model = Publication
        fields = ("unit", "kind", "level", "approved_from", "approved_to", "published_since")

    def filter_approved_from(
        self, queryset: QuerySet[Publication], name: str, value: date
    ) -> QuerySet[Publication]:
        return queryset.filter(approved_at__gte=local_day_start(value))

    def filter_approved_to(
        self, queryset: QuerySet[Publication], name: str, value: date
    ) -> QuerySet[Publication]:
        return queryset.filter(approved_at__lt=local_day_start(value + timedelta(days=1)))
