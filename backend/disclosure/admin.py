"""Administrators edit the disclosure rules here; classification reads the active ones."""

from django.contrib import admin

from disclosure.models import DisclosureRule


@admin.register(DisclosureRule)
class DisclosureRuleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("id", "document_kind", "keyword", "level", "ground", "active")
    list_filter = ("active", "level", "ground", "document_kind")
    search_fields = ("keyword", "description_ko", "description_en")
    list_editable = ("active",)
