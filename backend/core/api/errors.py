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
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.errors import DomainError, PayloadTooLargeError


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
}

# The HTTP status of each kind of domain error (core/errors.py); 400 otherwise.
_STATUS: dict[str, int] = {
    "validation_error": status.HTTP_400_BAD_REQUEST,
    "authentication_failed": status.HTTP_401_UNAUTHORIZED,
    "permission_denied": status.HTTP_403_FORBIDDEN,
    "not_found": status.HTTP_404_NOT_FOUND,
    "conflict": status.HTTP_409_CONFLICT,
    "too_large": status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    "idempotency_key_reused": status.HTTP_422_UNPROCESSABLE_ENTITY,
    "busy": status.HTTP_503_SERVICE_UNAVAILABLE,
}


class _DomainAPIException(exceptions.APIException):
    """A domain error as DRF answers it, keeping its kind and extra body fields."""

    def __init__(self, error: DomainError) -> None:
        super().__init__(error.detail, error.code)
        self.status_code = _STATUS.get(error.kind, status.HTTP_400_BAD_REQUEST)
        self.kind = error.kind
        self.body_extra = error.body_extra
        self.retry_after = getattr(error, "retry_after_seconds", None)


def as_api_exception(error: DomainError) -> exceptions.APIException:
    """The DRF exception that answers `error`.

    Invalid input keeps DRF's ValidationError, so its detail is normalised to lists
    per field as the serializers' own are; a bare refusal or not-found answers DRF's
    default message, which DRF translates.
    """
    if error.kind == "validation_error":
        return exceptions.ValidationError(error.detail, error.code)
    if error.kind == "authentication_failed":
        return exceptions.AuthenticationFailed(error.detail, error.code)
    if error.has_default_detail and error.kind == "permission_denied":
        return exceptions.PermissionDenied()
    if error.has_default_detail and error.kind == "not_found":
        return exceptions.NotFound()
    return _DomainAPIException(error)


def error_type(exc: exceptions.APIException) -> str:
    kind = getattr(exc, "kind", None)
    if kind is not None:
        return str(kind)
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


def _answered_as_drf_would(
    exc: exceptions.APIException, context: dict[str, Any]
) -> exceptions.APIException:
    """What APIView.handle_exception does to a failed login before it reaches here:
    the view's WWW-Authenticate header, or 403 where the view has none."""
    if isinstance(exc, exceptions.AuthenticationFailed):
        view, request = context.get("view"), context.get("request")
        header = view.get_authenticate_header(request) if view and request else None
        if header:
            exc.auth_header = header  # type: ignore[attr-defined]
        else:
            exc.status_code = status.HTTP_403_FORBIDDEN
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        exc = _answered_as_drf_would(as_api_exception(exc), context)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        # A service's refusal says why (translated); a bare one gets DRF's default.
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        # Django's form parsing refuses these as SuspiciousOperation, which would
        # leave the API for the site's HTML 400 page.
        exc = as_api_exception(PayloadTooLargeError())
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
    retry_after = getattr(exc, "retry_after", None)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response
