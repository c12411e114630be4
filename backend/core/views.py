"""Liveness and readiness probes for load balancers and orchestrators."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.health import readiness


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is alive; says nothing about the services behind it."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready when every configured service answers; 503 names the failing part."""
    parts = readiness()
    failing = sorted(name for name, state in parts.items() if state not in ("ok", "not configured"))
    status = 503 if failing else 200
    return JsonResponse(
        {"status": "fail" if failing else "ok", "failing": failing, "checks": parts},
        status=status,
    )
