"""Turn raw directory entries (from LDAP or an LDIF file) into a checked snapshot.

The sync reads everything first and applies it afterwards, so nothing half-applies.
Awkward entries are reported and skipped, never fatal: an entry missing a required
attribute, a person outside any unit, a duplicate key, a group member that does not
exist. Reports name the entry's DN and never its personal attributes.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from directory.models import UnitKind
from directory.services.config import DirectoryConfig
from directory.services.dn import dn_is_within, dn_normalize, dn_parent

RawEntry = tuple[str, dict[str, list[bytes]]]


@dataclass(frozen=True)
class Problem:
    kind: str
    dn: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.dn}: {self.detail}"


@dataclass(frozen=True)
class UnitEntry:
    dn: str
    key: str
    parent_key: str
    code: str
    name: str
    name_en: str
    kind: str
    phone: str
    address: str


@dataclass(frozen=True)
class PersonEntry:
    dn: str
    key: str
    unit_key: str
    username: str
    employee_number: str
    name: str
    family_name: str
    given_name: str
    email: str
    phone: str
    title: str


@dataclass(frozen=True)
class GroupEntry:
    dn: str
    role: str
    member_keys: tuple[str, ...]


@dataclass
class Snapshot:
    """What the directory holds, checked; the apply step trusts it."""

    units: list[UnitEntry] = field(default_factory=list)
    people: list[PersonEntry] = field(default_factory=list)
    groups: list[GroupEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_units: int = 0
    skipped_people: int = 0


class _Attrs:
    """Case-insensitive access to an entry's attributes, decoded as UTF-8."""

    def __init__(self, attrs: dict[str, list[bytes]]) -> None:
        self._attrs = {name.lower(): values for name, values in attrs.items()}

    def all(self, name: str) -> list[str]:
        return [value.decode("utf-8", "replace") for value in self._attrs.get(name.lower(), [])]

    def first(self, name: str) -> str:
        values = self.all(name)
        return values[0].strip() if values else ""

    def classes(self) -> set[str]:
        return {value.lower() for value in self.all("objectClass")}


def snapshot_build(config: DirectoryConfig, raw_entries: Iterable[RawEntry]) -> Snapshot:
    """Classify and check every entry; units first, since people belong to them."""
    snapshot = Snapshot()
    units: list[tuple[str, str, _Attrs]] = []
    people: list[tuple[str, str, _Attrs]] = []
    groups: list[tuple[str, str, _Attrs]] = []
    for dn, raw in raw_entries:
        try:
            key = dn_normalize(dn)
        except ValueError:
            snapshot.problems.append(Problem("malformed_dn", dn, "the DN cannot be parsed"))
            continue
        attrs = _Attrs(raw)
        classes = attrs.classes()
        in_groups = dn_is_within(key, config.group_base)
        if config.group_class in classes and in_groups:
            groups.append((dn, key, attrs))
        elif in_groups or not dn_is_within(key, config.unit_base):
            continue
        elif config.person_class in classes:
            people.append((dn, key, attrs))
        elif config.unit_class in classes and key != config.unit_base:
            units.append((dn, key, attrs))
    _units(config, snapshot, units)
    _people(config, snapshot, people)
    _groups(config, snapshot, groups)
    return snapshot


def _unit_kind(config: DirectoryConfig, value: str) -> str:
    if value in UnitKind.values:
        return value
    return config.unit_kinds.get(value, UnitKind.OTHER)


def _units(
    config: DirectoryConfig, snapshot: Snapshot, found: list[tuple[str, str, _Attrs]]
) -> None:
    names = config.unit_attrs
    codes: set[str] = set()
    # Parents before children, so a skipped parent can be seen when its child comes.
    for dn, key, attrs in sorted(found, key=lambda item: item[1].count(",")):
        name = attrs.first(names["name"])
        # A unit without a code gets a stable one from its DN, so it can still be synced.
        code = attrs.first(names["code"]) or "DN-" + hashlib.sha1(key.encode()).hexdigest()[:12]  # noqa: S324
        if not name:
            problem = Problem("missing_attribute", dn, f"no {names['name']}: unit skipped")
        elif code in codes:
            problem = Problem("duplicate", dn, f"unit code {code} is used twice: unit skipped")
        else:
            codes.add(code)
            snapshot.units.append(
                UnitEntry(
                    dn=dn,
                    key=key,
                    parent_key=dn_parent(key),
                    code=code[:32],
                    name=name[:200],
                    name_en=attrs.first(names["name_en"])[:200],
                    kind=_unit_kind(config, attrs.first(names["kind"])),
                    phone=attrs.first(names["phone"])[:40],
                    address=attrs.first(names["address"]).replace("$", " ")[:300],
                )
            )
            continue
        snapshot.problems.append(problem)
        snapshot.skipped_units += 1


def _person_problem(
    config: DirectoryConfig, attrs: _Attrs, key: str, unit_keys: set[str], seen: set[str]
) -> str | None:
    names = config.person_attrs
    for field_name in ("username", "employee_number"):
        if not attrs.first(names[field_name]):
            return f"no {names[field_name]}: person skipped"
    if not (attrs.first(names["name"]) or attrs.first(names["common_name"])):
        return f"no {names['name']} or {names['common_name']}: person skipped"
    if dn_parent(key) not in unit_keys:
        return "the entry that contains it is not a synced unit: person skipped"
    for field_name in ("username", "employee_number"):
        marker = f"{field_name}:{attrs.first(names[field_name]).lower()}"
        if marker in seen:
            return f"{names[field_name]} is used twice: person skipped"
    return None


def _person_entry(config: DirectoryConfig, dn: str, key: str, attrs: _Attrs) -> PersonEntry:
    names = config.person_attrs
    return PersonEntry(
        dn=dn,
        key=key,
        unit_key=dn_parent(key),
        username=attrs.first(names["username"])[:150],
        employee_number=attrs.first(names["employee_number"])[:32],
        name=(attrs.first(names["name"]) or attrs.first(names["common_name"]))[:100],
        family_name=attrs.first(names["family_name"])[:150],
        given_name=attrs.first(names["given_name"])[:150],
        email=attrs.first(names["email"])[:254],
        phone=attrs.first(names["phone"])[:40],
        title=attrs.first(names["title"])[:100],
    )


def person_entry_parse(
    config: DirectoryConfig, dn: str, attrs: dict[str, list[bytes]], unit_keys: set[str]
) -> PersonEntry | Problem:
    """One person entry checked on its own (the login path), or the reason it is not."""
    key = dn_normalize(dn)
    problem = _person_problem(config, _Attrs(attrs), key, unit_keys, set())
    if problem:
        return Problem("skipped", dn, problem)
    return _person_entry(config, dn, key, _Attrs(attrs))


def _people(
    config: DirectoryConfig, snapshot: Snapshot, found: list[tuple[str, str, _Attrs]]
) -> None:
    unit_keys = {unit.key for unit in snapshot.units}
    seen: set[str] = set()
    for dn, key, attrs in found:
        problem = _person_problem(config, attrs, key, unit_keys, seen)
        if problem:
            snapshot.problems.append(Problem("skipped", dn, problem))
            snapshot.skipped_people += 1
            continue
        entry = _person_entry(config, dn, key, attrs)
        seen.update(
            {
                f"username:{entry.username.lower()}",
                f"employee_number:{entry.employee_number.lower()}",
            }
        )
        snapshot.people.append(entry)


def _groups(
    config: DirectoryConfig, snapshot: Snapshot, found: list[tuple[str, str, _Attrs]]
) -> None:
    people = {person.key for person in snapshot.people}
    for dn, _key, attrs in found:
        role = config.group_roles.get(attrs.first(config.group_name_attr).lower())
        if role is None:
            continue  # a group that maps to no role is none of Dojang's business
        members: list[str] = []
        for member in attrs.all(config.group_member_attr):
            try:
                member_key = dn_normalize(member)
            except ValueError:
                member_key = ""
            if member_key in people:
                members.append(member_key)
            else:
                detail = f"member {member} is not a synced person: ignored"
                snapshot.problems.append(Problem("unknown_member", dn, detail))
        snapshot.groups.append(GroupEntry(dn=dn, role=role, member_keys=tuple(members)))
