"""Reads of the directory app: the unit tree, people search, the current user."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Collate

from directory.models import Absence, Person, Position, Rank, Role, Unit


def user_is_directory_admin(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    """Administrators (the Role.ADMINISTRATOR group) and superusers manage anyone's data."""
    if not isinstance(user, User) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=Role.ADMINISTRATOR).exists()


def user_roles(*, user: User) -> list[str]:
    return sorted(user.groups.filter(name__in=Role.values).values_list("name", flat=True))


def person_for_user(*, user: User) -> Person | None:
    return Person.objects.select_related("unit", "position", "user").filter(user=user).first()


def unit_list(*, parent_id: int | None, include_inactive: bool = False) -> QuerySet[Unit]:
    """One level of the tree: the roots, or the children of a unit (lazy loading)."""
    units = (
        Unit.objects.filter(parent_id=parent_id)
        if parent_id
        else Unit.objects.filter(parent__isnull=True)
    )
    if not include_inactive:
        units = units.filter(active=True)
    children = Unit.objects.filter(parent=OuterRef("pk"), active=True)
    return units.select_related("head_position").annotate(has_children=Exists(children))


def person_search(
    *, query: str = "", unit_id: int | None = None, position_id: int | None = None
) -> QuerySet[Person]:
    """Active people whose name starts with the query (김 finds 김민수), optionally in a
    unit or holding a position, in 가나다 order.

    On PostgreSQL the name is compared and ordered in the "C" collation, which the
    index of migration 0003 serves: one index range, stopped after a page.
    """
    people = Person.objects.filter(active=True)
    order = "name"
    if connection.vendor == "postgresql":
        people, order = people.alias(name_c=Collate("name", "C")), "name_c"
    if query:
        people = people.filter(**{f"{order}__startswith": query})
    if unit_id:
        people = people.filter(unit_id=unit_id)
    if position_id:
        people = people.filter(position_id=position_id)
    return people.select_related("unit", "position").order_by(order, "employee_number")


def absence_list(*, user: User, person_id: int | None = None) -> QuerySet[Absence]:
    """The absences a user may see: their own, or everyone's for an administrator."""
    absences = Absence.objects.select_related("person", "deputy", "person__unit", "deputy__unit")
    if not user_is_directory_admin(user=user):
        absences = absences.filter(person__user=user)
    if person_id:
        absences = absences.filter(person_id=person_id)
    return absences


def demo_people() -> list[tuple[str, str]]:
    """A few representative demo logins (username, what they do), from the budget division."""
    picks: list[tuple[str, Q]] = [
        (
            "drafter (team staff, 예산총괄팀)",
            Q(unit__code="BUDGET-T1", position__rank__lt=Rank.TEAM_LEADER),
        ),
        ("team leader (예산총괄팀장)", Q(unit__code="BUDGET-T1", position__rank=Rank.TEAM_LEADER)),
        ("division head (예산담당관)", Q(unit__code="BUDGET", position__rank=Rank.DIVISION_HEAD)),
        (
            "bureau director (기획조정실장)",
            Q(unit__children__code="BUDGET", position__rank=Rank.BUREAU_DIRECTOR),
        ),
        ("records officer", Q(user__groups__name=Role.RECORDS_OFFICER)),
        ("directory administrator", Q(user__groups__name=Role.ADMINISTRATOR)),
    ]
    found = []
    for role, condition in picks:
        person = (
            Person.objects.filter(condition, active=True)
            .select_related("user")
            .order_by("employee_number")
            .first()
        )
        if person is not None:
            found.append((person.user.username, role))
    return found


def unit_detail_queryset() -> QuerySet[Unit]:
    """Units with their active members prefetched (as `active_members`): three queries."""
    members = (
        Person.objects.filter(active=True)
        .select_related("position")
        .order_by("-position__rank", "name", "employee_number")
    )
    children = Unit.objects.filter(parent=OuterRef("pk"), active=True)
    return (
        Unit.objects.select_related("head_position")
        .annotate(has_children=Exists(children))
        .prefetch_related(Prefetch("members", queryset=members, to_attr="active_members"))
    )


def person_queryset() -> QuerySet[Person]:
    """Every person, including those who left (documents keep pointing at them)."""
    return Person.objects.select_related("unit", "position")


def position_list() -> QuerySet[Position]:
    return Position.objects.all()
