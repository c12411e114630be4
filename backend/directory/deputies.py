"""Who may deputise for whom (대결): the post's acting official, or someone senior enough.

Rule: a deputy acts in the absent person's place, final approvals (전결) included, so
they must be either the designated acting official (직무대리, Unit.acting_head) of the
unit the absent person heads, or rank at least as high as the absent person and as the
step needs (`rank_needed`, the delegation rule's rank of a final approval). Checked
when an absence is recorded and again when a step is handed over.
"""

from django.utils.translation import gettext as _

from directory.models import Person, Rank, Unit


def _rank(person: Person) -> int:
    position = person.position
    return position.rank if position is not None and position.rank is not None else 0


def headed_unit(person: Person) -> Unit | None:
    """The unit `person` heads (their own, by its head position or a head title)."""
    position, unit = person.position, person.unit
    if position is None:
        return None
    if unit.head_position_id == position.pk or position.is_head:
        return unit
    return None


def deputy_refusal(*, person: Person, deputy: Person, rank_needed: int = 0) -> str | None:
    """Why `deputy` may not act for `person` (a translated sentence), or None if they may."""
    unit = headed_unit(person)
    # Read from the database: the unit at hand may predate the designation.
    if unit is not None and Unit.objects.filter(pk=unit.pk, acting_head=deputy).exists():
        return None
    needed = max(_rank(person), rank_needed)
    if _rank(deputy) >= needed:
        return None
    label = Rank(needed).label if needed in Rank.values else str(needed)
    if unit is None:
        return _(
            "%(deputy)s ranks below %(rank)s: a deputy must rank at least as high as "
            "%(person)s and as their approvals need."
        ) % {"deputy": deputy.name, "rank": label, "person": person.name}
    return _(
        "%(deputy)s ranks below %(rank)s and is not the acting official (직무대리) of "
        "%(unit)s: a deputy must be that acting official or rank at least as high as "
        "%(person)s and as their approvals need."
    ) % {"deputy": deputy.name, "rank": label, "unit": unit.name, "person": person.name}
