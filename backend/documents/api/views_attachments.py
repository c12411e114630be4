"""/api/documents/{id}/attachments/: list, upload (multipart), remove, download.

Downloads go through the same need-to-know queryset as the document, so a file is
served only to those who may see its document; nothing is served from MEDIA_URL.
"""

from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.api.parsers import BoundedMultiPartParser
from documents.api.base import VisibleDocumentViewSet, required_person
from documents.api.serializers_input import AttachmentUploadInputSerializer
from documents.api.serializers_output import AttachmentOutputSerializer
from documents.models import Attachment
from documents.services import attachment_add, attachment_delete


class DocumentAttachmentViewSet(VisibleDocumentViewSet):
    parser_classes = (BoundedMultiPartParser,)
    pagination_class = None

    def _attachment(self, attachment_id: str) -> Attachment:
        document = self.get_object()
        attachment = Attachment.objects.filter(document=document, pk=int(attachment_id)).first()
        if attachment is None:
            raise Http404
        return attachment

    @extend_schema(responses=AttachmentOutputSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="attachments")
    def attachments(self, request: Request, pk: str) -> Response:
        items = Attachment.objects.filter(document=self.get_object())
        return Response(AttachmentOutputSerializer(items, many=True).data)

    @extend_schema(
        request={"multipart/form-data": AttachmentUploadInputSerializer},
        responses={201: AttachmentOutputSerializer},
    )
    @attachments.mapping.post
    def upload(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        upload = AttachmentUploadInputSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        attachment = attachment_add(
            document=document,
            actor=required_person(request),
            upload=upload.validated_data["file"],
            client_address=self.client_address(),
        )
        return Response(AttachmentOutputSerializer(attachment).data, status.HTTP_201_CREATED)

    @extend_schema(responses={204: None})
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"attachments/(?P<attachment_id>[0-9]+)",
    )
    def remove_attachment(self, request: Request, pk: str, attachment_id: str) -> Response:
        attachment_delete(
            attachment=self._attachment(attachment_id),
            actor=required_person(request),
            client_address=self.client_address(),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The file, as uploaded."
            )
        }
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"attachments/(?P<attachment_id>[0-9]+)/download",
    )
    def download(self, request: Request, pk: str, attachment_id: str) -> FileResponse:
        attachment = self._attachment(attachment_id)
        return FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.name,
            content_type=attachment.content_type,
        )
