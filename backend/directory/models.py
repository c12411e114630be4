"""The organisation: units, positions, people, role groups and absences.

LDAP is the directory of record; these rows are its synced copy (see services/sync).
Nothing here is ever deleted by a sync: people and units that leave are deactivated,
so the history of every document keeps pointing at who acted.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.hangul import person_search_keys


class Rank(models.IntegerChoices):
    """The level delegation rules compare: higher is more senior.

    Staff grades run 9 (lowest) to 1; heads of units rank above every staff grade.
    """

    GRADE_9 = 10, _("Grade 9")
    GRADE_8 = 20, _("Grade 8")
    GRADE_7 = 30, _("Grade 7")
    GRADE_6 = 40, _("Grade 6")
    GRADE_5 = 50, _("Grade 5")
    GRADE_4 = 60, _("Grade 4")
    GRADE_3 = 70, _("Grade 3")
    GRADE_2 = 80, _("Grade 2")
    GRADE_1 = 90, _("Grade 1")
    TEAM_LEADER = 100, _("Team leader")
    DIVISION_HEAD = 200, _("Division head")
    BUREAU_DIRECTOR = 300, _("Bureau director")
    DEPUTY_MAYOR = 400, _("Deputy mayor")
    MAYOR = 500, _("Mayor")


class UnitKind(models.TextChoices):
    MAYOR_OFFICE = "mayor_office", _("Mayor's office")
    DEPUTY_MAYOR_OFFICE = "deputy_mayor_office", _("Deputy mayor's office")
    BUREAU = "bureau", _("Bureau")
    DIVISION = "division", _("Division")
    TEAM = "team", _("Team")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    """Role groups; each is a django.contrib.auth Group of the same name."""

    RECORDS_OFFICER = "records_officer", _("Records officer")
    FINANCE = "finance", _("Finance")
    HR = "hr", _("Human resources")
    MANAGER = "manager", _("Manager")
    ADMINISTRATOR = "administrator", _("Administrator")


class Position(models.Model):
    """A title people hold (팀장, 주무관 ...) and the rank delegation rules compare.

    A title the sync cannot map has no rank: such a person is imported but never
    suggested as an approver until an administrator maps the title.
    """

    title = models.CharField(_("title"), max_length=100, unique=True)
    title_en = models.CharField(_("title in English"), max_length=100, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), choices=Rank.choices, null=True, blank=True)
    is_head = models.BooleanField(
        _("heads a unit"), default=False, help_text=_("Holders of this title head their unit.")
    )

    class Meta:
        ordering = ["-rank", "title"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self) -> str:
        return self.title


class Unit(models.Model):
    """An organisational unit; units form a tree from the mayor's office down to teams."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=0, editable=False)
    head_position = models.ForeignKey(
        Position,
        verbose_name=_("head position"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The position whose holder in this unit heads it."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("office phone"), max_length=40, blank=True)
    ldap_dn = models.CharField(_("LDAP DN"), max_length=1000, null=True, blank=True, unique=True)
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Set by an administrator, never by the sync: the directory does not hold it.
    acting_head = models.ForeignKey(
        "Person",
        verbose_name=_("acting official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The designated acting official (직무대리) of the unit's head: may deputise for "
            "them whatever their rank."
        ),
    )

    class Meta:
        ordering = ["depth", "code"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        indexes = [models.Index(fields=["parent", "active"], name="unit_parent_active")]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A member of staff, linked to the Django user that logs in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="person",
    )
    employee_number = models.CharField(_("employee number"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=100, db_index=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="members"
    )
    position = models.ForeignKey(
        Position,
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="holders",
    )
    email = models.EmailField(_("work e-mail"), blank=True)
    office_phone = models.CharField(_("office phone"), max_length=40, blank=True)
    ldap_dn = models.CharField(_("LDAP DN"), max_length=1000, null=True, blank=True, unique=True)
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Derived from `name` on every save (and by the sync's bulk writes): directory.hangul.
    search_keys = models.CharField(
        _("name as 두벌식 keys"), max_length=500, blank=True, editable=False
    )
    search_initials = models.CharField(
        _("initial consonants of the name"), max_length=100, blank=True, editable=False
    )

    class Meta:
        ordering = ["name", "employee_number"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            models.Index(fields=["unit", "active"], name="person_unit_active"),
            models.Index(fields=["position", "active"], name="person_position_active"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.employee_number})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Keep the search keys in step with the name, whoever saves the person."""
        for key, value in person_search_keys(self.name).items():
            setattr(self, key, value)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, *SEARCH_KEY_FIELDS}
        super().save(*args, **kwargs)


SEARCH_KEY_FIELDS = ("search_keys", "search_initials")


class Absence(models.Model):
    """A period a person is away; while it lasts, their approval steps go to the deputy."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="absences"
    )
    deputy = models.ForeignKey(
        Person, verbose_name=_("deputy"), on_delete=models.PROTECT, related_name="deputising"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("absence")
        verbose_name_plural = _("absences")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="absence_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(deputy=models.F("person")), name="absence_deputy_is_someone_else"
            ),
        ]
        indexes = [models.Index(fields=["person", "starts_at", "ends_at"], name="absence_period")]

    def __str__(self) -> str:
        return f"{self.person} {self.starts_at:%Y-%m-%d} - {self.ends_at:%Y-%m-%d}"
