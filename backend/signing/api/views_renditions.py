"""/api/documents/{id}/pdf/ and /rendition/: the official PDF for staff.

The approval box (/approval-box/) is the disclosure app's: it shows the current
disclosure decision beside the printed mark.

Who may see the document (documents_visible_to, through the documents API's base
viewset) may download its signed PDF; anyone else gets 404, as for a document that
does not exist. While the PDF is being made the answer is 202 with its state; a
failed one answers 409 with the failure. The state lists the PDF's post-approval
counter-signatures (후결); the PDF served is the current file, counter-signed or not yet.
"""

from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from documents.api.base import VisibleDocumentViewSet
from signing.api.serializers_renditions import RenditionOutputSerializer
from signing.models import Rendition, RenditionStatus
from signing.selectors import official_rendition

RETRY_AFTER_SECONDS = 5


def _not_approved() -> NotFound:
    return NotFound(_("This document has no official PDF: it is not approved."))


class DocumentRenditionViewSet(VisibleDocumentViewSet):
    """The official PDF of a visible, approved document."""

    def perform_content_negotiation(
        self, request: Request, force: bool = False
    ) -> tuple[BaseRenderer, str]:
        # A client asking for application/pdf still gets the JSON state while rendering.
        return super().perform_content_negotiation(request, force=True)

    def _rendition(self) -> Rendition:
        rendition = official_rendition(self.get_object())
        if rendition is None:
            raise _not_approved()
        return rendition

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The signed official PDF."
            ),
            202: OpenApiResponse(RenditionOutputSerializer, description="Still being made."),
            409: OpenApiResponse(RenditionOutputSerializer, description="Making it failed."),
        }
    )
    @action(detail=True, methods=["get"], url_path="pdf")
    def pdf(self, request: Request, pk: str) -> FileResponse | Response:
        rendition = self._rendition()
        if rendition.status == RenditionStatus.DONE:
            return FileResponse(
                rendition.pdf.open("rb"),
                as_attachment=True,
                filename=f"{rendition.version.document.number}.pdf",
                content_type="application/pdf",
            )
        data = RenditionOutputSerializer(rendition).data
        if rendition.status == RenditionStatus.FAILED:
            return Response(data, status=status.HTTP_409_CONFLICT)
        response = Response(data, status=status.HTTP_202_ACCEPTED)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    @extend_schema(responses=RenditionOutputSerializer)
    @action(detail=True, methods=["get"], url_path="rendition")
    def rendition(self, request: Request, pk: str) -> Response:
        return Response(RenditionOutputSerializer(self._rendition()).data)
