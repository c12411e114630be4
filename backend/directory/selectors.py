"""Reads of the directory app: the unit tree, people search, the current user."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Collate

from directory.hangul import INITIALS, dubeolsik, initials, is_jamo, is_syllable, jamo_pattern
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


def _name_conditions(query: str) -> tuple[Q, Q, Q]:
    """(matches, starts with, equals) for a search query; see person_search."""
    if all(is_jamo(char) and char in INITIALS for char in query):
        # ㄱㅁㅅ: initial consonants only.
        key = initials(query)
        return (
            Q(search_initials__contains=key),
            Q(search_initials__startswith=key),
            Q(search_initials=key),
        )
    if any(is_syllable(char) or is_jamo(char) for char in query):
        # 김민수, 민수, 김ㅁ: the 두벌식 key narrows (its index), the name decides.
        if not any(is_jamo(char) for char in query):
            narrow = Q(search_keys__contains=dubeolsik(query).lower())
            return narrow & Q(name__contains=query), Q(name__startswith=query), Q(name=query)
        # 김ㅁㅅ: the keys up to the first lone consonant, and the initials, narrow.
        head = next(index for index, char in enumerate(query) if is_jamo(char))
        narrow = Q(search_keys__contains=dubeolsik(query[: head + 1]).lower())
        if initials(query):
            narrow &= Q(search_initials__contains=initials(query))
        pattern = jamo_pattern(query)
        return (
            narrow & Q(name__regex=pattern),
            Q(name__regex=f"^{pattern}"),
            Q(name__regex=f"^{pattern}$"),
        )
    # rlaalstn (the Korean IME off), or an English name.
    key = query.lower()
    return (
        Q(search_keys__contains=key) | Q(name_en__icontains=query),
        Q(search_keys__startswith=key) | Q(name_en__istartswith=query),
        Q(search_keys=key) | Q(name_en__iexact=query),
    )


def person_search(
    *, query: str = "", unit_id: int | None = None, position_id: int | None = None
) -> QuerySet[Person]:
    """Active people whose name holds the query, optionally in a unit or holding a
    position: exact matches first, then names that start with it, then the rest, each
    in 가나다 order.

    The query matches a name (김민수, 김민, 민수), its initial consonants (ㄱㅁㅅ, and
    mixed: 김ㅁ), the same keys typed with the Korean IME off (rlaalstn, rlaal), or the
    English name, in any case. The keys are stored on the person (directory.hangul)
    and trigram-indexed (migration 0005). Without a query the order is
    the name's, which the "C"-collation index of migration 0003 serves.
    """
    people = Person.objects.filter(active=True).alias(name_c=Collate("name", "C"))
    order = "name_c"
    if unit_id:
        people = people.filter(unit_id=unit_id)
    if position_id:
        people = people.filter(position_id=position_id)
    people = people.select_related("unit", "position")
    query = "".join(query.split()) if any(is_syllable(c) or is_jamo(c) for c in query) else query
    if not query:
        return people.order_by(order, "employee_number")
    matches, prefix, exact = _name_conditions(query)
    rank = Case(When(exact, then=Value(0)), When(prefix, then=Value(1)), default=Value(2))
    return (
        people.filter(matches)
        .alias(match_rank=rank)
        .order_by("match_rank", order, "employee_number")
    )


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
