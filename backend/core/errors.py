"""API errors shared by every app, beyond the ones DRF defines."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException


class ConflictError(APIException):
    """Someone else changed the object first: the client must reload and decide again."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Someone else acted on this first. Reload and try again.")
    default_code = "conflict"


class LockBusyError(APIException):
    """The object is locked by a concurrent action for longer than we wait; retry shortly."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("This item is busy with another action. Try again in a moment.")
    default_code = "busy"
    retry_after_seconds = 2


class PayloadTooLargeError(APIException):
    """The request body is larger than the API accepts; nothing of it was read as input."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "too_large"


class IdempotencyKeyReusedError(APIException):
    """An Idempotency-Key came back with another body: replaying would answer another request."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _(
        "This Idempotency-Key was already used for a request with another body. "
        "Send a new key with a new request."
    )
    default_code = "idempotency_key_reused"
