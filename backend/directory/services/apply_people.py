"""Apply the people of a snapshot and their Django users; deactivate who left.

People are matched by employee number (stable when someone moves or is renamed), then
by DN. Users are matched by username; a user who logged in through LDAP before the
first sync is linked, not duplicated. Nothing is deleted: a person who left keeps
their row (and so their history) with active=False, and their user cannot log in.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.utils import timezone

from directory.hangul import person_search_keys
from directory.models import SEARCH_KEY_FIELDS, Person, Position, Unit
from directory.services.apply_units import BATCH, Counts
from directory.services.dn import dn_normalize
from directory.services.entries import PersonEntry, Problem

PERSON_FIELDS = [
    "employee_number", "name", "unit", "position", "email", "office_phone", "ldap_dn",
    *SEARCH_KEY_FIELDS,
]  # fmt: skip
USER_FIELDS = ["username", "first_name", "last_name", "email", "is_active"]


@dataclass
class PeopleApplied:
    by_key: dict[str, Person] = field(default_factory=dict)
    counts: Counts = field(default_factory=Counts)
    problems: list[Problem] = field(default_factory=list)
    # People who left, or whose unit or position changed: their open approval steps
    # must move to whoever now holds the post.
    moved_or_left: set[int] = field(default_factory=set)


def _set(row: object, values: dict[str, object]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _user_values(entry: PersonEntry) -> dict[str, object]:
    return {
        "username": entry.username,
        "first_name": entry.given_name,
        "last_name": entry.family_name,
        "email": entry.email,
        "is_active": True,
    }


def _match(entries: list[PersonEntry], rows: list[Person]) -> dict[str, Person]:
    by_number = {row.employee_number: row for row in rows}
    by_dn = {dn_normalize(row.ldap_dn): row for row in rows if row.ldap_dn}
    numbers = {entry.employee_number for entry in entries}
    matched: dict[str, Person] = {}
    for entry in entries:
        row = by_number.get(entry.employee_number)
        if row is None:
            candidate = by_dn.get(entry.key)
            if candidate is not None and candidate.employee_number not in numbers:
                row = candidate
        if row is not None:
            matched[entry.key] = row
    return matched


def _deactivate(
    rows: list[Person], matched_ids: set[int], claimed: set[str], left: set[int]
) -> int:
    """Deactivate people (and their users) who are no longer in the directory."""
    now = timezone.now()
    people, users, count = [], [], 0
    for row in rows:
        if row.pk in matched_ids:
            continue
        released = bool(row.ldap_dn) and dn_normalize(row.ldap_dn or "") in claimed
        if row.active or released:
            count += int(row.active)
            if row.active:
                left.add(row.pk)
            row.active, row.updated_at = False, now
            row.ldap_dn = None if released else row.ldap_dn
            people.append(row)
        if row.user.is_active:
            row.user.is_active = False
            users.append(row.user)
    # Before the updates: a person who left may hold a DN somebody else now takes.
    Person.objects.bulk_update(people, ["active", "ldap_dn", "updated_at"], batch_size=BATCH)
    User.objects.bulk_update(users, ["is_active"], batch_size=BATCH)
    return count


@dataclass
class _Plan:
    ids: dict[str, int]
    free: dict[str, User]
    password_hash: str
    changed_people: list[Person] = field(default_factory=list)
    changed_users: list[User] = field(default_factory=list)
    new_users: list[User] = field(default_factory=list)
    new_people: list[tuple[PersonEntry, dict[str, object], User]] = field(default_factory=list)


def _plan_new(
    entry: PersonEntry, values: dict[str, object], plan: _Plan, result: PeopleApplied
) -> None:
    if entry.username in plan.ids and entry.username not in plan.free:
        detail = "the username belongs to another person: person skipped"
        result.problems.append(Problem("conflict", entry.dn, detail))
        result.counts.skipped += 1
        return
    user = plan.free.get(entry.username)
    if user is None:
        user = User(password=plan.password_hash, **_user_values(entry))
        plan.new_users.append(user)
    elif _set(user, _user_values(entry)):
        plan.changed_users.append(user)
    plan.new_people.append((entry, values, user))


def _plan_update(
    entry: PersonEntry, values: dict[str, object], row: Person, plan: _Plan, result: PeopleApplied
) -> None:
    user_values = _user_values(entry)
    if plan.ids.get(entry.username, row.user_id) != row.user_id:
        result.problems.append(Problem("conflict", entry.dn, "username taken: old one kept"))
        user_values.pop("username")
    post = (row.unit_id, row.position_id)
    person_changed = _set(row, {**values, "active": True})
    if post != (row.unit_id, row.position_id):
        result.moved_or_left.add(row.pk)
    user_changed = _set(row.user, user_values)
    if person_changed:
        row.updated_at = timezone.now()
        plan.changed_people.append(row)
    if user_changed:
        plan.changed_users.append(row.user)
    result.counts.updated += int(person_changed or user_changed)
    result.by_key[entry.key] = row


def people_apply(
    *,
    entries: list[PersonEntry],
    units: dict[str, Unit],
    positions: dict[str, Position],
    password_hash: str,
    skipped: int,
) -> PeopleApplied:
    """Make Person and User rows mirror the entries (bulk queries only)."""
    result = PeopleApplied(counts=Counts(skipped=skipped))
    rows = list(Person.objects.select_related("user"))
    matched = _match(entries, rows)
    claimed = {entry.key for entry in entries}
    result.counts.deactivated = _deactivate(
        rows, {row.pk for row in matched.values()}, claimed, result.moved_or_left
    )
    plan = _Plan(
        ids=dict(User.objects.values_list("username", "id")),
        free={u.username: u for u in User.objects.exclude(pk__in={row.user_id for row in rows})},
        password_hash=password_hash,
    )
    for entry in entries:
        position = positions.get(entry.title)
        values: dict[str, object] = {
            "employee_number": entry.employee_number,
            "name": entry.name,
            "unit_id": units[entry.unit_key].pk,
            "position_id": position.pk if position else None,
            "email": entry.email,
            "office_phone": entry.phone,
            "ldap_dn": entry.dn,
            # Bulk writes skip Person.save, which derives these everywhere else.
            **person_search_keys(entry.name),
        }
        row = matched.get(entry.key)
        if row is None:
            _plan_new(entry, values, plan, result)
        else:
            _plan_update(entry, values, row, plan, result)
    _save(plan, result)
    return result


def _save(plan: _Plan, result: PeopleApplied) -> None:
    User.objects.bulk_create(plan.new_users, batch_size=BATCH)
    User.objects.bulk_update(plan.changed_users, USER_FIELDS, batch_size=BATCH)
    fields = [*PERSON_FIELDS, "active", "updated_at"]
    Person.objects.bulk_update(plan.changed_people, fields, batch_size=BATCH)
    created = [Person(user=user, active=True, **values) for _entry, values, user in plan.new_people]
    Person.objects.bulk_create(created, batch_size=BATCH)
    result.counts.created = len(created)
    for (entry, _values, _user), person in zip(plan.new_people, created, strict=True):
        result.by_key[entry.key] = person
