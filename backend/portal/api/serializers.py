"""The open-data serializers: explicit allow-lists of public fields, never more.

A test pins the exact field lists; adding a field is a deliberate change there.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from core.disclosure_law import GROUNDS
from portal.models import Publication

PUBLICATION_FIELDS: tuple[str, ...] = (
    "id",
    "number",
    "title",
    "kind",
    "unit_id",
    "unit_name",
    "approved_at",
    "published_at",
    "level",
    "grounds",
    "url",
    "pdf_url",
)


class OpenDataPublicationSerializer(serializers.ModelSerializer[Publication]):
    """A published document's metadata; the text is on its page and in its PDF."""

    unit_id = serializers.IntegerField(read_only=True)
    grounds = serializers.ListField(child=serializers.IntegerField(), read_only=True)
    url = serializers.SerializerMethodField()
    pdf_url = serializers.SerializerMethodField()

    class Meta:
        model = Publication
        fields = PUBLICATION_FIELDS
        read_only_fields = PUBLICATION_FIELDS

    def get_url(self, publication: Publication) -> str:
        return self._absolute(reverse("portal:document", kwargs={"pk": publication.pk}))

    def get_pdf_url(self, publication: Publication) -> str | None:
        if publication.level == "closed" or not publication.public_pdf:
            return None
        return self._absolute(reverse("portal:document-pdf", kwargs={"pk": publication.pk}))

    def _absolute(self, path: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


TRANSPARENCY_FIELDS: tuple[str, ...] = (
    "unit_id",
    "unit_name",
    "month",
    "published",
    "open",
    "partial",
    "closed",
    "withdrawn",
    *(f"ground_{n}" for n in GROUNDS),
    *(f"requests_{outcome}" for outcome in ("pending", "granted", "partial", "refused")),
)


class OpenDataTransparencySerializer(serializers.Serializer[Any]):
    """Aggregate figures of one unit in one month (no document, no person): documents
    published by level, grounds cited, withdrawals, and disclosure requests received
    that month by how they ended (pending, granted, partly granted, refused).

    The fields are built in ``get_fields`` because one of them is named ``partial``,
    which a serializer class cannot declare as an attribute of its own.
    """

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields: dict[str, serializers.Field[Any, Any, Any, Any]] = {
            "unit_id": serializers.IntegerField(),
            "unit_name": serializers.CharField(),
            "month": serializers.CharField(help_text="YYYY-MM"),
        }
        for name in TRANSPARENCY_FIELDS[3:]:
            fields[name] = serializers.IntegerField()
        return fields
