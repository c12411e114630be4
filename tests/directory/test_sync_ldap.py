"""The sync against a real slapd holding the demo organisation (read-only tests)."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from rest_framework.test import APIClient

from directory.models import Person, Rank, Role, Unit
from directory.services.sync import directory_sync
from tests.directory.conftest import DEMO_LDIF, ldif_counts, use_ldap

pytestmark = [pytest.mark.django_db, pytest.mark.service("ldap")]


@pytest.fixture
def ldap_on(settings, demo_slapd):
    use_ldap(settings, demo_slapd)
    return demo_slapd


def test_a_full_sync_imports_every_unit_and_person_of_the_directory(ldap_on, settings) -> None:
    settings.LDAP_PAGE_SIZE = 100  # several pages: proves the paged search follows the cookie
    units, people = ldif_counts(DEMO_LDIF)

    result = directory_sync()

    assert (result.units.created, result.people.created) == (units, people)
    assert Unit.objects.filter(active=True).count() == units
    assert Person.objects.filter(active=True).count() == people
    assert User.objects.filter(person__isnull=False, is_active=True).count() == people
    assert result.problems == []
    budget = Unit.objects.get(code="BUDGET")
    assert budget.name == "예산담당관"
    assert budget.parent is not None
    assert budget.parent.kind == "bureau"
    assert budget.head_position is not None
    assert budget.head_position.rank == Rank.DIVISION_HEAD
    assert Unit.objects.get(code="HR").name == "인사과"


def test_the_second_run_changes_nothing_and_says_so(ldap_on) -> None:
    call_command("sync_directory", "--json", stdout=StringIO())
    out = StringIO()

    call_command("sync_directory", "--json", stdout=out)

    summary = json.loads(out.getvalue())
    assert summary["changed"] is False
    for kind in ("units", "people"):
        assert summary[kind] == {"created": 0, "updated": 0, "deactivated": 0, "skipped": 0}
    assert summary["active_people"] == ldif_counts(DEMO_LDIF)[1]
    text = StringIO()
    call_command("sync_directory", stdout=text)
    assert "Nothing changed" in text.getvalue()


def test_group_membership_gives_the_role(ldap_on) -> None:
    directory_sync()

    officers = User.objects.filter(groups__name=Role.RECORDS_OFFICER)
    assert officers.count() == 6
    assert all(user.person.unit.code.startswith("RECORDS") for user in officers)
    managers = User.objects.filter(groups__name=Role.MANAGER)
    assert managers.filter(person__position__rank=Rank.MAYOR).exists()


def test_ldap_login_through_the_api_gives_a_token_and_refreshes_the_person(ldap_on) -> None:
    directory_sync()
    person = Person.objects.select_related("user").get(
        unit__code="BUDGET-T1", position__rank=Rank.TEAM_LEADER
    )
    person.office_phone = "stale"
    person.save()
    client = APIClient()

    response = client.post(
        "/api/auth/token/",
        {"username": person.user.username, "password": "dojang-demo"},
        format="json",
    )

    assert response.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    me = client.get("/api/me/").json()
    assert me["person"]["unit"]["code"] == "BUDGET-T1"
    assert me["person"]["office_phone"].startswith("02-2133-")


def test_ldap_wrong_password_and_disabled_account_get_the_same_answer(ldap_on) -> None:
    directory_sync()
    user = User.objects.filter(person__isnull=False).order_by("username").first()
    assert user is not None
    client = APIClient()
    wrong = client.post(
        "/api/auth/token/", {"username": user.username, "password": "wrong"}, format="json"
    )
    user.is_active = False
    user.save()

    disabled = client.post(
        "/api/auth/token/", {"username": user.username, "password": "dojang-demo"}, format="json"
    )

    assert wrong.status_code in (401, 403)
    assert wrong.json()["type"] == "authentication_failed"
    assert (disabled.status_code, disabled.json()) == (wrong.status_code, wrong.json())


def test_a_login_before_the_first_sync_still_works(ldap_on) -> None:
    response = APIClient().post(
        "/api/auth/token/", {"username": "jihu.jang", "password": "dojang-demo"}, format="json"
    )

    assert response.status_code == 200
    assert User.objects.filter(username="jihu.jang").exists()


def test_the_scheduled_task_syncs_and_returns_counts_only(ldap_on, settings) -> None:
    from directory.tasks import sync_directory

    result = sync_directory.apply().get()

    assert result["people"]["created"] == ldif_counts(DEMO_LDIF)[1]
    assert result["problems"] == 0
    settings.LDAP_SERVER_URI = None
    assert "skipped" in sync_directory.apply().get()
