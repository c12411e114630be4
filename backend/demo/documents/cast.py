"""Who the demo documents are about: the people the demo logins show, and the rest.

The cast are found by the same rules as the directory's demo logins
(directory.selectors.demo_people): the budget team's first staff member drafts, the
heads above her review and approve, the first records officer and the first directory
administrator by employee number. Everyone else who drafts is picked from the whole
organisation in a fixed order, so a seed on the same directory is always the same.
"""

from dataclasses import dataclass

from django.db.models import Q

from approvals.line_heads import unit_head
from approvals.rules import hr_unit_code
from directory.models import Person, Rank, Role, Unit, UnitKind

DEMO_TEAM_CODE = "BUDGET-T1"
RECORDS_UNIT_CODE = "RECORDS"
IT_TEAM_CODE = "IT-T1"

# The boxes each member of the cast shows when logged in (approvals.selectors).
SHOWCASE: dict[str, tuple[str, ...]] = {
    "drafter": ("drafts", "in_progress", "returned", "completed", "references"),
    "team_leader": ("to_act", "on_hold", "completed"),
    # the final approver of what waits at the team leader: it is on its way to her
    "division_head": ("to_act", "upcoming", "on_hold", "completed"),
    # away on a trip: his waiting steps are his deputy's (the division head's)
    "bureau_director": ("post_approval_due", "completed"),
    "records_officer": ("to_act", "completed", "references"),
    "administrator": ("drafts", "in_progress", "returned", "completed"),
    "hr_head": ("to_act", "completed"),
}


@dataclass(frozen=True)
class Cast:
    """The people the demo logins show; the division head deputises for the director."""

    drafter: Person
    team_leader: Person
    division_head: Person
    bureau_director: Person
    records_officer: Person
    administrator: Person
    hr_head: Person
    division: Unit
    bureau: Unit

    def by_role(self) -> dict[str, Person]:
        return {role: getattr(self, role) for role in SHOWCASE}

    def ids(self) -> set[int]:
        return {person.pk for person in self.by_role().values()}


def _first(condition: Q) -> Person | None:
    return (
        Person.objects.filter(condition, active=True)
        .select_related("user", "unit__parent__parent", "position")
        .order_by("employee_number")
        .first()
    )


def _head_of(code: str) -> Person | None:
    unit = Unit.objects.filter(code=code, active=True).first()
    return unit_head(unit) if unit is not None else None


def cast_find() -> Cast | None:
    """The cast in this directory, or None when it lacks the demo organisation's units
    (a real LDAP directory): then there is nothing to seed documents for."""
    drafter = _first(Q(unit__code=DEMO_TEAM_CODE, position__rank__lt=Rank.TEAM_LEADER))
    division = drafter.unit.parent if drafter is not None else None
    bureau = division.parent if division is not None else None
    if drafter is None or division is None or bureau is None:
        return None
    people = {
        "drafter": drafter,
        "team_leader": unit_head(drafter.unit),
        "division_head": unit_head(division),
        "bureau_director": unit_head(bureau),
        "records_officer": _first(Q(user__groups__name=Role.RECORDS_OFFICER)),
        "administrator": _first(Q(user__groups__name=Role.ADMINISTRATOR)),
        "hr_head": _head_of(hr_unit_code()),
    }
    if any(person is None for person in people.values()):
        return None
    return Cast(**people, division=division, bureau=bureau)  # type: ignore[arg-type]


def teams() -> list[Unit]:
    """Every active team under a division, in code order: where staff draft."""
    return list(
        Unit.objects.filter(kind=UnitKind.TEAM, active=True, parent__kind=UnitKind.DIVISION)
        .select_related("parent__parent")
        .order_by("code")
    )


def staff_of(unit: Unit) -> list[Person]:
    """The active ranked staff (below team leader) of a unit, by employee number."""
    return list(
        Person.objects.filter(unit=unit, active=True, position__rank__lt=Rank.TEAM_LEADER)
        .select_related("user", "unit", "position")
        .order_by("employee_number")
    )
