"""Who may act as a records officer, and which officers a unit's matters go to.

Records officers are the members of the Role.RECORDS_OFFICER group; administrators
(the Role.ADMINISTRATOR group, or Django superusers) may do what they do.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

from directory.models import Person, Role, Unit


def is_records_officer(user: AbstractBaseUser | AnonymousUser) -> bool:
    """True for an active records officer or administrator."""
    if not user.is_authenticated or not user.is_active or not isinstance(user, User):
        return False
    if user.is_superuser:
        return True
    names = {Role.RECORDS_OFFICER.value, Role.ADMINISTRATOR.value}
    # prefetch-friendly: the groups of one user are few
    return any(group.name in names for group in user.groups.all())


def _officers(unit_ids: list[int] | None) -> list[Person]:
    people = Person.objects.filter(
        active=True, user__is_active=True, user__groups__name=Role.RECORDS_OFFICER.value
    )
    if unit_ids is not None:
        people = people.filter(unit_id__in=unit_ids)
    return list(people.select_related("user").order_by("unit__depth", "id").distinct())


def records_office() -> Unit | None:
    """The records office (DISCLOSURE_RECORDS_OFFICE_UNIT_CODE), when configured."""
    code: str = settings.DISCLOSURE_RECORDS_OFFICE_UNIT_CODE
    return Unit.objects.filter(code=code, active=True).first() if code else None


def records_officers_for(unit: Unit | None) -> list[Person]:
    """The records officers who answer for ``unit``.

    Those of the unit itself, else of the nearest unit above it that has any,
    else those of the records office, else every records officer: a matter is
    never left with nobody to act on it.
    """
    current = unit
    seen: set[int] = set()
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        officers = _officers([current.pk])
        if officers:
            return officers
        current = current.parent
    office = records_office()
    if office is not None:
        officers = _officers([office.pk])
        if officers:
            return officers
    return _officers(None)
