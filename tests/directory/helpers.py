"""A small organisation built directly in the database, for API and absence tests."""

from dataclasses import dataclass

from django.contrib.auth.models import Group, User

from directory.models import Person, Position, Rank, Role, Unit, UnitKind

PASSWORD = "correct-horse-9"


@dataclass
class Org:
    bureau: Unit
    division: Unit
    team: Unit
    drafter: Person
    colleague: Person
    leader: Person
    admin: Person
    outsider: User  # can log in, has no person record


def _person(unit: Unit, position: Position, username: str, name: str, number: str) -> Person:
    user = User.objects.create_user(username=username, password=PASSWORD)
    return Person.objects.create(
        user=user, unit=unit, position=position, name=name, employee_number=number
    )


def build_org() -> Org:
    bureau = Unit.objects.create(code="B01", name="기획조정실", kind=UnitKind.BUREAU)
    division = Unit.objects.create(
        code="BUDGET", name="예산담당관", kind=UnitKind.DIVISION, parent=bureau, depth=1
    )
    team = Unit.objects.create(
        code="BUDGET-T1", name="예산총괄팀", kind=UnitKind.TEAM, parent=division, depth=2
    )
    staff = Position.objects.create(title="주무관(7급)", rank=Rank.GRADE_7)
    leader = Position.objects.create(title="팀장", rank=Rank.TEAM_LEADER, is_head=True)
    org = Org(
        bureau=bureau,
        division=division,
        team=team,
        drafter=_person(team, staff, "minsu.kim", "김민수", "1000001"),
        colleague=_person(team, staff, "jiyeong.lee", "이지영", "1000002"),
        leader=_person(team, leader, "sanghun.kim", "김상훈", "1000003"),
        admin=_person(division, staff, "jiho.choi", "최지호", "1000004"),
        outsider=User.objects.create_user(username="service", password=PASSWORD),
    )
    org.admin.user.groups.add(Group.objects.get(name=Role.ADMINISTRATOR))
    return org
