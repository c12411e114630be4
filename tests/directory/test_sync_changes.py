"""Changes in LDAP reach the database; each test gets its own slapd, since it mutates it."""

from collections.abc import Iterator

import ldap
import pytest
from django.contrib.auth.models import User

from directory.models import Absence, Person, Role, Unit
from directory.services.sync import DirectoryEmpty, directory_sync
from tests.directory.conftest import DEMO_LDIF, ldap_admin, use_ldap
from tests.support.services import throwaway_slapd

pytestmark = [pytest.mark.django_db, pytest.mark.service("ldap")]


@pytest.fixture
def server(settings, tmp_path) -> Iterator[dict[str, str]]:
    with throwaway_slapd(tmp_path / "slapd", DEMO_LDIF) as running:
        use_ldap(settings, running)
        yield running


def _person(unit_code: str) -> Person:
    person = Person.objects.select_related("user").filter(unit__code=unit_code).first()
    assert person is not None
    assert person.ldap_dn is not None
    return person


def test_a_person_removed_in_ldap_is_deactivated_and_keeps_their_history(server) -> None:
    directory_sync()
    leaver, deputy = Person.objects.filter(unit__code="D011-T1").order_by("pk")[:2]
    absence = Absence.objects.create(
        person=leaver, deputy=deputy, starts_at="2026-01-05T09:00Z", ends_at="2026-01-06T18:00Z"
    )
    ldap_admin(server).delete_s(leaver.ldap_dn)

    result = directory_sync()

    leaver.refresh_from_db()
    assert (result.people.deactivated, result.people.created) == (1, 0)
    assert leaver.active is False
    assert User.objects.get(pk=leaver.user_id).is_active is False
    assert Absence.objects.filter(pk=absence.pk).exists()
    assert directory_sync().changed is False


def test_a_person_moved_to_another_unit_changes_unit(server) -> None:
    directory_sync()
    mover = _person("HR-T1")
    target = Unit.objects.get(code="BUDGET-T2")
    assert mover.ldap_dn is not None
    assert target.ldap_dn is not None
    rdn = mover.ldap_dn.split(",", 1)[0]

    ldap_admin(server).rename_s(mover.ldap_dn, rdn, target.ldap_dn)
    result = directory_sync()

    mover.refresh_from_db()
    assert result.people.updated == 1
    assert (result.people.created, result.people.deactivated) == (0, 0)
    assert mover.unit == target
    assert mover.active is True
    assert mover.ldap_dn is not None
    assert mover.ldap_dn.endswith(target.ldap_dn)


def test_leaving_a_group_takes_the_role_away(server) -> None:
    directory_sync()
    officer = User.objects.filter(groups__name=Role.RECORDS_OFFICER).first()
    assert officer is not None
    assert officer.person.ldap_dn is not None
    group = f"cn=records-officers,ou=groups,{server['LDAP_TEST_BASE_DN']}"

    ldap_admin(server).modify_s(
        group, [(ldap.MOD_DELETE, "member", [officer.person.ldap_dn.encode()])]
    )
    result = directory_sync()

    assert result.roles_revoked == 1
    assert not officer.groups.filter(name=Role.RECORDS_OFFICER).exists()


def test_a_directory_that_returns_nobody_is_not_applied(server, settings) -> None:
    directory_sync()
    settings.LDAP_UNIT_BASE_DN = f"ou=nowhere,{server['LDAP_TEST_BASE_DN']}"

    with pytest.raises(DirectoryEmpty):
        directory_sync()

    assert Person.objects.filter(active=False).count() == 0
