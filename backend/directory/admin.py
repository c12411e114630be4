"""Admin of the directory: mostly read-only, since LDAP is the directory of record.

The one thing an administrator sets here is the rank of a title the sync could not
map (LDAP_TITLE_RANKS); a later sync never clears it.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from core.request import client_address
from directory.models import Absence, Person, Position, Unit
from directory.services.absences import acting_official_designate


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
    """Read-only but for the acting official (직무대리), which the directory does not hold."""

    list_display = ["code", "name", "kind", "parent", "acting_head", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["code", "name"]
    raw_id_fields = ["acting_head"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in Unit._meta.concrete_fields if f.name != "acting_head"]

    def save_model(self, request: HttpRequest, obj: Unit, form: Any, change: bool) -> None:
        acting_official_designate(
            actor=request.user,  # type: ignore[arg-type]
            unit=obj,
            person=obj.acting_head,
            client_address=client_address(request),
        )


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
