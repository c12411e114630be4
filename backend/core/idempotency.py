"""The store behind `Idempotency-Key`: a retried action acts once.

The header itself is read at the API (core.api.idempotency); this module keeps the
answers, so a service that acts in several steps (a bulk approval) can key each.

A client that may resend an action (a flaky network, a double click) sends a unique
key with it. The first request runs and its answer (status and body) is stored with
the key; a replay by the same user to the same endpoint within
IDEMPOTENCY_KEY_TTL_HOURS gets that answer back, marked `Idempotent-Replayed: true`,
and nothing is done again. Two requests with one key at the same moment meet at the
key's unique index: the second waits for the first and then replays its answer.
A key reused for another endpoint is refused with 409, and one reused on the same
endpoint with another body with 422 (replaying would answer a request that was
never run); bodies are compared as canonical JSON, so key order and spacing do not
matter. A failed action stores nothing (its transaction, key included, rolls
back), so it can be retried.

Only the approval actions (api/tasks/) take the header so far. A bulk approval
claims its key for the whole request (idempotency_key_claim) and runs each task under
a key of its own derived from it, so a replay of a half-done batch acts only on the
tasks it had not reached.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import ConflictError, IdempotencyKeyReusedError
from core.models import IdempotencyKey


def _ttl() -> timedelta:
    return timedelta(hours=settings.IDEMPOTENCY_KEY_TTL_HOURS)


def _check_same(stored: IdempotencyKey, endpoint: str, request_hash: str) -> None:
    if stored.endpoint != endpoint:
        raise ConflictError(_("This Idempotency-Key was already used for another request."))
    if stored.request_hash and stored.request_hash != request_hash:
        raise IdempotencyKeyReusedError


def idempotent_result(
    *,
    user_id: int,
    key: str,
    endpoint: str,
    request_hash: str,
    produce: Callable[[], tuple[int, Any]],
) -> tuple[int, Any, bool]:
    """Run `produce` (which answers a status and a JSON body) once per (user, key).

    Returns the status, the body and whether it was replayed. `produce` runs in the
    key's transaction: if it raises, nothing is stored and the key can be used again.
    """
    with transaction.atomic():
        IdempotencyKey.objects.filter(
            user_id=user_id, key=key, created_at__lt=timezone.now() - _ttl()
        ).delete()
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(
                    user_id=user_id,
                    key=key,
                    endpoint=endpoint,
                    request_hash=request_hash,
                    response_status=0,
                )
        except IntegrityError:
            stored = IdempotencyKey.objects.get(user_id=user_id, key=key)
            _check_same(stored, endpoint, request_hash)
            return stored.response_status, stored.response_body, True
        status, body = produce()
        record.response_status = status
        record.response_body = body
        record.save(update_fields=["response_status", "response_body"])
    return status, body, False


def idempotency_key_claim(*, user_id: int, key: str, endpoint: str, request_hash: str) -> None:
    """Record (user, key) for a request at once, in a transaction of its own.

    For a request that acts in several transactions (a bulk approval: one per task,
    each under a key of its own): the key is refused like a replay's when it was used
    for another endpoint (409) or another body (422), and kept otherwise.
    """
    idempotent_result(
        user_id=user_id,
        key=key,
        endpoint=endpoint,
        request_hash=request_hash,
        produce=lambda: (202, None),
    )


def idempotency_keys_purge(*, now: datetime | None = None) -> int:
    """Delete the keys older than the replay window; returns how many."""
    cutoff = (now or timezone.now()) - _ttl()
    deleted, _by_model = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
