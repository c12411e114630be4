"""Withheld paragraphs (disclosure by design): the drafter while drafting, records officers.

A document is found only by those who may mark it: its drafter, and records officers
once it was submitted (a draft never submitted is its drafter's alone, as on every
document endpoint); anyone else gets 404, so the endpoint does not reveal which
documents exist.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from disclosure.api.serializers import WithheldInputSerializer, WithheldParagraphSerializer
from disclosure.api.views import acting_person
from disclosure.models import DisclosureReview, WithheldParagraph
from disclosure.redaction import parse_body
from disclosure.roles import is_records_officer
from disclosure.services.marks import (
    draft_is_private,
    withheld_paragraph_mark,
    withheld_paragraph_unmark,
)
from documents.models import Document


def _document(request: Request, document_id: int) -> Document:
    document = get_object_or_404(Document.objects.select_related("drafter"), pk=document_id)
    if document.drafter.user_id == request.user.pk:
        return document
    if is_records_officer(request.user) and not draft_is_private(document):
        return document
    raise Http404


class WithheldParagraphListView(APIView):
    """The body's paragraphs with their marks (the approved body once reviewed)."""

    @extend_schema(responses=WithheldParagraphSerializer(many=True))
    def get(self, request: Request, document_id: int) -> Response:
        document = _document(request, document_id)
        html = _body_html(document)
        marks = {m.index: m for m in WithheldParagraph.objects.filter(document=document)}
        rows = [
            {"index": p.index, "text": p.text, "mark": marks.get(p.index)}
            for p in parse_body(html).paragraphs
        ]
        return Response(WithheldParagraphSerializer(rows, many=True).data)  # type: ignore[arg-type]


class WithheldParagraphView(APIView):
    """Mark (PUT) or unmark (DELETE) one paragraph as not for publication."""

    @extend_schema(request=WithheldInputSerializer, responses=WithheldParagraphSerializer)
    def put(self, request: Request, document_id: int, index: int) -> Response:
        document = _document(request, document_id)
        data = WithheldInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mark = withheld_paragraph_mark(
            document=document, actor=acting_person(request), index=index, **data.validated_data
        )
        text = parse_body(_body_html(document)).paragraphs[mark.index].text
        return Response(
            WithheldParagraphSerializer({"index": mark.index, "text": text, "mark": mark}).data
        )

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, document_id: int, index: int) -> Response:
        document = _document(request, document_id)
        withheld_paragraph_unmark(document=document, actor=acting_person(request), index=index)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _body_html(document: Document) -> str:
    review = DisclosureReview.objects.select_related("version").filter(document=document).first()
    return str(review.version.content.get("body") or "") if review else document.body
