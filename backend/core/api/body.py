"""The request body as the JSON object every write endpoint takes."""

from collections.abc import Mapping
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request


def body_object(request: Request) -> dict[str, Any]:
    """The body's fields; a JSON array, string, number or null is refused with 400."""
    data = request.data
    if isinstance(data, QueryDict):
        # A form's field holds a list of values; the endpoints take one value per name.
        return data.dict()
    if not isinstance(data, Mapping):
        raise ValidationError(
            {"non_field_errors": [_("Send a JSON object (fields in braces).")]}, code="invalid"
        )
    return dict(data)
