from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from core.services import login_is_throttled


class LoginRateThrottle(BaseThrottle):
    """Refuses a login once its username or its client address failed too often.

    Failures are recorded by core.services.user_authenticate; see login_is_throttled.
    """

    def allow_request(self, request: Request, view: APIView) -> bool:
        username = request.data.get("username", "") if hasattr(request.data, "get") else ""
        return not login_is_throttled(username=str(username), address=client_address(request, self))

    def wait(self) -> float | None:
        return float(settings.LOGIN_FAILURE_WINDOW_SECONDS)


def client_address(request: Request, throttle: BaseThrottle | None = None) -> str:
    """The client's address as DRF sees it (honours NUM_PROXIES)."""
    return str((throttle or BaseThrottle()).get_ident(request))
