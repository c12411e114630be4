"""Where entries come from: a live LDAP server (paged search) or an LDIF file.

Both yield the same raw entries (DN, attribute -> list of bytes), so one checked path
(entries.snapshot_build, then apply.snapshot_apply) serves LDAP and the embedded demo.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ldap
import ldap.filter
import ldif  # type: ignore[import-untyped]
from django.conf import settings
from ldap.controls import SimplePagedResultsControl

from directory.services.config import DirectoryConfig
from directory.services.entries import RawEntry


class DirectoryUnavailable(Exception):
    """The directory server cannot be reached or refuses the bind."""


def ldap_connect() -> Any:
    """A bound connection with the service account of settings.LDAP_BIND_DN."""
    connection = ldap.initialize(settings.LDAP_SERVER_URI)
    connection.set_option(ldap.OPT_PROTOCOL_VERSION, ldap.VERSION3)
    connection.set_option(ldap.OPT_REFERRALS, 0)
    connection.set_option(ldap.OPT_NETWORK_TIMEOUT, settings.LDAP_TIMEOUT_SECONDS)
    connection.set_option(ldap.OPT_TIMEOUT, settings.LDAP_TIMEOUT_SECONDS)
    try:
        if settings.LDAP_START_TLS:
            connection.start_tls_s()
        connection.simple_bind_s(settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD)
    except ldap.LDAPError as exc:
        raise DirectoryUnavailable(f"LDAP bind failed: {type(exc).__name__}") from exc
    return connection


def ldap_search_paged(
    connection: Any, *, base: str, filterstr: str, attrs: list[str], page_size: int
) -> Iterator[RawEntry]:
    """Every entry below base, one page at a time (servers cap unpaged results)."""
    control = SimplePagedResultsControl(True, size=page_size, cookie="")
    while True:
        try:
            msgid = connection.search_ext(
                base, ldap.SCOPE_SUBTREE, filterstr, attrs, serverctrls=[control]
            )
            _type, data, _msgid, controls = connection.result3(msgid)
        except ldap.NO_SUCH_OBJECT:
            return
        for dn, entry in data:
            if dn is not None:  # None marks a search reference
                yield dn, entry
        cookie = next(
            (c.cookie for c in controls if c.controlType == SimplePagedResultsControl.controlType),
            None,
        )
        if not cookie:
            return
        control.cookie = cookie


def ldap_read(*, config: DirectoryConfig) -> list[RawEntry]:
    """Read all units, people and groups first, so the apply step sees one picture."""
    connection = ldap_connect()
    attrs = sorted(
        {"objectClass", *config.person_attrs.values(), *config.unit_attrs.values()}
        | {config.group_member_attr, config.group_name_attr}
    )
    units_and_people = (
        f"(|(objectClass={ldap.filter.escape_filter_chars(config.person_class)})"
        f"(objectClass={ldap.filter.escape_filter_chars(config.unit_class)}))"
    )
    groups = f"(objectClass={ldap.filter.escape_filter_chars(config.group_class)})"
    try:
        entries = list(
            ldap_search_paged(
                connection,
                base=settings.LDAP_UNIT_BASE_DN,
                filterstr=units_and_people,
                attrs=attrs,
                page_size=settings.LDAP_PAGE_SIZE,
            )
        )
        entries += ldap_search_paged(
            connection,
            base=settings.LDAP_GROUP_BASE_DN,
            filterstr=groups,
            attrs=attrs,
            page_size=settings.LDAP_PAGE_SIZE,
        )
    except ldap.LDAPError as exc:
        raise DirectoryUnavailable(f"LDAP search failed: {type(exc).__name__}") from exc
    finally:
        connection.unbind_s()
    return entries


def ldif_read(*, path: Path) -> list[RawEntry]:
    """All records of an LDIF file, read with python-ldap's parser (no server)."""
    with path.open("rb") as handle:
        parser = ldif.LDIFRecordList(handle)
        parser.parse()
    return [(dn, entry) for dn, entry in parser.all_records]
