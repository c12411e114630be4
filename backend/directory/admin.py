"""Admin of the directory: mostly read-only, since LDAP is the directory of record.

The one thing an administrator sets here is the rank of a title the sync could not
map (LDAP_TITLE_RANKS); a later sync never clears it.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from directory.models import Absence, Person, Position, Unit


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "rank", "is_head"]
    list_editable = ["rank"]
    list_filter = ["rank"]
    search_fields = ["title"]


class SyncedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Units and people come from LDAP: changes here would be undone by the next sync."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Unit)
class UnitAdmin(SyncedAdmin):
    list_display = ["code", "name", "kind", "parent", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["code", "name"]


@admin.register(Person)
class PersonAdmin(SyncedAdmin):
    list_display = ["employee_number", "name", "unit", "position", "active"]
    list_filter = ["active", "position"]
    search_fields = ["employee_number", "name"]
    list_select_related = ["unit", "position"]


@admin.register(Absence)
class AbsenceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["person", "deputy", "starts_at", "ends_at"]
    list_select_related = ["person", "deputy"]
    raw_id_fields = ["person", "deputy"]
