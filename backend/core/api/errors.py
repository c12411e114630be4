"""One JSON shape for every API error, naming the field and the reason.

    {"type": "validation_error", "detail": "...",
     "errors": [{"field": "title", "code": "required", "message": "..."}]}

A conflict on a task action adds `acted_by` (who acted first). The schema declares
the shape once as the component `Error` (core/api/schema.py).

Non-field errors use the field name "non_field_errors"; nested fields are dotted
("line.stages.0.steps"). Clients can rely on `type` and `errors[].field`.
"""

from typing import Any

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import (
    ConflictError,
    IdempotencyKeyReusedError,
    LockBusyError,
    PayloadTooLargeError,
)


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    if isinstance(detail, dict):
        items: list[dict[str, str]] = []
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            items.extend(_flatten(value, name))
        return items
    if isinstance(detail, list):
        items = []
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                items.extend(_flatten(value, f"{prefix}.{index}" if prefix else str(index)))
            else:
                items.extend(_flatten(value, prefix))
        return items
    code = getattr(detail, "code", "invalid")
    return [{"field": prefix or "non_field_errors", "code": str(code), "message": str(detail)}]


_TYPES: dict[type[exceptions.APIException], str] = {
    exceptions.ValidationError: "validation_error",
    exceptions.NotAuthenticated: "not_authenticated",
    exceptions.AuthenticationFailed: "authentication_failed",
    exceptions.PermissionDenied: "permission_denied",
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.Throttled: "throttled",
    exceptions.ParseError: "parse_error",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    ConflictError: "conflict",
    LockBusyError: "busy",
    PayloadTooLargeError: "too_large",
    IdempotencyKeyReusedError: "idempotency_key_reused",
}


def error_type(exc: exceptions.APIException) -> str:
    for klass, name in _TYPES.items():
        if isinstance(exc, klass):
            return name
    return str(getattr(exc, "default_code", "error"))


def validation_error_body(exc: exceptions.ValidationError) -> dict[str, Any]:
    """The JSON shape of invalid input, for views outside DRF too (CSV downloads)."""
    return {
        "type": "validation_error",
        "detail": _("The input is not valid."),
        "errors": _flatten(exc.detail),
    }


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        # A service's refusal says why (translated); a bare one gets DRF's default.
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        # Django's form parsing refuses these as SuspiciousOperation, which would
        # leave the API for the site's HTML 400 page.
        exc = PayloadTooLargeError()
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        body = validation_error_body(exc)
    else:
        body = {"type": error_type(exc), "detail": str(exc.detail), "errors": []}
    # An error may say more in fields of its own (a task's conflict: `acted_by`),
    # each declared in the schema's Error (core/api/serializers.py).
    body.update(getattr(exc, "body_extra", None) or {})
    response.data = body
    if isinstance(exc, LockBusyError):
        response["Retry-After"] = str(exc.retry_after_seconds)
    return response
