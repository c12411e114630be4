"""How the directory is laid out: bases, object classes, attributes and mappings.

Everything comes from settings (the LDAP_* variables of docs/operations/ldap.md), so a
directory laid out differently is synced by configuration alone.
"""

import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from directory.models import Rank, Role, UnitKind
from directory.services.dn import dn_normalize


@dataclass(frozen=True)
class DirectoryConfig:
    """The layout the sync reads; DNs are kept normalised (see dn_normalize)."""

    unit_base: str
    group_base: str
    person_class: str
    unit_class: str
    group_class: str
    person_attrs: dict[str, str]
    unit_attrs: dict[str, str]
    group_member_attr: str
    group_name_attr: str
    title_ranks: dict[str, int]
    group_roles: dict[str, str]
    unit_kinds: dict[str, str] = field(default_factory=dict)


def parse_mapping(value: str, *, setting: str) -> dict[str, str]:
    """Read "key=value,key=value" or a JSON object; keys are kept as written."""
    text = value.strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            loaded: Any = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImproperlyConfigured(f"{setting} is not valid JSON: {exc}") from exc
        if not isinstance(loaded, dict):
            raise ImproperlyConfigured(f"{setting} must be a JSON object.")
        return {str(key): str(item) for key, item in loaded.items()}
    mapping: dict[str, str] = {}
    for pair in text.split(","):
        key, sep, item = pair.partition("=")
        if not sep or not key.strip() or not item.strip():
            raise ImproperlyConfigured(f"{setting}: {pair!r} is not key=value.")
        mapping[key.strip()] = item.strip()
    return mapping


def parse_rank(value: str, *, setting: str) -> int:
    """A rank is a Rank member name (TEAM_LEADER) or its number (100)."""
    if value.isdigit() and int(value) in Rank.values:
        return int(value)
    try:
        return int(Rank[value.upper()])
    except KeyError:
        raise ImproperlyConfigured(f"{setting}: {value!r} is not a rank.") from None


def _choices(mapping: dict[str, str], allowed: list[str], *, setting: str) -> dict[str, str]:
    for key, value in mapping.items():
        if value not in allowed:
            raise ImproperlyConfigured(f"{setting}: {key}={value!r} is not one of {allowed}.")
    return mapping


def directory_config() -> DirectoryConfig:
    """The layout from the current settings (read at call time so tests can override)."""
    ranks = parse_mapping(settings.LDAP_TITLE_RANKS, setting="LDAP_TITLE_RANKS")
    roles = parse_mapping(settings.LDAP_GROUP_ROLES, setting="LDAP_GROUP_ROLES")
    kinds = parse_mapping(settings.LDAP_UNIT_KINDS, setting="LDAP_UNIT_KINDS")
    return DirectoryConfig(
        unit_base=dn_normalize(settings.LDAP_UNIT_BASE_DN),
        group_base=dn_normalize(settings.LDAP_GROUP_BASE_DN),
        person_class=settings.LDAP_PERSON_OBJECT_CLASS.lower(),
        unit_class=settings.LDAP_UNIT_OBJECT_CLASS.lower(),
        group_class=settings.LDAP_GROUP_OBJECT_CLASS.lower(),
        person_attrs=dict(settings.LDAP_PERSON_ATTRIBUTES),
        unit_attrs=dict(settings.LDAP_UNIT_ATTRIBUTES),
        group_member_attr=settings.LDAP_GROUP_MEMBER_ATTRIBUTE,
        group_name_attr=settings.LDAP_GROUP_NAME_ATTRIBUTE,
        title_ranks={
            title: parse_rank(rank, setting="LDAP_TITLE_RANKS") for title, rank in ranks.items()
        },
        group_roles={
            name.lower(): role
            for name, role in _choices(roles, Role.values, setting="LDAP_GROUP_ROLES").items()
        },
        unit_kinds=_choices(kinds, UnitKind.values, setting="LDAP_UNIT_KINDS"),
    )
