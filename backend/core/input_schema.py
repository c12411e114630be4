"""Checking JSON-like input against a declared shape, for the domain layer.

The shape of a document's content or of a citizen's request is declared once, with
DRF's serializer fields, and the API exposes and documents those same classes. A
service that receives such input from a caller other than the API (another service,
the demo, a flow) checks it here, so the rules are the same from every road in; the
serializer's errors leave as InvalidInput, a domain error, never as an HTTP one.
"""

from typing import Any

from rest_framework.serializers import BaseSerializer

from core.errors import InvalidInput


def input_validated(
    schema: type[BaseSerializer[Any]], data: dict[str, Any], *, partial: bool = False
) -> dict[str, Any]:
    """`data` as `schema` validates it; InvalidInput naming each field otherwise."""
    serializer = schema(data=data, partial=partial)
    if not serializer.is_valid():
        raise InvalidInput(dict(serializer.errors))
    return dict(serializer.validated_data)
