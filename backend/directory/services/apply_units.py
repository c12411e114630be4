"""Apply the units of a snapshot: create, update, re-parent, deactivate (never delete)."""

from dataclasses import dataclass, field

from django.utils import timezone

from directory.models import Unit
from directory.services.dn import dn_normalize
from directory.services.entries import UnitEntry

UNIT_FIELDS = ["code", "name", "name_en", "kind", "phone", "address", "ldap_dn", "active"]
BATCH = 500


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    skipped: int = 0


@dataclass
class UnitsApplied:
    by_key: dict[str, Unit] = field(default_factory=dict)
    counts: Counts = field(default_factory=Counts)
    created_ids: set[int] = field(default_factory=set)
    updated_ids: set[int] = field(default_factory=set)


def _set(row: object, values: dict[str, object]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _values(entry: UnitEntry) -> dict[str, object]:
    return {
        "code": entry.code,
        "name": entry.name,
        "name_en": entry.name_en,
        "kind": entry.kind,
        "phone": entry.phone,
        "address": entry.address,
        "ldap_dn": entry.dn,
        "active": True,
    }


def _match(entries: list[UnitEntry], rows: list[Unit]) -> dict[str, Unit]:
    """Entry key -> existing row, by code first (a moved unit keeps its code), then DN."""
    by_code = {row.code: row for row in rows}
    by_dn = {dn_normalize(row.ldap_dn): row for row in rows if row.ldap_dn}
    codes = {entry.code for entry in entries}
    matched: dict[str, Unit] = {}
    for entry in entries:
        row = by_code.get(entry.code)
        if row is None:
            candidate = by_dn.get(entry.key)
            if candidate is not None and candidate.code not in codes:
                row = candidate
        if row is not None:
            matched[entry.key] = row
    return matched


def _deactivate(rows: list[Unit], matched_ids: set[int], claimed: set[str]) -> int:
    """Deactivate the units no longer in the directory; returns how many."""
    now = timezone.now()
    leaving, count = [], 0
    for row in rows:
        if row.pk in matched_ids:
            continue
        released = bool(row.ldap_dn) and dn_normalize(row.ldap_dn or "") in claimed
        if row.active or released:
            count += int(row.active)
            row.active, row.updated_at = False, now
            row.ldap_dn = None if released else row.ldap_dn
            leaving.append(row)
    # Before the updates: a unit that left may hold a DN a moved unit now takes.
    Unit.objects.bulk_update(leaving, ["active", "ldap_dn", "updated_at"], batch_size=BATCH)
    return count


def units_apply(*, entries: list[UnitEntry], skipped: int) -> UnitsApplied:
    """Make the Unit rows mirror the entries; rows not in the entries are deactivated."""
    result = UnitsApplied(counts=Counts(skipped=skipped))
    rows = list(Unit.objects.all())
    matched = _match(entries, rows)
    claimed = {entry.key for entry in entries}
    result.counts.deactivated = _deactivate(rows, {row.pk for row in matched.values()}, claimed)
    now = timezone.now()
    changed: dict[int, Unit] = {}
    new: list[Unit] = []
    for entry in entries:
        existing = matched.get(entry.key)
        if existing is None:
            existing = Unit(**_values(entry))
            new.append(existing)
        elif _set(existing, _values(entry)):
            changed[existing.pk] = existing
        result.by_key[entry.key] = existing
    Unit.objects.bulk_create(new, batch_size=BATCH)
    result.counts.created = len(new)
    _parents(entries, result.by_key, changed)
    for row in changed.values():
        row.updated_at = now
    fields = [*UNIT_FIELDS, "parent", "depth", "updated_at"]
    Unit.objects.bulk_update(list(changed.values()), fields, batch_size=BATCH)
    result.created_ids = {row.pk for row in new}
    result.updated_ids = changed.keys() - result.created_ids
    result.counts.updated = len(result.updated_ids)
    return result


def _parents(entries: list[UnitEntry], by_key: dict[str, Unit], changed: dict[int, Unit]) -> None:
    """Set parent and depth from the DN tree; entries come parents first."""
    for entry in entries:
        row = by_key[entry.key]
        parent = by_key.get(entry.parent_key)
        depth = parent.depth + 1 if parent is not None else 0
        if row.parent_id != (parent.pk if parent else None) or row.depth != depth:
            row.parent, row.depth = parent, depth
            changed[row.pk] = row


def unit_heads_apply(*, by_key: dict[str, Unit], heads: dict[str, int | None]) -> set[int]:
    """Record which position heads each unit; returns the ids of the units changed."""
    changed = []
    for key, row in by_key.items():
        position_id = heads.get(key)
        if row.head_position_id != position_id:
            row.head_position_id = position_id
            changed.append(row)
    Unit.objects.bulk_update(changed, ["head_position"], batch_size=BATCH)
    return {row.pk for row in changed}
