"""The canonical serialisation and SHA-256 of an audit event.

The hash covers, in this order: sequence, created_at (UTC, ISO 8601 with
microseconds), actor id, action, document id, object type and id, version hash,
client address, data and the previous event's hash. The serialisation is JSON with
sorted keys, no insignificant whitespace and UTF-8 text, so anyone can recompute it
from an export of the table. Changing it breaks every existing chain: never do.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class ChainFields:
    """What the hash of one event covers."""

    sequence: int
    created_at: datetime
    actor_id: int | None
    action: str
    document_id: int | None
    object_type: str
    object_id: str
    version_hash: str
    client_address: str | None
    data: Any
    prev_hash: str


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def normalise_data(data: dict[str, Any] | None) -> dict[str, Any]:
    """The data as it reads back from the database (a JSON round trip).

    Dates, decimals and UUIDs become strings here, before hashing, so the stored
    value and the hashed value are the same thing.
    """
    if not data:
        return {}
    result: dict[str, Any] = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    return result


def event_hash(fields: ChainFields) -> str:
    created = fields.created_at.astimezone(UTC).isoformat(timespec="microseconds")
    payload = [
        fields.sequence,
        created,
        fields.actor_id,
        fields.action,
        fields.document_id,
        fields.object_type,
        fields.object_id,
        fields.version_hash,
        fields.client_address,
        fields.data,
        fields.prev_hash,
    ]
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()
