"""Absences: a person away for a period, and the deputy who acts for them meanwhile.

People manage their own absences; directory administrators (Role.ADMINISTRATOR or
superusers) manage anyone's. The period must be forward, the deputy someone else,
active, not away themselves at the same time, and the post's acting official or senior
enough (directory.deputies); one person's absences never overlap.
Once a change commits, the person's pending approval steps follow it (to the deputy
while they are away, back to them when they are not: approvals.proxies_follow_absence).
"""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from approvals.tasks import proxies_follow_absence
from core.dispatch import dispatch_on_commit
from core.errors import InvalidInput, Refused
from directory.deputies import deputy_refusal, headed_unit
from directory.models import Absence, Person, Unit
from directory.selectors import user_is_directory_admin


def _check_may_manage(*, actor: User, person: Person) -> None:
    if person.user_id != actor.pk and not user_is_directory_admin(user=actor):
        raise Refused(_("Only administrators manage other people's absences."))


def _overlaps(person: Person, starts_at: datetime, ends_at: datetime, exclude: int | None) -> bool:
    absences = Absence.objects.filter(person=person, starts_at__lt=ends_at, ends_at__gt=starts_at)
    return absences.exclude(pk=exclude).exists() if exclude else absences.exists()


def _validate(
    *, person: Person, deputy: Person, starts_at: datetime, ends_at: datetime, exclude: int | None
) -> None:
    errors: dict[str, str] = {}
    if ends_at <= starts_at:
        errors["ends_at"] = _("The absence must end after it starts.")
    if deputy.pk == person.pk:
        errors["deputy"] = _("The deputy must be someone else.")
    elif not deputy.active:
        errors["deputy"] = _("The deputy has left the organisation.")
    elif "ends_at" not in errors and _overlaps(deputy, starts_at, ends_at, None):
        errors["deputy"] = _("The deputy is away during this period.")
    elif refusal := deputy_refusal(person=person, deputy=deputy):
        errors["deputy"] = refusal
    if not person.active:
        errors["person"] = _("This person has left the organisation.")
    elif "ends_at" not in errors and _overlaps(person, starts_at, ends_at, exclude):
        errors["starts_at"] = _("This period overlaps another absence of the same person.")
    if errors:
        raise InvalidInput(errors)


def absence_check(
    *,
    actor: User,
    person: Person,
    deputy: Person,
    starts_at: datetime,
    ends_at: datetime,
    absence: Absence | None = None,
) -> None:
    """Raise what saving this absence would raise (a new one, or `absence` changed),
    without saving: the absence screen's preview asks before the person saves."""
    if absence is not None and absence.person_id != person.pk:
        raise InvalidInput({"absence": _("This absence belongs to someone else.")})
    _check_may_manage(actor=actor, person=person)
    _validate(
        person=person,
        deputy=deputy,
        starts_at=starts_at,
        ends_at=ends_at,
        exclude=absence.pk if absence is not None else None,
    )


@transaction.atomic
def absence_create(
    *,
    actor: User,
    person: Person,
    deputy: Person,
    starts_at: datetime,
    ends_at: datetime,
    reason: str = "",
) -> Absence:
    """Record an absence; the actor must be the person or an administrator."""
    _check_may_manage(actor=actor, person=person)
    # Lock the person's row so two overlapping absences cannot be created at once.
    Person.objects.select_for_update().filter(pk=person.pk).first()
    _validate(person=person, deputy=deputy, starts_at=starts_at, ends_at=ends_at, exclude=None)
    absence = Absence.objects.create(
        person=person,
        deputy=deputy,
        starts_at=starts_at,
        ends_at=ends_at,
        reason=reason,
        created_by=actor,
    )
    dispatch_on_commit(proxies_follow_absence, person.pk)
    return absence


@transaction.atomic
def absence_update(
    *,
    actor: User,
    absence: Absence,
    deputy: Person | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    reason: str | None = None,
) -> Absence:
    """Change the period, deputy or reason; the person it belongs to never changes."""
    _check_may_manage(actor=actor, person=absence.person)
    Person.objects.select_for_update().filter(pk=absence.person_id).first()
    absence.deputy = deputy or absence.deputy
    absence.starts_at = starts_at or absence.starts_at
    absence.ends_at = ends_at or absence.ends_at
    absence.reason = absence.reason if reason is None else reason
    _validate(
        person=absence.person,
        deputy=absence.deputy,
        starts_at=absence.starts_at,
        ends_at=absence.ends_at,
        exclude=absence.pk,
    )
    absence.save()
    dispatch_on_commit(proxies_follow_absence, absence.person_id)
    return absence


@transaction.atomic
def absence_delete(*, actor: User, absence: Absence) -> None:
    _check_may_manage(actor=actor, person=absence.person)
    person_id = absence.person_id
    absence.delete()
    dispatch_on_commit(proxies_follow_absence, person_id)


@transaction.atomic
def acting_official_designate(*, actor: User, unit: Unit, person: Person | None) -> Unit:
    """Name (or clear) the acting official (직무대리) of `unit`'s head; administrators only.

    The acting official may deputise for the head whatever their rank
    (directory.deputies); the directory does not hold this, so the sync never changes it.
    """
    if not user_is_directory_admin(user=actor):
        raise Refused(_("Only administrators designate acting officials."))
    if person is not None and not person.active:
        raise InvalidInput({"acting_head": [_("This person has left the organisation.")]})
    unit.acting_head = person
    unit.save(update_fields=["acting_head", "updated_at"])
    # The head's steps held by a former acting official may have to come back.
    for head in Person.objects.filter(unit=unit, active=True).select_related("position", "unit"):
        if headed_unit(head) is not None:
            dispatch_on_commit(proxies_follow_absence, head.pk)
    return unit
