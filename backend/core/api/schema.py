"""The schema of the API's errors: every operation's 4xx and 503 answers carry `Error`.

The exception handler (core/api/errors.py) answers every error in one shape; this
AutoSchema declares it once, as the component `Error`, and adds to each operation the
error answers it can give: 400 (a body, or query parameters), 401 and 403 (unless it
is public), 404 (a path with an id), 413 (a body), 429 (a throttled view). An answer a
view declares itself keeps its own body (a rendition's 409 is the rendition); one
declared without a body (the task actions' 409, 422, 503) gets `Error`.
"""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ComponentRegistry
from rest_framework.permissions import AllowAny

from core.api.serializers import ErrorSerializer

UNSAFE = frozenset({"POST", "PUT", "PATCH"})
DESCRIPTIONS = {
    "400": "The input is not valid: `errors` names each field.",
    "401": "Not signed in.",
    "403": "Not allowed (or the CSRF token is missing).",
    "404": "No such object, or not one the user may see.",
    "409": "Someone else acted first.",
    "413": "The request body is too large.",
    "422": "The Idempotency-Key was used with another body.",
    "429": "Too many requests: wait as Retry-After says.",
    "503": "Busy with another action: retry after Retry-After seconds.",
}
RETRY_AFTER = {
    "Retry-After": {
        "schema": {"type": "integer"},
        "description": "Seconds to wait before retrying.",
    }
}


def is_error_status(code: str) -> bool:
    return code.startswith("4") or code == "503"


class ErrorAutoSchema(AutoSchema):
    def get_operation(
        self,
        path: str,
        path_regex: str,
        path_prefix: str,
        method: str,
        registry: ComponentRegistry,
    ) -> dict[str, Any] | None:
        operation: dict[str, Any] | None = super().get_operation(
            path, path_regex, path_prefix, method, registry
        )
        if operation is None:
            return None
        responses: dict[str, Any] = operation["responses"]
        for code in self._error_statuses(path, operation):
            responses.setdefault(code, {})
        error_ref = self.resolve_serializer(ErrorSerializer, "response").ref
        for code, response in responses.items():
            if not is_error_status(code):
                continue
            response.setdefault("description", DESCRIPTIONS.get(code, "Error."))
            response.setdefault("content", {"application/json": {"schema": error_ref}})
            if code in ("429", "503"):
                response.setdefault("headers", RETRY_AFTER)
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _error_statuses(self, path: str, operation: dict[str, Any]) -> list[str]:
        codes = []
        has_body = self.method in UNSAFE
        queried = any(p.get("in") == "query" for p in operation.get("parameters", []))
        if has_body or queried:
            codes.append("400")
        if not self._is_public():
            codes += ["401", "403"]
        if "{" in path:
            codes.append("404")
        if has_body:
            codes.append("413")
        if self.view.get_throttles():
            codes.append("429")
        return codes

    def _is_public(self) -> bool:
        return all(isinstance(p, AllowAny) for p in self.view.get_permissions())
