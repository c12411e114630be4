"""The API's throttles; every one of them names the client by core.request.client_address.

DRF's own get_ident trusts a client-supplied X-Forwarded-For unless NUM_PROXIES is
set; the project's throttles ask the one function that reads AUDIT_TRUSTED_PROXY_COUNT
instead (and settings set NUM_PROXIES from it for any DRF throttle left).
"""

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import (
    AnonRateThrottle,
    BaseThrottle,
    SimpleRateThrottle,
    UserRateThrottle,
)
from rest_framework.views import APIView

from core.login_throttle import login_wait_seconds
from core.request import client_address as request_client_address


def client_address(request: Request) -> str:
    """The client's address (core.request.client_address), "unknown" when it is not valid."""
    return request_client_address(request) or "unknown"


class ClientAddressIdent:
    """Names the client as core.request.client_address does (trusted proxies only)."""

    def get_ident(self, request: Request) -> str:
        return client_address(request)


class ClientAnonRateThrottle(ClientAddressIdent, AnonRateThrottle):
    """AnonRateThrottle keyed by the trusted client address."""


class ClientUserRateThrottle(ClientAddressIdent, UserRateThrottle):
    """UserRateThrottle keyed by the user, or the trusted client address when anonymous."""


class LoginAttemptRateThrottle(ClientAddressIdent, SimpleRateThrottle):
    """All login attempts of one client address, good or bad: LOGIN_THROTTLE_RATE."""

    scope = "login"

    def get_rate(self) -> str:
        return str(settings.LOGIN_THROTTLE_RATE)

    def get_cache_key(self, request: Request, view: APIView) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginFailureThrottle(ClientAddressIdent, BaseThrottle):
    """Refuses a login while its username and address must wait (core.login_throttle)."""

    def __init__(self) -> None:
        self._wait: int | None = None

    def allow_request(self, request: Request, view: APIView) -> bool:
        username = request.data.get("username", "") if hasattr(request.data, "get") else ""
        self._wait = login_wait_seconds(username=str(username), address=self.get_ident(request))
        return self._wait is None

    def wait(self) -> float | None:
        return float(self._wait) if self._wait is not None else None


LOGIN_THROTTLES: list[type[BaseThrottle]] = [LoginAttemptRateThrottle, LoginFailureThrottle]
