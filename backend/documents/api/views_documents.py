"""/api/documents/: list, create, detail (with ETag), update (lock_version / If-Match),
delete. The workflow actions on a document live in approvals.api (engineer "workflows")."""

import re

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from approvals.models import ApprovalStage, ApprovalStep
from core.api.body import body_object
from core.errors import ConflictError
from documents.api.base import VisibleDocumentViewSet, required_person
from documents.api.filters import DocumentFilter
from documents.api.serializers_input import (
    DocumentCreateInputSerializer,
    DocumentUpdateInputSerializer,
)
from documents.api.serializers_output import (
    DocumentDetailOutputSerializer,
    DocumentListOutputSerializer,
)
from documents.models import Document
from documents.selectors import document_timeline, document_warnings
from documents.services import draft_create, draft_delete, draft_update

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag of the detail read; a stale one is refused with 409.",
)
ETAG = re.compile(r'^(?:W/)?"(\d+)-(\d+)"$')


def etag_of(document: Document) -> str:
    return f'"{document.pk}-{document.lock_version}"'


def expected_lock_version(request: Request, document: Document) -> int:
    """The lock_version the client read, from the body and/or the If-Match header."""
    candidates: set[int] = set()
    header = request.headers.get("If-Match", "").strip()
    if header:
        match = ETAG.match(header)
        if match is None or int(match.group(1)) != document.pk:
            raise ConflictError(_("The If-Match header does not name this document's ETag."))
        candidates.add(int(match.group(2)))
    body = DocumentUpdateInputSerializer(data=request.data, partial=True)
    body.is_valid(raise_exception=True)
    if "lock_version" in body.validated_data:
        candidates.add(body.validated_data["lock_version"])
    if not candidates:
        raise ValidationError({"lock_version": [_("Send lock_version or an If-Match header.")]})
    if len(candidates) > 1:
        raise ConflictError(_("lock_version and If-Match disagree."))
    return candidates.pop()


class DocumentViewSet(
    mixins.ListModelMixin,
    VisibleDocumentViewSet,
):
    filterset_class = DocumentFilter
    serializer_class = DocumentListOutputSerializer

    def get_queryset(self) -> QuerySet[Document]:
        queryset = (
            super().get_queryset().select_related("drafter__position", "drafter__unit", "unit")
        )
        if self.action == "list":
            return queryset
        steps = ApprovalStep.objects.select_related(
            "assignee__position", "assignee__unit", "acted_by__position", "acted_by__unit"
        )
        return queryset.select_related(
            "current_version__created_by",
            "budget__budget_line",
            "personnel__person__position",
            "personnel__person__unit",
        ).prefetch_related(
            "attachments",
            Prefetch(
                "stages",
                queryset=ApprovalStage.objects.prefetch_related(Prefetch("steps", queryset=steps)),
            ),
            "references__person__position",
            "references__person__unit",
        )

    def _detail(self, document: Document, code: int = status.HTTP_200_OK) -> Response:
        document = self.get_queryset().get(pk=document.pk)
        context = {
            "timeline": document_timeline(document=document),
            "warnings": document_warnings(document=document),
        }
        response = Response(DocumentDetailOutputSerializer(document, context=context).data, code)
        response["ETag"] = etag_of(document)
        return response

    @extend_schema(
        request=DocumentCreateInputSerializer, responses={201: DocumentDetailOutputSerializer}
    )
    def create(self, request: Request) -> Response:
        person = required_person(request)
        data = body_object(request)
        kind = str(data.pop("kind", ""))
        document = draft_create(
            drafter=person, kind=kind, data=data, client_address=self.client_address()
        )
        return self._detail(document, status.HTTP_201_CREATED)

    @extend_schema(responses=DocumentDetailOutputSerializer)
    def retrieve(self, request: Request, pk: str) -> Response:
        return self._detail(self.get_object())

    @extend_schema(
        request=DocumentUpdateInputSerializer,
        responses=DocumentDetailOutputSerializer,
        parameters=[IF_MATCH],
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        person = required_person(request)
        lock_version = expected_lock_version(request, document)
        data = {k: v for k, v in body_object(request).items() if k != "lock_version"}
        updated = draft_update(
            document=document,
            actor=person,
            lock_version=lock_version,
            data=data,
            client_address=self.client_address(),
        )
        return self._detail(updated)

    @extend_schema(responses={204: None})
    def destroy(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        draft_delete(
            document=document, actor=required_person(request), client_address=self.client_address()
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
