"""Administrators edit the disclosure rules here; classification reads the active ones."""

from django.contrib import admin
from django.http import HttpRequest

from disclosure.models import DisclosureRequest, DisclosureReview, DisclosureRule


@admin.register(DisclosureRule)
class DisclosureRuleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("id", "document_kind", "keyword", "level", "ground", "active")
    list_filter = ("active", "level", "ground", "document_kind")
    search_fields = ("keyword", "description_ko", "description_en")
    list_editable = ("active",)


# Reviews and requests are changed through the records officer's console (services and
# audit); the admin only shows them.
class _ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(DisclosureReview)
class DisclosureReviewAdmin(_ReadOnlyAdmin):
    list_display = ("id", "document", "status", "level", "disagrees", "due_at", "held_at")
    list_filter = ("status", "level", "disagrees")
    list_select_related = ("document",)


@admin.register(DisclosureRequest)
class DisclosureRequestAdmin(_ReadOnlyAdmin):
    list_display = ("receipt_number", "unit", "status", "received_at", "due_date")
    list_filter = ("status",)
    list_select_related = ("unit",)
    search_fields = ("receipt_number",)
