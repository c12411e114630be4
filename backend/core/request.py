"""The client address of a request, as the audit log records it."""

import ipaddress
from typing import Protocol

from django.conf import settings


class _HasMeta(Protocol):
    META: dict[str, object]


def _valid(value: str) -> str | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def client_address(request: _HasMeta) -> str | None:
    """The address of the client that sent `request`, or None when it is not known.

    REMOTE_ADDR is the peer of this process. Only when AUDIT_TRUSTED_PROXY_COUNT says
    that many reverse proxies sit in front of us is X-Forwarded-For read: each proxy
    appends the address it received from, so the client is the entry that many places
    from the right. Entries further left were written by the client and can be forged,
    so they are never used.
    """
    proxies: int = getattr(settings, "AUDIT_TRUSTED_PROXY_COUNT", 0)
    remote = _valid(str(request.META.get("REMOTE_ADDR") or ""))
    if proxies <= 0:
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    hops = [hop for hop in (part.strip() for part in forwarded.split(",")) if hop]
    if len(hops) < proxies:
        # Fewer hops than proxies: the request did not come through them all.
        return remote
    return _valid(hops[-proxies])
