"""Administrators edit the delegation rules, mandatory consultations and saved lines here."""

from django.contrib import admin

from approvals.models import DelegationRule, MandatoryConsultation, SavedLine


@admin.register(DelegationRule)
class DelegationRuleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "kind",
        "amount_below",
        "subject_rank_at_most",
        "required_rank",
        "description",
        "active",
    )
    list_filter = ("kind", "active", "required_rank")
    search_fields = ("description",)


@admin.register(MandatoryConsultation)
class MandatoryConsultationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("kind", "unit", "description", "active")
    list_filter = ("kind", "active")
    raw_id_fields = ("unit",)
    search_fields = ("description", "unit__name", "unit__code")


@admin.register(SavedLine)
class SavedLineAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "owner", "kind", "created_at")
    list_filter = ("kind",)
    search_fields = ("name", "owner__name")
    raw_id_fields = ("owner",)
