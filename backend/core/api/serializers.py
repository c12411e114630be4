from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class LoginInputSerializer(serializers.Serializer[dict[str, str]]):
    username = serializers.CharField(max_length=150, label=_("username"))
    password = serializers.CharField(
        max_length=256, trim_whitespace=False, style={"input_type": "password"}
    )


class TokenOutputSerializer(serializers.Serializer[dict[str, str]]):
    token = serializers.CharField()


class SessionOutputSerializer(serializers.Serializer[dict[str, str]]):
    username = serializers.CharField()


class CsrfOutputSerializer(serializers.Serializer[dict[str, str]]):
    csrf_token = serializers.CharField()


class ErrorItemSerializer(serializers.Serializer[dict[str, str]]):
    """One reason the input was refused, on the field it names (dotted for nested ones)."""

    field = serializers.CharField(help_text="Field path, e.g. `line.stages.0.steps`.")
    code = serializers.CharField(help_text="Stable reason code, e.g. `required`.")
    message = serializers.CharField(help_text="The reason, in the request's language.")


class ActedBySerializer(serializers.Serializer[dict[str, object]]):
    """Who took the task first (a 409 on a task action, for people on its line)."""

    name = serializers.CharField()
    position = serializers.CharField(allow_blank=True)
    action = serializers.CharField(help_text="What they did: the step's status (`approved` ...).")
    acted_at = serializers.DateTimeField(allow_null=True)


class ErrorSerializer(serializers.Serializer[dict[str, object]]):
    """The one body of every API error (core/api/errors.py), for the schema.

    The fields are made in get_fields: one is called `errors`, which as a class
    attribute would hide the serializer's own `errors`.
    """

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        return {
            "type": serializers.CharField(
                help_text="Stable kind: `validation_error`, `not_authenticated`, "
                "`permission_denied`, `not_found`, `conflict`, `busy`, `throttled`, "
                "`too_large`, `idempotency_key_reused` ..."
            ),
            "detail": serializers.CharField(
                help_text="What went wrong, in the request's language."
            ),
            "errors": ErrorItemSerializer(many=True),
            "acted_by": ActedBySerializer(
                required=False, help_text="On a 409 of a task action: who acted first."
            ),
        }
