"""Absences: a person away for a period, and the deputy who acts for them meanwhile.

People manage their own absences; directory administrators (Role.ADMINISTRATOR or
superusers) manage anyone's. The period must be forward, the deputy someone else,
active, not away themselves at the same time, and the post's acting official or senior
enough (directory.deputies); one person's absences never overlap.
Each change is announced (directory.events.absence_changed); once it commits,
approvals moves the person's pending steps to follow it (to the deputy while they
are away, back to them when they are not).
"""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.errors import InvalidInput, Refused
from directory.deputies import deputy_refusal, headed_unit
from directory.events import absence_change_announce
from directory.models import Absence, Person, Unit
from directory.selectors import user_is_directory_admin


def _audit(action: str, *, actor: User, absence: Absence, client_address: str | None) -> None:
    # Ids and the period only: the reason may say why someone is away (sick leave).
    audit_record(
        action=action,
        actor=actor,
        target=absence,
        client_address=client_address,
        data={
            "person": absence.person_id,
            "deputy": absence.deputy_id,
            "starts_at": absence.starts_at.isoformat(),
            "ends_at": absence.ends_at.isoformat(),
        },
    )


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
    client_address: str | None = None,
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
    _audit("absence.created", actor=actor, absence=absence, client_address=client_address)
    absence_change_announce(person_id=person.pk)
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
    client_address: str | None = None,
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
    _audit("absence.changed", actor=actor, absence=absence, client_address=client_address)
    absence_change_announce(person_id=absence.person_id)
    return absence


@transaction.atomic
def absence_delete(*, actor: User, absence: Absence, client_address: str | None = None) -> None:
    _check_may_manage(actor=actor, person=absence.person)
    person_id = absence.person_id
    _audit("absence.deleted", actor=actor, absence=absence, client_address=client_address)
    absence.delete()
    absence_change_announce(person_id=person_id)


@transaction.atomic
def acting_official_designate(
    *, actor: User, unit: Unit, person: Person | None, client_address: str | None = None
) -> Unit:
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
    audit_record(
        action="unit.acting_official_designated",
        actor=actor,
        target=unit,
        client_address=client_address,
        data={"acting_head": person.pk if person is not None else None},
    )
    # The head's steps held by a former acting official may have to come back.
    for head in Person.objects.filter(unit=unit, active=True).select_related("position", "unit"):
        if headed_unit(head) is not None:
            absence_change_announce(person_id=head.pk)
    return unit
