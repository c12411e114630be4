"""Budget lines in the admin: administrators keep the appropriations.

`committed` is read-only: only final approvals add to it (budget_commit, under a row
lock), so an edit here cannot bypass the overdraw check.
"""

from django.contrib import admin
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from documents.models import BudgetLine


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "fiscal_year", "unit", "allocation", "committed", "remaining")
    list_filter = ("fiscal_year",)
    search_fields = ("code", "name", "unit__name")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)
    readonly_fields = ("committed",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[BudgetLine]:
        lines: QuerySet[BudgetLine] = super().get_queryset(request)
        return lines.annotate(remaining=F("allocation") - F("committed"))

    @admin.display(description=_("remaining (KRW)"), ordering="remaining")
    def remaining(self, line: BudgetLine) -> int:
        return int(getattr(line, "remaining", line.allocation - line.committed))
