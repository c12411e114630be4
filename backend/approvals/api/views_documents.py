"""Document actions of the drafter: /api/documents/{id}/submit|recall|resubmit|withdraw/.

The queryset is the documents the user may see (others get 404); the services then
allow only the drafter (403 for anyone else) and only from the right status (409).
Each action accepts an `Idempotency-Key` header.
"""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from approvals.api.permissions import request_address, request_person
from approvals.api.serializers import (
    ActionReasonInputSerializer,
    BoxDocumentOutputSerializer,
    ResubmitInputSerializer,
    SubmitInputSerializer,
    line_spec_of,
)
from approvals.api.views_tasks import IDEMPOTENCY_PARAMETER
from approvals.line import line_suggest
from approvals.rules import document_facts
from approvals.services import (
    document_recall,
    document_resubmit,
    document_submit,
    document_withdraw,
)
from core.api.idempotency import idempotency_key_of, idempotent_response
from documents.models import Document
from documents.selectors import documents_visible_to


def _schema(request: Any) -> Any:
    return extend_schema(
        request=request,
        responses=BoxDocumentOutputSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
    )


class DocumentActionViewSet(viewsets.GenericViewSet[Document]):
    serializer_class = BoxDocumentOutputSerializer
    lookup_value_regex = r"[0-9]+"
    pagination_class = None

    def get_queryset(self) -> QuerySet[Document]:
        person = request_person(self.request)
        return documents_visible_to(person=person).select_related(
            "unit", "drafter", "current_version"
        )

    def _answer(self, document: Document) -> Response:
        document = self.get_queryset().get(pk=document.pk)
        return Response(BoxDocumentOutputSerializer(document).data)

    @_schema(SubmitInputSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        """Submit on the given line, or on the suggested one when none is given."""
        document = self.get_object()
        person = request_person(request)
        serializer = SubmitInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        spec = line_spec_of(serializer.validated_data) or line_suggest(
            drafter=document.drafter, kind=document.kind, facts=document_facts(document=document)
        )

        def produce() -> Response:
            submitted = document_submit(
                document=document,
                actor=person,
                spec=spec,
                idempotency_key=idempotency_key_of(request),
                client_address=request_address(request),
            )
            return self._answer(submitted)

        return idempotent_response(request, produce)

    @_schema(None)
    @action(detail=True, methods=["post"])
    def recall(self, request: Request, pk: str | None = None) -> Response:
        """Recall for revision while nobody on the line has acted yet."""
        document = self.get_object()
        person = request_person(request)

        def produce() -> Response:
            recalled = document_recall(
                document=document, actor=person, client_address=request_address(request)
            )
            return self._answer(recalled)

        return idempotent_response(request, produce)

    @_schema(ResubmitInputSerializer)
    @action(detail=True, methods=["post"])
    def resubmit(self, request: Request, pk: str | None = None) -> Response:
        """Send a returned or recalled document again, revised, as a new round."""
        document = self.get_object()
        person = request_person(request)
        serializer = ResubmitInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        data = dict(values["content"]) if values.get("content") else None
        if data is not None and "lock_version" in values:
            data["lock_version"] = values["lock_version"]

        def produce() -> Response:
            resubmitted = document_resubmit(
                document=document,
                actor=person,
                data=data,
                spec=line_spec_of(values),
                client_address=request_address(request),
            )
            return self._answer(resubmitted)

        return idempotent_response(request, produce)

    @_schema(ActionReasonInputSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        """Withdraw the document before approval; a reason is required."""
        document = self.get_object()
        person = request_person(request)
        serializer = ActionReasonInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def produce() -> Response:
            withdrawn = document_withdraw(
                document=document,
                actor=person,
                reason=serializer.validated_data["reason"],
                client_address=request_address(request),
            )
            return self._answer(withdrawn)

        return idempotent_response(request, produce)
