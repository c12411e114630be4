"""The boxes: /api/boxes/ (how many in each) and /api/boxes/{box}/ (a page of one).

Filters: kind, status, unit, date_from, date_to (the submission date, the creation
date for drafts) and q (text in the title or number). A page costs the same number
of queries whatever its size.
"""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from approvals.api.permissions import request_person
from approvals.api.serializers import (
    BoxCountsOutputSerializer,
    BoxFilterInputSerializer,
    BoxItemOutputSerializer,
)
from approvals.models import ApprovalStep
from approvals.selectors import (
    BOXES,
    STEP_BOXES,
    BoxFilters,
    box_counts,
    document_box,
    step_box,
)


def _filters(request: Request) -> BoxFilters:
    serializer = BoxFilterInputSerializer(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    values = serializer.validated_data
    return BoxFilters(
        kind=values.get("kind"),
        status=values.get("status"),
        unit_id=values.get("unit"),
        date_from=values.get("date_from"),
        date_to=values.get("date_to"),
        text=values.get("q"),
    )


class BoxCountsView(GenericAPIView[Any]):
    serializer_class = BoxCountsOutputSerializer
    queryset = ApprovalStep.objects.none()

    @extend_schema(responses=BoxCountsOutputSerializer, operation_id="boxes_counts")
    def get(self, request: Request) -> Response:
        return Response({"counts": box_counts(person=request_person(request))})


class BoxView(GenericAPIView[Any]):
    serializer_class = BoxItemOutputSerializer
    queryset = ApprovalStep.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter("box", str, OpenApiParameter.PATH, enum=list(BOXES)),
            BoxFilterInputSerializer,
        ],
        responses=BoxItemOutputSerializer(many=True),
        operation_id="boxes_list",
    )
    def get(self, request: Request, box: str) -> Response:
        if box not in BOXES:
            raise NotFound()
        person = request_person(request)
        filters = _filters(request)
        items: list[dict[str, Any]]
        if box in STEP_BOXES:
            steps = self.paginate_queryset(step_box(person=person, box=box, filters=filters))
            items = [{"document": step.stage.document, "step": step} for step in steps or []]
        else:
            documents = self.paginate_queryset(
                document_box(person=person, box=box, filters=filters)
            )
            items = [{"document": document, "step": None} for document in documents or []]
        output = BoxItemOutputSerializer(items, many=True)  # type: ignore[arg-type]
        return self.get_paginated_response(output.data)
