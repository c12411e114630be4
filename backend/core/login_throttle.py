"""How failed logins slow down whoever makes them, without locking the owner out.

Rules (every number is a setting, documented in docs/operations/configuration.md):
- a username tried from one client address (the pair) has LOGIN_FREE_FAILURES
  failures free; each failure after those makes the pair wait before its next try,
  doubling from LOGIN_DELAY_BASE_SECONDS up to LOGIN_DELAY_MAX_SECONDS;
- one client address stops after LOGIN_FAILURES_PER_ADDRESS failures on any
  usernames within LOGIN_FAILURE_WINDOW_SECONDS (guessing many accounts);
- one username stops after LOGIN_FAILURES_PER_USERNAME failures from all addresses
  within the window: a ceiling far above what one address can reach under the
  delays, so only a wide, distributed attack can make the owner wait;
- a successful login clears its pair.

An attacker guessing the owner's password from their own address therefore slows
only themselves: the owner, from another address, logs in as before. Counters live
in the cache under hashed keys (no username or address is stored); with several web
processes the cache must be shared (CACHE_URL).
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class _Keys:
    pair: str
    pair_wait: str
    username: str
    address: str


def _digest(value: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


def _keys(*, username: str, address: str) -> _Keys:
    name = _digest(username.strip().lower())
    place = _digest(address)
    return _Keys(
        pair=f"login:pair:{name}:{place}",
        pair_wait=f"login:wait:{name}:{place}",
        username=f"login:user:{name}",
        address=f"login:addr:{place}",
    )


def login_wait_seconds(*, username: str, address: str) -> int | None:
    """Seconds the next login of `username` from `address` must wait; None when it may try."""
    keys = _keys(username=username, address=address)
    found = cache.get_many([keys.pair_wait, keys.username, keys.address])
    window: int = settings.LOGIN_FAILURE_WINDOW_SECONDS
    if found.get(keys.username, 0) >= settings.LOGIN_FAILURES_PER_USERNAME:
        return window
    if found.get(keys.address, 0) >= settings.LOGIN_FAILURES_PER_ADDRESS:
        return window
    until = found.get(keys.pair_wait)
    if until is not None:
        left = int(until - time.time()) + 1
        if left > 0:
            return left
    return None


def _count(key: str, *, timeout: int) -> int:
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr: this is the window's first
        cache.add(key, 1, timeout=timeout)
        return 1


def login_delay_seconds(failures: int) -> int:
    """The wait after the pair's `failures`-th failure: 0 while free, then doubling."""
    over = failures - settings.LOGIN_FREE_FAILURES
    if over <= 0:
        return 0
    base: int = settings.LOGIN_DELAY_BASE_SECONDS
    ceiling: int = settings.LOGIN_DELAY_MAX_SECONDS
    return int(min(ceiling, base * 2 ** min(over - 1, 30)))


def login_failure_record(*, username: str, address: str) -> None:
    """Count one failed login against its pair, its username and its address."""
    keys = _keys(username=username, address=address)
    window: int = settings.LOGIN_FAILURE_WINDOW_SECONDS
    _count(keys.username, timeout=window)
    _count(keys.address, timeout=window)
    failures = _count(keys.pair, timeout=max(window, settings.LOGIN_DELAY_MAX_SECONDS))
    delay = login_delay_seconds(failures)
    if delay:
        cache.set(keys.pair_wait, time.time() + delay, timeout=delay)


def login_success_record(*, username: str, address: str) -> None:
    """The owner got in from here: this pair starts again with its free failures."""
    keys = _keys(username=username, address=address)
    cache.delete_many([keys.pair, keys.pair_wait])
