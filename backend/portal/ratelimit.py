"""A cache-based rate limit for the portal's anonymous forms (requests, verification).

Rule: at most N submissions per client address within a window; the address is
hashed before it becomes a cache key, so the cache holds no address.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from core.request import client_address

_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """Read a rate such as "5/hour" (5, 3600) or "30/min" (30, 60)."""
    count, _, period = rate.partition("/")
    return int(count), _UNITS[period.strip().lower()]


def rate_limited(request: HttpRequest, *, scope: str, rate: str) -> bool:
    """Count one submission of ``scope`` from this client; True once over the rate."""
    limit, window = parse_rate(rate)
    address = client_address(request) or "unknown"
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    key = f"portal:rate:{scope}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        # The entry expired between add and incr: this is the window's first hit.
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
