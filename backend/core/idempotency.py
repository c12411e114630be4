"""`Idempotency-Key` for action endpoints: a retried request acts once.

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

import hashlib
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from core.errors import ConflictError, IdempotencyKeyReusedError
from core.models import IdempotencyKey

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255


def _ttl() -> timedelta:
    return timedelta(hours=settings.IDEMPOTENCY_KEY_TTL_HOURS)


def idempotency_key_of(request: Request) -> str | None:
    key = (request.headers.get(HEADER) or "").strip()
    if not key:
        return None
    if len(key) > MAX_KEY_LENGTH:
        raise ValidationError({HEADER: [_("The key is longer than 255 characters.")]})
    return key


def request_hash_of(request: Request) -> str:
    """SHA-256 of the body as canonical JSON (sorted keys, no spacing)."""
    data = request.data
    if isinstance(data, QueryDict):
        data = dict(data.lists())
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


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


def idempotent_response(request: Request, produce: Callable[[], Response]) -> Response:
    """Run `produce` once per (user, Idempotency-Key); without a key, just run it."""
    key = idempotency_key_of(request)
    if key is None:
        return produce()
    user_id = request.user.pk
    if user_id is None:
        raise ValueError("an idempotent action needs an authenticated user")

    produced: list[Response] = []

    def run() -> tuple[int, Any]:
        produced.append(produce())
        return produced[0].status_code, produced[0].data

    status, body, replayed = idempotent_result(
        user_id=user_id,
        key=key,
        endpoint=f"{request.method} {request.path}"[:300],
        request_hash=request_hash_of(request),
        produce=run,
    )
    if not replayed:
        return produced[0]
    response = Response(body, status=status)
    response[REPLAYED_HEADER] = "true"
    return response


def idempotency_keys_purge(*, now: datetime | None = None) -> int:
    """Delete the keys older than the replay window; returns how many."""
    cutoff = (now or timezone.now()) - _ttl()
    deleted, _by_model = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
