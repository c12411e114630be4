"""Refresh a person's record when they log in through LDAP.

A person who joined after the last sync can log in at once: their record is created
from the entry they bound as, in the unit that contains it (the unit must be synced).
"""

import logging

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q

from directory.models import Person, Position, Rank, Unit
from directory.services.config import directory_config
from directory.services.dn import dn_normalize, dn_parent
from directory.services.entries import PersonEntry, Problem, person_entry_parse

logger = logging.getLogger(__name__)


def _position(title: str, ranks: dict[str, int]) -> Position | None:
    if not title:
        return None
    rank = ranks.get(title)
    position, _created = Position.objects.get_or_create(
        title=title,
        defaults={"rank": rank, "is_head": rank is not None and rank >= Rank.TEAM_LEADER},
    )
    return position


@transaction.atomic
def person_refresh_from_login(
    *, user: User, dn: str, attrs: dict[str, list[bytes]]
) -> Person | None:
    """Create or update the Person of a user who just bound to LDAP as `dn`.

    Whether a known person is active stays the sync's decision, not the login's.

    Returns None (and the login still succeeds) when the entry cannot be a person:
    its unit is not synced yet, or it lacks a required attribute.
    """
    units = {
        dn_normalize(unit.ldap_dn): unit
        for unit in Unit.objects.filter(active=True, ldap_dn__isnull=False).only("id", "ldap_dn")
        if unit.ldap_dn
    }
    config = directory_config()
    entry = person_entry_parse(config, dn, attrs, set(units))
    if isinstance(entry, Problem):
        # The unit DN only: the person's own DN and attributes stay out of the log.
        logger.warning("login: no person record refreshed (unit %s)", dn_parent(dn))
        return None
    return _person_upsert(
        user=user, entry=entry, unit=units[entry.unit_key], ranks=config.title_ranks
    )


def _person_upsert(
    *, user: User, entry: PersonEntry, unit: Unit, ranks: dict[str, int]
) -> Person | None:
    person = (
        Person.objects.select_for_update()
        .filter(Q(employee_number=entry.employee_number) | Q(user=user))
        .first()
    )
    if person is not None and person.user_id != user.pk:
        logger.warning("login: employee number belongs to another user; record not refreshed")
        return None
    position = _position(entry.title, ranks)
    values = {
        "employee_number": entry.employee_number,
        "name": entry.name,
        "unit": unit,
        "position": position,
        "email": entry.email,
        "office_phone": entry.phone,
        "ldap_dn": entry.dn,
    }
    if person is None:
        person = Person.objects.create(user=user, active=True, **values)
    else:
        for name, value in values.items():
            setattr(person, name, value)
        person.save()
    return person
