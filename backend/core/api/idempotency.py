"""`Idempotency-Key` on action endpoints: reading the header and replaying the answer.

What is stored and when a key is refused: core.idempotency.
"""

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from core.idempotency import idempotent_result

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255


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
