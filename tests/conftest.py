"""Root fixtures of the suite."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from tests.support.services import service_missing


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def redis_broker_url() -> str:
    """The broker of the real Redis that .ci/run exported; fails under CI when absent."""
    url = os.environ.get("TEST_REDIS_URL") or os.environ.get("CELERY_BROKER_URL")
    if not url:
        service_missing("TEST_REDIS_URL is not set (no Redis to test against)")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        service_missing(f"Redis at {url} does not answer: {exc}")
    return url


@pytest.fixture
def ci_ldap() -> dict[str, str]:
    """The slapd that .ci/run started (LDAP_TEST_URI and its bind settings)."""
    uri = os.environ.get("LDAP_TEST_URI")
    if not uri:
        service_missing("LDAP_TEST_URI is not set (no slapd to test against)")
    return {
        "uri": uri,
        "bind_dn": os.environ.get("LDAP_TEST_BIND_DN", ""),
        "bind_password": os.environ.get("LDAP_TEST_BIND_PASSWORD", ""),
        "base_dn": os.environ.get("LDAP_TEST_BASE_DN", ""),
    }


@pytest.fixture(scope="session", autouse=True)
def signing_keys(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The one local key set of the session, whatever SIGNING_* the environment sets.

    Defined once, here: a session fixture imported into several modules is a new
    fixture in each, and each would point SIGNING_DIR at keys of its own while
    the others still hand out theirs.

    Autouse, so it is set up before any test's own ``settings`` fixture: an
    override_settings first entered inside a test's override is dropped when
    that test's override is undone, and SIGNING_DIR would quietly fall back to
    the default directory while this fixture still hands out the session's.
    """
    from signing.keys import ensure_signing_keys

    directory = tmp_path_factory.mktemp("signing-keys")
    with override_settings(
        SIGNING_DIR=directory,
        SIGNING_KEY_PATH=None,
        SIGNING_CERT_PATH=None,
        SIGNING_PKCS12_PATH=None,
        SIGNING_TRUST_ANCHORS=[],
        SIGNING_TSA_URL=None,
    ):
        ensure_signing_keys()
        yield directory
