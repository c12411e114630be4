# mypy: disallow-untyped-calls=False
# (factory_boy's declarations are untyped; Factory.create() is typed and returns the model)
"""Factories for the organisation: users, units, positions, people, absences.

`org_chain()` builds the usual approval path of a city hall in one call: a team in a
division in a bureau under a deputy mayor under the mayor, each unit with a head of
the matching rank, plus a staff member of the team who drafts.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone
from factory.declarations import (
    LazyAttribute,
    LazyFunction,
    Sequence,
    SubFactory,
)
from factory.django import DjangoModelFactory, Password
from factory.helpers import post_generation

from directory.deputies import headed_unit
from directory.models import Absence, Person, Position, Rank, Role, Unit, UnitKind


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = Sequence(lambda n: f"user{n}")
    password = Password("dojang-test-pw")


class PositionFactory(DjangoModelFactory[Position]):
    """A position; titles are unique, so the same title gives the same row."""

    class Meta:
        model = Position
        django_get_or_create = ("title",)

    title = Sequence(lambda n: f"position {n}")
    rank = Rank.GRADE_7
    is_head = False


class UnitFactory(DjangoModelFactory[Unit]):
    class Meta:
        model = Unit

    code = Sequence(lambda n: f"U{n:04d}")
    name = Sequence(lambda n: f"unit {n}")
    kind = UnitKind.TEAM
    parent = None
    depth = LazyAttribute(lambda o: o.parent.depth + 1 if o.parent else 0)


class PersonFactory(DjangoModelFactory[Person]):
    """A person with a login; `position` defaults to a grade-7 officer."""

    class Meta:
        model = Person

    user = SubFactory(UserFactory)
    employee_number = Sequence(lambda n: f"E{n:06d}")
    name = Sequence(lambda n: f"person {n}")
    unit = SubFactory(UnitFactory)
    position = SubFactory(PositionFactory, title="주무관(7급)", rank=Rank.GRADE_7, is_head=False)
    active = True


class AbsenceFactory(DjangoModelFactory[Absence]):
    """An absence running now (from an hour ago to a day from now).

    The deputy may act for the person (directory.deputies): when the person heads a
    unit, the deputy is made its acting official (직무대리); `designate=False` does not.
    """

    class Meta:
        model = Absence
        skip_postgeneration_save = True

    person = SubFactory(PersonFactory)
    deputy = SubFactory(PersonFactory)
    starts_at = LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    ends_at = LazyFunction(lambda: timezone.now() + timedelta(days=1))
    reason = "leave"

    @post_generation
    def designate(obj: Absence, create: bool, extracted: object, **kwargs: object) -> None:
        unit = headed_unit(obj.person)
        if create and unit is not None and extracted is not False:
            unit.acting_head = obj.deputy
            unit.save(update_fields=["acting_head"])


HEAD_TITLES: dict[str, tuple[str, Rank]] = {
    UnitKind.MAYOR_OFFICE: ("시장", Rank.MAYOR),
    UnitKind.DEPUTY_MAYOR_OFFICE: ("부시장", Rank.DEPUTY_MAYOR),
    UnitKind.BUREAU: ("국장", Rank.BUREAU_DIRECTOR),
    UnitKind.DIVISION: ("과장", Rank.DIVISION_HEAD),
    UnitKind.TEAM: ("팀장", Rank.TEAM_LEADER),
}


def head_position(kind: str) -> Position:
    """The head position of a unit kind (시장, 부시장, 국장, 과장, 팀장)."""
    title, rank = HEAD_TITLES[kind]
    return PositionFactory.create(title=title, rank=rank, is_head=True)


def staff_position(rank: Rank = Rank.GRADE_7) -> Position:
    """The staff title of a grade, as the directory names it ("주무관(7급)")."""
    grade = {Rank.GRADE_5: "사무관(5급)"}.get(rank, f"주무관({10 - rank // 10}급)")
    return PositionFactory.create(title=grade, rank=rank, is_head=False)


def unit_with_head(kind: str, parent: Unit | None = None, **unit_fields: object) -> Unit:
    """A unit of `kind` whose head_position is set and held by a new active person."""
    position = head_position(kind)
    unit = UnitFactory.create(kind=kind, parent=parent, head_position=position, **unit_fields)
    PersonFactory.create(unit=unit, position=position, name=f"head of {unit.name}")
    return unit


def unit_head(unit: Unit) -> Person:
    return Person.objects.get(unit=unit, position=unit.head_position, active=True)


def role_member(role: Role, person: Person) -> Person:
    """Put `person` in the auth group of `role`."""
    group, _ = Group.objects.get_or_create(name=role.value)
    person.user.groups.add(group)
    return person


@dataclass(frozen=True)
class OrgChain:
    """team -> division -> bureau -> deputy mayor's office -> mayor's office, headed."""

    mayor_office: Unit
    deputy_office: Unit
    bureau: Unit
    division: Unit
    team: Unit
    mayor: Person
    deputy_mayor: Person
    bureau_director: Person
    division_head: Person
    team_leader: Person
    drafter: Person

    def heads(self) -> list[Person]:
        """The heads from the team up to the mayor, in line order."""
        return [
            self.team_leader,
            self.division_head,
            self.bureau_director,
            self.deputy_mayor,
            self.mayor,
        ]


def org_chain(mayor_office: Unit | None = None, drafter_rank: Rank = Rank.GRADE_7) -> OrgChain:
    """Build the chain; pass an existing mayor's office to grow a second branch under it."""
    mayor_office = mayor_office or unit_with_head(UnitKind.MAYOR_OFFICE, name="시장실")
    deputy_office = unit_with_head(UnitKind.DEPUTY_MAYOR_OFFICE, mayor_office)
    bureau = unit_with_head(UnitKind.BUREAU, deputy_office)
    division = unit_with_head(UnitKind.DIVISION, bureau)
    team = unit_with_head(UnitKind.TEAM, division)
    drafter = PersonFactory.create(unit=team, position=staff_position(drafter_rank))
    return OrgChain(
        mayor_office=mayor_office,
        deputy_office=deputy_office,
        bureau=bureau,
        division=division,
        team=team,
        mayor=unit_head(mayor_office),
        deputy_mayor=unit_head(deputy_office),
        bureau_director=unit_head(bureau),
        division_head=unit_head(division),
        team_leader=unit_head(team),
        drafter=drafter,
    )
