"""Domain errors: what a service, selector, flow or task refuses, free of HTTP.

Each error carries what the user is told (`detail`: a message, a list of them, or a
dict naming the fields, as "budget": {"amount": [...]}), a machine `code` and its
`kind`, the error's name in the API's body (`type`). The API maps each kind to its
HTTP status in one place (core/api/errors.py), so the same error raised in a Celery
task or a flow node means the same thing and carries no HTTP at all.
"""

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Message = str | Promise


class DomainError(Exception):
    """The base of every refusal a service may raise; never raised itself."""

    kind = "error"
    default_detail: Message = _("The request could not be carried out.")
    default_code = "error"

    def __init__(
        self,
        detail: Message | list[Any] | dict[str, Any] | None = None,
        code: str | None = None,
    ) -> None:
        self.detail: Any = self.default_detail if detail is None else detail
        self.code = code or self.default_code
        # Fields an error adds to the API's body beside `detail` (a task's conflict:
        # `acted_by`), each declared in the schema's Error (core/api/serializers.py).
        self.body_extra: dict[str, Any] = {}
        super().__init__(self.detail)

    @property
    def has_default_detail(self) -> bool:
        return self.detail is self.default_detail

    def __str__(self) -> str:
        return first_message(self.detail)


class InvalidInput(DomainError):
    """The input breaks a rule: the detail names the field when there is one."""

    kind = "validation_error"
    default_detail = _("The input is not valid.")
    default_code = "invalid"


class Refused(DomainError):
    """The actor may not do this to an object they may see."""

    kind = "permission_denied"
    default_detail = _("You may not do this.")
    default_code = "permission_denied"


class NotFound(DomainError):
    """No such object, or one the actor may not know exists."""

    kind = "not_found"
    default_detail = _("Not found.")
    default_code = "not_found"


class ConflictError(DomainError):
    """Someone else changed the object first: the client must reload and decide again."""

    kind = "conflict"
    default_detail = _("Someone else acted on this first. Reload and try again.")
    default_code = "conflict"


class LockBusyError(DomainError):
    """The object is locked by a concurrent action for longer than we wait; retry shortly."""

    kind = "busy"
    default_detail = _("This item is busy with another action. Try again in a moment.")
    default_code = "busy"
    retry_after_seconds = 2


class PayloadTooLargeError(DomainError):
    """The request body is larger than the API accepts; nothing of it was read as input."""

    kind = "too_large"
    default_detail = _("The request body is too large.")
    default_code = "too_large"


class IdempotencyKeyReusedError(DomainError):
    """An Idempotency-Key came back with another body: replaying would answer another request."""

    kind = "idempotency_key_reused"
    default_detail = _(
        "This Idempotency-Key was already used for a request with another body. "
        "Send a new key with a new request."
    )
    default_code = "idempotency_key_reused"


class CredentialsRejected(DomainError):
    """The credentials given do not name an active user."""

    kind = "authentication_failed"
    default_detail = _("The username or password is not correct.")
    default_code = "authentication_failed"


def first_message(detail: Any) -> str:
    """The first message of a detail however nested (for a one-line summary)."""
    while isinstance(detail, dict | list) and detail:
        detail = next(iter(detail.values())) if isinstance(detail, dict) else detail[0]
    return str(detail)


def plain_detail(detail: Any) -> Any:
    """The detail as JSON takes it, shaped as the API shows it: every message a
    string, a message on its own a list of one."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(key): plain(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        return str(value)

    shaped = plain(detail)
    return shaped if isinstance(shaped, dict | list) else [shaped]
