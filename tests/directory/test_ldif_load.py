"""The embedded default: the demo LDIF loaded straight into the database, no slapd."""

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from demo.seed import seed_all
from directory.models import Person, Rank, Unit, UnitKind
from directory.services.sync import directory_load_ldif
from tests.directory.conftest import DEMO_LDIF, ldif_counts

pytestmark = pytest.mark.django_db


def test_the_demo_ldif_loads_the_whole_organisation() -> None:
    units, people = ldif_counts(DEMO_LDIF)

    result = directory_load_ldif()

    assert (result.units.created, result.people.created) == (units, people)
    assert result.problems == []
    kinds = dict(Unit.objects.values_list("code", "kind"))
    assert kinds["MAYOR"] == UnitKind.MAYOR_OFFICE
    assert sum(1 for kind in kinds.values() if kind == UnitKind.BUREAU) == 10
    assert sum(1 for kind in kinds.values() if kind == UnitKind.DIVISION) == 40
    assert sum(1 for kind in kinds.values() if kind == UnitKind.TEAM) == 120
    assert Person.objects.filter(position__rank=Rank.MAYOR).count() == 1
    assert Person.objects.filter(position__rank=Rank.DEPUTY_MAYOR).count() == 3


def test_loading_twice_changes_nothing() -> None:
    directory_load_ldif()

    assert directory_load_ldif().changed is False


def test_demo_people_log_in_with_their_uid_and_the_demo_password(settings) -> None:
    directory_load_ldif()
    user = User.objects.filter(person__isnull=False).order_by("username").first()
    assert user is not None
    username = user.username

    response = APIClient().post(
        "/api/auth/token/",
        {"username": username, "password": settings.DEMO_PASSWORD},
        format="json",
    )

    assert response.status_code == 200


def test_seed_all_returns_representative_demo_logins() -> None:
    logins = seed_all()

    roles = " ".join(login.role for login in logins)
    for role in ("drafter", "team leader", "division head", "bureau director", "records officer"):
        assert role in roles
    usernames = [login.username for login in logins]
    assert User.objects.filter(username__in=usernames).count() == len(usernames)


def test_the_committed_demo_ldif_is_what_the_generator_makes(tmp_path) -> None:
    import subprocess
    import sys

    from tests.support.services import ROOT

    output = tmp_path / "demo.ldif"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate_demo_ldif.py"), "-o", str(output)],
        check=True,
        capture_output=True,
    )

    assert output.read_bytes() == DEMO_LDIF.read_bytes()
