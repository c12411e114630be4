"""A directory laid out differently is synced by configuration alone."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from directory.models import Person, Rank, Role, Unit, UnitKind
from directory.services.config import parse_mapping, parse_rank
from directory.services.sync import directory_load_ldif

OTHER_LAYOUT = """\
dn: o=Example City
objectClass: organization
o: Example City

dn: cn=Finance Department,o=Example City
objectClass: groupOfUniqueNames
objectClass: extensibleObject
cn: Finance Department
l: FIN
description: dept

dn: cn=Ada Lovelace,cn=Finance Department,o=Example City
objectClass: inetOrgPerson
cn: Ada Lovelace
sn: Lovelace
uid: ada
employeeType: E-77
title: Controller

dn: cn=Roles,o=Example City
objectClass: organizationalRole
cn: Roles

dn: cn=auditors,cn=Roles,o=Example City
objectClass: groupOfUniqueNames
cn: auditors
uniqueMember: cn=Ada Lovelace,cn=Finance Department,o=Example City
"""


def test_mappings_read_pairs_or_json() -> None:
    assert parse_mapping("팀장=TEAM_LEADER, 과장=200", setting="X") == {
        "팀장": "TEAM_LEADER",
        "과장": "200",
    }
    assert parse_mapping('{"a": "b"}', setting="X") == {"a": "b"}
    assert parse_rank("team_leader", setting="X") == Rank.TEAM_LEADER
    with pytest.raises(ImproperlyConfigured):
        parse_mapping("no-equals-sign", setting="X")
    with pytest.raises(ImproperlyConfigured):
        parse_rank("GENERAL", setting="X")


@pytest.mark.django_db
def test_another_layout_is_synced_by_settings_alone(settings, tmp_path) -> None:
    path = tmp_path / "other.ldif"
    path.write_text(OTHER_LAYOUT, encoding="utf-8")
    settings.LDAP_UNIT_BASE_DN = "o=Example City"
    settings.LDAP_GROUP_BASE_DN = "cn=Roles,o=Example City"
    settings.LDAP_UNIT_OBJECT_CLASS = "groupOfUniqueNames"
    settings.LDAP_GROUP_OBJECT_CLASS = "groupOfUniqueNames"
    settings.LDAP_GROUP_MEMBER_ATTRIBUTE = "uniqueMember"
    settings.LDAP_UNIT_ATTRIBUTES = {**settings.LDAP_UNIT_ATTRIBUTES, "name": "cn", "code": "l"}
    settings.LDAP_PERSON_ATTRIBUTES = {
        **settings.LDAP_PERSON_ATTRIBUTES,
        "employee_number": "employeeType",
    }
    settings.LDAP_TITLE_RANKS = '{"Controller": "DIVISION_HEAD"}'
    settings.LDAP_GROUP_ROLES = "auditors=records_officer"

    result = directory_load_ldif(path=path)

    assert result.problems == []
    unit = Unit.objects.get(code="FIN")
    assert (unit.name, unit.kind) == ("Finance Department", UnitKind.OTHER)
    ada = Person.objects.select_related("position", "user").get(employee_number="E-77")
    assert ada.unit == unit
    assert ada.position is not None
    assert ada.position.rank == Rank.DIVISION_HEAD
    assert ada.user.groups.filter(name=Role.RECORDS_OFFICER).exists()
