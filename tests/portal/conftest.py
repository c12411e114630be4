"""Portal fixtures: isolated media and cache, the three kinds of visitor, signing keys."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from directory.models import Role
from tests.factories.directory import PersonFactory, role_member


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path: Path) -> Iterator[None]:
    settings.MEDIA_ROOT = tmp_path / "media"
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


@pytest.fixture(scope="session")
def signed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bytes]:
    """A PDF signed with throwaway keys (rendering is slow: once per session)."""
    from signing.keys import ensure_signing_keys
    from signing.samples import sample_official_document
    from signing.services import official_pdf_issue

    directory = tmp_path_factory.mktemp("portal-signing")
    with override_settings(
        SIGNING_DIR=directory,
        SIGNING_KEY_PATH=None,
        SIGNING_CERT_PATH=None,
        SIGNING_PKCS12_PATH=None,
        SIGNING_TRUST_ANCHORS=[],
        SIGNING_TSA_URL=None,
        SIGNING_DOCUMENT_LOOKUP=None,
    ):
        ensure_signing_keys()
        yield official_pdf_issue(document=sample_official_document("memo")).pdf
