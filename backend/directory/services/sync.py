"""Sync the directory into the database: from LDAP, or from an LDIF file (embedded)."""

import logging
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password

from directory.events import people_moved_announce
from directory.models import Person
from directory.services.apply import SyncResult, snapshot_apply
from directory.services.config import DirectoryConfig, directory_config
from directory.services.entries import RawEntry, snapshot_build
from directory.services.sources import ldap_read, ldif_read

logger = logging.getLogger(__name__)


class DirectoryEmpty(Exception):
    """The directory returned nobody while the database has people: refuse to apply.

    A wrong base DN or filter looks exactly like everyone leaving; deactivating the
    whole organisation by mistake is worse than not syncing.
    """


def _apply(
    *, config: DirectoryConfig, entries: list[RawEntry], password_hash: str, allow_empty: bool
) -> SyncResult:
    snapshot = snapshot_build(config, entries)
    if not snapshot.people and not allow_empty and Person.objects.filter(active=True).exists():
        raise DirectoryEmpty("The directory has no people; check LDAP_UNIT_BASE_DN and filters.")
    result = snapshot_apply(config=config, snapshot=snapshot, password_hash=password_hash)
    if result.moved_or_left:
        # After the sync's own transaction: reassigning takes each document's flow lock,
        # which must not nest inside the directory-wide one.
        people_moved_announce(person_ids=sorted(result.moved_or_left))
    # Counts only: the log must not carry personal data.
    logger.info(
        "directory sync: units +%d ~%d -%d, people +%d ~%d -%d, skipped %d, problems %d",
        result.units.created,
        result.units.updated,
        result.units.deactivated,
        result.people.created,
        result.people.updated,
        result.people.deactivated,
        result.people.skipped + result.units.skipped,
        len(result.problems),
    )
    return result


def directory_sync(*, allow_empty: bool = False) -> SyncResult:
    """Sync from the LDAP server of settings.LDAP_SERVER_URI; users log in through LDAP,
    so the users it creates have no usable local password."""
    config = directory_config()
    entries = ldap_read(config=config)
    return _apply(
        config=config, entries=entries, password_hash=make_password(None), allow_empty=allow_empty
    )


def directory_load_ldif(
    *, path: Path | None = None, password: str | None = None, allow_empty: bool = False
) -> SyncResult:
    """Load an LDIF file through the same apply code (the embedded default without LDAP).

    New users get `password` (settings.DEMO_PASSWORD by default; none usable when
    that is empty), hashed once and reused: hashing 1,500 times would take minutes.
    """
    config = directory_config()
    entries = ldif_read(path=path or settings.DIRECTORY_LDIF_PATH)
    secret = password if password is not None else settings.DEMO_PASSWORD
    # No password configured (production has no default): unusable, never the empty one.
    password_hash = make_password(secret or None)
    return _apply(
        config=config, entries=entries, password_hash=password_hash, allow_empty=allow_empty
    )
