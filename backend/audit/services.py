"""Appending to the audit log: the only way an AuditEvent is written."""

import ipaddress
import logging
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, User
from django.db import models, transaction
from django.utils import timezone

from audit.hashing import GENESIS_HASH, event_hash, normalise_data
from audit.models import AuditChainHead, AuditEvent
from directory.models import Person
from documents.models import Document

logger = logging.getLogger(__name__)

ACTION_MAX_LENGTH = 64


def _locked_head() -> AuditChainHead:
    """The chain head, locked until the surrounding transaction ends.

    The row is created on first use (and again after a test flush); inserting with
    ignore_conflicts lets two first writers race without an error.
    """
    head = AuditChainHead.objects.select_for_update().filter(pk=AuditChainHead.SINGLETON_ID).first()
    if head is None:
        AuditChainHead.objects.bulk_create([AuditChainHead()], ignore_conflicts=True)
        head = AuditChainHead.objects.select_for_update().get(pk=AuditChainHead.SINGLETON_ID)
    return head


def _actor_name(actor: AbstractBaseUser | None) -> str:
    if actor is None:
        return ""
    name = Person.objects.filter(user_id=actor.pk).values_list("name", flat=True).first()
    if name:
        return name
    if isinstance(actor, User) and actor.get_full_name():
        return actor.get_full_name()
    return actor.get_username()


def _normalise_address(value: str | None) -> str | None:
    """The address as the database returns it, so the hash survives the round trip."""
    if not value:
        return None
    address = ipaddress.ip_address(value.strip())
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def _target(target: models.Model | None) -> tuple[str, str]:
    if target is None:
        return "", ""
    return target._meta.label_lower, str(target.pk)


def audit_record(
    *,
    action: str,
    actor: AbstractBaseUser | None,
    document: Document | None = None,
    version_hash: str = "",
    client_address: str | None = None,
    data: dict[str, Any] | None = None,
    target: models.Model | None = None,
    actor_name: str | None = None,
) -> AuditEvent:
    """Append one event to the chain and return it.

    `action` is a dotted name ("document.submitted", "step.approved"); `target` names
    the object acted on when it is not the document itself (a step, a rule).
    `actor_name` is the name to record when the caller has it at hand; without it,
    the actor's Person (or user) is looked up.
    The event joins the caller's transaction: if that rolls back, the event and its
    sequence number go with it, so the numbers stay gapless. Appends are serialised
    by a row lock on the chain head, held until the caller's transaction commits:
    call it late in the action, after the action's own row locks.
    Raises ValueError for an empty or over-long action or an invalid address.
    """
    if not action or len(action) > ACTION_MAX_LENGTH:
        raise ValueError("an audit action is a dotted name of 1 to 64 characters")
    address = _normalise_address(client_address)
    object_type, object_id = _target(target)
    payload = normalise_data(data)
    if actor is None:
        actor_name = ""
    elif not actor_name:
        actor_name = _actor_name(actor)
    # No savepoint: an error here fails the caller's action anyway, and two round
    # trips fewer matter on a path every action takes.
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        event = AuditEvent(
            sequence=head.last_sequence + 1,
            created_at=timezone.now(),
            actor_id=actor.pk if actor is not None else None,
            actor_name=actor_name,
            action=action,
            document=document,
            object_type=object_type,
            object_id=object_id,
            version_hash=version_hash,
            client_address=address,
            data=payload,
            prev_hash=head.last_hash or GENESIS_HASH,
        )
        event.hash = event_hash(event.chain_fields())
        event.save(force_insert=True)
        head.last_sequence = event.sequence
        head.last_hash = event.hash
        head.save(update_fields=["last_sequence", "last_hash"])
    logger.debug("audit event %s recorded: %s", event.sequence, action)
    return event
