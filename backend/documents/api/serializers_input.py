"""What clients send: document content, draft updates, uploads.

The services validate the content again (one place for each rule); these describe
the shape for the OpenAPI contract and reject malformed requests early.
"""

from typing import Any

from rest_framework import serializers

from documents.content_schema import DocumentContentSerializer
from documents.models import DocumentKind


class DocumentCreateInputSerializer(DocumentContentSerializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)


class DocumentUpdateInputSerializer(DocumentContentSerializer):
    """Any content field; `lock_version` (or an If-Match header) names what was read."""

    lock_version = serializers.IntegerField(min_value=1, required=False)


class AttachmentUploadInputSerializer(serializers.Serializer[Any]):
    file = serializers.FileField()


class VersionDiffQuerySerializer(serializers.Serializer[Any]):
    old = serializers.IntegerField(min_value=1, help_text="The earlier version number.")
    new = serializers.IntegerField(min_value=1, help_text="The later version number.")
