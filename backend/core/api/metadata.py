"""What an OPTIONS request answers: the view's name and the formats it speaks.

DRF's default also describes the fields of POST and PUT from the view's
serializer_class. Here input and output serializers are separate, so that would
describe the output as the input, and views without a serializer_class answered
500. The shapes are the OpenAPI schema's (/api/schema/); the methods are in the
Allow header.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.urls import reverse
from rest_framework.metadata import BaseMetadata

if TYPE_CHECKING:
    # Imported for the annotations only: DRF's views import this module's class.
    from rest_framework.request import Request
    from rest_framework.views import APIView


class FormatsMetadata(BaseMetadata):
    def determine_metadata(self, request: Request, view: APIView) -> dict[str, Any]:
        return {
            "name": view.get_view_name(),
            "description": view.get_view_description(),
            "renders": [renderer.media_type for renderer in view.renderer_classes],
            "parses": [parser.media_type for parser in view.parser_classes],
            "schema": reverse("schema"),
        }
