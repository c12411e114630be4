"""Who heads a unit, and walking the unit tree up and down."""

from collections.abc import Iterable

from directory.models import Person, Unit


def unit_head(unit: Unit) -> Person | None:
    """The head of `unit`: who may be suggested to review or approve for it.

    The active member holding the unit's head_position; failing that, the active
    member whose is_head position ranks highest. People whose position has no rank
    are never heads (the sync could not map their title). None when vacant.
    """
    members = Person.objects.filter(
        unit=unit, active=True, position__rank__isnull=False
    ).select_related("position", "unit")
    if unit.head_position_id is not None:
        holder = members.filter(position_id=unit.head_position_id).order_by("id").first()
        if holder is not None:
            return holder
    return members.filter(position__is_head=True).order_by("-position__rank", "id").first()


def unit_chain(unit: Unit) -> list[Unit]:
    """`unit` and its ancestors up to the root, nearest first; inactive units skipped."""
    chain: list[Unit] = []
    current: Unit | None = unit
    seen: set[int] = set()
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        if current.active:
            chain.append(current)
        current = current.parent
    return chain


def unit_subtree_ids(unit_ids: Iterable[int]) -> set[int]:
    """The given units and all units below them (one query per level of the tree)."""
    found = set(unit_ids)
    frontier = set(found)
    while frontier:
        children = (
            set(Unit.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - found
        )
        found |= children
        frontier = children
    return found


def rank_of(person: Person) -> int:
    """The person's rank, 0 for someone without one."""
    position = person.position
    return position.rank if position is not None and position.rank is not None else 0
