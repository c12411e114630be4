"""Approval-line endpoints (engineer "documents").

/api/documents/{id}/line/suggestion/ (GET, or POST with facts not yet saved),
/api/documents/{id}/line/validate/ (POST a proposed line), /api/saved-lines/ (own
saved lines: list, create, delete, apply to a document), /api/delegation-rules/.
Line endpoints act for the drafter only: others who may see the document get 403,
everyone else 404.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from approvals.api.line_output import line_output
from approvals.api.serializers_lines import (
    DelegationRuleOutputSerializer,
    LineInputSerializer,
    LineOutputSerializer,
    SavedLineApplyInputSerializer,
    SavedLineApplyOutputSerializer,
    SavedLineInputSerializer,
    SavedLineOutputSerializer,
    SavedLineWarningSerializer,
    SuggestionInputSerializer,
)
from approvals.line import LineSpec, line_suggest, line_validate
from approvals.line_saved import (
    saved_line_create,
    saved_line_delete,
    saved_line_spec,
    saved_line_warnings,
)
from approvals.models import DelegationRule, SavedLine
from approvals.rules import document_facts, subject_rank
from documents.api.base import VisibleDocumentViewSet, required_person, visible_documents
from documents.models import Document


def _drafter_only(request: Request, document: Document) -> None:
    if document.drafter_id != required_person(request).pk:
        raise PermissionDenied(_("Only the drafter works on the approval line."))


class DocumentLineViewSet(VisibleDocumentViewSet):
    pagination_class = None

    def _suggest(self, request: Request, facts: dict[str, Any]) -> Response:
        document = self.get_object()
        _drafter_only(request, document)
        spec = line_suggest(drafter=document.drafter, kind=document.kind, facts=facts)
        return Response(line_output(document=document, spec=spec, facts=facts))

    @extend_schema(responses=LineOutputSerializer)
    @action(detail=True, methods=["get"], url_path="line/suggestion")
    def suggestion(self, request: Request, pk: str) -> Response:
        return self._suggest(request, document_facts(document=self.get_object()))

    @extend_schema(request=SuggestionInputSerializer, responses=LineOutputSerializer)
    @suggestion.mapping.post
    def suggestion_for_facts(self, request: Request, pk: str) -> Response:
        given = SuggestionInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        facts = document_facts(document=self.get_object())
        if "amount" in given.validated_data:
            facts["amount"] = given.validated_data["amount"]
        if "subject_person" in given.validated_data:
            facts["subject_rank"] = subject_rank(given.validated_data["subject_person"])
        return self._suggest(request, facts)

    @extend_schema(request=LineInputSerializer, responses=LineOutputSerializer)
    @action(detail=True, methods=["post"], url_path="line/validate")
    def validate_line(self, request: Request, pk: str) -> Response:
        document = self.get_object()
        _drafter_only(request, document)
        given = LineInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        spec = LineSpec.from_data(given.validated_data)
        line_validate(document=document, spec=spec)
        facts = document_facts(document=document)
        return Response(line_output(document=document, spec=spec, facts=facts))


class SavedLineViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[SavedLine],
):
    serializer_class = SavedLineOutputSerializer
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self) -> QuerySet[SavedLine]:
        # Saved lines are private: another person's answers 404.
        return SavedLine.objects.filter(owner__user_id=self.request.user.pk or 0).order_by("name")

    def _output(self, saved_lines: list[SavedLine]) -> Any:
        context = {"warnings": saved_line_warnings(saved_lines=saved_lines)}
        return SavedLineOutputSerializer(saved_lines, many=True, context=context).data

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        if page is None:
            return Response(self._output(list(self.get_queryset())))
        return self.get_paginated_response(self._output(page))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self._output([self.get_object()])[0])

    @extend_schema(request=SavedLineInputSerializer, responses={201: SavedLineOutputSerializer})
    def create(self, request: Request) -> Response:
        given = SavedLineInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        saved = saved_line_create(
            owner=required_person(request),
            name=given.validated_data["name"],
            kind=given.validated_data.get("kind", ""),
            spec=LineSpec.from_data(given.validated_data["line"]),
        )
        return Response(self._output([saved])[0], status.HTTP_201_CREATED)

    @extend_schema(responses={204: None})
    def destroy(self, request: Request, pk: str) -> Response:
        saved_line_delete(saved_line=self.get_object(), actor=required_person(request))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=SavedLineApplyInputSerializer, responses=SavedLineApplyOutputSerializer)
    @action(detail=True, methods=["post"])
    def apply(self, request: Request, pk: str) -> Response:
        """Check the saved line against a document; who left is refused on their entry
        (400), who moved is named in `warnings`."""
        saved = self.get_object()
        given = SavedLineApplyInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        document = visible_documents(request).filter(pk=given.validated_data["document"]).first()
        if document is None:
            raise Http404
        _drafter_only(request, document)
        spec = saved_line_spec(saved_line=saved)
        line_validate(document=document, spec=spec)
        facts = document_facts(document=document)
        warnings = saved_line_warnings(saved_lines=[saved])[saved.pk]
        return Response(
            {
                **line_output(document=document, spec=spec, facts=facts),
                "warnings": SavedLineWarningSerializer(warnings, many=True).data,
            }
        )


class DelegationRuleViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[DelegationRule]):
    """The delegation rules in force, for every staff member to read (edited in the admin)."""

    serializer_class = DelegationRuleOutputSerializer
    pagination_class = None
    queryset = DelegationRule.objects.filter(active=True).order_by("kind", "required_rank")
