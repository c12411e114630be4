"""The Django admin's login, throttled as the API's logins are (core.login_throttle)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from core.api.throttles import LoginAttemptRateThrottle, client_address
from core.login_throttle import login_failure_record, login_success_record, login_wait_seconds


def _wait(request: HttpRequest, *, username: str, address: str) -> int | None:
    attempts = LoginAttemptRateThrottle()
    if not attempts.allow_request(request, None):  # type: ignore[arg-type]
        return int(attempts.wait() or 1)
    return login_wait_seconds(username=username, address=address)


def admin_login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """admin.site.login, refusing with 429 while the username and address must wait."""
    if request.method != "POST":
        return admin.site.login(request, extra_context)
    username = str(request.POST.get("username", ""))
    address = client_address(request)  # type: ignore[arg-type]
    wait = _wait(request, username=username, address=address)
    if wait is not None:
        message = _("Too many login attempts. Try again in %(seconds)d seconds.") % {
            "seconds": wait
        }
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(wait)
        return response
    response = admin.site.login(request, extra_context)
    if response.status_code == 302 and request.user.is_authenticated:
        login_success_record(username=username, address=address)
    else:
        login_failure_record(username=username, address=address)
    return response
