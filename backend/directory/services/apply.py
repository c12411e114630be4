"""Apply a checked snapshot to the database in one transaction.

The same code runs for a sync from LDAP and for the embedded demo LDIF, so the demo
organisation is exactly what a sync would produce. Every step works in bulk: the
existing rows are loaded into dicts once; no query is made per entry.
"""

from dataclasses import asdict, dataclass, field
from typing import Any

from django.contrib.auth.models import Group, User
from django.db import transaction

from directory.models import Person, Position, Rank, Role, Unit
from directory.services.apply_people import people_apply
from directory.services.apply_units import Counts, unit_heads_apply, units_apply
from directory.services.config import DirectoryConfig
from directory.services.entries import PersonEntry, Problem, Snapshot


@dataclass
class SyncResult:
    """What a sync changed; `changed` is False when a second run finds nothing to do."""

    units: Counts
    people: Counts
    positions_created: int = 0
    positions_updated: int = 0
    roles_granted: int = 0
    roles_revoked: int = 0
    active_units: int = 0
    active_people: int = 0
    problems: list[Problem] = field(default_factory=list)
    moved_or_left: set[int] = field(default_factory=set, repr=False)

    @property
    def changed(self) -> bool:
        counts = (self.units, self.people)
        return any(c.created or c.updated or c.deactivated for c in counts) or any(
            (self.positions_created, self.positions_updated, self.roles_granted, self.roles_revoked)
        )

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("moved_or_left")
        data["problems"] = [str(problem) for problem in self.problems]
        data["changed"] = self.changed
        return data


def positions_apply(
    *, config: DirectoryConfig, titles: set[str]
) -> tuple[dict[str, Position], int, int, list[Problem]]:
    """One Position per title. A mapped title gets its rank; an unknown one keeps the
    rank an administrator gave it, or none (then its holders are never suggested)."""
    existing = {position.title: position for position in Position.objects.all()}
    new, changed, problems = [], [], []
    for title in sorted(titles):
        rank = config.title_ranks.get(title)
        position = existing.get(title)
        if position is None:
            position = Position(title=title, rank=rank)
            new.append(position)
        elif rank is not None and position.rank != rank:
            position.rank = rank
            changed.append(position)
        head = position.rank is not None and position.rank >= Rank.TEAM_LEADER
        if position.pk is not None and position.is_head != head:
            changed.append(position)
        position.is_head = head
        existing[title] = position
        if position.rank is None:
            detail = f"title {title!r} has no rank (LDAP_TITLE_RANKS): imported without one"
            problems.append(Problem("unknown_title", "-", detail))
    Position.objects.bulk_create(new)
    unique = list({position.pk: position for position in changed}.values())
    Position.objects.bulk_update(unique, ["rank", "is_head"])
    return existing, len(new), len(unique), problems


def _heads(entries: list[PersonEntry], positions: dict[str, Position]) -> dict[str, int | None]:
    """Per unit key, the position of its most senior head (rank team leader and above)."""
    best: dict[str, Position] = {}
    for entry in entries:
        position = positions.get(entry.title)
        if position is None or not position.is_head:
            continue
        current = best.get(entry.unit_key)
        if current is None or (position.rank or 0) > (current.rank or 0):
            best[entry.unit_key] = position
    return {key: position.pk for key, position in best.items()}


def roles_apply(*, snapshot: Snapshot, people: dict[str, Person]) -> tuple[int, int]:
    """Role groups mirror the directory's groups, for users the directory manages only."""
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    for role in Role.values:
        if role not in groups:
            groups[role] = Group.objects.create(name=role)
    wanted: set[tuple[int, int]] = set()
    for entry in snapshot.groups:
        group_id = groups[entry.role].pk
        wanted.update((people[key].user_id, group_id) for key in entry.member_keys)
    through = User.groups.through
    managed = set(Person.objects.values_list("user_id", flat=True))
    current = {
        (row.user_id, row.group_id)
        for row in through.objects.filter(group_id__in=[g.pk for g in groups.values()])
        if row.user_id in managed
    }
    grant, revoke = wanted - current, current - wanted
    through.objects.bulk_create(
        [through(user_id=user, group_id=group) for user, group in grant], batch_size=500
    )
    for user_id, group_id in revoke:  # rare: one query per revoked membership is fine
        through.objects.filter(user_id=user_id, group_id=group_id).delete()
    return len(grant), len(revoke)


@transaction.atomic
def snapshot_apply(
    *, config: DirectoryConfig, snapshot: Snapshot, password_hash: str
) -> SyncResult:
    """Apply everything or nothing: the whole sync is one transaction."""
    positions, created, updated, problems = positions_apply(
        config=config, titles={person.title for person in snapshot.people if person.title}
    )
    units = units_apply(entries=snapshot.units, skipped=snapshot.skipped_units)
    people = people_apply(
        entries=snapshot.people,
        units=units.by_key,
        positions=positions,
        password_hash=password_hash,
        skipped=snapshot.skipped_people,
    )
    heads = unit_heads_apply(by_key=units.by_key, heads=_heads(snapshot.people, positions))
    units.counts.updated = len((units.updated_ids | heads) - units.created_ids)
    granted, revoked = roles_apply(snapshot=snapshot, people=people.by_key)
    return SyncResult(
        units=units.counts,
        people=people.counts,
        positions_created=created,
        positions_updated=updated,
        roles_granted=granted,
        roles_revoked=revoked,
        active_units=Unit.objects.filter(active=True).count(),
        active_people=Person.objects.filter(active=True).count(),
        problems=[*snapshot.problems, *problems, *people.problems],
        moved_or_left=people.moved_or_left,
    )
