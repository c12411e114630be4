"""Authentication services shared by the session and token endpoints."""

import hashlib

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed


def _failure_counters(*, username: str, address: str) -> list[tuple[str, int]]:
    """Cache keys and limits of the failed-login counters (hashed: no names in the cache)."""
    name = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    place = hashlib.sha256(address.encode()).hexdigest()[:32]
    return [
        (f"login-failures:user:{name}", settings.LOGIN_FAILURES_PER_USERNAME),
        (f"login-failures:addr:{place}", settings.LOGIN_FAILURES_PER_ADDRESS),
    ]


def login_is_throttled(*, username: str, address: str) -> bool:
    """True once a username or a client address has failed too often in the window.

    Counting failures, not attempts, keeps busy offices behind one address working
    while guessing one account's password from many addresses is still stopped.
    """
    counters = _failure_counters(username=username, address=address)
    counts = cache.get_many([key for key, _limit in counters])
    return any(counts.get(key, 0) >= limit for key, limit in counters)


def login_failure_record(*, username: str, address: str) -> None:
    for key, _limit in _failure_counters(username=username, address=address):
        if not cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def user_authenticate(
    *, request: HttpRequest, username: str, password: str, address: str = ""
) -> User:
    """Check the credentials against every configured backend (LDAP first when set).

    Wrong passwords, unknown users and disabled accounts get the same answer, so the
    answer does not tell an attacker which accounts exist; each failure is counted
    against the username and the client address (see login_is_throttled).
    """
    user = authenticate(request, username=username, password=password)
    if not isinstance(user, User) or not user.is_active:
        login_failure_record(username=username, address=address)
        raise AuthenticationFailed(_("The username or password is not correct."))
    return user


def token_for_user(*, user: User) -> str:
    token, _created = Token.objects.get_or_create(user=user)
    return str(token.key)
