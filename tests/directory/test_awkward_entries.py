"""Awkward entries are reported and skipped, never fatal; the same through LDAP and LDIF."""

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User

from directory.models import Person, Role, Unit
from directory.services.apply import SyncResult
from directory.services.sync import directory_load_ldif, directory_sync
from tests.directory.conftest import AWKWARD_LDIF, use_ldap
from tests.support.services import throwaway_slapd

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def awkward_slapd(tmp_path_factory) -> Iterator[dict[str, str]]:
    with throwaway_slapd(tmp_path_factory.mktemp("awkward"), AWKWARD_LDIF) as server:
        yield server


def _assert_handled(result: SyncResult) -> None:
    assert (result.units.created, result.people.created) == (2, 3)
    assert result.people.skipped == 1
    kinds = {problem.kind for problem in result.problems}
    assert kinds == {"skipped", "unknown_title", "unknown_member"}
    planning = Unit.objects.get(code="PLANNING")
    assert planning.name == "Planning, Policy"
    assert planning.parent == Unit.objects.get(name="감사위원회")
    assert Person.objects.get(user__username="이순신").unit.code == "AUDIT"
    odd = Person.objects.select_related("position").get(employee_number="9000003")
    assert odd.position is not None
    assert odd.position.rank is None
    assert not Person.objects.filter(user__username="no.number").exists()
    admins = User.objects.filter(groups__name=Role.ADMINISTRATOR)
    assert list(admins.values_list("username", flat=True)) == ["gildong.hong"]


@pytest.mark.service("ldap")
def test_awkward_entries_from_ldap_are_reported_and_skipped(settings, awkward_slapd) -> None:
    use_ldap(settings, awkward_slapd)

    result = directory_sync()

    _assert_handled(result)
    assert directory_sync().changed is False


def test_awkward_entries_from_an_ldif_file_are_handled_the_same_way() -> None:
    result = directory_load_ldif(path=AWKWARD_LDIF)

    _assert_handled(result)


@pytest.mark.service("ldap")
def test_ldap_login_with_a_non_ascii_dn_and_an_escaped_unit(
    settings, awkward_slapd, api_client
) -> None:
    use_ldap(settings, awkward_slapd)
    directory_sync()

    for username in ("이순신", "gildong.hong"):
        response = api_client.post(
            "/api/auth/token/", {"username": username, "password": "dojang-demo"}, format="json"
        )
        assert response.status_code == 200, username
