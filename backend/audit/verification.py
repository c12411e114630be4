"""Checking the audit chain from its first event to its head.

Each event must carry the next sequence number, name the previous event's hash as
its prev_hash, and hash to its stored hash; the chain head must name the last event.
The first failure is reported with the sequence number where the chain breaks.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction

from audit.hashing import GENESIS_HASH, event_hash
from audit.models import AuditChainHead, AuditEvent


@dataclass(frozen=True)
class ChainReport:
    """The outcome: `checked` events were read; `broken_at` is None when the chain is whole."""

    checked: int
    broken_at: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def _events(chunk_size: int) -> Iterator[AuditEvent]:
    # Streamed in sequence order: the whole log is never held in memory.
    return AuditEvent.objects.order_by("sequence").iterator(chunk_size=chunk_size)


def _check_event(event: AuditEvent, expected: int, prev_hash: str) -> str:
    """What is wrong with `event` as the `expected`-th link, or "" when nothing."""
    if event.sequence != expected:
        if event.sequence > expected:
            return f"event {expected} is missing (the next event is {event.sequence})"
        return f"sequence {event.sequence} is out of order (expected {expected})"
    if event.prev_hash != prev_hash:
        return "prev_hash does not match the previous event's hash"
    if event_hash(event.chain_fields()) != event.hash:
        return "the content does not match its hash (the row was changed)"
    return ""


def _check_head(
    head: AuditChainHead | None, last_sequence: int, last_hash: str
) -> ChainReport | None:
    """Compare the chain head with the last event read: catches a removed or forged tail."""
    head_sequence = head.last_sequence if head else 0
    if head is None and last_sequence == 0:
        return None
    if head is None:
        problem, broken_at = "the chain head row is missing", last_sequence
    elif head_sequence > last_sequence:
        problem = f"events {last_sequence + 1} to {head_sequence} are missing from the end"
        broken_at = last_sequence + 1
    elif head_sequence < last_sequence:
        problem = f"events after {head_sequence} were added outside audit_record"
        broken_at = head_sequence + 1
    elif head.last_hash != last_hash:
        problem, broken_at = "the chain head names another hash for the last event", last_sequence
    else:
        return None
    return ChainReport(checked=last_sequence, broken_at=broken_at, problem=problem)


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of head and events while appends go on.

    An outermost transaction is made REPEATABLE READ, so the head and every streamed
    event come from the same snapshot.
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def audit_chain_verify(*, chunk_size: int | None = None) -> ChainReport:
    """Recompute the whole chain and report the first broken link, if any."""
    size = chunk_size or settings.AUDIT_VERIFY_CHUNK_SIZE
    expected, prev_hash = 1, GENESIS_HASH
    with _snapshot():
        head = AuditChainHead.objects.filter(pk=AuditChainHead.SINGLETON_ID).first()
        for event in _events(size):
            problem = _check_event(event, expected, prev_hash)
            if problem:
                return ChainReport(checked=expected - 1, broken_at=expected, problem=problem)
            expected += 1
            prev_hash = event.hash
    return _check_head(head, expected - 1, prev_hash) or ChainReport(checked=expected - 1)
