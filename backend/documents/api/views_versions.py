"""/api/documents/{id}/versions/: the immutable versions, one version, and a diff."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from documents.api.base import VisibleDocumentViewSet
from documents.api.serializers_input import VersionDiffQuerySerializer
from documents.api.serializers_output import (
    VersionBriefSerializer,
    VersionDiffOutputSerializer,
    VersionOutputSerializer,
)
from documents.diff import version_diff
from documents.models import DocumentVersion


class DocumentVersionViewSet(VisibleDocumentViewSet):
    pagination_class = None

    def _version(self, number: int) -> DocumentVersion:
        document = self.get_object()
        version = (
            DocumentVersion.objects.select_related("created_by")
            .filter(document=document, number=number)
            .first()
        )
        if version is None:
            raise Http404
        return version

    @extend_schema(responses=VersionBriefSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="versions")
    def versions(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        versions = DocumentVersion.objects.select_related("created_by").filter(document=document)
        return Response(VersionBriefSerializer(versions, many=True).data)

    @extend_schema(responses=VersionOutputSerializer)
    @action(detail=True, methods=["get"], url_path=r"versions/(?P<number>[0-9]+)")
    def version(self, request: Request, pk: str, number: str) -> Response:
        return Response(VersionOutputSerializer(self._version(int(number))).data)

    @extend_schema(parameters=[VersionDiffQuerySerializer], responses=VersionDiffOutputSerializer)
    @action(detail=True, methods=["get"], url_path="versions/diff")
    def diff(self, request: Request, pk: str) -> Response:
        query = VersionDiffQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        old = self._version(query.validated_data["old"])
        new = self._version(query.validated_data["new"])
        changes = version_diff(old.content, new.content)
        return Response({"old": old.number, "new": new.number, **changes})
