"""/api/documents/{id}/preview/: a draft in the official layout, for its drafter.

Who may see the document but did not draft it gets 403, anyone else 404 (the
documents API's base viewset); an approved document has its signed PDF instead
(/pdf/), so it has no preview. The answer is HTML (signing.draft_preview) under a
Content-Security-Policy that lets nothing load or run.
"""

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

from documents.api.base import VisibleDocumentViewSet, required_person
from documents.models import DocumentStatus
from signing.draft_preview import PREVIEW_CSP, draft_preview_html


class DocumentPreviewViewSet(VisibleDocumentViewSet):
    """The draft's official form as it would print, before it is approved."""

    def perform_content_negotiation(
        self, request: Request, force: bool = False
    ) -> tuple[BaseRenderer, str]:
        # The HTML is written by hand below; errors still answer JSON.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        responses={
            (200, "text/html"): OpenApiResponse(
                OpenApiTypes.STR,
                description="The official form of the draft as one HTML page (no script).",
            )
        }
    )
    @action(detail=True, methods=["get"], url_path="preview")
    def preview(self, request: Request, pk: str) -> HttpResponse:
        document = self.get_object()
        if document.drafter_id != required_person(request).pk:
            raise PermissionDenied(_("Only the drafter previews a draft."))
        if document.status == DocumentStatus.APPROVED:
            raise NotFound(_("An approved document has its official PDF, not a preview."))
        response = HttpResponse(
            draft_preview_html(document=document), content_type="text/html; charset=utf-8"
        )
        response["Content-Security-Policy"] = PREVIEW_CSP
        response["Cache-Control"] = "no-store"
        return response
