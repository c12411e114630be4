"""Fixtures of the directory tests: throwaway slapd servers and a small organisation."""

from collections.abc import Iterator
from pathlib import Path

import ldap
import pytest
from django.core.cache import cache

from tests.support.services import ROOT, throwaway_slapd

DEMO_LDIF = ROOT / "directory-data" / "demo.ldif"
AWKWARD_LDIF = ROOT / "directory-data" / "awkward.ldif"
LDAP_BACKENDS = ["directory.auth.DirectoryLDAPBackend", "django.contrib.auth.backends.ModelBackend"]


@pytest.fixture(autouse=True)
def _fresh_login_counters() -> None:
    """Failed-login counters live in the cache; one test's failures must not throttle the next."""
    cache.clear()


@pytest.fixture(scope="module")
def demo_slapd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A slapd with the demo organisation, shared by one module's tests (read-only)."""
    with throwaway_slapd(tmp_path_factory.mktemp("slapd"), DEMO_LDIF) as server:
        yield server


def use_ldap(settings, server: dict[str, str]) -> None:
    """Point the LDAP_* settings at a throwaway server."""
    base = server["LDAP_TEST_BASE_DN"]
    settings.LDAP_SERVER_URI = server["LDAP_TEST_URI"]
    settings.LDAP_BIND_DN = server["LDAP_TEST_BIND_DN"]
    settings.LDAP_BIND_PASSWORD = server["LDAP_TEST_BIND_PASSWORD"]
    settings.LDAP_BASE_DN = base
    settings.LDAP_UNIT_BASE_DN = base
    settings.LDAP_GROUP_BASE_DN = f"ou=groups,{base}"
    settings.AUTHENTICATION_BACKENDS = LDAP_BACKENDS


def ldap_admin(server: dict[str, str]):
    """A connection bound as the server's root, for tests that change the directory."""
    connection = ldap.initialize(server["LDAP_TEST_URI"])
    connection.simple_bind_s(server["LDAP_TEST_BIND_DN"], server["LDAP_TEST_BIND_PASSWORD"])
    return connection


def ldif_counts(path: Path) -> tuple[int, int]:
    """(units, people) in an LDIF file: organizationalUnits outside ou=groups, inetOrgPersons."""
    import ldif  # type: ignore[import-untyped]

    parser = ldif.LDIFRecordList(path.open("rb"))
    parser.parse()
    units = people = 0
    for dn, entry in parser.all_records:
        classes = {value.decode().lower() for value in entry.get("objectClass", [])}
        if "inetorgperson" in classes:
            people += 1
        elif "organizationalunit" in classes and not dn.startswith("ou=groups,"):
            units += 1
    return units, people
