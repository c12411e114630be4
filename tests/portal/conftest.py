"""Portal fixtures: isolated media and cache, the three kinds of visitor, signing keys.

Signing keys come from tests/disclosure/records.py: a test that makes a PDF (with
tests/portal/factories.py) uses the ``publishing`` fixture."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from directory.models import Role
from tests.disclosure.records import (
    publishing,  # noqa: F401 - fixture
)
from tests.factories.directory import PersonFactory, role_member
from tests.portal import factories


@pytest.fixture(autouse=True)
def _isolated(request: pytest.FixtureRequest, settings, tmp_path: Path) -> Iterator[None]:
    settings.MEDIA_ROOT = tmp_path / "media"
    factories.new_test(signing_keys="publishing" in request.fixturenames)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anonymous() -> Client:
    return Client()


@pytest.fixture
def staff_client(db) -> Client:
    """A logged-in civil servant with no role: sees the portal as everyone does."""
    client = Client()
    client.force_login(PersonFactory.create().user)
    return client


@pytest.fixture
def officer_client(db) -> Client:
    """A logged-in records officer: the portal still shows only what is public."""
    client = Client()
    client.force_login(role_member(Role.RECORDS_OFFICER, PersonFactory.create()).user)
    return client


@pytest.fixture(params=["anonymous", "staff_client", "officer_client"])
def visitor(request: pytest.FixtureRequest) -> Client:
    """Every public page is tested as anonymous, as a user without a role and as a
    records officer: all three get exactly the public view."""
    client: Client = request.getfixturevalue(request.param)
    return client


@pytest.fixture
def visitors(anonymous: Client, staff_client: Client, officer_client: Client) -> dict[str, Client]:
    """The three kinds of visitor at once, for a test whose data is costly to make (a
    signed PDF): it makes it once and asks as each of them."""
    return {"anonymous": anonymous, "staff": staff_client, "officer": officer_client}
